//! The compiler, its descriptions, matching, samples and languages, on Twilio's own patterns
//! and the corner cases around them.

use super::*;

fn checked(pattern: &str) -> Matcher {
    match compile(pattern) {
        Ok(PatternCheck::Checked(matcher)) => matcher,
        other => panic!("{pattern}: {other:?}"),
    }
}

fn unchecked(pattern: &str) -> String {
    match compile(pattern) {
        Ok(PatternCheck::Unchecked { reason }) => reason,
        other => panic!("{pattern}: {other:?}"),
    }
}

fn class(ranges: &[(char, char)]) -> CharClass {
    CharClass {
        ranges: ranges.to_vec(),
    }
}

const HEX: &[(char, char)] = &[('0', '9'), ('A', 'F'), ('a', 'f')];

#[test]
fn samples_match_by_the_check_and_by_the_regex_crate() {
    let cases = [
        ("^AC[0-9a-fA-F]{32}$", 0, format!("AC{}", "a".repeat(32))),
        ("^aia_msg_.+$", 0, "aia_msg_a".to_owned()),
        ("^aia_asst_.*$", 0, "aia_asst_a".to_owned()),
        ("OR[0-9a-f]{32}", 0, format!("OR{}", "a".repeat(32))),
        (
            "^(SM|MM)[0-9a-fA-F]{32}$",
            0,
            format!("SM{}", "a".repeat(32)),
        ),
        (r"^\d{3}$", 0, "000".to_owned()),
        ("^[A-Z]{2}[0-9]{2}x?$", 0, "AA00x".to_owned()),
        ("^sess_[^/]+$", 12, "sess_aaaaaaa".to_owned()),
        ("^aia_msg_.{1,3}$", 20, "aia_msg_aaa".to_owned()),
        (
            "^BU[0-9a-fA-F]{32}(,BU[0-9a-fA-F]{32}){0,19}$",
            0,
            format!("BU{}", "a".repeat(32)),
        ),
        ("^[+/]{2}$", 0, "++".to_owned()),
        ("AC", 5, "ACaaa".to_owned()),
    ];
    for (pattern, min_chars, expected) in cases {
        let check = compile(pattern).unwrap();
        let sample = check.sample(min_chars).unwrap();
        assert_eq!(sample, expected, "{pattern}");
        assert!(
            check.matches(&sample),
            "{pattern}: the check refuses {sample:?}"
        );
        let regex = regex::Regex::new(&ecma::to_rust_regex(pattern).unwrap()).unwrap();
        assert!(
            regex.is_match(&sample),
            "{pattern}: the regex refuses {sample:?}"
        );
    }
    assert_eq!(compile("^(?=AC)[A-Z0-9]{34}$").unwrap().sample(0), None);
    assert!(compile("^(?=AC)[A-Z0-9]{34}$").unwrap().matches("anything"));
}

#[test]
fn matches_searches_unless_anchored() {
    let check = compile("OR[0-9a-f]{32}").unwrap();
    assert!(check.matches(&format!("xxOR{}yy", "0".repeat(32))));
    assert!(!check.matches("OR123"));
    let anchored = compile("^OR[0-9a-f]{32}$").unwrap();
    assert!(!anchored.matches(&format!("xOR{}", "0".repeat(32))));
    assert!(anchored.matches(&format!("OR{}", "0".repeat(32))));
}

#[test]
fn twilio_sid_is_a_literal_and_32_hex_digits() {
    let sid = checked("^AC[0-9a-fA-F]{32}$");
    assert!(sid.anchored_start && sid.anchored_end);
    assert_eq!(
        sid.pieces,
        [
            Piece::Literal("AC".to_owned()),
            Piece::Class {
                class: class(HEX),
                min: 32,
                max: Some(32)
            }
        ]
    );
    assert_eq!(sid.byte_width(), Some(34));
    assert_eq!(sid.char_len(), (34, Some(34)));
    assert_eq!(sid.describe(), "`AC` followed by 32 hexadecimal digits");
}

#[test]
fn prefixed_id_has_an_any_character_tail() {
    let id = checked("^aia_msg_.+$");
    let [
        Piece::Literal(prefix),
        Piece::Class {
            class,
            min: 1,
            max: None,
        },
    ] = id.pieces.as_slice()
    else {
        panic!("{:?}", id.pieces);
    };
    assert_eq!(prefix, "aia_msg_");
    assert!(class.is_any_but_line_terminators());
    assert_eq!(id.byte_width(), None);
    assert_eq!(
        id.describe(),
        "`aia_msg_` followed by at least 1 character other than line breaks"
    );
}

