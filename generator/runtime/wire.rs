//! Decoding helpers the generated models use where Twilio's data is looser than the types.

use std::fmt::Display;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

/// An optional URL, timestamp or date where an empty string means "none": Twilio sends `""`
/// for a missing next-page URL, and that must not fail the whole response.
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
