//! Tables as the commands print them: one shape (headers and rows of text), four renderings
//! (terminal table, CSV, Markdown; JSON is each command's own structure).

pub(crate) mod check;
pub(crate) mod compare;
pub(crate) mod cycle;
pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod xlsx;

use crate::cli::Format;
use comfy_table::{Cell, Color, ContentArrangement, Table as Comfy, presets};
use std::io::{self, Write};

#[derive(Debug, Default, Clone)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Per row, the cells to colour in a terminal (column, tone).
    tones: Vec<Vec<(usize, Tone)>>,
    /// Colour the toned cells (terminal format only).
    pub colour: bool,
}

/// What a coloured cell says: good (met), bad (not met), or a warning (behind).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    Warn,
}

impl Table {
    pub fn new(headers: impl IntoIterator<Item = impl Into<String>>) -> Table {
        Table {
            headers: headers.into_iter().map(Into::into).collect(),
            ..Table::default()
        }
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.push_toned(row, Vec::new());
    }

    pub fn push_toned(&mut self, row: Vec<String>, tones: Vec<(usize, Tone)>) {
        self.rows.push(row);
        self.tones.push(tones);
    }

    /// Renders in `format`; `Json` renders rows as objects keyed by header.
    pub fn write(&self, format: Format, out: &mut dyn Write) -> io::Result<()> {
        match format {
            Format::Table => writeln!(out, "{}", self.terminal()),
            Format::Csv => self.csv(out),
            Format::Markdown => self.markdown(out),
            Format::Json => {
                let rows: Vec<serde_json::Map<String, serde_json::Value>> = self
                    .rows
                    .iter()
                    .map(|r| {
                        self.headers
                            .iter()
                            .zip(r)
                            .map(|(h, v)| (h.clone(), serde_json::Value::String(v.clone())))
                            .collect()
                    })
                    .collect();
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&rows).map_err(io::Error::other)?
                )
            }
        }
    }

    /// A terminal table. Rows are never wrapped to the terminal's width, so output is the same
    /// in a pipe, a test and a terminal; comfy-table measures CJK characters as two columns.
    /// Colour is qyx's decision (`--color`), not comfy-table's guess.
    pub fn terminal(&self) -> String {
        let mut t = Comfy::new();
        t.load_style(presets::UTF8_FULL_CONDENSED)
            .force_no_tty()
            .set_content_arrangement(ContentArrangement::Disabled)
            .set_header(&self.headers);
        if self.colour {
            t.enforce_styling();
        }
        for (r, tones) in self.rows.iter().zip(&self.tones) {
            let cells = r.iter().enumerate().map(|(i, v)| {
                let cell = Cell::new(v);
                match tones.iter().find(|(c, _)| *c == i) {
                    Some((_, tone)) if self.colour => cell.fg(match tone {
                        Tone::Good => Color::Green,
                        Tone::Bad => Color::Red,
                        Tone::Warn => Color::Yellow,
                    }),
                    _ => cell,
                }
            });
            t.add_row(cells.collect::<Vec<_>>());
        }
        t.to_string()
    }

    fn csv(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut w = csv::Writer::from_writer(out);
        w.write_record(&self.headers).map_err(io::Error::other)?;
        for r in &self.rows {
            w.write_record(r).map_err(io::Error::other)?;
        }
        w.flush()
    }

    fn markdown(&self, out: &mut dyn Write) -> io::Result<()> {
        let esc = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        writeln!(
            out,
            "| {} |",
            self.headers
                .iter()
                .map(|h| esc(h))
                .collect::<Vec<_>>()
                .join(" | ")
        )?;
        writeln!(out, "|{}", "---|".repeat(self.headers.len()))?;
        for r in &self.rows {
            writeln!(
                out,
                "| {} |",
                r.iter().map(|c| esc(c)).collect::<Vec<_>>().join(" | ")
            )?;
        }
        Ok(())
    }
}

/// A decimal as people write it: no trailing zeros, no exponent.
pub fn num(d: rust_decimal::Decimal) -> String {
    d.normalize().to_string()
}

/// Rounds half away from zero (四舍五入) to `dp` places.
pub fn round(d: rust_decimal::Decimal, dp: u32) -> rust_decimal::Decimal {
    d.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}
