//! Tests of the schema-to-type rules, through [`crate::model::build`] of small specs.

use crate::load::load_sources;
use crate::model::{Enum, Model, TypeKind, TypeRef, build};

/// The enums of a one-schema spec whose `kind` property takes `values` (YAML flow list).
fn enum_of(values: &str) -> Option<Enum> {
    first_enum(&model_of(&format!("{{enum: {values}}}")))
}

fn first_enum(model: &Model) -> Option<Enum> {
    model.types.iter().find_map(|def| match &def.kind {
        TypeKind::Enum(e) => Some(e.clone()),
        _ => None,
    })
}

/// The model of a one-operation spec whose response has a `kind` property of `schema`
/// (YAML flow mapping).
fn model_of(schema: &str) -> Model {
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
                  kind: {schema}
"
    );
    let sources = [("t_v1.yaml".to_owned(), text)].into_iter().collect();
    let specs = load_sources(std::path::Path::new("specs"), sources).unwrap();
    build(&specs).unwrap()
}

/// The type of the `kind` field.
fn kind_type(model: &Model) -> TypeRef {
    model
        .types
        .iter()
        .find_map(|def| match &def.kind {
            TypeKind::Struct(s) => s.fields.iter().find(|f| f.name.json == "kind"),
            _ => None,
        })
        .map(|field| field.ty.clone())
        .unwrap()
}

#[test]
fn every_http_method_is_the_one_runtime_type() {
    for schema in [
        "{type: string, format: http-method, enum: [GET, POST]}",
        "{type: string, format: http-method}",
    ] {
        let model = model_of(schema);
        assert_eq!(kind_type(&model), TypeRef::HttpMethod, "{schema}");
        assert!(first_enum(&model).is_none(), "{schema}");
    }
    // Values the runtime's type does not know keep an enum of their own.
    let model = model_of("{type: string, format: http-method, enum: [GET, POST, PUT]}");
    assert!(matches!(kind_type(&model), TypeRef::Named(_)));
    assert!(matches!(first_enum(&model), Some(Enum::String(v)) if v.len() == 3));
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
