//! The path a decoding error names is serde_path_to_error's, which decodes a second time with
//! tracking: checked against it on every place of a document broken every way.

use serde::Deserialize;
use serde_json::{Value, json};

use crate::error::Error;
use crate::request::decode;

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Page {
    sessions: Vec<Session>,
    meta: Meta,
    #[serde(rename = "a \"quoted\" {key}")]
    quoted: Option<Vec<Vec<u8>>>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Session {
    sid: String,
    price: Option<f64>,
    verified: bool,
    status: Status,
    tags: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Status {
    Open,
    Closed,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct Meta {
    page_size: u32,
    next_page_url: Option<String>,
}

/// A valid page whose strings hold what a scan could take for structure.
fn document() -> Value {
    json!({
        "sessions": [
            {"sid": "a \"{[,:]}\" \\", "price": 1.5, "verified": true, "status": "open", "tags": ["x", "y,]"]},
            {"sid": "é ☃ b", "price": null, "verified": false, "status": "closed", "tags": []}
        ],
        "meta": {"page_size": 2, "next_page_url": null},
        "a \"quoted\" {key}": [[1, 2], []]
    })
}

/// The document with each value replaced by each wrong kind, and each member removed.
fn broken(value: &Value) -> Vec<Value> {
    let replacements = [
        json!(null),
        json!(7),
        json!(-1.5),
        json!("text"),
        json!(true),
        json!([]),
        json!([1]),
        json!({}),
        json!({"sid": 1}),
    ];
    let mut out = Vec::new();
    match value {
        Value::Object(members) => {
            for (key, member) in members {
                let mut without = members.clone();
                without.remove(key);
                out.push(Value::Object(without));
                for changed in broken(member).into_iter().chain(replacements.clone()) {
                    let mut with = members.clone();
                    with.insert(key.clone(), changed);
                    out.push(Value::Object(with));
                }
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                for changed in broken(item).into_iter().chain(replacements.clone()) {
                    let mut with = items.clone();
                    with[index] = changed;
                    out.push(Value::Array(with));
                }
            }
        }
        _ => {}
    }
    out
}

fn tracked_path(body: &[u8]) -> Option<String> {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    match serde_path_to_error::deserialize::<_, Page>(&mut deserializer) {
        Err(error) => Some(error.path().to_string()),
        Ok(_) => deserializer.end().err().map(|_| ".".to_owned()),
    }
}

#[test]
fn paths_are_those_of_a_tracking_decode_in_compact_and_pretty_text() {
    assert!(decode::<Page>("Op", 200, document().to_string().as_bytes()).is_ok());
    let mut compared = 0;
    for value in broken(&document()) {
        for text in [
            value.to_string(),
            serde_json::to_string_pretty(&value).unwrap(),
        ] {
            let Some(expected) = tracked_path(text.as_bytes()) else {
                continue;
            };
            let Err(Error::Decode(error)) = decode::<Page>("Op", 200, text.as_bytes()) else {
                panic!("decoded where tracking failed: {text}");
            };
            if expected.ends_with("status") && error.path != expected {
                // An array or object where an enum is: serde_json stops inside it, and the
                // scan names the place there (`status.sid`, `status[0]`).
                assert!(error.path.starts_with(&expected), "{}: {text}", error.path);
            } else {
                assert_eq!(error.path, expected, "{}: {text}", error.message);
            }
            compared += 1;
        }
    }
    assert!(compared > 300, "{compared} broken documents compared");
}

#[test]
fn text_that_is_not_json_names_where_it_stops() {
    // Where the body ends inside a key, the key read so far (a tracking decode says `?`).
    for (text, path) in [
        (r#"{"sessions": [{"sid": "a", "verif"#, "sessions[0].verif"),
        (r#"{"sessions": [{"sid": "a"}, "#, "sessions[0]"),
        (
            r#"{"sessions": [{"sid": "a", "verified": true, "status": "open", "tags": []}, "#,
            "sessions[1]",
        ),
        (r#"{"sessions": "#, "sessions"),
        ("{} trailing", "."),
        ("", "."),
        ("<html>", "."),
    ] {
        let Err(Error::Decode(error)) = decode::<Page>("Op", 200, text.as_bytes()) else {
            panic!("decoded {text}");
        };
        assert_eq!(error.path, path, "{text}");
    }
}
