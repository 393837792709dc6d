//! What the runtime's integration tests share: requests built as generated code builds them,
//! a client for a loopback server, and the fault-injecting server.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // Test support.

pub mod faults;

use std::time::Duration;

use reqwest::Method;
use twilio_api_runtime::pagination::{NextPage, Page};
use twilio_api_runtime::request::{Api, Request, Scheme};
use twilio_api_runtime::{Client, ClientBuilder};

pub const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
pub const AUTH_TOKEN: &str = "s3cr3t-auth-token";

/// The API the fault server plays.
pub static API: Api = Api {
    scheme: "https",
    host: "api.twilio.com",
    base_path: "/v1",
    security: &[Scheme::Basic],
};

/// A builder for `base_url` with credentials and retries that wait milliseconds.
pub fn builder(base_url: &str) -> ClientBuilder {
    Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .base_url(base_url)
        .retry_backoff(Duration::from_millis(1), Duration::from_millis(10))
}

/// `GET /v1/Things/{marker}?Marker={marker}`: a read.
pub fn fetch(marker: &str) -> Request {
    let mut request = Request::new(&API, Method::GET, "FetchThing", "/Things/{Sid}");
    request.path("/Things/");
    request.path_param("Sid", marker).unwrap();
    request.query("Marker", marker);
    request
}

/// `POST /v1/Things` with the form `Marker={marker}&Body=hello`: a write (a message sent).
pub fn create(marker: &str) -> Request {
    let mut request = Request::new(&API, Method::POST, "CreateThing", "/Things");
    request.path("/Things");
    request.form("Marker", marker);
    request.form("Body", "hello");
    request
}

/// `GET /v1/Lists?Marker={marker}&Page=0`: the first page of a list.
pub fn list(marker: &str) -> Request {
    let mut request = Request::new(&API, Method::GET, "ListThings", "/Lists");
    request.path("/Lists");
    request.query("Marker", marker);
    request.query("Page", "0");
    request
}

/// A page of `/v1/Lists`, linked by Twilio's `next_page_uri`.
#[derive(Debug, serde::Deserialize)]
pub struct ListPage {
    pub items: Vec<String>,
    pub next_page_uri: Option<String>,
}

impl Page for ListPage {
    type Item = String;
    fn next_page(&self) -> Option<NextPage<'_>> {
        self.next_page_uri.as_deref().map(NextPage::Url)
    }
    fn into_items(self) -> Vec<String> {
        self.items
    }
}

/// `{"sid": …}`, what `fetch` and `create` answer.
#[derive(Debug, serde::Deserialize)]
pub struct Thing {
    pub sid: String,
}
