//! Round 4 of the clerk corpus: whole sheets as a 专班办公室 receives them
//! (tests/clerk-sheets-round4, written by its make.py before the rules they ask for) — names
//! shortened, a rate with its count, a year's new amount beside the total, 同比 columns, no data as
//! hands type it, periods as of a date, towns under the county, a city's summary, a corrected
//! column, Excel's formats and formulas, invisible characters, bilingual headers, WPS's xlsx.
//! Run by tests/common/sheets.rs; `cargo test --test clerk_sheets_round4 -- --nocapture` prints
//! the table the README quotes.

mod common;

use std::path::Path;

/// The cases that still come out wrong, as `file:line@period` — a ratchet: each must still be
/// wrong (a fixed one is taken off the list) and every other case must be right.
const STILL_WRONG: &[&str] = &[];

#[test]
fn whole_sheets_round4() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clerk-sheets-round4");
    common::sheets::run_sheets(&dir, 90, STILL_WRONG);
}
