//! The example responses on the source pages decode into the generated models, keep what they
//! say, and survive a round trip; unknown values and IDs of the "wrong" shape are accepted.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

use chrono::{TimeZone as _, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use twilio_api::assistants_v1::{ListMessagesResponse, ListSessionsResponse, Message, Session};
use twilio_api::autopilot_v1::Dialogue;
use twilio_api::conversations_v2::{
    Channel, Conversation, ConversationGroupingType, ConversationStatus, ParticipantType,
    StatusCallbackMethod,
};

fn data(name: &str) -> Value {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Decodes `json` as `T`, encodes it again and checks that nothing was lost or changed.
fn round_trip<T: DeserializeOwned + Serialize + PartialEq + std::fmt::Debug>(json: &Value) -> T {
    let decoded: T = serde_json::from_value(json.clone()).unwrap();
    let encoded = serde_json::to_value(&decoded).unwrap();
    assert_same_json(json, &encoded, "$");
    let again: T = serde_json::from_value(encoded).unwrap();
    assert_eq!(decoded, again);
    decoded
}

/// Same keys and values; URLs compare as URLs (`https://x.com` and `https://x.com/` are one).
fn assert_same_json(expected: &Value, actual: &Value, at: &str) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            let (ek, ak): (Vec<_>, Vec<_>) = (e.keys().collect(), a.keys().collect());
            let (mut ek, mut ak) = (ek, ak);
            ek.sort();
            ak.sort();
            assert_eq!(ek, ak, "keys differ at {at}");
            for (key, value) in e {
                assert_same_json(value, &a[key], &format!("{at}.{key}"));
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            assert_eq!(e.len(), a.len(), "lengths differ at {at}");
            for (index, (e, a)) in e.iter().zip(a).enumerate() {
                assert_same_json(e, a, &format!("{at}[{index}]"));
            }
        }
        (Value::String(e), Value::String(a)) if e.starts_with("http") => {
            assert_eq!(
                url::Url::parse(e).unwrap(),
                url::Url::parse(a).unwrap(),
                "at {at}"
            );
        }
        (e, a) => assert_eq!(e, a, "at {at}"),
    }
}

/// Personal data (marked `x-twilio: {pii: {handling: standard}}` in the specs) prints
/// `<redacted>` in `Debug`, while serde, the fields and `PartialEq` keep the real value.
#[test]
fn personal_data_is_redacted_in_debug_and_kept_everywhere_else() {
    let session: Session = round_trip(&json!({
        "id": "sess_1",
        "identity": "alice@example.com",
        "verified": true
    }));
    assert_eq!(session.identity.as_deref(), Some("alice@example.com"));
    let debug = format!("{session:?}");
    assert!(debug.contains("identity: <redacted>"), "{debug}");
    assert!(!debug.contains("alice"), "{debug}");
    assert!(
        debug.contains("id: Some(\"sess_1\")"),
        "unmarked fields print: {debug}"
    );
    let pretty = format!("{session:#?}");
    assert!(!pretty.contains("alice"), "{pretty}");
    let mut other = session.clone();
    other.identity = Some("bob@example.com".to_owned());
    assert_ne!(session, other, "PartialEq compares the real value");
    assert_eq!(format!("{session:?}"), format!("{other:?}"));
    let absent: Session = serde_json::from_value(json!({"id": "sess_2"})).unwrap();
    assert!(format!("{absent:?}").contains("identity: None"));

    let message: Message = round_trip(&json!({
        "id": "aia_msg_1",
        "identity": "alice@example.com",
        "content": {"text": "my card number is 4111"},
        "meta": {"device": "alice-phone"},
        "role": "user"
    }));
    let debug = format!("{message:?}");
    for secret in ["alice", "4111"] {
        assert!(!debug.contains(secret), "{debug}");
    }
    assert!(debug.contains("role: Some(\"user\")"), "{debug}");

    let conversation: Conversation = round_trip(&data("conversation.json"));
    let debug = format!("{conversation:?}");
    assert!(!debug.contains("Christine Morgan"), "{debug}");
}

