//! The one error type of the crate, and how error responses are read.
//!
//! Twilio answers errors with `{"code", "message", "more_info", "status"}`; some newer APIs send
//! RFC 9457 problem details (`type`, `title`, `detail`, `status`), and the SCIM APIs SCIM errors
//! (`schemas`, `detail`, `scimType`, `status`). All become an [`ApiError`]; a body that is none
//! of them (an HTML page from a proxy, nothing at all) still gives the status and a bounded
//! snippet of the body. The body itself is kept (up to 64 KiB), so an operation's documented
//! error schema can be read with [`ApiError::decode_body`].

use std::fmt;
use std::time::Duration;

use serde::de::DeserializeOwned;

/// Everything that can go wrong when using the client.
///
/// Match on the variant for details, or use the helpers: [`status`](Error::status) for the HTTP
/// status, [`is_retryable`](Error::is_retryable) to decide whether to try again,
/// [`is_write_maybe_applied`](Error::is_write_maybe_applied) before trying a write again, and
/// [`api_error`](Error::api_error) for Twilio's error code and message.
///
/// A write (`POST`, `PATCH`) that may have taken effect says so in a field a caller can
/// match on, on both variants that can carry it:
///
/// ```
/// # use twilio_api_runtime::{ApiError, Error, TransportError};
/// fn safe_to_send_again(error: &Error) -> bool {
///     match error {
///         Error::Transport(TransportError { write_maybe_applied: true, .. })
///         | Error::Api(ApiError { write_maybe_applied: true, .. }) => false, // look first
///         other => other.is_retryable(),
///     }
/// }
/// # let _ = safe_to_send_again;
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The client is not configured right (a missing credential, a bad base URL); no request
    /// was sent. Also returned when a `reqwest::Client` given to
    /// [`ClientBuilder::http_client`](crate::ClientBuilder::http_client) followed a redirect:
    /// the client never accepts a followed redirect's answer.
    Config(ConfigError),
    /// An argument failed its check (an out-of-range page size, a malformed ID); no request was
    /// sent.
    InvalidArgument(InvalidArgument),
    /// The request did not get a response: connection refused, timeout, a broken connection.
    Transport(TransportError),
    /// Twilio answered with an error status.
    Api(ApiError),
    /// Twilio answered with success, but the body did not decode into the expected type, was
    /// larger than [`ClientBuilder::max_response_size`](crate::ClientBuilder::max_response_size),
    /// or (for a list) linked to a next page that cannot be followed; or, for an operation
    /// that answers with a redirect, the answer was not one.
    Decode(DecodeError),
    /// The client's [`TokenSource`](crate::TokenSource) could not give a token, or gave one that
    /// cannot be sent; the request was not sent. Not retried by the client.
    Auth(AuthError),
}

