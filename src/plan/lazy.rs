//! A cached plan's rows, each decoded the first time a command asks for it.
//!
//! A province sheet names a plan's rows at random, and a small sheet few of them: at 10 k rows
//! against 5 000 plans each plan is asked for about two of its ninety-odd rows, and decoding
//! every plan whole was over half of `check` (callgrind: 54 % of the instructions, most of it
//! allocating and filling rows and figures nobody read), and most of its memory. So a plan read
//! from the cache is decoded without its rows ([`super::codec::decode_outline`]): the encoding
//! is kept, with where each row's bytes are, and a row is decoded on its first use, then kept,
//! so that a row judged many times is decoded once and every reference to it stays valid.
//!
//! A province sheet also names most rows of most plans: at a million rows against 5 000 plans,
//! 364 000 rows, and kept decoded they were over half of `check`'s memory (massif: 155 of
//! 283 MB). So the rows a load keeps are bounded ([`Budget`]): past it, a caller that can do
//! without a kept row ([`LazyRows::lend`]) gets one decoded for it alone, dropped after use,
//! and memory stays bounded by the plans, not by the rows of the sheet.
//!
//! The encoding was checked whole (its checksum) before the outline was read, and the outline
//! checked every row's length and catalog id; a row whose bytes still do not decode (damage
//! the checksum missed) is taken from the plan parsed again from its file, never a panic.

use super::Need;
use super::cache::Table;
use super::codec;
use super::load::Listed;
use super::schema::{Plan, Row, Text};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// How many rows the plans of one load keep decoded, together: about 400 bytes each (the row,
/// its figures), so 26 MB at most. A sheet that names fewer rows than this (a county's, a
/// city's, 100 k rows against 915 plans) has every row it names decoded once.
pub(crate) const KEPT_ROWS: usize = 1 << 16;

/// The rows the plans of one load may still keep decoded, shared between them.
#[derive(Debug)]
pub(crate) struct Budget(AtomicUsize);

impl Budget {
    pub(crate) fn new(rows: usize) -> Arc<Budget> {
        Arc::new(Budget(AtomicUsize::new(rows)))
    }

    /// Takes one row from the budget; false when none is left.
    fn take(&self) -> bool {
        self.0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1))
            .is_ok()
    }
}

/// A row lent by [`LazyRows::lend`]: the one kept, or one decoded for this caller alone.
// Not boxed: a lent row lives on the stack for a moment, and a box was an allocation a lend.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub(crate) enum Lent<'p> {
    Kept(&'p Row),
    Own(Row),
}

impl std::ops::Deref for Lent<'_> {
    type Target = Row;

    fn deref(&self) -> &Row {
        match self {
            Lent::Kept(r) => r,
            Lent::Own(r) => r,
        }
    }
}

/// The rows of a plan decoded from the cache, by position.
#[derive(Debug)]
pub(crate) struct LazyRows {
    /// The plan's encoding.
    bytes: Box<[u8]>,
    /// The cache file's texts, which the encoding refers to.
    table: Arc<Table>,
    /// Where each row's bytes start and end in `bytes`.
    spans: Box<[codec::Span]>,
    /// Each row, once decoded: boxed, so that a row not asked for costs a pointer.
    rows: Box<[OnceLock<Box<Row>>]>,
    /// The plan's file and what the run needs of it, to parse it again if a row's bytes turn
    /// out damaged, and the plan so parsed.
    listed: Option<Listed>,
    need: Need,
    again: OnceLock<Option<Plan>>,
    /// The rows the load may still keep, shared with its other plans.
    budget: Arc<Budget>,
}

impl LazyRows {
    pub(super) fn new(
        bytes: Box<[u8]>,
        table: Arc<Table>,
        spans: Box<[codec::Span]>,
        listed: Option<Listed>,
        need: Need,
        budget: Arc<Budget>,
    ) -> LazyRows {
        let rows = spans.iter().map(|_| OnceLock::new()).collect();
        LazyRows {
            bytes,
            table,
            spans,
            rows,
            listed,
            need,
            again: OnceLock::new(),
            budget,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.spans.len()
    }

    /// The row at position `i`, decoded on first use and kept (past the [`Budget`] too: the
    /// caller holds it as long as the plan).
    pub(super) fn get(&self, i: usize) -> Option<&Row> {
        let slot = self.rows.get(i)?;
        if let Some(r) = slot.get() {
            return Some(r);
        }
        self.budget.take();
        self.keep(i)
    }

    /// The row at position `i`: the one kept, else decoded and kept while the [`Budget`] lasts,
    /// then decoded for the caller alone.
    pub(super) fn lend(&self, i: usize) -> Option<Lent<'_>> {
        let slot = self.rows.get(i)?;
        if let Some(r) = slot.get() {
            return Some(Lent::Kept(r));
        }
        if self.budget.take() {
            return self.keep(i).map(Lent::Kept);
        }
        match self.decode(i) {
            Some(r) => Some(Lent::Own(r)),
            None => self.parsed_again()?.indicators.get(i).map(Lent::Kept),
        }
    }

