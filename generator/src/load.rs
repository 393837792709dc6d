//! Reads a specs folder: every `*.yaml` file in it is an OpenAPI 3.0 document, parsed with
//! yaml_serde into openapiv3 types; `crate.yaml`, if present, names the crate to generate.
//! References between files (`./common.yaml#/components/schemas/AccountSid`) are resolved here.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use openapiv3::OpenAPI;
use serde::Deserialize;

use crate::error::{Error, Problem};
use crate::locate::{self, LineIndex};
use crate::pointer::escape;

/// The name of the optional file in the specs folder that describes the generated crate.
pub const CRATE_CONFIG_FILE: &str = "crate.yaml";

/// Every spec file of a folder, parsed, plus the crate configuration.
#[derive(Debug, Clone)]
pub struct Specs {
    /// The folder as given, with `/` separators (`specs`).
    pub dir: String,
    /// The files by name (`assistants_v1.yaml`), in name order.
    pub files: BTreeMap<String, SpecFile>,
    /// What the generated crate is called and its metadata.
    pub config: CrateConfig,
}

/// One parsed OpenAPI document.
#[derive(Debug, Clone)]
pub struct SpecFile {
    /// File name within the specs folder (`assistants_v1.yaml`).
    pub name: String,
    /// Path as shown in messages (`specs/assistants_v1.yaml`).
    pub path: PathBuf,
    /// The YAML text, kept to find line numbers for errors.
    pub text: String,
    /// The parsed document.
    pub doc: OpenAPI,
    /// The same document as plain JSON: the model reads schemas from it, so every keyword
    /// (and every combination of keywords) is seen as written.
    pub raw: serde_json::Value,
    /// The line of every node, built once when the file is read (see [`SpecFile::line`]).
    lines: LineIndex,
}

/// Metadata of the generated crate, from `crate.yaml` (all fields optional).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CrateConfig {
    /// Package name (`twilio-api`).
    pub name: String,
    /// Package version.
    pub version: String,
    /// One-line package description.
    pub description: String,
    /// Repository URL, if any.
    pub repository: Option<String>,
    /// How the crate reaches the runtime crate; set by the caller, not by `crate.yaml`.
    #[serde(skip)]
    pub runtime: RuntimeDependency,
}

/// How a generated crate depends on the runtime crate `twilio-api-runtime`, which holds
/// everything that is not generated (HTTP, auth, retries, pagination, errors, helpers).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub enum RuntimeDependency {
    /// A path, relative to the generated crate's folder or absolute: a crate generated from
    /// this repository builds against its `runtime/`, wherever it is written. The dependency
    /// also asks for [`RUNTIME_VERSION`], so the crate can be published as it is (crates.io
    /// uses the version and drops the path).
    Path(String),
    /// A version requirement on the published crate.
    Version(String),
}

/// The version of the runtime this generator writes code for: the two are released together
/// under the workspace's one version.
pub const RUNTIME_VERSION: &str = env!("CARGO_PKG_VERSION");

impl Default for RuntimeDependency {
    /// `generated/` beside `runtime/`, as in this repository.
    fn default() -> Self {
        RuntimeDependency::Path("../runtime".to_owned())
    }
}

impl Default for CrateConfig {
    fn default() -> Self {
        CrateConfig {
            name: "twilio-api".to_owned(),
            version: "0.1.0".to_owned(),
            description: "Typed client for Twilio's REST APIs, generated from OpenAPI specs."
                .to_owned(),
            repository: None,
            runtime: RuntimeDependency::default(),
        }
    }
}

/// Reads and parses every spec in `dir`.
pub fn load_dir(dir: &Path) -> Result<Specs, Error> {
    load_sources(dir, read_sources(dir)?)
}

/// The text of every `*.yaml` and `*.yml` file in `dir` (`crate.yaml` included), by file
/// name, as [`load_sources`] takes them.
pub fn read_sources(dir: &Path) -> Result<BTreeMap<String, String>, Error> {
    let entries = fs::read_dir(dir).map_err(|e| {
        Error::one(Problem {
            file: dir.to_path_buf(),
            line: None,
            pointer: None,
            message: format!("cannot read the specs folder: {e}"),
        })
    })?;
    let mut sources = BTreeMap::new();
    for entry in entries {
        let path = match entry {
            Ok(entry) => entry.path(),
            Err(e) => return Err(io_problem(dir, &e)),
        };
        let is_yaml = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        );
        if !is_yaml || !path.is_file() {
            continue;
        }
        let text = fs::read_to_string(&path).map_err(|e| io_problem(&path, &e))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        sources.insert(name, text);
    }
    Ok(sources)
}

fn io_problem(path: &Path, error: &std::io::Error) -> Error {
    Error::one(Problem {
        file: path.to_path_buf(),
        line: None,
        pointer: None,
        message: format!("cannot read: {error}"),
    })
}

