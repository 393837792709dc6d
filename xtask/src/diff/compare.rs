//! Compares two intermediate models and classifies every difference for callers of the
//! generated crate: breaking (code that compiled or requests that worked may not any more) or
//! compatible (additions, looser checks, docs).

use std::collections::{BTreeMap, BTreeSet};

use generator::model::{
    Api, Check, Field, Input, Model, Module, Operation, Outcome, Source, TypeDef, TypeKind,
    TypeName, TypeRef,
};
use generator::pattern::Language;
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
                compare_apis(&mut out, models, name, old, new);
                compare_types(&mut out, models, name, old, new);
            }
            (None, None) => {}
        }
    }
    let mut changes = out.list;
    changes.extend(affected_models(base, head, &changes));
    changes.sort_by(|a, b| {
        (&a.api, a.via.is_some(), &a.item).cmp(&(&b.api, b.via.is_some(), &b.item))
    });
    changes
}

struct Changes {
    list: Vec<Change>,
}

/// The two models compared: types are named through the model they belong to.
#[derive(Clone, Copy)]
struct Models<'m> {
    base: &'m Model,
    head: &'m Model,
}

impl Changes {
    fn push(
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

fn location(source: &Source, side: Side) -> Location {
    Location {
        file: source.file.clone(),
        line: source.line,
        pointer: source.pointer.clone(),
        side,
    }
}

fn module_location(module: &Module, side: Side) -> Location {
    Location {
        file: module.file.clone(),
        line: None,
        pointer: String::new(),
        side,
    }
}

fn compare_apis(out: &mut Changes, models: Models<'_>, module: &str, old: &Module, new: &Module) {
    match (&old.api, &new.api) {
        (None, None) => {}
        (Some(old_api), None) => {
            for op in &old_api.operations {
                operation_removed(out, module, old_api, op);
            }
        }
        (None, Some(new_api)) => {
            for op in &new_api.operations {
                operation_added(out, module, new_api, op);
            }
        }
        (Some(old_api), Some(new_api)) => {
            let (old_url, new_url) = (server_url(old_api), server_url(new_api));
            if old_url != new_url {
                out.push(
                    Severity::Breaking,
                    module,
                    format!("twilio_api::Client::{module}"),
                    format!("host changed from `{}` to `{}`", old_url, new_url),
                    new_api.servers.first().map_or_else(
                        || module_location(new, Side::Head),
                        |s| location(&s.source, Side::Head),
                    ),
                );
            }
            let old_ops: BTreeMap<&str, &Operation> = old_api
                .operations
                .iter()
                .map(|o| (o.id.as_str(), o))
                .collect();
            let new_ops: BTreeMap<&str, &Operation> = new_api
                .operations
                .iter()
                .map(|o| (o.id.as_str(), o))
                .collect();
            for (id, op) in &old_ops {
                if !new_ops.contains_key(id) {
                    operation_removed(out, module, old_api, op);
                }
            }
            for (id, op) in &new_ops {
                match old_ops.get(id) {
                    None => operation_added(out, module, new_api, op),
                    Some(old_op) => compare_operation(out, models, module, new_api, old_op, op),
                }
            }
        }
    }
}

fn server_url(api: &Api) -> String {
    api.servers.first().map(|s| s.url()).unwrap_or_default()
}

fn method_item(module: &str, api: &Api, op: &Operation) -> String {
    format!("{module}::{}::{}", api.handle, op.method_name)
}

fn operation_removed(out: &mut Changes, module: &str, api: &Api, op: &Operation) {
    operation_presence(out, module, api, op, Side::Base);
}

fn operation_added(out: &mut Changes, module: &str, api: &Api, op: &Operation) {
    operation_presence(out, module, api, op, Side::Head);
}

/// An operation only on one side: removed (breaking) or added (compatible).
fn operation_presence(out: &mut Changes, module: &str, api: &Api, op: &Operation, side: Side) {
    let (severity, what) = match side {
        Side::Base => (Severity::Breaking, "removed"),
        Side::Head => (Severity::Compatible, "added"),
    };
    let message = format!(
        "operation `{}` {what} ({} {})",
        op.id,
        op.http_method.as_str(),
        op.path
    );
    out.push(
        severity,
        module,
        method_item(module, api, op),
        message,
        location(&op.source, side),
    );
}

fn compare_operation(
    out: &mut Changes,
    models: Models<'_>,
    module: &str,
    api: &Api,
    old: &Operation,
    new: &Operation,
) {
    let item = method_item(module, api, new);
    let here = location(&new.source, Side::Head);
    if old.http_method != new.http_method || old.path != new.path {
        out.push(
            Severity::Breaking,
            module,
            item.clone(),
            format!(
                "request changed from `{} {}` to `{} {}`",
                old.http_method.as_str(),
                old.path,
                new.http_method.as_str(),
                new.path
            ),
            here.clone(),
        );
    }
    let (old_returns, new_returns) = (
        returns(models.base, &old.outcome),
        returns(models.head, &new.outcome),
    );
    if old_returns != new_returns {
        out.push(
            Severity::Breaking,
            module,
            item.clone(),
            format!("`send()` now returns `{new_returns}` instead of `{old_returns}`"),
            here.clone(),
        );
    }
    match (&old.pagination, &new.pagination) {
        (None, Some(_)) => out.push(
            Severity::Compatible,
            module,
            item.clone(),
            "now a list operation: `.limit()`, `.stream()` and `.pages()` added".to_owned(),
            here.clone(),
        ),
        (Some(_), None) => out.push(
            Severity::Breaking,
            module,
            item.clone(),
            "no longer a list operation: `.limit()`, `.stream()` and `.pages()` removed".to_owned(),
            here.clone(),
        ),
        _ => {}
    }
    if !old.deprecated && new.deprecated {
        out.push(
            Severity::Compatible,
            module,
            item.clone(),
            "deprecated".to_owned(),
            here.clone(),
        );
    }
    if old.summary != new.summary || old.description != new.description {
        out.push(
            Severity::Compatible,
            module,
            item.clone(),
            DOCS.to_owned(),
            here.clone(),
        );
    }
    if old.errors != new.errors {
        out.push(
            Severity::Compatible,
            module,
            item,
            "documented error responses changed".to_owned(),
            here,
        );
    }
    compare_params(out, models, module, api, old, new);
}

fn returns(model: &Model, outcome: &Outcome) -> String {
    match outcome {
        Outcome::Body(Some(ty)) => rust_type(model, ty),
        Outcome::Body(None) => "()".to_owned(),
        Outcome::Statuses { name, variants } => {
            let parts: Vec<String> = variants
                .iter()
                .map(|v| {
                    let body = v
                        .body
                        .as_ref()
                        .map_or_else(|| "()".to_owned(), |t| rust_type(model, t));
                    format!("{}: {body}", v.status)
                })
                .collect();
            format!("{name} {{ {} }}", parts.join(", "))
        }
        Outcome::Redirect { body: None, .. } => "String (the Location)".to_owned(),
        Outcome::Redirect { body: Some(ty), .. } => format!("Redirect<{}>", rust_type(model, ty)),
    }
}

fn param_item(module: &str, api: &Api, op: &Operation, param: &Input) -> String {
    if param.required {
        format!("{}({})", method_item(module, api, op), param.rust_name)
    } else {
        format!("{module}::{}::{}", op.builder, param.rust_name)
    }
}

fn place(param: &Input) -> &'static str {
    param.location.describe()
}

fn compare_params(
    out: &mut Changes,
    models: Models<'_>,
    module: &str,
    api: &Api,
    old_op: &Operation,
    new_op: &Operation,
) {
    let key = |p: &Input| (p.location, p.name.clone());
    let old: BTreeMap<_, &Input> = old_op.inputs.iter().map(|p| (key(p), p)).collect();
    let new: BTreeMap<_, &Input> = new_op.inputs.iter().map(|p| (key(p), p)).collect();
    for (k, param) in &old {
        if !new.contains_key(k) {
            out.push(
                Severity::Breaking,
                module,
                param_item(module, api, old_op, param),
                format!("{} `{}` removed", place(param), param.name),
                location(&param.source, Side::Base),
            );
        }
    }
    for (k, param) in &new {
        let item = param_item(module, api, new_op, param);
        let here = location(&param.source, Side::Head);
        let Some(before) = old.get(k) else {
            let (severity, how) = if param.required {
                (Severity::Breaking, "added as required")
            } else {
                (Severity::Compatible, "added (optional)")
            };
            out.push(
                severity,
                module,
                item,
                format!("{} `{}` {how}", place(param), param.name),
                here,
            );
            continue;
        };
        let (old_ty, new_ty) = (
            rust_type(models.base, &before.ty),
            rust_type(models.head, &param.ty),
        );
        if old_ty != new_ty || before.repeated != param.repeated {
            out.push(
                Severity::Breaking,
                module,
                item.clone(),
                format!("type changed from `{old_ty}` to `{new_ty}`"),
                here.clone(),
            );
        }
        if !before.required && param.required {
            out.push(
                Severity::Breaking,
                module,
                item.clone(),
                "now required".to_owned(),
                here.clone(),
            );
        } else if before.required && !param.required {
            out.push(
                Severity::Compatible,
                module,
                item.clone(),
                "now optional".to_owned(),
                here.clone(),
            );
        }
        if let Some((severity, message)) =
            compare_constraints(&Bounds::of(&before.checks), &Bounds::of(&param.checks))
        {
            out.push(severity, module, item.clone(), message, here.clone());
        }
        if before.doc != param.doc || before.default != param.default {
            out.push(Severity::Compatible, module, item, DOCS.to_owned(), here);
        }
    }
}

/// The bounds an input is checked against before sending.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Bounds {
    minimum: Option<i64>,
    maximum: Option<i64>,
    min_length: Option<usize>,
    max_length: Option<usize>,
}

