//! The hand-written part of the client: configuration, HTTP, authentication, retries,
//! pagination and errors. The generator copies these files verbatim into every crate it
//! writes; the generated modules call into them.

pub(crate) mod check;
pub(crate) mod client;
// Which values a crate writes as text depends on its specs' parameters.
#[allow(dead_code)]
pub(crate) mod encode;
// Unused by crates whose specs have no enum.
#[allow(unused_macros, unused_imports, dead_code)]
pub(crate) mod enums;
pub(crate) mod error;
// Entry points for the fuzz targets, re-exported hidden as `__fuzz`.
pub mod fuzz;
pub(crate) mod id;
// Unused by crates whose specs have no list operation.
#[allow(dead_code)]
pub(crate) mod pagination;
// Unused by crates whose specs mark no personal data.
#[allow(dead_code)]
pub(crate) mod redact;
pub(crate) mod request;
pub(crate) mod retry;
pub(crate) mod tls;
pub(crate) mod trace;
// Unused by crates whose models have no optional URL, timestamp or date.
#[allow(dead_code)]
pub(crate) mod wire;
