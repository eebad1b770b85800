//! Figures as OCR reads them from a scanned page: `O` (or the ideograph `〇`) for `0` and `l` or
//! `I` for `1` inside a number (`6O%`, `2O27年`, `2〇27年`, `4.l%`, `ll80元`, `l.2万个`). Read as the digits they stand for, so
//! that `extract` reads the figure and `validate` finds the corrected quote in the source.
//!
//! Why only inside numbers: a letter among digits, with no other Latin letter next to it, is no
//! word of a Chinese plan (`PM2.5`, `5G`, `ICP` keep theirs). Nor is an `O` that would make a
//! number start with a zero before a digit: no figure is printed so, while a chemical formula or a
//! code is (`臭氧(O3)浓度`, `O2O`). Each letter becomes one digit, so a text keeps its length.
//!
//! tesseract's Chinese model prints a space between every two characters (`每 千 人 口 拥 有 3 岁
//! 以 下`), digit runs whole; a reader who knows it reads the words and the figures as printed, and
//! the slips such a page has as the signs they stand for ([`spaced`]): `9/6` for `%`, `一` for a
//! dash between years, `74，600`, a ruled table's rule read as `I` or `]` or lost at a row's
//! start. Only a document most of whose lines are spaced so is read this way: a letter-spaced title
//! in a typed document (`附 件`) changes nothing, and nor does a `9/6` anywhere else.

/// Whether `c` may be an OCR'd digit or is one, or a figure's point as OCR prints it. Full-width
/// digits count: a scan's engine may print some digits of one figure full-width (`５I`, `9７`).
pub(crate) fn digitish(c: char) -> bool {
    is_digit(c) || matches!(c, 'O' | 'o' | 'l' | 'I' | '.' | '〇') || MIDDLE_DOTS.contains(&c)
}

/// A digit, ASCII or full-width.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The dots some OCR engines (an OFD reader's 文字识别 among them) print for a figure's decimal
/// point (`3·4个`, `O·8万套`): the middle dot, the katakana middle dot, the bullet operator.
/// Between two digits no Chinese plan prints one for anything else (a name's `·` stands between
/// words), so there it is the point.
const MIDDLE_DOTS: [char; 3] = ['·', '・', '∙'];

/// Whether the ideographic full stop at `k` is a figure's point an OCR engine's Chinese mode
/// read as `。` (`3。1个`, `98。3`, `85。5%`): one to three digits before it, one or two after,
/// and after those no digit, no date's or count's word (`年月日号时次期`) and no list's mark
/// (`、`, `.`, `）`). A sentence that ends on a figure and starts the next with one is left
/// (`达到95%。2025年`, `提高到95。12月底前`, `完成3。2、健全`): a year has four digits, a day its
/// word, an item its mark.
fn full_stop_point(chars: &[char], k: usize) -> bool {
    let digit = |c: &char| is_digit(*c) || matches!(c, 'O' | 'l' | 'I' | '〇');
    let before = chars[..k].iter().rev().take_while(|c| digit(c)).count();
    let after = chars[k + 1..].iter().take_while(|c| digit(c)).count();
    let real = |r: &[char]| r.iter().any(|c| is_digit(*c));
    (1..=3).contains(&before)
        && (1..=2).contains(&after)
        && real(&chars[k - before..k])
        && real(&chars[k + 1..k + 1 + after])
        && chars[..k - before]
            .last()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || *c == '.'))
        && chars.get(k + 1 + after).is_none_or(|c| {
            !"年月日号时次期、.．)）。,，".contains(*c) && !c.is_ascii_alphanumeric()
        })
}

