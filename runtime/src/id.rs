//! ID types: strings with a documented shape (`AC` + 32 hex digits, `aia_msg_…`).
//!
//! The shape is checked when an ID is built from caller input (`parse`, `FromStr`,
//! `TryFrom`, typed path arguments) and never when one is decoded from a response: Twilio's
//! data is accepted as sent (see `is_valid` to check it yourself).

use std::fmt;

/// What every generated ID type has in common.
pub trait Id: AsRef<str> + Sized {
    /// The Rust type name (`AccountSid`).
    const TYPE_NAME: &'static str;
    /// The pattern from the spec (`^AC[0-9a-fA-F]{32}$`).
    const PATTERN: &'static str;
    /// The shape in words (`` `AC` followed by 32 hexadecimal digits ``).
    const EXPECTED: &'static str;

    /// Whether `value` has this ID's shape (plain byte checks, no regex).
    fn matches(value: &str) -> bool;

    /// Wraps a string without checking it (used for data Twilio sends).
    fn from_string_unchecked(value: String) -> Self;
}

/// A string that does not have the shape of the ID type it was meant to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseIdError {
    type_name: &'static str,
    value: String,
    expected: &'static str,
    pattern: &'static str,
}

/// The longest value an error message repeats, in characters.
const SHOWN_VALUE_LIMIT: usize = 64;

impl ParseIdError {
    pub fn new<I: Id>(value: &str) -> Self {
        let mut shown: String = value.chars().take(SHOWN_VALUE_LIMIT).collect();
        if value.chars().nth(SHOWN_VALUE_LIMIT).is_some() {
            shown.push('…');
        }
        ParseIdError {
            type_name: I::TYPE_NAME,
            value: shown,
            expected: I::EXPECTED,
            pattern: I::PATTERN,
        }
    }

    /// The ID type that was asked for (`AccountSid`).
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }

    /// The rejected value (cut after 64 characters).
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The shape that was expected, in words.
    pub fn expected(&self) -> &'static str {
        self.expected
    }
}

impl fmt::Display for ParseIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid {} {:?}: expected {} (pattern {})",
            self.type_name, self.value, self.expected, self.pattern
        )
    }
}

impl std::error::Error for ParseIdError {}

impl From<ParseIdError> for crate::error::Error {
    fn from(error: ParseIdError) -> Self {
        crate::error::Error::invalid_argument(error.type_name, error.to_string())
    }
}
/// Gives a generated ID newtype (which implements [`Id`]) its methods and conversions.
#[doc(hidden)]
#[macro_export]
macro_rules! id_type {
    ($name:ident) => {
        impl $name {
            /// Checks `value` against this ID's pattern.
            pub fn parse(
                value: impl ::std::convert::Into<::std::string::String>,
            ) -> ::std::result::Result<Self, $crate::ParseIdError> {
                let value = value.into();
                if <Self as $crate::Id>::matches(&value) {
                    ::std::result::Result::Ok(Self(value))
                } else {
                    ::std::result::Result::Err($crate::id::ParseIdError::new::<Self>(&value))
                }
            }

            /// Wraps `value` without checking it, as decoding a response does.
            pub fn new_unchecked(value: impl ::std::convert::Into<::std::string::String>) -> Self {
                Self(value.into())
            }

            /// Whether this value has the documented shape (decoded values are not checked).
            pub fn is_valid(&self) -> bool {
                <Self as $crate::Id>::matches(&self.0)
            }

            /// The ID as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The ID as an owned string.
            pub fn into_string(self) -> ::std::string::String {
                self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl $crate::encode::WireText for $name {
            fn wire_text(&self) -> ::std::borrow::Cow<'_, str> {
                ::std::borrow::Cow::Borrowed(&self.0)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::ParseIdError;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Self::parse(value)
            }
        }

        impl ::std::convert::TryFrom<&str> for $name {
            type Error = $crate::ParseIdError;
            fn try_from(value: &str) -> ::std::result::Result<Self, Self::Error> {
                Self::parse(value)
            }
        }

        impl ::std::convert::TryFrom<::std::string::String> for $name {
            type Error = $crate::ParseIdError;
            fn try_from(value: ::std::string::String) -> ::std::result::Result<Self, Self::Error> {
                Self::parse(value)
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl ::std::convert::From<$name> for ::std::string::String {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl ::std::convert::From<&$name> for ::std::string::String {
            fn from(value: &$name) -> Self {
                value.0.clone()
            }
        }

        impl ::std::cmp::PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl ::std::cmp::PartialEq<::std::string::String> for $name {
            fn eq(&self, other: &::std::string::String) -> bool {
                self.0 == *other
            }
        }

        impl ::std::cmp::PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }
    };
}
