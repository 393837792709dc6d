//! Decoding helpers the generated models use where Twilio's data is looser than the types.

use std::fmt::Display;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

/// An optional timestamp or date where an empty string means "none" (Twilio sends `""` for
/// values it does not have); anything else must parse.
pub(crate) fn empty_as_none<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr,
    T::Err: Display,
{
    match Option::<String>::deserialize(deserializer)? {
        None => Ok(None),
        Some(text) if text.trim().is_empty() => Ok(None),
        Some(text) => text.parse().map(Some).map_err(serde::de::Error::custom),
    }
}

/// An optional URL: empty, or not parseable as a URL, decodes to `None`. URL parsers differ at
/// the edges (`http://123.456.78.9` is a valid RFC 3986 URI that the WHATWG parser refuses), and
/// such a difference must not fail the whole response.
pub(crate) fn lenient_url<'de, D>(deserializer: D) -> Result<Option<url::Url>, D::Error>
where
    D: Deserializer<'de>,
{
    let text = Option::<String>::deserialize(deserializer)?;
    Ok(text.and_then(|text| url::Url::parse(text.trim()).ok()))
}
