//! Reading a reported value the way the clerk typed it: a number with or without its unit, a
//! bare magnitude (`84.3万`, or `1.42万` over a unit column of 元), a percent, a milestone answer
//! in the words offices write (已创成, 未完成, √, ×, Y/N …), or nothing at all (an unfilled
//! cell is no data, not an error). Numbers beyond [`MAX_MAGNITUDE`] or with more than
//! [`MAX_DECIMALS`] decimal places are refused here, so that no later arithmetic can overflow.

use super::ActualRow;
use crate::diag::echo;
use crate::judge::Actual;
use crate::plan::{Entry, Row};
use crate::threshold::{Better, Op, Threshold};
use crate::unit::{Unit, magnitude_prefix};
use rust_decimal::Decimal;

/// The largest reported number, in the unit it is typed in: a province's GDP in 元 is ~10¹³.
pub(crate) const MAX_MAGNITUDE: i64 = 1_000_000_000_000_000;
/// Decimal places a reported number may have.
pub(crate) const MAX_DECIMALS: usize = 10;

/// Words that say a milestone is reached, after an optional 已 and an adverb (全面, 如期 …); with
/// a negation in front (未, 不, 没, 没有, 尚未, 暂未) they say it is not.
const DONE_WORDS: &[&str] = &[
    "完成",
    "建成",
    "创成",
    "达成",
    "实现",
    "通过",
    "达标",
    "完工",
    "竣工",
    "落地",
    "验收",
    "创建",
    "建立",
    "设立",
    "开通",
    "投用",
    "投运",
    "运行",
    "出台",
    "印发",
    "落实",
    "达到",
    "办结",
    "实施",
    "创建成功",
    "建设完成",
    "完成建设",
    // An honour a 争创 target strives for, conferred: 已获评, 已获批, 已入选.
    "获评",
    "获批",
    "入选",
    // What a 全覆盖 or 动态清零 target asks, said done: 已全覆盖, 已清零.
    "全覆盖",
    "清零",
];
/// Adverbs between 已 and the word that says it is done: 已全面建成, 已如期完成, 已成功创建.
const ADVERBS: &[&str] = &[
    "成功",
    "全面",
    "全部",
    "如期",
    "按期",
    "按时",
    "顺利",
    "提前",
    "经",
    "基本上",
];
const NEGATIONS: &[&str] = &["没有", "尚未", "暂未", "还未", "未", "不", "没", "无"];
const YES: &[&str] = &[
    "是", "有", "√", "✓", "✔", "☑", "✅", "🗸", "y", "yes", "true", "done", "1", "对", "ok", "100%",
];
const NO: &[&str] = &[
    "否", "×", "✗", "✘", "☒", "❌", "❎", "✖", "x", "n", "no", "false", "0", "不是", "0%",
];
/// Words that say the work is under way and not done: 推进中, 在建, 已开工, 部分完成.
const UNDER_WAY: &[&str] = &[
    "推进中",
    "正在推进",
    "进行中",
    "正在进行",
    "实施中",
    "建设中",
    "在建",
    "筹建中",
    "开工",
    "已开工",
    "动工",
    "已动工",
    "启动",
    "已启动",
    "未启动",
    "部分完成",
    "部分建成",
    "谋划中",
    "前期",
    "前期工作",
    "准备中",
    "待启动",
    "持续推进",
    "稳步推进",
    "有序推进",
];

/// A milestone answer: `Some(true)` done, `Some(false)` not done, `None` not an answer.
pub(crate) fn milestone(text: &str) -> Option<bool> {
    milestone_answer(text).map(|(done, _)| done)
}

/// `text` in half-width lower case: full-width letters, digits and signs (`Ｎ／Ａ`, `１００％`)
/// as a Chinese keyboard types them, read as their ASCII forms.
fn half_width_lower(text: &str) -> String {
    text.chars()
        // A variation selector after a mark (`✔️`, as a phone's keyboard or WeChat sends it)
        // only asks for its emoji picture.
        .filter(|c| !matches!(c, '\u{FE0E}' | '\u{FE0F}'))
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect::<String>()
        .to_lowercase()
}

/// A milestone answer and whether it says "partly" (基本完成: judged not done, and doubtful).
fn milestone_answer(text: &str) -> Option<(bool, bool)> {
    let t = half_width_lower(text.trim().trim_end_matches(['。', '.', '!', '！']));
    // `已完成（2024年6月）`: the words before a bracket decide.
    let t = t.split(['(', '（']).next().unwrap_or("").trim();
    if YES.contains(&t) {
        return Some((true, false));
    }
    if NO.contains(&t) {
        return Some((false, false));
    }
    if UNDER_WAY.contains(&t) {
        return Some((false, false));
    }
    // A share of the work done: 80% or 完成80% is not done; 100% is.
    let share = t
        .trim_start_matches("完成率")
        .trim_start_matches("完成")
        .trim_start_matches("进度");
    if let Some(p) = share.strip_suffix('%')
        && let Ok(p) = p.trim().parse::<Decimal>()
    {
        return Some((p >= Decimal::ONE_HUNDRED, false));
    }
    let done = |w: &str| {
        let w = w.strip_prefix('已').unwrap_or(w);
        let w = ADVERBS.iter().find_map(|a| w.strip_prefix(a)).unwrap_or(w);
        DONE_WORDS.contains(&w)
    };
    for n in NEGATIONS {
        if let Some(rest) = t.strip_prefix(n)
            && done(rest)
        {
            return Some((false, false));
        }
    }
    // 基本完成, 已基本建成: most of the way, not done; a person should look.
    for partly in ["已基本", "基本"] {
        if let Some(rest) = t.strip_prefix(partly)
            && done(rest)
        {
            return Some((false, true));
        }
    }
    // Done on a date, said with 已: 已于2024年6月完成, 2024年12月已建成, 已在2024年底通过.
    let dated = strip_date(t);
    if let Some(rest) = dated.strip_prefix('已') {
        let at = rest.strip_prefix(['于', '在']).unwrap_or(rest);
        let what = strip_date(at);
        if (dated.len() < t.len() || what.len() < at.len()) && done(what) {
            return Some((true, false));
        }
    }
    if not_yet(t) {
        return Some((false, false));
    }
    done(t).then_some((true, false))
}

/// Words that put the work ahead of now: planned, striven for, promised, under way, to be done
/// by a date. Not 预计 / 预期 / 有望: a sheet's 预计 is also an estimate of what the year comes to
/// (`是（预计）`, a 预计数), so `预计完成` may say it is done, and is refused with the question.
const NOT_YET: &[&str] = &[
    "计划",
    "力争",
    "争取",
    "拟",
    "将",
    "确保",
    "正在",
    "按计划",
    "按进度",
    "年内",
    "年底前",
    "年底",
    "年前",
    "月底前",
];

/// Whether an answer says the work is yet to be done — planned, promised or under way with the
/// date it is due (`计划于2025年6月完成`, `年底前完成`, `力争年内建成`, `正在建设，预计2025年完成`,
/// `按计划推进`): a clause starts with such a word and nothing says it is done (`已`), so a date
/// or a done word after them is what is hoped for, not what is. An answer with 已 anywhere
/// (`已建成，待验收`, `年底前已完成`) is not decided here.
fn not_yet(t: &str) -> bool {
    let clauses = || t.split([',', '，', ';', '；', '、']).map(str::trim);
    // Any 已 says something is done already (`年底前已完成`): not for this rule to decide.
    !t.contains('已')
        && clauses().any(|c| {
            let after = strip_date(c);
            // By a date: `2025年6月底前完成`, `6月内建成`.
            let by = after.len() < c.len() && after.starts_with(['前', '内']);
            by || NOT_YET.iter().any(|w| after.starts_with(w))
        })
}

/// `t` without a date at its start (`2024年6月`, `2024年12月30日`, `2024年底`, `6月底`,
/// `2024.6`): what was done, or is to be done, then.
fn strip_date(t: &str) -> &str {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let mut r = t;
    for (unit, max) in [("年", 4), ("月", 2), ("日", 2), ("号", 2)] {
        let n = digits(r);
        if (1..=max).contains(&n)
            && let Some(rest) = r[n..].strip_prefix(unit)
        {
            r = rest;
        }
    }
    let n = digits(r);
    if n == 4
        && let Some(rest) = r[n..].strip_prefix('.')
        && (1..=2).contains(&digits(rest))
    {
        r = &rest[digits(rest)..];
    }
    if r.len() == t.len() {
        return t;
    }
    r.strip_prefix("份")
        .unwrap_or(r)
        .trim_start_matches(['底', '末', '初', '中'])
}

/// Words of a target that brings something to zero and keeps it there: under it a number is how
/// many are left, so `0` is the target met — where for any other milestone `0` is 否.
const ZEROING: &[&str] = &[
    "清零",
    "零发生",
    "零事故",
    "零死亡",
    "零新增",
    "零拖欠",
    "零欠薪",
    "零投诉",
    "零伤亡",
    "零感染",
];

/// Whether a milestone row's target (or, where the target is the name's, its name) is to bring
/// something to zero: 动态清零, 安全事故零发生.
fn is_zeroing(row: &Row) -> bool {
    let zeroing = |s: &str| ZEROING.iter().any(|w| s.contains(w));
    zeroing(row.name.as_str())
        || row.targets.iter().any(|f| {
            [&f.cell, &f.text]
                .into_iter()
                .flatten()
                .any(|s| zeroing(s.value.as_str()))
        })
}

/// A count typed under a zeroing target (`0`, `0户`, `3起`): done when nothing is left, and
/// whether the reading is doubtful — a bare `0` or `1` is also how a sheet says 否 or 是, so the
/// count reading is marked for a person to confirm. `None` for anything that is not a count
/// (a percent, a range, words), or on another row.
fn zero_count(text: &str, zeroing: bool) -> Option<(bool, bool)> {
    if !zeroing {
        return None;
    }
    // A number, then at most a counting word of one or two characters (户, 起, 个, 例): `100%`
    // cleared is the share done, read as milestone words read it, and a sign or a range is no
    // count.
    let t = half_width_lower(text.trim());
    let end = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (number, unit) = t.split_at(end);
    let unit = unit.trim();
    let counting =
        unit.chars().count() <= 2 && unit.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    if number.is_empty() || !counting {
        return None;
    }
    let v = number.parse::<Decimal>().ok()?;
    Some((v.is_zero(), unit.is_empty() && v <= Decimal::ONE))
}

/// A milestone answer that says the work is done in the target's own words (`已实现全覆盖` under
/// 全覆盖, `已完成启智学校新建项目` in that row, `未实现动态清零`): a done word, or 已 alone, then
/// the target's text, the end of it, or the row's name. Any other object after a done word may
/// name a step short of the target (`已完成立项`, `已完成主体结顶`), so it is not read.
fn echoes_target(text: &str, row: &Row) -> Option<bool> {
    let t = half_width_lower(text.trim().trim_end_matches(['。', '.', '!', '！']));
    let (negated, t) = match NEGATIONS.iter().find_map(|n| t.strip_prefix(n)) {
        Some(rest) => (true, rest),
        None => (false, t.as_str()),
    };
    let (had, t) = match t.strip_prefix('已') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let t = ADVERBS.iter().find_map(|a| t.strip_prefix(a)).unwrap_or(t);
    let rest = match DONE_WORDS.iter().find_map(|w| t.strip_prefix(w)) {
        Some(rest) => rest,
        None if had || negated => t,
        None => return None,
    };
    let rest = rest.trim();
    if rest.chars().count() < 2 {
        return None;
    }
    let echoes = |s: &str| {
        let s = half_width_lower(s);
        s == rest || s.ends_with(rest)
    };
    let said = echoes(row.name.as_str())
        || row.targets.iter().any(|f| {
            [&f.cell, &f.text]
                .into_iter()
                .flatten()
                .any(|s| echoes(s.value.as_str()))
        });
    said.then_some(!negated)
}

