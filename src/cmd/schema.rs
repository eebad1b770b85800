//! `qyx schema`: the JSON Schema of the plan and catalog formats, Draft 7 because that is what
//! yaml-language-server reads, and of the JSON that `check`, `compare` and `rank` write (and of one line of `check --format jsonl`). `schema/*.json` are this command's output, kept current by a test.

use crate::Outcome;
use crate::cli::{SchemaArgs, SchemaKind};
use crate::plan::{Catalog, Plan};
use crate::report::json;
use schemars::generate::SchemaSettings;
use std::io::Write;

pub(crate) fn schema_json(kind: SchemaKind) -> String {
    let generator = SchemaSettings::draft07().into_generator();
    let schema = match kind {
        SchemaKind::Plan => generator.into_root_schema_for::<Plan>(),
        SchemaKind::Catalog => generator.into_root_schema_for::<Catalog>(),
        SchemaKind::Check => generator.into_root_schema_for::<json::CheckOutput>(),
        SchemaKind::CheckRow => generator.into_root_schema_for::<json::CheckRow>(),
        SchemaKind::Compare => generator.into_root_schema_for::<json::CompareOutput>(),
        SchemaKind::Rank => generator.into_root_schema_for::<json::RankOutput>(),
    };
    serde_json::to_string_pretty(&schema).unwrap_or_default()
}

pub(crate) fn run(a: &SchemaArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    writeln!(out, "{}", schema_json(a.kind))?;
    Ok(Outcome::Clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed schemas are what the code generates: regenerate with
    /// `cargo run -- schema plan > schema/plan.schema.json` (and `catalog`).
    #[test]
    fn committed_schemas_are_current() {
        for (kind, file) in [
            (SchemaKind::Plan, "schema/plan.schema.json"),
            (SchemaKind::Catalog, "schema/catalog.schema.json"),
            (SchemaKind::Check, "schema/check.schema.json"),
            (SchemaKind::CheckRow, "schema/check-row.schema.json"),
            (SchemaKind::Compare, "schema/compare.schema.json"),
            (SchemaKind::Rank, "schema/rank.schema.json"),
        ] {
            let committed = std::fs::read_to_string(file).unwrap_or_default();
            assert_eq!(committed.trim_end(), schema_json(kind), "{file} is stale");
        }
    }
}
