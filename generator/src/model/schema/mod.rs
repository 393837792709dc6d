//! Schemas to types. A schema node becomes a plain [`TypeRef`] (strings, numbers, lists,
//! maps, untyped JSON) or a drafted type of its own (structs, enums, ID types, unions, and
//! aliases for component schemas); `$ref`s are followed with the one resolver, and the same
//! node always gives the same type.
//!
//! Here: the entry point, [`SchemaInfo`] and the plain types; structs, unions, enums and
//! ID types are built in the child modules.

use serde_json::Value;

use super::draft::{Builder, count, flag, integer, pii, text};
use super::{IntegerKind, Personal, TypeId, TypeKind, TypeRef};
use crate::names;
use crate::refs::Node;

mod enums;
mod ids;
pub(super) use ids::{KindName, kind_name};
mod structs;
#[cfg(test)]
mod tests;
mod unions;

/// Facts about a schema (or a `$ref` with siblings) that fields and inputs keep.
#[derive(Default)]
pub(super) struct SchemaInfo {
    pub doc: Option<String>,
    pub nullable: bool,
    pub pii: Option<Personal>,
    pub deprecated: bool,
    pub example: Option<Value>,
    pub default: Option<Value>,
    pub minimum: Option<i64>,
    pub maximum: Option<i64>,
    pub min_length: Option<usize>,
    pub max_length: Option<usize>,
}

