//! Tests of building, sending and reading requests, on loopback servers; the helpers here
//! are shared with other modules' tests.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::*;
use crate::client::{Client, ClientBuilder, TokenFuture, TokenSource};
use crate::error::Error;

pub const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
pub const AUTH_TOKEN: &str = "s3cr3t-auth-token";
pub const BEARER: &str = "s3cr3t-bearer-token";

static ASSISTANTS: Api = Api {
    scheme: "https",
    host: "assistants.twilio.com",
    base_path: "",
    security: &[Scheme::Basic],
};

/// An API whose operations take basic auth unless they say otherwise.
pub static TEST_API: Api = Api {
    scheme: "https",
    host: "api.twilio.com",
    base_path: "/v1",
    security: &[Scheme::Basic],
};

/// A builder sending to `server`, with retries that take milliseconds.
pub fn builder_for(server: &MockServer) -> ClientBuilder {
    Client::builder()
        .base_url(server.uri())
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(5))
}

/// A client for `server` with basic credentials.
pub fn basic_client(server: &MockServer) -> Client {
    builder_for(server)
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .build()
        .unwrap()
}

/// What `server` received, in order.
pub async fn received(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap_or_default()
}

fn header<'a>(request: &'a wiremock::Request, name: &str) -> Option<&'a str> {
    request.headers.get(name).map(|v| v.to_str().unwrap())
}

fn basic_header() -> String {
    use base64::Engine as _;
    let encoded =
        base64::engine::general_purpose::STANDARD.encode(format!("{ACCOUNT_SID}:{AUTH_TOKEN}"));
    format!("Basic {encoded}")
}

async fn answering(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

fn post(operation: &'static str) -> Request {
    let mut request = Request::new(&TEST_API, Method::POST, operation, "/test");
    request.path("/Sinks");
    request
}

fn url(client: &Client) -> String {
    let mut request = Request::new(&ASSISTANTS, Method::GET, "ListSessions", "/v1/Sessions");
    request.path("/v1/Sessions");
    request.query("PageSize", "50");
    client.url_for(&request).unwrap().to_string()
}

fn client(configure: impl FnOnce(ClientBuilder) -> ClientBuilder) -> Client {
    let builder = Client::builder().account_sid(ACCOUNT_SID).auth_token("t");
    configure(builder).build().unwrap()
}

mod build;
mod json_path;
mod response;
mod send;
