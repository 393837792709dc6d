//! Hand-written: the `schemas` fixture's generated types, sent to and decoded from a loopback
//! server. Unions (by discriminator, without one, `anyOf`), maps (`additionalProperties`), number
//! enums, nullable and untyped properties, recursive types, and ID types and their pattern
//! checks. The rows of `../../fixtures/CONSTRUCTS.md` each test covers are named in its doc
//! comment.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

use std::collections::BTreeMap;

use fixture_schemas::iam_organizations::{AnySid, OrSidUnanchoredLowercase};
use fixture_schemas::knowledge_v1::{
    AiaKnowId, AiaPlcyId, ServiceCrawlNode, ServiceCreateKnowledgeRequest,
    ServiceCreatePolicyRequest, ServiceFilter, ServiceFilterGroup, ServiceKnowledge,
    ServiceKnowledgeEmbeddingDimensions, ServiceKnowledgeStatus, ServiceSearchRequest,
    ServiceSearchResult,
};
use fixture_schemas::messaging_v3::{
    AppleTypingIndicatorRequest, AppleTypingIndicatorRequestChannel,
    AppleTypingIndicatorRequestEvent, ChannelAddress, ChannelsSender, KeywordLocaleType,
    MessageDetails, Recipient, SenderConfiguration, SmOrMmSid, TypingIndicatorRequest,
    WhatsAppSenderConfigurationType, WhatsAppTypingIndicatorRequest,
    WhatsAppTypingIndicatorRequestChannel,
};
use fixture_schemas::numbers_v2::{BuId, HostedNumberOrder, HostedNumberOrderStatus, HrSid};
use fixture_schemas::{AcSid, Error, HttpMethod};
use serde_json::json;
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
const SENDER_SID: &str = "XE1234567890abcdef1234567890abcdef";
const MESSAGE_SID: &str = "SM1234567890abcdef1234567890abcdef";
const ORG_SID: &str = "OR33f4f3aa6fffe840d000f8ef22e883db";
const BUNDLE_SID: &str = "BU0123456789abcdef0123456789abcdef";

fn client(server: &MockServer) -> fixture_schemas::Client {
    fixture_schemas::Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token("token")
        .base_url(server.uri())
        .max_retries(0)
        .build()
        .unwrap()
}

/// A server answering every request with the next of `bodies` (the last one repeated).
async fn answering_in_turn(status: u16, bodies: &[serde_json::Value]) -> MockServer {
    let server = MockServer::start().await;
    let (last, first) = bodies.split_last().unwrap();
    for body in first {
        Mock::given(any())
            .respond_with(ResponseTemplate::new(status).set_body_json(body))
            .up_to_n_times(1)
            .mount(&server)
            .await;
    }
    Mock::given(any())
        .respond_with(ResponseTemplate::new(status).set_body_json(last))
        .mount(&server)
        .await;
    server
}

async fn received(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap()
}

fn body_json(request: &wiremock::Request) -> serde_json::Value {
    request.body_json().unwrap()
}

