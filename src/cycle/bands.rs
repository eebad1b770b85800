//! Lights (绿灯 / 黄灯 / 红灯) and the bands that decide them: how many percentage points of the
//! required progress a value may be behind its schedule before it turns yellow, and red. The
//! bands come from `--bands YELLOW,RED`, else from a project file `qyx.toml` beside the actuals,
//! else the defaults (10 and 30, the common rule in 序时进度 reviews).

use rust_decimal::Decimal;
use serde::Serialize;
use std::path::Path;

/// The light of a judged row.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Light {
    Red,
    Yellow,
    Green,
}

impl Light {
    pub fn name(self, en: bool) -> &'static str {
        match (self, en) {
            (Light::Green, false) => "绿灯",
            (Light::Yellow, false) => "黄灯",
            (Light::Red, false) => "红灯",
            (Light::Green, true) => "green",
            (Light::Yellow, true) => "yellow",
            (Light::Red, true) => "red",
        }
    }
}

/// Points behind schedule: below `yellow` green, from `yellow` to `red` (both included) yellow,
/// beyond `red` red.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bands {
    pub yellow: Decimal,
    pub red: Decimal,
}

impl Default for Bands {
    fn default() -> Bands {
        Bands {
            yellow: Decimal::TEN,
            red: Decimal::from(30),
        }
    }
}

/// The project file's name, looked for beside the actuals.
pub(crate) const PROJECT_FILE: &str = "qyx.toml";

impl Bands {
    pub fn light(&self, behind: Decimal) -> Light {
        if behind < self.yellow {
            Light::Green
        } else if behind <= self.red {
            Light::Yellow
        } else {
            Light::Red
        }
    }

    fn new(yellow: Decimal, red: Decimal) -> Result<Bands, String> {
        if yellow.is_sign_negative() || red < yellow || red > Decimal::ONE_HUNDRED {
            return Err(crate::tr!(
                "色带须满足 0 ≤ yellow ≤ red ≤ 100（落后序时进度的百分点），实际 yellow {yellow}，red {red}",
                "bands must satisfy 0 ≤ yellow ≤ red ≤ 100 (points behind schedule), found yellow {yellow}, red {red}"
            ));
        }
        Ok(Bands { yellow, red })
    }

    /// `--bands 10,30`: yellow from 10 points behind, red beyond 30.
    pub fn parse_arg(s: &str) -> Result<Bands, String> {
        let parts: Vec<&str> = s.split([',', '，', '/']).map(str::trim).collect();
        let num = |t: &str| {
            t.trim_end_matches('%').parse::<Decimal>().map_err(|_| {
                crate::tr!(
                    "应为 `10,30` 这样的两个数（黄、红），却是 `{s}`",
                    "expected two numbers like `10,30` (yellow, red), found `{s}`"
                )
            })
        };
        match parts.as_slice() {
            [y, r] => Bands::new(num(y)?, num(r)?),
            _ => Err(crate::tr!(
                "应为 `10,30` 这样的两个数（黄、红），却是 `{s}`",
                "expected two numbers like `10,30` (yellow, red), found `{s}`"
            )),
        }
    }

