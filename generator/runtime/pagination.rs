//! Following list pages: `.pages()` yields each page, `.stream()` each item.
//!
//! The next page is the page's `meta.next_page_url`, but only its path and query are used: they
//! are sent to the origin the client is configured for (the API's host, or the base URL), never
//! to the host written in the URL, so credentials cannot leak to another host and mocks and
//! proxies keep working. Paging stops when the next URL is missing, empty or one already
//! fetched, and item streams stop at their `limit` without fetching further pages.

use std::collections::HashSet;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use futures_util::{StreamExt as _, TryStreamExt as _};
use serde::de::DeserializeOwned;

use crate::runtime::client::Client;
use crate::runtime::error::Error;
use crate::runtime::request::Request;

/// One page of a list: its items and the link to the next page.
pub trait Page: DeserializeOwned + Send + 'static {
    /// The type of the listed items.
    type Item: Send + 'static;

    /// The URL of the next page, if there is one.
    fn next_page_url(&self) -> Option<&str>;

    /// The items on this page.
    fn into_items(self) -> Vec<Self::Item>;
}

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
    next: Option<Request>,
    fetched: HashSet<String>,
}

/// Pages starting with `first` (an argument error is yielded as the first item).
pub(crate) fn pages<P: Page>(client: Client, first: Result<Request, Error>) -> PageStream<P> {
    let start = first.map(|request| Cursor {
        client,
        next: Some(request),
        fetched: HashSet::new(),
    });
    let inner = futures_util::stream::try_unfold(Some(start), |state| async move {
        let mut cursor = match state {
            None => return Ok(None),
            Some(Err(error)) => return Err(error),
            Some(Ok(cursor)) => cursor,
        };
        let Some(request) = cursor.next.take() else {
            return Ok(None);
        };
        cursor.fetched.insert(request.path_and_query());
        let page: P = cursor.client.execute(&request).await?;
        cursor.next = page
            .next_page_url()
            .and_then(|next| request.for_next_page(next))
            .filter(|next| !cursor.fetched.contains(&next.path_and_query()));
        Ok(Some((page, Some(Ok(cursor)))))
    });
    PageStream {
        inner: Box::pin(inner),
    }
}

/// Items across pages, stopping after `limit` items if given.
pub(crate) fn items<P: Page>(
    client: Client,
    first: Result<Request, Error>,
    limit: Option<usize>,
) -> ItemStream<P::Item> {
    let items = pages::<P>(client, first)
        .map_ok(|page| futures_util::stream::iter(page.into_items().into_iter().map(Ok)))
        .try_flatten();
    let inner: Pin<Box<dyn Stream<Item = Result<P::Item, Error>> + Send>> = match limit {
        Some(limit) => Box::pin(items.take(limit)),
        None => Box::pin(items),
    };
    ItemStream { inner }
}
