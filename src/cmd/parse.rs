//! `qyx parse`: what the threshold parser understood of a phrase, and where each part of the
//! reading came from (the text, a rule, or a default), for whoever encodes a plan.

use crate::Outcome;
use crate::cli::{BetterArg, DiagFormat, ParseArgs};
use crate::report::num;
use crate::threshold::{Better, Op, Reading, Source, Threshold};
use crate::unit::Unit;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::io::Write;

/// The better direction for a bare number, and whether the user chose it.
#[derive(Clone, Copy)]
struct Direction {
    better: Better,
    chosen: bool,
}

/// The words each explanation is made of, in one place for translation.
fn rule_text(r: &Reading, d: Direction) -> String {
    let resolved = match d.better {
        Better::Lower => "≤",
        _ => "≥",
    };
    let what = match r.op_words.first() {
        Some(w) => crate::tr!("`{w}` 即达到", "`{w}` reaches"),
        None => crate::tr!("只有数字即达到", "a bare number reaches"),
    };
    let whence = match (d.better, d.chosen) {
        (Better::Lower, true) => crate::tr!("越低越好, --better", "lower is better, --better"),
        (_, true) => crate::tr!("越高越好, --better", "higher is better, --better"),
        (Better::Lower, false) => crate::tr!(
            "默认越低越好, 可用 --better",
            "lower is better by default, set --better"
        ),
        (_, false) => crate::tr!(
            "默认越高越好, 可用 --better",
            "higher is better by default, set --better"
        ),
    };
    format!("{what} → {resolved} ({whence})")
}

fn source_json(s: &Source, rule: Option<String>) -> Value {
    match s {
        Source::Text(words) => json!({ "source": "text", "words": words }),
        Source::Rule => json!({ "source": "rule", "rule": rule }),
        Source::Default => json!({ "source": "default", "rule": rule }),
    }
}

/// One part of a reading as JSON, with where each of its parts came from.
fn describe(r: &Reading, d: Direction) -> Result<Value, String> {
    let t = r.threshold.clone().resolve(d.better);
    let mut v = json!({ "op": t.op.name() });
    // A magnitude alone (`100万`) scales a plain number; anything else is a unit.
    let magnitude = t.unit.as_deref().and_then(crate::unit::bare_magnitude);
    let unit = match magnitude {
        Some(_) => None,
        None => t
            .unit
            .as_deref()
            .map(Unit::parse)
            .transpose()
            .map_err(|e| e.to_string())?,
    };
    let factor = unit
        .as_ref()
        .map_or(magnitude.unwrap_or(Decimal::ONE), Unit::factor);
    let norm = |x: Decimal| {
        x.checked_mul(factor)
            .map(num)
            .ok_or_else(|| "number too large to convert".to_string())
    };
    let base = unit.as_ref().map(|u| u.base().to_string());
    if let Some(l) = &t.label {
        v["label"] = json!(l);
    }
    let mut from = json!({});
    let op_rule = (r.threshold.op == Op::Reach).then(|| rule_text(r, d));
    from["op"] = source_json(&r.op_source(), op_rule);
    match (t.op, t.value, t.high) {
        (Op::Range, Some(lo), Some(hi)) => {
            v["low"] = json!(num(lo));
            v["high"] = json!(num(hi));
            v["unit"] = json!(t.unit);
            v["normalized"] = json!({ "low": norm(lo)?, "high": norm(hi)?, "unit": base });
        }
        (_, Some(value), _) => {
            v["value"] = json!(num(value));
            v["unit"] = json!(t.unit);
            v["normalized"] = json!({ "value": norm(value)?, "unit": base });
        }
        _ => {}
    }
    if t.value.is_some() {
        let printed = [r.value_text.clone(), r.high_text.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" … ");
        from["value"] = json!({ "source": "text", "words": printed });
        from["unit"] = source_json(
            &r.unit_source(),
            Some(crate::tr!(
                "未写单位（用指标的单位）",
                "no unit printed (the indicator's unit applies)"
            )),
        );
        if let Some(printed) = t
            .unit
            .as_ref()
            .filter(|p| factor != Decimal::ONE || base.as_deref().is_none_or(|b| b != p.as_str()))
        {
            let rule = format!(
                "1 {printed} = {} {}",
                num(factor),
                base.as_deref().unwrap_or_default()
            );
            from["normalized"] = json!({ "source": "rule", "rule": rule.trim_end() });
        }
    }
    if let Some(l) = &t.label {
        from["label"] = json!({ "source": "text", "words": l });
    }
    v["from"] = from;
    if !r.qualifiers.is_empty() {
        v["qualifiers"] = json!(r.qualifiers);
    }
    if let Some(n) = &r.note {
        v["note"] = json!(n);
    }
    if let Some(o) = &r.object {
        v["object"] = json!(o);
    }
    if let Some(x) = &r.relative {
        // The value is the change, not a level: plans store levels (Threshold::parse refuses it).
        v["relative"] = json!({
            "change": x.change.name(),
            "base": x.base,
            "words": x.words,
        });
    }
    Ok(v)
}

