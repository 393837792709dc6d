//! Property tests of the generator on specs it was never shown: the fixture specs mutated
//! (keys dropped, types swapped, `$ref`s left dangling, huge and negative numbers, weird names
//! and patterns, files renamed), and specs built from scratch with random names and types.
//! Whatever the input, the generator must not panic, a refusal must be a located error, and an
//! accepted spec must give Rust that parses (`support/outcome.rs`, shared with the fuzz target).
//!
//! Case counts are kept small so `cargo test` stays fast; `PROPTEST_CASES=5000` runs more.
//! The `#[ignore]`d test at the end also compiles a handful of accepted crates with
//! `cargo check` (see the README's "Reliability" section).

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is a failed test.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{Map, Value, json};

#[path = "support/outcome.rs"]
mod outcome;

/// Names that have tripped, or could trip, a generator: keywords, names the generated code
/// uses itself, leading digits (ASCII and not), non-ASCII letters and non-letters, separators,
/// case clashes, comment and string delimiters, control characters, and a very long name.
const NAMES: &[&str] = &[
    "type",
    "self",
    "Self",
    "crate",
    "super",
    "r#type",
    "",
    "_",
    "__",
    "1abc",
    "2",
    "٣abc",
    "²",
    "ⅷ",
    "ñame",
    "日本語",
    "😀",
    "a-b",
    "a.b",
    "a/b",
    "a b",
    "A",
    "a",
    "Name",
    "name",
    "NAME",
    "name_2",
    "Name2",
    "Unknown",
    "unknown",
    "Value",
    "value",
    "send",
    "stream",
    "limit",
    "client",
    "request",
    "Page",
    "Error",
    "Result",
    "Option",
    "String",
    "Vec",
    "Box",
    "runtime",
    "common",
    "__fuzz",
    "serde",
    "std",
    "core",
    "crate::x",
    "a\u{0}b",
    "line\nbreak",
    "*/",
    "/*",
    "\"q",
    "back\\slash",
    "#[x]",
    "StartTime<",
    "StartTime>",
    "x<=",
    "x>=",
    "<",
    ">",
    "ß",
    "İ",
    "ǅ",
    "\u{200b}",
    "\u{feff}x",
    "a\u{301}",
    "Σ",
    "ς",
    "_1",
    "x_",
    "additional_properties",
    "UnknownValue",
    "KNOWN",
    "as_str",
    "default",
    "Default",
    "None",
    "Some",
    "Ok",
    "Err",
];

/// Patterns: invalid ones, ones beyond the compiled byte checks, and the shapes the checks
/// handle, with huge and empty repetitions.
const PATTERNS: &[&str] = &[
    "",
    "^",
    "$",
    "^$",
    "(",
    ")",
    "[",
    "[]",
    "[^]",
    "\\",
    "a{99999}",
    "a{2,1}",
    "(?<=a)b",
    "(?!a)",
    "\\1(a)",
    "\\p{L}+",
    "\\u0041",
    "\\x41",
    "[\\d-z]",
    "^(a|b)*$",
    "(a|)",
    "^AC[0-9a-f]{32}$",
    "^[a-z]{0}$",
    "^.{4294967296}$",
    "^a{18446744073709551615}$",
    "^(,BU[0-9a-f]{32}){0,19}$",
    "(SM|MM)[0-9a-f]{32}",
    "^(SM|)[0-9]{0,0}$",
    "^\\w+$",
    "^\\s*$",
    "[\\s\\S]",
    "\\b",
    "^ü+$",
    "^日本{2}$",
    "^😀{1,3}$",
    "(?i)ab",
    "a**",
    "a{,5}",
    "/a/",
    "^\\$",
    "\\/",
    "[a-\\d]",
    "\\c",
    "\\k<x>",
    "^[\\]]$",
    "^[^\\x00-\\x7f]$",
    "^\\0$",
    "^\"\\\\$",
];

