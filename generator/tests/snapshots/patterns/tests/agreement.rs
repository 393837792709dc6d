//! Hand-written: every generated ID check agrees with the `regex` crate on the values in
//! `cases.json`. That file is written by the generator's `tests/patterns.rs`, which classifies
//! values with `regex` (this crate cannot depend on it: its Cargo.toml is generated).

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

use std::collections::BTreeSet;

use fixture_patterns::patterns_v1::*;

/// Each ID type's name and whether `parse` accepts a value.
macro_rules! parsers {
    ($($name:ident),* $(,)?) => {
        [$((stringify!($name), (|v: &str| $name::parse(v).is_ok()) as fn(&str) -> bool)),*]
    };
}

#[test]
fn generated_checks_accept_exactly_what_the_regex_crate_matches() {
    #[rustfmt::skip]
    let parsers = parsers![
        AcSid, AcSidSpelledAf, AcSidUnanchored, AdSid, AkSid, AnySid, AnySidAnyCasePrefix,
        ApSid, BhSid, BiSid, BnSidLowercase, BsSid, BuSid, BundleSidList, BvSid, ChSid,
        CharsMiddle, CmSid, Contains, CrSid, CwSid, DfSid, DgSid, DnSid, DnSidUnanchored,
        DotUnanchored, EcSid, ElSid, Empty, EmptyAnchored, EndOnly, FwSid, HrSid, IdSid,
        ImSid, InSid, IsSid, ItSid, IxSid, IxSidUnanchored, IySidUnanchored, IzSid,
        KnowledgeId, KwSid, LengthBounded, LongOneOfUnanchored, LowercaseUlid, MbSid, MeSid,
        MgSid, NfSid, NfSidUnanchored, NonAsciiLiteral, NotComma, OoSid, OptOutKeyword,
        OptionalGroup, OqSid, OqSidAlphanumeric, OrSidUnanchored, OySid, PerlClasses, PnSid,
        PolicyId, PuSid, PxSid, RdSid, RepeatedGroupUnanchored, RlSid, RnSid, SkSid,
        SmsOrMmsSid, StartOnly, SuSid, ThreeVariable, UncheckedAlternation,
        UncheckedBackreference, UncheckedFourVariable, UncheckedLookahead,
        UncheckedWordBoundary, UppercaseAlphanumeric, UppercaseAlphanumeric6, UsSid,
        UsSidSpelledAf, UsSidUnanchored, VariableMiddle, WfSid, WhSid, WxSidUnanchored,
        XeSid,
    ];
    let cases: serde_json::Value = serde_json::from_str(include_str!("cases.json")).unwrap();
    let cases = cases.as_object().unwrap();
    let listed: BTreeSet<&str> = parsers.iter().map(|(name, _)| *name).collect();
    let in_cases: BTreeSet<&str> = cases.keys().map(String::as_str).collect();
    assert_eq!(listed, in_cases, "list every ID type of the fixture above");

    let mut failures = Vec::new();
    let mut count = 0;
    for (name, parse) in parsers {
        let case = &cases[name];
        for (key, expected) in [("accept", true), ("reject", false)] {
            for value in case[key].as_array().unwrap() {
                let value = value.as_str().unwrap();
                count += 1;
                if parse(value) != expected {
                    failures.push(format!(
                        "{name} ({}) {} {value:?}",
                        case["pattern"],
                        if expected { "refuses" } else { "accepts" }
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {count} values classified unlike the regex crate:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn unanchored_patterns_search_the_value() {
    let hex = "0123456789abcdef0123456789abcdef";
    // `OR[0-9a-f]{32}`, as Twilio writes it: a value containing such a run is valid.
    assert!(OrSidUnanchored::parse(format!("OR{hex}")).is_ok());
    assert!(OrSidUnanchored::parse(format!("xxOR{hex}yy")).is_ok());
    assert!(OrSidUnanchored::parse(format!("OR{}", &hex[1..])).is_err());
    assert!(OrSidUnanchored::parse(format!("OR{}", hex.to_uppercase())).is_err());
    // `^AB[0-9]{3}` and `[0-9]{3}XY$`: one end fixed.
    assert!(StartOnly::parse("AB123 and more").is_ok());
    assert!(StartOnly::parse(" AB123").is_err());
    assert!(EndOnly::parse("anything 123XY").is_ok());
    assert!(EndOnly::parse("123XY ").is_err());
}

#[test]
fn alternations_try_every_branch() {
    let hex = "0123456789abcdef0123456789ABCDEF";
    assert!(SmsOrMmsSid::parse(format!("SM{hex}")).is_ok());
    assert!(SmsOrMmsSid::parse(format!("MM{hex}")).is_ok());
    assert!(SmsOrMmsSid::parse(format!("XM{hex}")).is_err());
    // `MALAY` is a prefix of `MALAYSIAN`: both must be tried.
    assert!(OptOutKeyword::parse("STOP.MALAYSIAN").is_ok());
    assert!(OptOutKeyword::parse("START.MALAY").is_ok());
    assert!(OptOutKeyword::parse("HELP.MALAYS").is_err());
    assert!(LongOneOfUnanchored::parse("say MALAYSIAN!").is_ok());
}

#[test]
fn unchecked_patterns_accept_any_value_within_the_length_bounds() {
    assert!(UncheckedLookahead::parse("anything").is_ok());
    assert!(UncheckedFourVariable::parse("xyz").is_ok());
    assert!(UncheckedFourVariable::parse("more than ten characters").is_err());
}
