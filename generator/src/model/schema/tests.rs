//! Tests of the schema-to-type rules, through [`crate::model::build`] of small specs.

use crate::load::load_sources;
use crate::model::{Enum, TypeKind, build};

/// The enums of a one-schema spec whose `kind` property takes `values` (YAML flow list).
fn enum_of(values: &str) -> Option<Enum> {
    let text = format!(
        "openapi: 3.0.1
info: {{title: t, version: 1.0.0}}
servers: [{{url: 'https://t.example.com'}}]
paths:
  /v1/Things:
    get:
      operationId: ListThings
      responses:
        '200':
          description: Things.
          content:
            application/json:
              schema:
                type: object
                properties:
                  kind: {{enum: {values}}}
"
    );
    let sources = [("t_v1.yaml".to_owned(), text)].into_iter().collect();
    let specs = load_sources(std::path::Path::new("specs"), sources).unwrap();
    let model = build(&specs).unwrap();
    model.types.iter().find_map(|def| match &def.kind {
        TypeKind::Enum(e) => Some(e.clone()),
        _ => None,
    })
}

#[test]
fn enum_values_are_typed_by_what_they_are_on_the_wire() {
    let Some(Enum::String(values)) = enum_of("[active, '3', active]") else {
        panic!("a string enum");
    };
    let wires: Vec<&str> = values.iter().map(|v| v.wire.as_str()).collect();
    assert_eq!(wires, ["active", "3"]);
    let Some(Enum::Integer(values)) = enum_of("[3, -1, 3]") else {
        panic!("an integer enum");
    };
    let wires: Vec<i64> = values.iter().map(|v| v.wire).collect();
    assert_eq!(wires, [3, -1]);
    assert_eq!(values[1].variant, "V1");
    // Numbers Rust's i64 cannot hold, and mixed kinds, keep their plain type: before,
    // 18446744073709551615 became the variant value 0.
    assert!(enum_of("[1, 18446744073709551615]").is_none());
    assert!(enum_of("[1, one]").is_none());
}
