//! Our generator against oxidecomputer's progenitor, in one run, on the same single-file
//! inputs: our three specs bundled into one file each (by [`bundle`], here in Rust: no Node
//! needed), and the 12 sample files. Ours is load + model + emit (YAML text to every file of
//! the crate); progenitor's is `Generator::generate_tokens` on the parsed document plus
//! prettyplease (`syn::parse2` and `unparse`), with its YAML parse shown on its own.
//!
//! [`write_crate`] writes progenitor's output for one spec as a crate of its own, to compare
//! cold build times of the two outputs.
//!
//! Built only with the bench's `progenitor` feature (`cargo xtask bench` turns it on).

#![cfg(feature = "progenitor")]

use std::collections::{BTreeMap, BTreeSet};
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::sync::{Arc, Mutex};

use serde_json::Value;

use crate::stats::Samples;

/// The progenitor release this bench uses (also the `progenitor-client` the crates of
/// [`write_crate`] depend on).
const PROGENITOR_VERSION: &str = "0.15.1";

pub fn figures(root: &Path) {
    println!(
        "progenitor {PROGENITOR_VERSION} (builder interface, merged tags) against ours, same single-file input:"
    );
    println!(
        "  ours = load + model + emit; progenitor = generate_tokens + prettyplease (its YAML parse \
         into openapiv3 apart)"
    );
    let mut inputs: Vec<(String, String)> = Vec::new();
    let specs = root.join("specs");
    for name in [
        "assistants_v1.yaml",
        "autopilot_v1.yaml",
        "conversations_v2.yaml",
    ] {
        let bundled = bundle(&specs.join(name)).unwrap();
        inputs.push((format!("specs/{name} (bundled)"), bundled));
    }
    let samples = root.join("generator/tests/twilio-oai-sample");
    for (name, text) in crate::scale::read_sources(&samples) {
        inputs.push((name, text));
    }
    let mut refused = Vec::new();
    let mut ratios = Vec::new();
    for (label, text) in &inputs {
        let rounds = if text.len() > 50_000 { 5 } else { 11 };
        let file_name = label.split(' ').next().unwrap().rsplit('/').next().unwrap();
        let sources = BTreeMap::from([(file_name.to_owned(), text.clone())]);
        if let Err(error) = generator::generate_sources(sources.clone(), "specs") {
            println!("  {label}: ours refuses it: {error}");
            continue;
        }
        let ours = Samples::time(rounds, || {
            std::hint::black_box(generator::generate_sources(sources.clone(), "specs").unwrap());
        });
        let parsing = Samples::time(rounds, || {
            std::hint::black_box(parse(text).unwrap());
        });
        let spec = match parse(text) {
            Ok(spec) => spec,
            Err(error) => {
                refused.push(format!("{label}: not an openapiv3 document: {error}"));
                continue;
            }
        };
        if let Err(why) = quietly(|| progenitor_source(&spec)) {
            refused.push(format!("{label}: {why}"));
            continue;
        }
        let theirs = Samples::time(rounds, || {
            std::hint::black_box(progenitor_source(&spec).unwrap());
        });
        let ratio = theirs.ratio(&ours);
        ratios.push(ratio);
        println!(
            "  {label:<36} {:>4} KB  ours {ours}  progenitor {theirs} (+ parse {parsing})  \
             ours {ratio:.1}x faster   target >= 5x",
            text.len() / 1000
        );
    }
    if let Some(least) = ratios.iter().copied().reduce(f64::min) {
        println!(
            "  on the {} files both accept, ours is at least {least:.1}x faster (target >= 5x on every file)",
            ratios.len()
        );
    }
    for refusal in &refused {
        println!("  progenitor refuses {refusal}");
    }
    let out = std::env::temp_dir().join("twilio-api-bench-progenitor-assistants-v1");
    write_crate(&specs.join("assistants_v1.yaml"), &out).unwrap();
    let lines = std::fs::read_to_string(out.join("src/lib.rs"))
        .unwrap()
        .lines()
        .count();
    println!(
        "  progenitor's crate for specs/assistants_v1.yaml ({lines} lines of src/lib.rs) is in {}\n  \
         (build it with `cargo build --timings` there)",
        out.display()
    );
    println!();
}

