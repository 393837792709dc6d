//! `.stream()` and `.pages()` follow `meta.next_page_url` on the client's own origin, lazily,
//! and stop on a missing, empty or repeated next URL or at `limit`.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

mod common;

use common::{client_for, requests};
use futures::{StreamExt as _, TryStreamExt as _};
use serde_json::{Value, json};
use twilio_api::Error;
use twilio_api::assistants_v1::Session;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn sessions(ids: &[&str], next: Value) -> Value {
    let items: Vec<Value> = ids
        .iter()
        .map(|id| json!({"id": id, "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}))
        .collect();
    json!({"sessions": items, "meta": {"key": "sessions", "page_size": 2, "next_page_url": next}})
}

/// Serves `body` for `GET /v1/Sessions` with this `PageToken` (or none, for the first page).
async fn page(server: &MockServer, token: Option<&str>, body: Value) {
    let mock = Mock::given(method("GET")).and(path("/v1/Sessions"));
    let mock = match token {
        Some(token) => mock.and(query_param("PageToken", token)),
        None => mock.and(query_param_is_missing("PageToken")),
    };
    mock.respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(server)
        .await;
}

fn ids(items: &[Session]) -> Vec<&str> {
    items.iter().map(|s| s.id.as_deref().unwrap()).collect()
}

const NEXT_1: &str = "https://assistants.twilio.com/v1/Sessions?PageSize=2&Page=1&PageToken=p1";
const NEXT_2: &str = "https://assistants.twilio.com/v1/Sessions?PageSize=2&Page=2&PageToken=p2";

#[tokio::test]
async fn stream_follows_next_page_urls_across_pages() {
    let server = MockServer::start().await;
    page(&server, None, sessions(&["a", "b"], json!(NEXT_1))).await;
    page(&server, Some("p1"), sessions(&["c", "d"], json!(NEXT_2))).await;
    page(&server, Some("p2"), sessions(&["e"], Value::Null)).await;
    let client = client_for(&server);
    let all: Vec<Session> = client
        .assistants_v1()
        .list_sessions()
        .page_size(2)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids(&all), ["a", "b", "c", "d", "e"]);
    let sent = requests(&server).await;
    let queries: Vec<_> = sent
        .iter()
        .map(|r| r.url.query().unwrap_or("").to_owned())
        .collect();
    assert_eq!(
        queries,
        [
            "PageSize=2",
            "PageSize=2&Page=1&PageToken=p1",
            "PageSize=2&Page=2&PageToken=p2"
        ]
    );
}

#[tokio::test]
async fn limit_stops_mid_page_without_fetching_further_pages() {
    let server = MockServer::start().await;
    page(&server, None, sessions(&["a", "b"], json!(NEXT_1))).await;
    page(&server, Some("p1"), sessions(&["c", "d"], json!(NEXT_2))).await;
    page(&server, Some("p2"), sessions(&["e"], Value::Null)).await;
    let client = client_for(&server);
    let three: Vec<Session> = client
        .assistants_v1()
        .list_sessions()
        .page_size(2)
        .limit(3)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids(&three), ["a", "b", "c"]);
    assert_eq!(
        requests(&server).await.len(),
        2,
        "the third page is never fetched"
    );

    let none: Vec<Session> = client
        .assistants_v1()
        .list_sessions()
        .limit(0)
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert!(none.is_empty());
    assert_eq!(requests(&server).await.len(), 2, "limit(0) fetches nothing");
}

#[tokio::test]
async fn limit_without_a_page_size_asks_for_pages_of_that_size() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(query_param("PageSize", "120"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sessions(&["a"], Value::Null)))
        .expect(1)
        .mount(&server)
        .await;
    let client = client_for(&server);
    let _: Vec<Session> = client
        .assistants_v1()
        .list_sessions()
        .limit(120)
        .stream()
        .try_collect()
        .await
        .unwrap();
    Mock::given(method("GET"))
        .and(query_param("PageSize", "1000"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sessions(&["a"], Value::Null)))
        .expect(1)
        .mount(&server)
        .await;
    let _: Vec<Session> = client
        .assistants_v1()
        .list_sessions()
        .limit(5000)
        .stream()
        .try_collect()
        .await
        .unwrap();
}

