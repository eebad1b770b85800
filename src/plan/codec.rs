//! The plan cache's encoding of a [`Plan`]: its fields in declaration order, without names.
//!
//! The cache wrote plans as MessagePack with named fields (rmp-serde), because the plan types
//! leave absent fields out (`skip_serializing_if`), which only a self-describing format reads
//! back. Decoding that was most of `check` at province scale (callgrind, 10 k rows naming most
//! of 5 000 plans: 80 % of 2.4 G instructions, 380 k a plan), and most of that was reading each
//! field's name as a string, checking it as UTF-8 and matching it, and decoding every number
//! through a self-describing type switch. Here each field is where the type says it is: an
//! option is a byte, then its value; a text of a row (a [`Text`]) is its place in the cache
//! file's table of texts; a string its length and bytes; a number a LEB128 varint. No field is
//! written by name, so both directions destructure every struct whole, and a field added to a
//! plan type is a compile error here until it is encoded (the cache's key hashes this file, so a
//! changed layout never reads an older one).
//!
//! Each row is written after its length, so that a plan can be read without its rows
//! ([`decode_outline`]) and a row decoded alone when it is first asked for ([`decode_row`], see
//! [`super::lazy`]).
//!
//! Nothing read is trusted: every length is checked against the bytes left before anything is
//! allocated for it, every place against the table, every string as UTF-8 and every enum's
//! byte against its variants; anything else makes the decode `None` (the plan is then parsed
//! again from its file), never a panic.

use super::cache::Table;
use super::schema::{
    Area, DocField, Document, Domain, Figure, Jurisdiction, Level, Marker, Measure, NoTarget,
    OpReason, Period, Plan, PlanKind, Pos, Row, Scope, Spanned, Text,
};
use std::sync::OnceLock;

/// Writes plans into bytes, giving texts their places in a table.
pub(crate) struct Writer<'t> {
    out: Vec<u8>,
    /// A text's place in the table being written; none past the table's limits.
    place: &'t mut dyn FnMut(&str) -> Option<u32>,
    /// A text had no place: the encoding is unusable.
    failed: bool,
}

/// The encoding of `plan`, its texts placed by `place`; none if a text has no place.
pub(crate) fn encode(plan: &Plan, place: &mut dyn FnMut(&str) -> Option<u32>) -> Option<Vec<u8>> {
    let mut w = Writer {
        out: Vec::with_capacity(4096),
        place,
        failed: false,
    };
    w.plan(plan);
    (!w.failed).then_some(w.out)
}

/// The plan encoded in `bytes`, its texts taken from `table`; none if the bytes are not one
/// plan's encoding, whole.
pub(crate) fn decode(bytes: &[u8], table: &Table) -> Option<Plan> {
    let mut r = Reader {
        bytes,
        at: 0,
        table,
    };
    let plan = r.plan(|r| r.list(Reader::sized_row))?;
    (r.at == bytes.len()).then_some(plan)
}

/// Where a row's bytes start and end in its plan's encoding.
pub(crate) type Span = (u32, u32);

/// The plan encoded in `bytes` without its rows (`indicators` empty), and where each row's
/// bytes start and end, for [`decode_row`]; none if the bytes are not one plan's encoding,
/// whole, with each row's catalog id a text of `table`. The rows' other fields are checked
/// when each is decoded.
pub(crate) fn decode_outline(bytes: &[u8], table: &Table) -> Option<(Plan, Box<[Span]>)> {
    let mut r = Reader {
        bytes,
        at: 0,
        table,
    };
    let mut spans = Vec::new();
    let plan = r.plan(|r| {
        let n = r.len()?;
        // At most one a byte left, like every length read.
        spans.reserve_exact(n);
        for _ in 0..n {
            let end = r.sized()?;
            let start = r.at;
            // The id comes first: a place in the table, checked now so that a row's id is
            // always there to be read.
            r.uint().filter(|&i| table.has(i))?;
            if r.at > end {
                return None;
            }
            spans.push((u32::try_from(start).ok()?, u32::try_from(end).ok()?));
            r.at = end;
        }
        Some(Vec::new())
    })?;
    (r.at == bytes.len()).then(|| (plan, spans.into_boxed_slice()))
}

