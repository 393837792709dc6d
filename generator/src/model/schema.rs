//! Schemas to types: component schemas become named types in their file's module, inline
//! objects and enums are hoisted into named types, everything else maps to a [`TypeRef`].

use std::collections::BTreeMap;

use openapiv3::{
    AdditionalProperties, AnySchema, IntegerFormat, ObjectType, ReferenceOr, Schema, SchemaKind,
    StringFormat, StringType, Type, VariantOrUnknownOrEmpty,
};

use super::{
    EnumValue, Field, FieldName, IdType, IntegerKind, Source, TypeDef, TypeDefKind, TypeName,
    TypeRef,
};
use crate::error::Problem;
use crate::load::{Specs, escape};
use crate::{names, pattern};

/// State shared while building the model: the types defined so far and the problems found.
pub(super) struct Builder<'a> {
    pub specs: &'a Specs,
    pub problems: Vec<Problem>,
    pub types: BTreeMap<TypeName, TypeDef>,
    /// Module name of each spec file.
    pub modules: BTreeMap<String, String>,
    /// The type each component schema became, by (file, schema name).
    pub components: BTreeMap<(String, String), TypeName>,
}

/// A schema or a `$ref` to one, whichever way openapiv3 boxes it.
#[derive(Clone, Copy)]
pub(super) enum SchemaRef<'s> {
    Ref(&'s str),
    Inline(&'s Schema),
}

impl<'s> From<&'s ReferenceOr<Schema>> for SchemaRef<'s> {
    fn from(value: &'s ReferenceOr<Schema>) -> Self {
        match value {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Inline(schema),
        }
    }
}

impl<'s> From<&'s ReferenceOr<Box<Schema>>> for SchemaRef<'s> {
    fn from(value: &'s ReferenceOr<Box<Schema>>) -> Self {
        match value {
            ReferenceOr::Reference { reference } => SchemaRef::Ref(reference),
            ReferenceOr::Item(schema) => SchemaRef::Inline(schema),
        }
    }
}

/// What a schema becomes: a type of its own, or an existing type.
enum Shape {
    Def(TypeDefKind),
    Type(TypeRef),
}

/// Facts about a schema that fields and parameters keep.
#[derive(Default)]
pub(super) struct SchemaInfo {
    pub doc: Option<String>,
    pub nullable: bool,
    pub pii: Option<bool>,
    pub deprecated: bool,
    pub example: Option<serde_json::Value>,
    pub default: Option<serde_json::Value>,
}

impl<'a> Builder<'a> {
    pub fn problem(&mut self, file: &str, pointer: &str, message: impl Into<String>) {
        let problem = self.specs.file(file).problem(pointer, message);
        self.problems.push(problem);
    }

    pub fn source(&self, file: &str, pointer: &str) -> Source {
        let spec = self.specs.file(file);
        Source {
            file: file.to_owned(),
            pointer: pointer.to_owned(),
            line: crate::locate::line_of(&spec.text, pointer),
        }
    }

    /// Registers the type name of every component schema, so references resolve in any order.
    pub fn register_components(&mut self) {
        let specs = self.specs;
        for (file, spec) in &specs.files {
            let Some(components) = &spec.doc.components else {
                continue;
            };
            for name in components.schemas.keys() {
                let type_name = TypeName {
                    module: self.modules[file].clone(),
                    name: names::type_name(name),
                };
                let clash = self
                    .components
                    .iter()
                    .find(|((f, _), t)| f == file && **t == type_name)
                    .map(|((_, n), _)| n.clone());
                if let Some(other) = clash {
                    let pointer = format!("/components/schemas/{}", escape(name));
                    self.problem(
                        file,
                        &pointer,
                        format!(
                            "schemas `{other}` and `{name}` both become the Rust type `{}`",
                            type_name.name
                        ),
                    );
                    continue;
                }
                self.components
                    .insert((file.clone(), name.clone()), type_name);
            }
        }
    }

    /// Builds the type of every component schema.
    pub fn build_components(&mut self) {
        let specs = self.specs;
        for (file, spec) in &specs.files {
            let Some(components) = &spec.doc.components else {
                continue;
            };
            for (name, schema) in &components.schemas {
                let Some(type_name) = self.components.get(&(file.clone(), name.clone())).cloned()
                else {
                    continue;
                };
                let pointer = format!("/components/schemas/{}", escape(name));
                let info = self.schema_info(file, schema.into());
                let kind = match schema {
                    ReferenceOr::Reference { reference } => match self.follow(file, reference) {
                        Err(cycle) if !cycle.is_empty() => {
                            let message = format!("`$ref` cycle: {}", cycle.join(" -> "));
                            self.problem(file, &format!("{pointer}/$ref"), message);
                            None
                        }
                        _ => self
                            .resolve_ref(file, &pointer, reference)
                            .map(TypeDefKind::Alias),
                    },
                    ReferenceOr::Item(schema) => {
                        match self.shape(file, &pointer, schema, &type_name.name) {
                            Some(Shape::Def(kind)) => Some(kind),
                            Some(Shape::Type(ty)) => Some(TypeDefKind::Alias(ty)),
                            None => None,
                        }
                    }
                };
                if let Some(kind) = kind {
                    let def = TypeDef {
                        name: type_name.name.clone(),
                        doc: info.doc,
                        kind,
                        source: self.source(file, &pointer),
                    };
                    self.types.insert(type_name, def);
                }
            }
        }
    }