#[tokio::test]
async fn a_repeated_next_url_ends_the_stream() {
    let server = MockServer::start().await;
    page(&server, None, sessions(&["a"], json!(NEXT_1))).await;
    // Page 1 points back at itself: following it again would loop forever.
    page(&server, Some("p1"), sessions(&["b"], json!(NEXT_1))).await;
    let client = client_for(&server);
    let all: Vec<Session> = client
        .assistants_v1()
        .list_sessions()
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids(&all), ["a", "b"]);
    assert_eq!(requests(&server).await.len(), 2);
}

#[tokio::test]
async fn a_next_url_on_another_host_is_fetched_from_the_clients_own_origin() {
    let server = MockServer::start().await;
    let other = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(sessions(&["stolen"], Value::Null)))
        .mount(&other)
        .await;
    let next = format!("{}/v1/Sessions?PageToken=p1", other.uri());
    page(&server, None, sessions(&["a"], json!(next))).await;
    page(&server, Some("p1"), sessions(&["b"], Value::Null)).await;
    let client = client_for(&server);
    let all: Vec<Session> = client
        .assistants_v1()
        .list_sessions()
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids(&all), ["a", "b"]);
    assert!(
        requests(&other).await.is_empty(),
        "the other host receives nothing, credentials included"
    );
    let second = &requests(&server).await[1];
    assert_eq!(second.url.query(), Some("PageToken=p1"));
    assert!(second.headers.contains_key("authorization"));
}

#[tokio::test]
async fn empty_pages_missing_meta_and_empty_next_urls() {
    let server = MockServer::start().await;
    // An empty page that still links onwards is followed; an empty next URL ends the list.
    page(&server, None, sessions(&[], json!(NEXT_1))).await;
    page(&server, Some("p1"), sessions(&["a"], json!(""))).await;
    let client = client_for(&server);
    let all: Vec<Session> = client
        .assistants_v1()
        .list_sessions()
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(ids(&all), ["a"]);

    let bare = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"sessions": []})))
        .mount(&bare)
        .await;
    let client = client_for(&bare);
    let all: Vec<Session> = client
        .assistants_v1()
        .list_sessions()
        .stream()
        .try_collect()
        .await
        .unwrap();
    assert!(all.is_empty());
    assert_eq!(requests(&bare).await.len(), 1);
}

#[tokio::test]
async fn pages_yields_each_page_and_an_error_ends_the_stream() {
    let server = MockServer::start().await;
    page(&server, None, sessions(&["a", "b"], json!(NEXT_1))).await;
    Mock::given(method("GET"))
        .and(query_param("PageToken", "p1"))
        .respond_with(
            ResponseTemplate::new(500).set_body_json(json!({"code": 20500, "message": "boom"})),
        )
        .mount(&server)
        .await;
    let client = client_for(&server);
    let pages: Vec<_> = client
        .assistants_v1()
        .list_sessions()
        .pages()
        .collect()
        .await;
    assert_eq!(pages.len(), 2);
    assert_eq!(
        pages[0].as_ref().unwrap().sessions.as_ref().unwrap().len(),
        2
    );
    assert!(matches!(&pages[1], Err(Error::Api(e)) if e.code == Some(20500)));

    let items: Vec<_> = client
        .assistants_v1()
        .list_sessions()
        .stream()
        .collect()
        .await;
    assert_eq!(items.len(), 3, "two items, then the error, then nothing");
    assert!(items[2].is_err());
}

#[tokio::test]
async fn list_messages_streams_too() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Sessions/sess_1/Messages"))
        .and(query_param_is_missing("PageToken"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "messages": [{"id": "aia_msg_1"}],
            "meta": {"next_page_url": "https://assistants.twilio.com/v1/Sessions/sess_1/Messages?PageToken=m1"}
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v1/Sessions/sess_1/Messages"))
        .and(query_param("PageToken", "m1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"messages": [{"id": "aia_msg_2"}], "meta": {"next_page_url": null}}),
        ))
        .mount(&server)
        .await;
    let client = client_for(&server);
    let messages: Vec<_> = client
        .assistants_v1()
        .list_messages("sess_1")
        .stream()
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<_> = messages
        .iter()
        .map(|m| m.id.as_ref().unwrap().as_str())
        .collect();
    assert_eq!(ids, ["aia_msg_1", "aia_msg_2"]);
}
