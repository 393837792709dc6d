//! Decoding helpers the generated models use where Twilio's data is looser than the types.
//!
//! The text helpers read the string in place (as `&str`, borrowed from the response body when it holds no
//! escapes) rather than into a `String` first: two allocations fewer per item of a list of
//! resources with `date_created` and `date_updated`.

use std::fmt::{self, Display};
use std::marker::PhantomData;
use std::str::FromStr;

use serde::de::{Error, Unexpected, Visitor};
use serde::{Deserialize, Deserializer};

/// An optional timestamp or date where an empty string means "none" (Twilio sends `""` for
/// values it does not have); anything else must parse.
pub fn empty_as_none<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: Display,
{
    deserializer.deserialize_option(OptionalText(|text: &str| {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            text.parse().map(Some)
        }
    }))
}

/// An optional URL: empty, or not parseable as a URL, decodes to `None`. URL parsers differ at
/// the edges (`http://123.456.78.9` is a valid RFC 3986 URI that the WHATWG parser refuses), and
/// such a difference must not fail the whole response.
pub fn lenient_url<'de, D>(deserializer: D) -> Result<Option<url::Url>, D::Error>
where
    D: Deserializer<'de>,
{
    deserializer.deserialize_option(OptionalText(|text: &str| {
        Ok::<_, std::convert::Infallible>(url::Url::parse(text.trim()).ok())
    }))
}

/// Reads `null` (or nothing) as `None` and a string through its function, as
/// `Option<String>` would read it and then the function take it, without the `String`.
struct OptionalText<F>(F);

impl<'de, F, T, E> Visitor<'de> for OptionalText<F>
where
    F: FnOnce(&str) -> Result<Option<T>, E>,
    E: Display,
{
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("option")
    }

    fn visit_none<R: Error>(self) -> Result<Self::Value, R> {
        Ok(None)
    }

    fn visit_unit<R: Error>(self) -> Result<Self::Value, R> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_string(Text(self.0))
    }
}

/// The string inside [`OptionalText`]: what `String` accepts, handed over as `&str`.
struct Text<F>(F);

impl<'de, F, T, E> Visitor<'de> for Text<F>
where
    F: FnOnce(&str) -> Result<Option<T>, E>,
    E: Display,
{
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<R: Error>(self, text: &str) -> Result<Self::Value, R> {
        (self.0)(text).map_err(R::custom)
    }

    fn visit_bytes<R: Error>(self, bytes: &[u8]) -> Result<Self::Value, R> {
        match std::str::from_utf8(bytes) {
            Ok(text) => self.visit_str(text),
            Err(_) => Err(R::invalid_value(Unexpected::Bytes(bytes), &self)),
        }
    }
}

/// A number type Twilio may send as a JSON number or as a string holding one
/// (`"price": "-0.0025"`, `"latitude": "19.720000"`, `"num_segments": "1"`), as every
/// official Twilio SDK reads it.
pub trait WireNumber: FromStr + Sized {
    /// The JSON integer as this type, if it fits.
    fn from_i64(value: i64) -> Option<Self>;
    /// The JSON integer as this type, if it fits.
    fn from_u64(value: u64) -> Option<Self>;
    /// The JSON number as this type, if it is one (an integer type takes whole numbers).
    fn from_f64(value: f64) -> Option<Self>;
}

macro_rules! wire_integer {
    ($($t:ty),*) => {$(
        impl WireNumber for $t {
            fn from_i64(value: i64) -> Option<Self> {
                Self::try_from(value).ok()
            }
            fn from_u64(value: u64) -> Option<Self> {
                Self::try_from(value).ok()
            }
            fn from_f64(value: f64) -> Option<Self> {
                // Whole and in range: `as` saturates, so the round trip tells.
                let whole = value as $t;
                (value.fract() == 0.0 && whole as f64 == value).then_some(whole)
            }
        }
    )*};
}

wire_integer!(i32, i64, u32, u64);

impl WireNumber for f64 {
    fn from_i64(value: i64) -> Option<Self> {
        Some(value as f64)
    }
    fn from_u64(value: u64) -> Option<Self> {
        Some(value as f64)
    }
    fn from_f64(value: f64) -> Option<Self> {
        Some(value)
    }
}

