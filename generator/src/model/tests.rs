//! Tests of the model built whole from specs: the cargo features each module gets.

use std::collections::BTreeMap;

use crate::load::load_sources;
use crate::model::build;

/// A one-operation API; `when` is the format of its model's `at` field. Every such API takes
/// the same ID pattern, whose type goes to the `common` module when two files use it.
fn api(title: &str, when: Option<&str>) -> String {
    let format = when.map_or(String::new(), |f| {
        format!("\n                    format: {f}")
    });
    format!(
            "openapi: 3.0.3
info: {{title: {title}, version: 1.0.0}}
servers: [{{url: 'https://{title}.example.com'}}]
paths:
  /v1/Things/{{Sid}}:
    get:
      operationId: FetchThing
      parameters:
        - {{name: Sid, in: path, required: true, schema: {{type: string, pattern: '^TH[0-9a-f]{{32}}$'}}}}
      responses:
        '200':
          description: A thing.
          content:
            application/json:
              schema:
                type: object
                properties:
                  at:
                    type: string{format}
"
        )
}

fn features(sources: &[(&str, String)]) -> BTreeMap<String, Vec<String>> {
    let sources = sources
        .iter()
        .map(|(name, text)| ((*name).to_owned(), text.clone()))
        .collect();
    let specs = load_sources(std::path::Path::new("specs"), sources).unwrap();
    let model = build(&specs).unwrap();
    model
        .modules
        .iter()
        .map(|m| {
            (
                m.name.clone(),
                m.feature.enables().map(str::to_owned).collect(),
            )
        })
        .collect()
}

#[test]
fn a_feature_turns_on_the_modules_it_uses_and_dates_only_where_a_date_is() {
    let found = features(&[
        ("stamps_v1.yaml", api("stamps", Some("date-time"))),
        ("days_v1.yaml", api("days", Some("date"))),
        ("plain_v1.yaml", api("plain", None)),
    ]);
    let expected: BTreeMap<String, Vec<String>> = [
        ("common", vec![]),
        ("days_v1", vec!["common", "_dates"]),
        ("plain_v1", vec!["common"]),
        ("stamps_v1", vec!["common", "_dates"]),
    ]
    .into_iter()
    .map(|(m, f)| (m.to_owned(), f.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(found, expected);
}

#[test]
fn a_file_alone_needs_no_shared_module() {
    let found = features(&[("plain_v1.yaml", api("plain", None))]);
    assert_eq!(found["plain_v1"], Vec::<String>::new());
    assert_eq!(found.len(), 1);
}

#[test]
fn a_file_may_not_take_the_name_of_a_feature_the_crate_defines() {
    for name in crate::model::CRATE_FEATURES {
        let sources = [(format!("{name}.yaml"), api("x", None))]
            .into_iter()
            .collect();
        let specs = load_sources(std::path::Path::new("specs"), sources).unwrap();
        let error = build(&specs).unwrap_err().to_string();
        assert!(
            error.contains(&format!("`{name}.yaml` becomes the Rust module `{name}`")),
            "{error}"
        );
    }
}
