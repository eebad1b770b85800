//! The header row and the rows under it: which column holds what (English or Chinese names),
//! and each record turned into an [`ActualRow`] or a located problem.

use super::{ActualRow, Actuals, Field};
use crate::diag::{Diagnostic, suggestion};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    Jurisdiction,
    Indicator,
    Year,
    Value,
    Unit,
    Note,
    /// The indicator's printed name: read only when there is no indicator column.
    IndicatorName,
    /// Columns a template carries for the reader's benefit (name, target, lead): read past.
    Ignored,
}

const HEADERS: &[(&str, Col)] = &[
    ("jurisdiction", Col::Jurisdiction),
    ("地区", Col::Jurisdiction),
    ("县市区", Col::Jurisdiction),
    ("地区名称", Col::Jurisdiction),
    ("indicator", Col::Indicator),
    ("指标", Col::Indicator),
    ("指标名称", Col::IndicatorName),
    ("year", Col::Year),
    ("年份", Col::Year),
    ("年度", Col::Year),
    ("value", Col::Value),
    ("数值", Col::Value),
    ("实际值", Col::Value),
    ("完成值", Col::Value),
    ("unit", Col::Unit),
    ("单位", Col::Unit),
    ("note", Col::Note),
    ("备注", Col::Note),
    ("name", Col::IndicatorName),
    ("target", Col::Ignored),
    ("目标", Col::Ignored),
    ("目标值", Col::Ignored),
    ("lead", Col::Ignored),
    ("牵头单位", Col::Ignored),
    ("责任单位", Col::Ignored),
    ("indicator_name", Col::IndicatorName),
];

/// Maps the header and turns records into rows; a missing required column is fatal, a bad row is
/// a problem and the rest go on.
pub(super) fn rows_from(
    name: &str,
    records: Vec<(u64, Vec<String>)>,
) -> Result<Actuals, Diagnostic> {
    let mut it = records
        .into_iter()
        .filter(|(_, r)| r.iter().any(|c| !c.trim().is_empty()));
    let Some((hline, header)) = it.next() else {
        return Err(Diagnostic::error(
            name,
            1,
            1,
            "empty file: expected a header `jurisdiction,indicator,year,value[,unit][,note]` (or 地区,指标,年份,数值,单位,备注)",
        ));
    };
    let mut problems = Vec::new();
    let mut cols: Vec<Col> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let key = h.trim().trim_start_matches('\u{feff}').to_lowercase();
        match HEADERS.iter().find(|(n, _)| *n == key) {
            Some((_, c)) => cols.push(*c),
            None => {
                problems.push(Diagnostic::warning(
                    name,
                    hline,
                    i as u64 + 1,
                    format!(
                        "unknown column `{}`{}: its values are not read",
                        h.trim(),
                        suggestion(&key, HEADERS.iter().map(|(n, _)| *n))
                    ),
                ));
                cols.push(Col::Ignored);
            }
        }
    }
    if !cols.contains(&Col::Indicator)
        && let Some(i) = cols.iter().position(|c| *c == Col::IndicatorName)
    {
        cols[i] = Col::Indicator;
    }
    let find = |c: Col| cols.iter().position(|x| *x == c);
    let mut missing = Vec::new();
    for (c, n) in [
        (Col::Jurisdiction, "jurisdiction"),
        (Col::Indicator, "indicator"),
        (Col::Year, "year"),
        (Col::Value, "value"),
    ] {
        if find(c).is_none() {
            missing.push(n);
        }
    }
    if !missing.is_empty() {
        return Err(Diagnostic::error(
            name,
            hline,
            1,
            format!(
                "the header lacks {}: expected `jurisdiction,indicator,year,value[,unit][,note]` (or 地区,指标,年份,数值,单位,备注)",
                missing.join(", ")
            ),
        ));
    }
    let idx = |c| find(c).unwrap_or(0);
    let mut rows = Vec::new();
    for (line, rec) in it {
        let get = |c: Col| {
            find(c).map(|i| Field {
                text: rec.get(i).map(|s| s.trim().to_string()).unwrap_or_default(),
                column: i as u64 + 1,
            })
        };
        let field = |c: Col| {
            get(c).unwrap_or(Field {
                text: String::new(),
                column: idx(c) as u64 + 1,
            })
        };
        let row = ActualRow {
            line,
            jurisdiction: field(Col::Jurisdiction),
            indicator: field(Col::Indicator),
            year: field(Col::Year),
            value: field(Col::Value),
            unit: get(Col::Unit).filter(|f| !f.text.is_empty()),
            note: get(Col::Note).map(|f| f.text).filter(|t| !t.is_empty()),
        };
        let empty = [&row.jurisdiction, &row.indicator, &row.year]
            .into_iter()
            .find(|f| f.text.is_empty());
        if let Some(f) = empty {
            problems.push(Diagnostic::error(
                name,
                line,
                f.column,
                "empty field: every row needs a jurisdiction, an indicator and a year",
            ));
            continue;
        }
        rows.push(row);
    }
    Ok(Actuals {
        name: name.to_string(),
        rows,
        problems,
        encoding: "",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_problems() {
        let recs = |rows: &[&[&str]]| {
            rows.iter()
                .enumerate()
                .map(|(i, r)| (i as u64 + 1, r.iter().map(|s| s.to_string()).collect()))
                .collect::<Vec<_>>()
        };
        let err = rows_from("a.csv", recs(&[&["地区", "指标", "年份"]])).unwrap_err();
        assert!(err.message.contains("lacks value"), "{err}");
        let err = rows_from("a.csv", vec![]).unwrap_err();
        assert!(err.message.starts_with("empty file"), "{err}");
        let a = rows_from(
            "a.csv",
            recs(&[
                &["jurisdiction", "indicatr", "indicator", "year", "value"],
                &["zhuji", "x", "y", "2024", "1"],
            ]),
        )
        .unwrap();
        assert_eq!(a.problems.len(), 1);
        assert!(
            a.problems[0].message.contains("did you mean `indicator`"),
            "{}",
            a.problems[0]
        );
        assert_eq!(a.rows[0].indicator.text, "y");
        assert_eq!(a.rows[0].indicator.column, 3);
    }
}
