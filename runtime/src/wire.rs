//! Decoding helpers the generated models use where Twilio's data is looser than the types.
//!
//! Both read the string in place (as `&str`, borrowed from the response body when it holds no
//! escapes) rather than into a `String` first: two allocations fewer per item of a list of
//! resources with `date_created` and `date_updated`.

use std::fmt::{self, Display};
use std::str::FromStr;

use serde::Deserializer;
use serde::de::{Error, Unexpected, Visitor};

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
}