/// Parses spec texts given by file name; `dir` is only used to show paths in messages.
/// (`cargo xtask diff` uses this to load the specs of a git revision.)
pub fn load_sources(dir: &Path, sources: BTreeMap<String, String>) -> Result<Specs, Error> {
    let mut problems = Vec::new();
    let mut files = BTreeMap::new();
    let mut config = CrateConfig::default();
    for (name, text) in sources {
        let path = dir.join(&name);
        if name == CRATE_CONFIG_FILE {
            match parse_yaml::<CrateConfig>(&text) {
                Ok(parsed) => config = parsed,
                Err((line, pointer, message)) => problems.push(Problem {
                    file: path,
                    line,
                    pointer,
                    message,
                }),
            }
            continue;
        }
        // The usual case reads the YAML once; anything unusual takes the slow path, which
        // locates problems.
        let (parsed, fast_raw) = match parse_fast(&text) {
            Some((doc, raw)) => (Ok(doc), Some(raw)),
            None => (parse_yaml::<OpenAPI>(&text), None),
        };
        match parsed {
            Ok(doc) if !doc.openapi.starts_with("3.0.") => problems.push(Problem {
                line: locate::line_of(&text, "/openapi"),
                file: path,
                pointer: Some("/openapi".to_owned()),
                message: format!(
                    "unsupported OpenAPI version `{}`: the generator reads OpenAPI 3.0.x",
                    doc.openapi
                ),
            }),
            Ok(doc) => {
                let raw = match fast_raw
                    .map_or_else(|| yaml_serde::from_str::<serde_json::Value>(&text), Ok)
                {
                    Ok(raw) => raw,
                    Err(error) => {
                        problems.push(Problem {
                            line: error.location().map(|l| l.line()),
                            file: path,
                            pointer: None,
                            message: format!(
                                "not a valid document here: {}",
                                strip_position(&error.to_string())
                            ),
                        });
                        continue;
                    }
                };
                let lines = LineIndex::new(&text);
                files.insert(
                    name.clone(),
                    SpecFile {
                        name,
                        path,
                        text,
                        doc,
                        raw,
                        lines,
                    },
                );
            }
            Err((line, pointer, message)) => problems.push(Problem {
                file: path,
                line,
                pointer,
                message,
            }),
        }
    }
    if files.is_empty() && problems.is_empty() {
        problems.push(Problem {
            file: dir.to_path_buf(),
            line: None,
            pointer: None,
            message: "no OpenAPI spec (`*.yaml`) in this folder".to_owned(),
        });
    }
    if problems.is_empty() {
        Ok(Specs {
            dir: dir.to_string_lossy().replace('\\', "/"),
            files,
            config,
        })
    } else {
        Err(Error { problems })
    }
}

/// The document and its JSON, reading the YAML once: `None` if the text has anything
/// [`parse_yaml`] could refuse (invalid YAML, a duplicate key, a node openapiv3 does not take)
/// or the JSON could differ from what yaml_serde reads (a value JSON cannot hold).
///
/// Reading the YAML three times ([`parse_yaml`] checks the syntax, then deserializes with
/// path tracking; then the JSON) was half of the load time.
fn parse_fast(text: &str) -> Option<(OpenAPI, serde_json::Value)> {
    let Strict(raw) = yaml_serde::from_str(text).ok()?;
    // openapiv3 reads a `serde_json::Value` as it reads the YAML: every struct of it that is
    // not read through serde's buffered content has flattened extensions, so it takes only a
    // mapping, as from YAML; and the scalars are the ones yaml_serde resolved.
    let doc = OpenAPI::deserialize(&raw).ok()?;
    Some((doc, raw))
}

/// The JSON value yaml_serde reads (what `serde_json::Value` builds from it), refusing what
/// the YAML syntax check in [`parse_yaml`] refuses: a key twice in one mapping.
struct Strict(serde_json::Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = serde_json::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any value JSON can hold")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Self::Value, E> {
        Ok(value.into())
    }

    fn visit_i64<E>(self, value: i64) -> Result<Self::Value, E> {
        Ok(value.into())
    }

    fn visit_u64<E>(self, value: u64) -> Result<Self::Value, E> {
        Ok(value.into())
    }

    fn visit_f64<E>(self, value: f64) -> Result<Self::Value, E> {
        // As `serde_json::Value` does: NaN and infinities become null.
        Ok(serde_json::Number::from_f64(value).map_or(serde_json::Value::Null, Into::into))
    }

    fn visit_str<E>(self, value: &str) -> Result<Self::Value, E> {
        Ok(value.into())
    }

    fn visit_string<E>(self, value: String) -> Result<Self::Value, E> {
        Ok(value.into())
    }

    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(serde_json::Value::Null)
    }

    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        Strict::deserialize(d).map(|Strict(value)| value)
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(Strict(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(serde_json::Value::Array(items))
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut object = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Strict(value) = map.next_value()?;
            if object.insert(key, value).is_some() {
                return Err(serde::de::Error::custom("duplicate key"));
            }
        }
        Ok(serde_json::Value::Object(object))
    }
}