/// A number, sent as a JSON number or as a string holding it (see [`WireNumber`]).
pub fn number<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: WireNumber,
    T::Err: Display,
{
    deserializer
        .deserialize_any(NumberVisitor::<T>(PhantomData))?
        .ok_or_else(|| D::Error::custom("expected a number, got an empty string"))
}

/// An optional number, sent as a JSON number or as a string holding it; `null`, a missing
/// field and an empty string (Twilio writes `""` for values it does not have) are `None`.
pub fn optional_number<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: WireNumber,
    T::Err: Display,
{
    deserializer.deserialize_any(NumberVisitor::<T>(PhantomData))
}

/// Reads a number or a string holding one; `None` for null and empty text.
struct NumberVisitor<T>(PhantomData<T>);

impl<'de, T> Visitor<'de> for NumberVisitor<T>
where
    T: WireNumber,
    T::Err: Display,
{
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number or a string holding one")
    }

    fn visit_i64<R: Error>(self, value: i64) -> Result<Self::Value, R> {
        T::from_i64(value)
            .map(Some)
            .ok_or_else(|| R::invalid_value(Unexpected::Signed(value), &self))
    }

    fn visit_u64<R: Error>(self, value: u64) -> Result<Self::Value, R> {
        T::from_u64(value)
            .map(Some)
            .ok_or_else(|| R::invalid_value(Unexpected::Unsigned(value), &self))
    }

    fn visit_f64<R: Error>(self, value: f64) -> Result<Self::Value, R> {
        T::from_f64(value)
            .map(Some)
            .ok_or_else(|| R::invalid_value(Unexpected::Float(value), &self))
    }

    fn visit_str<R: Error>(self, text: &str) -> Result<Self::Value, R> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        text.parse()
            .map(Some)
            .map_err(|e| R::custom(format_args!("{text:?} is not a number: {e}")))
    }

    fn visit_none<R: Error>(self) -> Result<Self::Value, R> {
        Ok(None)
    }

    fn visit_unit<R: Error>(self) -> Result<Self::Value, R> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// An RFC 2822 timestamp (`Thu, 01 Sep 2016 10:11:12 +0000`), the text Twilio's oldest APIs
/// write (`format: date-time-rfc-2822`): read into UTC, written back in the same form.
#[cfg(feature = "chrono")]
pub mod rfc2822 {
    use chrono::{DateTime, Utc};
    use serde::{Deserializer, Serializer};

    use super::{Error, OptionalText};

    /// Reads the text; it must parse.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<DateTime<Utc>, D::Error> {
        deserializer
            .deserialize_option(OptionalText(parse))?
            .ok_or_else(|| {
                D::Error::custom("expected an RFC 2822 timestamp, got null or an empty string")
            })
    }

    /// Writes the timestamp as RFC 2822 text in UTC (`+0000`).
    pub fn serialize<S: Serializer>(
        value: &DateTime<Utc>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&value.to_rfc2822())
    }

    /// Blank text is `None`; anything else must be an RFC 2822 timestamp, or an RFC 3339 one:
    /// Twilio's specs mark some fields RFC 2822 that its servers (and its own examples) write
    /// in RFC 3339, and the instant is the same either way.
    pub(super) fn parse(text: &str) -> Result<Option<DateTime<Utc>>, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        DateTime::parse_from_rfc2822(text)
            .or_else(|e| DateTime::parse_from_rfc3339(text).map_err(|_| e))
            .map(|at| Some(at.with_timezone(&Utc)))
            .map_err(|e| format!("{text:?} is not an RFC 2822 timestamp: {e}"))
    }
}

/// A timestamp written as [`rfc2822`] text, for a generated struct's `Serialize`.
#[cfg(feature = "chrono")]
pub struct WriteRfc2822<'a>(pub &'a chrono::DateTime<chrono::Utc>);

#[cfg(feature = "chrono")]
impl serde::Serialize for WriteRfc2822<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        rfc2822::serialize(self.0, serializer)
    }
}

/// An optional [`rfc2822`] timestamp: `null`, a missing field and an empty string are `None`.
#[cfg(feature = "chrono")]
pub mod optional_rfc2822 {
    use chrono::{DateTime, Utc};
    use serde::Deserializer;

    use super::OptionalText;

    /// Reads the text, if any.
    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        deserializer.deserialize_option(OptionalText(super::rfc2822::parse))
    }
}