/// A part's reading on one line: `>= 1‰ = 0.1% [职工]`, then where each part came from.
fn line(v: &Value) -> String {
    let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
    let unit = s("unit");
    let what = match s("op").as_str() {
        "range" => crate::tr!("范围 {}–{}{unit}", "range {}–{}{unit}", s("low"), s("high")),
        "done" => crate::tr!("里程碑（做成与否）", "milestone (done or not)"),
        "none" => crate::tr!("无目标", "no target"),
        op => format!("{op} {}{unit}", s("value")),
    };
    let norm = &v["normalized"];
    let nunit = norm["unit"].as_str().unwrap_or_default();
    let extra = match (norm["value"].as_str(), norm["low"].as_str()) {
        (Some(nv), _) if nunit != unit || nv != s("value") => format!(" = {nv}{nunit}"),
        (None, Some(lo)) if nunit != unit || lo != s("low") => format!(
            " = {lo}–{}{nunit}",
            norm["high"].as_str().unwrap_or_default()
        ),
        _ => String::new(),
    };
    let label = v["label"]
        .as_str()
        .map(|l| format!(" [{l}]"))
        .unwrap_or_default();
    let from = &v["from"];
    let src = |k: &str| -> Option<String> {
        let f = &from[k];
        let words = f["words"].as_str().unwrap_or_default();
        let rule = f["rule"].as_str().unwrap_or_default();
        let part = match k {
            "op" => crate::tr!("运算符", "op"),
            "value" => crate::tr!("数值", "value"),
            "unit" => crate::tr!("单位", "unit"),
            _ => crate::tr!("折算", "normalized"),
        };
        match (k, f["source"].as_str()?) {
            // A number is always the text's; say so only where it was printed otherwise.
            ("value", _) if words == s("value") || words.is_empty() => None,
            ("unit", "default") => Some(crate::tr!("单位: 未写", "unit: none printed")),
            (_, "text") => Some(crate::tr!(
                "{part}: 原文 `{words}`",
                "{part}: text `{words}`"
            )),
            (_, "rule") => Some(crate::tr!("{part}: 规则, {rule}", "{part}: rule, {rule}")),
            (_, _) => Some(crate::tr!(
                "{part}: 默认, {rule}",
                "{part}: default, {rule}"
            )),
        }
    };
    let mut parts: Vec<String> = ["op", "value", "unit", "normalized"]
        .iter()
        .filter_map(|k| src(k))
        .collect();
    if let Some(q) = v["qualifiers"].as_array() {
        let q: Vec<&str> = q.iter().filter_map(Value::as_str).collect();
        let q = q.join(" ");
        parts.push(crate::tr!("限定词: {q}", "qualifiers: {q}"));
    }
    if let Some(n) = v["note"].as_str() {
        parts.push(crate::tr!("说明: {n}", "note: {n}"));
    }
    if let Some(o) = v["object"].as_str() {
        parts.push(crate::tr!("计数对象: `{o}`", "counts: `{o}`"));
    }
    let rel = &v["relative"];
    if let Some(words) = rel["words"].as_str() {
        let base = rel["base"]
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|| crate::tr!("基期（未写明）", "the baseline (not printed)"));
        parts.push(match rel["change"].as_str() {
            Some("down") => crate::tr!(
                "变化: 原文 `{words}`, 比 {base} 减少这么多（方案里写它要求的水平）",
                "change: text `{words}`, this much less than {base} (a plan holds the level it asks for)"
            ),
            Some("times") => crate::tr!(
                "变化: 原文 `{words}`, 为 {base} 的这么多倍（方案里写它要求的水平）",
                "change: text `{words}`, this many times {base} (a plan holds the level it asks for)"
            ),
            _ => crate::tr!(
                "变化: 原文 `{words}`, 比 {base} 增加这么多（方案里写它要求的水平）",
                "change: text `{words}`, this much more than {base} (a plan holds the level it asks for)"
            ),
        });
    }
    format!("{what}{extra}{label}\t{}", parts.join(" · "))
}

pub(crate) fn run(
    a: &ParseArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let d = Direction {
        better: match a.better {
            Some(BetterArg::Lower) => Better::Lower,
            _ => Better::Higher,
        },
        chosen: a.better.is_some(),
    };
    let mut outcome = Outcome::Clean;
    let mut all = Vec::new();
    for input in &a.text {
        let described = Threshold::read_cell(input)
            .map_err(|e| e.to_string())
            .and_then(|parts| {
                parts
                    .iter()
                    .map(|(_, r)| describe(r, d))
                    .collect::<Result<Vec<_>, _>>()
            });
        match described {
            Ok(mut parts) if parts.len() == 1 => {
                let mut v = json!({ "input": input });
                if let (Some(obj), Value::Object(p)) = (v.as_object_mut(), parts.remove(0)) {
                    obj.extend(p);
                }
                all.push(v);
            }
            Ok(parts) => all.push(json!({ "input": input, "op": "parts", "parts": parts })),
            Err(e) => {
                writeln!(
                    err,
                    "qyx: {}",
                    crate::tr!("无法解读 `{input}`: {e}", "cannot read `{input}`: {e}")
                )?;
                outcome = Outcome::BadInput;
            }
        }
    }
    match a.format {
        DiagFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&all)?)?,
        DiagFormat::Text => {
            for v in &all {
                let input = v["input"].as_str().unwrap_or_default();
                match v["parts"].as_array() {
                    Some(parts) => {
                        for p in parts {
                            writeln!(out, "{input}\t{}", line(p))?;
                        }
                    }
                    None => writeln!(out, "{input}\t{}", line(v))?,
                }
            }
        }
    }
    Ok(outcome)
}