impl Bounds {
    fn of(checks: &[Check]) -> Bounds {
        let mut bounds = Bounds::default();
        for check in checks {
            match check {
                Check::Range { min, max } => {
                    bounds.minimum = *min;
                    bounds.maximum = *max;
                }
                Check::Length { min, max } => {
                    bounds.min_length = *min;
                    bounds.max_length = *max;
                }
                Check::Id(_) => {}
            }
        }
        bounds
    }
}

/// Bounds that accept fewer values are breaking (requests that passed now fail before sending).
fn compare_constraints(old: &Bounds, new: &Bounds) -> Option<(Severity, String)> {
    if old == new {
        return None;
    }
    let narrower_min = |a: Option<i64>, b: Option<i64>| match (a, b) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(a), Some(b)) => b > a,
    };
    let narrower_max = |a: Option<i64>, b: Option<i64>| match (a, b) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(a), Some(b)) => b < a,
    };
    let as_i64 = |v: Option<usize>| v.map(|v| i64::try_from(v).unwrap_or(i64::MAX));
    let tightened = narrower_min(old.minimum, new.minimum)
        || narrower_max(old.maximum, new.maximum)
        || narrower_min(as_i64(old.min_length), as_i64(new.min_length))
        || narrower_max(as_i64(old.max_length), as_i64(new.max_length));
    let describe = |c: &Bounds| {
        let mut parts = Vec::new();
        if c.minimum.is_some() || c.maximum.is_some() {
            parts.push(format!("{}..={}", bound(c.minimum), bound(c.maximum)));
        }
        if c.min_length.is_some() || c.max_length.is_some() {
            parts.push(format!(
                "length {}..={}",
                bound(c.min_length),
                bound(c.max_length)
            ));
        }
        if parts.is_empty() {
            "unbounded".to_owned()
        } else {
            parts.join(", ")
        }
    };
    let message = format!("bounds changed from {} to {}", describe(old), describe(new));
    Some(if tightened {
        (Severity::Breaking, format!("{message} (tightened)"))
    } else {
        (Severity::Compatible, format!("{message} (loosened)"))
    })
}

