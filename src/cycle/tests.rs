//! The period rules, in-process: one table per indicator kind, each row a value in, a status,
//! the points behind and a light out.

use super::*;
use crate::plan::{Catalog, Plan};
use rust_decimal_macros::dec;

/// A plan row and its catalog entry: `targets` is the YAML of the row's baseline and targets.
fn setup(unit: &str, better: &str, accrual: &str, targets: &str) -> (Row, Entry) {
    let unit_line = if unit.is_empty() {
        String::new()
    } else {
        format!(", unit: \"{unit}\"")
    };
    let cat: Catalog = serde_saphyr::from_str(&format!(
        "indicators:\n  - {{ id: x, name: 指标, name_en: X, domain: 病有良医, accrual: {accrual}{unit_line}, better: {better} }}\n"
    ))
    .unwrap();
    let plan: Plan = serde_saphyr::from_str(&format!(
        "jurisdiction: {{ id: t, name: 测, name_en: T, level: county }}\ndocument: {{ title: t, issuer: i, date: d, kind: implementation, source: s }}\nperiod: {{ start: 2023, end: 2027 }}\nbaseline_year: 2022\nindicators:\n  - id: x\n    name: 指标\n{targets}"
    ))
    .unwrap();
    (
        plan.indicators.into_iter().next().unwrap(),
        cat.indicators.into_iter().next().unwrap(),
    )
}

/// The plans in these tables start in 2023; the default rules.
const CTX: crate::judge::Ctx = crate::judge::Ctx {
    period_start: 2023,
    rules: crate::judge::Rules { tolerance: None },
};

type Case = (
    &'static str,
    Decimal,
    Status,
    Option<Decimal>,
    Option<Light>,
);

fn run(row: &Row, entry: &Entry, cases: &[Case]) {
    for (period, value, status, behind, light) in cases {
        let p = crate::period::parse(period, Some(2024)).unwrap();
        let v = judge_period(
            row,
            entry,
            &CTX,
            p,
            Some(Actual::Number(*value)),
            None,
            &Bands::default(),
        );
        let got = (v.verdict.status, v.behind.map(|b| b.round_dp(1)), v.light);
        assert_eq!(got, (*status, *behind, *light), "{period} {value}");
    }
}

#[test]
fn flow_within_the_year() {
    // 新增 20 every year: the year-to-date sum against 序时进度 × 20.
    let (row, e) = setup(
        "万人",
        "higher",
        "flow",
        "    targets:\n      - { year: 2024, cell: \"20\" }\n",
    );
    run(
        &row,
        &e,
        &[
            (
                "2024Q2",
                dec!(10),
                Status::OnTrack,
                Some(dec!(0)),
                Some(Light::Green),
            ),
            (
                "2024Q2",
                dec!(8),
                Status::Behind,
                Some(dec!(10)),
                Some(Light::Yellow),
            ),
            (
                "2024Q2",
                dec!(8.1),
                Status::Behind,
                Some(dec!(9.5)),
                Some(Light::Green),
            ),
            (
                "2024Q2",
                dec!(4),
                Status::Behind,
                Some(dec!(30)),
                Some(Light::Yellow),
            ),
            (
                "2024Q2",
                dec!(3.9),
                Status::Behind,
                Some(dec!(30.5)),
                Some(Light::Red),
            ),
            // 11 months: 91.7 % of 20 = 18.33 due; 15 is 75 %, 16.7 points behind.
            (
                "1-11月",
                dec!(15),
                Status::Behind,
                Some(dec!(16.7)),
                Some(Light::Yellow),
            ),
            // The year's amount reached in June: met, always green.
            (
                "2024-06",
                dec!(20),
                Status::Met,
                Some(dec!(0)),
                Some(Light::Green),
            ),
            // A quarter alone asks a quarter of the year.
            (
                "4-6月",
                dec!(5),
                Status::OnTrack,
                Some(dec!(0)),
                Some(Light::Green),
            ),
            (
                "4-6月",
                dec!(3),
                Status::Behind,
                Some(dec!(10)),
                Some(Light::Yellow),
            ),
            // The whole year: met or not, at least yellow when not.
            (
                "2024",
                dec!(19.5),
                Status::NotMet,
                Some(dec!(2.5)),
                Some(Light::Yellow),
            ),
            (
                "2024",
                dec!(12),
                Status::NotMet,
                Some(dec!(40)),
                Some(Light::Red),
            ),
        ],
    );
}