/// The row whose bytes are at `span` of a plan's encoding (as [`decode_outline`] found it);
/// none if they are not one row's.
pub(crate) fn decode_row(bytes: &[u8], span: Span, table: &Table) -> Option<Row> {
    let mut r = Reader::at(bytes, span, table)?;
    let row = r.row()?;
    (r.at == r.bytes.len()).then_some(row)
}

/// The catalog id of the row at `span`, without decoding the row (the id comes first).
pub(crate) fn row_id(bytes: &[u8], span: Span, table: &Table) -> Option<Text> {
    Reader::at(bytes, span, table)?.text()
}

impl Writer<'_> {
    fn uint(&mut self, mut v: u64) {
        loop {
            let low = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.out.push(low);
                return;
            }
            self.out.push(low | 0x80);
        }
    }

    fn int(&mut self, v: i32) {
        // Zigzag: small negative numbers stay short.
        self.uint(u64::from(((v << 1) ^ (v >> 31)) as u32));
    }

    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }

    fn flag(&mut self, b: bool) {
        self.out.push(u8::from(b));
    }

    fn str(&mut self, s: &str) {
        self.uint(s.len() as u64);
        self.out.extend_from_slice(s.as_bytes());
    }

    fn text(&mut self, t: &Text) {
        match (self.place)(t) {
            Some(i) => self.uint(u64::from(i)),
            None => self.failed = true,
        }
    }

    fn opt<T>(&mut self, v: Option<&T>, f: impl FnOnce(&mut Self, &T)) {
        match v {
            None => self.byte(0),
            Some(v) => {
                self.byte(1);
                f(self, v);
            }
        }
    }

    fn list<T>(&mut self, v: &[T], mut f: impl FnMut(&mut Self, &T)) {
        self.uint(v.len() as u64);
        for x in v {
            f(self, x);
        }
    }

    fn years(&mut self, v: &[Spanned<i32>]) {
        self.list(v, |w, y| w.int(y.value));
    }

    fn strings(&mut self, v: &[Spanned<String>]) {
        self.list(v, |w, s| w.str(&s.value));
    }

    fn plan(&mut self, p: &Plan) {
        let Plan {
            jurisdiction,
            document,
            period,
            baseline_year,
            areas,
            indicators,
            excerpt,
            columns,
            todo,
        } = p;
        let Jurisdiction {
            id,
            name,
            name_en,
            level,
            parent,
        } = jurisdiction;
        self.str(&id.value);
        self.str(name);
        self.str(name_en);
        self.byte(match level {
            Level::Province => 0,
            Level::City => 1,
            Level::County => 2,
            Level::CountyCity => 3,
            Level::District => 4,
        });
        self.opt(parent.as_ref(), |w, s| w.str(s));
        let Document {
            title,
            number,
            issuer,
            date,
            kind,
            source,
            url,
            note,
            not_in_source,
        } = document;
        self.str(title);
        self.opt(number.as_ref(), |w, s| w.str(s));
        self.opt(issuer.as_ref(), |w, s| w.str(s));
        self.opt(date.as_ref(), |w, s| w.str(&s.value));
        self.byte(match kind {
            PlanKind::Implementation => 0,
            PlanKind::WorkPoints => 1,
            PlanKind::FiveYearPlan => 2,
        });
        self.str(source);
        self.opt(url.as_ref(), |w, s| w.str(s));
        self.opt(note.as_ref(), |w, s| w.str(s));
        self.list(not_in_source, |w, f| {
            w.byte(match f {
                DocField::Issuer => 0,
                DocField::Date => 1,
                DocField::Number => 2,
                DocField::Url => 3,
            })
        });
        let Period { start, end } = period;
        self.int(start.value);
        self.int(end.value);
        self.int(baseline_year.value);
        self.list(areas, |w, a| {
            let Area { name, domain } = a;
            w.str(name);
            w.byte(domain_byte(domain.value));
        });
        self.list(indicators, Self::sized_row);
        self.opt(excerpt.as_ref(), |w, s| w.str(s));
        self.years(columns);
        self.strings(todo);
    }

    /// A row after the length of its encoding, so that a reader can find a row without
    /// decoding the ones before it.
    fn sized_row(&mut self, r: &Row) {
        let start = self.out.len();
        self.row(r);
        let body = self.out.split_off(start);
        self.uint(body.len() as u64);
        self.out.extend_from_slice(&body);
    }

    fn row(&mut self, r: &Row) {
        let Row {
            id,
            name,
            unit,
            marker,
            printed_marker,
            lead,
            area,
            row,
            table,
            columns,
            baseline,
            targets,
            truncated,
            note,
            todo,
        } = r;
        self.text(&id.value);
        self.text(name);
        self.opt(unit.as_ref(), |w, t| w.text(&t.value));
        self.opt(marker.as_ref(), |w, m| {
            w.byte(match m {
                Marker::Core => 0,
                Marker::Observational => 1,
            })
        });
        self.opt(printed_marker.as_deref(), |w, s| w.str(&s.value));
        self.opt(lead.as_ref(), Self::text);
        self.opt(area.as_ref(), |w, t| w.text(&t.value));
        self.opt(row.as_deref(), |w, s| w.str(s));
        self.opt(table.as_deref(), |w, s| w.str(&s.value));
        self.years(columns);
        self.opt(baseline.as_deref(), Self::figure);
        self.list(targets, Self::figure);
        self.flag(*truncated);
        self.opt(note.as_deref(), |w, s| w.str(s));
        self.strings(todo);
    }

    fn figure(&mut self, f: &Figure) {
        let Figure {
            year,
            cell,
            text,
            quote,
            section,
            scope,
            kind,
            from,
            year_stated,
            no_target,
            op_reason,
            zero_is_target,
            note,
            todo,
            // Made on first use, never stored.
            resolved: _,
        } = f;
        self.int(year.value);
        self.opt(cell.as_ref(), |w, t| w.text(&t.value));
        self.opt(text.as_ref(), |w, t| w.text(&t.value));
        self.opt(quote.as_deref(), |w, s| w.str(&s.value));
        self.opt(section.as_deref(), |w, s| w.str(s));
        self.byte(match scope {
            Scope::Level => 0,
            Scope::Cumulative => 1,
            Scope::Annual => 2,
            Scope::Maintained => 3,
        });
        self.byte(match kind {
            Measure::Level => 0,
            Measure::Average => 1,
            Measure::Total => 2,
        });
        self.opt(from.as_ref(), |w, y| w.int(y.value));
        self.flag(*year_stated);
        self.opt(no_target.as_ref(), |w, n| {
            w.byte(match n {
                NoTarget::NotAssessed => 0,
                NoTarget::Observational => 1,
                NoTarget::NotDue => 2,
            })
        });
        self.opt(op_reason.as_ref(), |w, o| {
            w.byte(match o {
                OpReason::BareNumber => 0,
            })
        });
        self.flag(*zero_is_target);
        self.opt(note.as_deref(), |w, s| w.str(s));
        self.strings(todo);
    }
}

