//! ID patterns against the `regex` crate. The generated checks live in the `patterns` snapshot
//! crate (`tests/fixtures/patterns/`), which cannot depend on `regex` (its Cargo.toml is
//! generated), so the agreement is tested in two halves that share one file:
//!
//! - here, values are generated for every pattern of the fixture and classified with `regex`
//!   (reading the pattern with ECMA-262 meaning, see [`generator::pattern::ecma`]); the result
//!   is kept in `tests/snapshots/patterns/tests/cases.json` (accept with `EXPECTORATE=overwrite`);
//! - `tests/snapshots/patterns/tests/agreement.rs` runs every generated `parse` on those values.
//!
//! The fixture holds every pattern of Twilio's sample specs (checked below) plus one of each
//! shape the compiler knows, and some it leaves unchecked.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is a failed test.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use generator::pattern::{self, PatternCheck};
use regex_syntax::hir::{Class, Hir, HirKind};

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// The `pattern` strings anywhere in a YAML document.
fn patterns_in(yaml: &str) -> BTreeSet<String> {
    fn walk(value: &serde_json::Value, out: &mut BTreeSet<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    match (key.as_str(), value) {
                        ("pattern", serde_json::Value::String(pattern)) => {
                            out.insert(pattern.clone());
                        }
                        _ => walk(value, out),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let document: serde_json::Value = yaml_serde::from_str(yaml).unwrap();
    let mut out = BTreeSet::new();
    walk(&document, &mut out);
    out
}

/// An ID schema of the fixture: pattern and length bounds.
struct IdSchema {
    pattern: String,
    min_length: Option<usize>,
    max_length: Option<usize>,
}

fn fixture_ids() -> BTreeMap<String, IdSchema> {
    let path = tests_dir().join("fixtures/patterns/patterns_v1.yaml");
    let document: serde_json::Value =
        yaml_serde::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let schemas = document["components"]["schemas"].as_object().unwrap();
    let length = |schema: &serde_json::Value, key: &str| {
        schema
            .get(key)
            .and_then(serde_json::Value::as_u64)
            .map(|n| n as usize)
    };
    schemas
        .iter()
        .filter_map(|(name, schema)| {
            let id = IdSchema {
                pattern: schema.get("pattern")?.as_str()?.to_owned(),
                min_length: length(schema, "minLength"),
                max_length: length(schema, "maxLength"),
            };
            Some((generator::names::type_name(name), id))
        })
        .collect()
}

#[test]
fn the_fixture_has_every_pattern_of_the_twilio_samples() {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/twilio-oai-sample");
    let entries = std::fs::read_dir(&samples).unwrap();
    let in_fixture: BTreeSet<String> = fixture_ids().into_values().map(|id| id.pattern).collect();
    let mut missing = BTreeSet::new();
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            missing.extend(patterns_in(&text).difference(&in_fixture).cloned());
        }
    }
    assert!(
        missing.is_empty(),
        "add these to tests/fixtures/patterns/patterns_v1.yaml: {missing:#?}"
    );
}

/// A small deterministic generator (xorshift), so the cases file is the same on every run.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Characters that sit on the edges of the classes the specs use, plus the ones where ECMA and
/// Rust's regex differ (`\r` and U+2028 for `.`, an Arabic-Indic digit for `\d`, NBSP for `\s`).
const PALETTE: &[char] = &[
    'a', 'f', 'g', 'z', 'A', 'F', 'G', 'Z', '0', '9', '_', '-', ',', '.', ' ', '!', '\t', '\n',
    '\r', '\u{2028}', 'é', '٣', '\u{a0}', '😀',
];

/// A random text matching `hir` (anchors ignored).
fn sample(hir: &Hir, rng: &mut Rng, out: &mut String) {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(literal) => out.push_str(std::str::from_utf8(&literal.0).unwrap()),
        HirKind::Class(Class::Unicode(class)) => {
            let in_class = |c: &&char| {
                class
                    .ranges()
                    .iter()
                    .any(|r| r.start() <= **c && **c <= r.end())
            };
            let members: Vec<char> = PALETTE.iter().filter(in_class).copied().collect();
            if !members.is_empty() && rng.below(2) == 0 {
                out.push(*rng.pick(&members));
            } else {
                let range = rng.pick(class.ranges());
                let (lo, hi) = (range.start() as usize, range.end() as usize);
                let c =
                    char::from_u32((lo + rng.below(hi - lo + 1)) as u32).unwrap_or(range.start());
                out.push(c);
            }
        }
        HirKind::Class(Class::Bytes(_)) => unreachable!("patterns are read in Unicode mode"),
        HirKind::Repetition(rep) => {
            let (min, max) = (rep.min as usize, rep.max.map(|m| m as usize));
            let count = match (rng.below(4), max) {
                (0, Some(max)) => max,
                (_, max) => min + rng.below(max.unwrap_or(min + 3).min(min + 3) - min + 1),
            };
            for _ in 0..count {
                sample(&rep.sub, rng, out);
            }
        }
        HirKind::Capture(capture) => sample(&capture.sub, rng, out),
        HirKind::Concat(items) => items.iter().for_each(|item| sample(item, rng, out)),
        HirKind::Alternation(branches) => sample(rng.pick(branches), rng, out),
    }
}

