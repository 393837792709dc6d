//! Type changes: which types match across the two models (by name, through renames and
//! `common`), then structs and their fields, unions and aliases; enum values and ID types are
//! in [`super::values`], the models a changed type reaches in [`super::affected`].

use std::collections::BTreeMap;

use generator::model::{
    Field, Model, Module, Personal, SHARED_MODULE, Struct, TypeDef, TypeKind, TypeName, Union,
    UnionVariant,
};

use super::change::{Changes, Class, DOCS, Impact, Kind, Location, Models, Side, Subject, member};

/// The types a module's users can name: its own and the shared ones it re-exports
/// (`messaging_v1::AcSid` whether it lives there or in `common`).
fn reachable<'m>(model: &'m Model, module: &Module) -> BTreeMap<&'m str, &'m TypeDef> {
    module
        .types
        .iter()
        .chain(&module.shared)
        .map(|&id| model.ty(id))
        .map(|t| (t.name.as_str(), t))
        .collect()
}

/// Types that changed name but not place (an inline schema whose name a new component took):
/// old name -> new name, so each is reported once, as a rename.
pub(super) fn renames(base: &Model, head: &Model) -> BTreeMap<TypeName, TypeName> {
    let mut out = BTreeMap::new();
    for old_module in &base.modules {
        let Some(new_module) = head.modules.iter().find(|m| m.name == old_module.name) else {
            continue;
        };
        let (old_names, new_names) = (reachable(base, old_module), reachable(head, new_module));
        let place = |t: &TypeDef| {
            (
                t.source.file.clone(),
                t.source.pointer.clone(),
                t.kind.noun(),
            )
        };
        let added: BTreeMap<_, &TypeDef> = new_names
            .iter()
            .filter(|(name, def)| !old_names.contains_key(*name) && def.module == new_module.name)
            .map(|(_, def)| (place(def), *def))
            .collect();
        for (name, def) in &old_names {
            if new_names.contains_key(name) || def.module != old_module.name {
                continue;
            }
            if let Some(new_def) = added.get(&place(def)) {
                out.insert(
                    TypeName {
                        module: def.module.clone(),
                        name: def.name.clone(),
                    },
                    TypeName {
                        module: new_def.module.clone(),
                        name: new_def.name.clone(),
                    },
                );
            }
        }
    }
    out
}

pub(super) fn compare_types(
    out: &mut Changes,
    models: Models<'_>,
    module: &str,
    old: &Module,
    new: &Module,
) {
    let old_types = reachable(models.base, old);
    let new_types = reachable(models.head, new);
    let item_of = |name: &str| TypeName {
        module: module.to_owned(),
        name: name.to_owned(),
    };
    for (name, def) in &old_types {
        if new_types.contains_key(name) {
            continue;
        }
        let old_name = TypeName {
            module: def.module.clone(),
            name: def.name.clone(),
        };
        if let Some(new_name) = models.renames.get(&old_name) {
            out.push(
                Class::breaking(Kind::Renamed, Impact::Rust),
                module,
                Subject::Type(item_of(name)),
                format!("{} renamed to `{}`", def.kind.noun(), new_name.rust_path()),
                Location::of(&def.source, Side::Base),
            );
            continue;
        }
        // Out of `common` into the one module that still uses it: every path that named it
        // through a module still does.
        if module == SHARED_MODULE
            && let Some(home) = defined_elsewhere(models.head, name, def)
        {
            out.push(
                Class::compatible(Kind::Renamed, Impact::Rust),
                module,
                Subject::Type(item_of(name)),
                format!("moved out of `{SHARED_MODULE}`: now `{home}::{name}`"),
                Location::of(&def.source, Side::Base),
            );
            continue;
        }
        out.push(
            Class::breaking(Kind::Removed, Impact::Rust),
            module,
            Subject::Type(item_of(name)),
            format!("{} removed", def.kind.noun()),
            Location::of(&def.source, Side::Base),
        );
    }
    for (name, def) in &new_types {
        let TypeDef {
            module: defined_in,
            name: _,
            doc,
            kind,
            source,
        } = def;
        // A shared type is compared once, where it is defined.
        if defined_in != module {
            continue;
        }
        let item = item_of(name);
        let here = Location::of(source, Side::Head);
        let before = old_types.get(name).copied().or_else(|| {
            // Into `common` from a module: the same type, now shared.
            (module == SHARED_MODULE)
                .then(|| defined_elsewhere_def(models.base, name, def))
                .flatten()
        });
        let Some(before) = before else {
            let renamed = models.renames.values().any(|n| n == &item);
            if !renamed {
                out.push(
                    Class::compatible(Kind::Added, Impact::Rust),
                    module,
                    Subject::Type(item.clone()),
                    format!("{} added", def.kind.noun()),
                    here,
                );
            }
            continue;
        };
        if before.doc != *doc {
            out.push(
                Class::DOCS,
                module,
                Subject::Type(item.clone()),
                DOCS.to_owned(),
                here.clone(),
            );
        }
        compare_kinds(out, models, module, &item, &here, (&before.kind, kind));
    }
}