fn domain_byte(d: Domain) -> u8 {
    Domain::ALL.iter().position(|x| *x == d).unwrap_or(0) as u8
}

/// A value read from the cache: at no place in a YAML file.
fn at<T>(value: T) -> Spanned<T> {
    Spanned {
        value,
        referenced: Pos::default(),
    }
}

struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
    table: &'b Table,
}

impl<'b> Reader<'b> {
    /// A reader of the bytes at `span` of `bytes` alone.
    fn at(bytes: &'b [u8], span: Span, table: &'b Table) -> Option<Reader<'b>> {
        let (start, end) = (span.0 as usize, span.1 as usize);
        Some(Reader {
            bytes: bytes.get(..end)?,
            at: start.min(end),
            table,
        })
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn uint(&mut self) -> Option<u64> {
        // Most numbers (places, lengths, years' zigzags) take one byte.
        let first = *self.bytes.get(self.at)?;
        if first < 0x80 {
            self.at += 1;
            return Some(u64::from(first));
        }
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    fn int(&mut self) -> Option<i32> {
        let z = u32::try_from(self.uint()?).ok()?;
        Some(((z >> 1) as i32) ^ -((z & 1) as i32))
    }

    fn flag(&mut self) -> Option<bool> {
        match self.byte()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    /// A length, at most the bytes left (every element takes one byte or more), so that a
    /// damaged length never asks for more memory than the encoding's size.
    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.uint()?).ok()?;
        (n <= self.bytes.len() - self.at).then_some(n)
    }

