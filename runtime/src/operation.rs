//! What every generated request builder has in common, written once here: sending it and, for
//! a list, walking its pages. A builder says only how its inputs make a request
//! ([`Operation::request`]) and how its answer is read ([`Operation::Response`]); its public
//! `send`, `stream` and `pages` are one-line calls into [`send`] and [`ListOperation`], so a
//! user needs no import to call them.

use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use serde::de::DeserializeOwned;

use crate::client::Client;
use crate::error::Error;
use crate::pagination::{self, ItemStream, Page, PageStream};
use crate::request::{Redirect, Request};

/// How a successful answer is read: a JSON body ([`Json`]), nothing ([`NoContent`]), a redirect
/// ([`Location`], [`RedirectWith`]), or an operation's own enum of statuses.
pub trait Receive {
    /// What `send` returns.
    type Output: Send;

    /// Sends `request` through `client` and reads the answer.
    fn receive(
        client: &Client,
        request: &Request,
    ) -> impl Future<Output = Result<Self::Output, Error>> + Send;
}

/// A JSON body, decoded into `T`.
#[derive(Debug)]
pub struct Json<T>(PhantomData<fn() -> T>);

impl<T: DeserializeOwned + Send> Receive for Json<T> {
    type Output = T;

    fn receive(
        client: &Client,
        request: &Request,
    ) -> impl Future<Output = Result<T, Error>> + Send {
        client.execute(request)
    }
}

/// A success without a body to read (`204 No Content`, or a body the spec does not describe).
#[derive(Debug)]
pub struct NoContent;

impl Receive for NoContent {
    type Output = ();

    fn receive(
        client: &Client,
        request: &Request,
    ) -> impl Future<Output = Result<(), Error>> + Send {
        client.execute_empty(request)
    }
}

/// A redirect, never followed: its `Location`.
#[derive(Debug)]
pub struct Location;

impl Receive for Location {
    type Output = String;

    fn receive(
        client: &Client,
        request: &Request,
    ) -> impl Future<Output = Result<String, Error>> + Send {
        client.execute_redirect(request)
    }
}

/// A redirect with a documented body, never followed: its status, `Location` and body.
#[derive(Debug)]
pub struct RedirectWith<T>(PhantomData<fn() -> T>);

impl<T: DeserializeOwned + Send> Receive for RedirectWith<T> {
    type Output = Redirect<T>;

    fn receive(
        client: &Client,
        request: &Request,
    ) -> impl Future<Output = Result<Redirect<T>, Error>> + Send {
        client.execute_redirect_body(request)
    }
}

/// A request builder of a generated operation.
pub trait Operation: Sized + Send {
    /// How its successful answer is read.
    type Response: Receive;

    /// The client it is sent through.
    fn client(&self) -> &Client;

    /// Checks the inputs and assembles the request; a refused input fails here, before
    /// anything is sent.
    fn request(&self) -> Result<Request, Error>;
}

/// Sends the request `operation` makes and reads the answer: what each builder's `send` returns.
/// A free function rather than a provided method, which the compiler checks more cheaply at
/// each of the hundreds of builders that call it.
pub fn send<O: Operation + 'static>(
    operation: O,
) -> ResponseFuture<<O::Response as Receive>::Output> {
    ResponseFuture {
        inner: Box::pin(async move {
            let request = operation.request()?;
            O::Response::receive(operation.client(), &request).await
        }),
    }
}

/// A request on its way, as every builder's `send` returns it: `.await` it for the decoded
/// answer. Nothing is sent until it is first polled.
///
/// A named type rather than an `impl Future`, so that it can be stored or returned; boxed, one
/// allocation per request, so that a crate of hundreds of operations does not make the
/// compiler check a future of its own for each.
#[must_use = "a request is only sent when its future is awaited or polled"]
pub struct ResponseFuture<T> {
    inner: Pin<Box<dyn Future<Output = Result<T, Error>> + Send>>,
}

impl<T> Future for ResponseFuture<T> {
    type Output = Result<T, Error>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.inner.as_mut().poll(cx)
    }
}

impl<T> fmt::Debug for ResponseFuture<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseFuture").finish_non_exhaustive()
    }
}

/// A request builder of a list operation, whose answer is one page of `Page`.
pub trait ListOperation: Operation {
    /// One page of the list.
    type Page: Page;

    /// The query parameter a token page's token is sent back in (`PageToken`), for lists
    /// paged by token.
    const TOKEN_PARAM: Option<&'static str> = None;

    /// The number of items after which [`stream`](Self::stream) ends, if the caller set one.
    fn limit(&self) -> Option<usize>;

    /// Makes pages no larger than `limit` when the caller chose no page size; a list without a
    /// page size input keeps the server's.
    fn fit_page_size(&mut self, limit: usize) {
        let _ = limit;
    }

    /// Every item across pages, fetched lazily, ending after [`limit`](Self::limit) items.
    fn stream(mut self) -> ItemStream<<Self::Page as Page>::Item> {
        let limit = self.limit();
        if let Some(limit) = limit {
            self.fit_page_size(limit);
        }
        let request = self.request();
        pagination::items::<Self::Page>(self.client().clone(), request, Self::TOKEN_PARAM, limit)
    }

    /// Every page, fetched lazily.
    fn pages(self) -> PageStream<Self::Page> {
        let request = self.request();
        pagination::pages::<Self::Page>(self.client().clone(), request, Self::TOKEN_PARAM)
    }
}

/// The account an `{AccountSid}` path is for: the one the caller named with the input
/// `name`, else the client's own. A client built with a bearer token only has no account, and
/// then the caller must name one: an error before anything is sent.
pub fn account_sid<'a>(
    name: &'static str,
    client: &'a Client,
    given: Option<&'a str>,
) -> Result<&'a str, Error> {
    match given {
        Some(account) => Ok(account),
        None if !client.account_sid().is_empty() => Ok(client.account_sid()),
        None => Err(Error::invalid_argument(
            name,
            format!(
                "is needed: this client has no account SID (it was built with a bearer token \
                 only); name the account with `.{name}(..)` or build the client with \
                 `.account_sid(..)`"
            ),
        )),
    }
}

/// The page size that fetches no more than `limit` items, within the API's largest page
/// (`max`), as the page size input's integer type.
pub fn page_size_for<T: TryFrom<usize>>(limit: usize, max: usize) -> Option<T> {
    T::try_from(limit.clamp(1, max)).ok()
}

#[cfg(test)]
mod tests {
    use super::page_size_for;

    #[test]
    fn page_size_fits_the_limit_within_bounds() {
        assert_eq!(page_size_for::<u64>(20, 1000), Some(20));
        assert_eq!(page_size_for::<u64>(5000, 1000), Some(1000));
        // A limit of zero still asks for one item per page: zero is refused by Twilio.
        assert_eq!(page_size_for::<u64>(0, 1000), Some(1));
        assert_eq!(page_size_for::<i8>(300, usize::MAX), None);
    }
}
