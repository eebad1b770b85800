//! The reports an office sends up, read back as their readers read them: the workbook by calamine
//! and converted by LibreOffice, the HTML page rendered by headless Chromium (no console message,
//! the numbers in its DOM equal to `--format json`, a screenshot kept as an artifact).
//!
//! LibreOffice (`soffice`) and Chromium (`chromium`) come from Debian and are installed by
//! `.ci/run`. Where one is missing outside CI, its test says so loudly and skips; under `CI=true`
//! a missing one fails.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

const EXAMPLE: &str = "examples/actuals-2024.csv";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Runs qyx in the repository (for the example and bundled plans); asserts it ran.
fn qyx(args: &[&str]) -> std::process::Output {
    let out = common::qyx(args, root());
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn json_rows(extra: &[&str]) -> Vec<Value> {
    let mut args = vec!["check", EXAMPLE, "--format", "json"];
    args.extend_from_slice(extra);
    serde_json::from_slice::<Value>(&qyx(&args).stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// The program `name`, or None when it is absent and this is not CI (after saying so loudly).
fn tool(name: &str) -> Option<&'static str> {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some(Box::leak(name.to_string().into_boxed_str()));
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("{name} is not installed, and CI must run this test (.ci/run installs it)");
    }
    eprintln!(
        "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n\
         !!! SKIPPED: `{name}` is not installed; this test of a report did not run.\n\
         !!! Install it (apt-get install chromium libreoffice-calc-nogui) or run .ci/run.\n\
         !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
    );
    None
}

/// The sheet's cells as (row, col) → value.
fn sheet(wb: &mut Xlsx<std::io::BufReader<std::fs::File>>, name: &str) -> Vec<Vec<Data>> {
    let range = wb.worksheet_range(name).expect("sheet exists");
    range.rows().map(|r| r.to_vec()).collect()
}

fn text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => format!("{other:?}"),
    }
}

fn num(d: &Data) -> Option<f64> {
    match d {
        Data::Float(f) => Some(*f),
        Data::Int(i) => Some(*i as f64),
        _ => None,
    }
}

fn xml_of(path: &Path, member: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(member).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn workbook_reads_back_with_every_judged_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("报告.xlsx");
    let out = qyx(&["check", EXAMPLE, "--all", "-o", path.to_str().unwrap()]);
    assert!(out.stdout.is_empty(), "with -o nothing goes to stdout");
    let json = json_rows(&["--all"]);

    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(wb.sheet_names(), ["汇总", "明细", "催报"]);

    // 明细: one row per judged row, numbers as numbers equal to the JSON's exact decimals.
    let details = sheet(&mut wb, "明细");
    let header: Vec<String> = details[0].iter().map(text).collect();
    let col = |h: &str| header.iter().position(|x| x == h).unwrap();
    assert_eq!(details.len() - 1, json.len());
    let (actual, status, year) = (col("实际值"), col("状态"), col("年份"));
    for (row, j) in details[1..].iter().zip(&json) {
        assert_eq!(num(&row[year]), j["year"].as_f64());
        match &j["actual"] {
            Value::String(s) => {
                let want: f64 = s.parse().unwrap();
                let got = num(&row[actual]).expect("a number cell");
                assert!((got - want).abs() < 1e-9, "{got} vs {want}");
            }
            Value::Null => assert_eq!(row[actual], Data::Empty),
            Value::Bool(_) => assert!(matches!(row[actual], Data::String(_))),
            _ => unreachable!(),
        }
        let want = match j["status"].as_str().unwrap() {
            "met" => "达标",
            "not_met" => "未达标",
            "on_track" => "进度正常",
            "behind" => "进度滞后",
            "no_data" => "无数据",
            "no_target" => "无目标",
            s => panic!("{s}"),
        };
        match j["doubtful"].as_bool() {
            Some(true) => assert_eq!(text(&row[status]), format!("{want}(存疑)")),
            _ => assert_eq!(text(&row[status]), want),
        }
    }

    // 汇总: the headline sentence counts what the JSON counts.
    let summary = sheet(&mut wb, "汇总");
    let met = json.iter().filter(|j| j["status"] == "met").count();
    let headline = text(&summary[0][0]);
    assert!(
        headline.contains(&format!("达标{met}项、占比")),
        "{headline}"
    );
    let labels: Vec<String> = summary.iter().map(|r| text(&r[0])).collect();
    for section in ["按领域", "按牵头单位", "按地区"] {
        assert!(
            labels.iter().any(|l| l == section),
            "{section} in {labels:?}"
        );
    }

    // 催报: every target nobody reported.
    let missing = json.iter().filter(|j| j["status"] == "no_data").count();
    assert_eq!(sheet(&mut wb, "催报").len() - 1, missing);

    // Frozen header and filters on the detail sheet (sheet2), fills for statuses.
    let xml = xml_of(&path, "xl/worksheets/sheet2.xml");
    assert!(xml.contains("state=\"frozen\""), "frozen header");
    assert!(xml.contains("<autoFilter"), "filters");
    assert!(
        xml_of(&path, "xl/styles.xml").contains("FFC6EFCE"),
        "met fill"
    );
}