/// `$ref`s that point nowhere, at the wrong kind of node, outside the specs or at themselves.
const REFS: &[&str] = &[
    "#/components/schemas/Nope",
    "./nope.yaml#/components/schemas/X",
    "./common.yaml#/components/schemas/Nope",
    "#/",
    "#",
    "",
    "#/paths",
    "#/components",
    "#/components/schemas",
    "#/info/title",
    "http://example.com/x.yaml#/components/schemas/X",
    "#/components/schemas/A~1B",
    "#/components/schemas/%7B",
    "#/components/schemas/~2",
    "../fixtures/x.yaml",
    "#/components/parameters/Nope",
    "#/components/responses/Nope",
];

/// Keys a mutation adds to an object.
const KEYS: &[&str] = &[
    "pattern",
    "$ref",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "minLength",
    "maxLength",
    "minItems",
    "maxItems",
    "enum",
    "nullable",
    "type",
    "format",
    "items",
    "properties",
    "allOf",
    "oneOf",
    "anyOf",
    "discriminator",
    "additionalProperties",
    "required",
    "title",
    "operationId",
    "x-twilio",
    "x-pii",
    "description",
    "default",
    "example",
    "readOnly",
    "servers",
    "security",
    "in",
    "schema",
    "content",
];

fn number() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(json!(0)),
        Just(json!(-1)),
        Just(json!(1)),
        Just(json!(i64::MAX)),
        Just(json!(i64::MIN)),
        Just(json!(u64::MAX)),
        Just(json!(1e308)),
        Just(json!(-1e308)),
        Just(json!(0.5)),
        Just(json!(2_147_483_647)),
        Just(json!(4_294_967_296_u64)),
        any::<i64>().prop_map(|n| json!(n)),
    ]
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(NAMES).prop_map(str::to_owned),
        1 => Just("x".repeat(300)),
        2 => "[a-zA-Z0-9_ .<>/-]{0,12}",
        1 => any::<String>().prop_map(|s| s.chars().take(12).collect()),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        3 => number(),
        2 => name().prop_map(Value::String),
        2 => prop::sample::select(PATTERNS).prop_map(|p| json!(p)),
        1 => prop::sample::select(&["string", "integer", "number", "boolean", "array", "object", "null", "file"][..]).prop_map(|t| json!(t)),
        1 => prop::sample::select(&["int32", "int64", "date-time", "date", "uri", "binary", "byte", "uuid", "email", "float", "double"][..]).prop_map(|f| json!(f)),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => Just(Value::Null),
        1 => Just(json!([])),
        1 => Just(json!({})),
        2 => prop::sample::select(REFS).prop_map(|r| json!({ "$ref": r })),
    ];
    leaf.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((name(), inner), 0..4)
                .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// One change to a spec file's document tree, at a node picked by index.
#[derive(Debug, Clone)]
enum Mutation {
    /// Removes the node from its parent.
    Drop(Index),
    /// Puts another value (of another type, a huge number, a dangling `$ref`) in its place.
    Replace(Index, Value),
    /// Renames the node's key in its parent object (property, schema, path, status, ...).
    RenameKey(Index, String),
    /// Adds or overwrites a key of an object node.
    SetKey(Index, String, Value),
    /// Copies the node over another one (a schema where a parameter was, a path twice).
    Copy(Index, Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        2 => any::<Index>().prop_map(Mutation::Drop),
        3 => (any::<Index>(), value()).prop_map(|(at, v)| Mutation::Replace(at, v)),
        3 => (any::<Index>(), name()).prop_map(|(at, n)| Mutation::RenameKey(at, n)),
        4 => (any::<Index>(), prop::sample::select(KEYS), value())
            .prop_map(|(at, k, v)| Mutation::SetKey(at, k.to_owned(), v)),
        3 => (any::<Index>(), prop::sample::select(PATTERNS))
            .prop_map(|(at, p)| Mutation::SetKey(at, "pattern".to_owned(), json!(p))),
        1 => (any::<Index>(), any::<Index>()).prop_map(|(from, to)| Mutation::Copy(from, to)),
    ]
}

