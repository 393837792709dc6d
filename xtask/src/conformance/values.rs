//! Input values for the runner, from the model alone: an input's `example` when it is valid for
//! its type and checks, otherwise a value synthesized from the type ([`sample`]): ID
//! types a string of their pattern's shape (`PatternCheck::sample`), enums their first value,
//! numbers and strings within their bounds, structs every required field, unions their first
//! variant (with its tag).

use generator::model::{Check, Enum, IdType, Input, IntegerKind, Model, TypeKind, TypeRef};
use serde_json::{Map, Value, json};

/// The timestamp synthesized for `date-time` values.
pub(super) const SAMPLE_DATE_TIME: &str = "2024-01-02T03:04:05Z";
/// An RFC 2822 timestamp, for `format: date-time-rfc-2822`.
pub(super) const SAMPLE_RFC2822: &str = "Tue, 02 Jan 2024 03:04:05 +0000";
/// The date synthesized for `date` values.
pub(super) const SAMPLE_DATE: &str = "2024-01-02";
/// The URL synthesized for `uri` values.
pub(super) const SAMPLE_URL: &str = "https://example.com/";
/// Nesting beyond which no more struct fields are synthesized (recursive required fields).
const MAX_DEPTH: usize = 12;

/// The value the runner passes for `input` (an array of values for a repeated input): its
/// example when that is valid for its type and checks, otherwise [`sample`].
pub(super) fn input_value(model: &Model, input: &Input) -> Value {
    let valid = |value: &Value| {
        conforms(model, &input.ty, value, 0) && passes_checks(model, &input.checks, value)
    };
    if let Some(example) = &input.example {
        if !input.repeated && valid(example) {
            return example.clone();
        }
        if input.repeated {
            match example.as_array() {
                Some(items) if !items.is_empty() && items.iter().all(valid) => {
                    return example.clone();
                }
                Some(_) => {}
                None if valid(example) => return Value::Array(vec![example.clone()]),
                None => {}
            }
        }
    }
    let one = sample(model, &input.ty, &input.checks, &input.name, 0);
    if input.repeated {
        Value::Array(vec![one])
    } else {
        one
    }
}

/// A value of type `ty` that passes `checks`, as JSON: ID types a string of their pattern's
/// shape, enums their first value, integers their lower bound (or 1), strings `test` fitted to
/// their length bounds (an email address for fields named `…email`), `true`, a fixed
/// timestamp, date and URL, `{}` for untyped JSON and maps, one-item lists, structs with every
/// required field (their examples when valid), and unions as their first variant with its
/// tag. `name` is the value's name on the wire (a field or input name).
fn sample(model: &Model, ty: &TypeRef, checks: &[Check], name: &str, depth: usize) -> Value {
    if depth > MAX_DEPTH {
        return Value::Null;
    }
    match ty {
        TypeRef::String => Value::String(sample_text(checks, name)),
        TypeRef::Integer(kind) => {
            let value = sample_integer(*kind, checks);
            i64::try_from(value)
                .map_or_else(|_| json!(u64::try_from(value).unwrap_or(0)), |n| json!(n))
        }
        TypeRef::Number => json!(1.5),
        TypeRef::Boolean => Value::Bool(true),
        TypeRef::DateTime => json!(SAMPLE_DATE_TIME),
        TypeRef::DateTimeRfc2822 => json!(SAMPLE_RFC2822),
        TypeRef::Date => json!(SAMPLE_DATE),
        TypeRef::Url => json!(SAMPLE_URL),
        TypeRef::HttpMethod => json!("POST"),
        TypeRef::Json | TypeRef::Map(_) => Value::Object(Map::new()),
        TypeRef::Array(item) => Value::Array(vec![sample(model, item, &[], name, depth + 1)]),
        TypeRef::Nullable(inner) => sample(model, inner, checks, name, depth),
        TypeRef::Named(id) => match &model.ty(*id).kind {
            TypeKind::Id(id_type) => Value::String(id_sample(id_type)),
            TypeKind::Enum(Enum::String(values)) => {
                values.first().map_or(json!("unknown"), |v| json!(v.wire))
            }
            TypeKind::Enum(Enum::Integer(values)) => {
                values.first().map_or(json!(0), |v| json!(v.wire))
            }
            TypeKind::Struct(s) => {
                let mut object = Map::new();
                for field in s.fields.iter().filter(|f| f.required) {
                    let value = match &field.example {
                        Some(example) if conforms(model, &field.ty, example, depth + 1) => {
                            example.clone()
                        }
                        _ => sample(model, &field.ty, &[], &field.name.json, depth + 1),
                    };
                    object.insert(field.name.json.clone(), value);
                }
                Value::Object(object)
            }
            TypeKind::Union(union) => {
                let Some(first) = union.variants.first() else {
                    return Value::Object(Map::new());
                };
                let mut value = sample(model, &first.ty, &[], name, depth + 1);
                if let (Some(tag_name), Some(tag), Value::Object(object)) =
                    (&union.discriminator, first.tags.first(), &mut value)
                {
                    object.insert(tag_name.clone(), json!(tag));
                }
                value
            }
            TypeKind::Alias(target) => sample(model, target, checks, name, depth),
        },
    }
}

