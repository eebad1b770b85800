//! What a document says its printed signs mean: the legend under its table
//! (`注:带*号为省定核心指标,带▲号为观察性指标`, `☆为省定特色指标`, `标#的为新增指标`).
//!
//! Why it exists: the same sign means different things in different documents — `*` is 省定核心指标
//! in one, 约束性指标 in another — so the draft cannot give a sign a meaning of its own. It carries
//! what the document's legend says, and where there is none it asks.

use crate::plan::schema::Marker;

use crate::plan::schema::PRINTED_SIGNS as SIGNS;

/// One sign the document explains.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Legend {
    /// The sign, in its half-width form where it has one (`＊` is `*`).
    pub sign: char,
    /// What the legend says it means, as printed: `省定核心指标`.
    pub meaning: String,
    /// The legend's clause as printed: `带*号为省定核心指标`.
    pub quote: String,
}

impl Legend {
    /// The marker qyx acts on that the meaning names: 核心 is `core`, 观察 (探索和观察性指标, no
    /// target) `observational`; any other meaning (约束性, 预期性, 新增, 特色) none.
    pub(crate) fn marker(&self) -> Option<Marker> {
        if self.meaning.contains("观察") || self.meaning.contains("不作目标") {
            Some(Marker::Observational)
        } else if self.meaning.contains("核心") {
            Some(Marker::Core)
        } else {
            None
        }
    }
}

/// `＊` and `＃` are `*` and `#`.
pub(crate) fn half_width(c: char) -> char {
    match c {
        '＊' => '*',
        '＃' => '#',
        c => c,
    }
}

/// Words that say "is" between a sign and its meaning.
const IS: [&str; 6] = ["表示", "代表", "为", "是", "系", "指"];

/// Every sign the document explains, the first explanation of each. A legend is a sign followed
/// (after `号`, a closing quote, `的`) by 为/表示/是 and a meaning, in a note (a line starting with
/// 注, 说明 or 备注) or after 带/标/加 anywhere: `注:带*号为省定核心指标`, `标有★的为新增指标`.
pub(crate) fn legends(text: &str) -> Vec<Legend> {
    let mut out: Vec<Legend> = Vec::new();
    for line in text.lines() {
        let chars: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
        let note = ["注", "说明", "备注"]
            .iter()
            .any(|w| chars.iter().collect::<String>().starts_with(w));
        for (k, &c) in chars.iter().enumerate() {
            if !SIGNS.contains(&c) {
                continue;
            }
            // What comes before: a note's own words, or 带/标/加 (with an opening quote).
            let mut b = k;
            while b > 0 && matches!(chars[b - 1], '“' | '"' | '「' | '‘' | '(' | '（') {
                b -= 1;
            }
            let lead: String = chars[b.saturating_sub(2)..b].iter().collect();
            let flagged = ["带", "标", "加", "有"].iter().any(|w| lead.ends_with(w));
            let first = k == 0
                || b > 0 && matches!(chars[b - 1], ':' | '：' | '，' | ',' | '；' | ';' | '、')
                || b > 0 && chars[b - 1].is_ascii_digit()
                || lead.ends_with('.')
                || lead.ends_with('．');
            if !(flagged || note && first) {
                continue;
            }
            let mut a = k + 1;
            while a < chars.len() && matches!(chars[a], '号' | '”' | '"' | '」' | '’' | ')' | '）')
            {
                a += 1;
            }
            let rest: String = chars[a..].iter().collect();
            let skip = ["的指标", "的", "者", "指标"]
                .iter()
                .find(|w| rest.starts_with(**w))
                .map_or(0, |w| w.chars().count());
            let rest: String = chars[a + skip..].iter().collect();
            let Some(is) = IS.iter().find(|w| rest.starts_with(**w)) else {
                continue;
            };
            let meaning: String = rest[is.len()..]
                .chars()
                .take_while(|c| !matches!(c, '，' | ',' | '；' | ';' | '。' | '、'))
                .take(30)
                .collect();
            let meaning = meaning.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
            let sign = half_width(c);
            if meaning.chars().count() < 2 || out.iter().any(|l| l.sign == sign) {
                continue;
            }
            let start = if flagged {
                chars[..b]
                    .iter()
                    .rposition(|c| matches!(c, '带' | '标' | '加'))
                    .unwrap_or(b)
            } else {
                b
            };
            let end = a + skip + is.chars().count() + meaning.chars().count();
            let quote: String = chars[start..end].iter().collect();
            out.push(Legend {
                sign,
                meaning: meaning.to_string(),
                quote,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `document | sign meaning quote; …` (empty: no legend).
    const CASES: &str = "
注:带*号为省定核心指标,带▲号为观察性指标。 | * 省定核心指标 带*号为省定核心指标; ▲ 观察性指标 带▲号为观察性指标
注:☆为省定特色指标,*为省定核心指标。 | ☆ 省定特色指标 ☆为省定特色指标; * 省定核心指标 *为省定核心指标
    注:1.带*的为省定核心指标。2.“≧”表示不低于,“≤”表示不高于。 | * 省定核心指标 带*的为省定核心指标
注:带*号为省定核心指标;带▲为探索和观察性指标不作目标要求 | * 省定核心指标 带*号为省定核心指标; ▲ 探索和观察性指标不作目标要求 带▲为探索和观察性指标不作目标要求
说明：标“＊”的为约束性指标，其余为预期性指标。 | * 约束性指标 标“＊”的为约束性指标
表中带#的指标为新增指标。 | # 新增指标 带#的指标为新增指标
表中标#者为新增指标。 | # 新增指标 标#者为新增指标
注：2022年为基础值。 | 
★每千人口拥有3岁以下婴幼儿托位数为4.2个 | 
";

    #[test]
    fn legends_as_documents_print_them() {
        for line in CASES.lines().filter(|l| !l.trim().is_empty()) {
            let (doc, want) = line.split_once(" | ").expect("doc | want");
            let got: Vec<String> = legends(doc)
                .iter()
                .map(|l| format!("{} {} {}", l.sign, l.meaning, l.quote))
                .collect();
            assert_eq!(got.join("; "), want.trim(), "{doc}");
        }
        let l = |m: &str| Legend {
            sign: '*',
            meaning: m.into(),
            quote: String::new(),
        };
        assert_eq!(l("省定核心指标").marker(), Some(Marker::Core));
        assert_eq!(l("探索和观察性指标").marker(), Some(Marker::Observational));
        assert_eq!(l("约束性指标").marker(), None);
    }
}