impl Error {
    /// The HTTP status of the response this error came from, if there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(error) => Some(error.status),
            Error::Decode(error) => Some(error.status),
            _ => None,
        }
    }

    /// Whether trying again later may succeed: throttling (429), server errors (5xx), timeouts
    /// and connection failures. The client already retries some of these itself (see
    /// [`ClientBuilder::max_retries`](crate::ClientBuilder::max_retries)). For a write, check
    /// [`is_write_maybe_applied`](Error::is_write_maybe_applied) first: sending it again may
    /// repeat it (a second message, a second call).
    pub fn is_retryable(&self) -> bool {
        match self {
            Error::Api(error) => error.status == 429 || error.status >= 500,
            Error::Transport(error) => matches!(
                error.kind,
                TransportErrorKind::Connect | TransportErrorKind::Timeout
            ),
            _ => false,
        }
    }

    /// Whether this is a write (`POST`, `PATCH`) that may have been applied by Twilio although
    /// it failed: it may have reached Twilio and no answer says it was refused (a timeout, a
    /// connection reset or closed after the request was written, a 5xx, a success body cut
    /// short). The client never retries such a write; sending it again may repeat it, so look
    /// first (fetch or list what it would have created). `false` for reads, for a write that
    /// never reached Twilio (no connection made, nothing sent) and for one Twilio refused
    /// (4xx, including a 429 that was retried until the limits). An [`Error::Decode`] of a
    /// write means Twilio answered with success: it was applied.
    pub fn is_write_maybe_applied(&self) -> bool {
        match self {
            Error::Transport(error) => error.write_maybe_applied,
            Error::Api(error) => error.write_maybe_applied,
            _ => false,
        }
    }

    /// Marks a failed write as one that may have been applied (see
    /// [`is_write_maybe_applied`](Error::is_write_maybe_applied)).
    pub(crate) fn mark_write_maybe_applied(&mut self) {
        match self {
            Error::Transport(error) => error.write_maybe_applied = true,
            Error::Api(error) => error.write_maybe_applied = true,
            _ => {}
        }
    }

    /// The error Twilio sent, if this is an API error.
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::Api(error) => Some(error),
            _ => None,
        }
    }

    /// Twilio's error code (`20404`), if Twilio sent one.
    pub fn code(&self) -> Option<i64> {
        self.api_error().and_then(|error| error.code)
    }

    pub(crate) fn invalid_argument(name: &'static str, message: String) -> Self {
        Error::InvalidArgument(InvalidArgument { name, message })
    }

    pub(crate) fn config(message: impl Into<String>) -> Self {
        Error::Config(ConfigError {
            message: message.into(),
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Config(error) => error.fmt(f),
            Error::InvalidArgument(error) => error.fmt(f),
            Error::Transport(error) => error.fmt(f),
            Error::Api(error) => error.fmt(f),
            Error::Decode(error) => error.fmt(f),
            Error::Auth(error) => error.fmt(f),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport(error) => Some(&error.source),
            Error::Auth(error) => error
                .source
                .as_deref()
                .map(|source| source as &(dyn std::error::Error + 'static)),
            _ => None,
        }
    }
}

/// The client is not configured right.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConfigError {
    /// What is wrong and how to fix it.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "client configuration: {}", self.message)
    }
}

/// An argument failed its check before anything was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct InvalidArgument {
    /// The argument's name (`page_size`).
    pub name: &'static str,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for InvalidArgument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid argument `{}`: {}", self.name, self.message)
    }
}

/// Getting a bearer token for a request failed; nothing was sent.
#[derive(Debug)]
#[non_exhaustive]
pub struct AuthError {
    /// The operation (`ListSessions`).
    pub operation: &'static str,
    /// What went wrong (never the token itself).
    pub message: &'static str,
    /// The token source's own error, if it failed.
    pub source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl AuthError {
    pub(crate) fn new(
        operation: &'static str,
        message: &'static str,
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        AuthError {
            operation,
            message,
            source,
        }
    }
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.operation, self.message)
    }
}

impl std::error::Error for AuthError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn std::error::Error + 'static))
    }
}

/// What kind of transport failure happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The connection could not be made.
    Connect,
    /// The request or the response took longer than the client's timeout.
    Timeout,
    /// The response body could not be read to the end.
    Body,
    /// Anything else (a redirect loop, a protocol error).
    Other,
}

/// The request got no (complete) response.
#[derive(Debug)]
#[non_exhaustive]
pub struct TransportError {
    /// What failed.
    pub kind: TransportErrorKind,
    /// The operation (`ListSessions`).
    pub operation: &'static str,
    /// The request's HTTP method.
    pub method: reqwest::Method,
    /// The underlying error.
    pub source: reqwest::Error,
    /// The request was a write (`POST`, `PATCH`) that may have reached Twilio: a connection
    /// was made and the answer did not come back whole (see
    /// [`Error::is_write_maybe_applied`]). `false` for reads and when no connection was made.
    pub write_maybe_applied: bool,
}

