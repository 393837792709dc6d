//! Unions: `oneOf` / `anyOf` variants, tagged by a discriminator or untagged, each with
//! a variant name unique in its union.

use serde_json::Value;

use crate::model::draft::{Builder, text};
use crate::model::{TypeKind, TypeRef, Union, UnionVariant};
use crate::names;
use crate::refs::Node;

impl Builder<'_> {
    pub(super) fn union(&mut self, node: &Node, key: &str, hint: &str) -> Option<TypeRef> {
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
}

/// A variant name for an unnamed, untagged union member.
fn primitive_label(ty: &TypeRef, index: usize) -> String {
    match ty {
        TypeRef::String => "String".to_owned(),
        TypeRef::Integer(_) => "Integer".to_owned(),
        TypeRef::Number => "Number".to_owned(),
        TypeRef::Boolean => "Boolean".to_owned(),
        TypeRef::DateTime | TypeRef::DateTimeRfc2822 => "DateTime".to_owned(),
        TypeRef::Date => "Date".to_owned(),
        TypeRef::Url => "Url".to_owned(),
        TypeRef::HttpMethod => "HttpMethod".to_owned(),
        TypeRef::Array(_) => "List".to_owned(),
        TypeRef::Map(_) => "Map".to_owned(),
        TypeRef::Nullable(inner) => primitive_label(inner, index),
        TypeRef::Json | TypeRef::Named(_) => format!("Variant{}", index + 1),
    }
}