/// `test`, cut or padded to the length bounds; an email address for a value named like one.
fn sample_text(checks: &[Check], name: &str) -> String {
    let (min, max) = checks
        .iter()
        .find_map(|check| match check {
            Check::Length { min, max } => Some((min.unwrap_or(0), *max)),
            _ => None,
        })
        .unwrap_or((0, None));
    // The model keeps no string `format`, and a server checking `format: email` refuses
    // `test`; Twilio names those fields `…Email` (`authorized_representative_email`,
    // `CcEmails`).
    let email = "user@example.com";
    let normalized: String = name
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let fits = |text: &str| {
        let count = text.chars().count();
        count >= min && max.is_none_or(|max| count <= max)
    };
    if (normalized.ends_with("email") || normalized.ends_with("emails")) && fits(email) {
        return email.to_owned();
    }
    let mut text = "test".to_owned();
    while text.chars().count() < min {
        text.push('x');
    }
    if let Some(max) = max {
        text = text.chars().take(max.max(min)).collect();
    }
    text
}

/// The lower bound (or 1), kept within the upper bound and the integer kind.
fn sample_integer(kind: IntegerKind, checks: &[Check]) -> i128 {
    let (min, max) = checks
        .iter()
        .find_map(|check| match check {
            Check::Range { min, max } => Some((*min, *max)),
            _ => None,
        })
        .unwrap_or((None, None));
    let mut value = min.map_or(1, i128::from);
    if let Some(max) = max {
        value = value.min(i128::from(max));
    }
    let (low, high) = integer_bounds(kind);
    value.clamp(low, high)
}

fn integer_bounds(kind: IntegerKind) -> (i128, i128) {
    match kind {
        IntegerKind::I32 => (i128::from(i32::MIN), i128::from(i32::MAX)),
        IntegerKind::I64 => (i128::from(i64::MIN), i128::from(i64::MAX)),
        IntegerKind::U32 => (0, i128::from(u32::MAX)),
        IntegerKind::U64 => (0, i128::from(u64::MAX)),
    }
}

/// A value of an ID type: its example when that matches, else a sample of its pattern long
/// enough for its `minLength`; for a pattern the generator cannot check, free text within
/// the length bounds.
pub(super) fn id_sample(id: &IdType) -> String {
    if let Some(example) = &id.example
        && id.accepts(example)
    {
        return example.clone();
    }
    let min = id.min_length.unwrap_or(0);
    id.check.sample(min).unwrap_or_else(|| {
        sample_text(
            &[Check::Length {
                min: Some(min),
                max: id.max_length,
            }],
            "",
        )
    })
}

fn passes_checks(model: &Model, checks: &[Check], value: &Value) -> bool {
    checks.iter().all(|check| match check {
        Check::Range { min, max } => value
            .as_i64()
            .is_some_and(|n| min.is_none_or(|min| n >= min) && max.is_none_or(|max| n <= max)),
        Check::Length { min, max } => value.as_str().is_some_and(|text| {
            let count = text.chars().count();
            min.is_none_or(|min| count >= min) && max.is_none_or(|max| count <= max)
        }),
        Check::Id(id) => match (&model.ty(*id).kind, value.as_str()) {
            (TypeKind::Id(id_type), Some(text)) => id_type.accepts(text),
            _ => false,
        },
        Check::Url => conforms(model, &TypeRef::Url, value, 0),
    })
}