impl TransportError {
    pub(crate) fn new(
        operation: &'static str,
        method: reqwest::Method,
        source: reqwest::Error,
    ) -> Self {
        let kind = if source.is_timeout() {
            TransportErrorKind::Timeout
        } else if source.is_connect() {
            TransportErrorKind::Connect
        } else if source.is_body() || source.is_decode() {
            TransportErrorKind::Body
        } else {
            TransportErrorKind::Other
        };
        TransportError {
            kind,
            operation,
            method,
            // reqwest's error names the filled URL, whose path and query may hold personal
            // data; the operation and method say enough.
            source: source.without_url(),
            write_maybe_applied: false,
        }
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Only this level: what failed and at which stage. reqwest's own error, and what caused
        // it, are `source()`, so error reporters (anyhow, eyre) print each cause once.
        let what = match self.kind {
            TransportErrorKind::Connect => "could not connect to the server",
            TransportErrorKind::Timeout if self.source.is_connect() => {
                "timed out connecting to the server"
            }
            // reqwest reports a body read that failed as a decode error around a body error.
            TransportErrorKind::Timeout if self.source.is_body() || self.source.is_decode() => {
                "timed out reading the response body"
            }
            TransportErrorKind::Timeout => "timed out waiting for the response",
            TransportErrorKind::Body => "the response body could not be read to the end",
            TransportErrorKind::Other if self.source.is_redirect() => "too many redirects",
            TransportErrorKind::Other => "the request failed",
        };
        write!(f, "{} ({}): {what}", self.operation, self.method)
    }
}

/// An error response from Twilio.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status (`404`).
    pub status: u16,
    /// Twilio's error code (`20404`), when the body has one.
    pub code: Option<i64>,
    /// What went wrong: Twilio's `message` (or the problem's `detail`/`title`), else a bounded
    /// snippet of the body, else the status text.
    pub message: String,
    /// A link to the documentation of the error (`more_info`, or the problem `type`).
    pub more_info: Option<String>,
    /// Twilio's request ID (`Twilio-Request-Id`), for support requests.
    pub request_id: Option<String>,
    /// How long the server asked to wait (`Retry-After`), if it said.
    pub retry_after: Option<Duration>,
    /// The request was a write (`POST`, `PATCH`) and the status (5xx) does not say it was
    /// refused: it may have been applied (see [`Error::is_write_maybe_applied`]).
    pub write_maybe_applied: bool,
    /// The body as received, cut after 64 KiB. Behind one thin pointer so that `Error` stays
    /// small enough to return by value.
    body: std::sync::Arc<Vec<u8>>,
}

/// The longest body snippet an [`ApiError`] or [`DecodeError`] keeps, in bytes.
pub(crate) const SNIPPET_LIMIT: usize = 512;

impl ApiError {
    /// The HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Twilio's error code.
    pub fn code(&self) -> Option<i64> {
        self.code
    }

    /// The error message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The documentation link.
    pub fn more_info(&self) -> Option<&str> {
        self.more_info.as_deref()
    }