/// Why a milestone cell is refused, with what it takes: under a zeroing target a count too, and
/// after a done word whose object is not the target (`已完成立项`) the question a person must
/// answer — the step named may be short of the target.
fn milestone_refusal(text: &str, row: &Row, entry: &Entry) -> String {
    let zeroing = is_zeroing(row);
    let mut message = crate::tr!(
        "`{}` 是里程碑: 应为 是/否、已完成/未完成、已建成、已创成、√/× 或 Y/N{}，却是 `{}`",
        "`{}` is a milestone: expected 是/否, 已完成/未完成, 已建成, 已创成, √/× or Y/N{}, found `{}`",
        entry.id.value,
        match zeroing {
            true => crate::tr!(
                "，或尚余数量（0 为已清零）",
                ", or how many are left (0: cleared)"
            ),
            false => String::new(),
        },
        echo(text)
    );
    let t = half_width_lower(text.trim());
    let t = t.strip_prefix('已').unwrap_or(&t);
    let t = ADVERBS.iter().find_map(|a| t.strip_prefix(a)).unwrap_or(t);
    if let Some(step) = DONE_WORDS
        .iter()
        .find_map(|w| t.strip_prefix(w))
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        message.push_str(&crate::tr!(
            "（`{}` 是目标本身，还是其中一步？目标已完成请填 是，未完成请填 否 或 推进中）",
            " (is `{}` the target itself or a step towards it? type 是 if the target is done, else 否 or 推进中)",
            echo(step)
        ));
    }
    message
}

/// Whether a milestone row commits to "一批" (建成一批示范点): a batch of no stated size.
fn is_batch(row: &Row) -> bool {
    row.targets.iter().any(|f| {
        [&f.cell, &f.text]
            .into_iter()
            .flatten()
            .any(|s| s.value.contains("一批"))
    })
}

/// The answers a "一批" commitment takes besides the milestone words: how many were done (`3`,
/// `3个`, `2批`), done once there is at least one. `None` for anything else, or on another row.
fn batch_count(text: &str, batch: bool) -> Option<bool> {
    if !batch {
        return None;
    }
    let t = Threshold::parse(text).ok()?;
    if !matches!(t.op, Op::Reach | Op::Eq) || t.high.is_some() || t.label.is_some() {
        return None;
    }
    t.value.map(|v| v > Decimal::ZERO)
}

/// A year as typed: `2024`, `2024年`, full-width `２０２４`, `二〇二四`; a four-digit year from 1900
/// to 2100. Also what `--year` takes, so that a command line takes a year as a cell does.
pub(crate) fn parse_year(text: &str) -> Result<i32, String> {
    let t: String = crate::period::chinese_year(text.trim())
        .trim()
        .trim_end_matches(['年', '度'])
        .chars()
        .map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect();
    // 2024.0: a year cell formatted as a number with decimals.
    let t = t.strip_suffix(".0").unwrap_or(&t);
    match t.parse::<i32>() {
        Ok(y) if (1900..=2100).contains(&y) => Ok(y),
        Ok(y) if (20_000..=80_000).contains(&y) => Err(crate::tr!(
            "应为 2024 这样的年份，却是 `{y}` —— 是日期的序列号吗？请直接填年份",
            "expected a year like 2024, found `{y}` — a date's serial number? type the year itself"
        )),
        _ => match crate::period::two_digit_year(t) {
            Some(y) => Err(crate::tr!(
                "应为 2024 这样的年份，却是 `{}`（两位数的年份？是否应为 {y}）",
                "expected a year like 2024, found `{}` (a two-digit year? did you mean {y}?)",
                echo(text)
            )),
            None => Err(crate::tr!(
                "应为 2024 这样的年份，却是 `{}`",
                "expected a year like 2024, found `{}`",
                echo(text)
            )),
        },
    }
}

/// What a row's 备注 says of its figure, by the word [`note_not_final`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NoteSays {
    /// An estimate, a flash or preliminary count, not yet checked (`预计数`, `快报`, `待核实`).
    NotFinal,
    /// An approximate number (`约`, `约数`, `左右`, `概数`).
    Approximate,
    /// Not every unit has reported (`不完全统计`, `部分乡镇未报`): the figure is a part of the
    /// whole, so it can only understate a count.
    Incomplete,
    /// Counted by a changed definition (`口径调整`): it may not compare with the target.
    Definition,
}

/// The class of a word [`note_not_final`] returns.
pub(crate) fn note_says(word: &str) -> NoteSays {
    if word.contains("口径") {
        NoteSays::Definition
    } else if APPROXIMATE.contains(&word) {
        NoteSays::Approximate
    } else if INCOMPLETE.contains(&word) {
        NoteSays::Incomplete
    } else {
        NoteSays::NotFinal
    }
}

const APPROXIMATE: &[&str] = &[
    "约数", "大约", "约为", "约占", "约合", "概数", "近似", "左右", "约",
];
const INCOMPLETE: &[&str] = &[
    "不完全统计",
    "不完全",
    "未完全",
    "数据不全",
    "统计不全",
    "尚不完整",
    "不完整",
    "部分未报",
    "未全部",
];

/// The word of a row's 备注 that says its figure is not final, not exact or not comparable — an
/// estimate (`预计数`, `12月为预估数`, `暂估`), a flash or preliminary count (`快报数`, `初步统计`),
/// not yet checked (`待核实`), approximate (`约`, `约85%`, `左右`, `概数`), incomplete
/// (`据不完全统计`, `部分乡镇未报`), or counted by a changed definition (`口径调整`, `统计口径调整后`)
/// — unless a negation stands right before it (`非预计数`, `不含预计`). A verdict on such a
/// figure may not hold for the final one: a 达标 on an estimate must not go up as a plain 达标.
pub(crate) fn note_not_final(note: &str) -> Option<&'static str> {
    const WORDS: &[&str] = &[
        "预计",
        "预估",
        "估算",
        "估计",
        "暂估",
        "推算",
        "测算",
        "预测",
        "快报",
        "初步",
        "初报",
        "暂定",
        "未核实",
        "待核实",
        "待核",
        "待复核",
        "待审核",
        "未审核",
        "需核实",
        "待确认",
        "口径调整",
        "调整口径",
        "口径变化",
        "口径变更",
        "口径有变",
        "口径不同",
        "口径不一致",
        "新口径",
        "口径已调整",
    ];
    const NOT: &[&str] = &["非", "不是", "无", "不含", "未含", "没有", "未"];
    // Words that end in 约 and are not "about": 签约服务, 预约, 节约 ….
    const NOT_ABOUT: &[char] = &[
        '签', '合', '预', '节', '公', '条', '契', '制', '相', '违', '履', '特', '邀', '集', '婚',
        '简', '践', '赴', '失', '毁', '解', '续', '守', '租',
    ];
    // The first word said and not undone by what stands right before it.
    let found = |words: &'static [&'static str]| {
        words.iter().copied().find(|w| {
            note.match_indices(w).any(|(i, _)| {
                let before = &note[..i];
                !(NOT.iter().any(|n| before.ends_with(n))
                    || w.starts_with('约') && before.ends_with(NOT_ABOUT))
            })
        })
    };
    if let Some(w) = found(WORDS).or_else(|| found(INCOMPLETE)) {
        return Some(w);
    }
    // 部分乡镇未报, 个别单位数据未上报: a part of the units missing.
    if ["部分", "个别", "少数"].iter().any(|w| note.contains(w))
        && ["未报", "未上报", "未统计", "未填报", "未纳入", "缺报"]
            .iter()
            .any(|w| note.contains(w))
    {
        return Some("部分未报");
    }
    // `稳定在90%左右`, `目标约85%`: the note quotes the target, whose approximation is the plan's.
    if ["目标", "稳定在", "保持在", "控制在", "力争", "任务", "要求"]
        .iter()
        .any(|w| note.contains(w))
    {
        return None;
    }
    // 约 alone, or before the number (`约85%`): anywhere else it is too often part of a word
    // (签约, 预约). Each part of a note a sheet's comments joined (`统计局数据；批注: 约85%`).
    let about = |t: &str| {
        t == "约"
            || t.strip_prefix('约')
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit() || c.is_whitespace()))
    };
    if note
        .split('；')
        .map(|p| p.trim().trim_start_matches("批注:").trim())
        .any(about)
    {
        return Some("约");
    }
    // The last entry, 约 alone, is the case above.
    found(&APPROXIMATE[..APPROXIMATE.len() - 1])
}

/// An unfilled value cell: empty; only dashes, slashes or dots (`-`, `—`, `——`, `/`, `…`); or a
/// word that says there is nothing to report yet (暂无, 无, 待统计, 未报, N/A …).
pub(crate) fn is_no_data(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "无",
        "暂无",
        "无数据",
        "暂无数据",
        "没有数据",
        "空",
        "空白",
        "缺",
        "缺报",
        "缺数",
        "未报",
        "未上报",
        "未填",
        "未填报",
        "待报",
        "待上报",
        "待填",
        "待填报",
        "待统计",
        "统计中",
        "未统计",
        "待定",
        "待核",
        "待核实",
        "待确认",
        "待更新",
        "不适用",
        "不涉及",
        "na",
        "n/a",
        "n.a.",
        "n.a",
        "null",
        "none",
        "nil",
        "nan",
        "tbd",
        "-/-",
    ];
    let t = text.trim();
    if is_plain(t) {
        return false;
    }
    let t = t
        .strip_prefix(['(', '（'])
        .and_then(|t| t.strip_suffix([')', '）']))
        .unwrap_or(t)
        .trim();
    if t.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '-' | '—'
                    | '–'
                    | '―'
                    | '─'
                    | '‐'
                    | '‑'
                    | '－'
                    | '﹣'
                    | '/'
                    | '／'
                    | '\\'
                    | '、'
                    | '.'
                    | '。'
                    | '…'
                    | '·'
            )
    }) {
        return true;
    }
    let t = half_width_lower(t);
    let t = t.trim_end_matches(['。', '.', '！', '!']);
    WORDS.contains(&t) || pending_phrase(t)
}

/// A phrase a clerk makes up to say the figure is not there yet, beyond [`is_no_data`]'s fixed
/// words: `暂缺`, `尚未统计`, `暂未上报`, `数据未出`, `数据待更新`, `核实中`, `年底统计`,
/// `无法统计`. Read as a grammar, not a list, because every office words it its own way: time
/// words (暂, 尚, 目前, 数据 …), then a negation or "awaiting" (未, 无, 缺, 待, 不, 无法) and what
/// is awaited (统计, 上报, 公布, 核实 …), or what is awaited then 中 (in progress), or a later
/// time then what happens then (`年底统计`). Every part must be one of these words, so a claim
/// about the target is never taken for no data: `未达标`, `未完成`, `不达标`, `无变化` stay
/// errors (or milestone answers) because 达标, 完成 and 变化 are not awaited things.
fn pending_phrase(t: &str) -> bool {
    const TIME: &[&str] = &[
        "暂时",
        "暂",
        "尚",
        "目前",
        "当前",
        "仍",
        "还",
        "本期",
        "本月",
        "本季度",
        "该项",
        "此项",
        "本项",
        "数据",
        "指标",
    ];
    const LATER: &[&str] = &[
        "年底",
        "年末",
        "年度",
        "次年",
        "明年",
        "下月",
        "下季度",
        "季末",
    ];
    const NOT: &[&str] = &["无法", "没有", "暂不", "未", "无", "缺", "待", "不"];
    // 缺 and 无 say it alone (`暂缺`, `暂无`); the others need what is awaited: `待` alone is no
    // phrase, and `不` or `没有` alone answers a milestone ("not done"), which is no "not yet".
    const ALONE: &[&str] = &["缺", "无"];
    const AWAITED: &[&str] = &[
        "统计", "上报", "报送", "填报", "填写", "报", "填", "提供", "反馈", "公布", "发布", "核实",
        "核定", "核", "确认", "更新", "产生", "出来", "出", "补充", "补报", "补", "录入", "采集",
        "测算", "监测", "评估", "数据", "数", "失", "涉及", "适用", "定",
    ];
    fn take<'a>(t: &'a str, words: &[&str]) -> Option<(&'a str, &'a str)> {
        words
            .iter()
            .filter(|w| t.starts_with(**w))
            .max_by_key(|w| w.len())
            .map(|w| (&t[..w.len()], &t[w.len()..]))
    }
    let mut t = t.trim();
    let mut later = false;
    while let Some((w, rest)) = take(t, TIME).or_else(|| take(t, LATER)) {
        later |= LATER.contains(&w);
        t = rest;
    }
    fn awaited(mut t: &str) -> (usize, &str) {
        let mut n = 0;
        while let Some((_, rest)) = take(t, AWAITED) {
            t = rest;
            n += 1;
        }
        (n, t)
    }
    // What is awaited, then 中 (`核实中`), or after a later time (`年底统计`).
    let (n, rest) = awaited(t);
    if n > 0 && (rest == "中" || (later && rest.is_empty())) {
        return true;
    }
    // One or more "not yet" and what is not yet there: `尚未统计`, `数据未出`, `暂缺`.
    let mut said = false;
    while let Some((not, rest)) = take(t, NOT) {
        let (n, rest) = awaited(rest);
        if n == 0 && !ALONE.contains(&not) {
            return false;
        }
        said = true;
        let rest = rest.strip_prefix(['中', '了']).unwrap_or(rest);
        t = rest
            .strip_prefix(['、', '，', ',', '；', ' '])
            .unwrap_or(rest);
    }
    said && t.is_empty()
}