    fn keep(&self, i: usize) -> Option<&Row> {
        let slot = self.rows.get(i)?;
        match self.decode(i) {
            // Two threads may decode a row at once; the first kept is the one every caller gets.
            Some(r) => Some(slot.get_or_init(|| Box::new(r))),
            None => self.parsed_again()?.indicators.get(i),
        }
    }

    /// The catalog id of the row at `i`, read without decoding the row.
    pub(super) fn id(&self, i: usize) -> Option<Text> {
        match self.rows.get(i)?.get() {
            Some(r) => Some(r.id.value.clone()),
            None => codec::row_id(&self.bytes, *self.spans.get(i)?, &self.table),
        }
    }

    /// Calls `f` with every row, in order, keeping none that was not decoded already: for a
    /// look over every plan (the peers' baselines) that would otherwise hold them all.
    pub(super) fn visit(&self, f: &mut dyn FnMut(&Row)) {
        for i in 0..self.len() {
            if let Some(r) = self.rows.get(i).and_then(OnceLock::get) {
                f(r);
            } else if let Some(r) = self.decode(i) {
                f(&r);
            } else if let Some(r) = self.get(i) {
                f(r);
            }
        }
    }

    fn decode(&self, i: usize) -> Option<Row> {
        codec::decode_row(&self.bytes, *self.spans.get(i)?, &self.table)
    }

