//! Problems found in input files, each tied to a file, line and column, collected rather than
//! thrown so that one run reports every problem it can find.

use serde::Serialize;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    pub line: u64,
    pub column: u64,
    pub message: String,
}

impl Diagnostic {
    pub fn error(file: &str, line: u64, column: u64, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    pub fn warning(file: &str, line: u64, column: u64, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, line, column, message)
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only the words are translated: `file:line:col: kind: message` stays the shape editors
        // and scripts read.
        let kind = match self.severity {
            Severity::Error => crate::i18n::pick("错误", "error"),
            Severity::Warning => crate::i18n::pick("警告", "warning"),
        };
        // A problem with the file as a whole has no line to point at.
        if self.line == 0 {
            return write!(f, "{}: {kind}: {}", self.file, self.message);
        }
        write!(
            f,
            "{}:{}:{}: {kind}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

/// The nearest of `candidates` to `word`, if it is near enough to be what was meant.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::normalized_damerau_levenshtein(word, c);
        if score >= 0.6 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c)
}

/// ` (did you mean `x`?)` / `（是否想输入 `x`？）`, or nothing.
pub fn suggestion<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(word, candidates)
        .map(|c| crate::tr!("（是否想输入 `{c}`？）", " (did you mean `{c}`?)"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_near_names_only() {
        let ids = ["unemployment-rate-urban-surveyed", "life-expectancy"];
        assert_eq!(
            did_you_mean("life-expectency", ids),
            Some("life-expectancy")
        );
        assert_eq!(did_you_mean("zzz", ids), None);
        assert_eq!(did_you_mean("诸暨", ["诸暨市", "瑞安市"]), Some("诸暨市"));
    }
}
