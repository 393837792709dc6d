//! How `Debug` prints values the spec marks as personal data (`x-twilio: {pii: {handling}}`):
//! `<redacted>` in place of the value. Whether an optional value is there, or how many values
//! a list holds, is shown: it says nothing about a person and helps when debugging.

use std::fmt;

/// Printed in place of a personal value.
#[derive(Clone, Copy)]
pub struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// An optional value: `None`, or `<redacted>`.
pub fn optional<T>(value: &Option<T>) -> &'static dyn fmt::Debug {
    match value {
        Some(_) => &Redacted,
        None => &None::<()>,
    }
}

/// A list of values: `[]`, or one `<redacted>` per value.
pub fn list<T>(values: &[T]) -> RedactedList {
    RedactedList(values.len())
}

/// [`list`]'s output.
pub struct RedactedList(usize);

impl fmt::Debug for RedactedList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(std::iter::repeat_n(Redacted, self.0))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_values_print_as_redacted_and_absence_stays_visible() {
        let secret = "alice@example.com".to_owned();
        assert_eq!(format!("{:?}", Redacted), "<redacted>");
        assert_eq!(format!("{:?}", optional(&Some(&secret))), "<redacted>");
        assert_eq!(format!("{:?}", optional::<String>(&None)), "None");
        assert_eq!(
            format!("{:?}", list(&[secret.clone(), secret])),
            "[<redacted>, <redacted>]"
        );
        assert_eq!(format!("{:?}", list::<String>(&[])), "[]");
    }
}
