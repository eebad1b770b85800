//! Indicator names as the prose prints them: the fillers around a name (`全市`, `力争`,
//! `到2027年`) and the verbs that open a clause whose object follows the number.
//!
//! Why it exists: the prose reader takes the words around a number as the indicator's name, and
//! the catalog matcher decides whether what a phrase says beyond a catalog name is only fillers
//! and verbs; both must trim the same words.

use super::scan::is_digit;

/// Words around an indicator that are not part of its name.
const LEAD_FILLERS: &[&str] = &[
    "全市",
    "全区",
    "全县",
    "全省",
    "全年",
    "我市",
    "我区",
    "我县",
    "累计",
    "每年",
    "年均",
    "力争",
    "确保",
    "计划",
    "预计",
    "其中",
    "并",
    "且",
    "同时",
    "进一步",
    "持续",
    "稳步",
    "稳定",
    "逐步",
    "分别",
    "均",
    "要",
    "将",
    "共",
    "总计",
    "合计",
    "以及",
    "使",
    "让",
    "有",
    "、",
    "(",
    ")",
];
const TRAIL_FILLERS: &[&str] = &[
    "稳定",
    "稳步",
    "持续",
    "分别",
    "均",
    "要",
    "将",
    "进一步",
    "继续",
    "力争",
    "年",
    "都",
    "总数",
    "再",
    "、",
    "和",
    "(",
    "（",
    "全区",
    "全市",
    "全县",
    "已",
    "已经",
];

/// Verbs that open a clause whose object follows the number (`推进4所新建公办幼儿园`).
pub(super) const VERBS: &[&str] = &[
    "建成",
    "新增",
    "完成",
    "开展",
    "建设",
    "培育",
    "创建",
    "推进",
    "支持",
    "实施",
    "落实",
    "打造",
    "帮助",
    "培养",
    "认定",
    "举办",
    "组织",
    "评选",
    "招收",
    "实现",
    "新建",
    "改造",
    "开工",
    "筹集",
    "提供",
    "配置",
    "设置",
    "培训",
    "发放",
    "引进",
    "创成",
    "覆盖",
    "服务",
    "增加",
    "建立",
    "选树",
    "力争",
    "计划",
    "预计",
    "启动",
    "投用",
    "安排",
    "送",
    "新改扩建",
];

pub(super) fn strip_year_prefix(s: &str) -> &str {
    let mut t = s.trim_start();
    loop {
        let before = t;
        // 到/至/于 only before a year: `至少` is an operator, not a preposition.
        // A year in digits, or spelled in Chinese digits (`二〇二四年`).
        let year_digit = |c: &char| is_digit(*c) || crate::numeral::chinese_digit(*c).is_some();
        for w in ["截至", "到", "至", "于", "在"] {
            if let Some(r) = t.strip_prefix(w)
                && r.chars().take_while(year_digit).count() == 4
            {
                t = r;
            }
        }
        let digits = t.chars().take_while(year_digit).count();
        if digits == 4 {
            let rest = t[t.char_indices().nth(digits).map_or(t.len(), |x| x.0)..].trim_start();
            if let Some(r) = rest.strip_prefix('年') {
                t = r;
                for w in ["年底前", "底前", "年底", "底", "末", "前"] {
                    t = t.strip_prefix(w).unwrap_or(t);
                }
            }
        }
        t = t.trim_start_matches([',', '，', ' ', '、']);
        if t == before {
            return t;
        }
    }
}

pub(super) fn trim_fillers(s: &str) -> String {
    let mut t = strip_year_prefix(s).trim();
    loop {
        let before = t;
        for w in LEAD_FILLERS.iter().chain(["保持", "继续", "巩固"].iter()) {
            if let Some(r) = t.strip_prefix(w) {
                t = r.trim_start();
            }
        }
        t = strip_year_prefix(t);
        for w in TRAIL_FILLERS {
            if let Some(r) = t.strip_suffix(w)
                && !r.is_empty()
            {
                t = r.trim_end();
            }
        }
        if t == before {
            break;
        }
    }
    // Unbalanced brackets at either end are left over from the clause split.
    let mut out = t
        .trim_end_matches(['。', '；', ';', '，', ',', '、', '：', ':'])
        .to_string();
    // A quote mark left alone by the clause split.
    let (lq, rq) = (out.matches('“').count(), out.matches('”').count());
    if lq > rq && out.ends_with('“') {
        out.pop();
    } else if (rq > lq && out.starts_with('”'))
        || (lq > rq && out.starts_with('“') && !out['“'.len_utf8()..].contains('“'))
    {
        out.remove(0);
    }
    let opens = out.matches(['(', '（']).count();
    let closes = out.matches([')', '）']).count();
    if closes > opens && (out.starts_with(')') || out.starts_with('）')) {
        out = out.chars().skip(1).collect();
    }
    if out.ends_with('的') {
        out.pop();
    }
    out.trim().to_string()
}

pub(super) fn only_verb(s: &str) -> bool {
    s.is_empty() || VERBS.contains(&s) || s.chars().count() < 2
}

