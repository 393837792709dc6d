//! Generated names are an API: a spec that grows (a schema, a field, an operation, a
//! parameter added, each placed before everything already there) renames nothing that was
//! there. Checked on each of Twilio's 55 files alone: every type, field, variant, method and
//! input of the file as published keeps its Rust name and its Rust type.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

use std::collections::BTreeMap;
use std::path::Path;

use generator::model::{Model, TypeKind};
use serde_json::Value;

#[path = "support/grow.rs"]
mod grow;
use grow::grown;

/// What a user of the generated module names: types by the place that defines them (ID types
/// are named through the fields and inputs that use them), their fields and variants, the
/// operations' methods, builders and inputs.
fn surface(model: &Model) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for def in &model.types {
        let place = format!("{} {}", def.module, def.source.pointer);
        match &def.kind {
            TypeKind::Id(_) => continue,
            TypeKind::Struct(structure) => {
                for field in &structure.fields {
                    out.insert(
                        format!("{place} .{}", field.name.json),
                        format!("{}: {}", field.name.rust, model.rust_text(&field.ty)),
                    );
                }
            }
            TypeKind::Enum(enumeration) => {
                for (wire, variant) in enumeration.texts() {
                    out.insert(format!("{place} ={wire:?}"), variant.to_owned());
                }
            }
            _ => {}
        }
        out.insert(place, def.name.clone());
    }
    for (module, api) in model.apis() {
        for op in &api.operations {
            let place = format!("{} {}", module.name, op.id);
            out.insert(place.clone(), format!("{} {}", op.method_name, op.builder));
            for input in &op.inputs {
                out.insert(
                    format!("{place} {:?} {}", input.location, input.name),
                    format!("{}: {}", input.rust_name, model.rust_text(&input.ty)),
                );
            }
        }
    }
    out
}

fn model_of(file: &str, text: String) -> Model {
    let sources = [(file.to_owned(), text)].into_iter().collect();
    let specs = generator::load::load_sources(Path::new("specs"), sources).unwrap();
    generator::model::build(&specs).unwrap_or_else(|e| panic!("{file}:\n{e}"))
}

#[test]
fn a_growing_spec_renames_nothing_that_was_there() {
    let files = grow::twilio_files();
    let mut compared = 0;
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let before = surface(&model_of(&file, text.clone()));
        let spec: Value = yaml_serde::from_str(&text).unwrap();
        let after = surface(&model_of(
            &file,
            serde_json::to_string(&grown(spec)).unwrap(),
        ));
        assert!(
            after.len() > before.len() || before.is_empty(),
            "{file}: nothing was added"
        );
        let changed: Vec<String> = before
            .iter()
            .filter(|(key, name)| after.get(*key) != Some(name))
            .map(|(key, name)| format!("{key}: `{name}` -> {:?}", after.get(key)))
            .collect();
        assert!(changed.is_empty(), "{file}: {}", changed.join("\n"));
        compared += before.len();
    }
    // Every name of the 55 files: types, fields, variants, methods, builders and inputs.
    assert!(compared > 20_000, "{compared} names compared");
}