/// The text with the letters OCR put for digits inside numbers read as digits, and a figure's
/// point read as `。` ([`full_stop_point`]) as the point; None when there are none.
pub(crate) fn digits(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = chars.clone();
    let mut changed = false;
    for k in 0..chars.len() {
        if chars[k] == '。' && full_stop_point(&chars, k) {
            out[k] = '.';
            changed = true;
        }
    }
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
        let has_digit = run.iter().any(|c| is_digit(*c));
        // The ideograph zero among Arabic digits is a scan's too (`2〇27年`, `２〇27年`): no
        // Chinese numeral stands beside an Arabic digit (`二〇二三年` has none).
        let has_letter = run.iter().any(|c| c.is_ascii_alphabetic() || *c == '〇');
        let point = |c: &char| *c == '.' || MIDDLE_DOTS.contains(c);
        // A middle dot inside the run is a figure's point (`3·4`, not `3·` before a word): each
        // of them, since the quote check reads a row's figures without the spaces between them
        // (`3·63·94·I`); not a date's (`2023·10·08`) nor a named day's in quotes (`“5·12”`).
        let dots_inside = run.len() > 2
            && run[1..run.len() - 1]
                .iter()
                .any(|c| MIDDLE_DOTS.contains(c));
        let date = run.iter().filter(|c| point(c)).count() >= 2
            && run.iter().take_while(|c| !point(c)).count() == 4
            && matches!(run[..2], ['1' | 'l' | 'I', '9'] | ['2', '0' | 'O' | 'o']);
        let named_day = start
            .checked_sub(1)
            .is_some_and(|k| matches!(chars[k], '“' | '"' | '「'))
            && chars.get(i).is_some_and(|c| matches!(c, '”' | '"' | '」'));
        let dot_inside = dots_inside && !date && !named_day;
        // `O3` as `03`: no number starts so (`O.5` and `O·5` as `0.5` do).
        let leading_zero =
            matches!(run.first(), Some('O' | 'o' | '〇')) && run.get(1).is_some_and(|c| !point(c));
        if has_digit
            && (has_letter || dot_inside)
            && !leading_zero
            && !letter_next(start.checked_sub(1).and_then(|k| chars.get(k)))
            && !letter_next(chars.get(i))
        {
            for k in start..i {
                let between =
                    k > start && k + 1 < i && !point(&chars[k - 1]) && !point(&chars[k + 1]);
                out[k] = match chars[k] {
                    'O' | 'o' | '〇' => '0',
                    'l' | 'I' => '1',
                    c if dot_inside && between && MIDDLE_DOTS.contains(&c) => '.',
                    c => c,
                };
                changed |= out[k] != chars[k];
            }
        }
    }
    changed.then(|| out.into_iter().collect())
}

/// Whether `c` is a CJK ideograph.
fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// Whether a line is printed a space between every two characters: most of its ideographs are
/// followed by one space and a character, few by another ideograph.
fn spaced_line(line: &str) -> bool {
    let chars: Vec<char> = line.chars().collect();
    let (mut apart, mut together) = (0, 0);
    for (k, c) in chars.iter().enumerate() {
        if !is_cjk(*c) {
            continue;
        }
        match (chars.get(k + 1), chars.get(k + 2)) {
            (Some(' '), Some(n)) if !n.is_whitespace() => apart += 1,
            (Some(n), _) if is_cjk(*n) => together += 1,
            _ => {}
        }
    }
    apart >= 4 && apart >= 3 * together
}

/// A document as tesseract printed it, read as the page shows it: a space between every two
/// characters dropped (not between two Latin letters or digits, nor at a table's rule), a ruled
/// table's rules read as rules, and OCR's slips in figures read as the signs they stand for.
/// None for a document that is not spaced so (fewer than half its lines of words), or unchanged.
/// Lines are kept as they are: a line of the result is the line of the source.
pub(crate) fn spaced(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.split('\n').collect();
    let worded = lines
        .iter()
        .filter(|l| l.chars().filter(|c| is_cjk(*c)).count() >= 4)
        .count();
    let apart = lines.iter().filter(|l| spaced_line(l)).count();
    if apart < 3 || apart * 2 < worded {
        return None;
    }
    // The rules of the table's first row (its header): how many a row of it has.
    let mut width: Option<usize> = None;
    let mut out = Vec::with_capacity(lines.len());
    for line in &lines {
        let row = ruled_row(line, width);
        let rules = row.matches('|').count();
        if rules >= 3 {
            width.get_or_insert(rules);
        } else if !line.trim().is_empty() {
            width = None;
        }
        out.push(slips(&unspaced(&row)));
    }
    let out = out.join("\n");
    (out != text).then_some(out)
}