impl Builder<'_> {
    /// The type of the schema at `node`. Inline types are named after `hint` (or their
    /// `title`); `usage` is the field or parameter name, which names ID types.
    pub fn type_of(&mut self, node: &Node, hint: &str, usage: Option<&str>) -> Option<TypeRef> {
        let value = self.value(node);
        if let Some(reference) = value.get("$ref") {
            if !reference.is_string() {
                self.problem(&node.child("$ref"), "`$ref` must be a string");
                return None;
            }
            let target = self.follow_or_report(node)?;
            return self.type_of(&target, hint, usage);
        }
        if let Some(&id) = self.by_node.get(node) {
            self.note_id_usage(id, usage);
            return Some(TypeRef::Named(id));
        }
        let component = is_component(node);
        if !self.visiting.insert(node.clone()) {
            self.problem(
                node,
                "this schema contains itself with no object in between, so it has no finite type",
            );
            return None;
        }
        let plain = self.plain_type(node, hint, usage);
        self.visiting.remove(node);
        let plain = plain?;
        if !component {
            return Some(plain);
        }
        // A component schema is a type of its own even when it is plain (`type Sid = String`).
        match plain {
            TypeRef::Named(id) if self.drafts[id.0].source.pointer == node.pointer => {
                Some(TypeRef::Named(id))
            }
            other => {
                let id = self.draft(
                    self.module_of(&node.file),
                    component_names(node, &self.module_of(&node.file)),
                    node,
                );
                self.by_node.insert(node.clone(), id);
                self.finish(id, TypeKind::Alias(other));
                Some(TypeRef::Named(id))
            }
        }
    }

    /// The names a new type at `node` could take.
    fn names_for(&self, node: &Node, hint: &str) -> Vec<String> {
        if is_component(node) {
            return component_names(node, &self.module_of(&node.file));
        }
        let mut names = Vec::new();
        if let Some(title) = text(self.value(node), "title") {
            names.push(names::type_name(&title));
        }
        names.push(names::type_name(hint));
        names
    }

    /// Drafts a type for `node` before its parts are built, so a schema that refers back to
    /// itself finds it.
    fn begin(&mut self, node: &Node, hint: &str) -> TypeId {
        let names = self.names_for(node, hint);
        let id = self.draft(self.module_of(&node.file), names, node);
        self.by_node.insert(node.clone(), id);
        id
    }

    fn plain_type(&mut self, node: &Node, hint: &str, usage: Option<&str>) -> Option<TypeRef> {
        let value = self.value(node);
        let Some(object) = value.as_object() else {
            if value.as_bool().is_some() {
                return Some(TypeRef::Json);
            }
            self.problem(node, "a schema must be an object");
            return None;
        };
        if let Some(parts) = object.get("allOf").and_then(Value::as_array) {
            let own_properties = object.contains_key("properties");
            if parts.len() == 1 && !own_properties {
                return self.type_of(&node.child("allOf").child("0"), hint, usage);
            }
            return self.merged_struct(node, "allOf", hint);
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(variants) = object.get(key).and_then(Value::as_array) {
                if variants.len() == 1 {
                    return self.type_of(&node.child(key).child("0"), hint, usage);
                }
                // A value of `anyOf` objects may hold the properties of several of them at once:
                // one struct with all of them (each optional) keeps every one.
                if key == "anyOf" && self.all_objects(node, key) {
                    return self.merged_struct(node, key, hint);
                }
                return self.union(node, key, hint);
            }
        }
        if is_http_method(object) {
            return Some(TypeRef::HttpMethod);
        }
        if let Some(values) = object.get("enum").and_then(Value::as_array)
            && let Some(ty) = self.enumeration(node, values, hint)
        {
            return Some(ty);
        }
        let declared = object.get("type").and_then(Value::as_str);
        let inferred = match declared {
            Some(t) => Some(t),
            None if object.contains_key("properties")
                || object.contains_key("additionalProperties") =>
            {
                Some("object")
            }
            None if object.contains_key("items") => Some("array"),
            None => None,
        };
        let format = object.get("format").and_then(Value::as_str).unwrap_or("");
        let ty = match inferred {
            Some("string") => {
                if let Some(source) = object.get("pattern").and_then(Value::as_str) {
                    return self.id_type(node, source, hint, usage);
                }
                match format {
                    "date-time" => TypeRef::DateTime,
                    "date-time-rfc-2822" => TypeRef::DateTimeRfc2822,
                    "date" => TypeRef::Date,
                    "uri" | "url" => TypeRef::Url,
                    _ => TypeRef::String,
                }
            }
            Some("integer") => TypeRef::Integer(if format == "int32" {
                IntegerKind::I32
            } else {
                IntegerKind::I64
            }),
            Some("number") => TypeRef::Number,
            Some("boolean") => TypeRef::Boolean,
            Some("array") => match object.get("items") {
                Some(_) => {
                    let items = node.child("items");
                    let item = self.type_of(&items, &format!("{hint}Item"), usage)?;
                    TypeRef::Array(Box::new(self.nullable_if_marked(&items, item)))
                }
                None => TypeRef::Array(Box::new(TypeRef::Json)),
            },
            Some("object") => {
                let has_properties = object
                    .get("properties")
                    .and_then(Value::as_object)
                    .is_some_and(|p| !p.is_empty());
                if has_properties {
                    return self.structure(node, hint);
                }
                match self.additional(node, hint)? {
                    Some(value) => TypeRef::Map(Box::new(value)),
                    None => TypeRef::Json,
                }
            }
            Some(other) => {
                self.problem(
                    &node.child("type"),
                    format!("unknown type `{other}` (OpenAPI 3.0 has string, integer, number, boolean, array and object)"),
                );
                return None;
            }
            None => TypeRef::Json,
        };
        Some(ty)
    }

    /// What `additionalProperties` says: `Some(value type)` to keep undeclared properties,
    /// `None` when they are not kept (`false` or absent).
    fn additional(&mut self, node: &Node, hint: &str) -> Option<Option<TypeRef>> {
        match self.value(node).get("additionalProperties") {
            None | Some(Value::Bool(false)) => Some(None),
            Some(Value::Bool(true)) => Some(Some(TypeRef::Json)),
            Some(Value::Object(schema)) if schema.is_empty() => Some(Some(TypeRef::Json)),
            Some(_) => {
                let value_node = node.child("additionalProperties");
                let value = self.type_of(&value_node, &format!("{hint}Value"), None)?;
                Some(Some(self.nullable_if_marked(&value_node, value)))
            }
        }
    }

    /// `Option` of `ty` when the schema at `node` says `nullable: true` (for list items and
    /// map values; fields carry their own optionality).
    fn nullable_if_marked(&self, node: &Node, ty: TypeRef) -> TypeRef {
        // The schema a `$ref` names counts too: Twilio marks item components nullable.
        let target_nullable = self
            .specs
            .follow(node)
            .is_ok_and(|target| flag(self.value(&target), "nullable"));
        if (self.schema_info(node).nullable || target_nullable) && ty != TypeRef::Json {
            TypeRef::Nullable(Box::new(ty))
        } else {
            ty
        }
    }

    /// Documentation, flags and bounds of a schema; for a `$ref` (or a single-entry `allOf`)
    /// what the wrapper says wins over what the target says.
    pub fn schema_info(&self, node: &Node) -> SchemaInfo {
        self.schema_info_within(node, 0)
    }

    /// [`Builder::schema_info`], following at most a few wrappers (a schema that wraps
    /// itself is reported where its type is built).
    fn schema_info_within(&self, node: &Node, depth: usize) -> SchemaInfo {
        let value = self.value(node);
        let mut info = SchemaInfo {
            doc: text(value, "description"),
            nullable: flag(value, "nullable"),
            pii: pii(value),
            deprecated: flag(value, "deprecated"),
            example: value.get("example").cloned(),
            default: value.get("default").cloned(),
            minimum: integer(value, "minimum").map(|m| {
                if flag(value, "exclusiveMinimum") {
                    m + 1
                } else {
                    m
                }
            }),
            maximum: integer(value, "maximum").map(|m| {
                if flag(value, "exclusiveMaximum") {
                    m - 1
                } else {
                    m
                }
            }),
            min_length: count(value, "minLength"),
            max_length: count(value, "maxLength"),
        };
        let inner = if value.get("$ref").is_some() {
            self.specs.follow(node).ok()
        } else {
            match value.get("allOf").and_then(Value::as_array) {
                Some(parts) if parts.len() == 1 && value.get("properties").is_none() => {
                    Some(node.child("allOf").child("0"))
                }
                _ => None,
            }
        };
        if let Some(inner) = inner.filter(|_| depth < 16) {
            let target = self.schema_info_within(&inner, depth + 1);
            info.doc = info.doc.or(target.doc);
            info.pii = info.pii.or(target.pii);
            info.example = info.example.or(target.example);
            info.default = info.default.or(target.default);
            info.deprecated |= target.deprecated;
            info.minimum = info.minimum.or(target.minimum);
            info.maximum = info.maximum.or(target.maximum);
            info.min_length = info.min_length.or(target.min_length);
            info.max_length = info.max_length.or(target.max_length);
        }
        info
    }
}