fn utc(text: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

/// S1, S9, S24: a `oneOf` with a discriminator and a mapping is an enum named after the
/// mapping keys; each variant is sent as its own object with its tag; decoding picks the variant
/// by tag, an unknown tag gives `Unknown`, and a variant with `additionalProperties: false` still
/// accepts fields it does not know.
#[tokio::test]
async fn tagged_union_request_is_sent_as_its_variant() {
    let server = answering_in_turn(200, &[json!({"success": true})]).await;
    let messaging = client(&server).messaging_v3();
    let whatsapp = TypingIndicatorRequest::Whatsapp(WhatsAppTypingIndicatorRequest {
        channel: WhatsAppTypingIndicatorRequestChannel::Whatsapp,
        message_id: SmOrMmSid::parse(MESSAGE_SID).unwrap(),
    });
    let apple = TypingIndicatorRequest::Apple(AppleTypingIndicatorRequest {
        channel: AppleTypingIndicatorRequestChannel::Apple,
        from: "apple:a89a691c-15c0-4fd1-a589-1ded34b59c39".into(),
        to: "apple:urn:mbid:AQAAYyUbut6E4B3T9FLv5EbG".into(),
        event: Some(AppleTypingIndicatorRequestEvent::Start),
    });
    for body in [whatsapp.clone(), apple.clone()] {
        let answer = messaging
            .create_v3_typing_indicator(body)
            .send()
            .await
            .unwrap();
        assert_eq!(answer.success, Some(true));
    }
    let sent = received(&server).await;
    assert_eq!(sent[0].url.path(), "/v3/Indicators/Typing.json");
    assert_eq!(
        sent[0].headers.get("content-type").unwrap(),
        "application/json"
    );
    assert_eq!(
        std::str::from_utf8(&sent[0].body).unwrap(),
        format!(r#"{{"channel":"WHATSAPP","messageId":"{MESSAGE_SID}"}}"#)
    );
    assert_eq!(
        body_json(&sent[1]),
        json!({
            "channel": "APPLE",
            "from": "apple:a89a691c-15c0-4fd1-a589-1ded34b59c39",
            "to": "apple:urn:mbid:AQAAYyUbut6E4B3T9FLv5EbG",
            "event": "START"
        })
    );

    let decoded: TypingIndicatorRequest = serde_json::from_value(body_json(&sent[1])).unwrap();
    assert_eq!(decoded, apple);
    let with_extra: TypingIndicatorRequest = serde_json::from_value(json!({
        "channel": "WHATSAPP", "messageId": MESSAGE_SID, "note": "not in the schema"
    }))
    .unwrap();
    assert_eq!(with_extra, whatsapp);
    let rcs = json!({"channel": "RCS", "to": "rcs:+15558675310"});
    let unknown: TypingIndicatorRequest = serde_json::from_value(rcs.clone()).unwrap();
    assert_eq!(unknown, TypingIndicatorRequest::Unknown(rcs));
}

fn sender(configuration: serde_json::Value, recipient: serde_json::Value) -> serde_json::Value {
    json!({"sid": SENDER_SID, "configuration": configuration, "recipient": recipient})
}

/// S2: a `oneOf` with a discriminator and no mapping decodes by the schema name in `type`; an
/// unknown (or missing) tag is kept in `Unknown`, never an error, and is written back as it came.
#[tokio::test]
async fn discriminator_without_mapping_decodes_by_schema_name() {
    let email = json!({"type": "EmailSenderConfiguration", "address": "a@example.com"});
    let untagged = json!({"waba_id": "42"});
    let server = answering_in_turn(
        200,
        &[
            sender(
                json!({"type": "WhatsAppSenderConfiguration", "waba_id": "1234567890"}),
                json!("+15558675310"),
            ),
            sender(
                json!({"type": "RcsSenderConfiguration", "agent_id": "agent-1"}),
                json!("+15558675310"),
            ),
            sender(email.clone(), json!("+15558675310")),
            sender(untagged.clone(), json!("+15558675310")),
        ],
    )
    .await;
    let messaging = client(&server).messaging_v3();
    let mut configurations = Vec::new();
    for _ in 0..4 {
        let sender = messaging
            .fetch_channels_sender(SENDER_SID)
            .send()
            .await
            .unwrap();
        configurations.push(sender.configuration.unwrap());
    }
    let SenderConfiguration::WhatsAppSenderConfiguration(whatsapp) = &configurations[0] else {
        panic!("{:?}", configurations[0])
    };
    assert_eq!(
        whatsapp.type_,
        WhatsAppSenderConfigurationType::WhatsAppSenderConfiguration
    );
    assert_eq!(whatsapp.waba_id.as_deref(), Some("1234567890"));
    let SenderConfiguration::RcsSenderConfiguration(rcs) = &configurations[1] else {
        panic!("{:?}", configurations[1])
    };
    assert_eq!(rcs.agent_id.as_deref(), Some("agent-1"));
    assert_eq!(
        configurations[2],
        SenderConfiguration::Unknown(email.clone())
    );
    assert_eq!(configurations[3], SenderConfiguration::Unknown(untagged));
    assert_eq!(serde_json::to_value(&configurations[2]).unwrap(), email);
    assert_eq!(
        received(&server).await[0].url.path(),
        format!("/v3/Channels/Senders/{SENDER_SID}")
    );
}

/// S3: a `oneOf` without a discriminator is tried in order: a string, then a `ChannelAddress`;
/// anything else is `Unknown`.
#[tokio::test]
async fn untagged_union_picks_the_variant_that_fits() {
    let configuration = json!({"type": "WhatsAppSenderConfiguration"});
    let server = answering_in_turn(
        200,
        &[
            sender(configuration.clone(), json!("+15558675310")),
            sender(
                configuration.clone(),
                json!({"channel": "whatsapp", "address": "+15558675310"}),
            ),
            sender(configuration.clone(), json!({"channel": "whatsapp"})),
            sender(configuration, json!(42)),
        ],
    )
    .await;
    let messaging = client(&server).messaging_v3();
    let mut recipients = Vec::new();
    for _ in 0..4 {
        let sender: ChannelsSender = messaging
            .fetch_channels_sender(SENDER_SID)
            .send()
            .await
            .unwrap();
        recipients.push(sender.recipient.unwrap());
    }
    assert_eq!(
        recipients,
        [
            Recipient::String("+15558675310".into()),
            Recipient::ChannelAddress(ChannelAddress {
                channel: "whatsapp".into(),
                address: "+15558675310".into()
            }),
            // Missing the required `address`: not a ChannelAddress.
            Recipient::Unknown(json!({"channel": "whatsapp"})),
            Recipient::Unknown(json!(42)),
        ]
    );
    assert_eq!(
        serde_json::to_value(&recipients[1]).unwrap(),
        json!({"channel": "whatsapp", "address": "+15558675310"})
    );
}

/// S4: an `anyOf` of objects decodes a body holding one member's properties.
#[tokio::test]
async fn any_of_decodes_sms_details() {
    let server = answering_in_turn(
        200,
        &[json!({"sid": SENDER_SID, "details": {"sms_segments": 2}})],
    )
    .await;
    let sender = client(&server)
        .messaging_v3()
        .fetch_channels_sender(SENDER_SID)
        .send()
        .await
        .unwrap();
    let details = sender.details.unwrap();
    assert_eq!(
        serde_json::to_value(&details).unwrap(),
        json!({"sms_segments": 2})
    );
    // `anyOf` of objects is one struct holding every member's properties.
    assert_eq!(details.sms_segments, Some(2));
    assert_eq!(details.conversation_id, None);
}

/// S4: an `anyOf` member whose properties are all optional must not swallow the others: WhatsApp
/// details (alone, or next to SMS details) survive decoding.
#[tokio::test]
async fn any_of_keeps_every_members_properties() {
    let whatsapp = json!({"conversation_id": "CV1", "pricing_category": "service"});
    let both = json!({"sms_segments": 1, "conversation_id": "CV2"});
    let server = answering_in_turn(
        200,
        &[
            json!({"sid": SENDER_SID, "details": whatsapp}),
            json!({"sid": SENDER_SID, "details": both}),
        ],
    )
    .await;
    let messaging = client(&server).messaging_v3();
    for expected in [whatsapp, both] {
        let sender = messaging
            .fetch_channels_sender(SENDER_SID)
            .send()
            .await
            .unwrap();
        let details: MessageDetails = sender.details.unwrap();
        assert_eq!(
            serde_json::to_value(&details).unwrap(),
            expected,
            "{details:?}"
        );
    }
}

/// S5, S6, S7, S8, S11 (required untyped), S15: `additionalProperties` (`true`, `{}`, typed) are
/// maps whose entries are all sent and all kept; a component that is only a map is a map type;
/// `allOf` of one `$ref` is that type; the required untyped `policy_details` takes any JSON.
#[tokio::test]
async fn additional_properties_are_maps_that_keep_every_entry() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/Knowledge"))
        .respond_with(ResponseTemplate::new(202).set_body_json(json!({
            "id": "aia_know_01h2mxmvnxfdkt6jqtxgz9r6q0",
            "account_sid": ACCOUNT_SID,
            "name": "FAQ",
            "type": "Web",
            "knowledge_source_details": {"source": "https://www.example.com/faq", "crawl": {"depth": 2}},
            "date_created": "2024-03-01T12:00:00Z",
            "date_updated": "2024-03-01T12:00:00Z"
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "STOP": {"keywords": [{"keyword": "STOP", "reserved": true}], "message": "You have successfully been unsubscribed."},
            "HELP": {"keywords": [{"keyword": "HELP", "reserved": true}, {"keyword": "INFO", "reserved": false}], "message": "Reply STOP to stop."}
        })))
        .mount(&server)
        .await;
    let client = client(&server);
    let knowledge = client
        .knowledge_v1()
        .create_knowledge()
        .body(ServiceCreateKnowledgeRequest {
            description: None,
            knowledge_source_details: Some(BTreeMap::from([
                ("source".to_owned(), json!("https://www.example.com/faq")),
                (
                    "crawl".to_owned(),
                    json!({"depth": 2, "follow": ["a", "b"]}),
                ),
            ])),
            name: "FAQ".into(),
            policy: Some(ServiceCreatePolicyRequest {
                description: None,
                id: Some(AiaPlcyId::parse("aia_plcy_1").unwrap()),
                name: None,
                policy_details: json!("free text is fine"),
                type_: None,
            }),
            type_: "Web".into(),
            labels: Some(BTreeMap::from([
                ("team".to_owned(), "support".to_owned()),
                ("lang".to_owned(), "en".to_owned()),
            ])),
        })
        .send()
        .await
        .unwrap();
    let sent = received(&server).await;
    assert_eq!(
        body_json(&sent[0]),
        json!({
            "knowledge_source_details": {
                "source": "https://www.example.com/faq",
                "crawl": {"depth": 2, "follow": ["a", "b"]}
            },
            "name": "FAQ",
            "policy": {"id": "aia_plcy_1", "policy_details": "free text is fine"},
            "type": "Web",
            "labels": {"team": "support", "lang": "en"}
        })
    );
    let details = knowledge.knowledge_source_details.unwrap();
    assert_eq!(details["source"], json!("https://www.example.com/faq"));
    assert_eq!(details["crawl"], json!({"depth": 2}));
    assert_eq!(details.len(), 2);

    let keywords: fixture_schemas::messaging_v3::KeywordConfigurationResponse = client
        .messaging_v3()
        .fetch_opt_out_keywords("OO1234567890abcdef1234567890abcdef")
        .keyword_locale("HELP.ENGLISH")
        .send()
        .await
        .unwrap();
    assert_eq!(keywords.keys().collect::<Vec<_>>(), ["HELP", "STOP"]);
    assert_eq!(keywords["HELP"].keywords[1].keyword, "INFO");
    assert!(!keywords["HELP"].keywords[1].reserved);
    assert_eq!(
        keywords["STOP"].message,
        "You have successfully been unsubscribed."
    );
    assert_eq!(
        received(&server).await[1].url.query(),
        Some("KeywordLocale=HELP.ENGLISH")
    );
}

fn knowledge_json(extra: serde_json::Value) -> serde_json::Value {
    let mut knowledge = json!({
        "id": "aia_know_1",
        "name": "FAQ",
        "type": "Web",
        "date_created": "2024-03-01T12:00:00Z",
        "date_updated": "2024-03-01T12:00:00Z"
    });
    knowledge
        .as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    knowledge
}

/// S17, S18, S12: an integer enum is an open enum read and written as a JSON number (an unknown
/// value kept in `Unknown`); a number enum is an `f64`; a nullable `$ref` reads `null` as `None`.
#[tokio::test]
async fn integer_enums_keep_unknown_values() {
    let server = answering_in_turn(
        202,
        &[
            knowledge_json(json!({
                "embedding_dimensions": 1536,
                "chunk_overlap_ratio": 0.1,
                "last_error": null,
                "policy": {"id": "aia_plcy_1", "name": "Default", "policy_details": {"max": 3}}
            })),
            knowledge_json(json!({
                "embedding_dimensions": 1024,
                "chunk_overlap_ratio": 0.25,
                "last_error": {"code": 90001, "message": "crawl failed"}
            })),
            knowledge_json(json!({"embedding_dimensions": null})),
        ],
    )
    .await;
    let knowledge_v1 = client(&server).knowledge_v1();
    let mut answers: Vec<ServiceKnowledge> = Vec::new();
    for _ in 0..3 {
        answers.push(knowledge_v1.create_knowledge().send().await.unwrap());
    }
    assert_eq!(
        answers[0].embedding_dimensions,
        Some(ServiceKnowledgeEmbeddingDimensions::V1536)
    );
    assert_eq!(answers[0].chunk_overlap_ratio, Some(0.1));
    assert_eq!(answers[0].last_error, None);
    assert_eq!(
        answers[0].policy.as_ref().unwrap().policy_details,
        Some(json!({"max": 3}))
    );
    assert!(matches!(
        answers[1].embedding_dimensions,
        Some(ServiceKnowledgeEmbeddingDimensions::Unknown(v)) if *v.get() == 1024
    ));
    assert_eq!(
        answers[1].embedding_dimensions,
        Some(ServiceKnowledgeEmbeddingDimensions::from(1024))
    );
    assert_eq!(
        answers[1].last_error.as_ref().unwrap().message.as_deref(),
        Some("crawl failed")
    );
    assert_eq!(answers[2].embedding_dimensions, None);
    assert_eq!(answers[0].date_created, utc("2024-03-01T12:00:00Z"));

    let wire = serde_json::to_value(&answers[1]).unwrap();
    assert_eq!(wire["embedding_dimensions"], json!(1024));
    assert_eq!(
        serde_json::to_value(ServiceKnowledgeEmbeddingDimensions::V256).unwrap(),
        json!(256)
    );
    // Without a body, none is sent (the spec does not require one).
    assert!(received(&server).await[0].body.is_empty());
}

/// S10, S11, S14, S19: nullable properties of every kind read `null` and absence as `None`;
/// untyped ones take objects, strings or nothing; objects with a custom `format` stay JSON; the
/// form side of the same API sends Twilio's formats as text.
#[tokio::test]
async fn nullable_and_untyped_properties() {
    let example = json!({
        "sid": "HRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "phone_number": "+14153608311",
        "capabilities": {"sms": true, "voice": false},
        "friendly_name": "friendly_name",
        "status": "received",
        "email": "test@twilio.com",
        "cc_emails": ["test1@twilio.com"],
        "iso_country": "US",
        "date_created": "2017-03-28T20:06:39Z",
        "date_updated": "Tue, 28 Mar 2017 20:06:39 +0000",
        "sms_method": "POST",
        "verification_attempts": 0,
        "failure_rate": 0.5,
        "sms_enabled": true,
        "url": "https://numbers.twilio.com/v2/HostedNumber/Orders/HRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "links": {"authorization_document": "https://numbers.twilio.com/v2/HostedNumber/AuthorizationDocuments/PXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}
    });
    let all_null = json!({
        "sid": null, "account_sid": null, "phone_number": null, "capabilities": null,
        "friendly_name": null, "status": null, "email": null, "cc_emails": null,
        "iso_country": null, "date_created": null, "date_updated": null, "sms_method": null,
        "verification_attempts": null, "failure_rate": null, "sms_enabled": null, "url": null,
        "links": null
    });
    let server = answering_in_turn(201, &[example, all_null, json!({})]).await;
    let numbers = client(&server).numbers_v2();
    let order = numbers
        .create_hosted_number_order("+14153608311", "+14153608312", "test@twilio.com")
        .account_sid("ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        .cc_emails(["test1@twilio.com", "test2@twilio.com"])
        .sms_method(HttpMethod::Post)
        .send()
        .await
        .unwrap();
    assert_eq!(
        std::str::from_utf8(&received(&server).await[0].body).unwrap(),
        "PhoneNumber=%2B14153608311&ContactPhoneNumber=%2B14153608312&Email=test%40twilio.com\
         &AccountSid=ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\
         &CcEmails=test1%40twilio.com&CcEmails=test2%40twilio.com&SmsMethod=POST"
    );
    assert_eq!(order.status, Some(HostedNumberOrderStatus::Received));
    assert_eq!(order.sms_method, Some(HttpMethod::Post));
    assert_eq!(
        order.capabilities,
        Some(json!({"sms": true, "voice": false}))
    );
    // `date_updated` is `date-time-rfc-2822` (`Tue, 28 Mar 2017 20:06:39 +0000`): the same
    // instant as `date_created`, written the other way.
    assert_eq!(order.date_updated, Some(utc("2017-03-28T20:06:39Z")));
    assert_eq!(order.date_created, Some(utc("2017-03-28T20:06:39Z")));
    assert_eq!(
        order.cc_emails.as_deref(),
        Some(&["test1@twilio.com".to_owned()][..])
    );
    assert_eq!(order.failure_rate, Some(0.5));
    assert_eq!(order.email.as_deref(), Some("test@twilio.com"));

    for _ in 0..2 {
        let empty = numbers
            .create_hosted_number_order("+14153608311", "+14153608312", "test@twilio.com")
            .send()
            .await
            .unwrap();
        assert_eq!(empty, HostedNumberOrder::default());
    }

    let bundles = answering_in_turn(
        200,
        &[json!({
            "results": [
                {"sid": BUNDLE_SID, "attributes": {"business_name": "Acme"}, "requirements": null},
                {"sid": BUNDLE_SID, "attributes": "plain text", "requirements": ["a", 1]},
                {"sid": BUNDLE_SID, "attributes": null}
            ],
            "meta": {"next_page_url": null, "key": "results"}
        })],
    )
    .await;
    let results = client(&bundles)
        .numbers_v2()
        .list_bundle()
        .send()
        .await
        .unwrap()
        .results
        .unwrap();
    let attributes: Vec<_> = results.iter().map(|b| b.attributes.clone()).collect();
    assert_eq!(
        attributes,
        [
            Some(json!({"business_name": "Acme"})),
            Some(json!("plain text")),
            None
        ]
    );
    let requirements: Vec<_> = results.iter().map(|b| b.requirements.clone()).collect();
    assert_eq!(requirements, [None, Some(json!(["a", 1])), None]);
}

/// S14: personal data (`email` is PII `sensitive`, `friendly_name` `standard`) is kept for serde
/// and comparisons but prints `<redacted>` in `Debug`.
#[test]
fn pii_properties_are_redacted_in_debug() {
    let order: HostedNumberOrder = serde_json::from_value(json!({
        "email": "alice@example.com",
        "friendly_name": "Alice's line"
    }))
    .unwrap();
    assert_eq!(order.email.as_deref(), Some("alice@example.com"));
    let debug = format!("{order:?}");
    assert!(!debug.contains("alice@example.com"), "{debug}");
    assert!(!debug.contains("Alice's line"), "{debug}");
    assert!(debug.contains("<redacted>"), "{debug}");
}

/// S13: `required` names that are not properties are ignored: the status decodes with or
/// without `date_updated`, and without a required property the body is refused.
#[tokio::test]
async fn required_names_absent_from_properties_are_ignored() {
    let server = answering_in_turn(
        200,
        &[
            json!({"account_sid": ACCOUNT_SID, "status": "COMPLETED", "last_status": "PROCESSING", "date_updated": "2024-03-01T12:00:00Z"}),
            json!({"status": "QUEUED"}),
            json!({"last_status": "QUEUED"}),
        ],
    )
    .await;
    let knowledge = client(&server).knowledge_v1();
    let with: ServiceKnowledgeStatus = knowledge
        .fetch_knowledge_status("aia_know_1")
        .send()
        .await
        .unwrap();
    assert_eq!(with.status, "COMPLETED");
    assert_eq!(with.last_status.as_deref(), Some("PROCESSING"));
    let without = knowledge
        .fetch_knowledge_status("aia_know_1")
        .send()
        .await
        .unwrap();
    assert_eq!(without.status, "QUEUED");
    assert_eq!(without.account_sid, None);
    let error = knowledge
        .fetch_knowledge_status("aia_know_1")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Decode(e) if e.message.contains("status")),
        "{error:?}"
    );
}

