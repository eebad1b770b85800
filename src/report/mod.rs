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

    /// The width the terminal table takes: each column's widest cell (CJK characters count
    /// two), one space either side, and a border between and around columns.
    pub fn terminal_width(&self) -> usize {
        let n = self.headers.len();
        (0..n).map(|c| self.column_width(c) + 3).sum::<usize>() + 1
    }

    fn column_width(&self, c: usize) -> usize {
        std::iter::once(&self.headers[c])
            .chain(self.rows.iter().filter_map(|r| r.get(c)))
            .map(|s| display_width(s))
            .max()
            .unwrap_or(0)
    }

    /// Removes column `c`, keeping the colours of the others on their cells.
    pub fn remove_column(&mut self, c: usize) {
        if c >= self.headers.len() {
            return;
        }
        self.headers.remove(c);
        for r in &mut self.rows {
            if c < r.len() {
                r.remove(c);
            }
        }
        for tones in &mut self.tones {
            tones.retain(|(col, _)| *col != c);
            for (col, _) in tones.iter_mut() {
                if *col > c {
                    *col -= 1;
                }
            }
        }
    }

    /// Makes the terminal table fit `width` columns instead of wrapping: drops the columns named
    /// in `drop` (by header, first named first) while it is too wide, then shortens the cells of
    /// the `shorten` columns (widest first) with a trailing `…`. Headers not present are skipped.
    pub fn fit(&mut self, width: usize, drop: &[&str], shorten: &[&str]) {
        for h in drop {
            if self.terminal_width() <= width {
                return;
            }
            if let Some(c) = self.headers.iter().position(|x| x == h) {
                self.remove_column(c);
            }
        }
        let cols: Vec<usize> = shorten
            .iter()
            .filter_map(|h| self.headers.iter().position(|x| x == h))
            .collect();
        while self.terminal_width() > width {
            let Some(&c) = cols.iter().max_by_key(|&&c| self.column_width(c)) else {
                return;
            };
            let w = self.column_width(c);
            let floor = display_width(&self.headers[c]).max(6);
            if w <= floor {
                return;
            }
            let target = w.saturating_sub(self.terminal_width() - width).max(floor);
            for r in &mut self.rows {
                if let Some(cell) = r.get_mut(c) {
                    *cell = truncate(cell, target);
                }
            }
        }
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

/// Columns a text takes in a terminal: CJK characters take two.
pub fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` cut to at most `width` columns, ending in `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for ch in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(ch);
        w += cw;
    }
    out.push('…');
    out
}

/// The width a terminal table must fit: `COLUMNS` when set, else the terminal's own width when
/// standard output is a terminal; `None` (every column, as a pipe gets it) otherwise.
pub fn terminal_columns() -> Option<usize> {
    use std::io::IsTerminal;
    if let Some(c) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|c| *c > 0)
    {
        return Some(c);
    }
    if std::io::stdout().is_terminal() {
        return crossterm::terminal::size().ok().map(|(w, _)| w as usize);
    }
    None
}

/// A decimal as people write it: no trailing zeros, no exponent.
pub fn num(d: rust_decimal::Decimal) -> String {
    let mut s = String::new();
    push_decimal(&mut s, d.normalize());
    s
}

/// Appends `d` exactly as its `Display` writes it (`-0.50`, `100`, `0.05`), without the
/// formatting machinery: the row writers format several numbers per row, a million rows a run.
/// The digits come from a `u64` when the mantissa fits one (every reported value does), so no
/// 96-bit division is done per digit (`decimals_print_as_display`).
pub(crate) fn push_decimal(s: &mut String, d: rust_decimal::Decimal) {
    let mut digits = [0u8; 40];
    let mut at = digits.len();
    let m = d.mantissa().unsigned_abs();
    let mut put = |digit: u8| {
        at -= 1;
        digits[at] = b'0' + digit;
    };
    match u64::try_from(m) {
        Ok(mut m) => loop {
            put((m % 10) as u8);
            m /= 10;
            if m == 0 {
                break;
            }
        },
        Err(_) => {
            let mut m = m;
            loop {
                put((m % 10) as u8);
                m /= 10;
                if m == 0 {
                    break;
                }
            }
        }
    }
    let scale = d.scale() as usize;
    // At least one digit before the point: 0.05, not .05.
    while digits.len() - at < scale + 1 {
        at -= 1;
        digits[at] = b'0';
    }
    if d.is_sign_negative() {
        s.push('-');
    }
    let text = &digits[at..];
    let (whole, frac) = text.split_at(text.len() - scale);
    // Only ASCII digits were written.
    s.extend(whole.iter().map(|b| char::from(*b)));
    if scale > 0 {
        s.push('.');
        s.extend(frac.iter().map(|b| char::from(*b)));
    }
}

