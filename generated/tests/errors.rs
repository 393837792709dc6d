//! Error responses become `Error::Api` with Twilio's fields (or RFC 9457's, or a bounded snippet
//! of whatever came); bad success bodies become `Error::Decode` naming the JSON path.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

mod common;

use common::client_for;
use serde_json::json;
use twilio_api::Error;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn fetch_with(response: ResponseTemplate) -> Error {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(response)
        .mount(&server)
        .await;
    client_for(&server)
        .assistants_v1()
        .fetch_session("sess_1")
        .send()
        .await
        .unwrap_err()
}

#[tokio::test]
async fn twilio_json_error_exposes_code_message_more_info_and_status() {
    let body = json!({
        "code": 20404,
        "message": "The requested resource /Sessions/sess_1 was not found",
        "more_info": "https://www.twilio.com/docs/errors/20404",
        "status": 404
    });
    let error = fetch_with(
        ResponseTemplate::new(404)
            .set_body_json(body)
            .insert_header("Twilio-Request-Id", "RQ123"),
    )
    .await;
    assert_eq!(error.status(), Some(404));
    assert_eq!(error.code(), Some(20404));
    assert!(!error.is_retryable());
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(api.status, 404);
    assert_eq!(api.code, Some(20404));
    assert_eq!(
        api.message,
        "The requested resource /Sessions/sess_1 was not found"
    );
    assert_eq!(
        api.more_info.as_deref(),
        Some("https://www.twilio.com/docs/errors/20404")
    );
    assert_eq!(api.request_id.as_deref(), Some("RQ123"));
    assert_eq!(
        error.to_string(),
        "Twilio API error: HTTP 404, code 20404: The requested resource /Sessions/sess_1 was not found \
         (see https://www.twilio.com/docs/errors/20404)"
    );
    let boxed: Box<dyn std::error::Error + Send + Sync + 'static> = Box::new(error);
    assert!(boxed.to_string().contains("20404"));
}

#[tokio::test]
async fn rfc_9457_problem_details_are_read() {
    let body = json!({
        "type": "https://www.twilio.com/docs/errors/20001",
        "title": "Invalid parameter",
        "status": 400,
        "detail": "PageSize must be at most 1000",
        "instance": "/v1/Sessions",
        "code": 20001
    });
    let response =
        ResponseTemplate::new(400).set_body_raw(body.to_string(), "application/problem+json");
    let error = fetch_with(response).await;
    let api = error.api_error().unwrap();
    assert_eq!(api.message, "PageSize must be at most 1000");
    assert_eq!(
        api.more_info.as_deref(),
        Some("https://www.twilio.com/docs/errors/20001")
    );
    assert_eq!(api.code, Some(20001));

    let title_only = json!({"type": "about:blank", "title": "Conflict", "status": 409});
    let error = fetch_with(
        ResponseTemplate::new(409).set_body_raw(title_only.to_string(), "application/problem+json"),
    )
    .await;
    let api = error.api_error().unwrap();
    assert_eq!(
        (api.message.as_str(), api.more_info.as_deref()),
        ("Conflict", None)
    );
}

#[tokio::test]
async fn html_and_empty_bodies_fall_back_to_status_and_a_bounded_snippet() {
    let html = format!(
        "<html><body><h1>502 Bad Gateway</h1>{}</body></html>",
        "x".repeat(5000)
    );
    let error = fetch_with(ResponseTemplate::new(502).set_body_raw(html, "text/html")).await;
    let api = error.api_error().unwrap();
    assert_eq!(api.status, 502);
    assert_eq!(api.code, None);
    assert!(
        api.message
            .starts_with("<html><body><h1>502 Bad Gateway</h1>"),
        "{}",
        api.message
    );
    assert!(
        api.message.len() <= 512 + '…'.len_utf8(),
        "snippet is bounded: {}",
        api.message.len()
    );
    assert!(error.is_retryable());

    let error = fetch_with(ResponseTemplate::new(500)).await;
    assert_eq!(error.api_error().unwrap().message, "Internal Server Error");
    assert_eq!(error.status(), Some(500));
}

#[tokio::test]
async fn truncated_json_error_bodies_keep_the_snippet() {
    let error = fetch_with(
        ResponseTemplate::new(404).set_body_raw(r#"{"code": 20404, "mess"#, "application/json"),
    )
    .await;
    let api = error.api_error().unwrap();
    assert_eq!(api.code, None);
    assert_eq!(api.message, r#"{"code": 20404, "mess"#);
}

#[tokio::test]
async fn truncated_or_mistyped_success_bodies_are_decode_errors_with_a_path() {
    let error = fetch_with(
        ResponseTemplate::new(200).set_body_raw(r#"{"id": "sess_1", "verif"#, "application/json"),
    )
    .await;
    let Error::Decode(decode) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(decode.operation, "FetchSession");
    assert_eq!(decode.status, 200);
    assert_eq!(error.status(), Some(200));

    let error = fetch_with(
        ResponseTemplate::new(200).set_body_json(json!({"id": "s", "date_updated": "yesterday"})),
    )
    .await;
    let Error::Decode(decode) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(decode.path, "date_updated");
    assert!(error.to_string().contains("at `date_updated`"), "{error}");

    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"sessions": [{"id": "a"}, {"verified": "yes"}]})),
        )
        .mount(&server)
        .await;
    let error = client_for(&server)
        .assistants_v1()
        .list_sessions()
        .send()
        .await
        .unwrap_err();
    let Error::Decode(decode) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(decode.path, "sessions[1].verified");

    let error =
        fetch_with(ResponseTemplate::new(200).set_body_raw("{} trailing", "application/json"))
            .await;
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
}