#[test]
fn unanchored_ends_make_a_search() {
    let search = checked("OR[0-9a-f]{32}");
    assert!(!search.anchored_start && !search.anchored_end);
    assert_eq!(search.byte_width(), Some(34));
    assert_eq!(
        search.describe(),
        "a value containing `OR` followed by 32 lowercase hexadecimal digits"
    );
    let start = checked("^AB[0-9]{3}");
    assert!(start.anchored_start && !start.anchored_end);
    assert_eq!(
        start.describe(),
        "a value starting with `AB` followed by 3 digits"
    );
    let end = checked("[0-9]{3}XY$");
    assert!(!end.anchored_start && end.anchored_end);
    assert_eq!(
        end.describe(),
        "a value ending with 3 digits followed by `XY`"
    );
    assert_eq!(checked("").describe(), "any value");
    assert_eq!(checked("^$").describe(), "an empty string");
}

#[test]
fn literal_alternations_are_one_piece_tried_in_order() {
    let sms = checked("^(SM|MM)[0-9a-fA-F]{32}$");
    assert_eq!(sms.pieces[0], Piece::OneOf(vec!["SM".into(), "MM".into()]));
    assert_eq!(sms.byte_width(), Some(34));
    assert_eq!(
        sms.describe(),
        "one of `SM`, `MM` followed by 32 hexadecimal digits"
    );
    // regex-syntax factors `STOP|START` into `ST(OP|ART)`; the texts come back in order.
    let keyword = checked(
        r"^(STOP|START|HELP)\.(ALL|AFRIKAANS|ARABIC|MALAY|MALAYSIAN|SOUTHERN_NDEBELE|SOUTHERN_SOTHO|SWATI|SWEDISH|ZULU)$",
    );
    let [
        Piece::OneOf(verbs),
        Piece::Literal(dot),
        Piece::OneOf(languages),
    ] = keyword.pieces.as_slice()
    else {
        panic!("{:?}", keyword.pieces);
    };
    assert_eq!(verbs, &["STOP", "START", "HELP"]);
    assert_eq!(dot, ".");
    assert_eq!(languages.len(), 10);
    assert_eq!(languages[3..5], ["MALAY", "MALAYSIAN"]);
    assert_eq!(keyword.byte_width(), None);
    assert!(
        keyword.describe().ends_with("`SWATI`, 2 more"),
        "{}",
        keyword.describe()
    );
}

#[test]
fn repeated_fixed_width_groups_are_one_piece() {
    let list = checked("^BU[0-9a-fA-F]{32}(,BU[0-9a-fA-F]{32}){0,19}$");
    let sid = vec![Piece::Class {
        class: class(HEX),
        min: 32,
        max: Some(32),
    }];
    let mut item = vec![Piece::Literal(",BU".to_owned())];
    item.extend(sid.clone());
    assert_eq!(
        list.pieces[2],
        Piece::Group {
            pieces: item,
            min: 0,
            max: Some(19)
        }
    );
    assert_eq!(list.char_len(), (34, Some(34 + 19 * 35)));
    assert_eq!(
        list.describe(),
        "`BU` followed by 32 hexadecimal digits followed by (`,BU` followed by 32 hexadecimal digits) 0 to 19 times"
    );
    let optional = checked("^AC(-[0-9]{2})?$");
    assert!(matches!(
        optional.pieces[1],
        Piece::Group {
            min: 0,
            max: Some(1),
            ..
        }
    ));
}