    /// The response body as received (the first 64 KiB of it): Twilio's JSON error, a
    /// problem document, or whatever a proxy sent.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// The body decoded as `T` (an operation's documented error schema), or `None` if it is not
    /// JSON of that shape (or was longer than the 64 KiB kept).
    pub fn decode_body<T: DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_slice(&self.body).ok()
    }

    /// Reads an error body; never fails (unparseable bodies fall back to a snippet).
    pub(crate) fn from_body(
        status: u16,
        body: Vec<u8>,
        request_id: Option<String>,
        retry_after: Option<Duration>,
    ) -> Self {
        let mut error = ApiError {
            status,
            code: None,
            message: String::new(),
            more_info: None,
            request_id,
            retry_after,
            write_maybe_applied: false,
            body: std::sync::Arc::new(body),
        };
        if let Ok(serde_json::Value::Object(fields)) =
            serde_json::from_slice::<serde_json::Value>(&error.body)
        {
            let text = |key: &str| {
                fields
                    .get(key)
                    .and_then(|v| v.as_str())
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
            };
            error.code = fields.get("code").and_then(|code| match code {
                serde_json::Value::Number(n) => n.as_i64(),
                serde_json::Value::String(s) => s.trim().parse().ok(),
                _ => None,
            });
            // SCIM errors have `detail` and, without it, only their `scimType` keyword; their
            // `status` is a string, and the HTTP status stays the one reported.
            if let Some(message) = text("message")
                .or_else(|| text("detail"))
                .or_else(|| text("title"))
                .or_else(|| text("scimType"))
            {
                error.message = message.to_owned();
            }
            error.more_info = text("more_info")
                .or_else(|| text("moreInfo"))
                .or_else(|| text("type").filter(|t| *t != "about:blank"))
                .map(str::to_owned);
        }
        if error.message.is_empty() {
            error.message = snippet(&error.body).unwrap_or_else(|| reason(status).to_owned());
        }
        error
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The body is summarised: it may be 64 KiB, and `body()` gives it whole.
        f.debug_struct("ApiError")
            .field("status", &self.status)
            .field("code", &self.code)
            .field("message", &self.message)
            .field("more_info", &self.more_info)
            .field("request_id", &self.request_id)
            .field("retry_after", &self.retry_after)
            .field("write_maybe_applied", &self.write_maybe_applied)
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .finish()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Twilio API error: HTTP {}", self.status)?;
        if let Some(code) = self.code {
            write!(f, ", code {code}")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(more_info) = &self.more_info {
            write!(f, " (see {more_info})")?;
        }
        Ok(())
    }
}

/// A response the spec calls a success whose content is not what it describes: a body that
/// does not decode or is too large, a next-page link that cannot be followed, or a redirect
/// without `Location`.
///
/// Neither `Display` nor `Debug` shows response values: the message names the kind of value
/// found (`invalid type: string, expected u32`), not the value, and `Debug` leaves out the
/// snippet, since a response holds personal data. The snippet is still there to read.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodeError {
    /// The operation (`FetchSession`).
    pub operation: &'static str,
    /// The HTTP status of the response.
    pub status: u16,
    /// Where in the JSON the problem is (`sessions[0].date_created`; `.` for the top level).
    pub path: String,
    /// What is wrong there: the kind of value found, never the value.
    pub message: String,
    /// The start of the body, at most 512 bytes. Not printed by `Debug` or `Display`.
    pub snippet: Option<String>,
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DecodeError")
            .field("operation", &self.operation)
            .field("status", &self.status)
            .field("path", &self.path)
            .field("message", &self.message)
            .field(
                "snippet",
                &self.snippet.as_ref().map(|_| crate::redact::Redacted),
            )
            .finish()
    }
}

impl DecodeError {
    pub(crate) fn new(
        operation: &'static str,
        status: u16,
        path: String,
        message: String,
        body: &[u8],
    ) -> Self {
        DecodeError {
            operation,
            status,
            path,
            message: without_values(&message),
            snippet: snippet(body),
        }
    }

    /// A problem with the body as a whole (path `.`): not JSON, too large, not the answer
    /// the operation expects.
    pub(crate) fn of_body(
        operation: &'static str,
        status: u16,
        message: String,
        body: &[u8],
    ) -> Self {
        DecodeError::new(operation, status, ".".to_owned(), message, body)
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not decode the {} response (HTTP {}) at `{}`: {}",
            self.operation, self.status, self.path, self.message
        )
    }
}