/// Whether `value` is a valid value of `ty`: it decodes into the Rust type and a server
/// checking the same schema accepts it (known enum values only, IDs of the right shape,
/// required fields present).
pub(super) fn conforms(model: &Model, ty: &TypeRef, value: &Value, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    let next = depth + 1;
    match ty {
        TypeRef::String => value.is_string(),
        TypeRef::Integer(kind) => {
            let (low, high) = integer_bounds(*kind);
            let number = value
                .as_i64()
                .map(i128::from)
                .or_else(|| value.as_u64().map(i128::from));
            number.is_some_and(|n| (low..=high).contains(&n))
        }
        TypeRef::Number => value.is_number(),
        TypeRef::Boolean => value.is_boolean(),
        TypeRef::DateTime => value.as_str().is_some_and(is_date_time),
        TypeRef::DateTimeRfc2822 => value.as_str().is_some_and(is_rfc2822),
        TypeRef::Date => value.as_str().is_some_and(is_date),
        TypeRef::Url => value.as_str().is_some_and(|url| {
            (url.starts_with("https://") || url.starts_with("http://"))
                && url.len() > "https://".len()
                && !url.contains(char::is_whitespace)
        }),
        // Open, as every string enum.
        TypeRef::HttpMethod => value.is_string(),
        TypeRef::Json => true,
        TypeRef::Nullable(inner) => value.is_null() || conforms(model, inner, value, depth),
        TypeRef::Array(item) => value
            .as_array()
            .is_some_and(|items| items.iter().all(|v| conforms(model, item, v, next))),
        TypeRef::Map(item) => value
            .as_object()
            .is_some_and(|map| map.values().all(|v| conforms(model, item, v, next))),
        TypeRef::Named(id) => match &model.ty(*id).kind {
            TypeKind::Id(id_type) => value.as_str().is_some_and(|s| id_type.accepts(s)),
            TypeKind::Enum(Enum::String(values)) => value
                .as_str()
                .is_some_and(|s| values.iter().any(|v| v.wire == s)),
            TypeKind::Enum(Enum::Integer(values)) => value
                .as_i64()
                .is_some_and(|n| values.iter().any(|v| v.wire == n)),
            TypeKind::Struct(s) => {
                let Some(object) = value.as_object() else {
                    return false;
                };
                let fields_ok = s
                    .fields
                    .iter()
                    .all(|field| match object.get(&field.name.json) {
                        None => !field.required,
                        Some(Value::Null) => field.nullable,
                        Some(v) => conforms(model, &field.ty, v, next),
                    });
                let extra_ok = match &s.additional {
                    None => true,
                    Some(item) => object
                        .iter()
                        .filter(|(key, _)| !s.fields.iter().any(|f| &f.name.json == *key))
                        .all(|(_, v)| conforms(model, item, v, next)),
                };
                fields_ok && extra_ok
            }
            TypeKind::Union(union) => match &union.discriminator {
                Some(tag) => {
                    let Some(tag) = value.get(tag).and_then(Value::as_str) else {
                        return false;
                    };
                    union
                        .variants
                        .iter()
                        .find(|v| v.tags.iter().any(|t| t == tag))
                        .is_some_and(|v| conforms(model, &v.ty, value, next))
                }
                None => union
                    .variants
                    .iter()
                    .any(|v| conforms(model, &v.ty, value, next)),
            },
            TypeKind::Alias(target) => conforms(model, target, value, next),
        },
    }
}

/// `YYYY-MM-DD` with a month and day in range.
fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range.clone())
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
            .then(|| text[range].parse::<u32>().ok())
            .flatten()
    };
    bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && digits(0..4).is_some()
        && digits(5..7).is_some_and(|m| (1..=12).contains(&m))
        && digits(8..10).is_some_and(|d| (1..=31).contains(&d))
}

/// An RFC 3339 timestamp: date, `T`, `hh:mm:ss`, optional fraction, `Z` or an offset.
/// `Thu, 01 Sep 2016 10:11:12 +0000`: a weekday, a day, a month name, a year, a time and a
/// zone, as RFC 2822 writes them (the shape, not every rule).
fn is_rfc2822(text: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let text = text.split_once(", ").map_or(text, |(_, rest)| rest);
    let parts: Vec<&str> = text.split_whitespace().collect();
    let digits = |s: &str, lengths: &[usize]| {
        lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    match parts.as_slice() {
        [day, month, year, time, zone] => {
            digits(day, &[1, 2])
                && MONTHS.contains(month)
                && digits(year, &[4])
                && time.split(':').all(|t| digits(t, &[2]))
                && (zone.starts_with(['+', '-']) && digits(&zone[1..], &[4])
                    || matches!(*zone, "GMT" | "UT" | "Z"))
        }
        _ => false,
    }
}

fn is_date_time(text: &str) -> bool {
    let Some((date, time)) = text.split_once(['T', 't']) else {
        return false;
    };
    let two_digits = |s: &str, max: u32| {
        s.len() == 2
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|n| n <= max)
    };
    let hms = |s: &str| {
        let parts: Vec<&str> = s.split(':').collect();
        matches!(parts.as_slice(), [h, m, s] if two_digits(h, 23) && two_digits(m, 59) && two_digits(s, 60))
    };
    let (clock, offset) = if let Some(clock) = time.strip_suffix(['Z', 'z']) {
        (clock, None)
    } else if let Some(at) = time.rfind(['+', '-']) {
        (&time[..at], Some(&time[at + 1..]))
    } else {
        return false;
    };
    let clock = match clock.split_once('.') {
        Some((whole, fraction)) => {
            if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
                return false;
            }
            whole
        }
        None => clock,
    };
    let offset_ok = offset.is_none_or(|offset| {
        matches!(offset.split_once(':'), Some((h, m)) if two_digits(h, 23) && two_digits(m, 59))
    });
    is_date(date) && hms(clock) && offset_ok
}

#[cfg(test)]
mod tests;