fn parse(text: &str) -> Result<openapiv3::OpenAPI, String> {
    yaml_serde::from_str(text).map_err(|e| e.to_string())
}

/// progenitor's client for `spec`, formatted as its `build.rs` instructions do.
fn progenitor_source(spec: &openapiv3::OpenAPI) -> Result<String, String> {
    let mut settings = progenitor::GenerationSettings::default();
    settings
        .with_interface(progenitor::InterfaceStyle::Builder)
        .with_tag(progenitor::TagStyle::Merged);
    let mut generator = progenitor::Generator::new(&settings);
    let tokens = generator
        .generate_tokens(spec)
        .map_err(|e| format!("generate_tokens returns an error: {e}"))?;
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("its output does not parse: {e}"))?;
    Ok(prettyplease::unparse(&file))
}

/// Runs `f`, turning a panic into an error that quotes it (and keeping it off stderr).
fn quietly<T>(f: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    let message = Arc::new(Mutex::new(String::new()));
    let seen = Arc::clone(&message);
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let location = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let payload = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        *seen.lock().unwrap() = format!("{payload}{location}");
    }));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    panic::set_hook(previous);
    match result {
        Ok(result) => result,
        Err(_) => Err(format!("panics: {}", message.lock().unwrap())),
    }
}

/// Writes a crate of progenitor's client for `spec_file` to `out_dir`: `Cargo.toml` (its own
/// workspace, with the dependencies the output uses) and `src/lib.rs`. A spec that refers to
/// other files of its folder is bundled first.
pub fn write_crate(spec_file: &Path, out_dir: &Path) -> Result<(), String> {
    let text = bundle(spec_file)?;
    let spec = parse(&text)?;
    let source = quietly(|| progenitor_source(&spec))?;
    let stem = spec_file
        .file_stem()
        .map(|s| s.to_string_lossy().replace(['_', '.'], "-"))
        .unwrap_or_default();
    let mut dependencies = vec![
        format!("progenitor-client = \"{PROGENITOR_VERSION}\""),
        // What progenitor's README lists; rustls with ring, as the twilio-api crate uses.
        "reqwest = { version = \"0.13\", default-features = false, features = [\"json\", \"query\", \"stream\", \"rustls-no-provider\"] }".to_owned(),
        "serde = { version = \"1\", features = [\"derive\"] }".to_owned(),
        "serde_json = \"1\"".to_owned(),
        "futures = \"0.3\"".to_owned(),
    ];
    // What the types use, as typify prints it.
    for (path, dependency) in [
        (
            "::chrono::",
            "chrono = { version = \"0.4\", features = [\"serde\"] }",
        ),
        (
            "::uuid::",
            "uuid = { version = \"1\", features = [\"serde\", \"v4\"] }",
        ),
        ("::regress::", "regress = \"0.12\""),
    ] {
        if source.contains(path) {
            dependencies.push(dependency.to_owned());
        }
    }
    let cargo_toml = format!(
        "[package]\nname = \"progenitor-{stem}\"\nversion = \"0.1.0\"\nedition = \"2021\"\npublish = false\n\n\
         # A workspace of its own, so it builds where it is written.\n[workspace]\n\n\
         [dependencies]\n{}\n",
        dependencies.join("\n")
    );
    let write = |path: &Path, contents: &str| {
        std::fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    std::fs::create_dir_all(out_dir.join("src"))
        .map_err(|e| format!("cannot create {}: {e}", out_dir.display()))?;
    write(&out_dir.join("Cargo.toml"), &cargo_toml)?;
    write(&out_dir.join("src/lib.rs"), &source)
}

/// The spec at `spec_file` as one document: every component it refers to in another file of
/// its folder (`./common.yaml#/components/schemas/AccountSid`), and everything those refer to,
/// is copied into its own `components` under the same name, and the `$ref`s made local. A file
/// without such references comes back as it is.
pub fn bundle(spec_file: &Path) -> Result<String, String> {
    let read = |path: &Path| {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let text = read(spec_file)?;
    if !text.contains(".yaml#") {
        return Ok(text);
    }
    let dir = spec_file.parent().unwrap_or(Path::new("."));
    let own = spec_file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut doc: Value = yaml_serde::from_str(&text).map_err(|e| e.to_string())?;
    let mut others: BTreeMap<String, Value> = BTreeMap::new();
    let mut wanted: Vec<(String, String)> = Vec::new();
    make_local(&mut doc, &own, &mut wanted)?;
    let mut copied: BTreeSet<(String, String)> = BTreeSet::new();
    while let Some((file, pointer)) = wanted.pop() {
        if file == own || !copied.insert((file.clone(), pointer.clone())) {
            continue;
        }
        if !others.contains_key(&file) {
            let other = yaml_serde::from_str(&read(&dir.join(&file))?)
                .map_err(|e| format!("{file}: {e}"))?;
            others.insert(file.clone(), other);
        }
        let mut node = others[&file]
            .pointer(&pointer)
            .cloned()
            .ok_or_else(|| format!("{file} has nothing at {pointer}"))?;
        make_local(&mut node, &file, &mut wanted)?;
        if doc.pointer(parent(&pointer)).is_none() {
            // Create `/components/<section>` in the bundle.
            let section = parent(&pointer).rsplit('/').next().unwrap_or_default();
            let components = doc
                .as_object_mut()
                .ok_or("not a mapping")?
                .entry("components")
                .or_insert_with(|| Value::Object(serde_json::Map::new()));
            components
                .as_object_mut()
                .ok_or("components is not a mapping")?
                .insert(section.to_owned(), Value::Object(serde_json::Map::new()));
        }
        let name = pointer.rsplit('/').next().unwrap_or_default();
        let entries = doc
            .pointer_mut(parent(&pointer))
            .and_then(Value::as_object_mut)
            .ok_or_else(|| format!("`{}` is not a mapping", parent(&pointer)))?;
        if entries.contains_key(name) {
            return Err(format!(
                "{file}#{pointer} has the name of a component of {own}: cannot bundle"
            ));
        }
        entries.insert(name.to_owned(), node);
    }
    yaml_serde::to_string(&doc).map_err(|e| e.to_string())
}

/// `/components/schemas` of `/components/schemas/X`.
fn parent(pointer: &str) -> &str {
    pointer.rsplit_once('/').map_or("", |(parent, _)| parent)
}

/// Makes every `$ref` under `value` (written in `file`) local, and lists the
/// `(file, pointer)` nodes the bundle needs; only components can be bundled.
fn make_local(
    value: &mut Value,
    file: &str,
    wanted: &mut Vec<(String, String)>,
) -> Result<(), String> {
    match value {
        Value::Object(object) => {
            for (key, child) in object.iter_mut() {
                if let (true, Value::String(reference)) = (key == "$ref", &mut *child) {
                    let (target, pointer) = reference.split_once('#').unwrap_or(("", ""));
                    let target = target.trim_start_matches("./");
                    let target = if target.is_empty() { file } else { target };
                    if !pointer.starts_with("/components/") || pointer.matches('/').count() != 3 {
                        return Err(format!("cannot bundle the $ref `{reference}`"));
                    }
                    wanted.push((target.to_owned(), pointer.to_owned()));
                    *reference = format!("#{pointer}");
                } else {
                    make_local(child, file, wanted)?;
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                make_local(item, file, wanted)?;
            }
        }
        _ => {}
    }
    Ok(())
}
