//! Text actuals: decoding the bytes (UTF-8 or GB18030) and splitting them into CSV records, each
//! with the line it starts on.

use super::Encoding;
use crate::diag::Diagnostic;

/// UTF-8 first (a BOM is dropped); GB18030 when the bytes are not UTF-8 or when asked.
pub(super) fn decode(bytes: &[u8], encoding: Encoding) -> Result<(String, &'static str), String> {
    let utf8 = |b: &[u8]| {
        let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
        std::str::from_utf8(b).map(str::to_string)
    };
    let gb = |b: &[u8]| {
        let (text, _, had_errors) = encoding_rs::GB18030.decode(b);
        if had_errors {
            Err("not valid GB18030 text".to_string())
        } else {
            Ok((text.into_owned(), "GB18030"))
        }
    };
    match encoding {
        Encoding::Utf8 => utf8(bytes)
            .map(|t| (t, "UTF-8"))
            .map_err(|e| format!("not valid UTF-8 ({e}); try --encoding gb18030")),
        Encoding::Gb18030 => gb(bytes),
        Encoding::Auto => match utf8(bytes) {
            Ok(t) => Ok((t, "UTF-8")),
            Err(_) => gb(bytes).map_err(|_| {
                "neither UTF-8 nor GB18030 text; name the encoding with --encoding".to_string()
            }),
        },
    }
}

/// The CSV records of `text`, each with its line, and a problem for each malformed record.
pub(super) fn records(name: &str, text: &str) -> (Vec<(u64, Vec<String>)>, Vec<Diagnostic>) {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    for rec in reader.records() {
        match rec {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line());
                records.push((line, r.iter().map(str::to_string).collect::<Vec<_>>()));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(Diagnostic::error(
                    name,
                    line,
                    1,
                    format!("malformed CSV: {e}"),
                ));
            }
        }
    }
    (records, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_bom_and_gbk() {
        let gbk = encoding_rs::GBK.encode("地区,指标").0.into_owned();
        assert_eq!(
            decode(&gbk, Encoding::Auto).unwrap(),
            ("地区,指标".to_string(), "GB18030")
        );
        assert_eq!(
            decode("\u{feff}地区".as_bytes(), Encoding::Auto).unwrap(),
            ("地区".to_string(), "UTF-8")
        );
        assert!(
            decode(&gbk, Encoding::Utf8)
                .unwrap_err()
                .contains("--encoding gb18030")
        );
    }
}
