//! Argument checks made before a request is sent: a bad argument becomes
//! [`Error::InvalidArgument`](crate::Error::InvalidArgument) and no request goes out. The
//! message names the argument and the rule, never the value: the caller has it, and an
//! argument may be personal data or a secret that must not reach logs.

use crate::error::Error;
use crate::id::Id;

/// Checks that an integer argument lies within the spec's bounds (inclusive).
pub fn range<T>(
    name: &'static str,
    value: T,
    min: Option<i128>,
    max: Option<i128>,
) -> Result<(), Error>
where
    T: Into<i128> + Copy,
{
    let wide: i128 = value.into();
    let too_small = min.is_some_and(|min| wide < min);
    let too_large = max.is_some_and(|max| wide > max);
    if !(too_small || too_large) {
        return Ok(());
    }
    let bounds = match (min, max) {
        (Some(min), Some(max)) => format!("between {min} and {max}"),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => String::new(),
    };
    Err(Error::invalid_argument(name, format!("must be {bounds}")))
}

/// Checks a string argument's length in characters.
pub fn length(
    name: &'static str,
    value: &str,
    min: Option<usize>,
    max: Option<usize>,
) -> Result<(), Error> {
    let count = value.chars().count();
    if min.is_some_and(|min| count < min) || max.is_some_and(|max| count > max) {
        let bounds = match (min, max) {
            (Some(min), Some(max)) if min == max => format!("exactly {min}"),
            (Some(min), Some(max)) => format!("{min} to {max}"),
            (Some(min), None) => format!("at least {min}"),
            (None, Some(max)) => format!("at most {max}"),
            (None, None) => String::new(),
        };
        return Err(Error::invalid_argument(
            name,
            format!("must be {bounds} characters long"),
        ));
    }
    Ok(())
}

/// Checks that a string argument has the shape of the ID type `I`.
pub fn id<I: Id>(name: &'static str, value: &str) -> Result<(), Error> {
    if I::matches(value) {
        Ok(())
    } else {
        Err(Error::invalid_argument(
            name,
            format!(
                "is not a valid {}: expected {} (pattern {})",
                I::TYPE_NAME,
                I::EXPECTED,
                I::PATTERN
            ),
        ))
    }
}

/// Checks that a string argument is an absolute URL; the text itself is what is sent.
pub fn url(name: &'static str, value: &str) -> Result<(), Error> {
    url::Url::parse(value)
        .map(drop)
        .map_err(|error| Error::invalid_argument(name, format!("is not an absolute URL: {error}")))
}

/// Unwraps a required argument that was never set.
pub fn required<T>(name: &'static str, value: Option<T>) -> Result<T, Error> {
    value.ok_or_else(|| Error::invalid_argument(name, "is required but was not set".to_owned()))
}

/// Checks that a required repeated argument has at least one value.
pub fn non_empty<T>(name: &'static str, values: &[T]) -> Result<(), Error> {
    if values.is_empty() {
        return Err(Error::invalid_argument(
            name,
            "is required but has no values".to_owned(),
        ));
    }
    Ok(())
}
