//! The `Client` of a generated crate: this runtime's [`Client`](crate::Client) under the
//! generated crate's own name, so that each API's accessor (`client.assistants_v1()`) can be
//! an inherent method of it. Written once here; a generated crate calls [`api_client!`].

/// Defines `Client` and `ClientBuilder` at the root of a generated crate.
#[doc(hidden)]
#[macro_export]
macro_rules! api_client {
    () => {
        /// A Twilio API client.
        ///
        /// Build one with [`Client::builder`] or [`Client::from_env`], then reach each API
        /// through its accessor. Cloning is cheap: clones share one connection pool and one
        /// configuration, so clone freely into tasks. `Debug` never shows credentials.
        #[derive(Clone)]
        pub struct Client {
            inner: $crate::Client,
        }

        /// Configures a [`Client`]; see [`Client::builder`].
        pub type ClientBuilder = $crate::ClientBuilder<Client>;

        impl Client {
            /// Starts configuring a client.
            pub fn builder() -> ClientBuilder {
                $crate::ClientBuilder::for_crate(
                    ::std::env!("CARGO_PKG_NAME"),
                    ::std::env!("CARGO_PKG_VERSION"),
                )
            }

            /// A client configured from the environment: `TWILIO_ACCOUNT_SID` and
            /// `TWILIO_AUTH_TOKEN` (or `TWILIO_API_KEY` and `TWILIO_API_SECRET` instead of the
            /// token), and optionally `TWILIO_REGION` and `TWILIO_EDGE`.
            pub fn from_env() -> ::std::result::Result<Self, $crate::Error> {
                Self::builder().with_env_vars().build()
            }
        }

        impl ::std::convert::From<$crate::Client> for Client {
            fn from(inner: $crate::Client) -> Self {
                Client { inner }
            }
        }

        /// The runtime's client: configuration and the account this client acts for.
        impl ::std::ops::Deref for Client {
            type Target = $crate::Client;
            fn deref(&self) -> &$crate::Client {
                &self.inner
            }
        }

        impl ::std::fmt::Debug for Client {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Debug::fmt(&self.inner, f)
            }
        }
    };
}