/// A doubtful row reads 达标(存疑) with its 说明 in the reports that go up, as in the terminal,
/// CSV, Markdown and JSON: the workbook's 明细 and the page's table under the row.
#[test]
fn doubtful_rows_say_so_in_the_workbook_and_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("actuals.csv");
    std::fs::write(
        &input,
        "地区,指标,年份,数值\n诸暨市,普惠托位占比,2024,1500‰\n黄岩区,重大慢病过早死亡率,2025,0.85\n诸暨市,普惠托位占比,2025,70\n",
    )
    .unwrap();
    let input = input.to_str().unwrap();
    let (xlsx, html) = (dir.path().join("r.xlsx"), dir.path().join("r.html"));
    for out in [&xlsx, &html] {
        qyx(&["--lang", "zh", "check", input, "-o", out.to_str().unwrap()]);
    }
    let json: Vec<Value> = serde_json::from_slice::<Value>(
        &qyx(&["--lang", "zh", "check", input, "--format", "json"]).stdout,
    )
    .unwrap()
    .as_array()
    .unwrap()
    .clone();
    assert_eq!(json.len(), 3);
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let details = sheet(&mut wb, "明细");
    let header: Vec<String> = details[0].iter().map(text).collect();
    let col = |h: &str| header.iter().position(|x| x == h).unwrap();
    let (status, said) = (col("状态"), col("说明"));
    let page = std::fs::read_to_string(&html).unwrap();
    for (row, j) in details[1..].iter().zip(&json) {
        let messages: Vec<&str> = j["remarks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["message_zh"].as_str().unwrap())
            .collect();
        let doubtful = j["doubtful"].as_bool().unwrap();
        assert_eq!(text(&row[status]).ends_with("(存疑)"), doubtful, "{j}");
        assert_eq!(text(&row[said]), messages.join("; "));
        for m in &messages {
            // The page escapes only markup; these messages hold none.
            assert!(page.contains(m), "{m} on the page");
        }
    }
    assert_eq!(
        page.matches("达标(存疑)").count(),
        2 * 2,
        "table and chart, two rows"
    );
    assert!(page.contains("class=\"remark doubtful\""));
}

#[test]
fn workbook_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.xlsx");
    qyx(&[
        "--lang",
        "en",
        "check",
        EXAMPLE,
        "-o",
        path.to_str().unwrap(),
    ]);
    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    // Targets of 2024 nobody reported: the Reminders (催报) sheet lists them, as --missing does.
    assert_eq!(wb.sheet_names(), ["Summary", "Details", "Reminders"]);
    let details = sheet(&mut wb, "Details");
    assert_eq!(text(&details[0][0]), "jurisdiction");
}

#[test]
fn compare_and_rank_workbooks() {
    let dir = tempfile::tempdir().unwrap();
    for (args, sheet_name) in [
        (vec!["compare", "ruian", "zhuji"], "对比"),
        (vec!["rank"], "排名"),
    ] {
        let path = dir.path().join(format!("{}.xlsx", args[0]));
        let mut a = vec!["--lang", "zh"];
        a.extend(args);
        a.extend(["-o", path.to_str().unwrap()]);
        qyx(&a);
        let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
        let rows = sheet(&mut wb, sheet_name);
        assert!(rows.len() > 2, "{sheet_name} has rows");
        assert!(
            rows[1..]
                .iter()
                .flatten()
                .any(|c| matches!(c, Data::Float(_))),
            "{sheet_name} has numbers as numbers"
        );
    }
}

#[test]
fn libreoffice_converts_the_workbook() {
    let Some(soffice) = tool("soffice") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("报告.xlsx");
    qyx(&["check", EXAMPLE, "--all", "-o", path.to_str().unwrap()]);
    let out = Command::new("timeout")
        .args([
            "300",
            soffice,
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
        ])
        .arg("--outdir")
        .arg(dir.path())
        .arg(&path)
        // A profile of its own, so that a running LibreOffice or another test cannot lock it.
        .env("HOME", dir.path())
        .output()
        .unwrap();
    let pdf = dir.path().join("报告.pdf");
    assert!(
        out.status.success() && pdf.exists(),
        "soffice failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF") && bytes.len() > 10_000);
}

