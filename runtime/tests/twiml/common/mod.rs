//! Helpers shared by the integration tests: structural comparison through roxmltree.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is a failed test.
#![allow(dead_code)]

use std::collections::BTreeMap;

/// One parsed node: an element (namespace, name, attributes, children) or a text.
#[derive(Debug, PartialEq, Eq)]
pub enum Tree {
    Element {
        name: (Option<String>, String),
        attributes: BTreeMap<(Option<String>, String), String>,
        children: Vec<Tree>,
    },
    Text(String),
}

fn convert(node: roxmltree::Node<'_, '_>) -> Tree {
    let name = (
        node.tag_name().namespace().map(str::to_owned),
        node.tag_name().name().to_owned(),
    );
    let attributes = node
        .attributes()
        .map(|a| {
            (
                (a.namespace().map(str::to_owned), a.name().to_owned()),
                a.value().to_owned(),
            )
        })
        .collect();
    let children = node
        .children()
        .filter_map(|c| {
            if c.is_element() {
                Some(convert(c))
            } else if c.is_text() {
                Some(Tree::Text(c.text().unwrap_or("").to_owned()))
            } else {
                None
            }
        })
        .collect();
    Tree::Element {
        name,
        attributes,
        children,
    }
}

/// Parses a document (panicking with the input if it is not well-formed) into a [`Tree`].
pub fn tree(xml: &str) -> Tree {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}: {xml}"));
    convert(doc.root_element())
}

/// Asserts that two documents are the same tree (attribute order and `<X/>` vs `<X />`
/// ignored), and that both start with the same XML declaration.
pub fn assert_same_tree(ours: &str, expected: &str) {
    assert_eq!(
        tree(ours),
        tree(expected),
        "\nours:     {ours}\nexpected: {expected}"
    );
    let decl = r#"<?xml version="1.0" encoding="UTF-8"?>"#;
    assert_eq!(ours.starts_with(decl), expected.starts_with(decl), "{ours}");
}

/// Python writes `<X />`; this module writes `<X/>`, so Python vectors are compared after
/// this one substitution (and structurally).
pub fn python_to_ours(expected: &str) -> String {
    expected.replace(" />", "/>")
}
