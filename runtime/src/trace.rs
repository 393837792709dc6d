//! `tracing` output, with the `tracing` feature: one span per call (`twilio_api` target,
//! name `request`) holding the operation id, the method and the path template (never the
//! filled path, whose arguments may be personal data), then the final status, the number of
//! attempts and the duration; each retry is an event inside it. Credentials, arguments and
//! bodies are never recorded. Without the feature every function here compiles to nothing.

use std::future::Future;
use std::time::Duration;

use crate::error::Error;
#[cfg(feature = "tracing")]
use crate::error::TransportErrorKind;

/// One call as traced: the span (with the feature) and when it started.
pub(crate) struct Call {
    #[cfg(feature = "tracing")]
    span: tracing::Span,
    #[cfg(feature = "tracing")]
    started: std::time::Instant,
}

impl Call {
    /// Opens the span of a call to `operation` (`GET /v1/Sessions/{id}`).
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    pub(crate) fn start(
        operation: &'static str,
        method: &str,
        path_template: &'static str,
    ) -> Call {
        Call {
            #[cfg(feature = "tracing")]
            span: tracing::info_span!(
                target: "twilio_api",
                "request",
                operation,
                method,
                path = path_template,
                status = tracing::field::Empty,
                attempts = tracing::field::Empty,
                duration_ms = tracing::field::Empty,
                error = tracing::field::Empty,
            ),
            #[cfg(feature = "tracing")]
            started: std::time::Instant::now(),
        }
    }

    /// Runs `future` inside the span.
    pub(crate) fn within<F: Future>(&self, future: F) -> impl Future<Output = F::Output> {
        #[cfg(feature = "tracing")]
        {
            tracing::Instrument::instrument(future, self.span.clone())
        }
        #[cfg(not(feature = "tracing"))]
        {
            future
        }
    }

    /// Records a retry: which attempt failed, how, and how long the client waits.
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    pub(crate) fn retrying(&self, failed_attempt: u32, error: &Error, delay: Duration) {
        #[cfg(feature = "tracing")]
        tracing::info!(
            target: "twilio_api",
            parent: &self.span,
            attempt = failed_attempt + 1,
            status = error.status(),
            error = kind(error),
            delay_ms = delay.as_millis() as u64,
            "retrying"
        );
    }

    /// Records how the call ended: its status (or the kind of error), attempts and duration.
    #[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
    pub(crate) fn finish(&self, attempts: u32, status: Result<u16, &Error>) {
        #[cfg(feature = "tracing")]
        {
            match status {
                Ok(status) => {
                    self.span.record("status", status);
                }
                Err(error) => {
                    if let Some(status) = error.status() {
                        self.span.record("status", status);
                    }
                    self.span.record("error", kind(error));
                }
            }
            self.span.record("attempts", attempts);
            self.span
                .record("duration_ms", self.started.elapsed().as_millis() as u64);
        }
    }
}

/// The kind of an error, as traced: never its message, which may quote the server's text.
#[cfg(feature = "tracing")]
fn kind(error: &Error) -> &'static str {
    match error {
        Error::Config(_) => "config",
        Error::InvalidArgument(_) => "invalid_argument",
        Error::Auth(_) => "auth",
        Error::Transport(transport) => match transport.kind {
            TransportErrorKind::Connect => "connect",
            TransportErrorKind::Timeout => "timeout",
            TransportErrorKind::Body => "body",
            TransportErrorKind::Other => "transport",
        },
        Error::Api(_) => "api",
        Error::Decode(_) => "decode",
    }
}