/// Rounds half away from zero (四舍五入) to `dp` places.
///
/// The same value, scale and sign as rust_decimal's `round_dp_with_strategy(dp,
/// MidpointAwayFromZero)`, which divides its 96-bit mantissa by ten nine digits at a time and
/// then again to find the part dropped (about 450 instructions for a quotient's 28 places); the
/// judging rounds two or three such quotients a row (progress, completion, the gap's share), a
/// million rows a run. Here one `u128` division gives both the kept digits and the part dropped.
/// Zero and the rare scales the library handles differently go to the library.
pub fn round(d: rust_decimal::Decimal, dp: u32) -> rust_decimal::Decimal {
    let scale = d.scale();
    if scale <= dp || d.is_zero() {
        return round_slow(d, dp);
    }
    let m = d.mantissa().unsigned_abs();
    // `scale - dp` is 1 to 28, so the divisor fits a u128 (10^28 < 2^94).
    let Some(div) = 10u128.checked_pow(scale - dp) else {
        return round_slow(d, dp);
    };
    let (q, r) = (m / div, m % div);
    // Half or more of the last kept place goes up (`r ≥ div / 2`, `div` even), away from zero;
    // `q < m ≤ 2^96 − 1`, so one more still fits 96 bits.
    let q = if r >= div - r { q + 1 } else { q };
    let [lo, mid, hi] = [q as u32, (q >> 32) as u32, (q >> 64) as u32];
    rust_decimal::Decimal::from_parts(lo, mid, hi, d.is_sign_negative(), dp)
}

/// [`round`] by the library: the reference its fast path is tested against.
fn round_slow(d: rust_decimal::Decimal, dp: u32) -> rust_decimal::Decimal {
    d.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_print_as_display() {
        use rust_decimal::Decimal;
        let mut cases: Vec<Decimal> = [
            "0",
            "-0",
            "0.00",
            "-0.00",
            "1",
            "-1",
            "0.05",
            "-0.5",
            "100",
            "100.00",
            "86.50",
            "1234567890.0123456789",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "0.0000000000000000000000000001",
            "18446744073709551615",
            "18446744073709551616",
            "-18446744073709551617.5",
            // Either side of the two halves the digits are written in.
            "9999999999999999999",
            "10000000000000000000",
            "-1000000000000000000.0",
            "0.0000000000000000001",
            "100000000000000000000000000.7",
        ]
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
        // Every scale, a spread of mantissas on both sides of u64's range.
        let mut x: u128 = 0x9E37_79B9_7F4A_7C15;
        for i in 0..20_000u32 {
            x = x
                .wrapping_mul(0x5851_F42D_4C95_7F2D)
                .wrapping_add(1_442_695_040_888_963_407);
            let bits = 1 + i % 96;
            let m = (x >> 32) as i128 & ((1i128 << bits) - 1);
            let m = if i % 3 == 0 { -m } else { m };
            cases.push(Decimal::from_i128_with_scale(m, i % 29));
        }
        for d in cases {
            let mut s = String::new();
            push_decimal(&mut s, d);
            assert_eq!(s, d.to_string(), "{d:?}");
            assert_eq!(num(d), d.normalize().to_string());
        }
    }

    /// [`round`]'s fast path against the library's rounding: the same value, scale and sign
    /// (compared as the decimal's bytes), at every scale and a spread of mantissas, with exact
    /// midpoints and the places either side of them.
    #[test]
    fn rounding_matches_the_library_to_the_bit() {
        use rust_decimal::Decimal;
        let mut cases: Vec<Decimal> = [
            "0",
            "-0",
            "0.000",
            "-0.000",
            "0.05",
            "-0.05",
            "0.15",
            "0.25",
            "-0.25",
            "2.5",
            "-2.5",
            "0.049999",
            "0.95",
            "99.95",
            "-99.95",
            "1.0000",
            "207.15",
            "-6.35",
            "79228162514264337593543950335",
            "-7.9228162514264337593543950335",
            "0.0000000000000000000000000001",
            "-0.0000000000000000000000000005",
            "0.3333333333333333333333333333",
            "0.6666666666666666666666666667",
        ]
        .iter()
        .map(|t| t.parse().unwrap())
        .collect();
        let mut x: u128 = 0x2545_F491_4F6C_DD1D;
        for i in 0..30_000u32 {
            x = x
                .wrapping_mul(0x5851_F42D_4C95_7F2D)
                .wrapping_add(1_442_695_040_888_963_407);
            let bits = 1 + i % 96;
            let m = (x >> 32) as i128 & ((1i128 << bits) - 1);
            // Every few cases an exact midpoint or a unit either side of one.
            let m = match i % 5 {
                0 => (m / 10) * 10 + 5,
                1 => (m / 100) * 100 + 49,
                2 => (m / 100) * 100 + 50,
                _ => m,
            };
            let m = if i % 3 == 0 { -m } else { m };
            cases.push(Decimal::from_i128_with_scale(m, i % 29));
        }
        for d in cases {
            for dp in 0..=4 {
                let (fast, slow) = (round(d, dp), round_slow(d, dp));
                assert_eq!(fast.serialize(), slow.serialize(), "{d:?} to {dp} places");
            }
        }
    }
}
