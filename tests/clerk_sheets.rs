//! Round 3 of the clerk corpus: whole sheets as a 专班办公室 receives them
//! (tests/clerk-sheets, written by its make.py before the rules they ask for), run by
//! tests/common/sheets.rs. `cargo test --test clerk_sheets -- --nocapture` prints the table the
//! README quotes.

mod common;

use std::path::Path;

/// The cases that still come out wrong, as `file:line@period` — a ratchet: each must still be
/// wrong (a fixed one is taken off the list) and every other case must be right.
const STILL_WRONG: &[&str] = &[];

#[test]
fn whole_sheets_as_offices_send_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/clerk-sheets");
    common::sheets::run_sheets(&dir, 80, STILL_WRONG);
}