/// `17/25`, `189 / 200`: a count of a count, which a clerk types for a rate (17 of 25 schools).
/// `Some(share)` is its percentage to two places where it has one; `None` inside when the
/// denominator is 0 or the division overflows. Never judged: which of the two is the indicator's
/// value, and whether the rate is of these, is the clerk's to say.
fn fraction(text: &str) -> Option<Option<Decimal>> {
    let (num, den) = text.split_once(['/', '／'])?;
    let (num, den) = (plain_number(num.trim())?, plain_number(den.trim())?);
    // `5/100`, `5/1000`: a rate per hundred or thousand, which the unit reader takes.
    let mut per = den.normalize();
    while per > Decimal::ONE && (per % Decimal::TEN).is_zero() {
        per /= Decimal::TEN;
    }
    if per == Decimal::ONE && den >= Decimal::ONE_HUNDRED {
        return None;
    }
    Some(
        num.checked_div(den)
            .and_then(|q| q.checked_mul(Decimal::ONE_HUNDRED))
            .map(|p| p.round_dp(2).normalize()),
    )
}

/// A ditto mark or its words (`〃`, `同上`) where a value belongs: the clerk means the row
/// above's value, which qyx does not copy — a report that goes up must carry each value typed.
fn is_ditto(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && (t
            .chars()
            .all(|c| matches!(c, '〃' | '″' | '々' | '"' | '”'))
            || matches!(t, "同上" | "仝上" | "同前" | "同上年" | "同左"))
}

/// A spreadsheet's formula error (`#DIV/0!`, `#N/A`, `#VALUE!` …) where a value belongs.
pub(super) fn formula_error(text: &str) -> bool {
    let t = text.trim();
    // Every error starts with `#`: the other cells of every row are answered without a copy.
    if !t.starts_with('#') {
        return false;
    }
    let t = t.to_uppercase();
    [
        "#DIV/0!",
        "#N/A",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#SPILL!",
        "#CALC!",
        "#GETTING_DATA",
    ]
    .contains(&t.as_str())
}

/// A value with words around its number: `85（预计）` (a remark in brackets), `约85` / `85左右`
/// (approximate). The number, and how it was read; `None` for a plain value.
fn words_around(text: &str) -> Option<(String, crate::judge::Reading)> {
    use crate::judge::Reading;
    let t = text.trim();
    for (open, close) in [('(', ')'), ('（', '）'), ('【', '】'), ('[', ']')] {
        if let Some(head) = t.strip_suffix(close).and_then(|h| h.rsplit_once(open)) {
            let number = head.0.trim();
            if number
                .chars()
                .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            {
                return Some((number.to_string(), Reading::Remarked));
            }
        }
    }
    // 许 (85许) says "about" only after a figure, never in a plan's target.
    if let Some(core) = t.strip_suffix('许').map(str::trim)
        && core.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return Some((core.to_string(), Reading::Approximate));
    }
    approximate(t).map(|core| (core, Reading::Approximate))
}

/// The number (with its unit) of a value the threshold reader — the one plans are read with, so
/// that a value and a target share their words — reads as about a number (`约85`, `近66`,
/// `≈84.1`, `~85`, `85左右`, `82.4上下`) or a little more than it (`66余`, `30多`, `1万多人`: 余 and
/// 多 after a figure say it was rounded down); `None` for anything else.
fn approximate(t: &str) -> Option<String> {
    let r = crate::threshold::Threshold::read(t).ok()?;
    let th = &r.threshold;
    let more = th.op == Op::Gt
        && !r.op_words.is_empty()
        && r.op_words.iter().all(|w| w == "余" || w == "多");
    if !(th.op == Op::Approx || more)
        || th.high.is_some()
        || th.label.is_some()
        || r.relative.is_some()
    {
        return None;
    }
    let number = r.value_text.as_deref()?;
    Some(format!("{number}{}", th.unit.as_deref().unwrap_or("")))
}

/// A value read from its cell: what is judged, and what a person should look at before the
/// verdict goes up (each makes the row doubtful).
#[derive(Debug, Clone)]
pub(crate) struct Value {
    pub(crate) actual: Actual,
    pub(crate) doubts: Vec<crate::judge::Note>,
}

impl Value {
    fn sure(actual: Actual) -> Value {
        Value {
            actual,
            doubts: Vec::new(),
        }
    }
}

/// The doubt a value's words leave, for the row's notes: a milestone answered 基本完成 (judged
/// not done), a number with a remark or an approximation around it, or a sign the row's
/// figures never carry (judged by the number).
fn doubt(text: &str, row: &Row, entry: &Entry) -> Option<crate::judge::Note> {
    use crate::judge::{Note, Reading};
    if is_plain(text.trim()) {
        return None;
    }
    let typed = text.trim().to_string();
    if is_no_data(text) {
        return None;
    }
    if entry.better == Better::Done {
        let (_, partly) = milestone_answer(text)?;
        let reading = match partly {
            true => Reading::Partly,
            // `是（预计）`, `完成（部分）`, `已完成（待验收）`: the remark may undo the answer.
            false if answer_remark(text).is_some_and(|r| !is_date(r)) => Reading::Remarked,
            false => return None,
        };
        return Some(Note::Typed { typed, reading });
    }
    if scientific(text.trim()).is_some() {
        return Some(Note::Typed {
            typed,
            reading: Reading::Scientific,
        });
    }
    if let Some((_, reading)) = words_around(text) {
        return Some(Note::Typed { typed, reading });
    }
    (signed(text) && !row_has_sign(row, entry)).then_some(Note::Typed {
        typed,
        reading: Reading::Signed,
    })
}

/// The remark in brackets after a milestone answer (`预计` in `是（预计）`), if any.
fn answer_remark(text: &str) -> Option<&str> {
    let t = text.trim().trim_end_matches(['。', '.', '!', '！']);
    let (_, rest) = t.split_once(['(', '（'])?;
    let inner = rest.trim_end_matches([')', '）']).trim();
    (!inner.is_empty()).then_some(inner)
}

/// Whether a remark is only a date (`2024年6月`, `2024.6`, `6月底`): when the work was done,
/// which leaves the answer as it is.
fn is_date(remark: &str) -> bool {
    remark
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && remark.chars().all(|c| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || c.is_whitespace()
                || "年月日号底末初中旬上下.-/－—".contains(c)
        })
}

/// Whether a value is typed with a sign before a number other than 0 (`+5`, `-5`, `－5`): the way
/// a change is written (较上年+5), which a level's or a count's cell does not carry.
fn signed(text: &str) -> bool {
    let t = text.trim();
    let Some(rest) = t.strip_prefix(['+', '-', '＋', '－', '−']) else {
        return false;
    };
    rest.chars()
        .any(|c| ('1'..='9').contains(&c) || ('１'..='９').contains(&c))
}

/// Whether a row's baseline or any of its targets is below zero: a row that counts changes, in
/// which a sign is part of the value.
fn row_has_sign(row: &Row, entry: &Entry) -> bool {
    crate::judge::baseline(row, entry).is_some_and(|(_, b)| b < Decimal::ZERO)
        || row.targets.iter().any(|f| {
            crate::plan::resolve(row, entry, f)
                .ok()
                .and_then(|r| r.value)
                .is_some_and(|v| v < Decimal::ZERO)
        })
}

/// A number in scientific notation (`1.2E+05`), as Excel shows a General cell past 11 digits,
/// or a number in a column too narrow for it, and saves it so in a CSV: read as written, but the
/// digits Excel dropped are lost, so the row is doubtful (see [`doubt`]).
fn scientific(text: &str) -> Option<Decimal> {
    let (m, e) = text.split_once(['e', 'E'])?;
    let m_digits = m.strip_prefix(['+', '-']).unwrap_or(m);
    let e_digits = e.strip_prefix(['+', '-']).unwrap_or(e);
    let mantissa = m_digits.bytes().any(|b| b.is_ascii_digit())
        && m_digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && m_digits.bytes().filter(|b| *b == b'.').count() <= 1;
    let exponent =
        (1..=3).contains(&e_digits.len()) && e_digits.bytes().all(|b| b.is_ascii_digit());
    if !(mantissa && exponent) {
        return None;
    }
    Decimal::from_scientific(&format!("{m}e{}", e.trim_start_matches('+'))).ok()
}

/// What a sign clerks type around a number means, where it is no number qyx reads: `(12)` is
/// how the accounting format shows −12, and ▲/▼ mark a rise or a fall (or an observational
/// row) in statistical tables.
fn typed_sign(text: &str) -> Option<String> {
    let t = text.trim();
    let inner = t
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']))
        .filter(|r| {
            !r.is_empty()
                && r.chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        });
    if let Some(n) = inner {
        return Some(crate::tr!(
            "`{}` 是会计格式的负数 -{n}，还是备注？报告值只写一个数: 负数写成 -{n}，备注写在备注列",
            "`{}`: the accounting format's -{n}, or a remark? a report is one number: write a negative as -{n}, a remark in the note column",
            echo(t)
        ));
    }
    // After the number (`66%↑`, `85▼`): the level, marked as risen or fallen.
    if let Some(rest) = t.strip_suffix(['▲', '△', '↑', '⬆', '▼', '▽', '↓', '⬇'])
        && rest
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit() || c == '%')
    {
        let rest = rest.trim_end();
        return Some(crate::tr!(
            "`{}`: ↑/↓、▲/▼ 标示升降，不是数值的一部分: 请只填数值本身（{rest}），升降写在备注列",
            "`{}`: ↑/↓ and ▲/▼ mark a rise or a fall, not part of a value: type the value alone ({rest}) and the change in the note column",
            echo(t)
        ));
    }
    let rest = t.strip_prefix(['▲', '△', '↑', '⬆', '▼', '▽', '↓', '⬇'])?;
    Some(crate::tr!(
        "`{}`: ▲/▼ 在统计表中表示增减（或观察性指标），不是数值的一部分: 请只填数值本身（下降写成负数）",
        "`{}`: ▲/▼ mark a rise or a fall (or an observational row) in statistical tables, not part of a value: write the value itself (a fall as a negative number)",
        echo(t)
    ))
    .filter(|_| rest.chars().next().is_some_and(|c| c.is_ascii_digit()))
}

