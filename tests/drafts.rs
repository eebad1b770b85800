//! What `qyx extract` drafts from a document's words, end to end: a baseline over a span of years
//! drafted as `kind: average | total` with `from` (and then judged by `check` as such), printed
//! signs with what the document's legend says they mean, and tables that split targets among
//! towns or counties. Every draft must pass `validate` with 0 errors.

mod common;

fn here() -> std::path::PathBuf {
    std::env::current_dir().expect("cwd")
}

/// Extracts `doc` (written to a folder of its own) and validates the draft against it: the
/// draft and `validate`'s output.
fn draft_of(doc: &str) -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("doc.txt"), doc).expect("written");
    let plans = here().join("plans");
    let plans = plans.to_str().expect("utf-8");
    let out = common::qyx(&["--plans", plans, "extract", "doc.txt"], dir.path());
    assert!(out.status.success(), "{out:?}");
    let draft = String::from_utf8(out.stdout).expect("utf-8");
    std::fs::write(dir.path().join("draft.yaml"), &draft).expect("written");
    let v = common::qyx(
        &["--plans", plans, "validate", "draft.yaml", "--sources", "."],
        dir.path(),
    );
    let report = String::from_utf8_lossy(&v.stdout).into_owned();
    let summary = report.lines().last().unwrap_or_default();
    assert!(v.status.success(), "{report}");
    assert!(summary.starts_with("0 errors"), "{report}\n{draft}");
    (dir, draft, report)
}

/// A document as Notepad or WPS saves it on a Chinese Windows — GB18030 (GBK), or UTF-16 with
/// its byte-order mark ("Unicode") or without it — and with Windows line ends: extract reads it, and `validate
/// --sources` finds every quote of the draft in it (it read the bytes as UTF-8 and found none).
#[test]
fn a_document_saved_in_gbk_or_utf16_validates_against_itself() {
    let text = SPANS.replace('\n', "\r\n");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    let plans = here().join("plans");
    let plans = plans.to_str().expect("utf-8");
    // Without its mark, as `iconv -t UTF-16LE` writes it.
    let unmarked = utf16[2..].to_vec();
    for bytes in [gbk.into_owned(), utf16, unmarked] {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("doc.txt"), &bytes).expect("written");
        let out = common::qyx(&["--plans", plans, "extract", "doc.txt"], dir.path());
        let draft = String::from_utf8(out.stdout).expect("utf-8");
        assert!(draft.contains("text: \"2.3万人\""), "{draft}");
        std::fs::write(dir.path().join("draft.yaml"), &draft).expect("written");
        let v = common::qyx(
            &["--plans", plans, "validate", "draft.yaml", "--sources", "."],
            dir.path(),
        );
        let report = String::from_utf8_lossy(&v.stdout).into_owned();
        assert!(
            report
                .lines()
                .last()
                .unwrap_or_default()
                .starts_with("0 errors"),
            "{report}"
        );
    }
}

/// What `validate` says, in English, of the `draft.yaml` in `dir` (its source beside it).
fn validated_in_english(dir: &std::path::Path) -> String {
    let plans = here().join("plans");
    let v = common::qyx(
        &[
            "--plans",
            plans.to_str().expect("utf-8"),
            "--lang",
            "en",
            "validate",
            "draft.yaml",
            "--sources",
            ".",
        ],
        dir,
    );
    String::from_utf8_lossy(&v.stdout).into_owned()
}

fn has_all(draft: &str, wants: &[&str]) {
    for want in wants {
        assert!(draft.contains(want), "no `{want}` in\n{draft}");
    }
}

const SPANS: &str = "某县公共服务“七优享”工程实施方案（2023—2027年）
表1 主要指标
| 序号 | 指标 | 2018—2022年平均 | 2025年 | 2027年 | 责任单位 |
| 1 | 城镇新增就业（人） | 5200 | 5500 | 6000 | 县人力社保局 |
| 2 | 人均预期寿命（岁） | 81.2 | 82 | 82.5 | 县卫健局 |
| 3 | 普惠托位占比（%） | 55 | 60 | 70 | 县卫健局 |
一、主要目标
“十三五”期间累计新增城镇就业2.3万人。人均预期寿命的目标以“十三五”平均值(80.9岁)为基数测算。
";