/// A ruled table's row as the page prints it: a rule read as a sign (`岁 I 83.6`, `9/6 ] 57`: a
/// lone `I`, `[`, `]` or `丨` where no rule stands next to it) is a rule, and so is a lone `l` or
/// a `!` (an empty cell's rule too) where the row has that many rules fewer than its table's
/// first row (`width`; elsewhere an `l` is a figure's 1 or a word's); a row's first or last rule that was not read is restored (both,
/// where the row has two fewer); a cell of `一` alone is the dash of no data (`—`, not the
/// numeral one), and a cell of single digits apart (`8 8`) one number. A line with fewer than
/// three rules is no row.
fn ruled_row(line: &str, width: Option<usize>) -> String {
    let mut tokens: Vec<&str> = line.split(' ').collect();
    let rules = |t: &[&str]| t.iter().map(|t| t.matches('|').count()).sum::<usize>();
    if rules(&tokens) < 2 {
        return line.to_string();
    }
    let lone = |tokens: &[&str], k: usize, signs: &[&str]| {
        let beside = |j: Option<usize>| j.and_then(|j| tokens.get(j)).is_some_and(|t| *t == "|");
        signs.contains(&tokens[k]) && !beside(k.checked_sub(1)) && !beside(Some(k + 1))
    };
    for k in 0..tokens.len() {
        if lone(&tokens, k, &["I", "[", "]", "丨"]) {
            tokens[k] = "|";
        }
    }
    if rules(&tokens) < 3 {
        return line.to_string();
    }
    let joined = tokens.join(" ");
    let (starts, ends) = (joined.trim().starts_with('|'), joined.trim().ends_with('|'));
    let edges = usize::from(!starts) + usize::from(!ends);
    let missing = width.map_or(0, |w| w.saturating_sub(rules(&tokens) + edges));
    // `!` is no word's nor figure's, beside a rule too (an empty cell's rule read so).
    let letters: Vec<usize> = (0..tokens.len())
        .filter(|k| lone(&tokens, *k, &["l"]) || tokens[*k] == "!")
        .collect();
    if missing > 0 && letters.len() == missing {
        for k in letters {
            tokens[k] = "|";
        }
    }
    let mut row = tokens.join(" ");
    match (starts, ends) {
        (false, true) => row = format!("| {row}"),
        (true, false) => row = format!("{row} |"),
        (false, false) if width == Some(rules(&tokens) + 2) => row = format!("| {row} |"),
        _ => {}
    }
    row.split('|')
        .map(|cell| {
            let t = cell.trim();
            if t == "一" {
                cell.replace('一', "—")
            } else if t.contains(' ') && t.chars().all(|c| c.is_ascii_digit() || c == ' ') {
                format!(" {} ", t.replace(' ', ""))
            } else {
                cell.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// The line without the spaces OCR put between characters: a single space goes unless it stands
/// between two Latin letters or digits (two figures, a word) or beside a rule; a wider gap (a
/// layout's column) stays.
fn unspaced(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let word = |c: char| c.is_ascii_alphanumeric() || c == '.';
    chars
        .iter()
        .enumerate()
        .filter(|&(k, &c)| {
            let (Some(&a), Some(&b)) = (k.checked_sub(1).map(|p| &chars[p]), chars.get(k + 1))
            else {
                return true;
            };
            let between = !a.is_whitespace() && !b.is_whitespace();
            let kept = word(a) && word(b) || a == '|' || b == '|';
            c != ' ' || !between || kept
        })
        .map(|(_, c)| *c)
        .collect()
}

/// OCR's slips in figures, read as what the page prints: `9/6` for `%` after a figure or as a
/// cell of its own (`9O9/6`, `| 9/6 |`; a date's `2023/9/6` keeps it), a full-width comma
/// between thousands (`74，600`), `一` for a dash between two figures (`2023一2027年`), and a lone
/// `l` before a measure word (`建成l家`) the digit one.
fn slips(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let digitish =
        |c: Option<&char>| c.is_some_and(|c| c.is_ascii_digit() || matches!(c, 'O' | 'l'));
    let edge = |c: Option<&char>| c.is_none_or(|c| c.is_whitespace() || *c == '|');
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k];
        let prev = k.checked_sub(1).and_then(|p| chars.get(p));
        if c == '9' && chars.get(k + 1) == Some(&'/') && chars.get(k + 2) == Some(&'6') {
            let next = chars.get(k + 3);
            let ends = next.is_none_or(|n| !n.is_ascii_digit() && *n != '/');
            let figure = digitish(prev) && prev != Some(&'/');
            if ends && (figure || edge(prev) && edge(next)) {
                out.push('%');
                k += 3;
                continue;
            }
        }
        let between_digits = prev.is_some_and(char::is_ascii_digit)
            && chars.get(k + 1).is_some_and(char::is_ascii_digit);
        if c == '，'
            && between_digits
            && chars.len() >= k + 4
            && chars[k + 1..k + 4].iter().all(char::is_ascii_digit)
            && chars.get(k + 4).is_none_or(|n| !n.is_ascii_digit())
        {
            out.push(',');
        } else if c == '一' && between_digits {
            out.push('—');
        } else if c == 'l'
            && prev.is_some_and(|p| is_cjk(*p))
            && crate::unit::unit_prefix_len(&chars[k + 1..].iter().take(8).collect::<String>())
                .is_some()
            && chars.get(k + 1).is_some_and(|n| is_cjk(*n))
        {
            out.push('1');
        } else {
            out.push(c);
        }
        k += 1;
    }
    out
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
            // The ideograph zero among digits, full-width digits beside it (a desktop OCR's
            // `２〇27年`); Chinese numerals and a 〇 alone or leading keep theirs.
            (
                "（2O23—2〇27年）,到２〇27年,75〇〇套",
                Some("（2023—2027年）,到２027年,7500套"),
            ),
            ("二〇二三年,〇号,〇5,甲〇乙", None),
        ];
        for (text, want) in cases {
            assert_eq!(digits(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_middle_dot_ocr_put_for_the_point() {
        let cases = [
            ("托位数3·4个", Some("托位数3.4个")),
            ("1·38万人,O·8万套,4·I人", Some("1.38万人,0.8万套,4.1人")),
            ("96・2% 4∙5个", Some("96.2% 4.5个")),
            // Full-width digits and letters in one figure: the letters are read (the digits
            // stay full-width for the later fold).
            ("５I ≥6O", Some("５1 ≥60")),
            // A row's figures as the quote check reads them, without the spaces between them.
            ("万人I·38I·2I·2", Some("万人1.381.21.2")),
            ("3·63·94·I", Some("3.63.94.1")),
            // Near misses: a dot before or after the digits, a name's dot, a date, a named day,
            // two dots together, none.
            ("第3·", None),
            ("·5G", None),
            ("习近平·3", None),
            ("2023·10·08", None),
            ("2O23·1O·O8", Some("2023·10·08")),
            ("“5·12”护士节", None),
            ("3··4", None),
            ("达到3.4个", None),
            ("9７％", None),
        ];
        for (text, want) in cases {
            assert_eq!(digits(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn a_full_stop_ocr_put_for_the_point() {
        let cases = [
            ("托位数达到3。1个", Some("托位数达到3.1个")),
            ("98。3　　＞98.6", Some("98.3　　＞98.6")),
            ("占比85。5%，", Some("占比85.5%，")),
            // With a letter for a digit, both are read.
            ("9O。2", Some("90.2")),
            // Near misses: a sentence's end before a year, a month, a list's item, a count's
            // word; four digits before; a figure's end with nothing after; a code.
            ("达到95%。2025年", None),
            ("达到95。2025年", None),
            ("提高到95。12月底前", None),
            ("完成3。2、健全", None),
            ("达到3。1次", None),
            ("合计1080。5", None),
            ("达到95。", None),
            ("A3。1", None),
        ];
        for (text, want) in cases {
            assert_eq!(digits(text).as_deref(), want, "{text}");
        }
    }

    /// A page of tesseract's spaced text: four spaced lines and the line under test.
    fn page(line: &str) -> String {
        let spaced = "为 高 质 量 推 进 公 共 服 务 工 程 ， 制 定 本 方 案 。\n";
        format!("{spaced}{spaced}{spaced}{line}\n{spaced}")
    }

    #[test]
    fn a_page_tesseract_spaced() {
        let cases = [
            // Words and figures as printed; `3 岁` is part of a name, no figure apart.
            (
                "2022 年 ， 全 区 每 千 人 口 拥 有 3 岁 以 下 婴 幼 儿 托 位 数 3.4",
                "2022年，全区每千人口拥有3岁以下婴幼儿托位数3.4",
            ),
            (
                "到 2O25 年 ， 人 均 预 期 寿 命 达 到 84 岁 。",
                "到2O25年，人均预期寿命达到84岁。",
            ),
            // `9/6` after a figure is `%`, a date's is not; `一` between years a dash.
            ("县 域 就 诊 率 达 到 9O9/6 以 上", "县域就诊率达到9O%以上"),
            ("达 到 859/6", "达到85%"),
            ("于 2023/9/6 印 发", "于2023/9/6印发"),
            ("实 施 方 案 (2023 一 2027 年 )", "实施方案(2023—2027年)"),
            // `( 一 )` is a heading's numeral, a lone `l` before a measure word the digit one.
            (
                "( 一 ) 幼 有 善 育 。 至 少 建 成 l 家",
                "(一)幼有善育。至少建成1家",
            ),
            ("一 l 一", "一l一"),
            // Two figures, two Latin words stay apart.
            ("城 乡 倍 差 2.1 1.9 PM 2.5", "城乡倍差2.1 1.9 PM 2.5"),
            // A ruled row: rules misread as `I` and `]`, the first one lost, `8 8`, `一`, `9/6`,
            // `74，600`.
            (
                "| 9 | | 人 均 预 期 寿 命 | 岁 I 83.6 | 84 | 84.3 | 区 卫 健 局 |",
                "| 9 | | 人均预期寿命 | 岁 | 83.6 | 84 | 84.3 | 区卫健局 |",
            ),
            (
                "| 12 | | 护 理 型 床 位 占 比 | 9/6 ] 57 | 6O | 65 | 区 民 政 局 |",
                "| 12 | | 护理型床位占比 | % | 57 | 6O | 65 | 区民政局 |",
            ),
            (
                "6 | | 居 民 人 均 可 支 配 收 入 | 元 | 74，600 | 86，000 | 一 | 区 统 计 局 |",
                "| 6 | | 居民人均可支配收入 | 元 | 74,600 | 86,000 | — | 区统计局 |",
            ),
            (
                "| 10 | | 县 域 就 诊 率 | 9/6 | 8 8 | 9O | 92 | 区 卫 健 局 |",
                "| 10 | | 县域就诊率 | % | 88 | 9O | 92 | 区卫健局 |",
            ),
            // A rule beside a rule is an empty cell's, `I` inside a cell a word's.
            ("| 1 | I | 3.4 | I 类 |", "| 1 | I | 3.4 | I类 |"),
            (
                "| 1 | 托 位 数 丨 3.4 | 4.5 |",
                "| 1 | 托位数 | 3.4 | 4.5 |",
            ),
            // A cell that cannot be read for sure stays as printed.
            (
                "| 15 | 元 / 月 | ll65 | l3▒0 | l450 |",
                "| 15 | 元/月 | ll65 | l3▒0 | l450 |",
            ),
        ];
        for (line, want) in cases {
            let got = spaced(&page(line)).unwrap_or_else(|| panic!("{line}: not read"));
            assert_eq!(got.lines().nth(3), Some(want), "{line}");
            assert_eq!(got.lines().count(), page(line).lines().count(), "{line}");
        }
    }

    /// A rule read as `l` or `!` is one only where the row has that many rules fewer than its
    /// table's first row; a row missing both its first and last rules gets both back.
    #[test]
    fn rules_counted_by_the_first_row() {
        let spaced_page = |rows: &str| {
            let text = page(&format!(
                "| 序 号 | 指 标 名 称 | 单 位 | 2022 年 | 2025 年 |\n{rows}"
            ));
            let read = spaced(&text).unwrap();
            read.lines()
                .skip(4)
                .take(rows.lines().count())
                .map(String::from)
                .collect::<Vec<_>>()
        };
        let cases = [
            (
                "| 2 | 普 惠 托 位 占 比 l 9/6 | 56 | 65 |",
                "| 2 | 普惠托位占比 | % | 56 | 65 |",
            ),
            (
                "| 3 | 学 前 教 育 ! 9/6 | 97.6 | 98 |",
                "| 3 | 学前教育 | % | 97.6 | 98 |",
            ),
            (
                "| 3 | ! 学 前 教 育 | 97.6 | 98 |",
                "| 3 | | 学前教育 | 97.6 | 98 |",
            ),
            // A row of all its rules: `l` is a figure's 1.
            (
                "| 4 | 至 少 建 成 l 家 | 家 | 3 | 5 |",
                "| 4 | 至少建成1家 | 家 | 3 | 5 |",
            ),
            // A rule fewer and two letters: which is the rule is not sure, none is one.
            (
                "| 5 | 建 成 l 家 l 个 | 3 | 5 |",
                "| 5 | 建成1家1个 | 3 | 5 |",
            ),
            (
                "6 | 托 位 数 | 个 | 3.4 | 4.5",
                "| 6 | 托位数 | 个 | 3.4 | 4.5 |",
            ),
        ];
        for (row, want) in cases {
            assert_eq!(spaced_page(row), [want], "{row}");
        }
    }

    #[test]
    fn only_a_spaced_page_is_read_so() {
        let typed = [
            // A typed page with a letter-spaced title: nothing changes, `9/6` and `一` included.
            "附 件\n到2025年，县域就诊率达到90%以上。\n于2023/9/6印发，方案(2023一2027年)。\n",
            "目 录 一 二 三 四 五\n每千人口拥有3岁以下婴幼儿托位数4.5个。\n| 1 | 托位数 | 3.4 | 4.5 |\n",
            // Two spaced lines among many typed ones are a typed page's.
            "关 于 印 发 实 施 方 案 的 通 知\n公 共 服 务 七 优 享 工 程\n普惠托位占比达到65%。\n学前教育普及普惠率达到98%。\n城镇调查失业率控制在5%以内。\n",
            "",
        ];
        for t in typed {
            assert_eq!(spaced(t), None, "{t}");
        }
        // A spaced page is read once: what it gives reads the same again.
        let once = spaced(&page("达 到 859/6 ， 74，600")).unwrap();
        assert_eq!(spaced(&once), None);
    }
}