/// What a value that is no number is, where its form says: a formula's text (`=60+6`, a CSV
/// saved from cells formatted as text), Excel's `####` (a column too narrow, copied as shown),
/// a decimal comma (`84,1` from a European Excel: not a thousands group, which has three digits).
fn typed_form(t: &str) -> Option<String> {
    if t.starts_with('=') {
        return Some(crate::tr!(
            "`{}` 是公式本身，不是它的计算结果: 请填写公式算出的数值",
            "`{}` is a formula's text, not its result: type the value the formula gives",
            echo(t)
        ));
    }
    if t.len() >= 2 && t.chars().all(|c| c == '#') {
        return Some(crate::tr!(
            "`{}` 是 Excel 列宽不够时显示的符号，不是数值: 请在 Excel 中加宽该列后重新保存，或直接填写数值",
            "`{}` is what Excel shows in a column too narrow for its number, not a value: widen the column in Excel and save again, or type the value",
            echo(t)
        ));
    }
    if let Some(meant) = european(t) {
        return Some(crate::tr!(
            "应为 86、4.4、86% 或 1.33万元 这样的数，却是 `{t}`（欧洲写法的千位点和小数逗号？是否应为 {meant}）",
            "expected a number like 86, 4.4, 86% or 1.33万元, found `{t}` (dots between thousands and a decimal comma, as a European Excel writes? did you mean {meant}?)"
        ));
    }
    // `84.2w`, `12k`: 万 and 千 as chat and spreadsheets abbreviate them (w for wan, k for kilo).
    if let Some((number, letter)) = t
        .char_indices()
        .last()
        .filter(|(_, c)| matches!(c, 'w' | 'W' | 'k' | 'K'))
        .map(|(i, c)| (&t[..i], c))
        && !number.is_empty()
        && Decimal::from_str_exact(number.trim()).is_ok()
    {
        let word = if matches!(letter, 'w' | 'W') {
            "万"
        } else {
            "千"
        };
        let number = number.trim();
        return Some(crate::tr!(
            "应为 86、4.4、86% 或 1.33万元 这样的数，却是 `{t}`（`{letter}` 是“{word}”吗？是则请写 {number}{word}）",
            "expected a number like 86, 4.4, 86% or 1.33万元, found `{t}` (is `{letter}` {word}? if so, write {number}{word})"
        ));
    }
    if let Some((whole, rest)) = t.split_once('点')
        && !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && rest.starts_with(|c: char| c.is_ascii_digit())
    {
        return Some(crate::tr!(
            "应为 86、4.4、86% 或 1.33万元 这样的数，却是 `{t}`（“点”是小数点？是否应为 {whole}.{rest}）",
            "expected a number like 86, 4.4, 86% or 1.33万元, found `{t}` (点 for the decimal point? did you mean {whole}.{rest}?)"
        ));
    }
    if let Some(m) = typed_mark(t) {
        return Some(m);
    }
    if looks_like_date(t) {
        return Some(crate::tr!(
            "`{}` 是日期，不是数值: 表格软件会把 3-5、3/5 这样输入的内容（或设为日期格式的单元格）显示成日期；请把单元格设为“数值”或“文本”格式后重新填写实际值",
            "`{}` is a date, not a value: a spreadsheet shows what was typed as 3-5 or 3/5 (or any cell formatted as a date) as a date; format the cell as a number or text and type the value again",
            echo(t)
        ));
    }
    if let Some((low, high)) = range(t) {
        return Some(crate::tr!(
            "`{t}` 是一个范围（{low} 到 {high}），不是一个值: 报告值只填一个数，即实际达到的值",
            "`{t}` is a range ({low} to {high}), not a value: a report is one number, the value reached"
        ));
    }
    let (whole, frac) = t.split_once(',')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(whole) && digits(frac) && frac.len() != 3).then(|| {
        crate::tr!(
            "应为 86、4.4、86% 或 1.33万元 这样的数，却是 `{t}`（小数逗号？是否应为 {whole}.{frac}）",
            "expected a number like 86, 4.4, 86% or 1.33万元, found `{t}` (a decimal comma? did you mean {whole}.{frac}?)"
        )
    })
}

/// Marks clerks type where a value or beside it goes, each with the number meant where there is
/// one: a lone mark (`*`, `×`, `?`, `※`, the katakana `ー` a Japanese input method gives for a
/// dash) is no value, and none says "no data" as plainly as an empty cell or `-`; a footnote mark
/// after the number (`85*`, `85①`, `85%※`) belongs in the note column; `4。3` and `4、3` are a
/// decimal point typed with a Chinese input method, `.43` a number with its leading zero
/// dropped. Each is refused with what was probably meant: read, a wrong guess would be a verdict
/// nobody reported.
fn typed_mark(t: &str) -> Option<String> {
    const MARKS: &[char] = &[
        '*', '＊', '×', 'x', 'X', '?', '？', '※', '#', '＃', 'ー', '△', '☆', '★', '√', '✓', '✔',
    ];
    let mut chars = t.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && MARKS.contains(&c)
    {
        return Some(crate::tr!(
            "`{}` 是符号，不是数值: 无数据请留空或填 `-`，说明请写在备注列",
            "`{}` is a mark, not a value: leave the cell empty or `-` for no data, and write a remark in the note column",
            echo(t)
        ));
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let number = |s: &str| {
        let (i, f) = s.split_once('.').unwrap_or((s, "1"));
        digits(i) && digits(f)
    };
    let footnote = t
        .char_indices()
        .rev()
        .take_while(|&(_, c)| {
            matches!(c, '*' | '＊' | '※' | '#' | '＃' | '†' | '‡') || ('①'..='⑳').contains(&c)
        })
        .last()
        .map(|(i, _)| &t[..i])
        // `85%*`: the number with its percent sign.
        .filter(|n| number(n.trim_end_matches(['%', '％', '‰'])));
    if let Some(n) = footnote {
        return Some(crate::tr!(
            "`{}` 的数字后是注释符号: 数值单元格只填 {n}，注释写在备注列",
            "`{}` has a footnote mark after its number: type {n} alone in the value cell, the footnote in the note column",
            echo(t)
        ));
    }
    if let Some((whole, frac)) = t.split_once(['。', '、'])
        && digits(whole)
        && digits(frac)
    {
        return Some(crate::tr!(
            "应为 86、4.4、86% 或 1.33万元 这样的数，却是 `{t}`（输入法打出的小数点？是否应为 {whole}.{frac}）",
            "expected a number like 86, 4.4, 86% or 1.33万元, found `{t}` (a decimal point typed with a Chinese input method? did you mean {whole}.{frac}?)"
        ));
    }
    let frac = t.strip_prefix(['.', '．'])?;
    digits(frac).then(|| {
        crate::tr!(
            "应为 86、4.4、86% 或 1.33万元 这样的数，却是 `{t}`（是否应为 0.{frac}）",
            "expected a number like 86, 4.4, 86% or 1.33万元, found `{t}` (did you mean 0.{frac}?)"
        )
    })
}

/// A cell a spreadsheet shows as a date: `3月5日`, `2026年3月5日`, `5-Mar`, `Mar-05`, `05-Mar-26`,
/// `2026/3/5`, `2026-03-05`. Which number was typed cannot be told (`3-5`, `3/5`, or `3.5` in
/// a locale with a decimal comma), so none is guessed.
fn looks_like_date(t: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let num = |s: &str, max: u32| {
        (1..=2).contains(&s.len())
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n))
    };
    let year = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    // 3月5日, 2026年3月5日
    let cjk = t
        .split_once('年')
        .map_or(Some(t), |(y, rest)| year(y).then_some(rest));
    if let Some(md) = cjk
        && let Some((m, d)) = md
            .strip_suffix(['日', '号'])
            .and_then(|r| r.split_once('月'))
        && num(m, 12)
        && num(d, 31)
    {
        return true;
    }
    let parts: Vec<&str> = t.split(['-', '/']).collect();
    let month = |s: &str| MONTHS.contains(&s.to_ascii_lowercase().as_str());
    match parts.as_slice() {
        // 2026/3/5, 2026-03-05
        [y, m, d] if year(y) => num(m, 12) && num(d, 31),
        // 05-Mar-26
        [d, m, y] => num(d, 31) && month(m) && (y.len() == 2 || year(y)),
        // 5-Mar, Mar-05
        [a, b] => (num(a, 31) && month(b)) || (month(a) && num(b, 99)),
        _ => false,
    }
}

/// `14.196,00`, `1.234.567`: dots between groups of three digits, with a decimal comma or more
/// than one dot, as a European Excel writes numbers; the number meant, in the usual notation.
/// One dot and no comma (`1.234`) is a decimal point, and stays so.
fn european(t: &str) -> Option<String> {
    let (int, frac) = match t.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (t, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mut groups = int.split('.');
    let lead = groups.next()?;
    let (mut n, mut meant) = (0, lead.to_string());
    for g in groups {
        if g.len() != 3 || !digits(g) {
            return None;
        }
        n += 1;
        meant.push_str(g);
    }
    let ok = (1..=3).contains(&lead.len())
        && digits(lead)
        && n >= 1
        && (frac.is_some() || n >= 2)
        && frac.is_none_or(digits);
    ok.then(|| match frac {
        Some(f) => format!("{meant}.{f}"),
        None => meant,
    })
}

/// `66-70`, `84～85`, `66至70%`: two numbers joined by a dash, a tilde or 至/到 — a range where
/// one value belongs. The two ends as typed.
fn range(t: &str) -> Option<(&str, &str)> {
    let at = t.find(['-', '—', '–', '－', '~', '～', '至', '到'])?;
    let (low, rest) = t.split_at(at);
    let high = rest[rest.chars().next()?.len_utf8()..].trim_start_matches(['-', '—']);
    let number = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    (number(low) && low.trim().bytes().all(|b| b.is_ascii_digit() || b == b'.') && number(high))
        .then(|| (low.trim(), high.trim()))
}

/// What a value that is no number is, where its form says it: a sign, a formula's text, a
/// European number, a range … (`typed_sign`, `typed_form`).
fn what_it_is(text: &str) -> Option<String> {
    typed_sign(text)
        .or_else(|| typed_form(text))
        .or_else(|| typed_change(text))
}

/// A value cell worded as a plan words its target (`力争66`, `确保95`, `保持在90`, `每年2万人`) or as
/// an estimate (`预计66`): the plan's reader takes those words as qualifiers that leave the number
/// as it is, which for a report would turn a goal or a guess into a plain 达标. A goal is no value
/// reached; an estimate belongs in the note column, where the verdict is marked 存疑. The words
/// that leave a reported figure what it is (`累计`, `合计`, `全年`, `达到`, `增至`) pass.
fn worded_as_target(text: &str) -> Option<String> {
    // Resolve (力争), the plan's adverbs of movement (持续, 逐步), recurrence (每年) and keeping a
    // level (保持在): said of a target, never of a figure reached.
    const GOAL: &[&str] = &[
        "力争",
        "争取",
        "确保",
        "努力",
        "持续",
        "稳步",
        "逐步",
        "进一步",
        "全面",
        "每年",
        "保持",
        "保持在",
        "稳定在",
        "维持在",
        "巩固在",
    ];
    // 预计 (estimated) and 基本 (about, roughly): a figure the note column should qualify, with
    // the word of it that marks the verdict doubtful there (see `note_not_final`).
    const ESTIMATE: &[(&str, &str)] = &[("预计", "预计"), ("基本", "约")];
    if is_plain(text.trim()) {
        return None;
    }
    let r = Threshold::read(text).ok()?;
    let words = || r.qualifiers.iter().chain(&r.op_words).map(String::as_str);
    let number = r.value_text.as_deref().unwrap_or(text);
    if let Some((w, note)) = words().find_map(|w| ESTIMATE.iter().find(|(e, _)| *e == w)) {
        return Some(crate::tr!(
            "`{}` 带有估计的措辞（`{w}`），不是确定的报告值: 数值格只填 {number}，把“{note}”写在备注栏，qyx 会把判定标为存疑",
            "`{}` is worded as an estimate (`{w}`), not a figure reported: type {number} alone in the value cell and `{note}` in the note column, where qyx marks the verdict doubtful",
            echo(text)
        ));
    }
    let w = words().find(|w| GOAL.contains(w))?;
    Some(crate::tr!(
        "`{}` 是目标的措辞（`{w}`），不是实际达到的值: 报告值只填实际达到的一个数",
        "`{}` is worded as a target (`{w}`), not a value reached: a report is one number, the value reached",
        echo(text)
    ))
}

/// A change typed where the value belongs (`提高5个百分点`, `同比增长2.1%`, `较上年下降0.5`): what
/// a department's summary says of its figure, not the figure. Read as a level it would be a
/// verdict on a number nobody reported; the plan parser's words about it (write the baseline
/// plus the increase as the target) are for a plan's author, not for the clerk.
fn typed_change(t: &str) -> Option<String> {
    const CHANGE: &[&str] = &[
        "提高",
        "提升",
        "增长",
        "增加",
        "上升",
        "上涨",
        "增幅",
        "净增",
        "下降",
        "降低",
        "减少",
        "回落",
        "降幅",
        "同比",
        "环比",
        "较上年",
        "比上年",
        "较去年",
        "比去年",
        "较基期",
        "比基期",
        "较上期",
        "比上期",
    ];
    let word = CHANGE.iter().find(|w| t.contains(**w))?;
    t.chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        .then(|| {
            crate::tr!(
                "`{}` 是变化量（`{word}`: 较上年或基期的增减），不是本期实际达到的值: 请填写实际达到的值本身，增减写在备注列",
                "`{}` is a change (`{word}`: up or down on last year or the baseline), not the value reached: type the value itself, and the change in the note column",
                echo(t)
            )
        })
}

/// "expected a number like …, found `text`", for a value that is not one.
fn not_a_number(text: &str) -> String {
    crate::tr!(
        "应为 86、4.4、86% 或 1.33万元 这样的数，却是 `{}`",
        "expected a number like 86, 4.4, 86% or 1.33万元, found `{}`",
        echo(text)
    )
}

/// Refuses numbers no report holds, before they reach any arithmetic.
fn check_size(text: &str, v: Decimal) -> Result<(), String> {
    if v.abs() > Decimal::from(MAX_MAGNITUDE) {
        return Err(crate::tr!(
            "`{}` 大于任何上报值（按其单位最多 10¹⁵）: 是笔误吗？",
            "`{}` is larger than any reported value (at most 10¹⁵ in its unit): a slip?",
            echo(text)
        ));
    }
    let decimals = text.split_once('.').map_or(0, |(_, f)| {
        f.chars().take_while(char::is_ascii_digit).count()
    });
    if decimals > MAX_DECIMALS {
        return Err(crate::tr!(
            "`{}` 有 {decimals} 位小数，超过 {MAX_DECIMALS} 位: 是笔误吗？",
            "`{}` has {decimals} decimal places, more than {MAX_DECIMALS}: a slip?",
            echo(text)
        ));
    }
    Ok(())
}

/// A value typed as plain ASCII digits with at most one decimal point, digits on both sides of
/// it (most values: `90.36`, `10280`), read as [`Threshold::parse`] reads it but without its
/// general machinery (`plain_numbers_read_alike`). Such a text is no empty cell, formula error,
/// milestone doubt or number with words around it, so [`read_value`], [`is_no_data`] and
/// [`doubt`] take it straight. Up to 18 digits the number is built from the bytes at once (the
/// same mantissa and scale as Decimal's own parser); longer ones go through that parser.
pub(crate) fn plain_number(text: &str) -> Option<Decimal> {
    let b = text.as_bytes();
    if b.is_empty() || b.len() > 20 {
        return None;
    }
    let (mut mantissa, mut scale, mut point) = (0i64, 0u32, None);
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'0'..=b'9' => {
                mantissa = mantissa.wrapping_mul(10).wrapping_add(i64::from(c - b'0'));
                scale += u32::from(point.is_some());
            }
            b'.' if point.is_none() && i > 0 && i + 1 < b.len() => point = Some(i),
            _ => return None,
        }
    }
    let digits = b.len() - usize::from(point.is_some());
    if digits > 18 {
        return text.parse().ok();
    }
    Some(Decimal::new(mantissa, scale))
}

