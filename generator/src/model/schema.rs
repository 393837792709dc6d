//! Schemas to types. A schema node becomes a plain [`TypeRef`] (strings, numbers, lists,
//! maps, untyped JSON) or a drafted type of its own (structs, enums, ID types, unions, and
//! aliases for component schemas); `$ref`s are followed with the one resolver, and the same
//! node always gives the same type.

use std::collections::BTreeSet;

use serde_json::Value;

use super::draft::{Builder, IdKey, SHARED_MODULE, count, flag, integer, pii, text};
use super::{
    Enum, EnumValue, Field, FieldName, IdType, IntegerKind, Personal, Struct, TypeId, TypeKind,
    TypeRef, Union, UnionVariant,
};
use crate::refs::Node;
use crate::{names, pattern};

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

    fn structure(&mut self, node: &Node, hint: &str) -> Option<TypeRef> {
        let id = self.begin(node, hint);
        let name_hint = self.drafts[id.0].names[0].clone();
        let value = self.value(node);
        let required = required_names(value);
        let mut fields = Vec::new();
        let mut ok = true;
        if let Some(properties) = value.get("properties").and_then(Value::as_object) {
            for json in properties.keys() {
                match self.field(node, json, &required, &name_hint, &mut fields) {
                    Some(field) => fields.push(field),
                    None => ok = false,
                }
            }
        }
        let additional = self.additional(node, &name_hint);
        let (true, Some(additional)) = (ok, additional) else {
            return None;
        };
        self.finish(id, TypeKind::Struct(Struct { fields, additional }));
        Some(TypeRef::Named(id))
    }

    /// `allOf` of several schemas: one struct with the properties of all of them (later
    /// ones win on a name clash) and the union of their `required` lists.
    /// With `key` `allOf`, `required` is the union of the parts'; with `anyOf`, every field
    /// is optional (a value need not match every member).
    fn merged_struct(&mut self, node: &Node, key: &str, hint: &str) -> Option<TypeRef> {
        let id = self.begin(node, hint);
        let name_hint = self.drafts[id.0].names[0].clone();
        let mut parts = vec![node.clone()];
        let count = self
            .value(node)
            .get(key)
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        for index in 0..count {
            let part = node.child(key).child(&index.to_string());
            parts.push(self.follow_or_report(&part)?);
        }
        let mut required = BTreeSet::new();
        if key == "allOf" {
            for part in &parts {
                required.extend(required_names(self.value(part)));
            }
        }
        let mut fields: Vec<Field> = Vec::new();
        let mut additional = None;
        let mut ok = true;
        for part in &parts {
            let value = self.value(part);
            if let Some(properties) = value.get("properties").and_then(Value::as_object) {
                for json in properties.keys() {
                    fields.retain(|f| &f.name.json != json);
                    match self.field(part, json, &required, &name_hint, &mut fields) {
                        Some(field) => fields.push(field),
                        None => ok = false,
                    }
                }
            }
            match self.additional(part, &name_hint) {
                Some(Some(ty)) => additional = Some(ty),
                Some(None) => {}
                None => ok = false,
            }
        }
        if !ok {
            return None;
        }
        self.finish(id, TypeKind::Struct(Struct { fields, additional }));
        Some(TypeRef::Named(id))
    }

    /// Whether every member of `node`'s `key` list is an object with properties.
    fn all_objects(&self, node: &Node, key: &str) -> bool {
        let count = self
            .value(node)
            .get(key)
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        (0..count).all(|index| {
            self.specs
                .follow(&node.child(key).child(&index.to_string()))
                .is_ok_and(|target| {
                    let value = self.value(&target);
                    value.get("discriminator").is_none()
                        && value
                            .get("properties")
                            .and_then(Value::as_object)
                            .is_some_and(|p| !p.is_empty())
                })
        })
    }

    /// One property of the object at `node`, named so it does not clash with `fields`.
    fn field(
        &mut self,
        node: &Node,
        json: &str,
        required: &BTreeSet<String>,
        parent: &str,
        fields: &mut [Field],
    ) -> Option<Field> {
        let property = node.child("properties").child(json);
        let hint = format!("{parent}{}", names::type_name(json));
        let ty = self.type_of(&property, &hint, Some(json))?;
        let info = self.schema_info(&property);
        let base = names::snake_name(json);
        let rust = names::unique(&base, |candidate| {
            fields.iter().any(|f| f.name.rust == candidate)
        });
        Some(Field {
            name: FieldName {
                json: json.to_owned(),
                rust,
            },
            ty,
            required: required.contains(json),
            nullable: info.nullable,
            boxed: false,
            doc: info.doc,
            pii: info.pii.unwrap_or_default(),
            deprecated: info.deprecated,
            example: info.example,
            source: self.source(&property),
        })
    }

    fn union(&mut self, node: &Node, key: &str, hint: &str) -> Option<TypeRef> {
        let id = self.begin(node, hint);
        let name_hint = self.drafts[id.0].names[0].clone();
        let value = self.value(node);
        let discriminator = value
            .get("discriminator")
            .and_then(|d| d.get("propertyName"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        let mapping: Vec<(String, String)> = value
            .get("discriminator")
            .and_then(|d| d.get("mapping"))
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .filter_map(|(tag, target)| Some((tag.clone(), target.as_str()?.to_owned())))
                    .collect()
            })
            .unwrap_or_default();
        let count = value.get(key).and_then(Value::as_array).map_or(0, Vec::len);
        let mut variants: Vec<UnionVariant> = Vec::new();
        for index in 0..count {
            let variant = node.child(key).child(&index.to_string());
            let reference = text(self.value(&variant), "$ref");
            let variant_hint = format!("{name_hint}Variant{}", index + 1);
            let ty = self.type_of(&variant, &variant_hint, None)?;
            let target_name = reference
                .as_deref()
                .map(|r| r.rsplit('/').next().unwrap_or(r).to_owned());
            let mut tags: Vec<String> = mapping
                .iter()
                .filter(|(_, target)| Some(target) == reference.as_ref())
                .map(|(tag, _)| tag.clone())
                .collect();
            if discriminator.is_some() && tags.is_empty() {
                // Without a mapping, the tag is the schema's component name.
                tags.extend(target_name.clone());
            }
            let base = match (tags.first(), &target_name) {
                (Some(tag), _) => names::variant_name(tag),
                (None, Some(target)) => names::variant_name(target),
                (None, None) => names::variant_name(&primitive_label(&ty, index)),
            };
            let name = names::unique(&base, |c| {
                c == "Unknown" || variants.iter().any(|v| v.name == c)
            });
            variants.push(UnionVariant { name, tags, ty });
        }
        self.finish(
            id,
            TypeKind::Union(Union {
                discriminator,
                variants,
            }),
        );
        Some(TypeRef::Named(id))
    }

    /// An enum type for string or integer `enum`s; `None` for other values (booleans,
    /// numbers), which keep their plain type.
    fn enumeration(&mut self, node: &Node, values: &[Value], hint: &str) -> Option<TypeRef> {
        let present: Vec<&Value> = values.iter().filter(|v| !v.is_null()).collect();
        if present.is_empty() {
            return None;
        }
        let strings: Option<Vec<String>> = present
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect();
        // Integers Rust's `i64` holds; any other number keeps the plain type.
        let integers: Option<Vec<i64>> = present.iter().map(|v| v.as_i64()).collect();
        let kind = match (strings, integers) {
            (Some(strings), _) => Enum::String(enum_values(strings, |s| names::variant_name(s))),
            (None, Some(integers)) => Enum::Integer(enum_values(integers, |n| {
                names::variant_name(&format!("V{n}"))
            })),
            (None, None) => return None,
        };
        let id = self.begin(node, hint);
        self.finish(id, TypeKind::Enum(kind));
        Some(TypeRef::Named(id))
    }

    /// The ID type of a string with a pattern: one per pattern (and length bounds) in a
    /// module, or in [`SHARED_MODULE`] when several modules use it.
    fn id_type(
        &mut self,
        node: &Node,
        source: &str,
        hint: &str,
        usage: Option<&str>,
    ) -> Option<TypeRef> {
        let value = self.value(node);
        let key: IdKey = (
            source.to_owned(),
            count(value, "minLength"),
            count(value, "maxLength"),
        );
        let check = match pattern::compile(source) {
            Ok(check) => check,
            Err(message) => {
                self.problem(&node.child("pattern"), message);
                return None;
            }
        };
        let own = self.module_of(&node.file);
        let module = if self.shared_patterns.contains(&key) {
            SHARED_MODULE.to_owned()
        } else {
            own
        };
        let component = is_component(node);
        if !component && let Some(&id) = self.ids.get(&(module.clone(), key.clone())) {
            self.note_id_usage(id, usage);
            self.note_id_format(id, value);
            return Some(TypeRef::Named(id));
        }
        let names = if component {
            component_names(node, &module)
        } else {
            vec![names::type_name(hint)]
        };
        let id = self.draft(module.clone(), names, node);
        if component {
            self.by_node.insert(node.clone(), id);
        }
        self.ids.entry((module, key.clone())).or_insert(id);
        let example = value
            .get("example")
            .and_then(Value::as_str)
            .map(str::to_owned);
        self.finish(
            id,
            TypeKind::Id(IdType {
                pattern: key.0,
                check,
                min_length: key.1,
                max_length: key.2,
                example,
            }),
        );
        if !component {
            self.note_id_usage(id, usage);
        }
        self.note_id_format(id, value);
        Some(TypeRef::Named(id))
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

    /// Twilio names its SID kinds in `format` (`format: IamRoleSid`): such a name beats every
    /// field name (generic ones like `Sid` aside).
    fn note_id_format(&mut self, id: TypeId, value: &Value) {
        const FORMAT_WEIGHT: usize = 1_000;
        let draft = &self.drafts[id.0];
        if draft.component || !matches!(draft.kind, Some(TypeKind::Id(_))) {
            return;
        }
        let Some(format) = value.get("format").and_then(Value::as_str) else {
            return;
        };
        let named = format.len() > 3
            && format.ends_with("Sid")
            && format.starts_with(|c: char| c.is_ascii_uppercase())
            && format.chars().all(|c| c.is_ascii_alphanumeric());
        if named {
            *self
                .id_names
                .entry(id)
                .or_default()
                .entry(format.to_owned())
                .or_default() += FORMAT_WEIGHT;
        }
    }

    /// Counts a field or parameter name towards the name of an (inline) ID type.
    fn note_id_usage(&mut self, id: TypeId, usage: Option<&str>) {
        let draft = &self.drafts[id.0];
        if draft.component || !matches!(draft.kind, Some(TypeKind::Id(_))) {
            return;
        }
        if let Some(usage) = usage {
            *self
                .id_names
                .entry(id)
                .or_default()
                .entry(names::type_name(usage))
                .or_default() += 1;
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

fn required_names(value: &Value) -> BTreeSet<String> {
    value
        .get("required")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// A variant name for an unnamed, untagged union member.
fn primitive_label(ty: &TypeRef, index: usize) -> String {
    match ty {
        TypeRef::String => "String".to_owned(),
        TypeRef::Integer(_) => "Integer".to_owned(),
        TypeRef::Number => "Number".to_owned(),
        TypeRef::Boolean => "Boolean".to_owned(),
        TypeRef::DateTime => "DateTime".to_owned(),
        TypeRef::Date => "Date".to_owned(),
        TypeRef::Url => "Url".to_owned(),
        TypeRef::Array(_) => "List".to_owned(),
        TypeRef::Map(_) => "Map".to_owned(),
        TypeRef::Nullable(inner) => primitive_label(inner, index),
        TypeRef::Json | TypeRef::Named(_) => format!("Variant{}", index + 1),
    }
}

/// The distinct values of an enum in spec order, each with a variant name unique in it.
fn enum_values<T: PartialEq + std::fmt::Display>(
    values: Vec<T>,
    name: impl Fn(&T) -> String,
) -> Vec<EnumValue<T>> {
    let mut out: Vec<EnumValue<T>> = Vec::new();
    for wire in values {
        if out.iter().any(|v| v.wire == wire) {
            continue;
        }
        let variant = names::unique(&name(&wire), |c| out.iter().any(|v| v.variant == c));
        out.push(EnumValue { wire, variant });
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::load::load_sources;
    use crate::model::{Enum, TypeKind, build};

    /// The enums of a one-schema spec whose `kind` property takes `values` (YAML flow list).
    fn enum_of(values: &str) -> Option<Enum> {
        let text = format!(
            "openapi: 3.0.1
info: {{title: t, version: 1.0.0}}
servers: [{{url: 'https://t.example.com'}}]
paths:
  /v1/Things:
    get:
      operationId: ListThings
      responses:
        '200':
          description: Things.
          content:
            application/json:
              schema:
                type: object
                properties:
                  kind: {{enum: {values}}}
"
        );
        let sources = [("t_v1.yaml".to_owned(), text)].into_iter().collect();
        let specs = load_sources(std::path::Path::new("specs"), sources).unwrap();
        let model = build(&specs).unwrap();
        model.types.iter().find_map(|def| match &def.kind {
            TypeKind::Enum(e) => Some(e.clone()),
            _ => None,
        })
    }

    #[test]
    fn enum_values_are_typed_by_what_they_are_on_the_wire() {
        let Some(Enum::String(values)) = enum_of("[active, '3', active]") else {
            panic!("a string enum");
        };
        let wires: Vec<&str> = values.iter().map(|v| v.wire.as_str()).collect();
        assert_eq!(wires, ["active", "3"]);
        let Some(Enum::Integer(values)) = enum_of("[3, -1, 3]") else {
            panic!("an integer enum");
        };
        let wires: Vec<i64> = values.iter().map(|v| v.wire).collect();
        assert_eq!(wires, [3, -1]);
        assert_eq!(values[1].variant, "V1");
        // Numbers Rust's i64 cannot hold, and mixed kinds, keep their plain type: before,
        // 18446744073709551615 became the variant value 0.
        assert!(enum_of("[1, 18446744073709551615]").is_none());
        assert!(enum_of("[1, one]").is_none());
    }
}
