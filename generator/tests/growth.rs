//! Generated names are an API: a spec that grows (a schema, a field, an operation, a
//! parameter added, each placed before everything already there) renames nothing that was
//! there. Checked on each of Twilio's 55 files alone: every type, field, variant, method and
//! input of the file as published keeps its Rust name and its Rust type.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

use std::collections::BTreeMap;
use std::path::Path;

use generator::model::{Model, TypeKind};
use serde_json::{Map, Value, json};

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

/// `map` with `added` in front of what it had.
fn prepend(map: &mut Map<String, Value>, added: Vec<(String, Value)>) {
    let old = std::mem::take(map);
    map.extend(added);
    map.extend(old);
}

/// The first property of `properties` whose schema satisfies `wanted`.
fn first_property(properties: &Map<String, Value>, wanted: &str) -> Option<(String, Value)> {
    properties
        .iter()
        .find(|(_, schema)| schema.get(wanted).is_some())
        .map(|(name, schema)| (name.clone(), schema.clone()))
}

/// The spec with things added before what it has: to every object schema, a field with a new
/// ID pattern and a copy, under a new name, of its first patterned and first enum field (the
/// change that once renamed `MessagingServiceSid` across messaging_v1); a copy of the first
/// object schema as a new schema; a new operation using both; and an optional query parameter
/// that copies an existing patterned one on every operation.
fn grown(mut spec: Value) -> Value {
    let new_id = json!({"type": "string", "pattern": "^ZZ[0-9a-fA-F]{32}$"});
    let mut first_object = None;
    if let Some(schemas) = spec
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
    {
        for schema in schemas.values_mut() {
            let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut)
            else {
                continue;
            };
            let mut added = vec![("zz_new_sid".to_owned(), new_id.clone())];
            for wanted in ["pattern", "enum"] {
                if let Some((name, copy)) = first_property(properties, wanted) {
                    added.push((format!("zz_copy_{name}"), copy));
                }
            }
            prepend(properties, added);
            first_object.get_or_insert_with(|| schema.clone());
        }
        if let Some(copy) = first_object.clone() {
            prepend(schemas, vec![("zz_added_resource".to_owned(), copy)]);
        }
    }
    let servers = spec.get("servers").cloned();
    let mut patterned_parameter = None;
    if let Some(paths) = spec.get_mut("paths").and_then(Value::as_object_mut) {
        for item in paths.values_mut().filter_map(Value::as_object_mut) {
            for op in item.values_mut().filter_map(Value::as_object_mut) {
                let Some(parameters) = op.get_mut("parameters").and_then(Value::as_array_mut)
                else {
                    continue;
                };
                let found = parameters.iter().find(|p| {
                    p.pointer("/schema/pattern").is_some() && p.get("in") == Some(&json!("query"))
                });
                if let Some(found) = found.or(patterned_parameter.as_ref()).cloned() {
                    let mut copy = found;
                    copy["name"] = json!("ZzFilter");
                    copy["required"] = json!(false);
                    patterned_parameter.get_or_insert_with(|| copy.clone());
                    parameters.push(copy);
                }
            }
        }
        let response = match &first_object {
            Some(_) => json!({"$ref": "#/components/schemas/zz_added_resource"}),
            None => json!({"type": "object", "properties": {"sid": new_id}}),
        };
        let operation = json!({
            "servers": servers
                .or_else(|| paths.values().find_map(|item| item.get("servers").cloned()))
                .unwrap_or(json!([{"url": "https://api.twilio.com"}])),
            "get": {
                "operationId": "ZzFetchAdded",
                "parameters": [{"name": "Sid", "in": "path", "required": true, "schema": new_id}],
                "responses": {"200": {
                    "description": "OK",
                    "content": {"application/json": {"schema": response}}
                }}
            }
        });
        prepend(paths, vec![("/v9/ZzAdded/{Sid}".to_owned(), operation)]);
    }
    spec
}

#[test]
fn a_growing_spec_renames_nothing_that_was_there() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/twilio-oai");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 55);
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