    /// The type of a schema used at `pointer`; inline objects and enums are named after `hint`.
    pub fn type_of(
        &mut self,
        file: &str,
        pointer: &str,
        schema: SchemaRef<'_>,
        hint: &str,
    ) -> Option<TypeRef> {
        match schema {
            SchemaRef::Ref(reference) => {
                self.resolve_ref(file, &format!("{pointer}/$ref"), reference)
            }
            SchemaRef::Inline(schema) => {
                let name = schema
                    .schema_data
                    .title
                    .as_deref()
                    .map_or_else(|| names::type_name(hint), names::type_name);
                match self.shape(file, pointer, schema, &name)? {
                    Shape::Type(ty) => Some(ty),
                    Shape::Def(kind) => {
                        let type_name = TypeName {
                            module: self.modules[file].clone(),
                            name,
                        };
                        // Component types are registered before any is built, so an inline
                        // schema must not take a component's name even if it is not built yet.
                        let taken_by = self
                            .types
                            .get(&type_name)
                            .map(|t| t.source.pointer.clone())
                            .or_else(|| {
                                self.components.iter().find(|(_, t)| **t == type_name).map(
                                    |((f, n), _)| format!("{f}#/components/schemas/{}", escape(n)),
                                )
                            });
                        if let Some(existing) = taken_by {
                            let message = format!(
                                "the inline schema here would be the Rust type `{}`, which {existing} already defines; give it a `title`",
                                type_name.name
                            );
                            self.problem(file, pointer, message);
                            return None;
                        }
                        let doc = schema.schema_data.description.clone();
                        let def = TypeDef {
                            name: type_name.name.clone(),
                            doc,
                            kind,
                            source: self.source(file, pointer),
                        };
                        self.types.insert(type_name.clone(), def);
                        Some(TypeRef::Named(type_name))
                    }
                }
            }
        }
    }

    /// The type a `$ref` to a component schema names.
    pub fn resolve_ref(&mut self, file: &str, pointer: &str, reference: &str) -> Option<TypeRef> {
        match self.specs.resolve(file, reference) {
            Ok(target) if target.kind == "schemas" => self
                .components
                .get(&(target.file, target.name))
                .cloned()
                .map(TypeRef::Named),
            Ok(target) => {
                self.problem(
                    file,
                    pointer,
                    format!(
                        "`{reference}` names a {} component where a schema is expected",
                        target.kind
                    ),
                );
                None
            }
            Err(message) => {
                self.problem(file, pointer, message);
                None
            }
        }
    }

    /// The schema a `$ref` points at, with the file it is in, following components that are
    /// themselves `$ref`s. `None` for an unresolved reference or a cycle (both reported where the
    /// components are built).
    pub fn lookup(&self, file: &str, reference: &str) -> Option<(String, &'a Schema)> {
        self.follow(file, reference).ok()
    }

    /// Follows a chain of `$ref`s to a schema; on a cycle, returns the components on it.
    fn follow(&self, file: &str, reference: &str) -> Result<(String, &'a Schema), Vec<String>> {
        let specs = self.specs;
        let (mut file, mut reference) = (file.to_owned(), reference.to_owned());
        let mut visited: Vec<String> = Vec::new();
        loop {
            let target = specs.resolve(&file, &reference).map_err(|_| Vec::new())?;
            let schema = specs
                .file(&target.file)
                .doc
                .components
                .as_ref()
                .and_then(|c| c.schemas.get(&target.name))
                .ok_or_else(Vec::new)?;
            let here = format!("{}#{}", target.file, target.pointer());
            if visited.contains(&here) {
                visited.push(here);
                return Err(visited);
            }
            visited.push(here);
            match schema {
                ReferenceOr::Item(schema) => return Ok((target.file, schema)),
                ReferenceOr::Reference { reference: next } => {
                    reference = next.clone();
                    file = target.file;
                }
            }
        }
    }

