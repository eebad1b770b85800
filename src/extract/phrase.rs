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
        for w in ["截至", "到", "至", "于", "在"] {
            if let Some(r) = t.strip_prefix(w)
                && r.chars().take_while(|c| is_digit(*c)).count() == 4
            {
                t = r;
            }
        }
        let digits = t.chars().take_while(|c| is_digit(*c)).count();
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
