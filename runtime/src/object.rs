//! A generated struct as a JSON object, both ways. A generated struct's `Deserialize` is its
//! list of fields (`FromObject`); walking the object, naming the struct in errors and reading
//! keys without copying them live here once. Its `Serialize` is the same list (`Writer`).
//! serde's derives would also write a decoder from a JSON array, a field-name enum, a wrapper
//! type per field read or written through a `wire` function and the count of the members
//! present: about 40% of the debug build of an API's code (`cargo xtask bench builds`).
//!
//! Unlike the derive, a key that appears twice keeps its last value (as `serde_json::Value`
//! does) and a JSON array is not read as a struct: Twilio sends neither.

use std::fmt;
use std::marker::PhantomData;
use std::ops::Deref;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{Serialize, SerializeMap, Serializer};

/// A struct decoded from a JSON object, one member at a time.
pub trait FromObject: Sized {
    /// The struct's name, for errors (`invalid type: string, expected struct Message`).
    const NAME: &'static str;

    /// Reads the members of `object`: known keys into their fields, others skipped (or kept,
    /// for a struct with additional properties).
    fn from_object<'de, A: MapAccess<'de>>(object: A) -> Result<Self, A::Error>;
}

/// A generated struct's `Deserialize::deserialize`.
pub fn deserialize<'de, D: Deserializer<'de>, T: FromObject>(
    deserializer: D,
) -> Result<T, D::Error> {
    deserializer.deserialize_map(Object(PhantomData))
}

struct Object<T>(PhantomData<fn() -> T>);

impl<'de, T: FromObject> Visitor<'de> for Object<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {}", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, object: A) -> Result<T, A::Error> {
        T::from_object(object)
    }
}

/// A member's key: borrowed from the body when it holds no escapes, copied otherwise.
pub enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    /// The key as an owned string, copied only if it was borrowed.
    pub fn into_string(self) -> String {
        match self {
            Key::Borrowed(text) => text.to_owned(),
            Key::Owned(text) => text,
        }
    }
}

impl Deref for Key<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Key::Borrowed(text) => text,
            Key::Owned(text) => text,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Key<'de>, E> {
        Ok(Key::Borrowed(text))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Key<'de>, E> {
        Ok(Key::Owned(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Key<'de>, E> {
        Ok(Key::Owned(text))
    }
}

/// The next key of `object`, `None` after the last member.
pub fn next_key<'de, A: MapAccess<'de>>(object: &mut A) -> Result<Option<Key<'de>>, A::Error> {
    object.next_key()
}

/// Skips the value of a member the struct does not declare.
pub fn skip<'de, A: MapAccess<'de>>(object: &mut A) -> Result<(), A::Error> {
    object.next_value::<IgnoredAny>().map(drop)
}

/// A required field's value, or serde's `missing field` error.
pub fn required<T, E: de::Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}

/// Writing a generated struct as a JSON object: its `Serialize` names each field once.
pub struct Writer<S: Serializer> {
    map: S::SerializeMap,
}

impl<S: Serializer> Writer<S> {
    /// Starts the object.
    pub fn new(serializer: S) -> Result<Self, S::Error> {
        Ok(Writer {
            map: serializer.serialize_map(None)?,
        })
    }

    /// A member written whatever its value (`null` for a required field that is `None`).
    pub fn field<T: Serialize + ?Sized>(&mut self, name: &str, value: &T) -> Result<(), S::Error> {
        self.map.serialize_entry(name, value)
    }

    /// A member left out when it is `None`.
    pub fn optional<T: Serialize>(
        &mut self,
        name: &str,
        value: &Option<T>,
    ) -> Result<(), S::Error> {
        match value {
            Some(value) => self.map.serialize_entry(name, value),
            None => Ok(()),
        }
    }

    /// Properties the spec does not declare, each as a member.
    pub fn additional<T: Serialize>(
        &mut self,
        properties: &std::collections::BTreeMap<String, T>,
    ) -> Result<(), S::Error> {
        properties
            .iter()
            .try_for_each(|(name, value)| self.map.serialize_entry(name, value))
    }

    /// Ends the object.
    pub fn end(self) -> Result<S::Ok, S::Error> {
        self.map.end()
    }
}