/// `2018—2022年平均` is an average over five years, not a 2018 figure; `“十三五”期间累计` a total
/// over 2016–2020. The draft says so, and `check` then never paces a path from them.
#[test]
fn baselines_over_a_span_are_drafted_with_their_kind_and_first_year() {
    let (dir, draft, _) = draft_of(SPANS);
    has_all(
        &draft,
        &[
            "    baseline:\n      year: 2022\n      kind: average\n      from: 2018\n      cell: \"81.2\"\n",
            "      year: 2020\n      kind: total\n      from: 2016\n      text: \"2.3万人\"\n",
            "      year: 2020\n      kind: average\n      from: 2016\n      text: \"80.9岁\"\n",
            "\ncolumns: [2022, 2025, 2027]\n",
        ],
    );
    assert!(!draft.contains("year: 2018"), "{draft}");
    // The draft finished (an id given) is judged: the average starts no path.
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).expect("dir");
    std::fs::copy(
        here().join("plans/catalog.yaml"),
        plans.join("catalog.yaml"),
    )
    .expect("copied");
    std::fs::write(
        plans.join("demo.yaml"),
        draft.replacen("  id: \"todo\"\n", "  id: \"demo\"\n", 1),
    )
    .expect("written");
    std::fs::write(
        dir.path().join("actuals.csv"),
        "jurisdiction,indicator,year,value\ndemo,life-expectancy,2024,81.5\n",
    )
    .expect("written");
    let out = common::qyx(
        &[
            "--plans",
            "plans",
            "check",
            "actuals.csv",
            "--format",
            "json",
        ],
        dir.path(),
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let row = &json.as_array().expect("rows")[0];
    assert_eq!(row["baseline"]["kind"], "average", "{row}");
    assert_eq!(row["baseline"]["from"], 2018, "{row}");
    assert_eq!(row["remarks"][0]["kind"], "no_path", "{row}");
}

/// Where a row prints both a span's average and a year's level, the level is the baseline (only
/// a level starts a path) and the average is kept in `note`, with nothing left to decide.
#[test]
fn a_level_is_preferred_to_an_average_as_the_baseline() {
    let doc = "某县公共服务“七优享”工程实施方案（2023—2027年）
| 序号 | 指标 | 2018—2022年平均 | 2022年底 | 2025年 | 2027年 | 责任单位 |
| 1 | 人均预期寿命（岁） | 81.2 | 81.6 | 82 | 82.5 | 县卫健局 |
";
    let (_, draft, _) = draft_of(doc);
    assert!(
        draft.contains("    baseline:\n      year: 2022\n      cell: \"81.6\"\n"),
        "{draft}"
    );
    assert!(
        draft.contains("past figure 81.2 (average 2018–2022)"),
        "{draft}"
    );
    assert!(!draft.contains("more than one past figure"), "{draft}");
}

/// A 十四五 plan's review of 十三五 (黄岩's, as plans/huangyan.yaml encodes it): the counts it
/// reports with no year of their own are the period's totals, its rates levels in 2020.
#[test]
fn a_five_year_plans_review_reports_the_period_before() {
    let doc = "某区公共服务“十四五”规划
一、发展背景 (一)总体成效 “十三五”时期,各项社会事业全面发展。建成乡镇图书分馆8家,公办园覆盖面达51.8%。
二、主要目标 到2025年,公办园覆盖面达到60%以上。
";
    let (_, draft, _) = draft_of(doc);
    assert!(
        draft.contains(
            "      year: 2020\n      kind: total\n      from: 2016\n      text: \"8家\"\n"
        ),
        "{draft}"
    );
    assert!(
        draft.contains("    baseline:\n      year: 2020\n      text: \"达51.8%\"\n"),
        "{draft}"
    );
}