/// S16, S21: `allOf` of several objects is one merged struct; recursive types (direct, and
/// mutual through `filter_group` / `filter`) are sent and read at any depth and round-trip.
#[tokio::test]
async fn recursive_types_round_trip() {
    let result = json!({
        "chunks": [
            {"content": "Refunds are accepted within 30 days.", "score": 0.92, "metadata": {"page": 3}}
        ],
        "tree": {
            "url": "https://www.example.com/faq",
            "parent": {"url": "https://www.example.com/"},
            "children": [
                {"url": "https://www.example.com/faq/refunds", "children": [
                    {"url": "https://www.example.com/faq/refunds/eu", "children": []}
                ]}
            ]
        },
        "took_ms": 12
    });
    let server = answering_in_turn(200, std::slice::from_ref(&result)).await;
    let request = ServiceSearchRequest {
        query: "refund policy".into(),
        top: Some(3),
        filter: Some(ServiceFilterGroup {
            and: Some(vec![
                ServiceFilter {
                    field: Some("lang".into()),
                    value: Some("en".into()),
                    group: None,
                },
                ServiceFilter {
                    group: Some(ServiceFilterGroup {
                        not: Some(Box::new(ServiceFilter {
                            field: Some("draft".into()),
                            value: Some("true".into()),
                            group: None,
                        })),
                        and: None,
                    }),
                    ..ServiceFilter::default()
                },
            ]),
            not: None,
        }),
    };
    let answer: ServiceSearchResult = client(&server)
        .knowledge_v1()
        .search_knowledge("aia_know_1")
        .body(request.clone())
        .send()
        .await
        .unwrap();
    let sent = received(&server).await;
    assert_eq!(sent[0].url.path(), "/v1/Knowledge/aia_know_1/Search");
    let wire = body_json(&sent[0]);
    assert_eq!(
        wire,
        json!({
            "query": "refund policy",
            "top": 3,
            "filter": {"and": [
                {"field": "lang", "value": "en"},
                {"group": {"not": {"field": "draft", "value": "true"}}}
            ]}
        })
    );
    assert_eq!(
        serde_json::from_value::<ServiceSearchRequest>(wire).unwrap(),
        request
    );

    assert_eq!(answer.took_ms, Some(12));
    assert_eq!(answer.chunks[0].score, Some(0.92));
    assert_eq!(answer.chunks[0].keywords, None);
    let tree: &ServiceCrawlNode = answer.tree.as_ref().unwrap();
    assert_eq!(
        tree.parent.as_ref().unwrap().url.as_ref().unwrap().as_str(),
        "https://www.example.com/"
    );
    let grandchild = &tree.children.as_ref().unwrap()[0]
        .children
        .as_ref()
        .unwrap()[0];
    assert_eq!(
        grandchild.url.as_ref().unwrap().as_str(),
        "https://www.example.com/faq/refunds/eu"
    );
    assert_eq!(grandchild.children, Some(Vec::new()));
    assert_eq!(serde_json::to_value(&answer).unwrap(), result);
}