/// The JSON pointers of every node under (and including) `value`.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                pointers(child, format!("{at}/{}", escape(key)), out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{index}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The parent's pointer and the last segment, unescaped (`None` for the root).
fn split(pointer: &str) -> Option<(&str, String)> {
    let (parent, last) = pointer.rsplit_once('/')?;
    Some((parent, last.replace("~1", "/").replace("~0", "~")))
}

fn apply(doc: &mut Value, mutation: &Mutation) {
    let mut nodes = Vec::new();
    pointers(doc, String::new(), &mut nodes);
    let pick = |index: &Index| nodes[index.index(nodes.len())].clone();
    match mutation {
        Mutation::Drop(at) => {
            let at = pick(at);
            if let Some((parent, last)) = split(&at) {
                match doc.pointer_mut(parent) {
                    Some(Value::Object(map)) => {
                        map.shift_remove(&last);
                    }
                    Some(Value::Array(items)) => {
                        if let Ok(index) = last.parse::<usize>() {
                            items.remove(index);
                        }
                    }
                    _ => {}
                }
            }
        }
        Mutation::Replace(at, value) => {
            if let Some(node) = doc.pointer_mut(&pick(at)) {
                *node = value.clone();
            }
        }
        Mutation::RenameKey(at, name) => {
            let at = pick(at);
            if let Some((parent, last)) = split(&at)
                && let Some(Value::Object(map)) = doc.pointer_mut(parent)
            {
                let renamed: Map<String, Value> = std::mem::take(map)
                    .into_iter()
                    .map(|(k, v)| if k == last { (name.clone(), v) } else { (k, v) })
                    .collect();
                *map = renamed;
            }
        }
        Mutation::SetKey(at, key, value) => {
            if let Some(Value::Object(map)) = doc.pointer_mut(&pick(at)) {
                map.insert(key.clone(), value.clone());
            }
        }
        Mutation::Copy(from, to) => {
            let from = doc.pointer(&pick(from)).cloned();
            if let (Some(from), Some(node)) = (from, doc.pointer_mut(&pick(to))) {
                *node = from;
            }
        }
    }
}

/// The spec files of every fixture folder: (folder, file name -> text).
fn fixtures() -> Vec<(String, BTreeMap<String, String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut folders: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    folders
        .into_iter()
        .map(|folder| {
            let files = fs::read_dir(&folder)
                .unwrap()
                .map(|entry| entry.unwrap().path())
                .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
                .map(|path| {
                    let name = path.file_name().unwrap().to_string_lossy().into_owned();
                    (name, fs::read_to_string(&path).unwrap())
                })
                .collect();
            let name = folder.file_name().unwrap().to_string_lossy().into_owned();
            (name, files)
        })
        .collect()
}

/// A fixture folder with mutations applied to its spec files (and maybe one file renamed).
#[derive(Debug, Clone)]
struct Mutated {
    fixture: String,
    sources: BTreeMap<String, String>,
}

fn mutated(fixtures: Vec<(String, BTreeMap<String, String>)>) -> impl Strategy<Value = Mutated> {
    let count = fixtures.len();
    (
        0..count,
        prop::collection::vec((any::<Index>(), mutation()), 1..5),
        prop::option::weighted(0.15, (any::<Index>(), name())),
    )
        .prop_map(move |(which, mutations, rename)| {
            let (fixture, files) = &fixtures[which];
            let mut docs: Vec<(String, Value)> = files
                .iter()
                .map(|(name, text)| (name.clone(), yaml_serde::from_str(text).unwrap()))
                .collect();
            for (file, mutation) in &mutations {
                let index = file.index(docs.len());
                apply(&mut docs[index].1, mutation);
            }
            let mut sources: BTreeMap<String, String> = docs
                .into_iter()
                .map(|(name, doc)| (name, yaml_serde::to_string(&doc).unwrap()))
                .collect();
            if let Some((file, name)) = rename {
                let names: Vec<String> = sources.keys().cloned().collect();
                let old = &names[file.index(names.len())];
                let text = sources.remove(old).unwrap();
                // A file name from a folder has no `/` (and no NUL).
                let name = name.replace(['/', '\0'], "_");
                sources.insert(format!("{name}.yaml"), text);
            }
            Mutated {
                fixture: fixture.clone(),
                sources,
            }
        })
}