/// Whether `text` is a [`plain_number`] (cheaper than reading it).
fn is_plain(text: &str) -> bool {
    let b = text.as_bytes();
    !b.is_empty()
        && b.len() <= 20
        && b.first().is_some_and(u8::is_ascii_digit)
        && b.last().is_some_and(u8::is_ascii_digit)
        && b.iter().all(|c| c.is_ascii_digit() || *c == b'.')
        && b.iter().filter(|c| **c == b'.').count() <= 1
}

/// [`Unit::parse`] of a unit text (a sheet's, or the catalog's it is converted to), remembered
/// for the few texts a sheet and a catalog repeat on every row: shared, not copied, and the last
/// one asked for checked first (a sheet's rows mostly repeat the unit of the row before). At most
/// [`UNITS_REMEMBERED`] are kept, so that the memory is small whatever the input; a text beyond
/// them, or one that does not parse, is parsed each time.
fn parsed_unit(text: &str) -> Result<std::rc::Rc<Unit>, crate::unit::UnitError> {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::rc::Rc;
    type Remembered = (HashMap<Box<str>, Rc<Unit>>, Option<(String, Rc<Unit>)>);
    thread_local! {
        static UNITS: RefCell<Remembered> = RefCell::default();
    }
    let hit = UNITS.with_borrow_mut(|(all, last)| {
        if let Some((t, u)) = last
            && t == text
        {
            return Some(u.clone());
        }
        let u = all.get(text)?.clone();
        remember_last(last, text, &u);
        Some(u)
    });
    if let Some(u) = hit {
        return Ok(u);
    }
    let u = Rc::new(Unit::parse(text)?);
    UNITS.with_borrow_mut(|(all, last)| {
        if all.len() < UNITS_REMEMBERED {
            all.insert(text.into(), u.clone());
        }
        remember_last(last, text, &u);
    });
    Ok(u)
}

/// Makes `u` the last unit asked for, reusing the text's buffer.
fn remember_last(
    last: &mut Option<(String, std::rc::Rc<Unit>)>,
    text: &str,
    u: &std::rc::Rc<Unit>,
) {
    match last {
        Some((t, v)) => {
            t.clear();
            t.push_str(text);
            *v = u.clone();
        }
        None => *last = Some((text.to_string(), u.clone())),
    }
}

/// Unit texts [`parsed_unit`] remembers.
const UNITS_REMEMBERED: usize = 1024;

/// Reads a reported value in the catalog's unit, with what makes it doubtful. `Ok(None)`: the
/// cell is empty (no data). Errors are (column, message).
pub(crate) fn read_value(
    r: &ActualRow,
    row: &Row,
    entry: &Entry,
) -> Result<Option<Value>, (u64, String)> {
    let text = r.value.text.trim();
    let col = r.value.column;
    // Most values are plain numbers: read at once, straight to their unit.
    if entry.better != Better::Done
        && let Some(value) = plain_number(text)
    {
        check_size(text, value).map_err(|m| (col, m))?;
        return in_unit(r, row, entry, text, value, None);
    }
    if is_no_data(text) {
        return Ok(None);
    }
    if formula_error(text) {
        return Err((
            col,
            crate::tr!(
                "`{}` 是表格公式的错误值: 请修正公式, 或留空表示无数据",
                "`{}` is a spreadsheet formula error: fix the formula, or leave the cell empty for no data",
                echo(text)
            ),
        ));
    }
    // `一` alone is the numeral one, and the stroke a Chinese input method gives for a dash:
    // a clerk who means 1 types `1` (or `一个`), one who means "no data" a dash. Read as 1 it was
    // a verdict nobody reported; read as no data, a real 1 lost. Ask.
    if !text.is_empty() && text.chars().all(|c| c == '一' || c.is_whitespace()) {
        return Err((
            col,
            crate::tr!(
                "`{}` 是数字“一”还是输入法打出的横线？是 1 请写 `1`，无数据请留空或写 `-`",
                "`{}` is the numeral one (一) or a dash typed with a Chinese input method? write `1` for one, leave the cell empty or `-` for no data",
                echo(text)
            ),
        ));
    }
    if is_ditto(text) {
        return Err((
            col,
            crate::tr!(
                "`{}` 是“同上”: 请填写数值本身（qyx 不从别的行抄数）",
                "`{}` means \"same as above\": type the value itself (qyx never copies a value from another row)",
                echo(text)
            ),
        ));
    }
    if entry.better != Better::Done
        && let Some(share) = fraction(text)
    {
        let percent = row
            .unit
            .as_ref()
            .map(|u| u.value.as_str())
            .or(entry.unit.as_ref().map(|u| u.value.as_str()))
            .is_some_and(|u| u.trim() == "%");
        return Err((
            col,
            match (percent, share) {
                (true, Some(p)) if p <= Decimal::ONE_HUNDRED => crate::tr!(
                    "`{}` 是分数: 若指 {}%，请填 {}（qyx 不替填报人做除法）",
                    "`{}` is a fraction: if it means {}%, type {} (qyx does not divide for the reporter)",
                    echo(text),
                    p,
                    p
                ),
                _ => crate::tr!(
                    "`{}` 是分数: 请填写指标单位下的数值本身",
                    "`{}` is a fraction: type the value itself, in the indicator's unit",
                    echo(text)
                ),
            },
        ));
    }
    // A verdict typed where a figure belongs (`未达标` in a 托位数 row): qyx judges, and only
    // the figure can show by how much.
    let t = text.trim();
    let verdict = ["尚未", "基本", "已", "未", "不", "尚"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
        .unwrap_or(t);
    if entry.better != Better::Done
        && matches!(verdict, "达标" | "完成" | "达到" | "满足" | "符合" | "超标")
    {
        return Err((
            col,
            crate::tr!(
                "`{}` 是判定，不是数值: 请填写实际完成的数值，由 qyx 对照目标判定",
                "`{}` is a verdict, not a value: type the figure reported, and qyx judges it against the target",
                echo(text)
            ),
        ));
    }
    if entry.better == Better::Done {
        let counted = zero_count(text, is_zeroing(row));
        let answer = counted
            .map(|(done, _)| done)
            .or_else(|| milestone(text))
            .or_else(|| echoes_target(text, row))
            .or_else(|| batch_count(text, is_batch(row)));
        let mut doubts: Vec<_> = doubt(text, row, entry).into_iter().collect();
        if counted.is_some_and(|(_, doubtful)| doubtful) {
            doubts.push(crate::judge::Note::Typed {
                typed: text.trim().to_string(),
                reading: crate::judge::Reading::CountLeft,
            });
        }
        return answer
            .map(|d| {
                Some(Value {
                    actual: Actual::Done(d),
                    doubts,
                })
            })
            .ok_or_else(|| (col, milestone_refusal(text, row, entry)));
    }
    // `84.3萬`, `¥14200`, `14 200`: forms whose meaning is plain, read as their usual spelling.
    let spelled = clerk_forms(text, entry).map_err(|m| (col, m))?;
    let Some(spelled) = spelled else {
        return read_number(r, row, entry, text, text);
    };
    // A message quotes what the clerk typed (`84.3萬人次`), never the spelling it was read as.
    read_number(r, row, entry, &spelled, text)
        .map_err(|(c, m)| (c, quoting_typed(m, &spelled, text)))
}

/// `message` about a cell typed as `typed` and read as `spelled` (`84.3萬` as `84.3万`): the
/// quotes of the spelling become the typed text; a message that quotes only a part of the cell
/// (a unit) starts with the typed text, so that the clerk finds the cell they typed.
fn quoting_typed(message: String, spelled: &str, typed: &str) -> String {
    let (from, to) = (format!("`{}`", echo(spelled)), format!("`{}`", echo(typed)));
    let m = message.replace(&from, &to);
    match m.contains(&to) {
        true => m,
        false => crate::tr!("{to}: {m}", "{to}: {m}"),
    }
}

/// [`read_value`] of a number cell after its clerk forms (`text`; `typed` is the cell as typed):
/// words around it, a sign, Excel's notation, its unit.
fn read_number(
    r: &ActualRow,
    row: &Row,
    entry: &Entry,
    text: &str,
    typed: &str,
) -> Result<Option<Value>, (u64, String)> {
    let col = r.value.column;
    // `85（预计）`, `约85`: the number is judged, and the row is marked doubtful (see `doubt`).
    let words = doubt(text, row, entry).map(|n| match n {
        crate::judge::Note::Typed { reading, .. } => crate::judge::Note::Typed {
            typed: typed.trim().to_string(),
            reading,
        },
        n => n,
    });
    let around = words_around(text);
    let text = around.as_ref().map_or(text, |(n, _)| n.as_str());
    // A plain number, or one in Excel's scientific notation (doubtful: see `doubt`).
    let t = match plain_number(text).or_else(|| scientific(text)) {
        Some(value) => Ok(Threshold {
            op: Op::Reach,
            value: Some(value),
            high: None,
            unit: None,
            label: None,
        }),
        None => Threshold::parse(text),
    };
    let t = t.map_err(|e| {
        let m = match what_it_is(text) {
            Some(m) => m,
            // The parser's words add nothing when they only repeat the text.
            None if e.message.contains(text) => not_a_number(text),
            None => crate::tr!("{}（{}）", "{} ({})", not_a_number(text), e.message),
        };
        (col, m)
    })?;
    if !matches!(t.op, Op::Reach | Op::Eq) || t.label.is_some() || t.high.is_some() {
        let m = what_it_is(text).unwrap_or_else(|| match t.op {
            Op::Ge | Op::Gt | Op::Le | Op::Lt => crate::tr!(
                "`{}` 是目标的写法（≥、以上、不低于…），不是一个值: 报告值只填一个数，即实际达到的值",
                "`{}` is written as a target (≥, 以上, 不低于 …), not a value: a report is one number, the value reached",
                echo(text)
            ),
            _ => not_a_number(text),
        });
        return Err((col, m));
    }
    if let Some(m) = worded_as_target(text) {
        return Err((col, m));
    }
    let value = t.value.ok_or_else(|| (col, not_a_number(text)))?;
    check_size(text, value).map_err(|m| (col, m))?;
    let mut v = in_unit(r, row, entry, text, value, t.unit.as_deref())?;
    if let (Some(v), Some(w)) = (v.as_mut(), words) {
        v.doubts.insert(0, w);
    }
    Ok(v)
}

/// Characters that separate thousands in a number typed or pasted with spaces: the space, the
/// no-break space, the thin space and the narrow no-break space (`14 200`, `14\u{202f}200`).
const GROUP_SPACES: &[char] = &[' ', '\u{a0}', '\u{2009}', '\u{202f}'];

/// A value in a form whose meaning is plain, spelled the usual way, or `None` where it is already
/// so: the traditional 萬 and 億 (`84.3萬` is 84.3万); a currency sign before an amount in a row
/// counted in 元 (`¥14200`, `￥14,200`; refused in any other row: an amount where a share or a
/// count belongs); digits grouped by threes with spaces (`14 200`), but only where every group
/// after the first has exactly three digits — `85 86` (two values?) and `1 23` stay as typed, to
/// be refused.
fn clerk_forms(text: &str, entry: &Entry) -> Result<Option<String>, String> {
    let mut out = std::borrow::Cow::Borrowed(text);
    if out.contains(['萬', '億']) {
        out = std::borrow::Cow::Owned(out.replace('萬', "万").replace('億', "亿"));
    }
    if let Some(rest) = out.strip_prefix(['¥', '￥']) {
        let in_yuan = entry.unit.as_ref().is_some_and(|u| u.value.contains('元'));
        if !in_yuan {
            return Err(crate::tr!(
                "`{}` 是一笔金额, 而 `{}` 以 {} 计: 请填写本行单位的数值",
                "`{}` is an amount of money, but `{}` is counted in {}: write the value in the row's unit",
                echo(text),
                entry.id.value,
                entry.unit_text()
            ));
        }
        out = std::borrow::Cow::Owned(rest.trim_start().to_string());
    }
    if let Some(joined) = grouped_by_spaces(&out) {
        out = std::borrow::Cow::Owned(joined);
    } else if out.contains(GROUP_SPACES)
        && out.starts_with(|c: char| c.is_ascii_digit())
        && out
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || GROUP_SPACES.contains(&c))
    {
        // Digits split by spaces in groups that are no thousands: two values, or a slip?
        let joined: String = out.chars().filter(|c| !GROUP_SPACES.contains(c)).collect();
        return Err(crate::tr!(
            "`{}` 中的数字被空格隔开, 但不是每组三位的千位分隔: 一格只填一个数; 若是一个数, 请填 {joined}",
            "`{}` has digits split by spaces that are no groups of three (thousands): one value a cell; if it is one number, type {joined}",
            echo(text)
        ));
    }
    Ok(match out {
        std::borrow::Cow::Borrowed(_) => None,
        std::borrow::Cow::Owned(s) => Some(s),
    })
}