fn bound<T: std::fmt::Display>(value: Option<T>) -> String {
    value.map_or_else(String::new, |v| v.to_string())
}

fn compare_types(out: &mut Changes, models: Models<'_>, module: &str, old: &Module, new: &Module) {
    let old_types: BTreeMap<&str, &TypeDef> = old
        .types
        .iter()
        .map(|&id| models.base.ty(id))
        .map(|t| (t.name.as_str(), t))
        .collect();
    let new_types: BTreeMap<&str, &TypeDef> = new
        .types
        .iter()
        .map(|&id| models.head.ty(id))
        .map(|t| (t.name.as_str(), t))
        .collect();
    for (name, def) in &old_types {
        if !new_types.contains_key(name) {
            out.push(
                Severity::Breaking,
                module,
                format!("{module}::{name}"),
                format!("{} removed", kind_name(&def.kind)),
                location(&def.source, Side::Base),
            );
        }
    }
    for (name, def) in &new_types {
        let item = format!("{module}::{name}");
        let here = location(&def.source, Side::Head);
        let Some(before) = old_types.get(name) else {
            out.push(
                Severity::Compatible,
                module,
                item,
                format!("{} added", kind_name(&def.kind)),
                here,
            );
            continue;
        };
        if before.doc != def.doc {
            out.push(
                Severity::Compatible,
                module,
                item.clone(),
                DOCS.to_owned(),
                here.clone(),
            );
        }
        match (&before.kind, &def.kind) {
            (TypeKind::Struct(old_struct), TypeKind::Struct(new_struct)) => {
                compare_fields(
                    out,
                    models,
                    module,
                    &item,
                    &old_struct.fields,
                    &new_struct.fields,
                );
            }
            (TypeKind::Enum(old_enum), TypeKind::Enum(new_enum)) => {
                let (old_values, new_values) = (&old_enum.values, &new_enum.values);
                let old_wires: BTreeSet<&str> =
                    old_values.iter().map(|v| v.wire.as_str()).collect();
                let new_wires: BTreeSet<&str> =
                    new_values.iter().map(|v| v.wire.as_str()).collect();
                for value in old_values
                    .iter()
                    .filter(|v| !new_wires.contains(v.wire.as_str()))
                {
                    out.push(
                        Severity::Breaking,
                        module,
                        format!("{item}::{}", value.variant),
                        format!("enum value `{}` removed", value.wire),
                        here.clone(),
                    );
                }
                for value in new_values
                    .iter()
                    .filter(|v| !old_wires.contains(v.wire.as_str()))
                {
                    out.push(
                        Severity::Compatible,
                        module,
                        format!("{item}::{}", value.variant),
                        format!("enum value `{}` added", value.wire),
                        here.clone(),
                    );
                }
            }
            (TypeKind::Id(old_id), TypeKind::Id(new_id)) => {
                let same = old_id.pattern == new_id.pattern
                    && old_id.min_length == new_id.min_length
                    && old_id.max_length == new_id.max_length;
                if !same {
                    let old_language =
                        Language::new(&old_id.check, old_id.min_length, old_id.max_length);
                    let new_language =
                        Language::new(&new_id.check, new_id.min_length, new_id.max_length);
                    let (severity, how) = match (old_language, new_language) {
                        (Some(old_l), Some(new_l)) => {
                            match (new_l.is_subset_of(&old_l), old_l.is_subset_of(&new_l)) {
                                (true, true) => {
                                    (Severity::Compatible, "rewritten; it accepts the same IDs")
                                }
                                (true, false) => (
                                    Severity::Breaking,
                                    "tightened; IDs it accepted before are refused",
                                ),
                                (false, true) => {
                                    (Severity::Compatible, "loosened; it accepts more IDs")
                                }
                                (false, false) => (
                                    Severity::Breaking,
                                    "changed; some IDs it accepted before are refused",
                                ),
                            }
                        }
                        _ => (Severity::Breaking, "changed"),
                    };
                    out.push(
                        severity,
                        module,
                        item,
                        format!(
                            "ID pattern `{}` -> `{}` {how}",
                            old_id.pattern, new_id.pattern
                        ),
                        here,
                    );
                }
            }
            (TypeKind::Alias(old_ty), TypeKind::Alias(new_ty)) => {
                let (old_ty, new_ty) = (
                    rust_type(models.base, old_ty),
                    rust_type(models.head, new_ty),
                );
                if old_ty != new_ty {
                    out.push(
                        Severity::Breaking,
                        module,
                        item,
                        format!("now stands for `{new_ty}` instead of `{old_ty}`"),
                        here,
                    );
                }
            }
            (old_kind, new_kind) if kind_name(old_kind) != kind_name(new_kind) => out.push(
                Severity::Breaking,
                module,
                item,
                format!(
                    "changed from {} to {}",
                    kind_name(old_kind),
                    kind_name(new_kind)
                ),
                here,
            ),
            _ => {}
        }
    }
}

