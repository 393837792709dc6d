//! Open enums: every string enum from the specs gets the known values as variants plus
//! `Unknown(String)`, so a value Twilio adds later decodes instead of failing.

use std::fmt;

/// A value an open enum does not know, as sent. Only the crate builds one (decoding, `From`),
/// and only for values that are not known variants, so `Unknown` never stands for a known value
/// and equal wire values always compare equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownValue<T = String>(T);

impl<T> UnknownValue<T> {
    /// Wraps a value the crate found unknown.
    pub fn new(value: T) -> Self {
        UnknownValue(value)
    }

    /// The value as sent.
    pub fn get(&self) -> &T {
        &self.0
    }
}

impl UnknownValue<String> {
    /// The value as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<T: fmt::Display> fmt::Display for UnknownValue<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Gives a generated enum (with `as_str` and `From<String>`) its conversions and serde.
#[doc(hidden)]
#[macro_export]
macro_rules! open_enum {
    ($name:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl $crate::encode::WireText for $name {
            fn wire_text(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(self.as_str())
            }
        }

        impl ::std::convert::From<&str> for $name {
            fn from(value: &str) -> Self {
                Self::from(::std::string::String::from(value))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let value =
                    <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                ::std::result::Result::Ok(Self::from(value))
            }
        }
    };
}

/// The HTTP method Twilio uses to call one of your URLs back (`StatusCallbackMethod`,
/// `VoiceMethod`, …): every `format: http-method` value of every API is this one type.
///
/// Open: a value this version of the crate does not know decodes to `Unknown`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum HttpMethod {
    /// `GET`
    Get,
    /// `POST`
    Post,
    /// A value this version of the crate does not know, as sent.
    Unknown(UnknownValue),
}

impl HttpMethod {
    /// Every value this version of the crate knows.
    pub const KNOWN: &'static [Self] = &[Self::Get, Self::Post];

    /// The value as sent on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Unknown(value) => value.as_str(),
        }
    }
}

impl From<String> for HttpMethod {
    fn from(value: String) -> Self {
        match value.as_str() {
            "GET" => Self::Get,
            "POST" => Self::Post,
            _ => Self::Unknown(UnknownValue::new(value)),
        }
    }
}

crate::open_enum!(HttpMethod);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_methods_read_and_write_as_twilio_sends_them() {
        let methods: Vec<HttpMethod> = serde_json::from_str(r#"["GET", "POST", "PATCH"]"#).unwrap();
        assert_eq!(methods[..2], [HttpMethod::Get, HttpMethod::Post]);
        assert_eq!(methods[2].as_str(), "PATCH");
        assert!(matches!(methods[2], HttpMethod::Unknown(_)));
        // A known value given as text is its variant, so equal values compare equal.
        assert_eq!(HttpMethod::from("POST"), HttpMethod::Post);
        assert_eq!(
            serde_json::to_string(&methods).unwrap(),
            r#"["GET","POST","PATCH"]"#
        );
        use crate::encode::WireText;
        assert_eq!(HttpMethod::Get.wire_text(), "GET");
        assert_eq!(HttpMethod::Post.to_string(), "POST");
    }
}