/// `14 200` → `14200`, `1 234 567.5万` → `1234567.5万`: a leading run of one to three digits, then
/// one or more groups of a space and exactly three digits, then anything but a digit. `None`
/// for anything else (`85 86`, `1234 567`, `14 2000`, `85 %`).
fn grouped_by_spaces(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let lead = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=3).contains(&lead) {
        return None;
    }
    let mut digits: String = chars[..lead].iter().collect();
    let mut at = lead;
    let mut groups = 0;
    while at < chars.len() && GROUP_SPACES.contains(&chars[at]) {
        let run = chars[at + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if run != 3 {
            return None;
        }
        digits.extend(&chars[at + 1..at + 4]);
        at += 4;
        groups += 1;
    }
    (groups > 0).then(|| digits + &chars[at..].iter().collect::<String>())
}

/// A number read from the value cell (`text`, with `own_unit` typed after it), in the catalog's
/// unit: the unit it is in is its own, the unit column's or the row's, with a bare magnitude
/// (`万`) taken as a magnitude of the unit it goes with.
fn in_unit(
    r: &ActualRow,
    row: &Row,
    entry: &Entry,
    text: &str,
    value: Decimal,
    own_unit: Option<&str>,
) -> Result<Option<Value>, (u64, String)> {
    use std::borrow::Cow;
    let col = r.value.column;
    // Asked for only where the sheet says no unit: the plan's row is then read, not before.
    let row_unit = || row.unit.as_ref().map(|u| u.value.as_str());
    let catalog_unit = entry.unit.as_ref().map(|u| u.value.as_str());
    let column_unit = r.unit.as_ref().map(|u| (u.text, u.column));
    // The unit the number is in, and where it was said.
    let (unit_text, unit_col): (Option<Cow<str>>, u64) = match (own_unit, column_unit) {
        // A bare magnitude (`1.42万`): the unit column, or the indicator's unit, says of what.
        // The same magnitude in both (`84.2万` over 万人) says it twice: 84.2万人.
        (Some(u), Some((c, _)))
            if magnitude_prefix(u) == Some(u) && magnitude_prefix(c) == Some(u) && c != u =>
        {
            (Some(Cow::Borrowed(c)), col)
        }
        (Some(u), Some((c, _))) if magnitude_prefix(u) == Some(u) && c == u => {
            match catalog_unit
                .or_else(row_unit)
                .and_then(|b| Unit::parse(b).ok())
            {
                Some(base) => (Some(Cow::Owned(format!("{u}{}", base.base()))), col),
                None => (Some(Cow::Borrowed(u)), col),
            }
        }
        (Some(u), other) if magnitude_prefix(u) == Some(u) => {
            let of = match other {
                Some((c, _)) if magnitude_prefix(c).is_some() => {
                    return Err((
                        col,
                        crate::tr!(
                            "`{}` 带有 {u}，而单位列写的是 {c}: 究竟是哪个？请按 {c} 填写数值",
                            "`{}` carries {u}, and the unit column says {c}: which is meant? write the value in {c}",
                            echo(text)
                        ),
                    ));
                }
                Some((c, _)) => Some(c),
                None => catalog_unit.or_else(row_unit),
            };
            match of.and_then(|c| Unit::parse(c).ok()) {
                Some(base) => (Some(Cow::Owned(format!("{u}{}", base.base()))), col),
                None => (Some(Cow::Borrowed(u)), col),
            }
        }
        (Some(u), Some((c, c_col))) => {
            // The value's own unit and the unit column must agree (`88%` under 人 is a slip).
            let own = |x: &str| {
                entry.is_unit_synonym(x) || catalog_unit.is_some_and(|k| k.trim() == x.trim())
            };
            let agree = u == c
                || (own(u) && own(c))
                || matches!((Unit::parse(u), Unit::parse(c)), (Ok(a), Ok(b)) if a.is_compatible(&b));
            if !agree {
                return Err((
                    c_col,
                    crate::tr!(
                        "数值 `{}` 的单位是 {u}，而单位列写的是 {}: 究竟是哪个？",
                        "the value `{}` is in {u}, but the unit column says {}: which is it?",
                        echo(text),
                        echo(c)
                    ),
                ));
            }
            (Some(Cow::Borrowed(u)), col)
        }
        (Some(u), None) => (Some(Cow::Borrowed(u)), col),
        // A unit column of 万 alone: a magnitude of the indicator's unit (万 over 人 is 万人).
        (None, Some((c, c_col))) if magnitude_prefix(c) == Some(c) => {
            match catalog_unit
                .or_else(row_unit)
                .and_then(|u| Unit::parse(u).ok())
            {
                Some(base) => (Some(Cow::Owned(format!("{c}{}", base.base()))), c_col),
                None => (Some(Cow::Borrowed(c)), c_col),
            }
        }
        (None, Some((c, c_col))) => (Some(Cow::Borrowed(c)), c_col),
        (None, None) => (row_unit().map(Cow::Borrowed), col),
    };
    let Some(catalog_unit) = catalog_unit else {
        return match unit_text {
            Some(u) if own_unit.is_some() || r.unit.is_some() => Err((
                unit_col,
                crate::tr!(
                    "`{}` 没有单位，但数值带有 `{}`",
                    "`{}` has no unit, but the value carries `{}`",
                    entry.id.value,
                    echo(&u)
                ),
            )),
            _ => Ok(Some(Value::sure(Actual::Number(value)))),
        };
    };
    let to = parsed_unit(catalog_unit).map_err(|e| (col, e.to_string()))?;
    let from = match unit_text.as_deref() {
        // The catalog's own unit, or one it declares a synonym of it (名 for 个): the same unit.
        Some(u) if u == catalog_unit || entry.is_unit_synonym(u) => to.clone(),
        Some(u) => parsed_unit(u).map_err(|e| (unit_col, e.to_string()))?,
        None => to.clone(),
    };
    // A count per population typed per another size of it (`4.5个/万人` where the catalog counts
    // 个 per 千人口): compared with the catalog's unit per its population, which is the catalog's
    // number (0.45).
    let to = match &entry.per {
        Some(per) if !from.is_compatible(&to) => parsed_unit(&format!("{catalog_unit}/{per}"))
            .ok()
            .filter(|p| from.is_compatible(p))
            .unwrap_or(to),
        _ => to,
    };
    let converted = from.convert(value, &to).map_err(|e| {
        let per_typed = unit_text.as_deref().is_some_and(|u| u.contains(['/', '每']));
        let m = match &entry.per {
            // A count per population typed per another population (`24人/万人` where the
            // indicator counts per 万老年人): which population is meant only the clerk knows.
            Some(per) if per_typed => {
                let v = value.normalize();
                crate::tr!(
                    "{e}（`{}` 的目标以 {catalog_unit}/{per} 计: 若是每{per}的数, 填 `{v}` 或 `{v}{catalog_unit}/{per}`）",
                    "{e} (the target of `{}` is in {catalog_unit} per {per}: if the number is per {per}, type `{v}` or `{v}{catalog_unit}/{per}`)",
                    entry.id.value
                )
            }
            _ => crate::tr!(
                "{e}（`{}` 的目标以 {catalog_unit} 计）",
                "{e} (the target of `{}` is in {catalog_unit})",
                entry.id.value
            ),
        };
        (unit_col, m)
    })?;
    let mut v = Value::sure(Actual::Number(converted));
    // A unit from the value column's header (`数值（‰）`, which the reader hands on in the value's
    // own column) stands for every row of the sheet, whatever its indicator: no row's own word.
    let header = column_unit.filter(|(_, c)| *c == col);
    // The unit the row expects the number in: the unit column's (unless a bare magnitude of
    // the indicator's unit), else the plan row's as printed, else the catalog's.
    let expected = match column_unit {
        Some((c, _)) if header.is_none() && magnitude_prefix(c) != Some(c) => Some(c),
        Some(_) if header.is_none() => None,
        _ => row_unit(),
    }
    .unwrap_or(catalog_unit);
    // Only a unit typed with the number or over the whole column: a unit column's is the
    // row's own declaration.
    if (own_unit.is_some() || header.is_some())
        && let Some(unit) = unit_text.as_deref()
        && let Some(note) = converted_note(r, entry, &to, &from, unit, expected, value, converted)
    {
        v.doubts.push(note);
        // The unit's note says nothing of the cap: a converted 150 % is over it all the same.
        v.doubts.extend(crate::judge::over_cap(entry, converted));
    }
    Ok(Some(v))
}

