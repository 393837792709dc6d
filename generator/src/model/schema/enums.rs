//! Enums: string or integer `enum` values become an enum type with one variant per
//! distinct value.

use serde_json::Value;

use crate::model::draft::Builder;
use crate::model::{Enum, EnumValue, TypeKind, TypeRef};
use crate::names;
use crate::refs::Node;

impl Builder<'_> {
    /// An enum type for string or integer `enum`s; `None` for other values (booleans,
    /// numbers), which keep their plain type.
    pub(super) fn enumeration(
        &mut self,
        node: &Node,
        values: &[Value],
        hint: &str,
    ) -> Option<TypeRef> {
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
