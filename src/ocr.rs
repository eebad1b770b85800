//! Figures as OCR reads them from a scanned page: `O` for `0` and `l` or `I` for `1` inside a
//! number (`6O%`, `2O27年`, `4.l%`, `ll80元`, `l.2万个`). Read as the digits they stand for, so
//! that `extract` reads the figure and `validate` finds the corrected quote in the source.
//!
//! Why only inside numbers: a letter among digits, with no other Latin letter next to it, is no
//! word of a Chinese plan (`PM2.5`, `5G`, `ICP` keep theirs). Nor is an `O` that would make a
//! number start with a zero before a digit: no figure is printed so, while a chemical formula or a
//! code is (`臭氧(O3)浓度`, `O2O`). Each letter becomes one digit, so a text keeps its length.

/// Whether `c` may be an OCR'd digit or is one.
fn digitish(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, 'O' | 'o' | 'l' | 'I' | '.')
}

/// The text with the letters OCR put for digits inside numbers read as digits; None when there
/// are none.
pub(crate) fn digits(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = chars.clone();
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        if !digitish(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && digitish(chars[i]) {
            i += 1;
        }
        let run = &chars[start..i];
        let letter_next = |k: Option<&char>| k.is_some_and(|c| c.is_ascii_alphabetic());
        let has_digit = run.iter().any(char::is_ascii_digit);
        let has_letter = run.iter().any(|c| c.is_ascii_alphabetic());
        // `O3` as `03`: no number starts so (`O.5` as `0.5` does).
        let leading_zero =
            matches!(run.first(), Some('O' | 'o')) && run.get(1).is_some_and(|c| *c != '.');
        if has_digit
            && has_letter
            && !leading_zero
            && !letter_next(start.checked_sub(1).and_then(|k| chars.get(k)))
            && !letter_next(chars.get(i))
        {
            for c in &mut out[start..i] {
                *c = match *c {
                    'O' | 'o' => '0',
                    'l' | 'I' => '1',
                    c => c,
                };
            }
            changed = true;
        }
    }
    changed.then(|| out.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_ocr_put_for_digits() {
        let cases = [
            ("占比达到6O%", Some("占比达到60%")),
            (
                "到2O27年,4.l%,ll80元,l.2万个,1OO%",
                Some("到2027年,4.1%,1180元,1.2万个,100%"),
            ),
            ("5.l 市卫健局 l7 2l", Some("5.1 市卫健局 17 21")),
            // Words and codes keep their letters; a letter alone is no figure.
            ("PM2.5浓度,5G基站,ICP备05006278号", None),
            ("l号楼 I类 O型", None),
            ("达到60%", None),
            // A formula or a code: no number starts with a zero before a digit.
            ("臭氧(O3)浓度下降,O2O平台,NO2,CO2,SO2,H2O", None),
            ("O3浓度 O2O", None),
            (
                "iOS17 IOS 17 iOS1O Win10 No.1 NO.1O COVID-19 H7N9 TOP10",
                None,
            ),
            ("www.gov.cn/art/2023/5/col1229l0", None),
            // An O for a leading zero before the point is one.
            // Letters alone are no number (`IO`, `lO`): a digit among them says it is one.
            ("达到O.5‰,l0个,lO个", Some("达到0.5‰,10个,lO个")),
            ("1O0%,2O23.O5", Some("100%,2023.05")),
        ];
        for (text, want) in cases {
            assert_eq!(digits(text).as_deref(), want, "{text}");
        }
    }
}