/// The note for a number typed in a unit (`from`, as resolved: `unit`) whose symbol is ten
/// times or more from the unit the row expects (`expected`): `8.5‰` in a % row, `0.2小时` in a
/// 分钟 row, `45张/万人口` in a 张/千人口 row. A magnitude or a period written with the number
/// (`841000人` in a 万人 row, `1183元/月` in a 元 row) goes with it and is no doubt (see
/// [`Unit::symbol_ratio`]); nor is a unit the catalog declares the same as its own.
#[allow(clippy::too_many_arguments)]
fn converted_note(
    r: &ActualRow,
    entry: &Entry,
    to: &Unit,
    from: &Unit,
    unit: &str,
    expected: &str,
    value: Decimal,
    converted: Decimal,
) -> Option<crate::judge::Note> {
    let same = |u: &str| {
        entry
            .unit
            .as_ref()
            .is_some_and(|k| k.value.trim() == u.trim())
            || entry.is_unit_synonym(u)
    };
    if same(unit) && same(expected) {
        return None;
    }
    let exp: std::rc::Rc<Unit> = if same(expected) {
        std::rc::Rc::new(to.clone())
    } else {
        parsed_unit(expected).ok()?
    };
    let mine = if same(unit) { to } else { from };
    let factor = mine.symbol_ratio(&exp)?;
    let ten = Decimal::TEN;
    if factor < ten && factor.checked_mul(ten)? > Decimal::ONE {
        return None;
    }
    let meant = exp.convert(value, to).ok()?;
    Some(crate::judge::Note::Converted {
        typed: match r.unit.filter(|u| u.column == r.value.column) {
            Some(header) => format!("{} {}", r.value.text.trim(), header.text.trim()),
            None => r.value.text.trim().to_string(),
        },
        from: unit.to_string(),
        // The row's unit with its population where the catalog counts per one (个/千人口).
        to: match entry.per.is_some()
            && same(expected)
            && entry
                .unit
                .as_ref()
                .is_some_and(|u| u.value.trim() != to.printed())
        {
            true => to.printed().to_string(),
            false => expected.trim().to_string(),
        },
        factor: factor.normalize(),
        value: converted,
        meant,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_that_say_a_figure_is_not_final() {
        for (note, word) in [
            ("预计数", Some("预计")),
            ("快报数", Some("快报")),
            ("初步统计", Some("初步")),
            ("12月为预估数", Some("预估")),
            ("含预计", Some("预计")),
            ("暂估", Some("暂估")),
            ("估算", Some("估算")),
            ("口径调整", Some("口径调整")),
            ("统计口径调整后", Some("口径调整")),
            ("按新口径", Some("新口径")),
            ("数据待核实", Some("待核实")),
            ("非预计数", None),
            ("不含预计", None),
            ("未调整口径", None),
            ("口径未调整", None),
            ("已核实", None),
            ("数据来源：统计局", None),
            ("按新标准", None),
            ("同比提高1个百分点", None),
            ("", None),
            ("约", Some("约")),
            ("约85%", Some("约")),
            ("约数", Some("约数")),
            ("85%左右", Some("左右")),
            ("为概数", Some("概数")),
            ("大约", Some("大约")),
            ("签约居民约为3.2万人", Some("约为")),
            ("家庭医生签约服务", None),
            ("签约为主", None),
            ("已预约", None),
            ("节约用地", None),
            ("约束性指标", None),
            ("据不完全统计", Some("不完全统计")),
            ("统计不全", Some("统计不全")),
            ("部分乡镇未报", Some("部分未报")),
            ("个别单位数据未上报", Some("部分未报")),
            ("部分数据来自卫健局", None),
            ("已全部上报", None),
            ("测算数", Some("测算")),
            ("数据待复核", Some("待复核")),
            ("已审核", None),
            ("稳定在90%左右", None),
            ("目标约85%", None),
            ("目标稳定在90%左右, 预计数", Some("预计")),
            // A sheet's comments (批注) joined to its note.
            ("批注: 约85%", Some("约")),
            ("统计局数据；批注: 约 86", Some("约")),
            ("批注: 快报数", Some("快报")),
            ("批注: 签约率按户计", None),
            ("批注: 数据来源：教育统计年报", None),
        ] {
            assert_eq!(note_not_final(note), word, "{note}");
        }
    }

    #[test]
    fn milestone_answers() {
        for yes in [
            "是",
            "已完成",
            "完成",
            "已建成",
            "建成",
            "已创成",
            "创成",
            "√",
            "✓",
            "Y",
            "y",
            "Ｙ",
            "yes",
            "已完成（2024年6月）",
            "已实现。",
            "✅",
            "✔\u{FE0F}",
            "☑\u{FE0F}",
        ] {
            assert_eq!(milestone(yes), Some(true), "{yes}");
        }
        for no in [
            "否",
            "未完成",
            "未建成",
            "不建成",
            "没有建成",
            "尚未完成",
            "未创成",
            "×",
            "✗",
            "N",
            "no",
            "不是",
            "❌",
            "✖\u{FE0F}",
        ] {
            assert_eq!(milestone(no), Some(false), "{no}");
        }
        for neither in ["建", "86", "达", "", "好", "见附件"] {
            assert_eq!(milestone(neither), None, "{neither}");
        }
    }

    /// Milestone answers as offices write them, done or not, and which ones leave a doubt.
    #[test]
    fn milestone_words_table() {
        let cases: &[(&str, Option<(bool, bool)>)] = &[
            ("已落实", Some((true, false))),
            ("落实", Some((true, false))),
            ("已全面建成", Some((true, false))),
            ("已如期完成", Some((true, false))),
            ("已达到", Some((true, false))),
            ("OK", Some((true, false))),
            ("100%", Some((true, false))),
            ("完成率100%", Some((true, false))),
            ("１００％", Some((true, false))),
            ("基本完成", Some((false, true))),
            ("已基本建成", Some((false, true))),
            ("推进中", Some((false, false))),
            ("正在推进", Some((false, false))),
            ("进行中", Some((false, false))),
            ("在建", Some((false, false))),
            ("已开工", Some((false, false))),
            ("未启动", Some((false, false))),
            ("部分完成", Some((false, false))),
            ("完成80%", Some((false, false))),
            ("80%", Some((false, false))),
            ("未达到", Some((false, false))),
            ("尚未落实", Some((false, false))),
            // Done on a date, with 已.
            ("已于2024年6月完成", Some((true, false))),
            ("2024年12月已完成", Some((true, false))),
            ("已在2024年底建成", Some((true, false))),
            ("已于2024.6完成", Some((true, false))),
            // Planned, expected, hoped for: not done, whatever date it names.
            ("计划于2025年6月完成", Some((false, false))),
            ("预计年底完成", None),
            ("预计完成", None),
            ("力争年内建成", Some((false, false))),
            ("将于明年建成", Some((false, false))),
            ("正在建设，预计2025年完成", Some((false, false))),
            ("拟于2025年底完成", Some((false, false))),
            ("年底前完成", Some((false, false))),
            ("确保完成", Some((false, false))),
            ("按计划推进", Some((false, false))),
            ("2025年6月底前完成", Some((false, false))),
            // Near misses: a date with no 已 (done then, or due then?), 已 with a step after.
            ("2024年12月完成", None),
            ("已建成，待验收", None),
            ("已于2024年6月", None),
            ("待验收", None),
            // Done before a date: 已 anywhere is no work ahead.
            ("年底前已完成", None),
            ("计划已完成", None),
        ];
        for (text, want) in cases {
            assert_eq!(milestone_answer(text), *want, "{text}");
        }
    }

    /// Every way a clerk says "nothing to report yet" is no data; a number or a word is not.
    #[test]
    fn no_data_table() {
        for t in [
            "",
            " ",
            "-",
            "—",
            "——",
            "--",
            "–",
            "/",
            "／",
            "—/—",
            "…",
            "无",
            "暂无",
            "（暂无）",
            "无数据",
            "N/A",
            "n/a",
            "NA",
            "Ｎ／Ａ",
            "null",
            "待统计",
            "未报",
            "待报",
            "待定",
            "空",
            "缺",
            "不适用",
            "不涉及",
            "统计中",
            // Phrases made up of the same parts.
            "暂缺",
            "缺失",
            "尚未统计",
            "暂未上报",
            "暂未统计。",
            "数据未出",
            "数据待更新",
            "目前无数据",
            "核实中",
            "待公布",
            "年底统计",
            "年度统计",
            "无法统计",
            "暂不统计",
            "尚未上报、待核实",
            "（尚未统计）",
        ] {
            assert!(is_no_data(t), "{t:?}");
        }
        for t in [
            "0",
            "85",
            "#N/A",
            "否",
            "见附件",
            "八十五",
            "-5",
            "约85",
            // A claim about the target, or a milestone's answer, is not "nothing yet".
            "未达标",
            "不达标",
            "未完成",
            "无变化",
            "不",
            "待",
            "暂",
            "数据",
            "统计",
            "年底",
            "未完成统计任务",
            "待85",
            "没有",
        ] {
            assert!(!is_no_data(t), "{t:?}");
        }
        assert!(formula_error("#DIV/0!") && formula_error("#n/a") && !formula_error("#1"));
    }

    /// A milestone answer with a remark in brackets is doubtful unless the remark is a date.
    #[test]
    fn fractions_are_offered_as_percentages_never_judged() {
        let pct = |t: &str| fraction(t).map(|p| p.map(|d| d.to_string()));
        let cases: &[(&str, Option<Option<&str>>)] = &[
            ("17/25", Some(Some("68"))),
            ("189 / 200", Some(Some("94.5"))),
            ("2／3", Some(Some("66.67"))),
            ("1/0", Some(None)),
            ("1.5/2", Some(Some("75"))),
            // A date typed as a value divides too; the message offers no share over 100 %.
            ("2024/6", Some(Some("33733.33"))),
            // Not fractions: a no-data mark, words, a range.
            ("-/-", None),
            ("/", None),
            ("85/", None),
            ("约17/25", None),
            ("66-70", None),
            // Per hundred, thousand, ten thousand: rates the unit reader takes.
            ("5/100", None),
            ("5/1000", None),
            ("3/10000", None),
            ("17/10", Some(Some("170"))),
        ];
        for (t, want) in cases {
            assert_eq!(pct(t), want.map(|p| p.map(str::to_string)), "{t}");
        }
    }

    #[test]
    fn milestone_remarks() {
        for (text, remark, date) in [
            ("是（预计）", Some("预计"), false),
            ("完成（部分）", Some("部分"), false),
            ("已完成（待验收）", Some("待验收"), false),
            ("已建成(试运行)", Some("试运行"), false),
            ("已完成（2024年6月）", Some("2024年6月"), true),
            ("已完成(2024.6)", Some("2024.6"), true),
            ("已完成（6月底）", Some("6月底"), true),
            ("已完成（）", None, false),
            ("已完成", None, false),
        ] {
            assert_eq!(answer_remark(text), remark, "{text}");
            assert_eq!(remark.is_some_and(is_date), date, "{text}");
        }
    }

    /// A number with words around it is read by its number, and says how.
    #[test]
    fn words_around_numbers() {
        use crate::judge::Reading;
        let cases: &[(&str, Option<(&str, Reading)>)] = &[
            ("85（预计）", Some(("85", Reading::Remarked))),
            ("66.5%(初步)", Some(("66.5%", Reading::Remarked))),
            ("1.2万人【快报】", Some(("1.2万人", Reading::Remarked))),
            ("约85", Some(("85", Reading::Approximate))),
            ("大约85%", Some(("85%", Reading::Approximate))),
            ("85左右", Some(("85", Reading::Approximate))),
            ("82.4上下", Some(("82.4", Reading::Approximate))),
            ("近66", Some(("66", Reading::Approximate))),
            ("接近66%", Some(("66%", Reading::Approximate))),
            ("≈84.1", Some(("84.1", Reading::Approximate))),
            ("~85", Some(("85", Reading::Approximate))),
            ("～85", Some(("85", Reading::Approximate))),
            ("85许", Some(("85", Reading::Approximate))),
            ("66余", Some(("66", Reading::Approximate))),
            ("30多", Some(("30", Reading::Approximate))),
            ("1万多人", Some(("1万人", Reading::Approximate))),
            ("多于30", None),
            (">30", None),
            ("30以上", None),
            ("近", None),
            ("（85）", None),
            ("85", None),
            ("约", None),
            ("左右", None),
        ];
        for (text, want) in cases {
            let got = words_around(text);
            assert_eq!(got.as_ref().map(|(n, r)| (n.as_str(), *r)), *want, "{text}");
        }
    }

    #[test]
    fn excel_notations() {
        use rust_decimal_macros::dec;
        for (text, want) in [
            ("1.2E+05", Some(dec!(120000))),
            ("1.23457E+11", Some(dec!(123457000000))),
            ("4.2e0", Some(dec!(4.2))),
            ("-3E-02", Some(dec!(-0.03))),
            ("E5", None),
            ("1.2E", None),
            ("1.2E+0005", None),
            ("1.2.3E1", None),
            ("85", None),
        ] {
            assert_eq!(scientific(text), want, "{text}");
        }
        for (text, hint) in [
            ("(12)", Some("accounting format's -12")),
            ("（1,234）", Some("-1,234")),
            ("▲5", Some("▲/▼ mark a rise or a fall")),
            ("↓0.3", Some("▲/▼")),
            (
                "66%↑",
                Some("mark a rise or a fall, not part of a value: type the value alone (66%)"),
            ),
            ("85 ▼", Some("type the value alone (85)")),
            (
                "提高5个百分点",
                Some(
                    "is a change (`提高`: up or down on last year or the baseline), not the value reached",
                ),
            ),
            ("同比增长2.1%", Some("is a change (`增长`")),
            ("较上年下降0.5", Some("is a change (`下降`")),
            ("环比+3", Some("is a change (`环比`")),
            ("有所提高", None),
            ("(预计)", None),
            ("▲", None),
            ("85", None),
            ("14.196,00", Some("did you mean 14196.00?")),
            ("1.234.567", Some("did you mean 1234567?")),
            ("1.234", None),
            ("1.23,4", None),
            ("82点4", Some("did you mean 82.4?")),
            ("点4", None),
            ("66-70", Some("a range (66 to 70)")),
            ("84～85万人", Some("a range (84 to 85万人)")),
            ("66至70", Some("a range")),
            ("-5", None),
            ("=60+6", Some("a formula's text")),
            ("*", Some("is a mark, not a value")),
            ("×", Some("is a mark, not a value")),
            ("？", Some("is a mark, not a value")),
            ("ー", Some("is a mark, not a value")),
            ("**", None),
            ("85*", Some("type 85 alone")),
            ("85.5①", Some("type 85.5 alone")),
            ("85※#", Some("type 85 alone")),
            ("85%*", Some("type 85% alone")),
            ("2.1‰①", Some("type 2.1‰ alone")),
            ("%*", None),
            ("*85", None),
            ("85a*", None),
            ("4。3", Some("did you mean 4.3?")),
            ("4、3", Some("did you mean 4.3?")),
            ("4。", None),
            ("、3", None),
            (".43", Some("did you mean 0.43?")),
            ("．5", Some("did you mean 0.5?")),
            (".", None),
            (".4.3", None),
            ("3月5日", Some("is a date, not a value")),
            ("2026年12月31日", Some("is a date")),
            ("5-Mar", Some("is a date")),
            ("Mar-05", Some("is a date")),
            ("05-mar-26", Some("is a date")),
            ("2026/3/5", Some("is a date")),
            ("2026-03-05", Some("is a date")),
            ("13月5日", None),
            ("3月", None),
            ("5-Mars", None),
            ("2026/13/5", None),
            ("3-5", Some("a range (3 to 5)")),
        ] {
            let got = what_it_is(text);
            match hint {
                Some(h) => assert!(
                    got.as_deref().is_some_and(|g| g.contains(h)),
                    "{text}: {got:?}"
                ),
                None => assert_eq!(got, None, "{text}"),
            }
        }
    }

    /// A number with w or k after it is refused asking whether 万 or 千 is meant; a word that
    /// ends so is not asked of.
    #[test]
    fn wan_and_qian_abbreviated() {
        for (text, meant) in [
            ("84.2w", Some("84.2万")),
            ("84.2W", Some("84.2万")),
            ("12k", Some("12千")),
            ("1.5 K", Some("1.5千")),
            ("work", None),
            ("w", None),
            ("8.4kw", None),
        ] {
            let got = typed_form(text);
            match meant {
                Some(m) => assert!(
                    got.as_deref().is_some_and(|g| g.contains(m)),
                    "{text}: {got:?}"
                ),
                None => assert_eq!(got, None, "{text}"),
            }
        }
    }

    /// A value cell in a target's or an estimate's words is refused (a goal or a guess is no
    /// figure reached); the words a report uses of its figure pass.
    #[test]
    fn values_worded_as_targets() {
        for (text, refused) in [
            ("力争66", Some("`力争`")),
            ("确保95%", Some("`确保`")),
            ("争取 66", Some("`争取`")),
            ("努力达到66", Some("`努力`")),
            ("保持在90", Some("`保持在`")),
            ("稳定在90%", Some("`稳定在`")),
            ("保持66", Some("`保持`")),
            ("每年2万人", Some("`每年`")),
            ("持续66", Some("`持续`")),
            ("逐步提高到66", Some("`逐步`")),
            ("预计66", Some("`预计`")),
            ("预计达到66%", Some("`预计`")),
            ("基本66", Some("`基本`")),
            ("66", None),
            ("66%", None),
            ("达到66", None),
            ("实现66", None),
            ("累计66", None),
            ("合计1.2万人", None),
            ("全年66", None),
            ("增至66", None),
            ("提升至66%", None),
            ("年均66", None),
            ("约66", None),
            ("是", None),
            ("", None),
        ] {
            let got = worded_as_target(text);
            match refused {
                Some(w) => assert!(
                    got.as_deref().is_some_and(|m| m.contains(w)),
                    "{text}: {got:?}"
                ),
                None => assert_eq!(got, None, "{text}"),
            }
        }
        // An estimate names the note word that marks the verdict 存疑 there.
        let m = worded_as_target("基本66").unwrap();
        assert!(m.contains("`约`") || m.contains("“约”"), "{m}");
        assert_eq!(
            note_not_final("约"),
            Some("约"),
            "the note the message asks for is read as approximate"
        );
        assert!(note_not_final("预计").is_some());
    }

    #[test]
    fn batch_answers() {
        for (text, batch, want) in [
            ("3", true, Some(true)),
            ("3个", true, Some(true)),
            ("2批", true, Some(true)),
            ("0", true, Some(false)),
            ("0个", true, Some(false)),
            ("3", false, None),
            ("≥3", true, None),
            ("进行中", true, None),
        ] {
            assert_eq!(batch_count(text, batch), want, "{text}");
        }
        assert_eq!(milestone("已落实"), Some(true));
        assert_eq!(milestone("未落实"), Some(false));
    }

    #[test]
    fn years() {
        assert_eq!(parse_year("2024"), Ok(2024));
        assert_eq!(parse_year("２０２４年"), Ok(2024));
        assert_eq!(parse_year("2024.0"), Ok(2024));
        assert_eq!(parse_year("二〇二四年"), Ok(2024));
        assert!(
            parse_year("24年")
                .unwrap_err()
                .contains("did you mean 2024?")
        );
        assert!(parse_year("45292").unwrap_err().contains("serial number"));
        assert!(parse_year("24").is_err());
        assert!(parse_year(&"9".repeat(700_000)).unwrap_err().len() < 200);
    }

    #[test]
    fn thousands_grouped_by_spaces() {
        let cases: &[(&str, Option<&str>)] = &[
            ("14 200", Some("14200")),
            ("1 234 567.5万", Some("1234567.5万")),
            ("14\u{a0}200元", Some("14200元")),
            ("14\u{2009}200", Some("14200")),
            ("14\u{202f}200", Some("14200")),
            ("85 86", None),
            ("14 2000", None),
            ("1420 0", None),
            ("1234 567", None),
            ("14  200", None),
            ("85 %", None),
            ("14200", None),
        ];
        for (text, want) in cases {
            assert_eq!(grouped_by_spaces(text).as_deref(), *want, "{text:?}");
        }
    }

    #[test]
    fn plain_numbers_read_alike() {
        for t in [
            "0",
            "7",
            "007",
            "86",
            "86.5",
            "86.50",
            "0.05",
            "1000000",
            "12345678901234567890",
            "3.14159265358979",
            "100.",
            ".5",
            "1.2.3",
            "1e3",
            "1,000",
            " 8",
            "8 ",
            "999999999999999999",
            "9999999999999999999",
            "0.000000000000000001",
            "123456789.123456789",
            "-5",
            "+5",
            "８６",
            "",
            ".",
        ] {
            assert_eq!(is_plain(t), plain_number(t).is_some(), "{t}");
            if let Some(f) = plain_number(t) {
                let slow = Threshold::parse(t).expect("the parser reads what the fast path reads");
                assert_eq!(slow.op, Op::Reach, "{t}");
                assert!(slow.unit.is_none() && slow.high.is_none(), "{t}");
                let s = slow.value.unwrap();
                assert_eq!((f.mantissa(), f.scale()), (s.mantissa(), s.scale()), "{t}");
                // Taken straight by the other readers too.
                assert!(!is_no_data(t) && words_around(t).is_none() && !formula_error(t));
            }
        }
        assert!(plain_number("86.5").is_some() && plain_number("86%").is_none());
    }

    #[test]
    fn sizes() {
        assert!(check_size("1e3", Decimal::from(1000)).is_ok());
        let big = Decimal::from_str_exact("1000000000000000000000000000").unwrap();
        assert!(check_size("1000000000000000000000000000", big).is_err());
        assert!(check_size("0.000000000001", Decimal::ZERO).is_err());
    }

    /// A plan row `name` whose target for 2027 is printed `target`, as a plan file has it.
    fn milestone_row(name: &str, target: &str) -> crate::plan::Plan {
        serde_saphyr::from_str(&format!(
            "jurisdiction: {{ id: t, name: 测, name_en: T, level: county }}\ndocument: {{ title: t, issuer: i, date: d, kind: implementation, source: s }}\nperiod: {{ start: 2023, end: 2027 }}\nbaseline_year: 2022\nindicators:\n  - id: m\n    name: \"{name}\"\n    targets:\n      - {{ year: 2027, text: \"{target}\", quote: \"{target}\" }}\n"
        ))
        .unwrap()
    }

    /// Under a target that brings something to zero a number is how many are left: `0` is met
    /// (where for any other milestone it is 否), and a bare 0 or 1 — how sheets also write 否 and
    /// 是 — is doubtful.
    #[test]
    fn counts_left_under_a_zeroing_target() {
        for (name, target, zeroing) in [
            ("退役军人“零就业”家庭动态清零", "动态清零", true),
            ("欠薪线索", "动态清零", true),
            ("城乡危房动态清零", "实现", true),
            ("较大安全事故", "零发生", true),
            // 零就业 is the kind of family, not a target of zero.
            ("零就业家庭帮扶", "全覆盖", false),
            ("启智学校新建项目", "建成", false),
        ] {
            let plan = milestone_row(name, target);
            assert_eq!(is_zeroing(&plan.indicators[0]), zeroing, "{name} {target}");
        }
        for (text, want) in [
            ("0", Some((true, true))),
            ("1", Some((false, true))),
            ("0户", Some((true, false))),
            ("0 户", Some((true, false))),
            ("0.0", Some((true, true))),
            ("2", Some((false, false))),
            ("3起", Some((false, false))),
            ("１", Some((false, true))),
            // Not counts: the share done, a sign, words, a range.
            ("100%", None),
            ("-1", None),
            ("是", None),
            ("已清零", None),
            ("1-2", None),
            ("", None),
        ] {
            assert_eq!(zero_count(text, true), want, "{text}");
            assert_eq!(zero_count(text, false), None, "{text}");
        }
        // Without the count rule these stay milestone words.
        assert_eq!(milestone("0"), Some(false));
        assert_eq!(milestone("已清零"), Some(true));
        assert_eq!(milestone("未清零"), Some(false));
    }

    /// A done word followed by the target's own words is the answer; followed by anything else
    /// it may name a step short of the target, and is not read.
    #[test]
    fn answers_in_the_targets_words() {
        let cover = milestone_row("乡镇(街道)体育社会组织全覆盖", "全覆盖");
        let school = milestone_row("启智学校新建项目", "完成");
        let zero = milestone_row("退役军人“零就业”家庭", "动态清零");
        for (plan, text, want) in [
            (&cover, "已实现全覆盖", Some(true)),
            (&cover, "实现全覆盖", Some(true)),
            (&cover, "未实现全覆盖", Some(false)),
            (&cover, "已全面实现全覆盖", Some(true)),
            (&cover, "已实现全覆盖。", Some(true)),
            (&school, "已完成启智学校新建项目", Some(true)),
            (&school, "已完成新建项目", Some(true)),
            (&school, "尚未完成新建项目", Some(false)),
            (&zero, "已实现动态清零", Some(true)),
            (&zero, "实现清零", Some(true)),
            // Steps short of the target, or too little to tell.
            (&school, "已完成立项", None),
            (&school, "已完成主体结顶", None),
            (&school, "已完成招标", None),
            (&cover, "已实现", None),
            (&cover, "已实现覆盖80%", None),
            (&cover, "全覆盖", None),
            (&zero, "已实现目", None),
        ] {
            assert_eq!(echoes_target(text, &plan.indicators[0]), want, "{text}");
        }
        for (text, want) in [
            ("已成功创建", Some(true)),
            ("已获评", Some(true)),
            ("已获批", Some(true)),
            ("已入选", Some(true)),
            ("未入选", Some(false)),
            ("已全覆盖", Some(true)),
            ("尚未全覆盖", Some(false)),
            ("已申报", None),
        ] {
            assert_eq!(milestone(text), want, "{text}");
        }
    }
}
