//! Sheets typed the way clerks type them in Excel and WPS (issue #9): every value form, every
//! no-data word, milestone answers, unit slips, headers with spaces and brackets, percent cells,
//! numbers stored as text, formulas' cached values. Each case is one row; the test asserts the
//! verdict a clerk sees — status, whether it is doubtful, no data — or the located error. The
//! rule behind each is in the README ("Values as typed"). `tests/clerk-cells.csv` is a table of
//! cells × row units × directions, judged in-process, that must never give a clean 达标 it does
//! not promise.

mod common;

use common::qyx;
use std::path::Path;

/// What one row must come to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Want {
    /// Judged with this status (`met`, `not_met`, `on_track` …), not doubtful, with this actual.
    Is(&'static str, &'static str),
    /// Judged with this status and marked doubtful, with this actual.
    Doubtful(&'static str, &'static str),
    /// No data: not judged, never an error.
    NoData,
    /// An error at the value (or unit) cell.
    Error,
}

use Want::*;

/// Zhuji's 2024 targets: 普惠托位占比 ≥65 % (baseline 60), 基本养老保险参保人数 ≥84.2万人 (83),
/// 最低生活保障年标准 >14000 元, 重大慢病过早死亡率 ≤9.2 % (9.64), and a milestone due in 2027.
const CASES: &[(&str, i32, &str, &str, Want)] = &[
    // Numbers as typed.
    ("普惠托位占比", 2024, "", "66", Is("met", "66")),
    ("普惠托位占比", 2024, "", "66%", Is("met", "66")),
    ("普惠托位占比", 2024, "", "66.0 %", Is("met", "66")),
    ("普惠托位占比", 2024, "", "６６", Is("met", "66")),
    ("普惠托位占比", 2024, "", "６６．５％", Is("met", "66.5")),
    ("普惠托位占比", 2024, "", "66.00", Is("met", "66")),
    ("普惠托位占比", 2024, "", " 66 ", Is("met", "66")),
    ("普惠托位占比", 2024, "%", "64", Is("not_met", "64")),
    ("普惠托位占比", 2024, "", "百分之六十六", Is("met", "66")),
    // A fraction typed into a % row: a slip, judged as typed and doubtful.
    (
        "普惠托位占比",
        2024,
        "",
        "0.66",
        Doubtful("not_met", "0.66"),
    ),
    ("普惠托位占比", 2024, "", "0", Doubtful("not_met", "0")),
    ("普惠托位占比", 2024, "", "0.0", Doubtful("not_met", "0")),
    ("普惠托位占比", 2024, "人", "66", Error),
    ("普惠托位占比", 2024, "", "66%%", Error),
    ("普惠托位占比", 2024, "", "66,0", Error),
    ("普惠托位占比", 2024, "", "≥66", Error),
    ("普惠托位占比", 2024, "", "#DIV/0!", Error),
    ("普惠托位占比", 2024, "", "见附件", Error),
    // Excel's notations: scientific (digits may be lost: doubtful), the text mark `'`; the
    // accounting format's negative and ▲/▼ are refused with what they mean.
    ("普惠托位占比", 2024, "", "6.6E+01", Doubtful("met", "66")),
    ("普惠托位占比", 2024, "", "'66", Is("met", "66")),
    ("普惠托位占比", 2024, "", "(66)", Error),
    ("普惠托位占比", 2024, "", "▲66", Error),
    // Words around a number: judged by the number, doubtful.
    (
        "普惠托位占比",
        2024,
        "",
        "66（预计）",
        Doubtful("met", "66"),
    ),
    ("普惠托位占比", 2024, "", "66%(初步)", Doubtful("met", "66")),
    ("普惠托位占比", 2024, "", "约66", Doubtful("met", "66")),
    ("普惠托位占比", 2024, "", "66左右", Doubtful("met", "66")),
    // Worded as a target or an estimate: the plan reader's qualifiers, no figure reached.
    ("普惠托位占比", 2024, "", "力争66", Error),
    ("普惠托位占比", 2024, "", "确保66%", Error),
    ("普惠托位占比", 2024, "", "保持在66", Error),
    ("普惠托位占比", 2024, "", "每年66", Error),
    ("普惠托位占比", 2024, "", "预计66", Error),
    ("普惠托位占比", 2024, "", "基本66", Error),
    // Words a report says of its figure.
    ("普惠托位占比", 2024, "", "达到66%", Is("met", "66")),
    ("普惠托位占比", 2024, "", "提升至66%", Is("met", "66")),
    ("普惠托位占比", 2024, "", "全年66", Is("met", "66")),
    // No data, in every form.
    ("普惠托位占比", 2024, "", "", NoData),
    ("普惠托位占比", 2024, "", "-", NoData),
    ("普惠托位占比", 2024, "", "—", NoData),
    ("普惠托位占比", 2024, "", "——", NoData),
    ("普惠托位占比", 2024, "", "/", NoData),
    ("普惠托位占比", 2024, "", "无", NoData),
    ("普惠托位占比", 2024, "", "暂无", NoData),
    ("普惠托位占比", 2024, "", "N/A", NoData),
    ("普惠托位占比", 2024, "", "待统计", NoData),
    ("普惠托位占比", 2024, "", "未报", NoData),
    ("普惠托位占比", 2024, "", "（暂无）", NoData),
    // 万 and unit slips.
    (
        "基本养老保险参保人数",
        2024,
        "",
        "84.2万",
        Is("met", "84.2"),
    ),
    (
        "基本养老保险参保人数",
        2024,
        "",
        "84.2 万人",
        Is("met", "84.2"),
    ),
    (
        "基本养老保险参保人数",
        2024,
        "",
        "842000人",
        Is("met", "84.2"),
    ),
    (
        "基本养老保险参保人数",
        2024,
        "人",
        "842,000",
        Is("met", "84.2"),
    ),
    (
        "基本养老保险参保人数",
        2024,
        "万人",
        "84.2万",
        Is("met", "84.2"),
    ),
    (
        "基本养老保险参保人数",
        2024,
        "万",
        "84.2",
        Is("met", "84.2"),
    ),
    (
        "基本养老保险参保人数",
        2024,
        "（万人）",
        "84.1",
        Is("not_met", "84.1"),
    ),
    (
        "基本养老保险参保人数",
        2024,
        "",
        "842000",
        Doubtful("met", "842000"),
    ),
    (
        "基本养老保险参保人数",
        2024,
        "",
        "12000人",
        Doubtful("not_met", "1.2"),
    ),
    (
        "基本养老保险参保人数",
        2024,
        "人",
        "84.2",
        Doubtful("not_met", "0.00842"),
    ),
    (
        "基本养老保险参保人数",
        2024,
        "",
        "1,234",
        Doubtful("met", "1234"),
    ),
    (
        "基本养老保险参保人数",
        2024,
        "",
        "1,234.5",
        Doubtful("met", "1234.5"),
    ),
    ("基本养老保险参保人数", 2024, "", "84.2万人次", Error),
    (
        "最低生活保障年标准",
        2024,
        "元",
        "1.42万",
        Is("met", "14200"),
    ),
    ("最低生活保障年标准", 2024, "", "14,200", Is("met", "14200")),
    (
        "最低生活保障年标准",
        2024,
        "",
        "1183元/月",
        Is("met", "14196"),
    ),
    (
        "最低生活保障年标准",
        2024,
        "",
        "14000",
        Is("not_met", "14000"),
    ),
    // Lower is better: a small value is the aim; a 0 is worth a look.
    ("重大慢病过早死亡率", 2024, "", "9.1", Is("met", "9.1")),
    ("重大慢病过早死亡率", 2024, "", "0", Doubtful("met", "0")),
    // Milestones, in the forms offices write.
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "是",
        Is("met", "是"),
    ),
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "已完成",
        Is("met", "是"),
    ),
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "已创成",
        Is("met", "是"),
    ),
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "创成",
        Is("met", "是"),
    ),
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "已建成",
        Is("met", "是"),
    ),
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "完成",
        Is("met", "是"),
    ),
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "已落实",
        Is("met", "是"),
    ),
    ("全面建成“15分钟公共服务圈”", 2027, "", "√", Is("met", "是")),
    ("全面建成“15分钟公共服务圈”", 2027, "", "✓", Is("met", "是")),
    ("全面建成“15分钟公共服务圈”", 2027, "", "Y", Is("met", "是")),
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "否",
        Is("not_met", "否"),
    ),
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "未完成",
        Is("not_met", "否"),
    ),
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "×",
        Is("not_met", "否"),
    ),
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "✗",
        Is("not_met", "否"),
    ),
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "N",
        Is("not_met", "否"),
    ),
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "推进中",
        Is("not_met", "否"),
    ),
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "基本完成",
        Doubtful("not_met", "否"),
    ),
    (
        "全面建成“15分钟公共服务圈”",
        2025,
        "",
        "推进中",
        Is("on_track", "否"),
    ),
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "✅",
        Is("met", "是"),
    ),
    (
        "全面建成“15分钟公共服务圈”",
        2027,
        "",
        "❌",
        Is("not_met", "否"),
    ),
    // A change typed where the value belongs: never read as a level.
    ("普惠托位占比", 2024, "", "提高5个百分点", Error),
    ("普惠托位占比", 2024, "", "同比增长2.1%", Error),
    ("普惠托位占比", 2024, "", "66%↑", Error),
    ("全面建成“15分钟公共服务圈”", 2027, "", "待统计", NoData),
    ("全面建成“15分钟公共服务圈”", 2027, "", "好", Error),
];