#[test]
fn flow_cumulative_over_the_plan() {
    // 累计 6.8 by 2023, 9 by 2024: the running total along the path from 6.8 to 9.
    let (row, e) = setup(
        "万人次",
        "higher",
        "flow",
        "    baseline: { year: 2022, cell: \"4.3\", scope: cumulative }\n    targets:\n      - { year: 2023, cell: \"6.8\", scope: cumulative }\n      - { year: 2024, cell: \"9\", scope: cumulative }\n",
    );
    run(
        &row,
        &e,
        &[
            (
                "2024Q2",
                dec!(7.9),
                Status::OnTrack,
                Some(dec!(0)),
                Some(Light::Green),
            ),
            (
                "2024-08",
                dec!(8),
                Status::Behind,
                Some(dec!(12.1)),
                Some(Light::Yellow),
            ),
            // The quarter alone: its increment against a quarter of 2.2.
            (
                "4-6月",
                dec!(0.55),
                Status::OnTrack,
                Some(dec!(0)),
                Some(Light::Green),
            ),
        ],
    );
}

#[test]
fn stock_from_the_last_year_end() {
    // 83.6 in 2023, 84.2 in 2024: the path from 83.6 at the same share of the year.
    let (row, e) = setup(
        "万人",
        "higher",
        "stock",
        "    baseline: { year: 2022, cell: \"83\" }\n    targets:\n      - { year: 2023, cell: \"83.6\" }\n      - { year: 2024, cell: \"84.2\" }\n",
    );
    run(
        &row,
        &e,
        &[
            (
                "2024Q2",
                dec!(83.9),
                Status::OnTrack,
                Some(dec!(0)),
                Some(Light::Green),
            ),
            (
                "2024-08",
                dec!(83.8),
                Status::Behind,
                Some(dec!(33.3)),
                Some(Light::Red),
            ),
            (
                "2024Q1",
                dec!(83.6),
                Status::Behind,
                Some(dec!(25)),
                Some(Light::Yellow),
            ),
        ],
    );
    // A year-end value reported for 2023 is where 2024 starts, not the plan's point.
    let v = judge_period(
        &row,
        &e,
        &CTX,
        Period::quarter(2024, 2),
        Some(Actual::Number(dec!(83.9))),
        Some(dec!(83.8)),
        &Bands::default(),
    );
    let s = v.schedule.unwrap();
    assert_eq!((s.start, s.due), (dec!(83.8), dec!(84.0)));
    assert_eq!(v.verdict.status, Status::Behind);
}