/// A serde message without the response value it quotes: serde writes what it found as
/// ``string "…"``, ``integer `…` ``, ``floating point `…` ``, ``character `…` `` or
/// ``unknown variant `…` ``, and that value may be personal data. The kind of value stays.
pub(crate) fn without_values(message: &str) -> String {
    const QUOTED: [(&str, char); 5] = [
        ("string \"", '"'),
        ("integer `", '`'),
        ("floating point `", '`'),
        ("character `", '`'),
        ("unknown variant `", '`'),
    ];
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    'scan: while !rest.is_empty() {
        for (opening, close) in QUOTED {
            if let Some(after) = rest.strip_prefix(opening) {
                out.push_str(&opening[..opening.len() - 2]);
                // Skip to the closing quote; `"` may be escaped inside a string.
                let mut escaped = false;
                let end = after.char_indices().find(|&(_, c)| {
                    let closes = c == close && !escaped;
                    escaped = c == '\\' && !escaped;
                    closes
                });
                rest = match end {
                    Some((at, c)) => &after[at + c.len_utf8()..],
                    None => "",
                };
                continue 'scan;
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
}

/// The start of a body as text, at most [`SNIPPET_LIMIT`] bytes, cut at a character boundary.
pub(crate) fn snippet(body: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(&body[..body.len().min(SNIPPET_LIMIT)]);
    let text = text.trim_end_matches('\u{FFFD}').trim();
    if text.is_empty() {
        return None;
    }
    let mut out = text.to_owned();
    if body.len() > SNIPPET_LIMIT {
        out.push('…');
    }
    Some(out)
}

fn reason(status: u16) -> &'static str {
    reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("unknown status")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_messages_name_the_kind_of_value_but_not_the_value() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        enum Closed {
            Known,
        }
        fn message<T: DeserializeOwned + fmt::Debug>(json: &str) -> String {
            let error = serde_json::from_str::<T>(json).unwrap_err().to_string();
            DecodeError::new("FetchThing", 200, ".".to_owned(), error, json.as_bytes()).message
        }
        let cases = [
            (
                message::<u32>(r#""alice \"the\" secret""#),
                "invalid type: string, expected u32",
            ),
            (
                message::<String>("4111111111111111"),
                "invalid type: integer, expected a string",
            ),
            (
                message::<String>("-41.5"),
                "invalid type: floating point, expected a string",
            ),
            (
                message::<Closed>(r#""alice""#),
                "unknown variant, expected `Known`",
            ),
        ];
        for (message, start) in cases {
            assert!(message.starts_with(start), "{message}");
            for value in ["alice", "secret", "4111", "41.5"] {
                assert!(!message.contains(value), "{message}");
            }
        }
        assert_eq!(without_values("missing field `id`"), "missing field `id`");
        assert_eq!(without_values("cut string \"ab"), "cut string");

        let error = DecodeError::new(
            "FetchThing",
            200,
            ".".to_owned(),
            "x".to_owned(),
            br#"{"identity": "alice@example.com"}"#,
        );
        assert!(
            error.snippet.as_deref().unwrap().contains("alice"),
            "kept to read"
        );
        assert!(!format!("{error:?} {error}").contains("alice"), "{error:?}");
    }

    #[test]
    fn error_bodies_are_kept_and_scim_errors_read() {
        let body = br#"{"schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
            "detail": "User U1 not found", "status": "404", "scimType": "invalidValue"}"#;
        let error = ApiError::from_body(404, body.to_vec(), None, None);
        assert_eq!(error.status(), 404);
        assert_eq!(error.message(), "User U1 not found");
        assert_eq!(error.code(), None);
        assert_eq!(error.body(), body);
        let fields: serde_json::Value = error.decode_body().unwrap();
        assert_eq!(fields["scimType"], "invalidValue");
        assert_eq!(error.decode_body::<Vec<u8>>(), None);

        let keyword_only = br#"{"schemas": [], "status": "409", "scimType": "uniqueness"}"#;
        let error = ApiError::from_body(409, keyword_only.to_vec(), None, None);
        assert_eq!((error.status(), error.message()), (409, "uniqueness"));

        let html = ApiError::from_body(502, b"<html>bad gateway</html>".to_vec(), None, None);
        assert_eq!(html.body(), b"<html>bad gateway</html>");
        assert_eq!(html.decode_body::<serde_json::Value>(), None);
        let debug = format!("{html:?}");
        assert!(debug.contains("body: <24 bytes>"), "{debug}");
    }
}
