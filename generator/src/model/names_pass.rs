//! Passes over the drafted types once every schema and operation is read: choosing each
//! type's name (and resolving collisions), and boxing fields that would make a struct
//! contain itself.
//!
//! Naming rules, applied per module in a fixed order so output is deterministic:
//! 1. names the module's operations already use (the API handle, request builders and their
//!    outcome enums) are taken first;
//! 2. component schemas, in file and name order, take their first free candidate: the name
//!    without the API's prefix (`events.v1.sink` -> `Sink`; Twilio's enums
//!    `sink_enum_sink_type` -> `SinkType`, `call_enum_status` -> `CallStatus`), then the full
//!    name;
//! 3. inline schemas, in file and pointer order: their `title`, then the name of the place
//!    they are used (`CreateSinkRequest`, `SinkLinks`);
//! 4. inline ID types are named by what their pattern identifies, never by the fields that
//!    use them, so adding a field cannot rename one: the pattern's prefix
//!    (`^AC[0-9a-fA-F]{32}$` -> `AcSid`, see `schema::KindName`); only a pattern with no literal
//!    prefix is named after its users, the most used name first, generic ones (`Sid`, `Id`)
//!    last;
//! 5. when every candidate is taken, the last one gets a number (`SinkLinks2`).

use std::collections::{BTreeMap, BTreeSet};

use super::draft::Builder;
use super::schema::{KindName, kind_name};
use super::{TypeId, TypeKind, TypeRef};
use crate::names;

/// Usage names too generic to name an ID type by themselves.
const GENERIC: &[&str] = &["Sid", "Id", "Key", "Value", "Name"];

impl Builder<'_> {
    /// Chooses every type's final name; `reserved` lists names already used per module.
    /// Types outside `reached` are never generated: they get their first candidate without
    /// taking it from a generated type.
    pub fn name_types(
        &mut self,
        reserved: &BTreeMap<String, BTreeSet<String>>,
        reached: &BTreeSet<TypeId>,
    ) -> Vec<String> {
        let mut order: Vec<TypeId> = (0..self.drafts.len()).map(TypeId).collect();
        let kinds: Vec<Option<KindName>> = order.iter().map(|&id| self.id_kind(id)).collect();
        // Within a module: components, then ID types named by their kind, then the other
        // inline types.
        order.sort_by(|a, b| {
            let (da, db) = (&self.drafts[a.0], &self.drafts[b.0]);
            let kind_rank = |id: &TypeId| kinds[id.0].is_none();
            (
                &da.module,
                !da.component,
                kind_rank(a),
                &da.source.file,
                &da.source.pointer,
            )
                .cmp(&(
                    &db.module,
                    !db.component,
                    kind_rank(b),
                    &db.source.file,
                    &db.source.pointer,
                ))
        });
        let mut taken: BTreeMap<String, BTreeSet<String>> = reserved.clone();
        let mut chosen = vec![String::new(); self.drafts.len()];
        for id in order {
            // An ID type named by its kind takes that name (numbered if taken), never the name
            // of a field that happens to use it.
            let candidates = match &kinds[id.0] {
                Some(kind) => vec![kind.name()],
                None => {
                    let mut candidates = self.id_type_names(id);
                    candidates.extend(self.drafts[id.0].names.iter().cloned());
                    candidates
                }
            };
            if !reached.contains(&id) {
                chosen[id.0] = candidates.first().cloned().unwrap_or_else(|| "Type".into());
                continue;
            }
            let used = taken.entry(self.drafts[id.0].module.clone()).or_default();
            let name = candidates
                .iter()
                .find(|c| !used.contains(*c))
                .cloned()
                .unwrap_or_else(|| {
                    let last = candidates.last().cloned().unwrap_or_else(|| "Type".into());
                    names::unique(&last, |c| used.contains(c))
                });
            used.insert(name.clone());
            chosen[id.0] = name;
        }
        chosen
    }

    /// What an inline ID type's pattern says it identifies (components keep their names).
    fn id_kind(&self, id: TypeId) -> Option<KindName> {
        let draft = &self.drafts[id.0];
        match &draft.kind {
            Some(TypeKind::Id(id_type)) if !draft.component => kind_name(&id_type.check),
            _ => None,
        }
    }

    /// Names the users of an inline ID type without a kind name suggest, best first.
    fn id_type_names(&self, id: TypeId) -> Vec<String> {
        let Some(counts) = self.id_names.get(&id) else {
            return Vec::new();
        };
        let mut ranked: Vec<(&String, &usize)> = counts.iter().collect();
        ranked.sort_by(|(na, ca), (nb, cb)| {
            let generic = |n: &str| GENERIC.contains(&n);
            (generic(na), std::cmp::Reverse(**ca), *na).cmp(&(
                generic(nb),
                std::cmp::Reverse(**cb),
                *nb,
            ))
        });
        ranked
            .into_iter()
            .filter(|(n, _)| !GENERIC.contains(&n.as_str()))
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// Marks struct fields that lead back to their own struct without a `Vec` or map in
    /// between: they are boxed, or the struct would contain itself.
    pub fn box_recursive_fields(&mut self) {
        for index in 0..self.drafts.len() {
            let target = TypeId(index);
            let Some(TypeKind::Struct(structure)) = &self.drafts[index].kind else {
                continue;
            };
            let boxed: Vec<bool> = structure
                .fields
                .iter()
                .map(|f| self.contains_inline(&f.ty, target, &mut BTreeSet::new()))
                .collect();
            if let Some(TypeKind::Struct(structure)) = &mut self.drafts[index].kind {
                for (field, boxed) in structure.fields.iter_mut().zip(boxed) {
                    field.boxed = boxed;
                }
            }
        }
    }

    /// Whether a value of type `ty` holds a `target` directly (not behind a `Vec` or a map).
    fn contains_inline(&self, ty: &TypeRef, target: TypeId, seen: &mut BTreeSet<TypeId>) -> bool {
        let TypeRef::Named(id) = ty else {
            return false;
        };
        if *id == target {
            return true;
        }
        if !seen.insert(*id) {
            return false;
        }
        match &self.drafts[id.0].kind {
            Some(TypeKind::Struct(s)) => s
                .fields
                .iter()
                .filter(|f| !f.boxed)
                .any(|f| self.contains_inline(&f.ty, target, seen)),
            Some(TypeKind::Alias(inner)) => self.contains_inline(inner, target, seen),
            Some(TypeKind::Union(u)) => u
                .variants
                .iter()
                .any(|v| self.contains_inline(&v.ty, target, seen)),
            _ => false,
        }
    }
}
