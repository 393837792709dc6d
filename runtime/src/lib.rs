//! The hand-written runtime of the `twilio-api` client: configuration, HTTP, authentication,
//! retries, pagination and errors. Generated crates depend on it and re-export its public
//! surface, so users name only `twilio-api`; the modules marked hidden are what generated code
//! calls, not an API of their own, and may change in any release.

#![forbid(unsafe_code)]

mod api_client;
#[doc(hidden)]
pub mod check;
#[doc(hidden)]
pub mod client;
#[doc(hidden)]
pub mod encode;
#[doc(hidden)]
pub mod enums;
#[doc(hidden)]
pub mod error;
/// Entry points for the fuzz targets, re-exported hidden by generated crates as `__fuzz`.
#[doc(hidden)]
pub mod fuzz;
#[doc(hidden)]
pub mod id;
#[cfg(feature = "jwt")]
pub mod jwt;
#[doc(hidden)]
pub mod object;
#[doc(hidden)]
pub mod operation;
#[doc(hidden)]
pub mod page;
#[doc(hidden)]
pub mod pagination;
#[doc(hidden)]
pub mod redact;
#[doc(hidden)]
pub mod request;
mod retry;
mod tls;
mod trace;
#[cfg(feature = "twiml")]
pub mod twiml;
#[cfg(feature = "webhook")]
pub mod webhook;
#[doc(hidden)]
pub mod wire;

pub use client::{Client, ClientBuilder, DEFAULT_TIMEOUT, TokenFuture, TokenSource};
pub use enums::{HttpMethod, UnknownValue};
pub use error::{
    ApiError, AuthError, ConfigError, DecodeError, Error, InvalidArgument, TransportError,
    TransportErrorKind,
};
pub use id::{Id, ParseIdError};
pub use operation::ResponseFuture;
pub use pagination::{ItemStream, MAX_EMPTY_PAGES, NextPage, Page, PageStream};
pub use request::Redirect;
pub use tls::http_client_builder;
