//! When the client retries, how long it waits, and what a failed write tells the caller.
//!
//! The rules decide from what is known to have happened to the attempt ([`Attempt`]), never
//! from the error's text: a request that certainly did not reach Twilio (no connection was
//! made) and an HTTP 429 (Twilio refused it unprocessed) are retried for every method; for an
//! idempotent method (`GET`, `PUT`, `DELETE`, …) a 503 too. Anything else that may have reached
//! Twilio is returned, and for a write (`POST`, `PATCH`) the error says that it may have been
//! applied. The table users read is on
//! [`ClientBuilder::max_retries`](crate::ClientBuilder::max_retries).
//!
//! How long: exponential backoff with full jitter (a random wait between zero and
//! `initial_backoff * 2^attempt`, capped at `max_backoff`), except that a `Retry-After` header
//! is honoured as sent. Bounded by `max_retries` and by a total time limit: a retry that would
//! start past the limit is not made and the last error is returned.

use std::time::{Duration, SystemTime};

use reqwest::Method;
use reqwest::header::HeaderValue;

use crate::error::Error;

/// Retry settings (see the module docs for what they mean).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RetryPolicy {
    pub max_retries: u32,
    pub initial_backoff: Duration,
    pub max_backoff: Duration,
    pub time_limit: Duration,
    /// Whether writes are retried at all (after a 429 or a connection never made).
    pub retry_writes: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 2,
            initial_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(8),
            time_limit: Duration::from_secs(60),
            retry_writes: true,
        }
    }
}

/// What is known to have happened to an attempt that failed: all the retry rules look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Attempt {
    /// No connection was made (refused, DNS failure, TLS handshake failure, connect
    /// timeout): nothing of the request was written, so Twilio cannot have seen it.
    NeverConnected,
    /// The server answered with this (error) status.
    Answered(u16),
    /// The request may have been written, and no whole answer came back: a timeout, a
    /// connection reset or closed, an answer that is not HTTP, a body cut short.
    Lost,
    /// Nothing to try again: nothing was sent (configuration, argument, credentials), or a
    /// success answer was read and is not what the operation expects.
    Final,
}

impl Attempt {
    /// What `error`, returned by one attempt, says happened.
    pub(crate) fn of(error: &Error) -> Attempt {
        match error {
            Error::Api(api) => Attempt::Answered(api.status),
            // reqwest marks every failure of its connector (TCP connect, DNS, TLS handshake,
            // proxy CONNECT, its connect timeout) with `is_connect`, found in the source
            // chain; a request is written only on a connection that was made. An idle pooled
            // connection that turns out closed before the request was written is retried by
            // hyper itself (`retry_canceled_requests`), and never reaches this point.
            Error::Transport(transport) if transport.source.is_connect() => Attempt::NeverConnected,
            Error::Transport(_) => Attempt::Lost,
            _ => Attempt::Final,
        }
    }

    /// Whether a request that failed so may have been applied by Twilio: something may have
    /// been written, and no answer says it was refused (a 5xx may come after the change was
    /// made; a timeout or a reset hides the answer).
    pub(crate) fn may_have_applied(self) -> bool {
        match self {
            Attempt::NeverConnected | Attempt::Final => false,
            Attempt::Answered(status) => status >= 500,
            Attempt::Lost => true,
        }
    }
}

/// Whether `method` changes state at Twilio in a way sending it twice could repeat: `POST`
/// creates (a message, a call) and `PATCH` updates; the other methods are idempotent.
pub(crate) fn is_write(method: &Method) -> bool {
    matches!(*method, Method::POST | Method::PATCH)
}

impl RetryPolicy {
    /// Whether an attempt of a `method` request that ended so is sent again, by the rules
    /// alone (before counting retries and time): see the table on
    /// [`ClientBuilder::max_retries`](crate::ClientBuilder::max_retries).
    pub(crate) fn is_retried(&self, method: &Method, attempt: Attempt) -> bool {
        let write = is_write(method);
        if write && !self.retry_writes {
            return false;
        }
        match attempt {
            Attempt::NeverConnected | Attempt::Answered(429) => true,
            // A 503 may come from a server that had applied the write before failing.
            Attempt::Answered(503) => !write,
            Attempt::Answered(_) | Attempt::Lost | Attempt::Final => false,
        }
    }

    /// How long to wait before retry number `retries` (0-based) after an attempt that ended
    /// so, `elapsed` into the call; `None` when it is not retried (by the rules, because
    /// `max_retries` retries were made, or because the wait would end past the time limit).
    pub(crate) fn wait_before_retry(
        &self,
        method: &Method,
        attempt: Attempt,
        retries: u32,
        elapsed: Duration,
        retry_after: Option<Duration>,
    ) -> Option<Duration> {
        if retries >= self.max_retries || !self.is_retried(method, attempt) {
            return None;
        }
        let delay = self.delay(retries, retry_after);
        // Saturating: `Retry-After` is the server's number, up to `u64::MAX` seconds.
        (elapsed.saturating_add(delay) <= self.time_limit).then_some(delay)
    }

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
    fn the_rules_follow_the_table() {
        use Attempt::*;
        let on = RetryPolicy::default();
        let off = RetryPolicy {
            retry_writes: false,
            ..on
        };
        // (what happened, idempotent retried, write retried, write maybe applied)
        let table = [
            (NeverConnected, true, true, false),
            (Answered(429), true, true, false),
            (Answered(503), true, false, true),
            (Answered(500), false, false, true),
            (Answered(502), false, false, true),
            (Answered(504), false, false, true),
            (Lost, false, false, true),
            (Answered(404), false, false, false),
            (Answered(409), false, false, false),
            (Answered(302), false, false, false),
            (Final, false, false, false),
        ];
        for (happened, read, write, applied) in table {
            for method in [Method::GET, Method::PUT, Method::DELETE, Method::HEAD] {
                assert_eq!(
                    on.is_retried(&method, happened),
                    read,
                    "{method} {happened:?}"
                );
                assert_eq!(
                    off.is_retried(&method, happened),
                    read,
                    "{method} {happened:?}"
                );
            }
            for method in [Method::POST, Method::PATCH] {
                assert_eq!(
                    on.is_retried(&method, happened),
                    write,
                    "{method} {happened:?}"
                );
                assert!(!off.is_retried(&method, happened), "{method} {happened:?}");
            }
            assert_eq!(happened.may_have_applied(), applied, "{happened:?}");
            assert!(
                !(write && applied),
                "a write that may have been applied is never retried"
            );
        }
    }

    #[test]
    fn retries_stop_at_the_count_and_the_time_limit() {
        let policy = RetryPolicy {
            max_retries: 2,
            time_limit: Duration::from_secs(10),
            ..RetryPolicy::default()
        };
        let wait = |retries, elapsed, after| {
            policy.wait_before_retry(
                &Method::POST,
                Attempt::Answered(429),
                retries,
                Duration::from_secs(elapsed),
                after,
            )
        };
        let three = Some(Duration::from_secs(3));
        assert_eq!(wait(0, 0, three), three);
        assert_eq!(wait(1, 7, three), three, "ends right at the limit");
        assert_eq!(wait(1, 8, three), None, "would end past the limit");
        assert_eq!(wait(2, 0, three), None, "max_retries reached");
        assert_eq!(wait(0, 0, Some(Duration::MAX)), None);
        assert!(wait(0, 0, None).is_some_and(|d| d <= policy.initial_backoff));
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