    /// The plan parsed again from its file (once), for rows whose bytes do not decode.
    fn parsed_again(&self) -> Option<&Plan> {
        self.again
            .get_or_init(|| super::parse_again(self.listed.as_ref()?, self.need))
            .as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::super::cache::{Table, TableWriter};
    use super::super::load::{self, PlanDir};
    use super::*;

    /// Each bundled plan's file, its plan as parsed, its encoding and the table of its texts.
    fn bundled() -> Vec<(Listed, Plan, Vec<u8>, Arc<Table>)> {
        load::list_dir(&PlanDir::Builtin)
            .unwrap()
            .into_iter()
            .filter(|f| !f.is_catalog())
            .map(|f| {
                let plan: Plan = load::parse_yaml(&f.read().unwrap()).unwrap();
                let mut texts = TableWriter::default();
                let bytes = codec::encode(&plan, &mut |s| texts.place(s)).unwrap();
                let table = Table::parse(&texts.encode().unwrap()).unwrap();
                (f, plan, bytes, Arc::new(table))
            })
            .collect()
    }

    fn lazy(listed: &Listed, bytes: &[u8], table: &Arc<Table>) -> LazyRows {
        let (_, spans) = codec::decode_outline(bytes, table).unwrap();
        let bytes = bytes.to_vec().into_boxed_slice();
        LazyRows::new(
            bytes,
            Arc::clone(table),
            spans,
            Some(listed.clone()),
            Need::Everything,
            Budget::new(KEPT_ROWS),
        )
    }

    #[test]
    fn every_row_decodes_alone_to_what_the_whole_plan_decodes() {
        let all = bundled();
        assert!(all.len() >= 5, "{}", all.len());
        for (listed, plan, bytes, table) in &all {
            let whole = codec::decode(bytes, table).unwrap();
            let (outline, spans) = codec::decode_outline(bytes, table).unwrap();
            assert!(outline.indicators.is_empty() && spans.len() == plan.indicators.len());
            // The rest of the plan is the same.
            let mut rest = codec::decode(bytes, table).unwrap();
            rest.indicators.clear();
            assert_eq!(format!("{outline:?}"), format!("{rest:?}"));
            let rows = lazy(listed, bytes, table);
            assert_eq!(rows.len(), whole.indicators.len());
            // Asked for out of order, each row is decoded alone and kept.
            for i in (0..rows.len()).rev() {
                let r = rows.get(i).unwrap();
                assert_eq!(format!("{r:?}"), format!("{:?}", whole.indicators[i]));
                assert_eq!(rows.id(i).unwrap(), whole.indicators[i].id.value);
                assert!(std::ptr::eq(r, rows.get(i).unwrap()), "kept");
            }
            assert!(rows.get(rows.len()).is_none() && rows.id(rows.len()).is_none());
            let mut seen = 0;
            rows.visit(&mut |r| {
                assert_eq!(r.id.value, whole.indicators[seen].id.value);
                seen += 1;
            });
            assert_eq!(seen, rows.len());
        }
    }

    #[test]
    fn a_row_not_asked_for_is_not_decoded_nor_kept_by_a_visit() {
        let (listed, _, bytes, table) = bundled().swap_remove(0);
        let rows = lazy(&listed, &bytes, &table);
        let kept = |rows: &LazyRows| rows.rows.iter().filter(|r| r.get().is_some()).count();
        assert_eq!(kept(&rows), 0);
        rows.get(1).unwrap();
        rows.visit(&mut |_| {});
        assert_eq!(kept(&rows), 1);
    }

    #[test]
    fn past_the_budget_a_row_is_lent_decoded_and_not_kept() {
        let (listed, _, bytes, table) = bundled().swap_remove(0);
        let whole = codec::decode(&bytes, &table).unwrap();
        let (_, spans) = codec::decode_outline(&bytes, &table).unwrap();
        let budget = Budget::new(1);
        let rows = LazyRows::new(
            bytes.into_boxed_slice(),
            table,
            spans,
            Some(listed),
            Need::Everything,
            Arc::clone(&budget),
        );
        let kept = |rows: &LazyRows| rows.rows.iter().filter(|r| r.get().is_some()).count();
        for i in 0..rows.len() {
            let lent = rows.lend(i).unwrap();
            assert_eq!(format!("{:?}", *lent), format!("{:?}", whole.indicators[i]));
            assert_eq!(matches!(lent, Lent::Kept(_)), i == 0, "{i}");
        }
        assert_eq!(kept(&rows), 1);
        // Asked for again, the kept row is lent as it is; a row a caller holds is kept anyway.
        assert!(matches!(rows.lend(0), Some(Lent::Kept(_))));
        assert!(std::ptr::eq(rows.get(1).unwrap(), rows.get(1).unwrap()));
        assert!(matches!(rows.lend(1), Some(Lent::Kept(_))));
        assert_eq!(kept(&rows), 2);
        assert!(rows.lend(rows.len()).is_none());
    }

    #[test]
    fn a_cut_outline_is_none_and_a_damaged_row_is_taken_from_the_file() {
        let (listed, plan, bytes, table) = bundled().swap_remove(0);
        for cut in 0..bytes.len() {
            assert!(
                codec::decode_outline(&bytes[..cut], &table).is_none(),
                "{cut}"
            );
        }
        // Damage the checksum missed, in every byte of the first row in turn: never a panic,
        // and a row that no longer decodes is the file's.
        let (_, spans) = codec::decode_outline(&bytes, &table).unwrap();
        let (start, end) = spans[0];
        let mut from_file = 0;
        for at in start..end {
            let mut b = bytes.clone();
            b[at as usize] = 0xFF;
            let rows = LazyRows::new(
                b.into_boxed_slice(),
                Arc::clone(&table),
                spans.clone(),
                Some(listed.clone()),
                Need::Everything,
                Budget::new(KEPT_ROWS),
            );
            if codec::decode_row(&rows.bytes, spans[0], &table).is_none() {
                let r = rows.get(0).unwrap();
                assert_eq!(format!("{r:?}"), format!("{:?}", plan.indicators[0]));
                from_file += 1;
            }
            let _ = (rows.get(0), rows.id(0));
            rows.visit(&mut |_| {});
        }
        assert!(from_file > 0);
        // Without the file, such a row is none.
        let mut b = bytes.clone();
        b[end as usize - 1] = 0xFF;
        let rows = LazyRows::new(
            b.into(),
            table,
            spans,
            None,
            Need::Everything,
            Budget::new(KEPT_ROWS),
        );
        if codec::decode_row(&rows.bytes, rows.spans[0], &rows.table).is_none() {
            assert!(rows.get(0).is_none());
        }
    }
}
