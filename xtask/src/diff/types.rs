//! Type changes: structs and their fields, enum values, ID patterns, aliases, and the models
//! a changed shared type reaches.

use std::collections::{BTreeMap, BTreeSet};

use generator::model::{
    Field, Model, Module, Personal, Struct, TypeDef, TypeKind, TypeName, TypeRef, Union,
    UnionVariant,
};
use generator::pattern::Language;

use super::change::{Change, Changes, DOCS, Location, Models, Severity, Side, Subject};

pub(super) fn compare_types(
    out: &mut Changes,
    models: Models<'_>,
    module: &str,
    old: &Module,
    new: &Module,
) {
    let old_types: BTreeMap<&str, &TypeDef> = old
        .types
        .iter()
        .map(|&id| models.base.ty(id))
        .map(|t| (t.name.as_str(), t))
        .collect();
    let new_types: BTreeMap<&str, &TypeDef> = new
        .types
        .iter()
        .map(|&id| models.head.ty(id))
        .map(|t| (t.name.as_str(), t))
        .collect();
    for (name, def) in &old_types {
        if !new_types.contains_key(name) {
            out.push(
                Severity::Breaking,
                module,
                Subject::Type(TypeName {
                    module: module.to_owned(),
                    name: name.to_string(),
                }),
                format!("{} removed", def.kind.noun()),
                Location::of(&def.source, Side::Base),
            );
        }
    }
    for (name, def) in &new_types {
        let TypeDef {
            module: _, // the key, with `name`
            name: _,
            doc,
            kind,
            source,
        } = def;
        let item = TypeName {
            module: module.to_owned(),
            name: name.to_string(),
        };
        let here = Location::of(source, Side::Head);
        let Some(before) = old_types.get(name) else {
            out.push(
                Severity::Compatible,
                module,
                Subject::Type(item.clone()),
                format!("{} added", def.kind.noun()),
                here,
            );
            continue;
        };
        if before.doc != *doc {
            out.push(
                Severity::Compatible,
                module,
                Subject::Type(item.clone()),
                DOCS.to_owned(),
                here.clone(),
            );
        }
        match (&before.kind, kind) {
            (TypeKind::Struct(old_struct), TypeKind::Struct(new_struct)) => {
                compare_fields(
                    out,
                    models,
                    module,
                    &item,
                    &old_struct.fields,
                    &new_struct.fields,
                );
                compare_additional(out, models, module, &item, &here, (old_struct, new_struct));
            }
            (TypeKind::Union(old_union), TypeKind::Union(new_union)) => {
                compare_variants(out, models, module, &item, &here, (old_union, new_union));
            }
            (TypeKind::Enum(old_enum), TypeKind::Enum(new_enum)) => {
                let (old_values, new_values) = (old_enum.texts(), new_enum.texts());
                let old_wires: BTreeSet<&str> = old_values.iter().map(|v| v.0.as_str()).collect();
                let new_wires: BTreeSet<&str> = new_values.iter().map(|v| v.0.as_str()).collect();
                for (wire, variant) in old_values
                    .iter()
                    .filter(|v| !new_wires.contains(v.0.as_str()))
                {
                    out.push(
                        Severity::Breaking,
                        module,
                        member(&item, variant),
                        format!("enum value `{wire}` removed"),
                        here.clone(),
                    );
                }
                for (wire, variant) in new_values
                    .iter()
                    .filter(|v| !old_wires.contains(v.0.as_str()))
                {
                    out.push(
                        Severity::Compatible,
                        module,
                        member(&item, variant),
                        format!("enum value `{wire}` added"),
                        here.clone(),
                    );
                }
            }
            (TypeKind::Id(old_id), TypeKind::Id(new_id)) => {
                let same = old_id.pattern == new_id.pattern
                    && old_id.min_length == new_id.min_length
                    && old_id.max_length == new_id.max_length;
                if !same {
                    let old_language =
                        Language::new(&old_id.check, old_id.min_length, old_id.max_length);
                    let new_language =
                        Language::new(&new_id.check, new_id.min_length, new_id.max_length);
                    let (severity, how) = match (old_language, new_language) {
                        (Some(old_l), Some(new_l)) => {
                            match (new_l.is_subset_of(&old_l), old_l.is_subset_of(&new_l)) {
                                (true, true) => {
                                    (Severity::Compatible, "rewritten; it accepts the same IDs")
                                }
                                (true, false) => (
                                    Severity::Breaking,
                                    "tightened; IDs it accepted before are refused",
                                ),
                                (false, true) => {
                                    (Severity::Compatible, "loosened; it accepts more IDs")
                                }
                                (false, false) => (
                                    Severity::Breaking,
                                    "changed; some IDs it accepted before are refused",
                                ),
                            }
                        }
                        _ => (Severity::Breaking, "changed"),
                    };
                    out.push(
                        severity,
                        module,
                        Subject::Type(item.clone()),
                        format!(
                            "ID pattern `{}` -> `{}` {how}",
                            old_id.pattern, new_id.pattern
                        ),
                        here,
                    );
                }
            }
            (TypeKind::Alias(old_ty), TypeKind::Alias(new_ty)) => {
                let (old_ty, new_ty) =
                    (models.base.rust_text(old_ty), models.head.rust_text(new_ty));
                if old_ty != new_ty {
                    out.push(
                        Severity::Breaking,
                        module,
                        Subject::Type(item.clone()),
                        format!("now stands for `{new_ty}` instead of `{old_ty}`"),
                        here,
                    );
                }
            }
            (old_kind, new_kind) if old_kind.noun() != new_kind.noun() => out.push(
                Severity::Breaking,
                module,
                Subject::Type(item.clone()),
                format!("changed from {} to {}", old_kind.noun(), new_kind.noun()),
                here,
            ),
            _ => {}
        }
    }
}