#[test]
fn rate_lower_is_better_and_in_full() {
    let (row, e) = setup(
        "%",
        "lower",
        "rate",
        "    baseline: { year: 2022, cell: \"9.64\" }\n    targets:\n      - { year: 2023, cell: \"9.4\" }\n      - { year: 2024, cell: \"9.2\" }\n",
    );
    run(
        &row,
        &e,
        &[
            (
                "2024Q2",
                dec!(9.3),
                Status::OnTrack,
                Some(dec!(0)),
                Some(Light::Green),
            ),
            (
                "2024Q2",
                dec!(9.33),
                Status::Behind,
                Some(dec!(15)),
                Some(Light::Yellow),
            ),
            (
                "2024Q3",
                dec!(9.5),
                Status::Behind,
                Some(dec!(125)),
                Some(Light::Red),
            ),
        ],
    );
    // 保持在92%以上: the whole target at every moment (held now is met: a maintained target
    // applies in each year of its span, not only at its end).
    let (row, e) = setup(
        "%",
        "higher",
        "rate",
        "    targets:\n      - { year: 2027, scope: maintained, text: 保持在92%以上 }\n",
    );
    run(
        &row,
        &e,
        &[
            (
                "2024Q2",
                dec!(93),
                Status::Met,
                Some(dec!(0)),
                Some(Light::Green),
            ),
            (
                "2024-08",
                dec!(80),
                Status::Behind,
                Some(dec!(13)),
                Some(Light::Yellow),
            ),
        ],
    );
    let v = judge_period(
        &row,
        &e,
        &CTX,
        Period::month(2024, 8),
        Some(Actual::Number(dec!(80))),
        None,
        &Bands::default(),
    );
    assert!(v.schedule.unwrap().in_full);
}

#[test]
fn a_strict_target_in_full_is_not_met_by_its_own_number() {
    // 投保率 >70 every year: due in full from January, and 70 is not above 70 in June any more
    // than in December. The points behind stay 0 (the value is at the target), so the light is
    // the bands' green; the status says it is short.
    let (row, e) = setup(
        "%",
        "higher",
        "rate",
        "    targets:\n      - { year: 2027, scope: annual, text: 每年保持70%以上, cell: \">70\" }\n",
    );
    run(
        &row,
        &e,
        &[
            (
                "2024H1",
                dec!(70),
                Status::Behind,
                Some(dec!(0)),
                Some(Light::Green),
            ),
            (
                "2024-09",
                dec!(70.1),
                Status::Met,
                Some(dec!(0)),
                Some(Light::Green),
            ),
            (
                "2024Q3",
                dec!(69),
                Status::Behind,
                Some(dec!(1.4)),
                Some(Light::Green),
            ),
            (
                "2024",
                dec!(70),
                Status::NotMet,
                Some(dec!(0)),
                Some(Light::Yellow),
            ),
        ],
    );
    // 低于5% (lower is better), held every year: 5 is not below 5.
    let (row, e) = setup(
        "%",
        "lower",
        "rate",
        "    targets:\n      - { year: 2027, scope: annual, text: 每年控制在5%以下, cell: \"<5\" }\n",
    );
    run(
        &row,
        &e,
        &[
            (
                "2024Q2",
                dec!(5),
                Status::Behind,
                Some(dec!(0)),
                Some(Light::Green),
            ),
            (
                "2024Q2",
                dec!(4.9),
                Status::Met,
                Some(dec!(0)),
                Some(Light::Green),
            ),
        ],
    );
}

#[test]
fn milestones_are_not_due_before_their_year_ends() {
    let (row, e) = setup(
        "",
        "done",
        "milestone",
        "    targets:\n      - { year: 2024, text: 建成, quote: 建成 }\n",
    );
    let at = |p: &str, done: bool| {
        let p = crate::period::parse(p, Some(2024)).unwrap();
        let v = judge_period(
            &row,
            &e,
            &CTX,
            p,
            Some(Actual::Done(done)),
            None,
            &Bands::default(),
        );
        (v.verdict.status, v.light)
    };
    assert_eq!(at("2024Q2", false), (Status::OnTrack, Some(Light::Green)));
    assert_eq!(at("2024Q3", true), (Status::Met, Some(Light::Green)));
    assert_eq!(at("2024", false), (Status::NotMet, Some(Light::Red)));
    assert_eq!(at("2024", true), (Status::Met, Some(Light::Green)));
}