#[test]
fn classes_have_their_ecma_meaning() {
    let one = |pattern: &str| match checked(pattern).pieces.as_slice() {
        [Piece::Class { class, .. }] => class.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(one(r"\d"), class(&[('0', '9')]));
    assert_eq!(
        one(r"\w"),
        class(&[('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')])
    );
    let space = one(r"\s");
    assert!(space.contains('\u{a0}') && space.contains('\u{feff}') && !space.contains('x'));
    assert!(one(".").is_any_but_line_terminators());
    assert!(!one(r"\D").contains('5') && one(r"\D").contains('٣'));

    // The same meaning, written for Rust's regex crate (the tests' reference).
    let ecma = |pattern: &str| regex::Regex::new(&ecma::to_rust_regex(pattern).unwrap()).unwrap();
    assert!(!ecma("^a.b$").is_match("a\rb") && ecma("^a.b$").is_match("a\u{85}b"));
    assert!(!ecma(r"^\d$").is_match("٣") && ecma(r"^\d$").is_match("3"));
    assert!(ecma(r"^\s$").is_match("\u{feff}") && !ecma(r"^\w$").is_match("é"));
    assert!(ecma(r"^[\d_]+$").is_match("1_2") && !ecma(r"^[\D]$").is_match("1"));
    assert_eq!(ecma::to_rust_regex("^(?=a)"), None);
}

#[test]
fn valid_patterns_the_checks_cannot_express_are_left_unchecked() {
    assert!(unchecked("^(?=AC)[A-Z0-9]{34}$").contains("look-around"));
    assert!(unchecked("^(?<!x)a$").contains("look-around"));
    assert!(unchecked(r"^(a)\1$").contains("back-reference"));
    assert!(unchecked(r"\bAC\b").contains("word boundary"));
    assert!(unchecked(r"^\p{L}+$").contains("Unicode property"));
    assert!(unchecked("^(AC[0-9]{2}|XY)$").contains("alternation"));
    assert!(unchecked("^(a|b+)$").contains("alternation"));
    assert!(unchecked("^(ab+)+$").contains("repeated group"));
    assert!(unchecked("^a*b*c*d*$").contains("variable-length"));
    assert!(unchecked("a^b").contains("anchor"));
    assert!(unchecked("^[a&&b]$").contains("inside a character class"));
    assert!(unchecked(r"^[^\s\S]$").contains("matches nothing"));
    checked("^a*b*c*$");
    checked("^(AC[0-9]|XY)$");
}

#[test]
fn only_patterns_that_are_not_regexes_are_errors() {
    for (pattern, message) in [
        ("^AC[0-9$", "invalid pattern `^AC[0-9$`"),
        ("^aia_msg_(.+$", "unclosed group"),
        ("a{2,1}", "invalid pattern"),
        ("*a", "invalid pattern"),
        ("(?i)ab", "not ECMA-262"),
        ("(?i:ab)", "not ECMA-262"),
        (r"\Aab\z", "not ECMA-262"),
    ] {
        let error = compile(pattern).unwrap_err();
        assert!(error.contains(message), "{pattern}: {error}");
    }
}

fn language(pattern: &str, min: Option<usize>, max: Option<usize>) -> Language {
    Language::new(&compile(pattern).unwrap(), min, max).unwrap()
}

fn plain(pattern: &str) -> Language {
    language(pattern, None, None)
}

#[test]
fn languages_compare_by_the_strings_they_accept() {
    let sid = language("^AC[0-9a-fA-F]{32}$", Some(34), Some(34));
    let lower = plain("^AC[0-9a-f]{32}$");
    let prefix = plain("^AC.+$");
    let other_prefix = plain("^AB[0-9a-fA-F]{32}$");
    assert!(
        lower.is_subset_of(&sid) && !sid.is_subset_of(&lower),
        "lowercase only is narrower"
    );
    assert!(
        sid.is_subset_of(&prefix) && !prefix.is_subset_of(&sid),
        "any tail is wider"
    );
    assert!(!sid.is_subset_of(&other_prefix) && !other_prefix.is_subset_of(&sid));
    assert!(
        sid.is_subset_of(&plain("^AC[0-9A-Fa-f]{32}$")),
        "same set, other spelling"
    );
    let msg = plain("^aia_msg_.+$");
    assert!(plain("^aia_msg_.{1,10}$").is_subset_of(&msg));
    assert!(!msg.is_subset_of(&plain("^aia_msg_.{1,10}$")));
    assert!(language("^aia_msg_.+$", None, Some(20)).is_subset_of(&msg));
    assert!(
        !plain("^aia_msg_.*$").is_subset_of(&msg),
        "an empty tail is new"
    );
}

#[test]
fn languages_of_searches_alternations_and_groups_compare_too() {
    let search = plain("OR[0-9a-f]{32}");
    let exact = plain("^OR[0-9a-f]{32}$");
    assert!(exact.is_subset_of(&search) && !search.is_subset_of(&exact));
    assert!(search.is_subset_of(&plain("OR[0-9a-fA-F]{32}")));
    assert!(
        search.is_subset_of(&plain("OR")),
        "contains `OR…` contains `OR`"
    );
    assert!(!plain("OR").is_subset_of(&search));
    let bounded = language("OR[0-9a-f]{32}", None, Some(34));
    assert!(bounded.is_subset_of(&exact) && exact.is_subset_of(&bounded));

    let sms = plain("^(SM|MM)[0-9a-fA-F]{32}$");
    let sm = plain("^SM[0-9a-fA-F]{32}$");
    assert!(sm.is_subset_of(&sms) && !sms.is_subset_of(&sm));
    assert!(plain("^(MM|SM)[0-9a-fA-F]{32}$").is_subset_of(&sms));

    let list = plain("^BU[0-9a-fA-F]{32}(,BU[0-9a-fA-F]{32}){0,19}$");
    let one = plain("^BU[0-9a-fA-F]{32}$");
    assert!(one.is_subset_of(&list) && !list.is_subset_of(&one));
    assert!(list.is_subset_of(&plain("^BU[0-9a-fA-F]{32}(,BU[0-9a-fA-F]{32})*$")));

    assert_eq!(
        Language::new(&compile("^(?=a)").unwrap(), None, None),
        None,
        "an unchecked pattern's language is unknown"
    );
}
