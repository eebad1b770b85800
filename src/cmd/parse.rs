//! `qyx parse`: what the threshold parser understood of a phrase, for whoever encodes a plan.

use crate::Outcome;
use crate::cli::{BetterArg, DiagFormat, ParseArgs};
use crate::report::num;
use crate::threshold::{Better, Op, Threshold};
use crate::unit::Unit;
use serde_json::{Value, json};
use std::io::Write;

fn describe(input: &str, t: &Threshold) -> Result<Value, String> {
    let mut v = json!({ "input": input, "op": t.op.name() });
    let unit = t
        .unit
        .as_deref()
        .map(Unit::parse)
        .transpose()
        .map_err(|e| e.to_string())?;
    let norm = |d| match &unit {
        Some(u) => u.to_base(d).map(num).map_err(|e| e.to_string()),
        None => Ok(num(d)),
    };
    if let Some(l) = &t.label {
        v["label"] = json!(l);
    }
    match (t.op, t.value, t.high) {
        (Op::Range, Some(lo), Some(hi)) => {
            v["low"] = json!(num(lo));
            v["high"] = json!(num(hi));
            v["unit"] = json!(t.unit);
            v["normalized"] = json!({ "low": norm(lo)?, "high": norm(hi)?, "unit": unit.as_ref().map(Unit::base) });
        }
        (_, Some(value), _) => {
            v["value"] = json!(num(value));
            v["unit"] = json!(t.unit);
            v["normalized"] =
                json!({ "value": norm(value)?, "unit": unit.as_ref().map(Unit::base) });
        }
        _ => {}
    }
    Ok(v)
}

pub(crate) fn run(
    a: &ParseArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<Outcome> {
    let better = match a.better {
        BetterArg::Higher => Better::Higher,
        BetterArg::Lower => Better::Lower,
    };
    let mut outcome = Outcome::Clean;
    let mut all = Vec::new();
    for input in &a.text {
        let described = Threshold::parse(input)
            .map_err(|e| e.to_string())
            .and_then(|t| describe(input, &t.resolve(better)));
        match described {
            Ok(v) => all.push(v),
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
                let s = |k: &str| v[k].as_str().unwrap_or_default().to_string();
                let unit = s("unit");
                let what = match s("op").as_str() {
                    "range" => format!("range {}–{}{unit}", s("low"), s("high")),
                    "done" => "milestone (done or not)".into(),
                    "none" => "no target".into(),
                    op => format!("{op} {}{unit}", s("value")),
                };
                let norm = &v["normalized"];
                let extra = match norm["unit"].as_str() {
                    Some(base) if base != unit => format!(
                        " = {}{base}",
                        norm["value"]
                            .as_str()
                            .or(norm["low"].as_str())
                            .unwrap_or_default()
                    ),
                    _ => String::new(),
                };
                let label = v["label"]
                    .as_str()
                    .map(|l| format!(" [{l}]"))
                    .unwrap_or_default();
                writeln!(out, "{}\t{what}{extra}{label}", s("input"))?;
            }
        }
    }
    Ok(outcome)
}
