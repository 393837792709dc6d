//! Following list pages: `.pages()` yields each page, `.stream()` each item.
//!
//! Each page says where the next one is ([`Page::next_page`]), in one of two ways:
//! - a URL (`meta.next_page_url`, or Twilio's relative `next_page_uri`): only its path and query
//!   are used, sent to the origin the client is configured for (the API's host, or the base
//!   URL), never to the host written in the URL, so credentials cannot leak to another host and
//!   mocks and proxies keep working;
//! - a token: the first request is sent again with the token in its query parameter.
//!
//! Paging stops when the next page is missing, empty or one already fetched, and item streams
//! stop at their `limit` without fetching further pages. A next-page link that is not an
//! http(s) URL or a path (`file:`, `javascript:`, a link with line breaks or other control
//! characters, one that does not parse) ends the stream with an [`Error::Decode`] after the
//! page's items: nothing is requested for it, and the caller learns that the list is not whole.
//!
//! A server whose pages are all empty and each link to a fresh next page would keep an item
//! stream fetching forever, `limit` or not (no item ever counts towards it): after
//! [`MAX_EMPTY_PAGES`] empty pages in a row that still link onward, an item stream ends with
//! an [`Error::Decode`] instead of fetching more. A page stream (`.pages()`) yields every page,
//! empty ones too, to a caller who sees them and decides.

use std::collections::HashSet;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use futures_util::{StreamExt as _, TryStreamExt as _};

use crate::client::Client;
use crate::error::Error;
pub use crate::page::{NextPage, Page};
use crate::request::Request;

/// How many empty pages in a row an item stream follows before it stops with an
/// [`Error::Decode`] (see the module docs); the empty pages before a page with items, or
/// before the last page, are followed as any page.
pub const MAX_EMPTY_PAGES: usize = 3;

/// A stream of pages, fetched one at a time as it is polled.
#[must_use = "streams do nothing unless polled"]
pub struct PageStream<P> {
    inner: Pin<Box<dyn Stream<Item = Result<P, Error>> + Send>>,
}

/// A stream of items across pages, fetched one page at a time as it is polled.
#[must_use = "streams do nothing unless polled"]
pub struct ItemStream<T> {
    inner: Pin<Box<dyn Stream<Item = Result<T, Error>> + Send>>,
}

impl<P> Stream for PageStream<P> {
    type Item = Result<P, Error>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}

impl<T> Stream for ItemStream<T> {
    type Item = Result<T, Error>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}

impl<P> std::fmt::Debug for PageStream<P> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PageStream")
    }
}

impl<T> std::fmt::Debug for ItemStream<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ItemStream")
    }
}

/// Where paging stands.
struct Cursor {
    client: Client,
    /// The list's first request, which token pages repeat.
    first: Request,
    /// The query parameter a token page's token is sent back in.
    token_param: Option<&'static str>,
    /// The next page to fetch, or why paging cannot go on (yielded after this page's items).
    next: Option<Result<Request, Error>>,
    fetched: HashSet<String>,
    /// Empty pages fetched in a row, when counted.
    empty_in_a_row: usize,
}

/// Pages starting with `first` (an argument error is yielded as the first item).
pub fn pages<P: Page>(
    client: Client,
    first: Result<Request, Error>,
    token_param: Option<&'static str>,
) -> PageStream<P> {
    PageStream {
        inner: Box::pin(walk(client, first, token_param, |page: P| page, |_| false)),
    }
}