/// What a struct does with undeclared properties.
fn compare_additional(
    out: &mut Changes,
    models: Models<'_>,
    module: &str,
    item: &TypeName,
    here: &Location,
    (old, new): (&Struct, &Struct),
) {
    let text = |model: &Model, s: &Struct| {
        s.additional.as_ref().map_or_else(
            || "ignored".to_owned(),
            |ty| format!("kept as `BTreeMap<String, {}>`", model.rust_text(ty)),
        )
    };
    let (before, after) = (text(models.base, old), text(models.head, new));
    if before != after {
        // The map is a field: code that builds the struct no longer compiles.
        out.push(
            Severity::Breaking,
            module,
            member(item, "additional_properties"),
            format!("undeclared properties were {before}, now {after}"),
            here.clone(),
        );
    }
}

/// Union variants: removing one breaks matches on it; adding one does not (unions are
/// `#[non_exhaustive]`, with `Unknown`).
fn compare_variants(
    out: &mut Changes,
    models: Models<'_>,
    module: &str,
    item: &TypeName,
    here: &Location,
    (old, new): (&Union, &Union),
) {
    let describe =
        |model: &Model, v: &UnionVariant| (v.name.clone(), model.rust_text(&v.ty), v.tags.clone());
    let before: Vec<_> = old
        .variants
        .iter()
        .map(|v| describe(models.base, v))
        .collect();
    let after: Vec<_> = new
        .variants
        .iter()
        .map(|v| describe(models.head, v))
        .collect();
    for (name, ty, _) in before.iter().filter(|v| !after.contains(v)) {
        out.push(
            Severity::Breaking,
            module,
            member(item, name),
            format!("variant `{name}` (`{ty}`) removed or changed"),
            here.clone(),
        );
    }
    for (name, ty, _) in after.iter().filter(|v| !before.contains(v)) {
        out.push(
            Severity::Compatible,
            module,
            member(item, name),
            format!("variant `{name}` (`{ty}`) added"),
            here.clone(),
        );
    }
    if old.discriminator != new.discriminator {
        out.push(
            Severity::Breaking,
            module,
            Subject::Type(item.clone()),
            format!(
                "discriminator changed from {:?} to {:?}",
                old.discriminator, new.discriminator
            ),
            here.clone(),
        );
    }
}