/// A spec built from scratch: a few schemas with random names, properties of random names
/// and types (scalars, enums, patterns, arrays, maps, unions, `$ref`s to each other, some
/// dangling), and a list and a fetch operation using them.
fn scratch_spec() -> impl Strategy<Value = BTreeMap<String, String>> {
    let property_type = prop_oneof![
        Just(json!({"type": "string"})),
        Just(json!({"type": "integer", "minimum": -5, "maximum": 5})),
        Just(json!({"type": "number"})),
        Just(json!({"type": "boolean"})),
        Just(json!({"type": "string", "format": "date-time"})),
        Just(json!({"type": "string", "format": "uri"})),
        Just(json!({"type": "object", "additionalProperties": true})),
        Just(json!({})),
        prop::collection::vec(name(), 0..4).prop_map(|values| json!({"type": "string", "enum": values})),
        prop::collection::vec(number(), 1..3).prop_map(|values| json!({"type": "integer", "enum": values})),
        prop::sample::select(PATTERNS).prop_map(|p| json!({"type": "string", "pattern": p})),
        (0..5usize).prop_map(|n| json!({"$ref": format!("#/components/schemas/S{n}")})),
        (0..5usize).prop_map(|n| json!({"type": "array", "items": {"$ref": format!("#/components/schemas/S{n}")}})),
        (0..5usize, 0..5usize).prop_map(|(a, b)| json!({"oneOf": [
            {"$ref": format!("#/components/schemas/S{a}")},
            {"$ref": format!("#/components/schemas/S{b}")},
        ]})),
        (0..5usize).prop_map(|n| json!({"type": "object", "additionalProperties": {"$ref": format!("#/components/schemas/S{n}")}})),
    ];
    let schema = (
        name(),
        prop::collection::vec((name(), property_type, any::<bool>()), 0..5),
    );
    (
        prop::collection::vec(schema, 2..6),
        name(),
        name(),
        prop::sample::select(&["a_v1", "b_v2", "runtime", "common", "__fuzz", "²", "lib", "self"][..]),
    )
        .prop_map(|(schemas, operation, parameter, module)| {
            let mut components = Map::new();
            for (index, (title, properties)) in schemas.iter().enumerate() {
                let required: Vec<&String> = properties
                    .iter()
                    .filter(|(_, _, required)| *required)
                    .map(|(name, _, _)| name)
                    .collect();
                let properties: Map<String, Value> = properties
                    .iter()
                    .map(|(name, schema, _)| (name.clone(), schema.clone()))
                    .collect();
                components.insert(
                    format!("S{index}"),
                    json!({"type": "object", "title": title, "properties": properties, "required": required}),
                );
            }
            let doc = json!({
                "openapi": "3.0.3",
                "info": {"title": "Scratch", "version": "1.0.0"},
                "servers": [{"url": "https://scratch.example.com"}],
                "paths": {
                    "/v1/Things": {"get": {
                        "operationId": format!("List{operation}"),
                        "parameters": [{"name": parameter, "in": "query", "schema": {"type": "string"}}],
                        "responses": {"200": {"description": "A page.", "content": {"application/json": {"schema": {
                            "type": "object",
                            "properties": {
                                "things": {"type": "array", "items": {"$ref": "#/components/schemas/S0"}},
                                "meta": {"type": "object", "properties": {"next_page_url": {"type": "string", "format": "uri"}}},
                            },
                        }}}}},
                    }},
                    "/v1/Things/{Sid}": {"get": {
                        "operationId": operation,
                        "parameters": [{"name": "Sid", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^TH[0-9a-f]{32}$"}}],
                        "responses": {"200": {"description": "A thing.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/S0"}}}}},
                    }},
                },
                "components": {"schemas": components},
            });
            BTreeMap::from([(format!("{module}.yaml"), yaml_serde::to_string(&doc).unwrap())])
        })
}