/// Whether a schema is Twilio's `format: http-method` string with no values beyond those of
/// the runtime's `HttpMethod` (`GET`, `POST`); one that lists others stays an enum of its own.
fn is_http_method(object: &serde_json::Map<String, Value>) -> bool {
    object.get("format").and_then(Value::as_str) == Some("http-method")
        && object
            .get("type")
            .and_then(Value::as_str)
            .is_none_or(|t| t == "string")
        && object.get("enum").is_none_or(|values| {
            values.as_array().is_some_and(|values| {
                values
                    .iter()
                    .all(|v| matches!(v.as_str(), Some("GET" | "POST")))
            })
        })
}

/// Whether `node` is a component schema (`/components/schemas/Name`).
pub(super) fn is_component(node: &Node) -> bool {
    node.pointer.starts_with("/components/schemas/") && node.pointer.matches('/').count() == 3
}

/// The names a component schema could take: without the API's own prefix first
/// (`events.v1.sink` in module `events_v1` is `Sink`), then in full (`EventsV1Sink`).
fn component_names(node: &Node, module: &str) -> Vec<String> {
    let name = node.last_segment();
    let mut names = Vec::new();
    // Twilio names enums `<resource>_enum_<name>`: a name of several words stands alone
    // (`sink_enum_sink_type` -> `SinkType`), a single word keeps its resource
    // (`call_enum_status` -> `CallStatus`, as `Status` says little).
    if let Some((resource, enum_name)) = name.split_once("_enum_")
        && !resource.is_empty()
        && !enum_name.is_empty()
    {
        let alone = names::type_name(enum_name);
        let qualified = names::type_name(&format!("{resource}_{enum_name}"));
        if enum_name.contains('_') {
            names.extend([alone, qualified]);
        } else {
            names.extend([qualified, alone]);
        }
    }
    if let Some(stripped) = names::strip_api_prefix(&name, module) {
        names.push(names::type_name(stripped));
    }
    names.push(names::type_name(&name));
    names.dedup();
    names
}