fn write_csv(dir: &Path, name: &str, rows: &[(&str, i32, &str, &str, Want)]) {
    let mut w = csv::Writer::from_path(dir.join(name)).unwrap();
    w.write_record(["地区", "指标", "年份", "数值", "单位"])
        .unwrap();
    for (ind, year, unit, value, _) in rows {
        w.write_record(["诸暨市", ind, &year.to_string(), value, unit])
            .unwrap();
    }
    w.flush().unwrap();
}

/// One file per case (a file may report an indicator and year once), all checked at once.
#[test]
fn every_clerk_typed_value_gets_its_verdict() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for (i, case) in CASES.iter().enumerate() {
        let name = format!("{i:03}.csv");
        write_csv(dir.path(), &name, std::slice::from_ref(case));
        let out = qyx(
            &["check", &name, "--format", "json", "--fail-on", "never"],
            dir.path(),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        let rows = rows.as_array().cloned().unwrap_or_default();
        let (_, _, _, value, want) = case;
        let got = match (rows.as_slice(), out.status.code()) {
            ([], Some(2)) if stderr.contains(&format!("{name}:2:")) => Error,
            ([], Some(0)) if stderr.is_empty() => NoData,
            ([r], Some(0)) => {
                let status = r["status"].as_str().unwrap_or("?");
                let actual = match &r["actual"] {
                    serde_json::Value::Bool(true) => "是",
                    serde_json::Value::Bool(false) => "否",
                    v => v.as_str().unwrap_or("?"),
                };
                let doubtful = r["doubtful"].as_bool().unwrap_or(false);
                // A doubtful row says so on standard error too, at the value's cell.
                if doubtful != stderr.contains("warning") {
                    failures.push(format!(
                        "{value:?}: doubtful {doubtful} but stderr {stderr:?}"
                    ));
                }
                let leak = |s: &str| &*Box::leak(s.to_string().into_boxed_str());
                if doubtful {
                    Doubtful(leak(status), leak(actual))
                } else {
                    Is(leak(status), leak(actual))
                }
            }
            _ => {
                failures.push(format!(
                    "{value:?}: exit {:?}, {} rows, stderr {stderr:?}",
                    out.status.code(),
                    rows.len()
                ));
                continue;
            }
        };
        if got != *want {
            failures.push(format!("{value:?}: want {want:?}, got {got:?} ({stderr})"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A workbook as Excel saves a filled-in sheet: percent cells, numbers stored as text, a
/// formula's cached value with a float tail, a header with spaces and full-width brackets in
/// another order with extra columns, a merged jurisdiction cell, empty and dashed cells.
#[test]
fn a_workbook_as_excel_saves_it() {
    workbook(false);
}

#[test]
fn a_merged_jurisdiction_cell_holds_for_every_row_it_spans() {
    workbook(true);
}

fn workbook(merged: bool) {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("2024年").unwrap();
    let pct = rust_xlsxwriter::Format::new().set_num_format("0.0%");
    let headers = [
        "序号",
        " 指标 ",
        "地区（县市区）",
        "年 份",
        "数值（填报）",
        "计量单位",
        "牵头单位",
        "备注",
    ];
    for (c, h) in headers.iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    // The jurisdiction merged down the rows, as offices lay sheets out: Excel stores the value in
    // the first cell only, and every cell of the merged range shows it.
    if merged {
        ws.merge_range(1, 2, 6, 2, "诸暨市", &rust_xlsxwriter::Format::new())
            .unwrap();
    }
    let rows: [(&str, &str); 6] = [
        ("普惠托位占比", "pct"),
        ("基本养老保险参保人数", "text"),
        ("人均预期寿命", "formula"),
        ("重大慢病过早死亡率", "empty"),
        ("欠薪线索动态化解率", "dash"),
        ("“浙里惠民保”投保率", "number"),
    ];
    for (i, (ind, kind)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        ws.write_number(r, 0, r as f64).unwrap();
        ws.write_string(r, 1, *ind).unwrap();
        if !merged {
            ws.write_string(r, 2, "诸暨市").unwrap();
        }
        ws.write_number(r, 3, 2024).unwrap();
        match *kind {
            "pct" => {
                ws.write_number_with_format(r, 4, 0.66, &pct).unwrap();
            }
            "text" => {
                ws.write_string(r, 4, "84.2").unwrap();
            }
            "formula" => {
                ws.write_formula(r, 4, "=82.45+0")
                    .unwrap()
                    .set_formula_result(r, 4, "82.45000000000002");
            }
            "dash" => {
                ws.write_string(r, 4, "—").unwrap();
            }
            "number" => {
                ws.write_number(r, 4, 86).unwrap();
            }
            _ => {}
        }
        ws.write_string(r, 7, "已核").unwrap();
    }
    wb.save(dir.path().join("a.xlsx")).unwrap();
    let out = qyx(
        &["check", "a.xlsx", "--format", "json", "--fail-on", "never"],
        dir.path(),
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(String, String, String)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["indicator"].as_str().unwrap().to_string(),
                r["actual"].as_str().unwrap_or("").to_string(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("childcare-inclusive-share", "66", "met"),
        ("basic-pension-insured", "84.2", "met"),
        ("life-expectancy", "82.45", "met"),
        ("huiminbao-enrollment-rate", "86", "met"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(got, want, "{stderr}");
    assert_eq!(stderr, "", "the empty and dashed cells are no data");
}

/// Years as Excel and clerks leave them in the year column: read, or refused with what to type.
#[test]
fn years_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let cases: &[(&str, Option<&str>)] = &[
        ("2024", Some("2024")),
        ("2024年", Some("2024")),
        ("2024.0", Some("2024")),
        ("２０２４", Some("2024")),
        ("二〇二四", Some("2024")),
        ("二零二四年", Some("2024")),
        ("2024年底", Some("2024")),
        ("2024年1-9月", Some("2024-09")),
        ("2024-12-31", None),
        ("2024年6月30日", None),
        ("45657", None),
        // As of a month's last day: the year to that month; inside a month, refused.
        ("截至2024年9月30日", Some("2024-09")),
        ("截止2024-12-31", Some("2024")),
        ("截至2024年9月15日", None),
        // A period that says its figure is an estimate: the word belongs in 备注.
        ("2024年（预计）", None),
    ];
    for (year, want) in cases {
        std::fs::write(
            dir.path().join("y.csv"),
            format!("地区,指标,年份,数值\n诸暨市,普惠托位占比,{year},66\n"),
        )
        .unwrap();
        let out = qyx(
            &["check", "y.csv", "--format", "json", "--fail-on", "never"],
            dir.path(),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
        match want {
            Some(p) => {
                assert_eq!(out.status.code(), Some(0), "{year}: {stderr}");
                assert_eq!(rows[0]["period"]["label"], *p, "{year}");
            }
            None => {
                assert_eq!(out.status.code(), Some(2), "{year}: {rows}");
                assert!(stderr.starts_with("y.csv:2:"), "{year}: {stderr}");
            }
        }
    }
}

/// Runs `qyx check` in this process on one CSV; stdout, stderr and the outcome.
fn check_in_process(path: &Path) -> (String, String, qyx::Outcome) {
    use clap::FromArgMatches;
    let plans = concat!(env!("CARGO_MANIFEST_DIR"), "/plans");
    let args = [
        "qyx",
        "check",
        path.to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "never",
        "--plans",
        plans,
    ];
    let m = qyx::cli::command().try_get_matches_from(args).unwrap();
    let cli = qyx::cli::Cli::from_arg_matches(&m).unwrap();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let outcome = qyx::run(cli, &mut out, &mut err).unwrap();
    (
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
        outcome,
    )
}

/// What the user sees for one cell: `clean` (status and actual), `doubtful` (status, actual and
/// the kind of the remark that says why, with a warning at the cell), `no data`, or `refused`
/// (an error at the cell, `file:2:col`).
type Sees = (String, String, String, String);

/// What `qyx check --format json` showed for a one-row file, as [`Sees`].
fn seen(path: &Path, want: &Sees, failures: &mut Vec<String>) -> Option<(Sees, String)> {
    let (out, err, outcome) = check_in_process(path);
    // What the user reads of the verdict: the error at the cell, or each remark's message.
    let mut said = err
        .lines()
        .filter(|l| l.contains("error"))
        .collect::<Vec<_>>()
        .join("\n");
    let rows: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
    let rows = rows.as_array().cloned().unwrap_or_default();
    let at_cell = format!("{}:2:", path.display());
    let none = || (String::new(), String::new(), String::new());
    let (sees, (status, actual, remark)) = match (rows.as_slice(), outcome) {
        ([], qyx::Outcome::BadInput) if err.starts_with(&at_cell) && err.contains("error") => {
            ("refused", none())
        }
        ([], qyx::Outcome::Clean) if err.is_empty() => ("no data", none()),
        ([r], _) => {
            let actual = match &r["actual"] {
                serde_json::Value::Bool(true) => "是".to_string(),
                serde_json::Value::Bool(false) => "否".to_string(),
                v => v.as_str().unwrap_or("?").to_string(),
            };
            let kinds: Vec<&str> = r["remarks"]
                .as_array()
                .map(|a| a.iter().filter_map(|k| k["kind"].as_str()).collect())
                .unwrap_or_default();
            let doubtful = r["doubtful"].as_bool().unwrap_or(false);
            // A doubtful row is said at its cell on standard error too; a clean one is quiet.
            if doubtful != (err.starts_with(&at_cell) && err.contains("warning")) {
                failures.push(format!("{path:?}: doubtful {doubtful}, stderr {err:?}"));
            }
            for m in r["remarks"].as_array().into_iter().flatten() {
                said.push('\n');
                said.push_str(m["message"].as_str().unwrap_or(""));
            }
            // Several kinds wanted are written `a+b`: each must be there.
            let remark = match want.3.split('+').all(|k| kinds.contains(&k)) {
                true => want.3.clone(),
                false => kinds.join(","),
            };
            let status = r["status"].as_str().unwrap_or("?").to_string();
            match doubtful {
                true => ("doubtful", (status, actual, remark)),
                false => ("clean", (status, actual, String::new())),
            }
        }
        _ => {
            failures.push(format!(
                "{path:?}: {outcome:?}, {} rows, stderr {err:?}",
                rows.len()
            ));
            return None;
        }
    };
    Some(((sees.to_string(), status, actual, remark), said))
}

/// Clerk-typed cells × row units × directions (tests/clerk-cells.csv: a % row either way, 万人,
/// 元, 个, a ‰ ceiling, 岁, 分钟, a milestone; tests/clerk-cells-2.csv: a second round, written
/// before the rules it asks for, with a `says` column — text the error at the cell or a
/// remark's message must hold): each is a right verdict, or visibly uncertain with its reason,
/// or no data, or refused at its cell — never a clean 达标 the table does not promise. Judged in
/// this process, one file a cell.
#[test]
fn cells_by_row_unit_and_direction() {
    qyx::i18n::set(qyx::cli::Lang::En);
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for name in ["clerk-cells.csv", "clerk-cells-2.csv"] {
        let table = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests")
            .join(name);
        let mut cases = csv::Reader::from_path(table).unwrap();
        for (i, case) in cases.records().enumerate() {
            let c = case.unwrap();
            let field = |n: usize| c.get(n).unwrap_or("").to_string();
            let (place, indicator, year, unit, cell) =
                (field(0), field(1), field(2), field(3), field(4));
            let want: Sees = (field(5), field(6), field(7), field(8));
            let says = field(9);
            let path = dir.path().join(format!("{name}-{i:03}.csv"));
            let mut w = csv::Writer::from_path(&path).unwrap();
            w.write_record(["地区", "指标", "年份", "数值", "单位"])
                .unwrap();
            w.write_record([&place, &indicator, &year, &cell, &unit])
                .unwrap();
            w.flush().unwrap();
            count += 1;
            let Some((got, said)) = seen(&path, &want, &mut failures) else {
                continue;
            };
            if got != want {
                failures.push(format!(
                    "{name}: {cell:?} (unit {unit:?}) in {indicator}: want {want:?}, got {got:?}"
                ));
            } else if !said.contains(&says) {
                failures.push(format!(
                    "{name}: {cell:?} (unit {unit:?}) in {indicator}: want the words {says:?}, got {said:?}"
                ));
            }
            // The charter's line: no clean 达标 the table does not promise.
            if got.0 == "clean" && got.1 == "met" && (want.0 != "clean" || want.1 != "met") {
                failures.push(format!("{name}: {cell:?} in {indicator}: a clean 达标"));
            }
        }
    }
    assert!(count >= 200, "{count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