#[test]
fn bands_move_the_lights() {
    let (row, e) = setup(
        "万人",
        "higher",
        "flow",
        "    targets:\n      - { year: 2024, cell: \"20\" }\n",
    );
    let strict = Bands {
        yellow: dec!(5),
        red: dec!(20),
    };
    let light = |v: Decimal, b: &Bands| {
        judge_period(
            &row,
            &e,
            &CTX,
            Period::quarter(2024, 2),
            Some(Actual::Number(v)),
            None,
            b,
        )
        .light
    };
    // 8 of 20 by June is 10 points behind: yellow by default, yellow too with 5/20.
    assert_eq!(light(dec!(8), &Bands::default()), Some(Light::Yellow));
    assert_eq!(light(dec!(8), &strict), Some(Light::Yellow));
    // 5 of 20 is 25 points behind: yellow by default, red with 5/20.
    assert_eq!(light(dec!(5), &Bands::default()), Some(Light::Yellow));
    assert_eq!(light(dec!(5), &strict), Some(Light::Red));
    // 9.5 of 20 is 2.5 behind: green, and yellow from 0.
    let zero = Bands {
        yellow: dec!(0),
        red: dec!(30),
    };
    assert_eq!(light(dec!(9.5), &Bands::default()), Some(Light::Green));
    assert_eq!(light(dec!(9.5), &zero), Some(Light::Yellow));
}

#[test]
fn a_running_total_below_the_years_start_is_doubted() {
    // 累计 ≥5 by 2027 (2023–2027): the path asks 2 by 2024, 3 by 2025.
    let (row, e) = setup(
        "万人",
        "higher",
        "flow",
        "    targets:\n      - { year: 2027, scope: cumulative, text: 达5万人以上 }\n",
    );
    // (period, value, the total reported at the last year-end, doubted, total if the year's own)
    type Running = (
        &'static str,
        Decimal,
        Option<Decimal>,
        bool,
        Option<Decimal>,
    );
    let cases: &[Running] = &[
        // Below the 2.1 reported at the end of 2024: the year's own amount, most likely.
        (
            "2025年1-10月",
            dec!(1.2),
            Some(dec!(2.1)),
            true,
            Some(dec!(3.3)),
        ),
        // Below the plan's 2 for the end of 2024, nothing reported.
        ("2025", dec!(1.5), None, true, Some(dec!(3.5))),
        // At or above the year's start: a running total, judged as it is.
        ("2025年1-10月", dec!(2.1), Some(dec!(2.1)), false, None),
        ("2025", dec!(2.5), None, false, None),
        // The period's first year starts from zero: nothing to fall below.
        ("2023", dec!(0.4), None, false, None),
        // The month's own figure (当月) is judged as an increment: no running total to doubt.
        ("2025年10月(当月)", dec!(0.1), Some(dec!(2.1)), false, None),
    ];
    for (period, value, year_end, doubted, total) in cases {
        let p = crate::period::parse(period, None).unwrap();
        let v = judge_period(
            &row,
            &e,
            &CTX,
            p,
            Some(Actual::Number(*value)),
            *year_end,
            &Bands::default(),
        );
        let note = v.verdict.notes.iter().find_map(|n| match n {
            judge::Note::BelowRunningTotal {
                total, reported, ..
            } => Some((*total, *reported)),
            _ => None,
        });
        assert_eq!(v.verdict.doubtful(), *doubted, "{period} {value}");
        assert_eq!(note.map(|n| n.0), *total, "{period} {value}");
        if let Some((_, reported)) = note {
            assert_eq!(reported, year_end.is_some(), "{period} {value}");
        }
    }
    // A level (stock) is no running total: below last year is a fall, judged as it is.
    let (row, e) = setup(
        "万人",
        "higher",
        "stock",
        "    baseline: { year: 2022, cell: \"83\" }\n    targets:\n      - { year: 2025, cell: \"≥84.8\" }\n",
    );
    let v = judge_period(
        &row,
        &e,
        &CTX,
        crate::period::parse("2025", None).unwrap(),
        Some(Actual::Number(dec!(80))),
        Some(dec!(84.1)),
        &Bands::default(),
    );
    assert!(!v.verdict.doubtful());
}
