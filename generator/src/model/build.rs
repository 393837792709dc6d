//! Builds the [`Model`] from parsed specs, in passes: module names; which ID patterns several
//! files share; component schemas; operations (drafting the inline types they use);
//! pagination; then names, boxing, and the final arena. Problems are collected, so one run
//! reports all of them.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::draft::{Builder, IdKey, SHARED_MODULE, text};
use super::features::{self, CRATE_FEATURES, Feature};
use super::reach;
use super::{
    CrateConfigModel, Model, Module, Outcome, Page, Pagination, TypeDef, TypeId, TypeKind,
};
use crate::error::Error;
use crate::load::Specs;
use crate::names;
use crate::refs::Node;

/// Builds the model of `specs`, or reports every problem found.
pub fn build(specs: &Specs) -> Result<Model, Error> {
    let mut builder = Builder::new(specs);
    for file in specs.files.keys() {
        let module = names::module_name(file);
        if let Some((other, _)) = builder.modules.iter().find(|(_, m)| **m == module) {
            let message = format!(
                "`{other}` and `{file}` both become the Rust module `{module}`; rename one"
            );
            builder.problem(&Node::new(file, ""), message);
        }
        if names::RESERVED_MODULES.contains(&module.as_str())
            || CRATE_FEATURES.contains(&module.as_str())
        {
            let message = format!(
                "`{file}` becomes the Rust module `{module}`, a name the generated crate uses \
                 itself; rename the file"
            );
            builder.problem(&Node::new(file, ""), message);
        }
        builder.modules.insert(file.clone(), module);
    }
    builder.shared_patterns = shared_patterns(&builder);

    // Component ID types first, so a field with the same pattern inside another component
    // uses the component's type rather than an inline one.
    for ids_first in [true, false] {
        for (file, spec) in &specs.files {
            let schemas = spec
                .raw
                .pointer("/components/schemas")
                .and_then(Value::as_object);
            for (name, schema) in schemas.into_iter().flatten() {
                if schema.get("pattern").is_some() != ids_first {
                    continue;
                }
                let node = Node::new(file, "/components/schemas").child(name);
                let hint = names::type_name(name);
                builder.type_of(&node, &hint, None);
            }
        }
    }

    let mut apis = BTreeMap::new();
    for file in specs.files.keys() {
        if let Some(mut api) = builder.api(file) {
            for index in 0..api.operations.len() {
                let pagination = builder.pagination(&api.operations[index]);
                api.operations[index].pagination = pagination;
            }
            apis.insert(file.clone(), api);
        }
    }

    if !builder.problems.is_empty() {
        let mut problems = builder.problems;
        problems.sort_by(|a, b| (&a.file, a.line, &a.pointer).cmp(&(&b.file, b.line, &b.pointer)));
        problems.dedup();
        return Err(Error { problems });
    }

    // Names the operations use are taken before any type is named.
    let mut reserved: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (file, api) in &apis {
        let used = reserved.entry(builder.module_of(file)).or_default();
        used.insert(api.handle.clone());
        for op in &api.operations {
            used.insert(op.builder.clone());
            if let Outcome::Statuses { name, .. } = &op.outcome {
                used.insert(name.clone());
            }
        }
    }
    // What no operation reaches is not generated, and takes no name a generated type wants.
    let reached = reach::reached(apis.values(), |id| builder.drafts[id.0].kind.as_ref());
    let chosen = builder.name_types(&reserved, &reached);
    let warnings = std::mem::take(&mut builder.warnings);
    builder.box_recursive_fields();

    let mut types = Vec::with_capacity(builder.drafts.len());
    for (draft, name) in builder.drafts.into_iter().zip(chosen) {
        // Every draft is finished when no problem was found; one that is not would shift the
        // index of every later type, so it is an error, not a skip.
        let Some(kind) = draft.kind else {
            return Err(Error::one(crate::error::Problem {
                file: draft.source.file.clone().into(),
                line: draft.source.line,
                pointer: Some(draft.source.pointer.clone()),
                message: "internal error: a type here was never finished; please report it"
                    .to_owned(),
            }));
        };
        types.push(TypeDef {
            module: draft.module,
            name,
            doc: draft.doc,
            kind,
            source: draft.source,
        });
    }

    let mut modules = Vec::new();
    for (file, spec) in &specs.files {
        let info = spec.raw.get("info");
        let info_text = |key: &str| info.and_then(|i| text(i, key));
        modules.push(Module {
            name: builder.modules[file].clone(),
            file: file.clone(),
            title: info_text("title").unwrap_or_default(),
            version: info
                .and_then(|i| i.get("version"))
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                .unwrap_or_default(),
            description: info_text("description"),
            api: apis.remove(file),
            types: Vec::new(),
            shared: Vec::new(),
            feature: Feature::default(),
            pages: Vec::new(),
            root_ids: Vec::new(),
        });
    }
    let has_shared = modules.iter().any(|m| m.name == SHARED_MODULE);
    if !has_shared && types.iter().any(|t| t.module == SHARED_MODULE) {
        modules.push(Module {
            name: SHARED_MODULE.to_owned(),
            file: String::new(),
            title: "Common".to_owned(),
            version: String::new(),
            description: Some("ID types that several APIs share.".to_owned()),
            api: None,
            types: Vec::new(),
            shared: Vec::new(),
            feature: Feature::default(),
            pages: Vec::new(),
            root_ids: Vec::new(),
        });
    }
    // Types no operation reaches stay in the arena (ids are indices) but in no module.
    for (index, def) in types.iter().enumerate() {
        if !reached.contains(&TypeId(index)) {
            continue;
        }
        if let Some(module) = modules.iter_mut().find(|m| m.name == def.module) {
            module.types.push(TypeId(index));
        }
    }
    // A file of components nothing reaches (or a `common` of them) makes no module.
    modules.retain(|m| !m.types.is_empty() || m.api.is_some());
    for module in &mut modules {
        module
            .types
            .sort_by(|a, b| types[a.0].name.cmp(&types[b.0].name));
    }
    for module in &mut modules {
        module.shared = shared_ids_used(module, &types);
        module.feature = features::feature_of(module, &types);
    }
    modules.sort_by(|a, b| a.name.cmp(&b.name));
    place_pages(&mut modules, &types);
    place_root_ids(&mut modules, &types);
    Ok(Model {
        specs_dir: specs.dir.clone(),
        crate_config: CrateConfigModel::from(&specs.config),
        modules,
        types,
        warnings,
    })
}