/// Pages starting with `first`, each turned into a `T` by `convert`; paging stops with an
/// error after [`MAX_EMPTY_PAGES`] pages in a row that `is_empty` calls empty.
fn walk<P: Page, T: Send + 'static>(
    client: Client,
    first: Result<Request, Error>,
    token_param: Option<&'static str>,
    convert: fn(P) -> T,
    is_empty: fn(&T) -> bool,
) -> impl Stream<Item = Result<T, Error>> + Send {
    let start = first.map(|request| Cursor {
        client,
        first: request.clone(),
        token_param,
        next: Some(Ok(request)),
        fetched: HashSet::new(),
        empty_in_a_row: 0,
    });
    futures_util::stream::try_unfold(Some(start), move |state| async move {
        let mut cursor = match state {
            None => return Ok(None),
            Some(Err(error)) => return Err(error),
            Some(Ok(cursor)) => cursor,
        };
        let request = match cursor.next.take() {
            None => return Ok(None),
            Some(Err(error)) => return Err(error),
            Some(Ok(request)) => request,
        };
        cursor.fetched.insert(request.path_and_query());
        let raw = cursor.client.execute_raw(&request).await?;
        let operation = request.operation();
        let page: P = raw.decode(operation)?;
        let next = match page.next_page() {
            None => Ok(None),
            Some(next @ NextPage::Url(_)) => request.for_next_page(next, None),
            Some(next @ NextPage::Token(_)) => cursor.first.for_next_page(next, cursor.token_param),
        };
        cursor.next = match next {
            Ok(next) => next
                .filter(|next| !cursor.fetched.contains(&next.path_and_query()))
                .map(Ok),
            Err(problem) => Some(Err(raw.decode_error(operation, problem))),
        };
        let page = convert(page);
        cursor.empty_in_a_row = if is_empty(&page) {
            cursor.empty_in_a_row + 1
        } else {
            0
        };
        if cursor.empty_in_a_row >= MAX_EMPTY_PAGES && matches!(cursor.next, Some(Ok(_))) {
            cursor.next = Some(Err(raw.decode_error(
                operation,
                format!(
                    "{MAX_EMPTY_PAGES} empty pages in a row still link to a next page; paging \
                     stopped"
                ),
            )));
        }
        Ok(Some((page, Some(Ok(cursor)))))
    })
}

/// Items across pages, stopping after `limit` items if given.
pub fn items<P: Page>(
    client: Client,
    first: Result<Request, Error>,
    token_param: Option<&'static str>,
    limit: Option<usize>,
) -> ItemStream<P::Item> {
    let items = walk::<P, _>(client, first, token_param, P::into_items, Vec::is_empty)
        .map_ok(|items| futures_util::stream::iter(items.into_iter().map(Ok)))
        .try_flatten();
    let inner: Pin<Box<dyn Stream<Item = Result<P::Item, Error>> + Send>> = match limit {
        Some(limit) => Box::pin(items.take(limit)),
        None => Box::pin(items),
    };
    ItemStream { inner }
}

#[cfg(test)]
mod tests {
    use futures_util::{StreamExt as _, TryStreamExt as _};
    use reqwest::Method;
    use serde_json::json;
    use wiremock::matchers::{method, path, query_param};
    use wiremock::{Mock, MockServer, ResponseTemplate};

    use super::*;
    use crate::request::tests::{TEST_API, basic_client, received};

    /// A page that links to the next one with a token.
    #[derive(serde::Deserialize)]
    struct TokenPage {
        items: Vec<String>,
        next_token: Option<String>,
    }

