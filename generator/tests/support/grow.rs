//! A spec grown by additions only, each placed before everything already there: shared by
//! the generator's test that names never change (`tests/growth.rs`) and `xtask diff`'s test
//! that such a spec reports nothing for what was there.

use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

/// The 55 files of `generator/tests/twilio-oai/`, in name order.
pub fn twilio_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../generator/tests/twilio-oai")
        .canonicalize()
        .unwrap_or_default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 55, "the vendored set in {}", dir.display());
    files
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
pub fn grown(mut spec: Value) -> Value {
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
