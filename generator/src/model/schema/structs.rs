//! Structs: an object schema's properties become fields, and `allOf` (or `anyOf` of
//! objects) merges the properties of its parts into one struct.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::model::draft::Builder;
use crate::model::{Field, FieldName, Struct, TypeKind, TypeRef};
use crate::names;
use crate::refs::Node;

impl Builder<'_> {
    pub(super) fn structure(&mut self, node: &Node, hint: &str) -> Option<TypeRef> {
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
    pub(super) fn merged_struct(&mut self, node: &Node, key: &str, hint: &str) -> Option<TypeRef> {
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
    pub(super) fn all_objects(&self, node: &Node, key: &str) -> bool {
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
