//! The state of one model build: the type arena while types are drafted (names are chosen
//! later, by [`super::names_pass`]), the problems found, and helpers to read spec nodes.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;

use super::{Personal, Source, TypeId, TypeKind};
use crate::error::Problem;
use crate::load::Specs;
use crate::pattern::{Matcher, PatternCheck};
use crate::refs::Node;

/// A type being built: where it lives, the names it could take, and (once built) its kind.
pub(super) struct Draft {
    /// The module that will define it.
    pub module: String,
    /// Names it could take, best first; the naming pass picks the first one free.
    pub names: Vec<String>,
    /// Whether it is a component schema (components keep their names before inline types).
    pub component: bool,
    /// Description.
    pub doc: Option<String>,
    /// `None` while it is being built.
    pub kind: Option<TypeKind>,
    /// Where it is written.
    pub source: Source,
}

/// What identifies an ID type within a module: what its pattern accepts (two spellings of one
/// pattern, `[0-9a-fA-F]` and `[0-9A-Fa-f]`, are one type) and the length bounds the pattern
/// does not already imply (`minLength: 34` on `^AC[0-9a-fA-F]{32}$` says nothing more).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct IdKey {
    pattern: IdPattern,
    /// `minLength`, when it is more than the pattern's shortest match.
    pub min_length: Option<usize>,
    /// `maxLength`, when it is less than the pattern's longest match.
    pub max_length: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum IdPattern {
    Compiled(Matcher),
    /// A pattern the generator does not check, by its text.
    Text(String),
}

impl IdKey {
    /// The key of a string schema (`value`) with this pattern.
    pub fn new(pattern: &str, value: &Value) -> IdKey {
        let compiled = crate::pattern::compile(pattern).ok();
        IdKey::compiled(pattern, compiled.as_ref(), value)
    }

    /// The key of a string schema whose pattern is already compiled (`None`: it is not a
    /// valid pattern).
    pub fn compiled(pattern: &str, check: Option<&PatternCheck>, value: &Value) -> IdKey {
        let (min, max) = (count(value, "minLength"), count(value, "maxLength"));
        match check {
            Some(PatternCheck::Checked(matcher)) => {
                let (shortest, longest) = if matcher.anchored_start && matcher.anchored_end {
                    matcher.char_len()
                } else {
                    (0, None)
                };
                IdKey {
                    min_length: min.filter(|&n| n > shortest),
                    max_length: max.filter(|&n| longest.is_none_or(|l| n < l)),
                    pattern: IdPattern::Compiled(matcher.clone()),
                }
            }
            _ => IdKey {
                pattern: IdPattern::Text(pattern.to_owned()),
                min_length: min,
                max_length: max,
            },
        }
    }
}

/// Everything a model build keeps while it runs.
pub(super) struct Builder<'a> {
    pub specs: &'a Specs,
    pub problems: Vec<Problem>,
    /// What generates but deserves a look (an operation named without an `operationId`).
    pub warnings: Vec<Problem>,
    /// The type arena: a [`TypeId`] indexes it.
    pub drafts: Vec<Draft>,
    /// The type each schema node became, for nodes that define a type.
    pub by_node: HashMap<Node, TypeId>,
    /// Module name of each spec file.
    pub modules: BTreeMap<String, String>,
    /// ID types by module and pattern, so every field with one pattern shares one type.
    pub ids: BTreeMap<(String, IdKey), TypeId>,
    /// Patterns used in more than one module: their ID types live in [`SHARED_MODULE`].
    pub shared_patterns: BTreeSet<IdKey>,
    /// Names the fields and parameters that use each ID type suggest for it, with counts.
    pub id_names: BTreeMap<TypeId, BTreeMap<String, usize>>,
    /// Schema nodes whose type is being worked out, to catch a schema that contains itself
    /// with no struct in between (`A: {type: array, items: {$ref: A}}`).
    pub visiting: std::collections::HashSet<Node>,
}

/// The module that holds what several spec files share.
pub const SHARED_MODULE: &str = "common";

