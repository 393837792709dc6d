//! When and how long to wait before retrying.
//!
//! What is retried: idempotent requests (`GET`, `PUT`, `DELETE`, …) that got HTTP 429 or 503,
//! or that could not connect. How: exponential backoff with full jitter (a random wait between
//! zero and `initial_backoff * 2^attempt`, capped at `max_backoff`), except that a
//! `Retry-After` header is honoured as sent. Bounded by `max_retries` and by a total time limit:
//! a retry that would end past the limit is not made and the last error is returned.

use std::time::{Duration, SystemTime};

use reqwest::header::HeaderValue;

use crate::error::{Error, TransportErrorKind};

/// Retry settings (see the module docs for what they mean).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RetryPolicy {
    pub max_retries: u32,
    pub initial_backoff: Duration,
    pub max_backoff: Duration,
    pub time_limit: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            time_limit: Duration::from_secs(60),
        }
    }
}

impl RetryPolicy {
    /// How long to wait before retry number `attempt` (0-based).
    pub fn delay(&self, attempt: u32, retry_after: Option<Duration>) -> Duration {
        if let Some(wait) = retry_after {
            return wait;
        }
        let ceiling = self
            .initial_backoff
            .saturating_mul(2u32.saturating_pow(attempt))
            .min(self.max_backoff);
        ceiling.mul_f64(fastrand::f64())
    }
}

/// Whether the client retries after this error by itself (when the request is idempotent and
/// the policy allows): HTTP 429 or 503, or a connection that could not be made.
pub(crate) fn is_retried(error: &Error) -> bool {
    match error {
        Error::Api(api) => api.status == 429 || api.status == 503,
        Error::Transport(transport) => transport.kind == TransportErrorKind::Connect,
        _ => false,
    }
}

/// Parses `Retry-After`: a number of seconds, or an HTTP date.
pub(crate) fn parse_retry_after(value: &HeaderValue, now: SystemTime) -> Option<Duration> {
    let text = value.to_str().ok()?.trim();
    if let Ok(seconds) = text.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(text).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_is_jittered_below_an_exponential_ceiling() {
        let policy = RetryPolicy::default();
        for attempt in 0..6 {
            let ceiling = (policy.initial_backoff * 2u32.pow(attempt)).min(policy.max_backoff);
            for _ in 0..50 {
                assert!(policy.delay(attempt, None) <= ceiling);
            }
        }
        assert_eq!(
            policy.delay(0, Some(Duration::from_secs(3))),
            Duration::from_secs(3)
        );
    }

    #[test]
    fn retry_after_accepts_seconds_and_dates() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
        assert_eq!(
            parse_retry_after(&HeaderValue::from_static("7"), now),
            Some(Duration::from_secs(7))
        );
        let date =
            HeaderValue::from_str(&httpdate::fmt_http_date(now + Duration::from_secs(5))).unwrap();
        assert_eq!(parse_retry_after(&date, now), Some(Duration::from_secs(5)));
        assert_eq!(
            parse_retry_after(&HeaderValue::from_static("soon"), now),
            None
        );
        // The server's numbers, whatever they are: kept if they fit, else ignored.
        assert_eq!(
            parse_retry_after(&HeaderValue::from_static("18446744073709551615"), now),
            Some(Duration::from_secs(u64::MAX))
        );
        for ignored in ["18446744073709551616", "-1", "1.5", ""] {
            assert_eq!(
                parse_retry_after(&HeaderValue::from_static(ignored), now),
                None
            );
        }
        let past = HeaderValue::from_static("Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(parse_retry_after(&past, now), Some(Duration::ZERO));
    }
}
