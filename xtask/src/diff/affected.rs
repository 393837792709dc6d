//! The models a changed type reaches: a breaking change to a shared type is repeated once on
//! every struct that uses it, directly or through other types.

use std::collections::{BTreeMap, BTreeSet};

use generator::model::{Field, Model, TypeKind, TypeName, TypeRef};

use super::change::{Change, Location, Severity, Side, Subject};

/// One line per model that uses a changed type (directly or through other types), once per
/// model and changed type, so a change to a shared schema shows in every API it reaches.
pub(super) fn affected_models(base: &Model, head: &Model, changes: &[Change]) -> Vec<Change> {
    // Only breaking changes to types that exist on both sides reach their users: an addition
    // or a docs change to a shared type changes nothing for the models that use it.
    let mut by_type: BTreeMap<TypeName, Vec<&Change>> = BTreeMap::new();
    for change in changes.iter().filter(|c| c.severity == Severity::Breaking) {
        if let (Some(name), Some(_)) = (changed_type(head, change), changed_type(base, change)) {
            by_type.entry(name).or_default().push(change);
        }
    }
    let mut out = Vec::new();
    for (changed, type_changes) in by_type {
        let (summary, first) = match type_changes.as_slice() {
            [only] => (only.message.clone(), only),
            [first, rest @ ..] => (
                format!("{} (and {} more)", first.message, rest.len()),
                first,
            ),
            [] => continue,
        };
        // Wire if any of the type's changes is.
        let impact = type_changes
            .iter()
            .map(|c| c.impact)
            .min()
            .unwrap_or(first.impact);
        for (user, field) in users_of(head, &changed) {
            out.push(Change {
                severity: Severity::Breaking,
                kind: first.kind,
                impact,
                api: user.module.clone(),
                message: format!("uses `{}`, which changed: {summary}", changed.rust_path()),
                item: Subject::Type(user),
                location: Location::of(&field.source, Side::Head),
                via: Some(Subject::Type(changed.clone())),
            });
        }
    }
    out
}

/// The type a change is about, if it is about a type of `model` or one of its members.
fn changed_type(model: &Model, change: &Change) -> Option<TypeName> {
    let name = change.item.type_name()?;
    model.type_def(name).map(|_| name.clone())
}

/// Structs in `model` that reach `target` through their fields, each with the first field
/// that leads there.
fn users_of<'m>(model: &'m Model, target: &TypeName) -> Vec<(TypeName, &'m Field)> {
    let mut users = Vec::new();
    for module in &model.modules {
        for def in module.types.iter().map(|&id| model.ty(id)) {
            let TypeKind::Struct(structure) = &def.kind else {
                continue;
            };
            let fields = &structure.fields;
            let name = TypeName {
                module: module.name.clone(),
                name: def.name.clone(),
            };
            if &name == target {
                continue;
            }
            let via = fields
                .iter()
                .find(|f| reaches(model, &f.ty, target, &mut BTreeSet::new()));
            if let Some(field) = via {
                users.push((name, field));
            }
        }
    }
    users
}

fn reaches(model: &Model, ty: &TypeRef, target: &TypeName, seen: &mut BTreeSet<TypeName>) -> bool {
    match ty {
        TypeRef::Array(inner) | TypeRef::Map(inner) => reaches(model, inner, target, seen),
        TypeRef::Named(id) => {
            let name = model.type_name(*id);
            if &name == target {
                return true;
            }
            if !seen.insert(name) {
                return false;
            }
            match &model.ty(*id).kind {
                TypeKind::Struct(structure) => structure
                    .fields
                    .iter()
                    .any(|f| reaches(model, &f.ty, target, seen)),
                TypeKind::Alias(inner) => reaches(model, inner, target, seen),
                TypeKind::Union(union) => union
                    .variants
                    .iter()
                    .any(|v| reaches(model, &v.ty, target, seen)),
                TypeKind::Enum(_) | TypeKind::Id(_) => false,
            }
        }
        _ => false,
    }
}
