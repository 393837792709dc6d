//! A response read: bounded reading of the body, and decoding it into the operation's type.

use serde::de::DeserializeOwned;

use crate::error::{DecodeError, Error};

/// Error bodies are read up to this size; the rest is not needed to report the error.
pub(super) const ERROR_BODY_LIMIT: usize = 64 * 1024;

/// The answer of an operation whose only success is a redirect with a body: the client never
/// follows it (credentials stay on the configured origin), it hands over both parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Redirect<T> {
    /// The 3xx status.
    pub status: u16,
    /// The `Location` header, as sent (it may be relative), if there is one.
    pub location: Option<String>,
    /// The decoded body.
    pub body: T,
}

/// A success (2xx) response, read whole.
#[derive(Debug)]
pub struct RawResponse {
    pub status: u16,
    pub body: bytes::Bytes,
}

impl RawResponse {
    /// Decodes the JSON body as `T` (see [`decode`]).
    pub fn decode<T: DeserializeOwned>(&self, operation: &'static str) -> Result<T, Error> {
        decode(operation, self.status, &self.body)
    }

    /// A decode error about this response's content as a whole.
    pub fn decode_error(&self, operation: &'static str, message: String) -> Error {
        Error::Decode(DecodeError::of_body(
            operation,
            self.status,
            message,
            &self.body,
        ))
    }

    /// The error for a success status the spec does not document for this operation.
    pub fn unexpected_status(&self, operation: &'static str) -> Error {
        Error::Decode(DecodeError::of_body(
            operation,
            self.status,
            format!(
                "HTTP {} is not a documented success status of this operation",
                self.status
            ),
            &self.body,
        ))
    }
}

/// Reads at most `limit` bytes of a body, and stops there: the rest is never read (the
/// connection is closed rather than drained). On a read error, what arrived before it.
pub(super) async fn read_limited(
    mut response: reqwest::Response,
    limit: usize,
) -> (Vec<u8>, Option<reqwest::Error>) {
    let mut body = Vec::new();
    while body.len() < limit {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                body.extend_from_slice(&chunk[..chunk.len().min(limit - body.len())]);
            }
            Ok(None) => break,
            Err(error) => return (body, Some(error)),
        }
    }
    (body, None)
}

/// Why a success body was not read whole.
pub(super) enum Capped {
    Read(reqwest::Error),
    /// Longer than the limit (announced or read); the start of what was read, if any.
    TooLarge(Vec<u8>),
}

/// Reads a whole body of at most `limit` bytes. A `Content-Length` above the limit is refused
/// before reading; a body without one is read until it passes the limit, then dropped.
pub(super) async fn read_capped(
    mut response: reqwest::Response,
    limit: usize,
) -> Result<bytes::Bytes, Capped> {
    match response.content_length() {
        Some(length) if length > limit as u64 => return Err(Capped::TooLarge(Vec::new())),
        // hyper reads no more than the announced length, and fails if less arrives.
        Some(_) => return response.bytes().await.map_err(Capped::Read),
        None => {}
    }
    let mut body = bytes::BytesMut::new();
    while let Some(chunk) = response.chunk().await.map_err(Capped::Read)? {
        if chunk.len() > limit - body.len() {
            // Enough for the error's snippet (one byte more shows that it was cut).
            let keep = crate::error::SNIPPET_LIMIT + 1;
            let mut start = body.to_vec();
            start.truncate(keep);
            start.extend_from_slice(&chunk[..chunk.len().min(keep - start.len())]);
            return Err(Capped::TooLarge(start));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}

/// Decodes a JSON body. On failure the error names the JSON path of the bad value, found by
/// scanning the text before where serde_json stopped (`json_path`), so each response type's
/// `Deserialize` is compiled once, for serde_json alone.
pub fn decode<T: DeserializeOwned>(
    operation: &'static str,
    status: u16,
    body: &[u8],
) -> Result<T, Error> {
    serde_json::from_slice(body).map_err(|error| {
        let path = super::json_path::path_of(body, &error);
        Error::Decode(DecodeError::new(
            operation,
            status,
            path,
            error.to_string(),
            body,
        ))
    })
}
