//! Builds the HTTP client. With the default `rustls-ring` feature, TLS is rustls with the
//! `ring` crypto provider handed to this client only (nothing is installed process-wide, so an
//! application's own rustls setup is left alone) and the platform's certificate verifier.

use crate::error::Error;

/// How long connecting (TCP and TLS) may take.
const CONNECT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// A `reqwest::ClientBuilder` with this crate's TLS set up (with the default `rustls-ring`
/// feature: rustls and the `ring` provider) and redirects never followed. Start from it to
/// build a `reqwest::Client` to share with
/// [`ClientBuilder::http_client`](crate::ClientBuilder::http_client): reqwest's own
/// `Client::builder()` would need a process-wide crypto provider, and follows redirects.
pub fn http_client_builder() -> Result<reqwest::ClientBuilder, Error> {
    let builder = reqwest::Client::builder()
        .connect_timeout(CONNECT_TIMEOUT)
        .pool_idle_timeout(std::time::Duration::from_secs(90))
        // A followed redirect would take the credentials to wherever it points; a 3xx is
        // an error, or for operations that answer with one, their result.
        .redirect(reqwest::redirect::Policy::none());
    #[cfg(feature = "rustls-ring")]
    let builder = {
        use rustls_platform_verifier::BuilderVerifierExt as _;
        let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
        let tls = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .and_then(|config| config.with_platform_verifier())
            .map_err(|e| Error::config(format!("could not set up TLS: {e}")))?
            .with_no_client_auth();
        builder.tls_backend_preconfigured(tls)
    };
    Ok(builder)
}

pub(crate) fn http_client() -> Result<reqwest::Client, Error> {
    http_client_builder()?
        .build()
        .map_err(|e| Error::config(format!("could not build the HTTP client: {e}")))
}