/// Parses YAML into `T`; on failure returns the line, the JSON pointer of the node and a message.
fn parse_yaml<T: serde::de::DeserializeOwned>(
    text: &str,
) -> Result<T, (Option<usize>, Option<String>, String)> {
    // Syntax first: a YAML error is reported as such, at the line the parser stopped.
    if let Err(error) = yaml_serde::from_str::<yaml_serde::Value>(text) {
        let line = error.location().map(|l| l.line());
        return Err((
            line,
            None,
            format!("invalid YAML: {}", strip_position(&error.to_string())),
        ));
    }
    let deserializer = yaml_serde::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let pointer = path_to_pointer(error.path());
        let inner = error.into_inner();
        if let Some((pointer, message)) = pointer.as_deref().and_then(|p| refine(text, p)) {
            let line = locate::line_of(text, &pointer);
            return (
                line,
                Some(pointer),
                format!("not a valid document here: {message}"),
            );
        }
        let line = inner
            .location()
            .map(|l| l.line())
            .or_else(|| pointer.as_deref().and_then(|p| locate::line_of(text, p)));
        let message = format!(
            "not a valid document here: {}",
            strip_position(&inner.to_string())
        );
        (line, pointer, message)
    })
}

/// openapiv3 reads `paths` and `responses` through maps of its own, which hides where inside
/// them an error is; this re-reads each entry on its own to find the exact node.
fn refine(text: &str, pointer: &str) -> Option<(String, String)> {
    let document: serde_json::Value = yaml_serde::from_str(text).ok()?;
    refine_at(&document, pointer, 0)
}

fn refine_at(
    document: &serde_json::Value,
    pointer: &str,
    depth: usize,
) -> Option<(String, String)> {
    if depth > 3 {
        return None;
    }
    // The error may name the map itself or one of its entries; start from the map.
    let pointer = match pointer.rsplit_once('/') {
        Some((parent, _)) if parent == "/paths" || parent.ends_with("/responses") => parent,
        _ => pointer,
    };
    let node = document.pointer(pointer)?.as_object()?;
    let is_paths = pointer == "/paths";
    let is_responses = pointer.ends_with("/responses");
    if !is_paths && !is_responses {
        return None;
    }
    for (key, value) in node {
        if key.starts_with("x-") {
            continue;
        }
        // `ReferenceOr` is read like an untagged enum, which hides paths too: read the item type.
        if value.get("$ref").is_some() {
            continue;
        }
        let result = if is_paths {
            serde_path_to_error::deserialize::<_, openapiv3::PathItem>(value).map(|_| ())
        } else {
            serde_path_to_error::deserialize::<_, openapiv3::Response>(value).map(|_| ())
        };
        if let Err(error) = result {
            let inner = path_to_pointer(error.path()).unwrap_or_default();
            let here = format!("{pointer}/{}{inner}", escape(key));
            let message = error.into_inner().to_string();
            // A response inside this entry may hide the real spot once more.
            let deeper = if inner.contains("/responses/") {
                refine_at(document, &here, depth + 1)
            } else {
                None
            };
            return Some(deeper.unwrap_or((here, message)));
        }
    }
    None
}

/// yaml_serde appends "at line L column C" to its messages; the line is reported separately.
fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message.to_owned(),
    }
}

fn path_to_pointer(path: &serde_path_to_error::Path) -> Option<String> {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Map { key } => pointer.push_str(&format!("/{}", escape(key))),
            Segment::Enum { variant } => pointer.push_str(&format!("/{}", escape(variant))),
            Segment::Unknown => break,
        }
    }
    (!pointer.is_empty()).then_some(pointer)
}

impl Specs {
    /// The file called `name`.
    pub fn file(&self, name: &str) -> &SpecFile {
        &self.files[name]
    }
}

impl SpecFile {
    /// The 1-based line where the node at `pointer` starts, if it is written block-style.
    /// Costs a hash lookup: the file's index is built once, when it is read.
    pub fn line(&self, pointer: &str) -> Option<usize> {
        self.lines.line(pointer)
    }

    /// A problem at `pointer` in this file, with its line when it can be found.
    pub fn problem(&self, pointer: &str, message: impl Into<String>) -> Problem {
        Problem {
            file: self.path.clone(),
            line: self.line(pointer),
            pointer: Some(pointer.to_owned()),
            message: message.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

    use std::collections::BTreeMap;
    use std::path::Path;

    use super::{load_sources, parse_fast};

    #[test]
    fn the_fast_path_reads_the_samples_as_the_slow_one_does() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/twilio-oai-sample");
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let (_, raw) = parse_fast(&text).unwrap();
            let slow: serde_json::Value = yaml_serde::from_str(&text).unwrap();
            assert_eq!(raw, slow, "{}", path.display());
        }
    }

    #[test]
    fn a_duplicate_key_is_still_invalid_yaml() {
        let text = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a: {}\n  /a: {}\n";
        assert!(parse_fast(text).is_none());
        let sources = BTreeMap::from([("a.yaml".to_owned(), text.to_owned())]);
        let error = load_sources(Path::new("specs"), sources).unwrap_err();
        let problem = &error.problems[0];
        assert!(problem.message.starts_with("invalid YAML"), "{problem:?}");
        assert!(problem.line.is_some(), "{problem:?}");
    }
}