/// S20, S22 to S27: ID types check their patterns on what the caller gives (anchored ones whole,
/// unanchored ones by containing a match, alternations, bounded repetition of a group, prefixes),
/// refuse bad arguments before sending, and never reject what the server sends; one pattern
/// shared by two files is one type.
#[tokio::test]
async fn id_types_check_their_patterns() {
    let hex = "0123456789abcdef0123456789abcdef";
    // S22: anchored.
    assert!(HrSid::parse(format!("HR{}", hex.to_uppercase())).is_ok());
    assert!(HrSid::parse(format!("xHR{hex}")).is_err());
    assert!(HrSid::parse(format!("HR{hex}0")).is_err());
    // S20, S23: unanchored, as the spec writes it: a value containing a match is accepted.
    let contained = format!("xOR{hex}yy");
    assert_eq!(
        OrSidUnanchoredLowercase::parse(contained.as_str()).unwrap(),
        contained.as_str()
    );
    assert!(OrSidUnanchoredLowercase::parse(format!("OR{}", hex.to_uppercase())).is_err());
    let error = OrSidUnanchoredLowercase::parse("OR123").unwrap_err();
    assert_eq!(error.type_name(), "OrSidUnanchoredLowercase");
    // `format: Sid`: two uppercase letters and 32 hex digits.
    assert!(AnySid::parse(format!("US{hex}")).is_ok());
    assert!(AnySid::parse(format!("us{hex}")).is_err());
    // S24: alternation.
    assert!(SmOrMmSid::parse(format!("SM{hex}")).is_ok());
    assert!(SmOrMmSid::parse(format!("MM{hex}")).is_ok());
    assert!(SmOrMmSid::parse(format!("XM{hex}")).is_err());
    // S25: bounded repetition of a group; alternation of words.
    let twenty = vec![BUNDLE_SID; 20].join(",");
    assert!(BuId::parse(twenty.as_str()).is_ok());
    assert!(BuId::parse(format!("{twenty},{BUNDLE_SID}")).is_err());
    assert!(BuId::parse(format!("{BUNDLE_SID},")).is_err());
    assert!("STOP.ENGLISH".parse::<KeywordLocaleType>().is_ok());
    assert!("STOP.KLINGON".parse::<KeywordLocaleType>().is_err());
    assert!("STOPXENGLISH".parse::<KeywordLocaleType>().is_err());
    // S27: prefix.
    assert!(AiaKnowId::parse("aia_know_01h2mxmvnxfdkt6jqtxgz9r6q0").is_ok());
    assert!(AiaKnowId::parse("aia_know_").is_err());
    assert!(AiaKnowId::try_from("aia_plcy_1").is_err());

    // S26: one type for `account_sid` (knowledge_v1) and `AccountSid` (numbers_v2).
    let account = AcSid::parse(ACCOUNT_SID).unwrap();
    let order = HostedNumberOrder {
        account_sid: Some(account.clone()),
        ..HostedNumberOrder::default()
    };
    let status = ServiceKnowledgeStatus {
        account_sid: Some(account),
        status: "QUEUED".into(),
        last_status: None,
    };
    assert_eq!(order.account_sid, status.account_sid);

    let server = answering_in_turn(
        200,
        &[json!({"content": [], "results": [], "status": "QUEUED", "account_sid": "not-a-sid"})],
    )
    .await;
    let client = client(&server);
    client
        .iam_organizations()
        .list_role_assignments(contained.as_str())
        .identity(format!("US{hex}"))
        .scope(ACCOUNT_SID)
        .send()
        .await
        .unwrap();
    client
        .numbers_v2()
        .list_bundle()
        .bundle_sids(format!("{BUNDLE_SID},{BUNDLE_SID}"))
        .send()
        .await
        .unwrap();
    // Responses are never rejected for an ID's shape.
    let decoded = client
        .knowledge_v1()
        .fetch_knowledge_status("aia_know_1")
        .send()
        .await
        .unwrap();
    let odd = decoded.account_sid.unwrap();
    assert_eq!(odd, "not-a-sid");
    assert!(!odd.is_valid());

    let refused = [
        client
            .iam_organizations()
            .list_role_assignments("OR123")
            .send()
            .await
            .map(drop)
            .unwrap_err(),
        client
            .iam_organizations()
            .list_role_assignments(ORG_SID)
            .scope(format!("ac{hex}"))
            .send()
            .await
            .map(drop)
            .unwrap_err(),
        client
            .numbers_v2()
            .list_bundle()
            .bundle_sids(format!("{BUNDLE_SID};{BUNDLE_SID}"))
            .send()
            .await
            .map(drop)
            .unwrap_err(),
        client
            .messaging_v3()
            .fetch_opt_out_keywords("OO1234567890abcdef1234567890abcdef")
            .keyword_locale("STOP.KLINGON")
            .send()
            .await
            .map(drop)
            .unwrap_err(),
        client
            .knowledge_v1()
            .fetch_knowledge_status("aia_know_")
            .send()
            .await
            .map(drop)
            .unwrap_err(),
        client
            .numbers_v2()
            .create_hosted_number_order("+1", "+1", "a@example.com")
            .account_sid("AC123")
            .send()
            .await
            .map(drop)
            .unwrap_err(),
    ];
    let names: Vec<&str> = refused
        .iter()
        .map(|error| match error {
            Error::InvalidArgument(argument) => argument.name,
            other => panic!("expected InvalidArgument, got {other:?}"),
        })
        .collect();
    assert_eq!(
        names,
        [
            "organization_sid",
            "scope",
            "bundle_sids",
            "keyword_locale",
            "id",
            "account_sid"
        ]
    );

    let sent = received(&server).await;
    assert_eq!(sent.len(), 3, "refused requests send nothing");
    assert_eq!(
        sent[0].url.path(),
        format!("/Organizations/{contained}/RoleAssignments")
    );
    assert_eq!(
        sent[0].url.query(),
        Some(format!("Identity=US{hex}&Scope={ACCOUNT_SID}").as_str())
    );
    assert_eq!(
        sent[1].url.query(),
        Some(format!("BundleSids={BUNDLE_SID}%2C{BUNDLE_SID}").as_str())
    );
}
