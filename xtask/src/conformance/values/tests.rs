//! The synthesized values pass the checks the generated client and a validating server make.

use generator::model::{EnumValue, Field, FieldName, Source, Struct, TypeDef, TypeId};
use generator::pattern::compile;

use super::*;

fn sample_value(model: &Model, ty: &TypeRef, checks: &[Check]) -> Value {
    sample(model, ty, checks, "", 0)
}

fn source() -> Source {
    Source {
        file: "t.yaml".to_owned(),
        pointer: String::new(),
        line: None,
    }
}

fn id_type(pattern: &str, min: Option<usize>, max: Option<usize>) -> IdType {
    IdType {
        pattern: pattern.to_owned(),
        check: compile(pattern).unwrap(),
        min_length: min,
        max_length: max,
        example: None,
    }
}

#[test]
fn synthesized_ids_pass_the_id_check_and_the_regex() {
    // Twilio's and our specs' shapes, with and without length bounds.
    let cases = [
        ("^AC[0-9a-fA-F]{32}$", None, None),
        ("^aia_msg_.+$", None, None),
        ("^aia_msg_.+$", Some(20), Some(40)),
        ("^conv_[a-z0-9]{4,}$", Some(10), None),
        ("^sess_[^/]+$", None, Some(64)),
        ("^[A-Z]{2}[0-9]{2}x?$", None, None),
    ];
    for (pattern, min, max) in cases {
        let id = id_type(pattern, min, max);
        let value = id_sample(&id);
        assert!(
            id.accepts(&value),
            "{pattern}: {value:?} fails the ID check"
        );
        let regex = regex::Regex::new(pattern).unwrap();
        assert!(
            regex.is_match(&value),
            "{pattern}: {value:?} fails the regex"
        );
        let count = value.chars().count();
        assert!(min.is_none_or(|m| count >= m) && max.is_none_or(|m| count <= m));
        assert!(
            !value.contains(['/', '?', '#', ' ']),
            "{pattern}: {value:?} is not path-safe"
        );
    }
}

#[test]
fn ids_respect_length_bounds_and_valid_examples() {
    let long = id_type("^sess_.+$", Some(12), None);
    let value = id_sample(&long);
    assert_eq!(value.chars().count(), 12);
    assert!(long.accepts(&value));
    let mut with_example = id_type("^UA[0-9a-f]{32}$", None, None);
    with_example.example = Some("UA0123456789abcdef0123456789abcdef".to_owned());
    assert_eq!(
        id_sample(&with_example),
        "UA0123456789abcdef0123456789abcdef"
    );
    with_example.example = Some("UA123".to_owned());
    assert!(
        with_example.accepts(&id_sample(&with_example)),
        "an invalid example is not used"
    );
}

fn model_with(types: Vec<TypeKind>) -> Model {
    Model {
        specs_dir: "specs".to_owned(),
        crate_config: generator::model::CrateConfigModel {
            name: "twilio-api".to_owned(),
            version: "0.1.0".to_owned(),
            description: String::new(),
            repository: None,
            runtime: generator::load::RuntimeDependency::default(),
        },
        modules: Vec::new(),
        types: types
            .into_iter()
            .enumerate()
            .map(|(i, kind)| TypeDef {
                module: "m".to_owned(),
                name: format!("T{i}"),
                doc: None,
                kind,
                source: source(),
            })
            .collect(),
        warnings: Vec::new(),
    }
}

fn field(json: &str, ty: TypeRef, required: bool) -> Field {
    Field {
        name: FieldName {
            json: json.to_owned(),
            rust: json.to_owned(),
        },
        ty,
        required,
        nullable: false,
        boxed: false,
        doc: None,
        pii: generator::model::Personal::Unmarked,
        deprecated: false,
        example: None,
        source: source(),
    }
}

