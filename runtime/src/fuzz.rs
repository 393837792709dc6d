//! Entry points for the fuzz targets (`fuzz/` in the generator's repository): the paths that
//! a server's bytes take through the client, callable without a server. Not part of the API:
//! hidden from the docs, and free to change in any release.

use std::time::{Duration, SystemTime};

use reqwest::Method;
use reqwest::header::HeaderValue;
use serde::de::DeserializeOwned;

use crate::error::{ApiError, Error};
use crate::page::NextPage;
use crate::request::{Api, Request, Scheme};

/// Decodes a success body as `T`, exactly as `send()` does (`Error::Decode` when it does not).
pub fn decode<T: DeserializeOwned>(status: u16, body: &[u8]) -> Result<T, Error> {
    crate::request::decode("Fuzz", status, body)
}

/// Reads an error body as the client does for an error status.
pub fn api_error(status: u16, body: &[u8]) -> ApiError {
    ApiError::from_body(status, body.to_vec(), None, None)
}

/// Reads a `Retry-After` header value as the client does (`None` when it is not one).
pub fn retry_after(value: &[u8], now: SystemTime) -> Option<Duration> {
    let value = HeaderValue::from_bytes(value).ok()?;
    crate::retry::parse_retry_after(&value, now)
}

/// The path and query the client would request for the page after a page of
/// `/v1/Things?PageSize=50` (whose token parameter is `PageToken`) that points to `next`:
/// `Ok(None)` when it stops paging, `Err` when it refuses the link.
pub fn next_page_path(next: NextPage<'_>) -> Result<Option<String>, String> {
    static API: Api = Api {
        scheme: "https",
        host: "api.twilio.com",
        base_path: "",
        security: &[Scheme::Basic],
    };
    let mut first = Request::new(&API, Method::GET, "Fuzz", "/v1/Things");
    first.path("/v1/Things");
    first.query("PageSize", "50");
    first
        .for_next_page(next, Some("PageToken"))
        .map(|request| request.map(|r| r.path_and_query()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_pages_are_paths_on_the_clients_origin() {
        let next = |url| next_page_path(NextPage::Url(url)).ok().flatten();
        assert_eq!(
            next("https://evil.example.com/v1/Things?Page=2").as_deref(),
            Some("/v1/Things?Page=2")
        );
        assert_eq!(next("Things?Page=3").as_deref(), Some("/v1/Things?Page=3"));
        // Found by the decode fuzz target: a URL of another scheme gave an empty path, so the
        // client asked for its host's root as the next page. Such links are refused.
        for link in ["lttps://www.example.com", "mailto:pages@example.com"] {
            assert!(next_page_path(NextPage::Url(link)).is_err(), "{link}");
        }
        let token = next_page_path(NextPage::Token("t&1"));
        assert_eq!(
            token.ok().flatten().as_deref(),
            Some("/v1/Things?PageSize=50&PageToken=t%261")
        );
    }
}