/// A sign means what the document's legend says: `*` is 约束性指标 here, so no `marker: core`;
/// `▲` 观察性指标, so `marker: observational` and its `/` no target for that reason.
#[test]
fn printed_signs_carry_what_the_legend_says() {
    let doc = "某县公共服务“七优享”工程实施方案（2023—2027年）
| 序号 | 指标 | 2022年基础值 | 2025年 | 2027年 | 责任单位 |
| *1 | 普惠托位占比（%） | 55 | 60 | 70 | 县卫健局 |
| ▲2 | 居民人均可支配收入（元） | 50000 | / | / | 县统计局 |
说明：标“＊”的为约束性指标，带▲号为观察性指标。
";
    let (_, draft, report) = draft_of(doc);
    has_all(
        &draft,
        &[
            "    printed_marker: \"*\"\n",
            "    note: \"`*`: 约束性指标 (the legend: 标“＊”的为约束性指标)\"\n",
            "    marker: observational\n    printed_marker: \"▲\"\n",
            "        cell: \"/\"\n        no_target: observational\n",
        ],
    );
    assert!(!draft.contains("marker: core"), "{draft}");
    assert!(!report.contains("legend"), "{report}");
}

/// A sign the document does not explain is one question for the plan, naming its rows; the
/// draft gives it no meaning of its own (`*` is not taken for 省定核心指标).
#[test]
fn a_sign_with_no_legend_is_a_question() {
    let doc = "某县公共服务“七优享”工程实施方案（2023—2027年）
| 序号 | 指标 | 2022年基础值 | 2025年 | 2027年 | 责任单位 |
| *1 | 普惠托位占比（%） | 55 | 60 | 70 | 县卫健局 |
| *2 | 学前教育普及普惠率（%） | 97 | 98 | 99 | 县教育局 |
| ☆3 | 高中段毛入学率（%） | 98.5 | 99 | 99 | 县教育局 |
";
    let (_, draft, report) = draft_of(doc);
    assert!(!draft.contains("    marker:"), "{draft}");
    assert!(draft.contains("    printed_marker: \"☆\"\n"), "{draft}");
    has_all(
        &report,
        &[
            "warning: TODO: `*` is printed on 2 row(s) (*1 普惠托位占比、*2 学前教育普及普惠率), but the document has no legend saying what it means: say what `*` means — `marker: core` for 省定核心指标",
            "warning: TODO: `☆` is printed on 1 row(s) (☆3 高中段毛入学率)",
        ],
    );
}

/// What the document decides is not asked: the level a name states (区, 县, a 地级市), the year of
/// a one-year plan's figures, the direction of a bare number (the chosen entry gives it); what
/// `validate` asks itself (a placeholder id) is not asked twice; a question several figures of
/// a row share is asked once, of the row.
#[test]
fn a_question_is_asked_once_and_only_when_the_document_leaves_it_open() {
    let doc = "2024年某某区公共服务“七优享”工程工作要点
一、幼有善育 新增托位300个,某某驿站覆盖率达到90%。
| 序号 | 指标 | 2023年基础值 | 2024年目标 | 责任单位 |
| 1 | 普惠托位占比() | 55 | 60 | 区卫健局 |
";
    let (_, draft, report) = draft_of(doc);
    assert!(draft.contains("  level: district\n"), "{draft}");
    for gone in [
        "bare number",
        "no year in the sentence",
        "no catalog match",
        "the plan id: ASCII pinyin",
        "is guessed from the name",
    ] {
        assert!(!report.contains(gone), "`{gone}` in\n{report}");
    }
    let asked = |what: &str| report.matches(what).count();
    assert_eq!(asked("TODO: choose the plan id"), 1, "{report}");
    assert_eq!(asked("not found in the source"), 1, "{report}");
    assert_eq!(asked("the unit was lost"), 1, "{report}");
    // The level of a name that states none is asked.
    let (_, draft, report) = draft_of("某某公共服务“七优享”工程实施方案（2023—2027年）\n");
    assert!(draft.contains("  level: county\n"), "{draft}");
    assert!(report.contains("TODO: the level: the name"), "{report}");
}

