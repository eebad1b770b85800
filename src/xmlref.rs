//! The text an XML entity reference stands for. quick-xml hands `&amp;` and `&#37;` over as
//! events of their own, and every reader of an Office part (extract's .docx, .odt and .xlsx,
//! check's sheet scan) turns them into their characters alike: here, once.

/// The characters of a character reference (`&#37;`, `&#x4E07;`) or a predefined entity
/// (`&amp;`); `None` for any other entity (a document's own, which no Office part declares).
pub(crate) fn text(r: &quick_xml::events::BytesRef<'_>) -> Result<Option<String>, String> {
    match r.resolve_char_ref() {
        Ok(Some(c)) => Ok(Some(c.to_string())),
        Ok(None) => Ok(quick_xml::escape::resolve_predefined_entity(r).map(str::to_string)),
        Err(e) => Err(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use quick_xml::events::BytesRef;

    #[test]
    fn references() {
        for (name, want) in [
            ("amp", Ok(Some("&"))),
            ("lt", Ok(Some("<"))),
            ("#37", Ok(Some("%"))),
            ("#x4E07", Ok(Some("万"))),
            ("nbsp", Ok(None)),
        ] {
            let got = super::text(&BytesRef::new(name));
            assert_eq!(got.as_ref().map(|o| o.as_deref()), want, "{name}");
        }
        assert!(super::text(&BytesRef::new("#xZZ")).is_err());
    }
}