    /// A length, as where the bytes it measures end.
    fn sized(&mut self) -> Option<usize> {
        let n = self.len()?;
        Some(self.at + n)
    }

    fn str(&mut self) -> Option<String> {
        let n = self.len()?;
        let s = std::str::from_utf8(self.bytes.get(self.at..self.at + n)?).ok()?;
        self.at += n;
        Some(s.to_string())
    }

    fn text(&mut self) -> Option<Text> {
        let i = self.uint()?;
        self.table.get(i)
    }

    fn opt<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        match self.byte()? {
            0 => Some(None),
            1 => f(self).map(Some),
            _ => None,
        }
    }

    fn list<T>(&mut self, mut f: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = self.len()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(f(self)?);
        }
        Some(v)
    }

    fn years(&mut self) -> Option<Vec<Spanned<i32>>> {
        self.list(|r| r.int().map(at))
    }

    fn strings(&mut self) -> Option<Vec<Spanned<String>>> {
        self.list(|r| r.str().map(at))
    }

    /// A plan, its rows read by `rows`.
    fn plan(&mut self, rows: impl FnOnce(&mut Self) -> Option<Vec<Row>>) -> Option<Plan> {
        let jurisdiction = Jurisdiction {
            id: at(self.str()?),
            name: self.str()?,
            name_en: self.str()?,
            level: match self.byte()? {
                0 => Level::Province,
                1 => Level::City,
                2 => Level::County,
                3 => Level::CountyCity,
                4 => Level::District,
                _ => return None,
            },
            parent: self.opt(Self::str)?,
        };
        let document = Document {
            title: self.str()?,
            number: self.opt(Self::str)?,
            issuer: self.opt(Self::str)?,
            date: self.opt(|r| r.str().map(at))?,
            kind: match self.byte()? {
                0 => PlanKind::Implementation,
                1 => PlanKind::WorkPoints,
                2 => PlanKind::FiveYearPlan,
                _ => return None,
            },
            source: self.str()?,
            url: self.opt(Self::str)?,
            note: self.opt(Self::str)?,
            not_in_source: self.list(|r| match r.byte()? {
                0 => Some(DocField::Issuer),
                1 => Some(DocField::Date),
                2 => Some(DocField::Number),
                3 => Some(DocField::Url),
                _ => None,
            })?,
        };
        let period = Period {
            start: at(self.int()?),
            end: at(self.int()?),
        };
        Some(Plan {
            jurisdiction,
            document,
            period,
            baseline_year: at(self.int()?),
            areas: self.list(|r| {
                Some(Area {
                    name: r.str()?,
                    domain: at(*Domain::ALL.get(usize::from(r.byte()?))?),
                })
            })?,
            indicators: rows(self)?,
            excerpt: self.opt(Self::str)?,
            columns: self.years()?,
            todo: self.strings()?,
        })
    }

    /// A row after its length, which it must fill exactly.
    fn sized_row(&mut self) -> Option<Row> {
        let end = self.sized()?;
        let row = self.row()?;
        (self.at == end).then_some(row)
    }

    fn row(&mut self) -> Option<Row> {
        Some(Row {
            id: at(self.text()?),
            name: self.text()?,
            unit: self.opt(|r| r.text().map(at))?,
            marker: self.opt(|r| match r.byte()? {
                0 => Some(Marker::Core),
                1 => Some(Marker::Observational),
                _ => None,
            })?,
            printed_marker: self.opt(|r| r.str().map(|s| Box::new(at(s))))?,
            lead: self.opt(Self::text)?,
            area: self.opt(|r| r.text().map(at))?,
            row: self.opt(|r| r.str().map(Box::new))?,
            table: self.opt(|r| r.str().map(|s| Box::new(at(s))))?,
            columns: self.years()?,
            baseline: self.opt(|r| r.figure().map(Box::new))?,
            targets: self.list(Self::figure)?,
            truncated: self.flag()?,
            note: self.opt(|r| r.str().map(Box::new))?,
            todo: self.strings()?,
        })
    }

    fn figure(&mut self) -> Option<Figure> {
        Some(Figure {
            year: at(self.int()?),
            cell: self.opt(|r| r.text().map(at))?,
            text: self.opt(|r| r.text().map(at))?,
            quote: self.opt(|r| r.str().map(|s| Box::new(at(s))))?,
            section: self.opt(|r| r.str().map(Box::new))?,
            scope: match self.byte()? {
                0 => Scope::Level,
                1 => Scope::Cumulative,
                2 => Scope::Annual,
                3 => Scope::Maintained,
                _ => return None,
            },
            kind: match self.byte()? {
                0 => Measure::Level,
                1 => Measure::Average,
                2 => Measure::Total,
                _ => return None,
            },
            from: self.opt(|r| r.int().map(at))?,
            year_stated: self.flag()?,
            no_target: self.opt(|r| match r.byte()? {
                0 => Some(NoTarget::NotAssessed),
                1 => Some(NoTarget::Observational),
                2 => Some(NoTarget::NotDue),
                _ => None,
            })?,
            op_reason: self.opt(|r| match r.byte()? {
                0 => Some(OpReason::BareNumber),
                _ => None,
            })?,
            zero_is_target: self.flag()?,
            note: self.opt(|r| r.str().map(Box::new))?,
            todo: self.strings()?,
            resolved: OnceLock::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::cache::{Table, TableWriter};
    use super::super::load::PlanDir;
    use super::super::{Need, PlanSet};
    use super::*;

    /// Every bundled plan as a judging load and as a full load holds it.
    fn bundled() -> Vec<PlanSet> {
        [Need::Everything, Need::Targets]
            .into_iter()
            .map(|need| {
                PlanSet::load_cached_in(&PlanDir::Builtin, None, need)
                    .0
                    .unwrap()
            })
            .collect()
    }

    /// `plan` encoded, and the table of its texts.
    fn encoded(plan: &Plan) -> (Vec<u8>, Table) {
        let mut texts = TableWriter::default();
        let bytes = encode(plan, &mut |s| texts.place(s)).unwrap();
        (bytes, Table::parse(&texts.encode().unwrap()).unwrap())
    }

    #[test]
    fn every_bundled_plan_decodes_to_what_named_messagepack_read_back() {
        // The cache's previous encoding (rmp-serde, fields by name) is the reference: what a
        // judging run got from the cache before, down to each value's (absent) position.
        let mut plans = 0;
        for set in bundled() {
            for p in set.plans() {
                let (bytes, table) = encoded(&p.plan);
                let decoded = decode(&bytes, &table).unwrap();
                let named = rmp_serde::to_vec_named(&p.plan).unwrap();
                let before: Plan = rmp_serde::from_slice(&named).unwrap();
                assert_eq!(format!("{decoded:?}"), format!("{before:?}"), "{}", p.id());
                assert_eq!(
                    serde_json::to_value(&decoded).unwrap(),
                    serde_json::to_value(&p.plan).unwrap()
                );
                // The texts are the run's pooled ones.
                for r in &decoded.indicators {
                    assert_eq!(
                        r.id.value.address(),
                        super::super::schema::intern(&r.id.value).address()
                    );
                }
                plans += 1;
            }
        }
        assert!(plans >= 10, "{plans}");
    }

    #[test]
    fn a_cut_or_damaged_encoding_is_none_or_a_plan_never_a_panic() {
        let set = &bundled()[0];
        let plan = &set.plans().next().unwrap().plan;
        let (bytes, table) = encoded(plan);
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut], &table).is_none(), "cut at {cut}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(decode(&longer, &table).is_none(), "a byte too many");
        for at in (0..bytes.len()).step_by(7) {
            for bit in [0, 3, 7] {
                let mut b = bytes.clone();
                b[at] ^= 1 << bit;
                let _ = decode(&b, &table);
            }
        }
        // A length of 2^63 with nothing behind it asks for no memory.
        let mut huge = Writer {
            out: Vec::new(),
            place: &mut |_| Some(0),
            failed: false,
        };
        huge.uint(1 << 63);
        assert!(
            Reader {
                bytes: &huge.out,
                at: 0,
                table: &table,
            }
            .list(Reader::byte)
            .is_none()
        );
    }

    #[test]
    fn a_text_without_a_place_makes_no_encoding() {
        let set = &bundled()[1];
        let plan = &set.plans().next().unwrap().plan;
        assert!(encode(plan, &mut |_| None).is_none());
    }
}
