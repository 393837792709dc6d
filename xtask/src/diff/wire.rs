//! What a type means on the wire, apart from its Rust name: the diff asks whether a change of
//! type is one Twilio sees (another kind of value) or only the generated signature's.

use generator::model::{Model, SHARED_MODULE, TypeKind, TypeRef};

use super::change::Models;

/// Whether `old` (in the base model) and `new` (in the head model) send and read the same
/// values: same JSON kind, the same ID pattern, the same enum values. Struct and union types
/// count as the same when their own changes are reported on them.
pub(super) fn same_values(models: Models<'_>, old: &TypeRef, new: &TypeRef) -> bool {
    shape(models.base, old) == shape(models.head, new)
}

/// The wire shape of a type, as text to compare.
fn shape(model: &Model, ty: &TypeRef) -> String {
    match ty {
        TypeRef::String => "string".to_owned(),
        // Rust's integer widths and signs accept the same JSON integers Twilio sends.
        TypeRef::Integer(_) => "integer".to_owned(),
        TypeRef::Number => "number".to_owned(),
        TypeRef::Boolean => "boolean".to_owned(),
        TypeRef::DateTime => "date-time".to_owned(),
        TypeRef::DateTimeRfc2822 => "date-time-rfc-2822".to_owned(),
        TypeRef::Date => "date".to_owned(),
        TypeRef::Url => "uri".to_owned(),
        TypeRef::HttpMethod => "http-method".to_owned(),
        TypeRef::Json => "any".to_owned(),
        TypeRef::Array(item) => format!("[{}]", shape(model, item)),
        TypeRef::Map(value) => format!("{{{}}}", shape(model, value)),
        TypeRef::Nullable(inner) => format!("{}?", shape(model, inner)),
        TypeRef::Named(id) => match &model.ty(*id).kind {
            TypeKind::Id(id_type) => format!(
                "id {} {:?} {:?}",
                id_type.pattern, id_type.min_length, id_type.max_length
            ),
            TypeKind::Enum(values) => {
                let texts: Vec<String> = values.texts().into_iter().map(|(t, _)| t).collect();
                format!("enum {texts:?}")
            }
            TypeKind::Alias(inner) => shape(model, inner),
            TypeKind::Struct(_) => "object".to_owned(),
            TypeKind::Union(_) => "union".to_owned(),
        },
    }
}

/// Whether `old` and `new` are the same Rust type: the same names, where a type renamed in
/// place ([`Models::renames`]) and a type moved into or out of `common` (still re-exported
/// where it is used) count as the same.
pub(super) fn same_rust_type(models: Models<'_>, old: &TypeRef, new: &TypeRef) -> bool {
    match (old, new) {
        (TypeRef::Array(a), TypeRef::Array(b))
        | (TypeRef::Map(a), TypeRef::Map(b))
        | (TypeRef::Nullable(a), TypeRef::Nullable(b)) => same_rust_type(models, a, b),
        (TypeRef::Named(a), TypeRef::Named(b)) => {
            let (a, b) = (models.base.type_name(*a), models.head.type_name(*b));
            let moved =
                a.name == b.name && (a.module == SHARED_MODULE || b.module == SHARED_MODULE);
            a == b || moved || models.renames.get(&a) == Some(&b)
        }
        (a, b) => a == b,
    }
}
