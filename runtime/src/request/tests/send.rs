//! Authentication: schemes, missing credentials, token sources.

use super::*;

#[tokio::test]
async fn schemes_pick_the_first_credential_the_client_has() {
    let server = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let both = builder_for(&server)
        .account_sid(ACCOUNT_SID)
        .auth_token(AUTH_TOKEN)
        .bearer_token(BEARER)
        .build()
        .unwrap();
    let bearer_only = builder_for(&server).bearer_token(BEARER).build().unwrap();
    assert_eq!(bearer_only.account_sid(), "");
    let basic_only = basic_client(&server);

    let api_default = Request::new(&TEST_API, Method::GET, "FetchThing", "/test");
    let mut bearer_op = api_default.clone();
    bearer_op.security(&[Scheme::Bearer]);
    let mut either = api_default.clone();
    either.security(&[Scheme::Bearer, Scheme::Basic]);
    let mut public = api_default.clone();
    public.security(&[]);

    both.execute_empty(&api_default).await.unwrap();
    both.execute_empty(&bearer_op).await.unwrap();
    both.execute_empty(&either).await.unwrap();
    basic_only.execute_empty(&either).await.unwrap();
    bearer_only.execute_empty(&either).await.unwrap();
    bearer_only.execute_empty(&public).await.unwrap();
    both.execute_empty(&public).await.unwrap();

    let sent = received(&server).await;
    let auth: Vec<Option<&str>> = sent.iter().map(|r| header(r, "authorization")).collect();
    let basic = basic_header();
    let bearer = format!("Bearer {BEARER}");
    assert_eq!(
        auth,
        [
            Some(basic.as_str()),
            Some(bearer.as_str()),
            Some(bearer.as_str()),
            Some(basic.as_str()),
            Some(bearer.as_str()),
            None,
            None,
        ]
    );
}

#[tokio::test]
async fn missing_credentials_for_an_operation_fail_before_sending() {
    let server = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let bearer_only = builder_for(&server).bearer_token(BEARER).build().unwrap();
    let error = bearer_only
        .execute_empty(&Request::new(&TEST_API, Method::GET, "FetchThing", "/test"))
        .await
        .unwrap_err();
    let Error::Config(config) = &error else {
        panic!("expected a configuration error, got {error:?}");
    };
    assert!(config.message.starts_with("FetchThing needs"), "{error}");
    assert!(config.message.contains(".auth_token(..)"), "{error}");

    let mut bearer_op = Request::new(&TEST_API, Method::GET, "CreateToken", "/test");
    bearer_op.security(&[Scheme::Bearer]);
    let error = basic_client(&server)
        .execute_empty(&bearer_op)
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Config(_)), "{error:?}");
    let message = error.to_string();
    assert!(message.contains("CreateToken needs"), "{message}");
    assert!(message.contains(".token_source(..)"), "{message}");
    assert!(!message.contains(AUTH_TOKEN), "{message}");
    assert!(received(&server).await.is_empty());
}

struct Counting(AtomicUsize);

impl TokenSource for Counting {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(async move {
            let n = self.0.fetch_add(1, Ordering::SeqCst) + 1;
            Ok(format!("tok-{n}"))
        })
    }
}

struct Failing(&'static str);

impl TokenSource for Failing {
    fn token(&self) -> TokenFuture<'_> {
        Box::pin(async move {
            match self.0 {
                "" => Err("identity provider unavailable".into()),
                token => Ok(token.to_owned()),
            }
        })
    }
}

#[tokio::test]
async fn a_token_source_is_asked_on_every_attempt() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    let client = builder_for(&server)
        .token_source(Counting(AtomicUsize::new(0)))
        .build()
        .unwrap();
    let mut request = Request::new(&TEST_API, Method::GET, "FetchThing", "/test");
    request.security(&[Scheme::Basic, Scheme::Bearer]);
    client.execute_empty(&request).await.unwrap();
    let sent = received(&server).await;
    let auth: Vec<_> = sent.iter().map(|r| header(r, "authorization")).collect();
    assert_eq!(auth, [Some("Bearer tok-1"), Some("Bearer tok-2")]);
}

#[tokio::test]
async fn a_failing_token_source_is_an_auth_error_and_nothing_is_sent() {
    let server = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let mut request = Request::new(&TEST_API, Method::GET, "FetchThing", "/test");
    request.security(&[Scheme::Bearer]);

    let failing = builder_for(&server)
        .token_source(Failing(""))
        .build()
        .unwrap();
    let error = failing.execute_empty(&request).await.unwrap_err();
    assert!(
        matches!(&error, Error::Auth(e) if e.operation == "FetchThing"),
        "{error:?}"
    );
    assert_eq!(error.to_string(), "FetchThing: the token source failed");
    let cause = std::error::Error::source(&error).map(ToString::to_string);
    assert_eq!(cause.as_deref(), Some("identity provider unavailable"));
    assert!(!error.is_retryable());

    let bad_token = "tok\r\nX-Injected: 1";
    let unsendable = builder_for(&server)
        .token_source(Failing(bad_token))
        .build()
        .unwrap();
    let error = unsendable.execute_empty(&request).await.unwrap_err();
    assert!(matches!(error, Error::Auth(_)), "{error:?}");
    assert!(
        !format!("{error} {error:?}").contains("Injected"),
        "{error}"
    );
    assert!(received(&server).await.is_empty());
}