impl<'a> Builder<'a> {
    pub fn new(specs: &'a Specs) -> Self {
        Builder {
            specs,
            problems: Vec::new(),
            warnings: Vec::new(),
            drafts: Vec::new(),
            by_node: HashMap::new(),
            modules: BTreeMap::new(),
            ids: BTreeMap::new(),
            shared_patterns: BTreeSet::new(),
            id_names: BTreeMap::new(),
            visiting: std::collections::HashSet::new(),
        }
    }

    /// Records a problem at `node`.
    pub fn problem(&mut self, node: &Node, message: impl Into<String>) {
        let problem = self.specs.file(&node.file).problem(&node.pointer, message);
        self.problems.push(problem);
    }

    /// Records a warning at `node`: generation goes on.
    pub fn warning(&mut self, node: &Node, message: impl Into<String>) {
        let warning = self.specs.file(&node.file).problem(&node.pointer, message);
        self.warnings.push(warning);
    }

    /// Follows `$ref`s from `node` (see [`Specs::follow`]); a broken reference is recorded as
    /// a problem at its `$ref` and gives `None`.
    pub fn follow_or_report(&mut self, node: &Node) -> Option<Node> {
        match self.specs.follow(node) {
            Ok(target) => Some(target),
            Err(message) => {
                self.problem(&node.child("$ref"), message);
                None
            }
        }
    }

    /// Where `node` is, with its line.
    pub fn source(&self, node: &Node) -> Source {
        let spec = self.specs.file(&node.file);
        Source {
            file: node.file.clone(),
            pointer: node.pointer.clone(),
            line: spec.line(&node.pointer),
        }
    }

    /// The JSON value at `node` (`Null` if there is none; callers reach nodes they found).
    pub fn value(&self, node: &Node) -> &'a Value {
        static NULL: Value = Value::Null;
        self.specs.value(node).unwrap_or(&NULL)
    }

    /// Module name of a spec file.
    pub fn module_of(&self, file: &str) -> String {
        self.modules.get(file).cloned().unwrap_or_default()
    }

    /// Adds a type to the arena (its kind comes later, with [`Builder::finish`]).
    pub fn draft(&mut self, module: String, names: Vec<String>, node: &Node) -> TypeId {
        let id = TypeId(self.drafts.len());
        let component = node.pointer.starts_with("/components/schemas/")
            && node.pointer.matches('/').count() == 3;
        let doc = text(self.value(node), "description");
        self.drafts.push(Draft {
            module,
            names,
            component,
            doc,
            kind: None,
            source: self.source(node),
        });
        id
    }

    /// Gives a drafted type its kind.
    pub fn finish(&mut self, id: TypeId, kind: TypeKind) {
        self.drafts[id.0].kind = Some(kind);
    }
}

/// A string member of a JSON object; a blank one (`description: ''`) is none, so what reads it
/// (docs, names) falls back as it does for a missing one.
pub(super) fn text(value: &Value, key: &str) -> Option<String> {
    value
        .get(key)
        .and_then(Value::as_str)
        .filter(|text| !text.trim().is_empty())
        .map(str::to_owned)
}

/// A boolean member of a JSON object (`false` when absent).
pub(super) fn flag(value: &Value, key: &str) -> bool {
    value.get(key).and_then(Value::as_bool).unwrap_or(false)
}

/// A non-negative integer member of a JSON object.
pub(super) fn count(value: &Value, key: &str) -> Option<usize> {
    value
        .get(key)
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
}

/// An integer member of a JSON object (a float with no fraction counts).
pub(super) fn integer(value: &Value, key: &str) -> Option<i64> {
    let v = value.get(key)?;
    v.as_i64().or_else(|| {
        v.as_f64()
            .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
            .map(|f| f as i64)
    })
}

/// How the spec marks a value as personal data (`x-twilio: {pii: {handling}}`), if it does.
pub(super) fn pii(value: &Value) -> Option<Personal> {
    let handling = value.get("x-twilio")?.get("pii")?.get("handling")?;
    Some(match handling.as_str() {
        Some("standard") => Personal::Standard,
        // Unknown markings are kept from print too: a new kind of personal data must not leak.
        _ => Personal::Sensitive,
    })
}