fn compare_fields(
    out: &mut Changes,
    models: Models<'_>,
    module: &str,
    item: &str,
    old: &[Field],
    new: &[Field],
) {
    let old_fields: BTreeMap<&str, &Field> =
        old.iter().map(|f| (f.name.json.as_str(), f)).collect();
    let new_fields: BTreeMap<&str, &Field> =
        new.iter().map(|f| (f.name.json.as_str(), f)).collect();
    for (json, field) in &old_fields {
        if !new_fields.contains_key(json) {
            out.push(
                Severity::Breaking,
                module,
                format!("{item}::{}", field.name.rust),
                format!("field `{json}` removed"),
                location(&field.source, Side::Base),
            );
        }
    }
    for (json, field) in &new_fields {
        let field_item = format!("{item}::{}", field.name.rust);
        let here = location(&field.source, Side::Head);
        let Some(before) = old_fields.get(json) else {
            let (severity, message) = if field.is_optional() {
                (
                    Severity::Compatible,
                    format!("optional field `{json}` added"),
                )
            } else {
                (
                    Severity::Breaking,
                    format!("required field `{json}` added (a non-`Option` field)"),
                )
            };
            out.push(severity, module, field_item, message, here);
            continue;
        };
        let (old_ty, new_ty) = (
            rust_type(models.base, &before.ty),
            rust_type(models.head, &field.ty),
        );
        if old_ty != new_ty {
            out.push(
                Severity::Breaking,
                module,
                field_item.clone(),
                format!("type changed from `{old_ty}` to `{new_ty}`"),
                here.clone(),
            );
        }
        match (before.is_optional(), field.is_optional()) {
            (true, false) => out.push(
                Severity::Breaking,
                module,
                field_item.clone(),
                format!("now required: `{new_ty}` instead of `Option<…>`"),
                here.clone(),
            ),
            (false, true) => out.push(
                Severity::Breaking,
                module,
                field_item.clone(),
                format!("now optional: `Option<{new_ty}>`"),
                here.clone(),
            ),
            _ => {}
        }
        if before.doc != field.doc
            || before.pii != field.pii
            || before.deprecated != field.deprecated
        {
            out.push(
                Severity::Compatible,
                module,
                field_item,
                DOCS.to_owned(),
                here,
            );
        }
    }
}