fn compare_fields(
    out: &mut Changes,
    models: Models<'_>,
    module: &str,
    item: &TypeName,
    old: &[Field],
    new: &[Field],
) {
    let old_fields: BTreeMap<&str, &Field> =
        old.iter().map(|f| (f.name.json.as_str(), f)).collect();
    let new_fields: BTreeMap<&str, &Field> =
        new.iter().map(|f| (f.name.json.as_str(), f)).collect();
    for (json, field) in &old_fields {
        if !new_fields.contains_key(json) {
            out.push(
                Severity::Breaking,
                module,
                member(item, &field.name.rust),
                format!("field `{json}` removed"),
                Location::of(&field.source, Side::Base),
            );
        }
    }
    for (json, field) in &new_fields {
        let Field {
            name,
            ty,
            required: _, // with `nullable`, decides `is_optional`
            nullable,
            boxed: _, // a layout detail that follows from the types
            doc,
            pii,
            deprecated,
            example,
            source,
        } = field;
        let field_item = member(item, &name.rust);
        let here = Location::of(source, Side::Head);
        let Some(before) = old_fields.get(json) else {
            let (severity, message) = if field.is_optional() {
                (
                    Severity::Compatible,
                    format!("optional field `{json}` added"),
                )
            } else {
                (
                    Severity::Breaking,
                    format!("required field `{json}` added (a non-`Option` field)"),
                )
            };
            out.push(severity, module, field_item, message, here);
            continue;
        };
        let mut push = |severity: Severity, message: String| {
            out.push(severity, module, field_item.clone(), message, here.clone());
        };
        if before.name.rust != name.rust {
            push(
                Severity::Breaking,
                format!("renamed from `{}` to `{}`", before.name.rust, name.rust),
            );
        }
        let (old_ty, new_ty) = (models.base.rust_text(&before.ty), models.head.rust_text(ty));
        if old_ty != new_ty {
            push(
                Severity::Breaking,
                format!("type changed from `{old_ty}` to `{new_ty}`"),
            );
        }
        match (before.is_optional(), field.is_optional()) {
            (true, false) => push(
                Severity::Breaking,
                format!("now required: `{new_ty}` instead of `Option<…>`"),
            ),
            (false, true) => push(
                Severity::Breaking,
                format!("now optional (may be null or missing): `Option<{new_ty}>`"),
            ),
            // Already an `Option`, so nothing breaks; but a value that was always there when
            // sent may now be null.
            (true, true) if !before.nullable && *nullable => push(
                Severity::Compatible,
                "may now be null (already an `Option`)".to_owned(),
            ),
            _ => {}
        }
        marking_changes(
            &mut push,
            (before.pii, before.deprecated),
            (*pii, *deprecated),
        );
        if before.doc != *doc || before.example != *example {
            push(Severity::Compatible, DOCS.to_owned());
        }
    }
}

/// The compatible but visible changes of a field or input: its personal-data marking, and
/// being deprecated. Each argument is (pii, deprecated).
pub(super) fn marking_changes(
    push: &mut impl FnMut(Severity, String),
    (old_pii, old_deprecated): (Personal, bool),
    (new_pii, new_deprecated): (Personal, bool),
) {
    if old_pii != new_pii {
        push(
            Severity::Compatible,
            format!(
                "personal-data marking changed from {} to {}",
                old_pii.describe(),
                new_pii.describe()
            ),
        );
    }
    if !old_deprecated && new_deprecated {
        push(Severity::Compatible, "deprecated".to_owned());
    }
}

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
        let summary = match type_changes.as_slice() {
            [only] => only.message.clone(),
            [first, rest @ ..] => format!("{} (and {} more)", first.message, rest.len()),
            [] => continue,
        };
        for (user, field) in users_of(head, &changed) {
            out.push(Change {
                severity: Severity::Breaking,
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

/// A member (field, variant, value) of `ty`.
fn member(ty: &TypeName, member: &str) -> Subject {
    Subject::Member {
        ty: ty.clone(),
        member: member.to_owned(),
    }
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
