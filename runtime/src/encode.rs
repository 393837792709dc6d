//! How values are written as text on the wire: in query strings, headers and form bodies.
//!
//! Twilio's conventions: booleans are `true`/`false`, numbers as Rust prints them, timestamps
//! RFC 3339 in UTC with seconds (`2024-05-01T12:00:00Z`), dates `2024-05-01`, and values without
//! a fixed shape (Twilio's untyped form fields, such as `SinkConfiguration`) as compact JSON text.

use std::borrow::Cow;
use std::collections::BTreeMap;

use reqwest::header::HeaderValue;

/// A value's text in a query string, a header or a form field (before percent-encoding).
pub trait WireText {
    /// The text sent for this value.
    fn wire_text(&self) -> Cow<'_, str>;
}

impl<T: WireText + ?Sized> WireText for &T {
    fn wire_text(&self) -> Cow<'_, str> {
        (**self).wire_text()
    }
}

impl WireText for str {
    fn wire_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl WireText for String {
    fn wire_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self)
    }
}

impl WireText for bool {
    fn wire_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(if *self { "true" } else { "false" })
    }
}

macro_rules! display_wire_text {
    ($($ty:ty),*) => {
        $(
            impl WireText for $ty {
                fn wire_text(&self) -> Cow<'_, str> {
                    Cow::Owned(self.to_string())
                }
            }
        )*
    };
}

display_wire_text!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64
);

#[cfg(feature = "chrono")]
impl WireText for chrono::DateTime<chrono::Utc> {
    fn wire_text(&self) -> Cow<'_, str> {
        Cow::Owned(self.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
    }
}

#[cfg(feature = "chrono")]
impl WireText for chrono::NaiveDate {
    fn wire_text(&self) -> Cow<'_, str> {
        Cow::Owned(self.format("%Y-%m-%d").to_string())
    }
}

impl WireText for url::Url {
    fn wire_text(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.as_str())
    }
}

impl WireText for serde_json::Value {
    /// A JSON string is sent as its text (no quotes); anything else as compact JSON text.
    fn wire_text(&self) -> Cow<'_, str> {
        match self {
            serde_json::Value::String(text) => Cow::Borrowed(text),
            other => Cow::Owned(other.to_string()),
        }
    }
}

impl<V: serde::Serialize> WireText for BTreeMap<String, V> {
    /// Compact JSON text (an object with string keys always serializes).
    fn wire_text(&self) -> Cow<'_, str> {
        Cow::Owned(serde_json::to_string(self).unwrap_or_default())
    }
}

/// A value as compact JSON text, for untyped form fields and objects in a query.
pub fn json_text<T: serde::Serialize + ?Sized>(
    name: &'static str,
    value: &T,
) -> Result<String, crate::error::Error> {
    serde_json::to_string(value).map_err(|e| {
        crate::error::Error::invalid_argument(name, format!("cannot be written as JSON: {e}"))
    })
}

/// An object as Twilio's prefixed-collapsible map (`AddOns.<key>=<value>`): one pair per
/// leaf, named `prefix` and the keys that lead to it joined with `.`, as Twilio's SDKs send it.
/// A string leaf is its text, a number or boolean its JSON text, each item of an array a pair
/// of its own under the same name; `null` leaves are left out. Anything but an object is
/// refused, before sending.
pub fn prefixed_pairs<T: serde::Serialize + ?Sized>(
    name: &'static str,
    prefix: &str,
    value: &T,
) -> Result<Vec<(String, String)>, crate::error::Error> {
    let value = serde_json::to_value(value).map_err(|e| {
        crate::error::Error::invalid_argument(name, format!("cannot be written as a map: {e}"))
    })?;
    if !value.is_object() {
        return Err(crate::error::Error::invalid_argument(
            name,
            "must be an object (a map of keys to values)".to_owned(),
        ));
    }
    let mut pairs = Vec::new();
    flatten(prefix.to_owned(), &value, &mut pairs);
    Ok(pairs)
}