#[test]
fn enums_take_their_first_value_and_bounds_hold() {
    let model = model_with(vec![
        TypeKind::Enum(Enum::String(vec![
            EnumValue {
                wire: "active".to_owned(),
                variant: "Active".to_owned(),
            },
            EnumValue {
                wire: "closed".to_owned(),
                variant: "Closed".to_owned(),
            },
        ])),
        TypeKind::Enum(Enum::Integer(vec![EnumValue {
            wire: 3,
            variant: "V3".to_owned(),
        }])),
    ]);
    assert_eq!(
        sample_value(&model, &TypeRef::Named(TypeId(0)), &[]),
        json!("active")
    );
    assert_eq!(
        sample_value(&model, &TypeRef::Named(TypeId(1)), &[]),
        json!(3)
    );
    assert!(!conforms(
        &model,
        &TypeRef::Named(TypeId(0)),
        &json!("other"),
        0
    ));

    let range = |min, max| [Check::Range { min, max }];
    let int = TypeRef::Integer(IntegerKind::I64);
    assert_eq!(
        sample_value(&model, &int, &range(Some(5), Some(10))),
        json!(5)
    );
    assert_eq!(
        sample_value(&model, &int, &range(None, Some(-3))),
        json!(-3)
    );
    assert_eq!(sample_value(&model, &int, &range(None, None)), json!(1));
    let unsigned = TypeRef::Integer(IntegerKind::U32);
    assert_eq!(
        sample_value(&model, &unsigned, &range(Some(-4), None)),
        json!(0)
    );

    let length = |min, max| [Check::Length { min, max }];
    assert_eq!(
        sample_value(&model, &TypeRef::String, &length(Some(6), None)),
        json!("testxx")
    );
    assert_eq!(
        sample_value(&model, &TypeRef::String, &length(None, Some(2))),
        json!("te")
    );
    assert_eq!(sample_value(&model, &TypeRef::String, &[]), json!("test"));
}

#[test]
fn structs_get_required_fields_and_examples_only_when_valid() {
    let mut good = field("when", TypeRef::DateTime, true);
    good.example = Some(json!("2020-05-06T07:08:09.5+01:00"));
    let mut bad = field("day", TypeRef::Date, true);
    bad.example = Some(json!("May 6th"));
    let model = model_with(vec![TypeKind::Struct(Struct {
        fields: vec![
            good,
            bad,
            field("count", TypeRef::Integer(IntegerKind::I32), true),
            field("note", TypeRef::String, false),
        ],
        additional: None,
    })]);
    let ty = TypeRef::Named(TypeId(0));
    let value = sample_value(&model, &ty, &[]);
    assert_eq!(
        value,
        json!({"when": "2020-05-06T07:08:09.5+01:00", "day": SAMPLE_DATE, "count": 1})
    );
    assert!(conforms(&model, &ty, &value, 0));
    assert!(!conforms(
        &model,
        &ty,
        &json!({"when": SAMPLE_DATE_TIME}),
        0
    ));
}

#[test]
fn values_named_like_email_addresses_are_email_addresses() {
    let model = model_with(vec![TypeKind::Struct(Struct {
        fields: vec![
            field("authorized_representative_email", TypeRef::String, true),
            field("CcEmails", TypeRef::Array(Box::new(TypeRef::String)), true),
            field("emailed", TypeRef::String, true),
        ],
        additional: None,
    })]);
    assert_eq!(
        sample_value(&model, &TypeRef::Named(TypeId(0)), &[]),
        json!({
            "authorized_representative_email": "user@example.com",
            "CcEmails": ["user@example.com"],
            "emailed": "test"
        })
    );
    let short = [Check::Length {
        min: None,
        max: Some(8),
    }];
    assert_eq!(sample_text(&short, "Email"), "test", "an address must fit");
}

#[test]
fn timestamps_and_dates_are_checked_as_rfc_3339() {
    assert!(is_date_time(SAMPLE_DATE_TIME));
    assert!(is_date_time("2016-01-01T00:00:00-08:00"));
    assert!(!is_date_time("2016-01-01 00:00:00"));
    assert!(!is_date_time("2016-13-01T00:00:00Z"));
    assert!(is_date(SAMPLE_DATE));
    assert!(!is_date("2024-1-02"));
}

#[test]
fn rfc2822_timestamps_are_recognised_by_their_shape() {
    for good in [
        super::SAMPLE_RFC2822,
        "Thu, 1 Sep 2016 10:11:12 -0700",
        "01 Sep 2016 10:11:12 GMT",
    ] {
        assert!(super::is_rfc2822(good), "{good}");
    }
    for bad in [
        "2016-09-01T10:11:12Z",
        "Thu, 01 Foo 2016 10:11:12 +0000",
        "",
        "Thu, 01 Sep 2016",
    ] {
        assert!(!super::is_rfc2822(bad), "{bad}");
    }
}