/// Words that restate a figure rather than name an indicator (`这项指标的2027年目标值为5.5个`).
const GENERIC: &[&str] = &["目标值", "目标", "年度目标", "指标", "预期值", "指标值"];

/// Where the words after an indicator's name begin: the figure it starts from (`由2022年的`,
/// `从`), the base it is measured against (`比2022年`, `较上年`, `在2022年45%的基础上`,
/// `以“十三五”平均值…为基数`), or an annex's explanation (`这项指标的2027年目标值`).
const AFTER_NAME: &[&str] = &[
    "这项指标",
    "该项指标",
    "此项指标",
    "该指标",
    "由20",
    "从20",
    "在20",
    "以“十",
    "以\"十",
    "以十",
    "比20",
    "较20",
    "比上年",
    "较上年",
    "较去年",
    "较基期",
    "的基础上",
    "以20",
];

/// Words that end a clause's words before its number without naming anything: the verb or
/// operator that sets the figure (`提高到`, `比2022年提高`), a scope (`累计`, `五年累计`), a
/// period (`每人每月`).
const TRAILING: &[&str] = &[
    "每人每月",
    "每人每年",
    "五年累计",
    "累计",
    "提高到",
    "提升到",
    "提高至",
    "提升至",
    "增加到",
    "增至",
    "降至",
    "下降到",
    "降低到",
    "缩小到",
    "缩小至",
    "缩短到",
    "缩短至",
    "减少到",
    "减少至",
    "达到",
    "不低于",
    "不少于",
    "不高于",
    "不超过",
    "超过",
    "低于",
    "高于",
    "控制在",
    "保持在",
    "稳定在",
    "由",
    "从",
    "为",
    "要",
    "每年",
    "每",
    "年均值",
    "平均值",
];

/// A change verb after a quantity (`技能人才占从业人员比例提高`, `人均预期寿命提高`) sets the
/// figure; after other words it is part of a name (`学历提升`, `能力提升`).
const CHANGES: &[&str] = &[
    "提高", "提升", "下降", "降低", "缩小", "缩短", "增加", "减少", "递增", "递减",
];
const QUANTITIES: &[&str] = &[
    "率",
    "比例",
    "比重",
    "占比",
    "数",
    "量",
    "寿命",
    "水平",
    "收入",
    "标准",
    "费用",
    "面积",
    "时间",
    "倍差",
    "满意度",
];

/// Words before an indicator's name that are no part of it: a span (`五年新增…`,
/// `“十四五”期间新增…`) or the verb of doing what is counted (`开展职业技能培训`).
const LEADING: &[&str] = &[
    "“十四五”期间",
    "十四五期间",
    "“十四五”时期",
    "“十三五”期间",
    "五年",
    "组织开展",
    "开展",
];

/// A list number before a name: `3)`, `3.`, `16.`, `（三）`, `(3)`, `三、`.
fn strip_list_marker(s: &str) -> &str {
    let t = s.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &t[digits..];
        for m in ['.', '．', '、', ')', '）'] {
            if let Some(r) = rest.strip_prefix(m)
                && !r.starts_with(|c: char| c.is_ascii_digit())
            {
                return r;
            }
        }
    }
    const CN: &str = "一二三四五六七八九十";
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(r) = t.strip_prefix(open)
            && let Some(end) = r.find(close)
            && end > 0
            && r[..end]
                .chars()
                .all(|c| CN.contains(c) || c.is_ascii_digit())
        {
            return &r[end + close.len_utf8()..];
        }
    }
    let cn = t.chars().take_while(|c| CN.contains(*c)).count();
    if cn > 0 {
        let at: usize = t.chars().take(cn).map(char::len_utf8).sum();
        if let Some(r) = t[at..].strip_prefix('、') {
            return r;
        }
    }
    t
}

/// A unit in brackets at the end of a name (`人均预期寿命（岁）`, `普惠托位占比(%)`): the unit,
/// not the name (`执业（助理）医师数` keeps its bracket).
fn strip_unit_bracket(s: &str) -> &str {
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(body) = s.strip_suffix(close)
            && let Some(p) = body.rfind(open)
        {
            let inner = &body[p + open.len_utf8()..];
            if !inner.is_empty() && crate::unit::unit_prefix_len(inner) == Some(inner.len()) {
                return &s[..p];
            }
        }
    }
    s
}