/// Cases per property: 64 by default (about 5 s each in a debug build), `PROPTEST_CASES`
/// for more.
fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    Config {
        cases,
        // Every failure is reported with its input; no regression files next to the sources.
        failure_persistence: None,
        ..Config::default()
    }
}

fn verdict(label: &str, sources: &BTreeMap<String, String>) -> Result<bool, TestCaseError> {
    let result = generator::generate_sources(sources.clone(), label);
    outcome::check(sources, label, &result).map_err(TestCaseError::fail)?;
    Ok(result.is_ok())
}

#[test]
fn mutated_fixtures_are_refused_with_a_location_or_give_rust_that_parses() {
    let mut runner = TestRunner::new(config());
    let accepted = Cell::new(0);
    runner
        .run(&mutated(fixtures()), |case| {
            let label = format!("fixtures/{}", case.fixture);
            accepted.set(accepted.get() + usize::from(verdict(&label, &case.sources)?));
            Ok(())
        })
        .unwrap();
    // Most mutations leave a spec the generator still accepts (a changed description, an
    // added keyword it ignores); if none did, the test would not be testing emitted code.
    eprintln!(
        "{} of {} mutated fixtures accepted",
        accepted.get(),
        config().cases
    );
    assert!(accepted.get() > 0, "no mutated fixture was accepted");
}

#[test]
fn specs_from_scratch_are_refused_with_a_location_or_give_rust_that_parses() {
    let mut runner = TestRunner::new(config());
    let accepted = Cell::new(0);
    runner
        .run(&scratch_spec(), |sources| {
            accepted.set(accepted.get() + usize::from(verdict("scratch", &sources)?));
            Ok(())
        })
        .unwrap();
    eprintln!(
        "{} of {} specs from scratch accepted",
        accepted.get(),
        config().cases
    );
    assert!(accepted.get() > 0, "no spec from scratch was accepted");
}

/// Found by `accepted_specs_give_crates_that_compile`: a spec file `lib.yaml` became
/// `pub mod lib;`, whose `src/lib/mod.rs` clashes with `src/lib.rs`. Such names are refused.
#[test]
fn module_names_the_crate_uses_itself_are_refused_with_the_file() {
    let minimal = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal/pets_v1.yaml");
    let text = fs::read_to_string(minimal).unwrap();
    for file in [
        "lib.yaml",
        "runtime.yaml",
        "twilio_builder.yaml",
        "Clone.yaml",
    ] {
        let sources = BTreeMap::from([(file.to_owned(), text.clone())]);
        let error = generator::generate_sources(sources, "specs").unwrap_err();
        let shown = error.to_string();
        assert!(shown.starts_with(&format!("specs/{file}")), "{shown}");
        assert!(
            shown.contains("a name the generated crate uses itself"),
            "{shown}"
        );
    }
    // The list covers every method a user calls on a generated crate's `Client`, today's and
    // tomorrow's: the runtime `Client`'s documented ones (reached through `Deref`) and those the
    // `api_client!` macro defines.
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime/src");
    for (file, block) in [
        ("client.rs", "impl Client {"),
        ("api_client.rs", "impl Client {"),
    ] {
        let source = fs::read_to_string(runtime.join(file)).unwrap();
        let mut in_client = false;
        let mut hidden = false;
        let mut found = 0;
        for line in source.lines() {
            let line = line.trim_start();
            if line.starts_with("impl ") {
                in_client = line == block;
            }
            let method = line
                .strip_prefix("pub ")
                .map(|rest| rest.trim_start_matches("async "))
                .and_then(|rest| rest.strip_prefix("fn "))
                .and_then(|rest| rest.split(['(', '<']).next());
            if let (true, false, Some(method)) = (in_client, hidden, method) {
                found += 1;
                assert!(
                    generator::names::RESERVED_MODULES.contains(&method),
                    "Client::{method} is missing from names::RESERVED_MODULES"
                );
            }
            hidden = line == "#[doc(hidden)]";
        }
        assert!(found >= 2, "no methods of `Client` found in {file}");
    }
}

