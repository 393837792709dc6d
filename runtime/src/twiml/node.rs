//! The one tree every builder wraps: a name, sorted attributes and mixed content.
//!
//! Typed builders are thin newtypes over [`Node`]; all checking happens in their signatures,
//! so there is a single writer and no per-element serialisation code.

use std::borrow::Cow;

/// One element: its XML name, its attributes sorted by name, and its content in call order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Node {
    pub(crate) name: Cow<'static, str>,
    /// Sorted by name (byte order, which is code-point order); names are unique.
    pub(crate) attrs: Vec<(Cow<'static, str>, String)>,
    /// Never holds an empty text, nor two texts in a row.
    pub(crate) content: Vec<Content>,
}

/// One piece of an element's content.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Content {
    Text(String),
    Element(Node),
}

impl Node {
    /// An empty element with a name known to be a valid XML name.
    pub(crate) const fn named(name: &'static str) -> Self {
        Node {
            name: Cow::Borrowed(name),
            attrs: Vec::new(),
            content: Vec::new(),
        }
    }

    /// An empty element with a caller's name, made a valid XML name (see [`xml_name`]).
    pub(crate) fn named_owned(name: String) -> Self {
        Node {
            name: xml_name(name),
            attrs: Vec::new(),
            content: Vec::new(),
        }
    }

    /// An element holding `text` (nothing if `text` is empty).
    pub(crate) fn with_text(name: &'static str, text: String) -> Self {
        let mut node = Node::named(name);
        node.push_text(text);
        node
    }

    /// Sets a typed attribute; a second call replaces the first value.
    pub(crate) fn set_attr(&mut self, name: &'static str, value: String) {
        self.set(Cow::Borrowed(name), value);
    }

    /// Sets an attribute named by the caller (escape hatch), made a valid XML name.
    pub(crate) fn set_attr_owned(&mut self, name: String, value: String) {
        self.set(xml_name(name), value);
    }

    fn set(&mut self, name: Cow<'static, str>, value: String) {
        let value = clean(value);
        match self
            .attrs
            .binary_search_by(|(k, _)| k.as_ref().cmp(name.as_ref()))
        {
            Ok(i) => {
                if let Some(slot) = self.attrs.get_mut(i) {
                    slot.1 = value;
                }
            }
            Err(i) => self.attrs.insert(i, (name, value)),
        }
    }

    /// Appends text after what is already there (merged with a text just before it).
    pub(crate) fn push_text(&mut self, text: String) {
        let text = clean(text);
        if text.is_empty() {
            return;
        }
        match self.content.last_mut() {
            Some(Content::Text(last)) => last.push_str(&text),
            _ => self.content.push(Content::Text(text)),
        }
    }

    /// Appends a child element.
    pub(crate) fn push_node(&mut self, node: Node) {
        self.content.push(Content::Element(node));
    }
}

/// Turns a builder into its [`Node`]. Sealed: it lives in a private module, so only this
/// module's types implement it, which keeps [`ChildOf`](super::ChildOf) closed.
pub trait IntoNode {
    /// The element as a tree.
    fn into_node(self) -> Node;
}

/// A value written into an attribute by a typed setter.
pub(crate) trait AttrText {
    fn into_attr_text(self) -> String;
}

impl AttrText for u32 {
    fn into_attr_text(self) -> String {
        self.to_string()
    }
}

impl AttrText for bool {
    fn into_attr_text(self) -> String {
        String::from(if self { "true" } else { "false" })
    }
}

impl AttrText for String {
    fn into_attr_text(self) -> String {
        self
    }
}

/// Joins list values with one space, as Twilio reads list attributes.
pub(crate) fn join<T: AttrText>(values: impl IntoIterator<Item = T>) -> String {
    let mut out = String::new();
    for (i, value) in values.into_iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&value.into_attr_text());
    }
    out
}

/// True for the characters XML 1.0 forbids anywhere in a document, even as references.
pub(crate) fn forbidden(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}'
    )
}

/// Drops the characters XML forbids (see the module docs); allocates only if there are any.
pub(crate) fn clean(text: String) -> String {
    if text.chars().any(forbidden) {
        text.chars().filter(|&c| !forbidden(c)).collect()
    } else {
        text
    }
}

fn name_start(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

fn name_char(c: char) -> bool {
    name_start(c)
        || matches!(c,
            '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// Makes a caller's element or attribute name a valid XML `Name`: every character XML does
/// not allow there becomes `_` (a first character allowed only later, such as a digit, gets
/// a `_` put before it), and an empty name becomes `_`.
pub(crate) fn xml_name(name: String) -> Cow<'static, str> {
    let mut chars = name.chars();
    let valid = match chars.next() {
        Some(first) => name_start(first) && chars.all(name_char),
        None => false,
    };
    if valid {
        return Cow::Owned(name);
    }
    let mut out = String::with_capacity(name.len() + 1);
    for (i, c) in name.chars().enumerate() {
        if i == 0 && !name_start(c) {
            out.push('_');
            if name_char(c) {
                out.push(c);
            }
        } else if name_char(c) {
            out.push(c);
        } else {
            out.push('_');
        }
    }
    if out.is_empty() {
        out.push('_');
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_made_valid() {
        assert_eq!(xml_name("statusCallback".into()), "statusCallback");
        assert_eq!(xml_name("xml:lang".into()), "xml:lang");
        assert_eq!(xml_name(String::new()), "_");
        assert_eq!(xml_name("1a".into()), "_1a");
        assert_eq!(xml_name("a b\"c".into()), "a_b_c");
        assert_eq!(xml_name(" ".into()), "_");
    }

    #[test]
    fn attributes_stay_sorted_and_last_wins() {
        let mut n = Node::named("X");
        n.set_attr("b", "1".into());
        n.set_attr("a", "2".into());
        n.set_attr_owned("C".into(), "3".into());
        n.set_attr("b", "4".into());
        let got: Vec<_> = n
            .attrs
            .iter()
            .map(|(k, v)| (k.as_ref(), v.as_str()))
            .collect();
        assert_eq!(got, [("C", "3"), ("a", "2"), ("b", "4")]);
    }

    #[test]
    fn texts_merge_and_empty_is_dropped() {
        let mut n = Node::named("X");
        n.push_text(String::new());
        n.push_text("a\u{1}".into());
        n.push_text("b".into());
        assert_eq!(n.content, [Content::Text("ab".into())]);
    }
}