/// Renders `html` in headless Chromium: the DOM as the browser built it, and a screenshot.
/// Fails on any console message (the page has no script, so any message is a fault).
fn render(chromium: &str, html: &Path, shot: &Path) -> String {
    let url = format!("file://{}", html.display());
    let run = |extra: &[&str]| {
        let profile = tempfile::tempdir().unwrap();
        let out = Command::new("timeout")
            .arg("120")
            .arg(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--enable-logging=stderr",
                "--v=0",
                "--window-size=1000,1400",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .args(extra)
            .arg(&url)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        let console: Vec<&str> = err.lines().filter(|l| l.contains(":CONSOLE")).collect();
        assert!(
            console.is_empty(),
            "console messages:\n{}",
            console.join("\n")
        );
        assert!(out.status.success(), "chromium failed: {err}");
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let dom = run(&["--dump-dom"]);
    run(&[&format!("--screenshot={}", shot.display())]);
    assert!(shot.exists(), "screenshot written");
    dom
}

/// `attr="value"` inside `tag`.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(&tag[start..start + tag[start..].find('"')?])
}

/// The numbers the page shows: (jurisdiction/indicator, period label, field) → value.
fn dom_numbers(dom: &str) -> BTreeMap<(String, String, String), String> {
    let mut m = BTreeMap::new();
    for block in dom.split("<div class=\"indicator\"").skip(1) {
        let key = attr(block, "data-key").unwrap().to_string();
        for tr in block.split("<tr data-year=\"").skip(1) {
            let head = &tr[..tr.find('>').unwrap()];
            let period = attr(head, "data-period").unwrap_or("").to_string();
            let tr = &tr[..tr.find("</tr>").unwrap()];
            for td in tr.split("<td").skip(1) {
                let head = &td[..td.find('>').unwrap()];
                if let (Some(f), Some(v)) = (attr(head, "data-field"), attr(head, "data-value")) {
                    m.insert((key.clone(), period.clone(), f.to_string()), v.to_string());
                }
            }
        }
    }
    m
}

fn artifacts() -> PathBuf {
    let d = root().join("target/test-artifacts");
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn html_report_renders_in_chromium_with_the_json_numbers() {
    html_matches_json(EXAMPLE, "check-report.png", true);
}

#[test]
fn html_report_of_months_shows_what_the_schedule_asks() {
    let page = html_matches_json("examples/monthly-2024-11.csv", "monthly-report.png", false);
    // The 序时进度 point: a hollow mark on the chart and a number in the table.
    if let Some(page) = page {
        assert!(page.contains("data-field=\"due\">") && page.contains("<rect"));
    }
}

/// Renders the page of `input`, checks it against `check --format json`; the page's DOM.
fn html_matches_json(input: &str, shot_name: &str, readme: bool) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("报告.html");
    qyx(&["check", input, "-o", html.to_str().unwrap()]);
    let page = std::fs::read_to_string(&html).unwrap();
    // Self-contained: nothing fetched, no script.
    for banned in ["<script", "<link", "src=", "href=", "@import", "url("] {
        assert!(!page.contains(banned), "the page contains {banned}");
    }
    assert!(page.contains("@page") && page.contains("A4"), "print CSS");
    assert!(page.contains("<svg"), "charts");

    let chromium = tool("chromium")?;
    let shot = artifacts().join(shot_name);
    let dom = render(chromium, &html, &shot);
    let shown = dom_numbers(&dom);
    let json: Vec<Value> =
        serde_json::from_slice::<Value>(&qyx(&["check", input, "--format", "json"]).stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .clone();
    assert!(!json.is_empty());
    for j in &json {
        let key = format!(
            "{}/{}",
            j["jurisdiction"].as_str().unwrap(),
            j["indicator"].as_str().unwrap()
        );
        let year = j["period"]["label"].as_str().unwrap().to_string();
        let field = |f: &str| shown.get(&(key.clone(), year.clone(), f.to_string()));
        let s = |v: &Value| match v {
            Value::String(s) => s.clone(),
            Value::Null => String::new(),
            other => other.to_string(),
        };
        assert_eq!(
            field("status").unwrap(),
            j["status"].as_str().unwrap(),
            "{key} {year}"
        );
        assert_eq!(
            field("actual").unwrap(),
            &s(&j["actual"]),
            "{key} {year} actual"
        );
        assert_eq!(field("gap").unwrap(), &s(&j["gap"]), "{key} {year} gap");
        assert_eq!(
            field("progress").unwrap(),
            &s(&j["progress"]),
            "{key} {year} progress"
        );
    }
    // The headline counts are the JSON's.
    let met = json.iter().filter(|j| j["status"] == "met").count();
    assert!(dom.contains(&format!("data-count=\"met\">{met}<")));
    // The README's screenshot is this test's: refresh it with QYX_UPDATE_SCREENSHOT=1.
    if readme && std::env::var_os("QYX_UPDATE_SCREENSHOT").is_some() {
        std::fs::create_dir_all(root().join("docs/images")).unwrap();
        std::fs::copy(&shot, root().join("docs/images/check-report.png")).unwrap();
    }
    Some(dom)
}

#[test]
fn compare_html_shows_every_plan_on_one_chart() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("compare.html");
    qyx(&[
        "compare",
        "ruian",
        "zhuji",
        "huangyan",
        "-o",
        html.to_str().unwrap(),
    ]);
    let Some(chromium) = tool("chromium") else {
        return;
    };
    let dom = render(chromium, &html, &artifacts().join("compare-report.png"));
    let charts: Vec<&str> = dom.split("<svg").skip(1).collect();
    assert!(!charts.is_empty());
    // Each shared indicator's chart has a line per plan with a path.
    assert!(
        charts
            .iter()
            .any(|c| c[..c.find("</svg>").unwrap()].matches("<polyline").count() == 3),
        "a chart with all three plans"
    );
}
