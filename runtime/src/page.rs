//! What a list page says of itself: its items and where the next page is. Requests follow
//! it ([`crate::request::Request::for_next_page`]) and the streams of [`crate::pagination`]
//! walk it; it depends on neither.

use serde::de::DeserializeOwned;

/// One page of a list: its items and where the next page is.
pub trait Page: DeserializeOwned + Send + 'static {
    /// The type of the listed items.
    type Item: Send + 'static;

    /// Where the next page is, if there is one.
    fn next_page(&self) -> Option<NextPage<'_>>;

    /// The items on this page.
    fn into_items(self) -> Vec<Self::Item>;
}

/// Where the page after a [`Page`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NextPage<'a> {
    /// A URL, absolute or relative to the page's own: its path and query are requested from
    /// the client's own origin.
    Url(&'a str),
    /// A token: the list's first request again, with the token in the list operation's
    /// token parameter (`PageToken`, replacing any value it had). The page says where its
    /// token is; the operation, where it goes, as two lists can share a page type.
    Token(&'a str),
}