    /// Documentation and flags of a schema; for a `$ref` or a single-entry `allOf`, what the
    /// wrapper says wins over what the target says.
    pub fn schema_info(&self, file: &str, schema: SchemaRef<'_>) -> SchemaInfo {
        let schema = match schema {
            SchemaRef::Ref(reference) => match self.lookup(file, reference) {
                Some((_, target)) => {
                    return SchemaInfo {
                        nullable: false,
                        ..self.schema_info(file, SchemaRef::Inline(target))
                    };
                }
                None => return SchemaInfo::default(),
            },
            SchemaRef::Inline(schema) => schema,
        };
        let data = &schema.schema_data;
        let mut info = SchemaInfo {
            doc: data.description.clone(),
            nullable: data.nullable,
            pii: data
                .extensions
                .get("x-pii")
                .and_then(serde_json::Value::as_bool),
            deprecated: data.deprecated,
            example: data.example.clone(),
            default: data.default.clone(),
        };
        if let Some(inner) = single_all_of(schema) {
            let target = self.schema_info(file, inner.into());
            info.doc = info.doc.or(target.doc);
            info.pii = info.pii.or(target.pii);
            info.example = info.example.or(target.example);
            info.deprecated |= target.deprecated;
        }
        info
    }

    fn shape(&mut self, file: &str, pointer: &str, schema: &Schema, name: &str) -> Option<Shape> {
        let shape = match &schema.schema_kind {
            SchemaKind::Type(Type::String(string)) => {
                self.string_shape(file, pointer, string, schema)?
            }
            SchemaKind::Type(Type::Integer(integer)) => {
                if !integer.enumeration.is_empty() {
                    self.problem(
                        file,
                        pointer,
                        "unsupported construct: integer enums (only string enums are supported)",
                    );
                    return None;
                }
                let wide = !matches!(
                    integer.format,
                    VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32)
                );
                Shape::Type(TypeRef::Integer(if wide {
                    IntegerKind::I64
                } else {
                    IntegerKind::I32
                }))
            }
            SchemaKind::Type(Type::Number(_)) => Shape::Type(TypeRef::Number),
            SchemaKind::Type(Type::Boolean(_)) => Shape::Type(TypeRef::Boolean),
            SchemaKind::Type(Type::Object(object)) => {
                self.object_shape(file, pointer, object, name)?
            }
            SchemaKind::Type(Type::Array(array)) => {
                let item = match &array.items {
                    Some(items) => self.type_of(
                        file,
                        &format!("{pointer}/items"),
                        items.into(),
                        &format!("{name}Item"),
                    )?,
                    None => TypeRef::Json,
                };
                Shape::Type(TypeRef::Array(Box::new(item)))
            }
            SchemaKind::AllOf { all_of } if all_of.len() == 1 => Shape::Type(self.type_of(
                file,
                &format!("{pointer}/allOf/0"),
                (&all_of[0]).into(),
                name,
            )?),
            SchemaKind::Any(any) if single_all_of(schema).is_some() && is_plain_wrapper(any) => {
                let inner = &any.all_of[0];
                Shape::Type(self.type_of(
                    file,
                    &format!("{pointer}/allOf/0"),
                    inner.into(),
                    name,
                )?)
            }
            SchemaKind::Any(any) if is_empty_any(any) => Shape::Type(TypeRef::Json),
            SchemaKind::Any(any) => {
                let message = match any.typ.as_deref() {
                    Some(t) if !["string", "integer", "number", "boolean", "object", "array"].contains(&t) => {
                        format!("unknown type `{t}`")
                    }
                    _ => "unsupported construct: this combination of keywords (for example `type` with keywords of \
                          another type, or `allOf` with other keywords) is not supported"
                        .to_owned(),
                };
                self.problem(file, pointer, message);
                return None;
            }
            SchemaKind::AllOf { .. } => {
                self.problem(
                    file,
                    &format!("{pointer}/allOf"),
                    "unsupported construct: `allOf` with more than one schema",
                );
                return None;
            }
            SchemaKind::OneOf { .. } => {
                self.problem(
                    file,
                    &format!("{pointer}/oneOf"),
                    "unsupported construct: `oneOf`",
                );
                return None;
            }
            SchemaKind::AnyOf { .. } => {
                self.problem(
                    file,
                    &format!("{pointer}/anyOf"),
                    "unsupported construct: `anyOf`",
                );
                return None;
            }
            SchemaKind::Not { .. } => {
                self.problem(
                    file,
                    &format!("{pointer}/not"),
                    "unsupported construct: `not`",
                );
                return None;
            }
        };
        Some(shape)
    }

    fn string_shape(
        &mut self,
        file: &str,
        pointer: &str,
        string: &StringType,
        schema: &Schema,
    ) -> Option<Shape> {
        if !string.enumeration.is_empty() {
            let mut values: Vec<EnumValue> = Vec::new();
            for wire in string.enumeration.iter().flatten() {
                let variant = names::variant_name(wire);
                if let Some(other) = values.iter().find(|v| v.variant == variant) {
                    let message = format!(
                        "enum values `{}` and `{wire}` both become the variant `{variant}`",
                        other.wire
                    );
                    self.problem(file, &format!("{pointer}/enum"), message);
                    return None;
                }
                values.push(EnumValue {
                    wire: wire.clone(),
                    variant,
                });
            }
            return Some(Shape::Def(TypeDefKind::Enum(values)));
        }
        if let Some(source) = &string.pattern {
            let check = match pattern::compile(source) {
                Ok(check) => check,
                Err(message) => {
                    self.problem(file, &format!("{pointer}/pattern"), message);
                    return None;
                }
            };
            let example = schema
                .schema_data
                .example
                .as_ref()
                .and_then(|e| e.as_str())
                .map(str::to_owned);
            return Some(Shape::Def(TypeDefKind::Id(IdType {
                pattern: source.clone(),
                check,
                min_length: string.min_length,
                max_length: string.max_length,
                example,
            })));
        }
        let ty = match &string.format {
            VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => TypeRef::DateTime,
            VariantOrUnknownOrEmpty::Item(StringFormat::Date) => TypeRef::Date,
            VariantOrUnknownOrEmpty::Unknown(format) if format == "uri" || format == "url" => {
                TypeRef::Url
            }
            _ => TypeRef::String,
        };
        Some(Shape::Type(ty))
    }

    fn object_shape(
        &mut self,
        file: &str,
        pointer: &str,
        object: &ObjectType,
        name: &str,
    ) -> Option<Shape> {
        if object.properties.is_empty() {
            return Some(Shape::Type(match &object.additional_properties {
                Some(AdditionalProperties::Schema(value)) => {
                    let value_pointer = format!("{pointer}/additionalProperties");
                    let value = self.type_of(
                        file,
                        &value_pointer,
                        value.as_ref().into(),
                        &format!("{name}Value"),
                    )?;
                    TypeRef::Map(Box::new(value))
                }
                _ => TypeRef::Json,
            }));
        }
        for required in &object.required {
            if !object.properties.contains_key(required) {
                self.problem(
                    file,
                    &format!("{pointer}/required"),
                    format!("`{required}` is required but is not a property"),
                );
            }
        }
        let mut fields: Vec<Field> = Vec::new();
        let mut ok = true;
        for (json, property) in &object.properties {
            let property_pointer = format!("{pointer}/properties/{}", escape(json));
            let rust = names::snake_name(json);
            if let Some(other) = fields.iter().find(|f| f.name.rust == rust) {
                let message = format!(
                    "properties `{}` and `{json}` both become the Rust field `{rust}`",
                    other.name.json
                );
                self.problem(file, &property_pointer, message);
                ok = false;
                continue;
            }
            let hint = format!("{name}{}", names::type_name(json));
            let Some(ty) = self.type_of(file, &property_pointer, property.into(), &hint) else {
                ok = false;
                continue;
            };
            let info = self.schema_info(file, property.into());
            fields.push(Field {
                name: FieldName {
                    json: json.clone(),
                    rust,
                },
                ty,
                required: object.required.contains(json),
                nullable: info.nullable,
                doc: info.doc,
                pii: info.pii,
                deprecated: info.deprecated,
                example: info.example,
                source: self.source(file, &property_pointer),
            });
        }
        ok.then_some(Shape::Def(TypeDefKind::Struct(fields)))
    }
}

/// The one schema of an `allOf: [x]` wrapper (the OpenAPI 3.0 way to add a description or
/// `nullable` to a `$ref`).
fn single_all_of(schema: &Schema) -> Option<&ReferenceOr<Schema>> {
    match &schema.schema_kind {
        SchemaKind::AllOf { all_of } if all_of.len() == 1 => all_of.first(),
        SchemaKind::Any(any) if any.all_of.len() == 1 => any.all_of.first(),
        _ => None,
    }
}

/// An `allOf: [x]` with at most a `type` beside it (lint tools want `type` next to `nullable`).
fn is_plain_wrapper(any: &AnySchema) -> bool {
    any.properties.is_empty()
        && any.items.is_none()
        && any.enumeration.is_empty()
        && any.one_of.is_empty()
        && any.any_of.is_empty()
        && any.not.is_none()
        && any.pattern.is_none()
        && any.additional_properties.is_none()
}

/// `{}`: any value at all.
fn is_empty_any(any: &AnySchema) -> bool {
    any == &AnySchema::default()
}