fn kind_name(kind: &TypeKind) -> &'static str {
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

/// One line per model that uses a changed type (directly or through other types), once per
/// model and changed type, so a change to a shared schema shows in every API it reaches.
fn affected_models(base: &Model, head: &Model, changes: &[Change]) -> Vec<Change> {
    // Only breaking changes to types that exist on both sides reach their users: an addition
    // or a docs change to a shared type changes nothing for the models that use it.
    let mut by_type: BTreeMap<TypeName, Vec<&Change>> = BTreeMap::new();
    for change in changes.iter().filter(|c| c.severity == Severity::Breaking) {
        if let (Some(name), Some(_)) = (changed_type(head, change), changed_type(base, change)) {
            by_type.entry(name).or_default().push(change);
        }
    }
    let mut out = Vec::new();
    for (changed, type_changes) in by_type {
        let summary = match type_changes.as_slice() {
            [only] => only.message.clone(),
            [first, rest @ ..] => format!("{} (and {} more)", first.message, rest.len()),
            [] => continue,
        };
        let changed_item = format!("{}::{}", changed.module, changed.name);
        for (user, field) in users_of(head, &changed) {
            out.push(Change {
                severity: Severity::Breaking,
                api: user.module.clone(),
                item: format!("{}::{}", user.module, user.name),
                message: format!("uses `{changed_item}`, which changed: {summary}"),
                location: location(&field.source, Side::Head),
                via: Some(changed_item.clone()),
            });
        }
    }
    out
}

/// The type a change is about, if it is about a type or one of its fields or values.
fn changed_type(model: &Model, change: &Change) -> Option<TypeName> {
    let mut parts = change.item.split("::");
    let (module, name) = (parts.next()?, parts.next()?);
    let name = TypeName {
        module: module.to_owned(),
        name: name.to_owned(),
    };
    model.type_def(&name).map(|_| name)
}

/// Structs in `model` that reach `target` through their fields, each with the first field
/// that leads there.
fn users_of<'m>(model: &'m Model, target: &TypeName) -> Vec<(TypeName, &'m Field)> {
    let mut users = Vec::new();
    for module in &model.modules {
        for def in module.types.iter().map(|&id| model.ty(id)) {
            let TypeKind::Struct(structure) = &def.kind else {
                continue;
            };
            let fields = &structure.fields;
            let name = TypeName {
                module: module.name.clone(),
                name: def.name.clone(),
            };
            if &name == target {
                continue;
            }
            let via = fields
                .iter()
                .find(|f| reaches(model, &f.ty, target, &mut BTreeSet::new()));
            if let Some(field) = via {
                users.push((name, field));
            }
        }
    }
    users
}

fn reaches(model: &Model, ty: &TypeRef, target: &TypeName, seen: &mut BTreeSet<TypeName>) -> bool {
    match ty {
        TypeRef::Array(inner) | TypeRef::Map(inner) => reaches(model, inner, target, seen),
        TypeRef::Named(id) => {
            let name = model.type_name(*id);
            if &name == target {
                return true;
            }
            if !seen.insert(name) {
                return false;
            }
            match &model.ty(*id).kind {
                TypeKind::Struct(structure) => structure
                    .fields
                    .iter()
                    .any(|f| reaches(model, &f.ty, target, seen)),
                TypeKind::Alias(inner) => reaches(model, inner, target, seen),
                TypeKind::Union(union) => union
                    .variants
                    .iter()
                    .any(|v| reaches(model, &v.ty, target, seen)),
                TypeKind::Enum(_) | TypeKind::Id(_) => false,
            }
        }
        _ => false,
    }
}
