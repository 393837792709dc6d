//! Helpers shared by the client tests.

#![allow(dead_code, clippy::unwrap_used)] // Each test file uses some of these.

use base64::Engine as _;
use twilio_api::Client;
use wiremock::MockServer;

pub const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
pub const AUTH_TOKEN: &str = "s3cr3t-auth-token";

/// A client for `server` with fast retries, so retry tests take milliseconds.
pub fn client_for(server: &MockServer) -> Client {
    Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .base_url(server.uri())
        .retry_backoff(
            std::time::Duration::from_millis(1),
            std::time::Duration::from_millis(10),
        )
        .build()
        .unwrap()
}

/// The `Authorization` header value for basic auth.
pub fn basic(user: &str, password: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
    )
}

/// A JSON file from `tests/data/`.
pub fn data(name: &str) -> serde_json::Value {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// What the server received, in order.
pub async fn requests(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap_or_default()
}