    /// Reads `[lights] yellow = 10, red = 30` from a project file's text. Numbers are read from
    /// their text, never through a float. Errors carry `line:col`.
    pub fn from_toml(name: &str, text: &str) -> Result<Bands, String> {
        let doc: toml_edit::Document<String> = text
            .parse()
            .map_err(|e: toml_edit::TomlError| format!("{name}: {}", e.to_string().trim_end()))?;
        let mut bands = Bands::default();
        let Some(lights) = doc.get("lights") else {
            return Ok(bands);
        };
        let at = |span: Option<std::ops::Range<usize>>| {
            let off = span.map_or(0, |r| r.start).min(text.len());
            let before = &text[..off];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("{name}:{line}:{col}")
        };
        let Some(table) = lights.as_table_like() else {
            return Err(crate::tr!(
                "{}: 错误: `lights` 必须是表: [lights] 下写 yellow = 10 和 red = 30",
                "{}: error: `lights` must be a table: [lights] with yellow = 10 and red = 30",
                at(lights.span())
            ));
        };
        for (key, item) in table.iter() {
            let value = item.as_value();
            // The number as written (never through a float): the value's own span of the text.
            let repr = value.and_then(|v| match v {
                toml_edit::Value::Integer(_) | toml_edit::Value::Float(_) => v
                    .span()
                    .and_then(|r| text.get(r))
                    .map(|t| t.replace('_', "")),
                toml_edit::Value::String(s) => Some(s.value().clone()),
                _ => None,
            });
            let number = repr
                .as_deref()
                .and_then(|r| r.trim().trim_end_matches('%').parse::<Decimal>().ok());
            let Some(n) = number else {
                return Err(crate::tr!(
                    "{}: 错误: `{key}` 必须是百分点数，如 10",
                    "{}: error: `{key}` must be a number of percentage points, like 10",
                    at(item.span())
                ));
            };
            match key {
                "yellow" => bands.yellow = n,
                "red" => bands.red = n,
                other => {
                    let key_span = table.get_key_value(other).and_then(|(k, _)| k.span());
                    return Err(crate::tr!(
                        "{}: 错误: [lights] 中的未知键 `{other}`{}: 应为 yellow 或 red",
                        "{}: error: unknown key `{other}` in [lights]{}: expected yellow or red",
                        at(key_span),
                        crate::diag::suggestion(other, ["yellow", "red"])
                    ));
                }
            }
        }
        Bands::new(bands.yellow, bands.red).map_err(|e| {
            format!(
                "{}: {}: {e}",
                at(lights.span()),
                crate::i18n::pick("错误", "error")
            )
        })
    }

    /// The project file beside the first actuals path (the folder itself for a folder), if any.
    pub fn from_project(actuals: &Path) -> Result<Option<(String, Bands)>, String> {
        let dir = if actuals.is_dir() {
            actuals.to_path_buf()
        } else {
            actuals.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        let file = dir.join(PROJECT_FILE);
        if let Some(m) = crate::diag::not_a_file(&file) {
            return Err(format!("{}: {m}", file.display()));
        }
        let Ok(bytes) = std::fs::read(&file) else {
            return Ok(None);
        };
        let name = file.display().to_string();
        if bytes.len() > 1 << 20 {
            return Err(crate::tr!(
                "{name}: 错误: 大于 1 MiB",
                "{name}: error: larger than 1 MiB"
            ));
        }
        let text = String::from_utf8(bytes).map_err(|_| {
            crate::tr!(
                "{name}: 错误: 不是 UTF-8 文本",
                "{name}: error: not UTF-8 text"
            )
        })?;
        Bands::from_toml(&name, &text).map(|b| Some((name, b)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn band_edges() {
        let b = Bands::default();
        for (behind, light) in [
            (dec!(0), Light::Green),
            (dec!(9.9), Light::Green),
            (dec!(10), Light::Yellow),
            (dec!(30), Light::Yellow),
            (dec!(30.01), Light::Red),
            (dec!(100), Light::Red),
        ] {
            assert_eq!(b.light(behind), light, "{behind}");
        }
    }

    #[test]
    fn bands_from_the_command_line_and_the_project_file() {
        assert_eq!(
            Bands::parse_arg("5,20").unwrap(),
            Bands {
                yellow: dec!(5),
                red: dec!(20)
            }
        );
        assert!(
            Bands::parse_arg("30,10")
                .unwrap_err()
                .contains("yellow ≤ red")
        );
        assert!(Bands::parse_arg("10").unwrap_err().contains("10,30"));
        let b = Bands::from_toml("q.toml", "[lights]\nyellow = 7.5\nred = 25\n").unwrap();
        assert_eq!((b.yellow, b.red), (dec!(7.5), dec!(25)));
        assert_eq!(Bands::from_toml("q.toml", "").unwrap(), Bands::default());
        let e = Bands::from_toml("q.toml", "[lights]\nyelow = 5\n").unwrap_err();
        assert!(
            e.starts_with("q.toml:2:1: error: unknown key `yelow`"),
            "{e}"
        );
        assert!(e.contains("did you mean `yellow`"), "{e}");
        let e = Bands::from_toml("q.toml", "[lights]\nred = \"many\"\n").unwrap_err();
        assert!(
            e.contains("q.toml:2:7: error: `red` must be a number"),
            "{e}"
        );
        assert!(
            Bands::from_toml("q.toml", "[lights\n")
                .unwrap_err()
                .starts_with("q.toml:")
        );
    }
}