/// Found by the mutated fixtures (1500 cases): a spec file named `line\nbreak.yaml` put a line
/// break into the `// Code generated ... from specs/line\nbreak.yaml` comment of its files.
#[test]
fn file_names_with_control_characters_give_files_that_parse() {
    let minimal = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal/pets_v1.yaml");
    let text = fs::read_to_string(minimal).unwrap();
    let sources = BTreeMap::from([("line\nbreak\r\u{7}_v1.yaml".to_owned(), text)]);
    let result = generator::generate_sources(sources.clone(), "specs");
    let output = result.as_ref().expect("generates");
    outcome::check(&sources, "specs", &result).unwrap();
    let models = &output.files["src/line_break_v1/models.rs"];
    assert!(
        models.starts_with(
            "// Code generated by `cargo xtask regen` from specs/line\\nbreak\\r\\u{7}_v1.yaml."
        ),
        "{models}"
    );
}

#[test]
fn the_outcome_check_catches_what_it_is_for() {
    // The checks above are only as good as `outcome::check`: it must reject a problem outside
    // the given files, a line past the end, an internal error and Rust that does not parse.
    let sources = BTreeMap::from([("a.yaml".to_owned(), "openapi: 3.0.3\n".to_owned())]);
    let problem = |file: &str, line, message: &str| generator::Problem {
        file: file.into(),
        line,
        pointer: None,
        message: message.to_owned(),
    };
    let refused = |p| Err(generator::Error { problems: vec![p] });
    assert!(
        outcome::check(
            &sources,
            "specs",
            &refused(problem("specs/a.yaml", Some(1), "bad"))
        )
        .is_ok()
    );
    assert!(outcome::check(&sources, "specs", &refused(problem("specs", None, "bad"))).is_ok());
    for wrong in [
        problem("specs/b.yaml", Some(1), "bad"),
        problem("elsewhere/a.yaml", None, "bad"),
        problem("specs/a.yaml", Some(3), "bad"),
        problem("specs/a.yaml", Some(0), "bad"),
        problem("specs/a.yaml", None, ""),
        problem(
            "src/lib.rs",
            None,
            "internal error: the generator produced invalid Rust",
        ),
    ] {
        assert!(
            outcome::check(&sources, "specs", &refused(wrong.clone())).is_err(),
            "{wrong:?}"
        );
    }
    // Lines as the YAML parser counts them: a lone CR is a line break.
    let cr = BTreeMap::from([("a.yaml".to_owned(), "a: 1\rb: 2\r\nc: [\n".to_owned())]);
    assert!(
        outcome::check(
            &cr,
            "specs",
            &refused(problem("specs/a.yaml", Some(4), "bad"))
        )
        .is_ok()
    );
    assert!(
        outcome::check(
            &cr,
            "specs",
            &refused(problem("specs/a.yaml", Some(5), "bad"))
        )
        .is_err()
    );
    // One past the last line, even when the last has no line break (found by the fuzzer: a
    // file of comments only is "missing field `openapi`" there).
    let comments = BTreeMap::from([("a.yaml".to_owned(), "# a\n# b\n# c".to_owned())]);
    assert!(
        outcome::check(
            &comments,
            "specs",
            &refused(problem("specs/a.yaml", Some(4), "bad"))
        )
        .is_ok()
    );
    assert!(
        outcome::check(
            &comments,
            "specs",
            &refused(problem("specs/a.yaml", Some(5), "bad"))
        )
        .is_err()
    );
    let output = |text: &str| {
        Ok(generator::Output {
            files: BTreeMap::from([("src/lib.rs".to_owned(), text.to_owned())]),
            warnings: Vec::new(),
        })
    };
    assert!(outcome::check(&sources, "specs", &output("pub struct A;")).is_ok());
    assert!(outcome::check(&sources, "specs", &output("pub struct ²;")).is_err());
    // And the fuzz input format: files split at separator lines, common.yaml added.
    let files = outcome::split_files("a: 1\n#%% b_v1.yaml\nb: 2\n#%% c/../d\n", "common: 0\n");
    let names: Vec<&str> = files.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        ["b_v1.yaml", "c_.._d.yaml", "common.yaml", "fuzz_v1.yaml"]
    );
    assert_eq!(files["fuzz_v1.yaml"], "a: 1\n");
    let files = outcome::split_files("#%% a_v1\na: 1\n#%% common.yaml\n", "common: 0\n");
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(files, [("a_v1.yaml", "a: 1\n"), ("common.yaml", "")]);
}