/// Records each page type in the module that defines it, once, in the order the list
/// operations of all modules (by module, then method name) first return it.
fn place_pages(modules: &mut [Module], types: &[TypeDef]) {
    let pages: Vec<Page> = modules
        .iter()
        .filter_map(|m| m.api.as_ref())
        .flat_map(|api| &api.operations)
        .filter_map(|op| op.pagination.as_ref())
        .map(Pagination::page)
        .collect();
    for page in pages {
        let owner = &types[page.ty.0].module;
        if let Some(module) = modules.iter_mut().find(|m| &m.name == owner)
            && !module.pages.iter().any(|p| p.ty == page.ty)
        {
            module.pages.push(page);
        }
    }
}

/// Records, per module, the ID types also re-exported at the crate root: those whose name is
/// unique among all modules' ID types (a clash would make `twilio_api::Name` ambiguous).
fn place_root_ids(modules: &mut [Module], types: &[TypeDef]) {
    let is_id = |id: &&TypeId| matches!(types[id.0].kind, TypeKind::Id(_));
    let mut named: BTreeMap<&str, usize> = BTreeMap::new();
    for id in modules.iter().flat_map(|m| m.types.iter().filter(is_id)) {
        *named.entry(types[id.0].name.as_str()).or_default() += 1;
    }
    let unique: Vec<Vec<TypeId>> = modules
        .iter()
        .map(|m| {
            m.types
                .iter()
                .filter(is_id)
                .filter(|id| named.get(types[id.0].name.as_str()) == Some(&1))
                .copied()
                .collect()
        })
        .collect();
    for (module, ids) in modules.iter_mut().zip(unique) {
        module.root_ids = ids;
    }
}

/// The shared module's ID types that `module` uses, by name, none clashing with its own.
fn shared_ids_used(module: &Module, types: &[TypeDef]) -> Vec<TypeId> {
    if module.name == SHARED_MODULE {
        return Vec::new();
    }
    let (found, _) = features::uses(module, types);
    let own: BTreeSet<&str> = module
        .types
        .iter()
        .map(|id| types[id.0].name.as_str())
        .collect();
    let mut shared: Vec<TypeId> = found
        .into_iter()
        .filter(|id| {
            let def = &types[id.0];
            def.module == SHARED_MODULE
                && matches!(def.kind, TypeKind::Id(_))
                && !own.contains(def.name.as_str())
        })
        .collect();
    shared.sort_by(|a, b| types[a.0].name.cmp(&types[b.0].name));
    shared
}

/// ID patterns (with their length bounds) that appear in more than one module.
fn shared_patterns(builder: &Builder<'_>) -> BTreeSet<IdKey> {
    let mut modules_of: BTreeMap<IdKey, BTreeSet<String>> = BTreeMap::new();
    for (file, spec) in &builder.specs.files {
        let module = builder.module_of(file);
        let mut found = Vec::new();
        collect_patterns(&spec.raw, &mut found);
        for key in found {
            modules_of.entry(key).or_default().insert(module.clone());
        }
    }
    modules_of
        .into_iter()
        .filter(|(_, modules)| modules.len() > 1)
        .map(|(key, _)| key)
        .collect()
}

fn collect_patterns(value: &Value, found: &mut Vec<IdKey>) {
    match value {
        Value::Object(object) => {
            if let Some(pattern) = object.get("pattern").and_then(Value::as_str) {
                found.push(IdKey::new(pattern, value));
            }
            for (key, child) in object {
                // Examples hold data, not schemas.
                if key != "example" && key != "examples" {
                    collect_patterns(child, found);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_patterns(i, found)),
        _ => {}
    }
}
