//! Inputs: path, query and header parameters and body fields, each with its location, how its
//! value is taken and the checks made before sending.

use std::collections::BTreeSet;

use serde_json::Value;

use super::draft::{Builder, flag, text};
use super::responses::is_json;
use super::{BodyEncoding, Check, Input, InputLocation, IntegerKind, TypeKind, TypeRef, ValueKind};
use crate::names;
use crate::refs::Node;

impl Builder<'_> {
    /// Path-level and operation-level parameters (the operation's win for the same name and
    /// place).
    pub(super) fn parameters(
        &mut self,
        item: &Node,
        node: &Node,
        builder: &str,
    ) -> Option<Vec<Input>> {
        let mut inputs: Vec<Input> = Vec::new();
        let mut ok = true;
        let lists = [node.child("parameters"), item.child("parameters")];
        for list in &lists {
            let count = self.value(list).as_array().map_or(0, Vec::len);
            for index in 0..count {
                let param = list.child(&index.to_string());
                match self.parameter(&param, builder) {
                    Some(input) => {
                        let duplicate = inputs
                            .iter()
                            .any(|i| i.name == input.name && i.location == input.location);
                        if !duplicate {
                            self.push_input(&mut inputs, input);
                        }
                    }
                    None => ok = false,
                }
            }
        }
        ok.then_some(inputs)
    }

    /// Adds an input, renaming it if its Rust name is taken (`_2`).
    fn push_input(&mut self, inputs: &mut Vec<Input>, mut input: Input) {
        input.rust_name = names::unique(&input.rust_name, |c| {
            inputs.iter().any(|i| i.rust_name == c)
        });
        inputs.push(input);
    }

    fn parameter(&mut self, node: &Node, builder: &str) -> Option<Input> {
        let node = self.follow_or_report(node)?;
        let value = self.value(&node);
        let name = text(value, "name").unwrap_or_default();
        let location = match text(value, "in").as_deref() {
            Some("path") => InputLocation::Path,
            Some("query") => InputLocation::Query,
            Some("header") => InputLocation::Header,
            other => {
                let message = format!(
                    "unsupported construct: parameters in `{}` (`{name}`)",
                    other.unwrap_or("?")
                );
                self.problem(&node, message);
                return None;
            }
        };
        let required = flag(value, "required");
        if location == InputLocation::Path && !required {
            self.problem(
                &node,
                format!("path parameter `{name}` must be `required: true`"),
            );
        }
        if value.get("schema").is_none() {
            self.problem(
                &node,
                format!("unsupported construct: parameter `{name}` without a `schema` (for example `content`)"),
            );
            return None;
        }
        let example = value.get("example").cloned().or_else(|| {
            value
                .get("examples")
                .and_then(Value::as_object)
                .and_then(|e| e.values().next())
                .and_then(|e| e.get("value"))
                .cloned()
        });
        let mut input = self.input(
            &node.child("schema"),
            &name,
            location,
            required,
            &format!("{builder}{}", names::type_name(&name)),
        )?;
        let own_doc = text(value, "description");
        input.doc = own_doc.or(input.doc);
        input.deprecated |= flag(value, "deprecated");
        input.pii = super::draft::pii(value).unwrap_or(input.pii);
        input.example = example.or(input.example);
        input.source = self.source(&node);
        Some(input)
    }

    /// An input whose value has the schema at `schema`.
    fn input(
        &mut self,
        schema: &Node,
        name: &str,
        location: InputLocation,
        required: bool,
        hint: &str,
    ) -> Option<Input> {
        let info = self.schema_info(schema);
        let mut ty = self.type_of(schema, hint, Some(name))?;
        let mut repeated = false;
        if let TypeRef::Array(item) = self.resolve_draft_alias(&ty) {
            match location {
                InputLocation::Query | InputLocation::FormField => {
                    repeated = true;
                    // A `null` in a list the caller sends means nothing: the item type itself.
                    ty = match *item {
                        TypeRef::Nullable(inner) => *inner,
                        other => other,
                    };
                }
                _ => {
                    self.problem(
                        schema,
                        format!(
                            "unsupported construct: the {} `{name}` is a list",
                            location.describe()
                        ),
                    );
                    return None;
                }
            }
        }
        // A list's own description says what the list is; its items' is the fallback.
        let list_doc = if repeated { info.doc.clone() } else { None };
        let item_info = if repeated {
            self.schema_info(&schema.child("items"))
        } else {
            info
        };
        // Inputs bounded below by zero take unsigned integers; response fields stay signed so an
        // out-of-range value from the server still decodes.
        if let TypeRef::Integer(kind) = &mut ty
            && item_info.minimum.is_some_and(|m| m >= 0)
        {
            *kind = match kind {
                IntegerKind::I32 => IntegerKind::U32,
                _ => IntegerKind::U64,
            };
        }
        // No Twilio input takes an RFC 2822 timestamp (all 116 uses are response fields): one
        // that did would be the caller's text, sent as written.
        if ty == TypeRef::DateTimeRfc2822 {
            ty = TypeRef::String;
        }
        let resolved = self.resolve_draft_alias(&ty);
        let (kind, mut checks) = match &resolved {
            TypeRef::String => (ValueKind::Text, Vec::new()),
            TypeRef::Named(id) => match &self.drafts[id.0].kind {
                Some(TypeKind::Id(_)) => (ValueKind::Text, vec![Check::Id(*id)]),
                Some(TypeKind::Enum(_)) => (ValueKind::Enum, Vec::new()),
                _ => (ValueKind::JsonText, Vec::new()),
            },
            TypeRef::HttpMethod => (ValueKind::Enum, Vec::new()),
            // The caller's text, checked to parse and sent as written.
            TypeRef::Url => (ValueKind::Text, vec![Check::Url]),
            // `WireText` writes JSON values and maps as JSON text, and a JSON string as its
            // text (Twilio's untyped fields take JSON already encoded as a string).
            TypeRef::Json | TypeRef::Map(_) => (ValueKind::Plain, Vec::new()),
            TypeRef::Array(_) => (ValueKind::JsonText, Vec::new()),
            _ => (ValueKind::Plain, Vec::new()),
        };
        // Twilio's `prefixed-collapsible-map-<Prefix>`: the object goes out as `<Prefix>.<key>`
        // pairs, so its wire name is the prefix.
        let prefix = self
            .value(schema)
            .get("format")
            .and_then(Value::as_str)
            .and_then(|format| format.strip_prefix("prefixed-collapsible-map-"));
        let kind = match prefix {
            Some(prefix)
                if !repeated
                    && !prefix.is_empty()
                    && matches!(location, InputLocation::Query | InputLocation::FormField)
                    && matches!(resolved, TypeRef::Json | TypeRef::Map(_)) =>
            {
                ValueKind::PrefixedMap {
                    prefix: prefix.to_owned(),
                }
            }
            Some(_) => {
                self.problem(
                    schema,
                    format!("unsupported construct: `{name}` is a prefixed-collapsible map that is not one object in a query or form"),
                );
                return None;
            }
            None => kind,
        };
        let structured =
            kind == ValueKind::JsonText || matches!(resolved, TypeRef::Json | TypeRef::Map(_));
        if location == InputLocation::Path && structured {
            self.problem(
                schema,
                format!("unsupported construct: path parameter `{name}` is not a single value"),
            );
            return None;
        }
        if location == InputLocation::JsonBody {
            checks.clear();
        }
        match &resolved {
            TypeRef::Integer(kind) => {
                let unsigned = matches!(kind, IntegerKind::U32 | IntegerKind::U64);
                // No check that cannot fail: `minimum: 0` on an unsigned integer says nothing.
                let min = item_info.minimum.filter(|&m| !(unsigned && m <= 0));
                let max = item_info.maximum;
                if min.is_some() || max.is_some() {
                    checks.push(Check::Range { min, max });
                }
            }
            TypeRef::String
                if item_info.min_length.is_some_and(|m| m > 0)
                    || item_info.max_length.is_some() =>
            {
                checks.push(Check::Length {
                    min: item_info.min_length.filter(|&m| m > 0),
                    max: item_info.max_length,
                });
            }
            _ => {}
        }
        let rust_name = names::param_name(name);
        Some(Input {
            name: name.to_owned(),
            rust_name,
            location,
            required,
            ty,
            kind,
            repeated,
            doc: list_doc.or(item_info.doc),
            checks,
            default: item_info.default,
            fallback: None,
            pii: item_info.pii.unwrap_or_default(),
            deprecated: item_info.deprecated,
            example: item_info.example,
            source: self.source(schema),
        })
    }

    /// Follows aliases among drafted types.
    pub fn resolve_draft_alias(&self, ty: &TypeRef) -> TypeRef {
        let mut current = ty.clone();
        for _ in 0..32 {
            match &current {
                TypeRef::Named(id) => match &self.drafts[id.0].kind {
                    Some(TypeKind::Alias(target)) => current = target.clone(),
                    _ => break,
                },
                _ => break,
            }
        }
        current
    }

    /// The request body: form fields become inputs of their own, a JSON body one `body` input.
    pub(super) fn body(
        &mut self,
        node: &Node,
        builder: &str,
        inputs: &mut Vec<Input>,
    ) -> Option<BodyEncoding> {
        let node = self.follow_or_report(node)?;
        let value = self.value(&node);
        let required = flag(value, "required");
        let Some(content) = value.get("content").and_then(Value::as_object) else {
            self.problem(&node, "a request body needs `content`");
            return None;
        };
        let Some(media) = content.keys().find(|m| is_form(m) || is_json(m)) else {
            let found: Vec<&String> = content.keys().collect();
            self.problem(
                &node.child("content"),
                format!("unsupported construct: request bodies of type {found:?} (supported: application/x-www-form-urlencoded and JSON)"),
            );
            return None;
        };
        let schema = node.child("content").child(media).child("schema");
        if is_form(media) {
            let object = match self.specs.value(&schema) {
                Some(_) => Some(self.follow_or_report(&schema)?),
                None => None,
            };
            if let Some(object) = object {
                let fields = self.value(&object);
                let required_fields: BTreeSet<&str> = fields
                    .get("required")
                    .and_then(Value::as_array)
                    .map(|r| r.iter().filter_map(Value::as_str).collect())
                    .unwrap_or_default();
                let names: Vec<String> = fields
                    .get("properties")
                    .and_then(Value::as_object)
                    .map(|p| p.keys().cloned().collect())
                    .unwrap_or_default();
                let mut ok = true;
                for name in names {
                    let field = object.child("properties").child(&name);
                    let hint = format!("{builder}{}", names::type_name(&name));
                    let is_required = required_fields.contains(name.as_str());
                    match self.input(&field, &name, InputLocation::FormField, is_required, &hint) {
                        Some(input) => self.push_input(inputs, input),
                        None => ok = false,
                    }
                }
                if !ok {
                    return None;
                }
            }
            return Some(BodyEncoding::Form);
        }
        let mut input = self.input(
            &schema,
            "body",
            InputLocation::JsonBody,
            required,
            &format!("{builder}Request"),
        )?;
        input.kind = ValueKind::Plain;
        input.doc = text(value, "description").or(input.doc);
        self.push_input(inputs, input);
        Some(BodyEncoding::Json {
            content_type: media.clone(),
        })
    }
}

fn is_form(media: &str) -> bool {
    media.starts_with("application/x-www-form-urlencoded")
}