/// The functions above as types, for a generated struct's `FromObject` to read a field
/// through: `map.next_value::<OptionalNumber<_>>()?.0`.
macro_rules! reader {
    ($(#[$doc:meta])* $name:ident<$($t:ident)?>($value:ty) = $read:path $(where $($bound:tt)*)?) => {
        $(#[$doc])*
        pub struct $name$(<$t>)?(pub $value);

        impl<'de, $($t)?> Deserialize<'de> for $name$(<$t>)? $(where $($bound)*)? {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $read(deserializer).map(Self)
            }
        }
    };
}

reader!(
    /// [`empty_as_none`].
    EmptyAsNone<T>(Option<T>) = empty_as_none where T: FromStr, T::Err: Display
);
reader!(
    /// [`lenient_url`].
    LenientUrl<>(Option<url::Url>) = lenient_url
);
reader!(
    /// [`number`].
    Number<T>(T) = number where T: WireNumber, T::Err: Display
);
reader!(
    /// [`optional_number`].
    OptionalNumber<T>(Option<T>) = optional_number where T: WireNumber, T::Err: Display
);
#[cfg(feature = "chrono")]
reader!(
    /// [`rfc2822`].
    Rfc2822<>(chrono::DateTime<chrono::Utc>) = rfc2822::deserialize
);
#[cfg(feature = "chrono")]
reader!(
    /// [`optional_rfc2822`].
    OptionalRfc2822<>(Option<chrono::DateTime<chrono::Utc>>) = optional_rfc2822::deserialize
);

#[cfg(test)]
mod tests {
    use super::*;

    // Any `FromStr` type shows the reading; an integer keeps the test free of the optional
    // chrono (timestamps and dates parse the text they are given the same way).
    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Times {
        #[serde(default, deserialize_with = "empty_as_none")]
        at: Option<i64>,
        #[serde(default, deserialize_with = "lenient_url")]
        url: Option<url::Url>,
    }

    /// What the helpers did when they read an `Option<String>` first.
    fn through_string(json: &str) -> Result<Times, String> {
        #[derive(serde::Deserialize)]
        struct Strings {
            #[serde(default)]
            at: Option<String>,
            #[serde(default)]
            url: Option<String>,
        }
        let strings: Strings = serde_json::from_str(json).map_err(|e| e.to_string())?;
        let at = match strings.at {
            Some(text) if !text.trim().is_empty() => Some(
                text.parse()
                    .map_err(|e: std::num::ParseIntError| e.to_string())?,
            ),
            _ => None,
        };
        let url = strings
            .url
            .and_then(|text| url::Url::parse(text.trim()).ok());
        Ok(Times { at, url })
    }

    #[test]
    fn text_is_read_as_an_option_of_string_would_be() {
        for json in [
            r#"{}"#,
            r#"{"at": null, "url": null}"#,
            r#"{"at": "", "url": ""}"#,
            r#"{"at": "  ", "url": " https://example.com/a "}"#,
            r#"{"at": "1246912200", "url": "http://123.456.78.9"}"#,
            r#"{"at": "12469\u0031", "url": "https:\/\/example.com"}"#,
        ] {
            let ours: Times = serde_json::from_str(json).unwrap();
            assert_eq!(Ok(ours), through_string(json), "{json}");
        }
        for (json, message) in [
            (r#"{"at": "yesterday"}"#, "invalid digit found in string"),
            (
                r#"{"at": 5}"#,
                "invalid type: integer `5`, expected a string",
            ),
            (
                r#"{"url": true}"#,
                "invalid type: boolean `true`, expected a string",
            ),
        ] {
            let error = serde_json::from_str::<Times>(json).unwrap_err().to_string();
            assert!(error.starts_with(message), "{json}: {error}");
        }
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Numbers {
        #[serde(deserialize_with = "number")]
        count: i64,
        #[serde(default, deserialize_with = "optional_number")]
        price: Option<f64>,
        #[serde(default, deserialize_with = "optional_number")]
        segments: Option<u32>,
    }

    fn numbers(json: &str) -> Result<Numbers, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn numbers_are_read_from_json_numbers_and_from_strings_holding_them() {
        let expected = |count, price, segments| {
            Ok(Numbers {
                count,
                price,
                segments,
            })
        };
        assert_eq!(numbers(r#"{"count": 3}"#), expected(3, None, None));
        assert_eq!(
            numbers(r#"{"count": "3", "price": "-0.0025", "segments": "1"}"#),
            expected(3, Some(-0.0025), Some(1))
        );
        assert_eq!(
            numbers(r#"{"count": 3.0, "price": 19, "segments": null}"#),
            expected(3, Some(19.0), None)
        );
        assert_eq!(
            numbers(r#"{"count": " 7 ", "price": "", "segments": "  "}"#),
            expected(7, None, None),
            "blank text is no value, as Twilio writes it"
        );
    }

    #[test]
    fn what_is_not_a_number_fails_and_says_why() {
        for (json, message) in [
            (r#"{"count": "three"}"#, "\"three\" is not a number"),
            (r#"{"count": ""}"#, "expected a number, got an empty string"),
            (r#"{"count": 1.5}"#, "invalid value: floating point `1.5`"),
            (
                r#"{"count": 1, "segments": -1}"#,
                "invalid value: integer `-1`",
            ),
            (
                r#"{"count": true}"#,
                "invalid type: boolean `true`, expected a number or a string",
            ),
            (r#"{"count": 1, "price": [1]}"#, "invalid type: sequence"),
        ] {
            let error = numbers(json).unwrap_err();
            assert!(error.starts_with(message), "{json}: {error}");
        }
    }

    #[cfg(feature = "chrono")]
    #[test]
    fn rfc2822_timestamps_are_read_into_utc_and_written_back_alike() {
        use chrono::{TimeZone as _, Utc};

        #[derive(Debug, PartialEq, serde::Deserialize, serde::Serialize)]
        struct Call {
            #[serde(with = "rfc2822")]
            date_created: chrono::DateTime<Utc>,
            #[serde(
                default,
                deserialize_with = "optional_rfc2822::deserialize",
                serialize_with = "write_optional"
            )]
            end_time: Option<chrono::DateTime<Utc>>,
        }
        /// As a generated struct's `Serialize` writes one.
        fn write_optional<S: serde::Serializer>(
            value: &Option<chrono::DateTime<Utc>>,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serde::Serialize::serialize(&value.as_ref().map(WriteRfc2822), serializer)
        }
        let json = r#"{"date_created": "Thu, 01 Sep 2016 10:11:12 +0000", "end_time": "Fri, 02 Sep 2016 12:11:12 +0200"}"#;
        let call: Call = serde_json::from_str(json).unwrap();
        let created = Utc.with_ymd_and_hms(2016, 9, 1, 10, 11, 12).unwrap();
        let ended = Utc.with_ymd_and_hms(2016, 9, 2, 10, 11, 12).unwrap();
        assert_eq!((call.date_created, call.end_time), (created, Some(ended)));
        assert_eq!(
            serde_json::to_value(&call).unwrap(),
            serde_json::json!({
                "date_created": "Thu, 1 Sep 2016 10:11:12 +0000",
                "end_time": "Fri, 2 Sep 2016 10:11:12 +0000"
            })
        );
        let blank: Call = serde_json::from_str(
            r#"{"date_created": "Thu, 01 Sep 2016 10:11:12 +0000", "end_time": ""}"#,
        )
        .unwrap();
        assert_eq!(blank.end_time, None);
        let rfc3339: Call =
            serde_json::from_str(r#"{"date_created": "2016-09-01T10:11:12Z"}"#).unwrap();
        assert_eq!(
            rfc3339.date_created, created,
            "the other standard form is read too"
        );
        let no_weekday: Call =
            serde_json::from_str(r#"{"date_created": "01 Sep 2016 10:11:12 +0000"}"#).unwrap();
        assert_eq!(no_weekday.date_created, created, "the weekday is optional");
        let missing: Call =
            serde_json::from_str(r#"{"date_created": "Thu, 01 Sep 2016 10:11:12 +0000"}"#).unwrap();
        assert_eq!(missing.end_time, None);
        for (json, message) in [
            (
                r#"{"date_created": "yesterday"}"#,
                "\"yesterday\" is not an RFC 2822 timestamp",
            ),
            (
                r#"{"date_created": ""}"#,
                "expected an RFC 2822 timestamp, got null or an empty string",
            ),
        ] {
            let error = serde_json::from_str::<Call>(json).unwrap_err().to_string();
            assert!(error.starts_with(message), "{json}: {error}");
        }
    }
}
