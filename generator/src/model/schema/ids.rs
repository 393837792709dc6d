//! ID types: a string with a `pattern` becomes a checked ID type, shared per pattern, and
//! named by the fields that use it (or its Twilio `format`).

use serde_json::Value;

use super::{component_names, is_component};
use crate::model::draft::{Builder, IdKey, SHARED_MODULE, count};
use crate::model::{IdType, TypeId, TypeKind, TypeRef};
use crate::refs::Node;
use crate::{names, pattern};

impl Builder<'_> {
    /// The ID type of a string with a pattern: one per pattern (and length bounds) in a
    /// module, or in [`SHARED_MODULE`] when several modules use it.
    pub(super) fn id_type(
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
    pub(super) fn note_id_usage(&mut self, id: TypeId, usage: Option<&str>) {
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
}
