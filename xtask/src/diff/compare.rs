//! Compares two intermediate models and classifies every difference for callers of the
//! generated crate: breaking (code that compiled or requests that worked may not any more) or
//! compatible (additions, looser checks, docs).

use std::collections::{BTreeMap, BTreeSet};

use generator::model::{Model, Module, Source, TypeKind, TypeRef};
use serde::Serialize;

/// How a change affects callers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Additions, looser checks, documentation.
    Compatible,
    /// Something callers rely on is gone, renamed, retyped or stricter.
    Breaking,
}

/// Which side of the comparison a location is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The base revision (for things that were removed).
    Base,
    /// The working tree.
    Head,
}

/// Where a change is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Spec file name (`assistants_v1.yaml`).
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// JSON pointer of the node.
    pub pointer: String,
    /// Base revision or working tree.
    pub side: Side,
}

/// One difference, in the generated crate's terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Breaking or compatible.
    pub severity: Severity,
    /// The module (API) the change belongs to (`assistants_v1`).
    pub api: String,
    /// The Rust item it affects (`assistants_v1::Session::verified`).
    pub item: String,
    /// What changed.
    pub message: String,
    /// Where it is written.
    pub location: Location,
    /// For a change reported on a model because a type it uses changed: that type.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

/// The message of a change to documentation only.
pub const DOCS: &str = "docs changed";

/// Every difference between `base` and `head`, in API order.
pub fn compare(base: &Model, head: &Model) -> Vec<Change> {
    let mut out = Changes { list: Vec::new() };
    let base_modules: BTreeMap<&str, &Module> =
        base.modules.iter().map(|m| (m.name.as_str(), m)).collect();
    let head_modules: BTreeMap<&str, &Module> =
        head.modules.iter().map(|m| (m.name.as_str(), m)).collect();
    let names: BTreeSet<&str> = base_modules
        .keys()
        .chain(head_modules.keys())
        .copied()
        .collect();
    for name in names {
        match (base_modules.get(name), head_modules.get(name)) {
            (Some(old), None) => out.push(
                Severity::Breaking,
                name,
                format!("twilio_api::{name}"),
                format!(
                    "module removed (spec file `{}` deleted), with all its operations and types",
                    old.file
                ),
                module_location(old, Side::Base),
            ),
            (None, Some(new)) => out.push(
                Severity::Compatible,
                name,
                format!("twilio_api::{name}"),
                format!("module added from `{}`", new.file),
                module_location(new, Side::Head),
            ),
            (Some(old), Some(new)) => {
                let models = Models { base, head };
                super::operations::compare_apis(&mut out, models, name, old, new);
                super::types::compare_types(&mut out, models, name, old, new);
            }
            (None, None) => {}
        }
    }
    let mut changes = out.list;
    changes.extend(super::types::affected_models(base, head, &changes));
    changes.sort_by(|a, b| {
        (&a.api, a.via.is_some(), &a.item).cmp(&(&b.api, b.via.is_some(), &b.item))
    });
    changes
}

pub(super) struct Changes {
    list: Vec<Change>,
}

/// The two models compared: types are named through the model they belong to.
#[derive(Clone, Copy)]
pub(super) struct Models<'m> {
    pub base: &'m Model,
    pub head: &'m Model,
}

impl Changes {
    pub(super) fn push(
        &mut self,
        severity: Severity,
        api: &str,
        item: String,
        message: String,
        location: Location,
    ) {
        self.list.push(Change {
            severity,
            api: api.to_owned(),
            item,
            message,
            location,
            via: None,
        });
    }
}

pub(super) fn location(source: &Source, side: Side) -> Location {
    Location {
        file: source.file.clone(),
        line: source.line,
        pointer: source.pointer.clone(),
        side,
    }
}

pub(super) fn module_location(module: &Module, side: Side) -> Location {
    Location {
        file: module.file.clone(),
        line: None,
        pointer: String::new(),
        side,
    }
}

pub(super) fn kind_name(kind: &TypeKind) -> &'static str {
    match kind {
        TypeKind::Struct(_) => "struct",
        TypeKind::Enum(_) => "enum",
        TypeKind::Id(_) => "ID type",
        TypeKind::Union(_) => "union",
        TypeKind::Alias(_) => "type alias",
    }
}

/// A type as callers see it (`Vec<Session>`, `Option` aside).
pub fn rust_type(model: &Model, ty: &TypeRef) -> String {
    match ty {
        TypeRef::String => "String".to_owned(),
        TypeRef::Integer(kind) => format!("{kind:?}").to_lowercase(),
        TypeRef::Number => "f64".to_owned(),
        TypeRef::Boolean => "bool".to_owned(),
        TypeRef::DateTime => "DateTime<Utc>".to_owned(),
        TypeRef::Date => "NaiveDate".to_owned(),
        TypeRef::Url => "Url".to_owned(),
        TypeRef::Json => "serde_json::Value".to_owned(),
        TypeRef::Nullable(inner) => format!("Option<{}>", rust_type(model, inner)),
        TypeRef::Array(item) => format!("Vec<{}>", rust_type(model, item)),
        TypeRef::Map(value) => format!("BTreeMap<String, {}>", rust_type(model, value)),
        TypeRef::Named(id) => {
            let def = model.ty(*id);
            format!("{}::{}", def.module, def.name)
        }
    }
}
