//! The copies of the spec files Prism serves: the same documents, with what Prism reads
//! differently from OpenAPI's defaults spelled out.

use std::fs;
use std::path::Path;

use generator::load::Specs;
use generator::pointer::escape;
use serde_json::Value;

/// Writes the copies of the spec files Prism serves. Prism reads a form body's fields as
/// single strings unless the spec gives them an `encoding`, although OpenAPI's default for
/// form bodies is `style: form, explode: true`: arrays as repeated keys, Twilio's convention
/// and what the client sends. The copies spell that default out for every array field of a
/// form body; nothing else changes. (They are JSON, which YAML readers read, under the same
/// names, so `$ref`s between files still resolve.) They also cap `maxItems` at
/// [`PRISM_MAX_ITEMS`]: Prism's dynamic mode builds arrays up to `maxItems` long, and Twilio
/// writes `maxItems: 2147483647` (iam_organizations' SCIM users), which exhausts its heap.
pub(super) fn write_prism_specs(specs: &Specs, dir: &Path) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (name, file) in &specs.files {
        let mut document = file.raw.clone();
        spell_out_form_encoding(&mut document);
        cap_max_items(&mut document);
        shape_rfc2822(&mut document);
        let text = serde_json::to_string_pretty(&document).map_err(|e| e.to_string())?;
        let path = dir.join(name);
        if fs::read_to_string(&path).is_ok_and(|old| old == text) {
            continue;
        }
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// What Prism's dynamic mode makes of `format: date-time-rfc-2822`, a format it does not
/// know: random words, where Twilio sends `Tue, 02 Jan 2024 03:04:05 +0000`. The copies give
/// such strings a `pattern` of that shape (without the optional weekday, which a random one
/// would contradict), so the answers are ones Twilio could send.
const RFC2822_PATTERN: &str = "^(0[1-9]|1[0-9]|2[0-8]) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20[0-9]{2} ([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9] \\+0000$";

/// Adds [`RFC2822_PATTERN`] to every `date-time-rfc-2822` string without a pattern; returns
/// how many it shaped.
fn shape_rfc2822(value: &mut Value) -> usize {
    match value {
        Value::Object(object) => {
            let mut shaped = 0;
            if object.get("format").and_then(Value::as_str) == Some("date-time-rfc-2822")
                && !object.contains_key("pattern")
            {
                object.insert("pattern".to_owned(), Value::from(RFC2822_PATTERN));
                shaped += 1;
            }
            shaped + object.values_mut().map(shape_rfc2822).sum::<usize>()
        }
        Value::Array(items) => items.iter_mut().map(shape_rfc2822).sum(),
        _ => 0,
    }
}

/// The largest `maxItems` Prism is given (see [`write_prism_specs`]).
const PRISM_MAX_ITEMS: u64 = 20;

/// Lowers every `maxItems` above [`PRISM_MAX_ITEMS`] to it; returns how many it lowered.
fn cap_max_items(value: &mut Value) -> usize {
    match value {
        Value::Object(object) => {
            let mut lowered = 0;
            if let Some(max) = object.get_mut("maxItems")
                && max.as_u64().is_some_and(|m| m > PRISM_MAX_ITEMS)
            {
                *max = Value::from(PRISM_MAX_ITEMS);
                lowered += 1;
            }
            lowered + object.values_mut().map(cap_max_items).sum::<usize>()
        }
        Value::Array(items) => items.iter_mut().map(cap_max_items).sum(),
        _ => 0,
    }
}

/// Adds `encoding: {field: {style: form, explode: true}}` for the array fields of every
/// `application/x-www-form-urlencoded` body that does not say how to encode them; returns
/// how many it added.
fn spell_out_form_encoding(document: &mut Value) -> usize {
    const FORM: &str = "application/x-www-form-urlencoded";
    // Where form bodies are: operations' request bodies and shared ones.
    let mut media_pointers = Vec::new();
    if let Some(paths) = document.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            let Some(item) = item.as_object() else {
                continue;
            };
            for method in item.keys() {
                media_pointers.push(format!(
                    "/paths/{}/{}/requestBody/content/{}",
                    escape(path),
                    escape(method),
                    escape(FORM)
                ));
            }
        }
    }
    if let Some(bodies) = document
        .pointer("/components/requestBodies")
        .and_then(Value::as_object)
    {
        for name in bodies.keys() {
            media_pointers.push(format!(
                "/components/requestBodies/{}/content/{}",
                escape(name),
                escape(FORM)
            ));
        }
    }
    let resolve = |document: &Value, value: &Value| -> Value {
        match value.get("$ref").and_then(Value::as_str) {
            Some(reference) if reference.starts_with("#/") => document
                .pointer(&reference[1..])
                .cloned()
                .unwrap_or(Value::Null),
            _ => value.clone(),
        }
    };
    let mut added = 0;
    for pointer in media_pointers {
        let Some(media) = document.pointer(&pointer) else {
            continue;
        };
        let schema = resolve(document, media.get("schema").unwrap_or(&Value::Null));
        let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
            continue;
        };
        let arrays: Vec<String> = properties
            .iter()
            .filter(|(_, property)| {
                let property = resolve(document, property);
                property.get("type").and_then(Value::as_str) == Some("array")
                    || property.get("items").is_some()
            })
            .map(|(name, _)| name.clone())
            .collect();
        // Prism reads a field sent once as a string even where the encoding says it explodes
        // (`UseCaseCategories=MARKETING`): each array field also takes one item.
        let schema_pointer = match media
            .get("schema")
            .and_then(|schema| schema.get("$ref"))
            .and_then(Value::as_str)
        {
            Some(reference) if reference.starts_with("#/") => reference[1..].to_owned(),
            Some(_) => String::new(),
            None => format!("{pointer}/schema"),
        };
        let singles: Vec<(String, Value)> = arrays
            .iter()
            .filter_map(|name| {
                let property = properties.get(name)?;
                let items = resolve(document, property).get("items")?.clone();
                Some((
                    name.clone(),
                    serde_json::json!({"anyOf": [property, items]}),
                ))
            })
            .collect();
        if !schema_pointer.is_empty()
            && let Some(Value::Object(properties)) = document
                .pointer_mut(&schema_pointer)
                .and_then(|schema| schema.get_mut("properties"))
        {
            for (name, single) in singles {
                properties.insert(name, single);
            }
        }
        let Some(Value::Object(media)) = document.pointer_mut(&pointer) else {
            continue;
        };
        let encoding = media
            .entry("encoding")
            .or_insert_with(|| Value::Object(serde_json::Map::new()));
        let Some(encoding) = encoding.as_object_mut() else {
            continue;
        };
        for name in arrays {
            if !encoding.contains_key(&name) {
                encoding.insert(name, serde_json::json!({"style": "form", "explode": true}));
                added += 1;
            }
        }
    }
    added
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn huge_max_items_are_capped_for_prism() {
        let mut document = serde_json::json!({
            "a": {"type": "array", "maxItems": 2_147_483_647_u64},
            "b": [{"maxItems": 5}, {"maxItems": 21}],
        });
        assert_eq!(cap_max_items(&mut document), 2);
        assert_eq!(document["a"]["maxItems"], 20);
        assert_eq!(document["b"][0]["maxItems"], 5);
        assert_eq!(document["b"][1]["maxItems"], 20);
    }

    #[test]
    fn form_array_fields_get_the_default_encoding_spelled_out() {
        let mut document = serde_json::json!({
            "paths": {"/v1/Things": {"post": {"requestBody": {"content": {
                "application/x-www-form-urlencoded": {"schema": {"$ref": "#/components/schemas/Form"}}
            }}}}},
            "components": {"schemas": {"Form": {"properties": {
                "Types": {"type": "array", "items": {}},
                "Tags": {"$ref": "#/components/schemas/Tags"},
                "Name": {"type": "string"}
            }}, "Tags": {"type": "array", "items": {"type": "string"}}}}
        });
        assert_eq!(spell_out_form_encoding(&mut document), 2);
        let encoding = document
            .pointer("/paths/~1v1~1Things/post/requestBody/content/application~1x-www-form-urlencoded/encoding")
            .unwrap();
        let default = serde_json::json!({"style": "form", "explode": true});
        assert_eq!(
            encoding,
            &serde_json::json!({"Types": default, "Tags": default})
        );
        assert_eq!(spell_out_form_encoding(&mut document), 0, "once is enough");
    }
}
