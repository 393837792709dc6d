//! Compares two intermediate models and classifies every difference for callers of the
//! generated crate: breaking (code that compiled or requests that worked may not any more) or
//! compatible (additions, looser checks, docs).

use std::collections::{BTreeMap, BTreeSet};

use generator::model::{Model, Module, SHARED_MODULE};

use super::change::{Change, Changes, Class, Impact, Kind, Location, Models, Side, Subject};

/// Every difference between `base` and `head`, in API order.
pub fn compare(base: &Model, head: &Model) -> Vec<Change> {
    let mut out = Changes::default();
    let renames = super::types::renames(base, head);
    let base_modules: BTreeMap<&str, &Module> =
        base.modules.iter().map(|m| (m.name.as_str(), m)).collect();
    let head_modules: BTreeMap<&str, &Module> =
        head.modules.iter().map(|m| (m.name.as_str(), m)).collect();
    let names: BTreeSet<&str> = base_modules
        .keys()
        .chain(head_modules.keys())
        .copied()
        .collect();
    for name in names {
        let models = Models {
            base,
            head,
            renames: &renames,
        };
        match (base_modules.get(name), head_modules.get(name)) {
            // `common` holds no file: when no type is shared any more, its types are told one
            // by one (most moved into the one module still using them).
            (Some(old), None) if name == SHARED_MODULE && old.api.is_none() => {
                let empty = Module {
                    types: Vec::new(),
                    shared: Vec::new(),
                    ..(*old).clone()
                };
                super::types::compare_types(&mut out, models, name, old, &empty);
            }
            (Some(old), None) => out.push(
                Class::breaking(Kind::Removed, Impact::Wire),
                name,
                Subject::module(base, name),
                format!(
                    "module removed (spec file `{}` deleted), with all its operations and types",
                    old.file
                ),
                Location::of_module(old, Side::Base),
            ),
            (None, Some(new)) => out.push(
                Class::compatible(Kind::Added, Impact::Wire),
                name,
                Subject::module(head, name),
                format!("module added from `{}`", new.file),
                Location::of_module(new, Side::Head),
            ),
            (Some(old), Some(new)) => {
                super::operations::compare_apis(&mut out, models, name, old, new);
                super::types::compare_types(&mut out, models, name, old, new);
            }
            (None, None) => {}
        }
    }
    let mut changes = out.into_list();
    changes.extend(super::affected::affected_models(base, head, &changes));
    // In the order of the printed paths.
    changes.sort_by_cached_key(|c| (c.api.clone(), c.via.is_some(), c.item.to_string()));
    changes
}
