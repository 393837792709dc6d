//! The public API contract of ../shared/DESIGN.md, written the way code outside this repository
//! uses it, run against a loopback server. If this stops compiling, the contract broke.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

mod common;

use common::data;
use futures::{Stream, TryStreamExt as _};
use serde::{Deserialize, Serialize};
use twilio_api::{assistants_v1, autopilot_v1, conversations_v2};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn is_model<T: std::fmt::Debug + Clone + PartialEq + Serialize + for<'de> Deserialize<'de>>() {}
fn is_error<T: std::error::Error + Send + Sync + 'static>() {}
fn is_client<T: Clone + std::fmt::Debug + Send + Sync>() {}
fn is_item_stream<S: Stream<Item = Result<assistants_v1::Message, twilio_api::Error>>>(_: &S) {}

#[tokio::test]
async fn the_design_contract_compiles_and_works() -> Result<(), twilio_api::Error> {
    let server = MockServer::start().await;
    let routes = [
        (
            "/v1/Assistants/UAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Dialogues/UKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "dialogue.json",
        ),
        ("/v2/Conversations/conv_1", "conversation.json"),
        ("/v1/Sessions/sess_1", "session.json"),
    ];
    for (route, file) in routes {
        Mock::given(method("GET"))
            .and(path(route))
            .respond_with(ResponseTemplate::new(200).set_body_json(data(file)))
            .mount(&server)
            .await;
    }
    let mut page = data("sessions_page.json");
    page["meta"]["next_page_url"] = serde_json::Value::Null;
    Mock::given(method("GET"))
        .and(path("/v1/Sessions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page))
        .mount(&server)
        .await;
    let mut messages = data("messages_page.json");
    messages["meta"]["next_page_url"] = serde_json::Value::Null;
    Mock::given(method("GET"))
        .and(path("/v1/Sessions/sess_1/Messages"))
        .respond_with(ResponseTemplate::new(200).set_body_json(messages))
        .mount(&server)
        .await;

    let client = twilio_api::Client::builder()
        .account_sid("AC0123456789abcdef0123456789abcdef") // validated: ^AC[0-9a-fA-F]{32}$
        .auth_token("token")
        .base_url(server.uri()) // optional: sends every API to this origin (mocks, proxies)
        .max_retries(2) // optional: 0 disables retries
        .timeout(std::time::Duration::from_secs(30))
        .build()?; // Result<Client, twilio_api::Error>

    let d: autopilot_v1::Dialogue = client
        .autopilot_v1()
        .fetch_dialogue(
            "UAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "UKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        )
        .send()
        .await?;
    let c: conversations_v2::Conversation = client
        .conversations_v2()
        .fetch_conversation("conv_1")
        .send()
        .await?;
    let s: assistants_v1::Session = client
        .assistants_v1()
        .fetch_session("sess_1")
        .send()
        .await?;
    let page = client
        .assistants_v1()
        .list_sessions()
        .page_size(50)
        .send()
        .await?; // one page, with its meta
    let all: Vec<assistants_v1::Session> = client
        .assistants_v1()
        .list_sessions()
        .limit(120)
        .stream()
        .try_collect()
        .await?; // follows next pages
    let msgs = client.assistants_v1().list_messages("sess_1").stream(); // Stream<Item = Result<Message, Error>>
    is_item_stream(&msgs);
    let msgs: Vec<assistants_v1::Message> = msgs.try_collect().await?;

    assert!(d.url.is_some());
    assert_eq!(c.status, Some(conversations_v2::ConversationStatus::Active));
    assert_eq!(s.id.as_deref(), Some("your-session-id"));
    assert!(page.meta.is_some());
    assert_eq!(all.len(), 1);
    assert_eq!(msgs.len(), 1);

    // Path arguments take &str, String and the matching ID type; the builder takes &str or String.
    let sid = autopilot_v1::AssistantSid::parse("UAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa").unwrap();
    let dialogue = String::from("UKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    client
        .autopilot_v1()
        .fetch_dialogue(sid, dialogue)
        .send()
        .await?;
    twilio_api::Client::builder()
        .account_sid(String::from("AC0123456789abcdef0123456789abcdef"))
        .auth_token(String::from("token"))
        .base_url(String::from("http://127.0.0.1:9"))
        .build()?;

    is_client::<twilio_api::Client>();
    is_error::<twilio_api::Error>();
    is_model::<autopilot_v1::Dialogue>();
    is_model::<conversations_v2::Conversation>();
    is_model::<conversations_v2::Participant>();
    is_model::<assistants_v1::Session>();
    is_model::<assistants_v1::Message>();
    is_model::<assistants_v1::ListSessionsResponse>();
    is_model::<twilio_api::AccountSid>();

    // An API error exposes Twilio's code, message, more_info and the HTTP status.
    let error = client
        .assistants_v1()
        .fetch_session("missing")
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404));
    if let twilio_api::Error::Api(api) = &error {
        let _: (Option<i64>, &str, Option<&str>, u16) = (
            api.code,
            api.message.as_str(),
            api.more_info.as_deref(),
            api.status,
        );
    } else {
        panic!("{error:?}");
    }
    Ok(())
}