/// The module other than `common` that defines a type of this name and kind, if one does.
fn defined_elsewhere<'m>(model: &'m Model, name: &str, like: &TypeDef) -> Option<&'m str> {
    defined_elsewhere_def(model, name, like).map(|def| def.module.as_str())
}

fn defined_elsewhere_def<'m>(model: &'m Model, name: &str, like: &TypeDef) -> Option<&'m TypeDef> {
    model
        .modules
        .iter()
        .filter(|m| m.name != SHARED_MODULE)
        .flat_map(|m| m.types.iter().map(|&id| model.ty(id)))
        .find(|def| def.name == name && def.kind.noun() == like.kind.noun())
}

/// The changes inside one type that exists on both sides.
fn compare_kinds(
    out: &mut Changes,
    models: Models<'_>,
    module: &str,
    item: &TypeName,
    here: &Location,
    (before, after): (&TypeKind, &TypeKind),
) {
    match (before, after) {
        (TypeKind::Struct(old_struct), TypeKind::Struct(new_struct)) => {
            compare_fields(
                out,
                models,
                module,
                item,
                &old_struct.fields,
                &new_struct.fields,
            );
            compare_additional(out, models, module, item, here, (old_struct, new_struct));
        }
        (TypeKind::Union(old_union), TypeKind::Union(new_union)) => {
            compare_variants(out, models, module, item, here, (old_union, new_union));
        }
        (TypeKind::Enum(old_enum), TypeKind::Enum(new_enum)) => {
            super::values::compare_values(out, module, item, here, (old_enum, new_enum));
        }
        (TypeKind::Id(old_id), TypeKind::Id(new_id)) => {
            super::values::compare_ids(out, module, item, here, (old_id, new_id));
        }
        (TypeKind::Alias(old_ty), TypeKind::Alias(new_ty))
            if !super::wire::same_rust_type(models, old_ty, new_ty) =>
        {
            let impact = if super::wire::same_values(models, old_ty, new_ty) {
                Impact::Rust
            } else {
                Impact::Wire
            };
            out.push(
                Class::breaking(Kind::TypeChanged, impact),
                module,
                Subject::Type(item.clone()),
                format!(
                    "now stands for `{}` instead of `{}`",
                    models.head.rust_text(new_ty),
                    models.base.rust_text(old_ty)
                ),
                here.clone(),
            );
        }
        (old_kind, new_kind) if old_kind.noun() != new_kind.noun() => out.push(
            Class::breaking(Kind::TypeChanged, Impact::Wire),
            module,
            Subject::Type(item.clone()),
            format!("changed from {} to {}", old_kind.noun(), new_kind.noun()),
            here.clone(),
        ),
        _ => {}
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
            Class::breaking(Kind::TypeChanged, Impact::Rust),
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
            Class::breaking(Kind::Removed, Impact::Wire),
            module,
            member(item, name),
            format!("variant `{name}` (`{ty}`) removed or changed"),
            here.clone(),
        );
    }
    for (name, ty, _) in after.iter().filter(|v| !before.contains(v)) {
        out.push(
            Class::compatible(Kind::Added, Impact::Wire),
            module,
            member(item, name),
            format!("variant `{name}` (`{ty}`) added"),
            here.clone(),
        );
    }
    if old.discriminator != new.discriminator {
        out.push(
            Class::breaking(Kind::TypeChanged, Impact::Wire),
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
    // A property whose spelling alone changed (`Client_id` -> `client_id`) is one field read
    // under another name.
    let respelled: BTreeMap<&str, &str> = old_fields
        .keys()
        .filter(|k| !new_fields.contains_key(*k))
        .filter_map(|k| {
            new_fields
                .keys()
                .find(|n| n.eq_ignore_ascii_case(k) && !old_fields.contains_key(*n))
                .map(|n| (*n, *k))
        })
        .collect();
    for (json, field) in &old_fields {
        if !new_fields.contains_key(json) && !respelled.values().any(|o| o == json) {
            out.push(
                Class::breaking(Kind::Removed, Impact::Wire),
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
        let before = old_fields
            .get(json)
            .or_else(|| respelled.get(json).and_then(|old| old_fields.get(old)));
        let Some(before) = before else {
            // Twilio sends something new; a required field also breaks code that builds the
            // struct.
            let (class, message) = if field.is_optional() {
                (
                    Class::compatible(Kind::Added, Impact::Wire),
                    format!("optional field `{json}` added"),
                )
            } else {
                (
                    Class::breaking(Kind::Added, Impact::Rust),
                    format!("required field `{json}` added (a non-`Option` field)"),
                )
            };
            out.push(class, module, field_item, message, here);
            continue;
        };
        let mut push = |class: Class, message: String| {
            out.push(class, module, field_item.clone(), message, here.clone());
        };
        if before.name.json != name.json {
            push(
                Class::breaking(Kind::WireValueChanged, Impact::Wire),
                format!(
                    "read from `{}` instead of `{}`",
                    name.json, before.name.json
                ),
            );
        }
        if before.name.rust != name.rust {
            push(
                Class::breaking(Kind::Renamed, Impact::Rust),
                format!("renamed from `{}` to `{}`", before.name.rust, name.rust),
            );
        }
        let (old_ty, new_ty) = (models.base.rust_text(&before.ty), models.head.rust_text(ty));
        if !super::wire::same_rust_type(models, &before.ty, ty) {
            let impact = if super::wire::same_values(models, &before.ty, ty) {
                Impact::Rust
            } else {
                Impact::Wire
            };
            push(
                Class::breaking(Kind::TypeChanged, impact),
                format!("type changed from `{old_ty}` to `{new_ty}`"),
            );
        }
        // `Option<T>` to `T` and back change the signature; what Twilio sends is the same
        // JSON either way.
        match (before.is_optional(), field.is_optional()) {
            (true, false) => push(
                Class::breaking(Kind::RequiredChanged, Impact::Rust),
                format!("now required: `{new_ty}` instead of `Option<…>`"),
            ),
            (false, true) => push(
                Class::breaking(Kind::RequiredChanged, Impact::Rust),
                format!("now optional (may be null or missing): `Option<{new_ty}>`"),
            ),
            // Already an `Option`, so nothing breaks; but a value that was always there when
            // sent may now be null.
            (true, true) if !before.nullable && *nullable => push(
                Class::compatible(Kind::ResponseChanged, Impact::Wire),
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
            push(Class::DOCS, DOCS.to_owned());
        }
    }
}

/// The compatible but visible changes of a field or input: its personal-data marking, and
/// being deprecated. Each argument is (pii, deprecated).
pub(super) fn marking_changes(
    push: &mut impl FnMut(Class, String),
    (old_pii, old_deprecated): (Personal, bool),
    (new_pii, new_deprecated): (Personal, bool),
) {
    if old_pii != new_pii {
        push(
            Class::compatible(Kind::MarkingChanged, Impact::Rust),
            format!(
                "personal-data marking changed from {} to {}",
                old_pii.describe(),
                new_pii.describe()
            ),
        );
    }
    if !old_deprecated && new_deprecated {
        push(
            Class::compatible(Kind::MarkingChanged, Impact::Rust),
            "deprecated".to_owned(),
        );
    }
}