    impl Page for TokenPage {
        type Item = String;
        fn next_page(&self) -> Option<NextPage<'_>> {
            self.next_token.as_deref().map(NextPage::Token)
        }
        fn into_items(self) -> Vec<String> {
            self.items
        }
    }

    /// A page that links to the next one with a URL, as Twilio's `next_page_uri` does.
    #[derive(serde::Deserialize)]
    struct UrlPage {
        items: Vec<String>,
        next_page_uri: Option<String>,
    }

    impl Page for UrlPage {
        type Item = String;
        fn next_page(&self) -> Option<NextPage<'_>> {
            self.next_page_uri.as_deref().map(NextPage::Url)
        }
        fn into_items(self) -> Vec<String> {
            self.items
        }
    }

    async fn serve(server: &MockServer, token: &str, body: serde_json::Value) {
        Mock::given(method("GET"))
            .and(query_param("PageToken", token))
            .respond_with(ResponseTemplate::new(200).set_body_json(body))
            .mount(server)
            .await;
    }

    fn queries(sent: &[wiremock::Request]) -> Vec<String> {
        sent.iter()
            .map(|r| format!("{}?{}", r.url.path(), r.url.query().unwrap_or("")))
            .collect()
    }

    #[tokio::test]
    async fn token_pages_repeat_the_first_request_with_the_new_token_only() {
        let server = MockServer::start().await;
        serve(
            &server,
            "start",
            json!({"items": ["a", "b"], "next_token": "t1"}),
        )
        .await;
        serve(
            &server,
            "t1",
            json!({"items": ["c", "d"], "next_token": "t2"}),
        )
        .await;
        // The last page points back at an earlier token: following it would loop.
        serve(&server, "t2", json!({"items": ["e"], "next_token": "t1"})).await;
        let mut first = Request::new(&TEST_API, Method::GET, "ListThings", "/test");
        first.path("/Things");
        first.query("PageSize", "2");
        first.query("PageToken", "start");
        let all: Vec<String> =
            items::<TokenPage>(basic_client(&server), Ok(first), Some("PageToken"), None)
                .try_collect()
                .await
                .unwrap();
        assert_eq!(all, ["a", "b", "c", "d", "e"]);
        assert_eq!(
            queries(&received(&server).await),
            [
                "/v1/Things?PageSize=2&PageToken=start",
                "/v1/Things?PageSize=2&PageToken=t1",
                "/v1/Things?PageSize=2&PageToken=t2",
            ]
        );
    }

    #[tokio::test]
    async fn relative_next_urls_are_fetched_from_the_clients_origin() {
        let server = MockServer::start().await;
        let page = |items: &[&str], next: serde_json::Value| {
            ResponseTemplate::new(200).set_body_json(json!({"items": items, "next_page_uri": next}))
        };
        Mock::given(path("/v1/Accounts/AC1/Calls.json"))
            .and(query_param("Page", "1"))
            .respond_with(page(&["b"], json!("Calls.json?Page=2&PageToken=p2")))
            .mount(&server)
            .await;
        Mock::given(path("/v1/Accounts/AC1/Calls.json"))
            .and(query_param("Page", "2"))
            .respond_with(page(&["c"], json!("")))
            .mount(&server)
            .await;
        Mock::given(path("/v1/Accounts/AC1/Calls.json"))
            .respond_with(page(
                &["a"],
                json!("/v1/Accounts/AC1/Calls.json?Page=1&PageToken=p1"),
            ))
            .mount(&server)
            .await;
        let mut first = Request::new(&TEST_API, Method::GET, "ListCall", "/test");
        first.path("/Accounts/AC1/Calls.json");
        let all: Vec<String> = items::<UrlPage>(basic_client(&server), Ok(first), None, None)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(all, ["a", "b", "c"]);
        assert_eq!(
            queries(&received(&server).await),
            [
                "/v1/Accounts/AC1/Calls.json?",
                "/v1/Accounts/AC1/Calls.json?Page=1&PageToken=p1",
                "/v1/Accounts/AC1/Calls.json?Page=2&PageToken=p2",
            ]
        );
    }

    /// Answers every page with no items and a link to a page never seen before.
    struct EmptyForever(std::sync::atomic::AtomicUsize);

    impl wiremock::Respond for EmptyForever {
        fn respond(&self, _: &wiremock::Request) -> ResponseTemplate {
            let n = self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            ResponseTemplate::new(200).set_body_json(
                json!({"items": [], "next_page_uri": format!("/v1/Things?Page={}", n + 1)}),
            )
        }
    }

    #[tokio::test]
    async fn empty_pages_with_fresh_links_end_an_item_stream() {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(EmptyForever(std::sync::atomic::AtomicUsize::new(0)))
            .mount(&server)
            .await;
        let first = || {
            let mut first = Request::new(&TEST_API, Method::GET, "ListThings", "/test");
            first.path("/Things");
            Ok(first)
        };
        for limit in [None, Some(5)] {
            let all: Vec<Result<String, Error>> =
                items::<UrlPage>(basic_client(&server), first(), None, limit)
                    .collect()
                    .await;
            assert!(
                matches!(&all[..], [Err(Error::Decode(e))] if e.message.contains("empty pages")),
                "{limit:?}: {all:?}"
            );
        }
        assert_eq!(received(&server).await.len(), 2 * MAX_EMPTY_PAGES);
        // A page stream hands each page over; the caller sees they are empty.
        let three: Vec<UrlPage> = pages::<UrlPage>(basic_client(&server), first(), None)
            .take(MAX_EMPTY_PAGES + 2)
            .try_collect()
            .await
            .unwrap();
        assert!(three.iter().all(|page| page.items.is_empty()));
    }

    #[tokio::test]
    async fn empty_pages_before_items_or_at_the_end_are_followed() {
        let server = MockServer::start().await;
        let page = |items: &[&str], next: Option<&str>| {
            ResponseTemplate::new(200).set_body_json(json!({"items": items, "next_page_uri": next}))
        };
        let pages = [
            (page(&[], Some("/v1/Things?Page=1")), "0"),
            (page(&[], Some("/v1/Things?Page=2")), "1"),
            (page(&["a"], Some("/v1/Things?Page=3")), "2"),
            (page(&[], Some("/v1/Things?Page=4")), "3"),
            (page(&[], Some("/v1/Things?Page=5")), "4"),
            (page(&[], None), "5"),
        ];
        for (template, number) in pages {
            Mock::given(query_param("Page", number))
                .respond_with(template)
                .mount(&server)
                .await;
        }
        let mut first = Request::new(&TEST_API, Method::GET, "ListThings", "/test");
        first.path("/Things");
        first.query("Page", "0");
        let all: Vec<String> = items::<UrlPage>(basic_client(&server), Ok(first), None, None)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(all, ["a"]);
        assert_eq!(received(&server).await.len(), 6);
    }

    #[tokio::test]
    async fn links_that_cannot_be_pages_end_the_stream_with_an_error_after_the_items() {
        let evil = MockServer::start().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"items": ["evil"]})))
            .mount(&evil)
            .await;
        let evil_host = evil.address().to_string();
        for link in [
            format!("ftp://{evil_host}/v1/Things?Page=2"),
            format!("file://{evil_host}/etc/passwd"),
            "javascript:alert(1)".to_owned(),
            "Things?Page=2\r\nX-Injected: 1".to_owned(),
            "Things?Page=\t2".to_owned(),
            format!("http://[{evil_host}/v1/Things"),
        ] {
            let server = MockServer::start().await;
            Mock::given(method("GET"))
                .respond_with(
                    ResponseTemplate::new(200)
                        .set_body_json(json!({"items": ["a"], "next_page_uri": link})),
                )
                .mount(&server)
                .await;
            let mut first = Request::new(&TEST_API, Method::GET, "ListThings", "/test");
            first.path("/Things");
            let all: Vec<Result<String, Error>> =
                items::<UrlPage>(basic_client(&server), Ok(first), None, None)
                    .collect()
                    .await;
            assert_eq!(all.len(), 2, "{link}: {all:?}");
            assert_eq!(all[0].as_deref().ok(), Some("a"), "{link}");
            assert!(
                matches!(&all[1], Err(Error::Decode(e)) if e.operation == "ListThings"
                    && e.status == 200 && e.message.contains("next-page link")),
                "{link}: {all:?}"
            );
            assert_eq!(received(&server).await.len(), 1, "{link}");
        }
        assert!(received(&evil).await.is_empty());
    }
}
