//! Escaping: any string, as element text and as attribute value, comes back exactly through an
//! XML parser (after dropping the characters XML forbids, as documented), and the output is
//! always well-formed, whatever names the escape hatches are given.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is a failed test.

#[path = "twiml/common/mod.rs"]
mod common;

use proptest::prelude::*;
use twilio_api_runtime::twiml::*;

/// What a value becomes: the characters XML 1.0 forbids are dropped.
fn cleaned(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            !matches!(c,
                '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
        })
        .collect()
}

/// Strings rich in what matters: markup characters, whitespace, control and non-characters,
/// references, CDATA ends, non-ASCII; plus any string at all.
fn tricky() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("&".to_owned()),
        Just("<".to_owned()),
        Just(">".to_owned()),
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just("\t".to_owned()),
        Just("\n".to_owned()),
        Just("\r".to_owned()),
        Just("\r\n".to_owned()),
        Just(" ".to_owned()),
        Just("]]>".to_owned()),
        Just("&amp;".to_owned()),
        Just("&#13;".to_owned()),
        Just("<!--".to_owned()),
        Just("\u{0}".to_owned()),
        Just("\u{1}".to_owned()),
        Just("\u{B}".to_owned()),
        Just("\u{1F}".to_owned()),
        Just("\u{7F}".to_owned()),
        Just("\u{85}".to_owned()),
        Just("\u{2028}".to_owned()),
        Just("\u{FFFE}".to_owned()),
        Just("\u{FFFF}".to_owned()),
        Just("é😀".to_owned()),
        "[a-z]{0,3}",
        any::<char>().prop_map(String::from),
    ];
    prop_oneof![
        proptest::collection::vec(piece, 0..12).prop_map(|v| v.concat()),
        any::<String>(),
    ]
}

fn say_of(xml: &str) -> (String, String) {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("{e}: {xml:?}"));
    let say = doc.root_element().first_element_child().unwrap();
    let text: String = say.children().filter_map(|c| c.text()).collect();
    (text, say.attribute("voice").unwrap_or_default().to_owned())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn text_and_attribute_round_trip(text in tricky(), value in tricky()) {
        let xml = VoiceResponse::new().say(Say::new(text.clone()).voice(value.as_str())).to_string();
        let (got_text, got_value) = say_of(&xml);
        prop_assert_eq!(got_text, cleaned(&text));
        prop_assert_eq!(got_value, cleaned(&value));
    }

    #[test]
    fn escape_hatches_round_trip(text in tricky(), value in tricky(), more in tricky()) {
        // .attr() values, .text() mixed content and a generic element's text and attribute.
        let xml = VoiceResponse::new()
            .text(text.clone())
            .push(GenericElement::new("X").attr("a", value.clone()).text(more.clone()))
            .text(value.clone())
            .to_string();
        let doc = roxmltree::Document::parse(&xml).unwrap_or_else(|e| panic!("{e}: {xml:?}"));
        let root = doc.root_element();
        let x = root.first_element_child().unwrap();
        prop_assert_eq!(x.attribute("a").unwrap(), cleaned(&value));
        prop_assert_eq!(x.text().unwrap_or_default(), cleaned(&more));
        let outside: Vec<String> = root
            .children()
            .filter(|c| c.is_text())
            .map(|c| c.text().unwrap_or_default().to_owned())
            .collect();
        let mut want = Vec::new();
        for s in [cleaned(&text), cleaned(&value)] {
            if !s.is_empty() {
                want.push(s);
            }
        }
        prop_assert_eq!(outside, want);
    }

    #[test]
    fn any_names_stay_well_formed(name in tricky(), attr in tricky(), value in tricky()) {
        // Names with a colon may need a namespace declaration (documented), and `xml…`/
        // `xmlns` names are reserved: leave those out; everything else must parse.
        prop_assume!(!name.contains(':') && !attr.contains(':'));
        prop_assume!(!attr.to_ascii_lowercase().starts_with("xmlns"));
        let xml = MessagingResponse::new()
            .push(GenericElement::new(name).attr(attr, value.clone()))
            .message(Message::new().attr("x", value))
            .to_string();
        prop_assert!(roxmltree::Document::parse(&xml).is_ok(), "{:?}", xml);
    }
}

#[test]
fn forbidden_characters_are_dropped_and_carriage_returns_kept() {
    let xml = VoiceResponse::new()
        .say("a\u{0}b\u{1}\r\nc\u{FFFF}")
        .to_xml_without_declaration();
    assert_eq!(xml, "<Response><Say>ab&#13;\nc</Say></Response>");
    let only_forbidden = VoiceResponse::new()
        .say("\u{1}\u{2}")
        .to_xml_without_declaration();
    assert_eq!(only_forbidden, "<Response><Say/></Response>");
    let attr = Play::new().digits("1\t2\n3\r\"4\"<>&'").to_string();
    assert_eq!(
        attr,
        r#"<Play digits="1&#9;2&#10;3&#13;&quot;4&quot;&lt;&gt;&amp;'"/>"#
    );
    common::tree(&attr);
}