#[test]
fn conversation_example_decodes_with_typed_enums_timestamps_and_camel_case() {
    let conversation: Conversation = round_trip(&data("conversation.json"));
    assert_eq!(conversation.status, Some(ConversationStatus::Active));
    assert_eq!(
        conversation.account_id.as_deref(),
        Some("ZGkrHSypTsudrGkmdpJJ")
    );
    assert_eq!(
        conversation.created_at,
        Some(Utc.with_ymd_and_hms(2009, 7, 6, 20, 30, 0).unwrap())
    );
    assert_eq!(conversation.name.as_deref(), Some("Miss Christine Morgan"));

    let configuration = conversation.configuration.unwrap();
    assert_eq!(
        configuration.conversation_grouping_type,
        Some(ConversationGroupingType::GroupByProfile)
    );
    assert_eq!(configuration.channel_settings, Some(json!({})));
    assert_eq!(configuration.memory_extraction_enabled, Some(false));
    let callback = &configuration.status_callbacks.unwrap()[0];
    assert_eq!(callback.method, Some(StatusCallbackMethod::Post));
    assert_eq!(
        callback.url.as_ref().unwrap().host_str(),
        Some("www.example.com")
    );
    assert_eq!(
        configuration
            .conversations_v1_bridge
            .unwrap()
            .service_id
            .as_deref(),
        Some("IS00000000000000000000000000000000")
    );

    let participant = &conversation.participants.unwrap()[0];
    assert_eq!(participant.type_, Some(ParticipantType::Customer));
    let address = &participant.addresses.as_ref().unwrap()[0];
    assert_eq!(address.channel, Some(Channel::Sms));
    assert_eq!(address.channel_id.as_deref(), Some("channelId"));
}

