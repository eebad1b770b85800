//! Which Unicode encoding a file's bytes are in when it does not say: shared by the actuals
//! reader and `extract`, so that a sheet and a plan document saved by the same tool are read
//! alike. Both once had a rule of their own, and the actuals' refused UTF-16 whose text held
//! `一` (U+4E00, a zero byte on the other side of its pair).

/// How much of a file's start [`utf16_unmarked`] looks at: enough pairs that one side's zeros
/// are a clear majority, little enough to read before deciding how to read the rest.
pub(crate) const HEAD: usize = 4096;

/// UTF-16 without a byte-order mark (what `iconv -t UTF-16LE` and some exports write). UTF-8 and
/// GB18030 text has no zero byte at all; UTF-16 has one in every ASCII character (digits, commas,
/// line ends, spaces), on the same side of each pair: the second byte in UTF-16LE. A few Chinese
/// characters have a zero byte too (`一` is U+4E00: one in 256 of them, on the other side), so
/// the side holding four in five of the zeros or more, and enough of them, says which it is — a
/// sheet of `一、…` headings still has far more digits and commas; a pair of two zeros (U+0000)
/// says nothing.
pub(crate) fn utf16_unmarked(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(HEAD) & !1];
    let pairs = head.len() / 2;
    let zeros = |side: usize| {
        head.chunks_exact(2)
            .filter(|p| p[side] == 0 && p[1 - side] != 0)
            .count()
    };
    let (first, second) = (zeros(0), zeros(1));
    let one_side = |a: usize, b: usize| a >= 2 && a * 16 >= pairs && b * 4 <= a;
    if one_side(second, first) {
        Some(encoding_rs::UTF_16LE)
    } else if one_side(first, second) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn le(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }
    fn be(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    #[test]
    fn the_side_of_the_zero_bytes_names_the_encoding() {
        let le16 = Some(encoding_rs::UTF_16LE);
        let be16 = Some(encoding_rs::UTF_16BE);
        let cases: &[(&str, Vec<u8>, Option<&'static encoding_rs::Encoding>)] = &[
            (
                "a CSV, little-endian",
                le("地区,指标,年份,数值\n诸暨市,托位,2024,66\n"),
                le16,
            ),
            (
                "a CSV, big-endian",
                be("地区,指标,年份,数值\n诸暨市,托位,2024,66\n"),
                be16,
            ),
            // `一` puts a zero on the other side; the ASCII majority still decides.
            (
                "一 in a little-endian sheet",
                le("一般公共预算,2024,1.2\n一、幼有善育,2025,3\n"),
                le16,
            ),
            (
                "一 in a big-endian document",
                be("一、幼有善育\n到2027年，达到5.55个以上。\n"),
                be16,
            ),
            // Mostly Chinese prose: a few figures among the characters are enough.
            (
                "prose",
                le("到2027年，每千人口拥有婴幼儿托位数达到5.55个以上。\n"),
                le16,
            ),
            ("UTF-8", "地区,指标\n诸暨市,66\n".as_bytes().to_vec(), None),
            (
                "GBK",
                encoding_rs::GBK
                    .encode("地区,指标\n诸暨市,66\n")
                    .0
                    .into_owned(),
                None,
            ),
            ("a stray NUL in UTF-8", b"a,b\n1,\x002\n".to_vec(), None),
            ("NUL pairs only", vec![0; 64], None),
            ("zeros on both sides alike", [0u8, 1, 2, 0].repeat(20), None),
            ("empty", Vec::new(), None),
            ("one byte", vec![0], None),
        ];
        for (what, bytes, want) in cases {
            assert_eq!(utf16_unmarked(bytes), *want, "{what}");
        }
    }
}
