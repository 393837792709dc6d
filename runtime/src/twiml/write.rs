//! Serialisation: one line, no whitespace, `<X/>` when empty, escaped so that a parser reads
//! back exactly what was given (see the module docs for each choice).

use std::fmt::{self, Write};

use super::node::{Content, Node};

/// The XML declaration Twilio's SDKs write before the root.
pub(crate) const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;

/// Writes a whole document: the declaration (if asked) and the root element.
pub(crate) fn document(out: &mut impl Write, root: &Node, declaration: bool) -> fmt::Result {
    if declaration {
        out.write_str(DECLARATION)?;
    }
    element(out, root)
}

/// Writes one element and everything inside it.
pub(crate) fn element(out: &mut impl Write, node: &Node) -> fmt::Result {
    out.write_char('<')?;
    out.write_str(&node.name)?;
    for (name, value) in &node.attrs {
        out.write_char(' ')?;
        out.write_str(name)?;
        out.write_str("=\"")?;
        escape(out, value, true)?;
        out.write_char('"')?;
    }
    if node.content.is_empty() {
        return out.write_str("/>");
    }
    out.write_char('>')?;
    for item in &node.content {
        match item {
            Content::Text(text) => escape(out, text, false)?,
            Content::Element(child) => element(out, child)?,
        }
    }
    out.write_str("</")?;
    out.write_str(&node.name)?;
    out.write_char('>')
}

/// Escapes `& < >` and carriage return everywhere, and `"`, tab and line feed in attribute
/// values too, so that end-of-line and attribute-value normalisation leave them as given.
/// Characters XML forbids were dropped when the value was stored; they are skipped here too.
fn escape(out: &mut impl Write, text: &str, attribute: bool) -> fmt::Result {
    let mut start = 0;
    for (i, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '\r' => "&#13;",
            '"' if attribute => "&quot;",
            '\t' if attribute => "&#9;",
            '\n' if attribute => "&#10;",
            c if super::node::forbidden(c) => "",
            _ => continue,
        };
        out.write_str(&text[start..i])?;
        out.write_str(replacement)?;
        start = i + c.len_utf8();
    }
    out.write_str(&text[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(text: &str, attribute: bool) -> String {
        let mut out = String::new();
        escape(&mut out, text, attribute).unwrap();
        out
    }

    #[test]
    fn text_escaping() {
        assert_eq!(
            esc("a&b<c>d\"e'f\tg\nh\ri", false),
            "a&amp;b&lt;c&gt;d\"e'f\tg\nh&#13;i"
        );
        assert_eq!(esc("]]>", false), "]]&gt;");
        assert_eq!(esc("é😀", false), "é😀");
    }

    #[test]
    fn attribute_escaping() {
        assert_eq!(
            esc("a&b<c>d\"e'f\tg\nh\ri", true),
            "a&amp;b&lt;c&gt;d&quot;e'f&#9;g&#10;h&#13;i"
        );
    }
}