#[test]
fn session_example_decodes_and_keeps_an_assistant_id_of_another_shape() {
    let session: Session = round_trip(&data("session.json"));
    assert_eq!(session.id.as_deref(), Some("your-session-id"));
    assert_eq!(session.verified, Some(false));
    let account = session.account_sid.unwrap();
    assert_eq!(account, "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
    assert!(account.is_valid());
    // The page's own example says `aia_asst`, which is not `aia_asst_` + more: accepted as sent.
    let assistant = session.assistant_id.unwrap();
    assert_eq!(assistant.as_str(), "aia_asst");
    assert!(!assistant.is_valid());
}

#[test]
fn list_examples_decode_with_their_paging_meta() {
    let sessions: ListSessionsResponse = round_trip(&data("sessions_page.json"));
    let meta = sessions.meta.as_ref().unwrap();
    assert_eq!(meta.page, Some(42));
    assert_eq!(meta.key.as_deref(), Some("key"));
    assert_eq!(
        meta.next_page_url.as_ref().map(url::Url::as_str),
        Some("https://www.example.com/")
    );
    assert_eq!(sessions.sessions.as_ref().unwrap().len(), 1);

    let messages: ListMessagesResponse = round_trip(&data("messages_page.json"));
    let message: &Message = &messages.messages.as_ref().unwrap()[0];
    assert_eq!(message.id.as_ref().unwrap().as_str(), "aia_msg");
    assert_eq!(message.content, Some(json!({})));
    assert_eq!(message.meta, Some(json!({})));
    assert_eq!(message.role.as_deref(), Some("role"));
}

#[test]
fn dialogue_decodes_and_null_fields_become_none() {
    let dialogue: Dialogue = round_trip(&data("dialogue.json"));
    assert!(dialogue.sid.unwrap().is_valid());
    assert!(dialogue.assistant_sid.unwrap().is_valid());
    assert_eq!(dialogue.data, Some(json!({})));

    let nulls: Dialogue =
        serde_json::from_value(json!({"account_sid": null, "data": null, "url": null})).unwrap();
    assert_eq!(nulls, Dialogue::default());
}

#[test]
fn unknown_enum_values_and_unknown_fields_are_accepted() {
    let mut json = data("conversation.json");
    json["status"] = json!("ARCHIVED");
    json["participants"][0]["addresses"][0]["channel"] = json!("CARRIER_PIGEON");
    json["somethingNew"] = json!({"added": "later"});
    let conversation: Conversation = serde_json::from_value(json).unwrap();
    let status = conversation.status.clone().unwrap();
    assert!(matches!(&status, ConversationStatus::Unknown(v) if v.as_str() == "ARCHIVED"));
    assert_eq!(status, ConversationStatus::from("ARCHIVED"));
    // A known value never hides in `Unknown`: decoded or converted, it is the variant.
    assert_eq!(
        ConversationStatus::from("ACTIVE".to_owned()),
        ConversationStatus::Active
    );
    let encoded = serde_json::to_value(&conversation).unwrap();
    assert_eq!(
        encoded["status"], "ARCHIVED",
        "unknown values are written back as they came"
    );
    assert_eq!(
        encoded["participants"][0]["addresses"][0]["channel"],
        "CARRIER_PIGEON"
    );
}

#[test]
fn enums_convert_from_and_to_their_wire_values() {
    assert_eq!(
        ConversationStatus::from("CLOSED"),
        ConversationStatus::Closed
    );
    assert_eq!(ConversationStatus::Inactive.as_str(), "INACTIVE");
    assert_eq!(ConversationStatus::Inactive.to_string(), "INACTIVE");
    assert_eq!(
        "ACTIVE".parse::<ConversationStatus>().unwrap(),
        ConversationStatus::Active
    );
    assert_eq!(ConversationStatus::KNOWN.len(), 3);
    assert_eq!(
        ParticipantType::KNOWN,
        &[
            ParticipantType::Customer,
            ParticipantType::HumanAgent,
            ParticipantType::AiAgent
        ]
    );
}

#[test]
fn a_bad_timestamp_fails_with_the_path_of_the_field() {
    let mut json = data("sessions_page.json");
    json["sessions"][0]["date_updated"] = json!("yesterday");
    let text = json.to_string();
    let mut deserializer = serde_json::Deserializer::from_str(&text);
    let error =
        serde_path_to_error::deserialize::<_, ListSessionsResponse>(&mut deserializer).unwrap_err();
    assert_eq!(error.path().to_string(), "sessions[0].date_updated");
}

#[test]
fn urls_the_url_parser_refuses_and_empty_strings_decode_to_none() {
    // Valid RFC 3986, refused by the WHATWG parser (the last label looks like an IPv4 address).
    let dialogue: Dialogue = serde_json::from_value(json!({"url": "http://123.456.78.9"})).unwrap();
    assert_eq!(dialogue.url, None);
    let page: ListSessionsResponse =
        serde_json::from_value(json!({"meta": {"next_page_url": "", "first_page_url": "  "}}))
            .unwrap();
    let meta = page.meta.unwrap();
    assert_eq!((meta.next_page_url, meta.first_page_url), (None, None));
    let session: Session = serde_json::from_value(json!({"date_created": ""})).unwrap();
    assert_eq!(session.date_created, None);
}

#[test]
fn numbers_twilio_sends_as_strings_decode_as_numbers() {
    // Twilio writes some numbers as JSON strings (`"price": "-0.0025"`, `"page": "0"`), as
    // every official SDK reads them; a blank string is no value.
    let page: ListSessionsResponse =
        serde_json::from_value(json!({"meta": {"page": "3", "page_size": 50}, "sessions": []}))
            .unwrap();
    let meta = page.meta.unwrap();
    assert_eq!((meta.page, meta.page_size), (Some(3), Some(50)));
    let blank: ListSessionsResponse =
        serde_json::from_value(json!({"meta": {"page": " "}})).unwrap();
    assert_eq!(blank.meta.unwrap().page, None);
    let error = serde_json::from_value::<ListSessionsResponse>(json!({"meta": {"page": "x"}}))
        .unwrap_err()
        .to_string();
    assert!(error.contains("\"x\" is not a number"), "{error}");
}
