//! The hand-written part of the client: configuration, HTTP, authentication, retries,
//! pagination and errors. The generator copies these files verbatim into every crate it
//! writes; the generated modules call into them.

pub(crate) mod check;
pub(crate) mod client;
pub(crate) mod enums;
pub(crate) mod error;
pub(crate) mod id;
pub(crate) mod pagination;
pub(crate) mod request;
pub(crate) mod retry;
mod tls;
