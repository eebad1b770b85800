//! The catalog's `max` is a claim about the world: the quantity is a part of a whole, so no value
//! above it exists, and `check` marks one doubtful. A cap on a rate that may pass its whole (a
//! completion rate against a plan, a gross enrolment rate, a growth rate) would put a doubt on a
//! true value; a share
//! left without one lets `150` through as a clean 达标. This test holds every entry in %/‰ to one
//! side or the other by what its name says it measures, so that a new entry is decided, not
//! forgotten.

use serde_json::Value;

/// Names of rates that can pass their whole: measured against a plan, a need or another
/// quantity, or counted against a population that others join.
const CAN_PASS: &[&str] = &[
    "完成率",
    "毛入学率",
    "毛入园率",
    "供给率",
    "增长",
    "增幅",
    "下降幅度",
    "较上年",
    "提高",
    "倍",
    // A standard as a share of another quantity (特困供养标准占人均消费支出比例), not of itself.
    "标准占",
];

/// Names of a part of a whole: a rate of the whole's members, a share, a coverage, the share of
/// respondents satisfied (满意度), and a level the statistics define as the share of residents
/// (居民健康素养水平). A reported rate above 100 (报告接种率 where the count of children due missed
/// some who moved in) is a count to look at, so such a rate keeps its cap.
const SHARE: &[&str] = &["率", "比例", "比重", "占比", "覆盖面", "满意度", "素养水平"];

#[test]
fn every_cap_is_on_a_share_that_cannot_pass_its_whole() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/catalog.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    let catalog: Value = serde_saphyr::from_str(&text).unwrap();
    let mut wrong = Vec::new();
    let mut capped = 0;
    for e in catalog["indicators"].as_array().unwrap() {
        let (id, name) = (e["id"].as_str().unwrap(), e["name"].as_str().unwrap());
        // Every name the entry is printed under says what it measures.
        let names: Vec<&str> = std::iter::once(name)
            .chain(
                e["aliases"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str),
            )
            .collect();
        let unit = e["unit"].as_str().unwrap_or("");
        let whole = match unit {
            "%" => "100",
            "‰" => "1000",
            _ => {
                if !e["max"].is_null() {
                    wrong.push(format!("{id} ({name}): max on a unit {unit:?}, no share"));
                }
                continue;
            }
        };
        let passes = CAN_PASS
            .iter()
            .find(|w| names.iter().any(|n| n.contains(*w)));
        let share = SHARE.iter().any(|w| names.iter().any(|n| n.contains(w)));
        let max = match &e["max"] {
            Value::Null => None,
            v => Some(v.as_str().map_or_else(|| v.to_string(), str::to_string)),
        };
        match (max, passes) {
            (Some(m), _) if m != whole => wrong.push(format!(
                "{id} ({name}): max {m}, the whole in {unit} is {whole}"
            )),
            (Some(_), Some(w)) => wrong.push(format!(
                "{id} ({name}): capped, but `{w}` names a rate that can pass its whole"
            )),
            (Some(_), None) if !share => wrong.push(format!(
                "{id} ({name}): capped, but the name names no share of a whole"
            )),
            (None, None) if share => wrong.push(format!(
                "{id} ({name}): a share of a whole in {unit} with no max: 150 would read clean"
            )),
            (None, None) => wrong.push(format!(
                "{id} ({name}): in {unit}, neither a share nor a rate that can pass: decide"
            )),
            (Some(_), None) => capped += 1,
            (None, Some(_)) => {}
        }
    }
    assert!(capped >= 90, "{capped} capped");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