fn flatten(name: String, value: &serde_json::Value, pairs: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::Object(entries) => {
            for (key, value) in entries {
                flatten(format!("{name}.{key}"), value, pairs);
            }
        }
        serde_json::Value::Array(items) => {
            for item in items {
                flatten(name.clone(), item, pairs);
            }
        }
        serde_json::Value::Null => {}
        serde_json::Value::String(text) => pairs.push((name, text.clone())),
        other => pairs.push((name, other.to_string())),
    }
}

/// `text` as a header value if it is visible ASCII, spaces and tabs. `HeaderValue::from_str`
/// also takes bytes above 127, which servers read in whatever charset they assume.
pub fn header_text(text: &str) -> Option<HeaderValue> {
    if !text
        .bytes()
        .all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
    {
        return None;
    }
    HeaderValue::from_str(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn prefixed_maps_are_one_pair_per_leaf_under_the_prefix() {
        let add_ons = json!({
            "whitepages_pro_caller_id": {"format": "json", "fields": ["a", "b"], "none": null},
            "nomorobo_spamscore": {"level": 2, "strict": true},
        });
        let pairs = prefixed_pairs("add_ons_data", "AddOns", &add_ons).unwrap();
        // Keys in serde_json's order (sorted, or as written with its `preserve_order`).
        let mut pairs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        pairs.sort();
        assert_eq!(
            pairs,
            [
                ("AddOns.nomorobo_spamscore.level", "2"),
                ("AddOns.nomorobo_spamscore.strict", "true"),
                ("AddOns.whitepages_pro_caller_id.fields", "a"),
                ("AddOns.whitepages_pro_caller_id.fields", "b"),
                ("AddOns.whitepages_pro_caller_id.format", "json"),
            ]
        );
        let error = prefixed_pairs("add_ons_data", "AddOns", &json!("text")).unwrap_err();
        assert!(error.to_string().contains("add_ons_data"), "{error}");
    }

    #[test]
    fn values_follow_twilios_text_conventions() {
        assert_eq!(true.wire_text(), "true");
        assert_eq!(false.wire_text(), "false");
        assert_eq!((-42i64).wire_text(), "-42");
        assert_eq!(7u32.wire_text(), "7");
        assert_eq!(1.5f64.wire_text(), "1.5");
        assert_eq!(2.0f64.wire_text(), "2");
        assert_eq!("a b".wire_text(), "a b");
        assert_eq!(String::from("x").wire_text(), "x");
        let url = url::Url::parse("https://example.com/hook?a=1").unwrap();
        assert_eq!(url.wire_text(), "https://example.com/hook?a=1");
    }

    #[cfg(feature = "chrono")]
    #[test]
    fn timestamps_are_utc_to_the_second_and_dates_are_days() {
        let at = chrono::DateTime::parse_from_rfc3339("2024-05-01T14:30:05.123+02:00")
            .unwrap()
            .with_timezone(&chrono::Utc);
        assert_eq!(at.wire_text(), "2024-05-01T12:30:05Z");
        let day = chrono::NaiveDate::from_ymd_opt(2024, 2, 9).unwrap();
        assert_eq!(day.wire_text(), "2024-02-09");
    }

    #[test]
    fn untyped_values_are_json_text_except_plain_strings() {
        assert_eq!(json!("plain").wire_text(), "plain");
        assert_eq!(json!(3).wire_text(), "3");
        assert_eq!(json!(null).wire_text(), "null");
        assert_eq!(
            json!({"destination": "arn:aws", "role": ["a", "b"]}).wire_text(),
            r#"{"destination":"arn:aws","role":["a","b"]}"#
        );
        let map: BTreeMap<String, serde_json::Value> =
            [("b".to_owned(), json!(1)), ("a".to_owned(), json!("x"))].into();
        assert_eq!(map.wire_text(), r#"{"a":"x","b":1}"#);
    }
}