/// Generated crates of accepted specs compile: `COMPILE_CASES` (default 6) specs, alternately
/// mutated fixtures and specs from scratch, drawn with a fixed seed, are generated into
/// `$TMPDIR/twilio-api-property-crates/case<N>` and checked with `cargo check`, all sharing
/// one target folder there (the first run builds the client's dependencies, later ones reuse
/// them).
#[test]
#[ignore = "runs cargo check on generated crates (minutes); see the README's Reliability section"]
fn accepted_specs_give_crates_that_compile() {
    use proptest::strategy::ValueTree as _;

    let count: usize = std::env::var("COMPILE_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(6);
    let mut runner = TestRunner::deterministic();
    let mutated = mutated(fixtures());
    let scratch = scratch_spec();
    let mut accepted = Vec::new();
    for draw in 0..count * 50 {
        if accepted.len() == count {
            break;
        }
        let sources = if draw % 2 == 0 {
            mutated.new_tree(&mut runner).unwrap().current().sources
        } else {
            scratch.new_tree(&mut runner).unwrap().current()
        };
        if let Ok(output) = generator::generate_sources(sources.clone(), "specs") {
            accepted.push((sources, output));
        }
    }
    assert_eq!(accepted.len(), count, "too few accepted specs");

    let root = std::env::temp_dir().join("twilio-api-property-crates");
    let lockfile = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.lock");
    let mut failures = Vec::new();
    for (case, (sources, output)) in accepted.iter().enumerate() {
        let dir = root.join(format!("case{case}"));
        let _ = fs::remove_dir_all(&dir);
        for (path, contents) in &output.files {
            let file = dir.join(path);
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            fs::write(&file, contents).unwrap();
        }
        // A workspace of its own, wherever the temporary folder is; the workspace's lockfile
        // so that dependencies resolve to the versions already built and tested.
        let manifest = dir.join("Cargo.toml");
        let text = fs::read_to_string(&manifest).unwrap();
        fs::write(&manifest, format!("{text}\n[workspace]\n")).unwrap();
        fs::copy(&lockfile, dir.join("Cargo.lock")).unwrap();
        for (name, text) in sources {
            fs::create_dir_all(dir.join("specs")).unwrap();
            let name = name.replace(['/', '\0'], "_");
            fs::write(dir.join("specs").join(name), text).unwrap();
        }
        let result = std::process::Command::new(env!("CARGO"))
            .args(["check", "--quiet", "--manifest-path"])
            .arg(&manifest)
            .env("CARGO_TARGET_DIR", root.join("target"))
            .output()
            .unwrap();
        eprintln!(
            "case{case}: cargo check {}",
            if result.status.success() {
                "passed"
            } else {
                "FAILED"
            }
        );
        if !result.status.success() {
            failures.push(format!(
                "{} (specs in {}):\n{}",
                dir.display(),
                dir.join("specs").display(),
                String::from_utf8_lossy(&result.stderr)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
