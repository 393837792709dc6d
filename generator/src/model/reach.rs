//! Which types the operations reach: what an input takes, what `send()` returns, error bodies,
//! pages and their items, and every type those contain. A schema nothing reaches (Twilio keeps
//! components of unreleased APIs whose paths are empty stubs) is not generated: the crate
//! exposes what a call can use, so such a schema's churn is nobody's break.

use std::collections::BTreeSet;

use super::{Api, Check, Operation, Outcome, TypeId, TypeKind, TypeRef};

/// The types an operation names itself: its inputs' types and ID checks, what `send()`
/// returns, error bodies, examples' types, its page and page items.
pub(super) fn operation_roots<'a>(
    op: &'a Operation,
    refs: &mut Vec<&'a TypeRef>,
    named: &mut impl Extend<TypeId>,
) {
    for input in &op.inputs {
        refs.push(&input.ty);
        named.extend(input.checks.iter().filter_map(|check| match check {
            Check::Id(id) => Some(*id),
            _ => None,
        }));
    }
    match &op.outcome {
        Outcome::Body(body) | Outcome::Redirect { body, .. } => refs.extend(body.as_ref()),
        Outcome::Statuses { variants, .. } => {
            refs.extend(variants.iter().filter_map(|v| v.body.as_ref()));
        }
    }
    refs.extend(op.errors.iter().filter_map(|e| e.body.as_ref()));
    refs.extend(op.examples.iter().map(|e| &e.ty));
    if let Some(pagination) = &op.pagination {
        named.extend([pagination.page_type]);
        refs.push(&pagination.item_type);
    }
}

/// Every type the operations of `apis` reach, directly or through other types; `kind` gives
/// each type's kind (drafted types may have none yet).
pub(super) fn reached<'a, 'k>(
    apis: impl Iterator<Item = &'a Api>,
    kind: impl Fn(TypeId) -> Option<&'k TypeKind>,
) -> BTreeSet<TypeId> {
    let mut refs: Vec<&TypeRef> = Vec::new();
    let mut named: Vec<TypeId> = Vec::new();
    for op in apis.flat_map(|api| &api.operations) {
        operation_roots(op, &mut refs, &mut named);
    }
    let mut seen = BTreeSet::new();
    loop {
        if let Some(id) = named.pop() {
            if !seen.insert(id) {
                continue;
            }
            match kind(id) {
                Some(TypeKind::Struct(s)) => {
                    refs.extend(s.fields.iter().map(|f| &f.ty));
                    refs.extend(s.additional.as_ref());
                }
                Some(TypeKind::Union(u)) => refs.extend(u.variants.iter().map(|v| &v.ty)),
                Some(TypeKind::Alias(ty)) => refs.push(ty),
                Some(TypeKind::Enum(_) | TypeKind::Id(_)) | None => {}
            }
            continue;
        }
        let Some(ty) = refs.pop() else {
            return seen;
        };
        match ty {
            TypeRef::Named(id) => named.push(*id),
            TypeRef::Array(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => {
                refs.push(inner);
            }
            _ => {}
        }
    }
}