/// Values to try on one pattern: matches, matches inside other text, one character short or
/// long or changed, and the usual edge cases.
fn values(pattern: &str, rng: &mut Rng) -> BTreeSet<String> {
    let mut values: BTreeSet<String> = ["", "é", "\n", "AC0123456789abcdef0123456789abcdef"]
        .map(str::to_owned)
        .into();
    let Ok(hir) = pattern::ecma::parse(pattern) else {
        return values;
    };
    let mut samples = Vec::new();
    for _ in 0..3 {
        let mut s = String::new();
        sample(&hir, rng, &mut s);
        let chars: Vec<char> = s.chars().collect();
        let without = |skip: usize| -> String {
            chars
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != skip)
                .map(|(_, c)| c)
                .collect()
        };
        values.insert(format!("xx{s}yy"));
        values.insert(format!("{s}!"));
        values.insert(format!("!{s}"));
        if let Some(&last) = chars.last() {
            values.insert(without(chars.len() - 1));
            values.insert(without(0));
            values.insert(format!("{s}{last}"));
            for _ in 0..2 {
                let at = rng.below(chars.len());
                let mut changed = chars.clone();
                changed[at] = *rng.pick(PALETTE);
                values.insert(changed.into_iter().collect());
            }
        }
        samples.push(s.clone());
        values.insert(s);
    }
    values.insert(format!("{},{}", samples[0], samples[1]));
    values
}

#[test]
fn agreement_cases_are_classified_by_the_regex_crate() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut cases = serde_json::Map::new();
    for (type_name, id) in fixture_ids() {
        let check = pattern::compile(&id.pattern).unwrap();
        let regex = match &check {
            PatternCheck::Checked(_) => {
                let rust = pattern::ecma::to_rust_regex(&id.pattern).unwrap();
                Some(regex::Regex::new(&rust).unwrap())
            }
            // The generated `matches` accepts every value; only the length bounds count.
            PatternCheck::Unchecked { .. } => None,
        };
        let (mut accept, mut reject) = (Vec::new(), Vec::new());
        for value in values(&id.pattern, &mut rng) {
            let length = value.chars().count();
            let fits = id.min_length.is_none_or(|min| length >= min)
                && id.max_length.is_none_or(|max| length <= max);
            let matches = regex.as_ref().is_none_or(|r| r.is_match(&value));
            if fits && matches {
                accept.push(value);
            } else {
                reject.push(value);
            }
        }
        // (The empty pattern is found in every value.)
        assert!(
            regex.is_none()
                || (!accept.is_empty() && (!reject.is_empty() || id.pattern.is_empty())),
            "{type_name} ({}): the values should include some that match and some that do not",
            id.pattern
        );
        cases.insert(
            type_name,
            serde_json::json!({
                "pattern": id.pattern,
                "checked": regex.is_some(),
                "accept": accept,
                "reject": reject,
            }),
        );
    }
    let text = serde_json::to_string_pretty(&serde_json::Value::Object(cases)).unwrap() + "\n";
    expectorate::assert_contents(
        tests_dir().join("snapshots/patterns/tests/cases.json"),
        &text,
    );
}

#[test]
fn samples_of_every_checked_fixture_pattern_match_by_the_regex_crate() {
    for (type_name, id) in fixture_ids() {
        let check = pattern::compile(&id.pattern).unwrap();
        let Some(sample) = check.sample(id.min_length.unwrap_or(0)) else {
            continue;
        };
        let rust = pattern::ecma::to_rust_regex(&id.pattern).unwrap();
        let regex = regex::Regex::new(&rust).unwrap();
        assert!(
            regex.is_match(&sample) && check.matches(&sample),
            "{type_name} ({}): {sample:?} does not match",
            id.pattern
        );
        let length = sample.chars().count();
        let (_, max) = check.matcher().unwrap().char_len();
        // A pattern whose matches are all shorter than minLength has no valid value at all.
        if max.is_none_or(|max| max >= id.min_length.unwrap_or(0))
            || !check.matcher().unwrap().anchored_end
        {
            assert!(
                id.min_length.is_none_or(|min| length >= min),
                "{type_name} ({}): {sample:?} is shorter than {:?}",
                id.pattern,
                id.min_length
            );
        }
    }
}