/// A table that splits figures among towns (rows by 乡镇/街道, or a column each) holds other
/// jurisdictions' figures: none of its rows becomes this plan's target (three rows of 托位数 for
/// 2025 were three `todo` rows of this plan), and one question names the table, its units and what
/// it splits, and its total row.
#[test]
fn a_table_split_among_towns_is_named_not_drafted() {
    let doc = "某县公共服务“七优享”工程实施方案（2023—2027年）
| 序号 | 指标 | 2022年基础值 | 2025年 | 2027年 | 责任单位 |
| 1 | 普惠托位占比（%） | 55 | 60 | 70 | 县卫健局 |
各乡镇（街道）托位指标分解
| 序号 | 乡镇（街道） | 指标 | 2025年 | 2027年 |
| 1 | 城关镇 | 托位数（个） | 300 | 400 |
| 2 | 东城街道 | 托位数（个） | 200 | 260 |
| 3 | 西山乡 | 托位数（个） | 100 | 120 |
| 合计 |  | 托位数（个） | 600 | 780 |
| 指标 | 柯城区 | 衢江区 |
| 普惠托位占比2027年（%） | 72 | 70 |
";
    let (_, draft, report) = draft_of(doc);
    assert!(!draft.contains("城关镇 |"), "{draft}");
    assert!(!draft.contains("柯城区 |"), "{draft}");
    assert_eq!(draft.matches("\n  - id:").count(), 1, "{draft}");
    has_all(
        &report,
        &[
            "TODO: `各乡镇（街道）托位指标分解` (line 6) splits figures among 3 units (城关镇、东城街道、西山乡)",
            "its `合计` row is this plan's own figure",
            "TODO: the table (line 10) splits figures among 2 units (柯城区、衢江区): 普惠托位占比2027年（%）. A plan file holds one jurisdiction's targets",
        ],
    );
}

/// A table's figure restated in the prose in another unit (`70000` under `（元）`, `达到7万元`) is one
/// target, and the row keeps the table's unit (its cells are in it: `50520` is no 50520万元, which
/// made `validate` say the path moved the wrong way); a target restated in other words
/// (`控制在1.70以内`, `缩小到1.70以内`) is kept once with nothing to decide; so is a baseline (the
/// table's `50520` and the prose's `为5.052万元` were two past figures and a question).
#[test]
fn a_restated_target_is_one_target() {
    let doc = "某市公共服务“七优享”工程实施方案（2023—2027年）
一、总体目标
到2027年，居民人均可支配收入达到7万元，城乡居民收入倍差控制在1.70以内。
| 序号 | 指标 | 2022年基础值 | 2025年 | 2027年 | 责任单位 |
| 1 | 居民人均可支配收入（元） | 50520 | 60000 | 70000 | 市统计局 |
二、主要任务
（一）促进增收。2022年全市居民人均可支配收入为5.052万元。2027年城乡居民收入倍差缩小到1.70以内。
";
    let (_, draft, report) = draft_of(doc);
    has_all(
        &draft,
        &[
            "    unit: \"元\"\n",
            "        cell: \"70000\"\n        text: \"达到7万元\"\n",
            "    baseline:\n      year: 2022\n      cell: \"50520\"\n      text: \"为5.052万元\"\n",
        ],
    );
    for gone in ["keep one", "moves the wrong way"] {
        assert!(!report.contains(gone), "`{gone}` in\n{report}");
    }
}

/// An area whose name names a domain (`实施“托育先行”行动`, `病有所医`, `实施“嵊优学”工程`) is mapped
/// to it with nothing to decide (it was 综合集成 with a question when no row matched the catalog);
/// one that names two (`一老一小`) or none is asked.
#[test]
fn an_area_named_for_a_domain_is_mapped_to_it() {
    let doc = "某市公共服务“七优享”工程实施方案（2023—2027年）
二、主要任务
（一）实施“托育先行”行动。到2027年，全市新增普惠性托位3000个。
（二）实施“一老一小”服务提升行动。到2027年，建成康养联合体80个。
";
    let (_, draft, report) = draft_of(doc);
    has_all(
        &draft,
        &["  - { name: \"实施“托育先行”行动\", domain: 幼有善育 }\n"],
    );
    assert!(!report.contains("area `实施“托育先行”行动`"), "{report}");
    assert!(
        report.contains("TODO: the domain of area `实施“一老一小”服务提升行动`"),
        "{report}"
    );
}