/// The indicator a clause names, out of the words it prints before its number (already
/// trimmed of fillers): without a list number, a unit in brackets, the words that follow the
/// name (`由2022年`, `比2022年提高`, `这项指标的2027年目标值`), the verb setting the figure and a
/// span before it. Empty where the words name nothing (`目标值`, `提高到2027年`): the caller
/// borrows the name from the clause before or the item's heading.
pub(super) fn tidy_name(s: &str) -> String {
    let mut t = strip_list_marker(s).to_string();
    for w in AFTER_NAME {
        // `普惠托位占比2025年`, `医护比2027年`: the 比 ends a share's or a ratio's name, and the
        // year after it is the figure's, no comparison `比2025年`.
        let p = t
            .match_indices(w)
            .map(|(p, _)| p)
            .find(|&p| !w.starts_with('比') || !t[..p].ends_with(['占', '护', '师']));
        if let Some(p) = p {
            t.truncate(p);
        }
    }
    loop {
        let before = t.clone();
        t = trim_fillers(&t);
        t = strip_unit_bracket(&t).trim().to_string();
        // `提高到2027年的`: the year the figure is for, after the words that set it.
        t = t.trim_end_matches('的').to_string();
        let r = t.strip_suffix('年').unwrap_or(&t);
        let year: Vec<char> = r.chars().rev().take(4).collect();
        let chinese = |c: &char| crate::numeral::chinese_digit(*c).is_some();
        if year.len() == 4 && (year.iter().all(char::is_ascii_digit) || year.iter().all(chinese)) {
            let cut: usize = year.iter().map(|c| c.len_utf8()).sum();
            t = r[..r.len() - cut].to_string();
        }
        for w in TRAILING {
            if let Some(r) = t.strip_suffix(w)
                && r.chars().count() >= 2
            {
                t = r.to_string();
            }
        }
        for w in CHANGES {
            // `满意度每年提升`: a change every year.
            if let Some(r) = t.strip_suffix(w) {
                let r = ["每年", "逐年", "年均"]
                    .iter()
                    .find_map(|y| r.strip_suffix(y))
                    .unwrap_or(r);
                if QUANTITIES.iter().any(|q| r.ends_with(q)) {
                    t = r.to_string();
                }
            }
        }
        for w in LEADING {
            if let Some(r) = t.strip_prefix(w)
                && r.chars().count() >= 4
            {
                t = r.to_string();
            }
        }
        if t == before {
            break;
        }
    }
    if GENERIC.contains(&t.as_str())
        || TRAILING.contains(&t.as_str())
        || CHANGES.contains(&t.as_str())
        || t.chars().all(|c| is_digit(c) || c == '年')
    {
        return String::new();
    }
    t
}

#[cfg(test)]
mod tests {
    use super::tidy_name;

    /// `words before the number | the name drafted` (empty: the words name nothing, and the
    /// caller borrows a name).
    #[test]
    fn names_are_trimmed_to_the_indicator() {
        const CASES: &str = "\
普惠托位占比2025年、2027年分别达到 | 普惠托位占比
医护比2027年达到 | 医护比
人均预期寿命比2022年 | 人均预期寿命
3)人均预期寿命（岁）这项指标的2027年目标以“十三五”平均值 | 人均预期寿命
人均预期寿命以“十三五”平均值 | 人均预期寿命
4)城镇调查失业率（%）这项指标的年度目标 | 城镇调查失业率
6)居民人均可支配收入（元）这项指标的2025年 | 居民人均可支配收入
这项指标的2027年目标值 |
2027年目标 |
目标值 |
普惠托位占比由2022年 | 普惠托位占比
每千人口执业（助理）医师数由2022年 | 每千人口执业（助理）医师数
提高到2027年的 |
家庭医生签约服务覆盖率在2022 | 家庭医生签约服务覆盖率
的基础上提高 |
技能人才占从业人员比例比2022年提高 | 技能人才占从业人员比例
公众对公共服务满意度较上年提高 | 公众对公共服务满意度
技能人才占从业人员比例提高 | 技能人才占从业人员比例
提高 |
16.城乡居民收入倍差由2022年 | 城乡居民收入倍差
7.全县公办养老机构床位数 | 公办养老机构床位数
（三）新增普惠托位 | 新增普惠托位
三、新增普惠托位 | 新增普惠托位
3.每年组织开展托育从业人员培训 | 托育从业人员培训
开展职业技能培训 | 职业技能培训
五年新增保障性租赁住房 | 新增保障性租赁住房
“十四五”期间新增中小学学位 | 新增中小学学位
城镇新增就业累计 | 城镇新增就业
职业技能培训人数五年累计 | 职业技能培训人数
最低生活保障标准提高到每人每月 | 最低生活保障标准
最低生活保障标准不低于每人每月 | 最低生活保障标准
单颗常规种植医疗服务费用降至 | 单颗常规种植医疗服务费用
普惠托位占比(%) | 普惠托位占比
每千人口执业(助理)医师数 | 每千人口执业(助理)医师数
5岁以下儿童死亡率 | 5岁以下儿童死亡率
3.5岁儿童 | 3.5岁儿童
完成社会人员学历提升 | 完成社会人员学历提升
完成乡镇(社区)卫生院二乙水平能力提升 | 完成乡镇(社区)卫生院二乙水平能力提升
入学安置比例较上一年度下降 | 入学安置比例较上一年度下降
以2020—2022年平均值 |
人均预期寿命年均值 | 人均预期寿命
新增就业岗位每年 | 新增就业岗位
公共服务满意度每年提升 | 公共服务满意度
县域就诊率每年递增 | 县域就诊率
最低生活保障标准每年递增 | 最低生活保障标准
";
        for line in CASES.lines() {
            let (raw, want) = line.split_once(" |").expect("raw | name");
            assert_eq!(tidy_name(raw), want.trim(), "{raw}");
        }
    }
}