/// A column for two years (`2024年/2025年目标值`, cells `4.2/4.6`) is two columns, and a cell with
/// a slash in another column (a deadline `2025/12`) is one cell: `validate` reads the row the way
/// that explains the plan's cells (it read every `a/b` cell as two, so `2025/12` became two
/// figure cells after `56 70` and `70` was not found in 2027's column, while a wrong `12` was).
#[test]
fn a_slash_in_a_cell_is_two_years_only_where_the_plan_says_so() {
    let two_years = "某县公共服务“七优享”工程攻坚行动方案（2024—2025年）
主要指标
序号\t指标\t单位\t2023年基础值\t2024年/2025年目标值\t责任单位
1\t每千人口拥有3岁以下婴幼儿托位数\t个\t3.9\t4.2/4.6\t县卫健局
2\t城镇调查失业率\t%\t4.5\t<5/<5\t县人社局
3\t普惠托位占比\t%\t56\t60/65\t县卫健局
";
    let (_, draft, _) = draft_of(two_years);
    has_all(
        &draft,
        &[
            "      - year: 2024\n        cell: \"4.2\"\n",
            "      - year: 2025\n        cell: \"4.6\"\n",
            "      - year: 2025\n        cell: \"65\"\n",
        ],
    );
    let deadline = "某县公共服务“七优享”工程实施方案（2023—2027年）
主要指标
序号\t指标\t单位\t2022年\t2027年\t完成时限\t责任单位
1\t每千人口拥有3岁以下婴幼儿托位数\t个\t3.9\t5.5\t2025/12\t县卫健局
2\t普惠托位占比\t%\t56\t70\t2027/12\t县卫健局
3\t城镇调查失业率\t%\t4.5\t5\t2027/12\t县人社局
";
    let (dir, draft, _) = draft_of(deadline);
    has_all(
        &draft,
        &["columns: [2022, 2027]\n", "        cell: \"70\"\n"],
    );
    // A wrong cell is still found wrong, in its own column.
    std::fs::write(
        dir.path().join("draft.yaml"),
        draft.replace("cell: \"70\"", "cell: \"12\""),
    )
    .expect("written");
    let report = validated_in_english(dir.path());
    assert!(
        report.contains("error: 2027's column prints `70`, not `12`"),
        "{report}"
    );
    assert!(report.contains("1 error"), "{report}");
}

/// A table as `pdftotext -raw` gives it (a header over five lines, 2025 and 2027 each split into a
/// 目标值 and a 挑战值 column, a row broken where its name wraps, the header again on the next
/// page): every figure is read under its year and kind, the draft states a split year twice in
/// `columns`, and it validates — the 挑战值 kept in the row's note, each cell found in its own
/// year's column (the 2026 cell after 2025's two was read as 2025's stretch). A cell typed into
/// another year's column is still an error.
#[test]
fn a_raw_table_with_stretch_columns_is_drafted_by_its_columns() {
    let doc = "镇海区公共服务“七优享”工程实施方案（2023—2027年）
到2025年，每千人口拥有3岁以下婴幼儿托位数达到4.7个、力争达到5个。到2027年，达到5.5个、力争达到5.8个。
附件
主要指标年度目标
序号 领域 指标名称 单位 2022年
基础值
年度目标 责任单位
2023年 2024年 2025年 2026年 2027年
目标值 挑战值 目标值 挑战值
1 幼有善育 每千人口拥有3岁以下
婴幼儿托位数
个 3.7 4.1 4.4 4.7 5.0 5.0 5.5 5.8 区卫健局
2 普惠托位占比 % 56 60 62 65 68 68 70 75 区卫健局
— 4 —
\u{c}序号 领域 指标名称 单位 2022年
基础值
年度目标 责任单位
2023年 2024年 2025年 2026年 2027年
目标值 挑战值 目标值 挑战值
3 劳有所得 城镇调查失业率 % 3.8 <5 <5 <5 <4.5 <5 <5 <4.5 区人力社保局
";
    let (dir, draft, _) = draft_of(doc);
    has_all(
        &draft,
        &[
            "columns: [2022, 2023, 2024, 2025, 2025, 2026, 2027, 2027]\n",
            "      - year: 2026\n        cell: \"68\"\n",
            "      - year: 2027\n        cell: \"70\"\n",
            "      - year: 2026\n        cell: \"<5\"\n",
        ],
    );
    std::fs::write(
        dir.path().join("draft.yaml"),
        draft.replace(
            "      - year: 2026\n        cell: \"68\"\n",
            "      - year: 2026\n        cell: \"75\"\n",
        ),
    )
    .expect("written");
    let report = validated_in_english(dir.path());
    assert!(
        report.contains("error: cell `75` for 2026 is printed in 2027's column"),
        "{report}"
    );
}
