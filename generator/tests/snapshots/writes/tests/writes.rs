//! Hand-written: the `writes` fixture's generated operations against a loopback server. Form
//! bodies (Twilio's conventions), JSON and SCIM bodies, every success outcome (201, 202, 200+201,
//! 200+204, 204, 302), documented error bodies, and arguments refused before anything is sent.
//! The rows of `../../fixtures/CONSTRUCTS.md` each test covers are named in its doc comment.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

use fixture_writes::Error;
use fixture_writes::events_v1::SinkType;
use fixture_writes::iam_organizations::{
    CreateRoleAssignmentError, OrSidUnanchoredLowercase, PublicApiCreateRoleAssignmentRequest,
    ScimError, ScimErrorScimType, ScimPatchOperation, ScimPatchRequest, ScimUser,
    TwilioServiceErrorResponse, UsSidUnanchoredLowercase,
};
use fixture_writes::iam_v1::{
    AccountVendorOauthAppUpdateRequest, AccountVendorOauthAppUpdateRequestClientCredentials,
    AccountVendorOauthAppUpdateRequestType, UpdateOauthAppAccountError,
};
use fixture_writes::messaging_v2::{
    ChannelsSenderRequestsCreate, ChannelsSenderRequestsCreateConfiguration,
    ChannelsSenderResponseStatus, WhatsappTypingIndicatorChannel,
};
use fixture_writes::voice_v1::{
    CreateConferenceRecordingOutcome, CreateConferenceRecordingRecordingChannels, ParticipantRole,
    ParticipantStatus, UpdateParticipantOutcome,
};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
const CONFERENCE_SID: &str = "CF0123456789abcdef0123456789abcdef";
const CALL_SID: &str = "CA0123456789abcdef0123456789abcdef";
const SINK_SID: &str = "DG0123456789abcdef0123456789abcdef";
const ORG_SID: &str = "OR0123456789abcdef0123456789abcdef";
const USER_SID: &str = "US0123456789abcdef0123456789abcdef";
const FORM: &str = "application/x-www-form-urlencoded";

fn client(server: &MockServer) -> fixture_writes::Client {
    fixture_writes::Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token("token")
        .base_url(server.uri())
        .max_retries(0)
        .build()
        .unwrap()
}

fn basic_auth() -> String {
    use base64::Engine as _;
    let encoded = base64::engine::general_purpose::STANDARD.encode(format!("{ACCOUNT_SID}:token"));
    format!("Basic {encoded}")
}

async fn answering(verb: &str, route: &str, response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(response)
        .mount(&server)
        .await;
    server
}

async fn received(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap()
}

fn header<'a>(request: &'a wiremock::Request, name: &str) -> Option<&'a str> {
    request
        .headers
        .get(name)
        .map(|value| value.to_str().unwrap())
}

fn body_text(request: &wiremock::Request) -> &str {
    std::str::from_utf8(&request.body).unwrap()
}

fn form_pairs(request: &wiremock::Request) -> Vec<(String, String)> {
    url::form_urlencoded::parse(&request.body)
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect()
}

fn utc(text: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

/// W1, W8 (required untyped field), W17: an inline form body with a `title` is flattened into
/// the method's arguments; the untyped `SinkConfiguration` goes as compact JSON text; the 201 body
/// is the `Sink` itself, whatever response headers come with it.
#[tokio::test]
async fn create_sink_flattens_its_form_and_returns_the_created_sink() {
    let server = answering(
        "POST",
        "/v1/Sinks",
        ResponseTemplate::new(201)
            .insert_header("Access-Control-Allow-Origin", "*")
            .insert_header("Access-Control-Allow-Credentials", "true")
            .set_body_json(json!({
                "status": "initialized",
                "sink_configuration": {"arn": "arn:aws:kinesis:us-east-1:111111111:stream/test"},
                "description": "My Kinesis Sink",
                "sid": "DGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "date_created": "2015-07-30T20:00:00Z",
                "sink_type": "kinesis",
                "date_updated": "2015-07-30T20:00:00Z",
                "url": "https://events.twilio.com/v1/Sinks/DGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "links": {"sink_test": "https://events.twilio.com/v1/Sinks/DGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/Test"}
            })),
    )
    .await;
    // Keys in alphabetical order, so the text is the same with or without serde_json's
    // `preserve_order` (feature unification may switch it on in the workspace).
    let configuration = json!({
        "arn": "arn:aws:kinesis:us-east-1:111111111:stream/test",
        "external_id": "1234567890",
        "role_arn": "arn:aws:iam::111111111:role/Role"
    });
    let sink = client(&server)
        .events_v1()
        .create_sink("My Kinesis Sink", configuration.clone(), SinkType::Kinesis)
        .send()
        .await
        .unwrap();

    let sent = received(&server).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(header(&sent[0], "content-type"), Some(FORM));
    assert_eq!(
        header(&sent[0], "authorization"),
        Some(basic_auth().as_str())
    );
    assert_eq!(
        body_text(&sent[0]),
        "Description=My+Kinesis+Sink\
         &SinkConfiguration=%7B%22arn%22%3A%22arn%3Aaws%3Akinesis%3Aus-east-1%3A111111111%3Astream%2Ftest%22\
         %2C%22external_id%22%3A%221234567890%22\
         %2C%22role_arn%22%3A%22arn%3Aaws%3Aiam%3A%3A111111111%3Arole%2FRole%22%7D\
         &SinkType=kinesis"
    );
    let pairs = form_pairs(&sent[0]);
    let sent_configuration: serde_json::Value = serde_json::from_str(&pairs[1].1).unwrap();
    assert_eq!(sent_configuration, configuration);

    assert_eq!(
        sink.sid.as_ref().unwrap(),
        "DGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    );
    assert_eq!(sink.sink_type, Some(SinkType::Kinesis));
    assert_eq!(
        sink.status.as_ref().map(|s| s.as_str()),
        Some("initialized")
    );
    assert_eq!(sink.date_created, Some(utc("2015-07-30T20:00:00Z")));
    assert_eq!(
        sink.sink_configuration,
        Some(json!({"arn": "arn:aws:kinesis:us-east-1:111111111:stream/test"}))
    );
    assert_eq!(
        sink.url.as_ref().map(url::Url::as_str),
        Some("https://events.twilio.com/v1/Sinks/DGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    );
    assert!(sink.links.unwrap()["sink_test"].is_string());
}

/// W2, W3, W5, W6, W7, W8 (optional untyped field), W9: required form fields are arguments
/// after the path (`From`, `To`, `Role` in property order), every other field a builder method;
/// arrays are repeated keys, dotted names are sent as written, booleans `true`, timestamps RFC 3339
/// in UTC, untyped values JSON text, enums their wire value.
#[tokio::test]
async fn create_participant_form_follows_twilios_conventions() {
    let server = answering(
        "POST",
        &format!("/v1/Conferences/{CONFERENCE_SID}/Participants"),
        ResponseTemplate::new(201).set_body_json(json!({
            "call_sid": "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "conference_sid": "CFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "label": "customer",
            "muted": false,
            "status": "queued",
            "date_created": "2024-03-01T12:00:00Z"
        })),
    )
    .await;
    let participant = client(&server)
        .voice_v1()
        .create_participant(
            CONFERENCE_SID,
            "+15017122661",
            "+15558675310",
            ParticipantRole::Agent,
        )
        .status_callback_event(["ringing", "answered"])
        .sip_username("alice")
        .sip_password("s3cret")
        .configuration_filters(["onMute", "onHold"])
        .muted(true)
        .scheduled_at(utc("2024-03-01T13:00:00+01:00"))
        .parameters(json!({"ticket": 42}))
        .status_callback_method(fixture_writes::HttpMethod::Post)
        .timeout(30)
        .send()
        .await
        .unwrap();

    let sent = received(&server).await;
    assert_eq!(header(&sent[0], "content-type"), Some(FORM));
    assert_eq!(
        body_text(&sent[0]),
        "From=%2B15017122661&To=%2B15558675310\
         &StatusCallbackEvent=ringing&StatusCallbackEvent=answered\
         &Sip.Username=alice&Sip.Password=s3cret\
         &Configuration.Filters=onMute&Configuration.Filters=onHold\
         &Muted=true&ScheduledAt=2024-03-01T12%3A00%3A00Z\
         &Parameters=%7B%22ticket%22%3A42%7D\
         &Role=agent&StatusCallbackMethod=POST&Timeout=30"
    );
    assert_eq!(participant.status, Some(ParticipantStatus::Queued));
    assert_eq!(participant.muted, Some(false));
    assert_eq!(participant.label.as_deref(), Some("customer"));
    assert_eq!(participant.date_created, Some(utc("2024-03-01T12:00:00Z")));

    // Only the required fields: nothing optional is sent, not even empty arrays.
    client(&server)
        .voice_v1()
        .create_participant(
            CONFERENCE_SID,
            "client:alice",
            "sip:bob@example.com",
            "supervisor",
        )
        .send()
        .await
        .unwrap();
    let sent = received(&server).await;
    assert_eq!(
        body_text(&sent[1]),
        "From=client%3Aalice&To=sip%3Abob%40example.com&Role=supervisor"
    );
}

/// W10: personal data in form fields (`To` is PII `standard`, `Sip.Password` `sensitive`) is sent
/// as given, and never printed by the request builder's `Debug`.
#[tokio::test]
async fn pii_form_fields_are_sent_but_not_printed() {
    let server = answering(
        "POST",
        &format!("/v1/Conferences/{CONFERENCE_SID}/Participants"),
        ResponseTemplate::new(201).set_body_json(json!({})),
    )
    .await;
    let request = client(&server)
        .voice_v1()
        .create_participant(CONFERENCE_SID, "+15017122661", "+15558675310", "agent")
        .sip_password("s3cret-sip");
    let debug = format!("{request:?}");
    request.send().await.unwrap();
    let pairs = form_pairs(&received(&server).await[0]);
    assert!(pairs.contains(&("To".to_owned(), "+15558675310".to_owned())));
    assert!(pairs.contains(&("Sip.Password".to_owned(), "s3cret-sip".to_owned())));
    assert!(!debug.contains("s3cret-sip"), "{debug}");
    assert!(!debug.contains("+15558675310"), "{debug}");
}

/// W4: an array of untyped items (no `encoding`) is sent as one JSON text per item under a
/// repeated `Types` key; a required array cannot be empty.
#[tokio::test]
async fn create_subscription_sends_each_untyped_item_as_json_text() {
    let server = answering(
        "POST",
        "/v1/Subscriptions",
        ResponseTemplate::new(201).set_body_json(json!({
            "account_sid": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "sid": "DFaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "sink_sid": "DGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "description": "A subscription",
            "date_created": "2015-07-30T20:00:00Z"
        })),
    )
    .await;
    let subscription = client(&server)
        .events_v1()
        .create_subscription(
            "A subscription",
            SINK_SID,
            [
                json!({"schema_version": 1, "type": "com.twilio.messaging.message.delivered"}),
                json!({"schema_version": 12, "type": "com.twilio.messaging.message.failed"}),
            ],
        )
        .send()
        .await
        .unwrap();
    let sent = received(&server).await;
    assert_eq!(
        body_text(&sent[0]),
        format!(
            "Description=A+subscription&SinkSid={SINK_SID}\
             &Types=%7B%22schema_version%22%3A1%2C%22type%22%3A%22com.twilio.messaging.message.delivered%22%7D\
             &Types=%7B%22schema_version%22%3A12%2C%22type%22%3A%22com.twilio.messaging.message.failed%22%7D"
        )
    );
    assert_eq!(
        subscription.sink_sid.as_ref().unwrap(),
        "DGaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    );
    assert_eq!(
        subscription.account_sid.as_ref().unwrap(),
        "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    );

    let error = client(&server)
        .events_v1()
        .create_subscription("A subscription", SINK_SID, Vec::new())
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::InvalidArgument(e) if e.name == "types"),
        "{error:?}"
    );
    assert_eq!(
        received(&server).await.len(),
        1,
        "the empty array was refused"
    );
}

/// W11: a form body given by `$ref` is flattened like an inline one; the path keeps `.json`.
#[tokio::test]
async fn form_body_by_ref_is_flattened_and_the_json_suffix_kept() {
    let server = answering(
        "POST",
        "/v2/Indicators/Typing.json",
        ResponseTemplate::new(200).set_body_json(json!({"success": true})),
    )
    .await;
    let answer = client(&server)
        .messaging_v2()
        .create_typing_indicator(
            WhatsappTypingIndicatorChannel::Whatsapp,
            "SM1234567890abcdef1234567890abcdef",
        )
        .send()
        .await
        .unwrap();
    assert_eq!(answer.success, Some(true));
    let sent = received(&server).await;
    assert_eq!(sent[0].url.path(), "/v2/Indicators/Typing.json");
    assert_eq!(header(&sent[0], "content-type"), Some(FORM));
    assert_eq!(
        body_text(&sent[0]),
        "channel=whatsapp&messageId=SM1234567890abcdef1234567890abcdef"
    );
}

/// W12, W18: a JSON body by `$ref` is one argument of the component's type, sent as
/// `application/json` (absent optional fields left out); a 202-only answer is that body's type.
#[tokio::test]
async fn json_body_is_sent_as_application_json_and_a_202_decodes() {
    let server = answering(
        "POST",
        "/v2/Channels/Senders",
        ResponseTemplate::new(202).set_body_json(json!({
            "sid": "XEaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "status": "CREATING",
            "sender_id": "whatsapp:+15017122661"
        })),
    )
    .await;
    let sender = client(&server)
        .messaging_v2()
        .create_channels_sender(ChannelsSenderRequestsCreate {
            sender_id: "whatsapp:+15017122661".into(),
            configuration: Some(ChannelsSenderRequestsCreateConfiguration {
                waba_id: Some("1234567890".into()),
                verification_code: None,
            }),
            profile: None,
        })
        .send()
        .await
        .unwrap();
    let sent = received(&server).await;
    assert_eq!(header(&sent[0], "content-type"), Some("application/json"));
    assert_eq!(
        body_text(&sent[0]),
        r#"{"sender_id":"whatsapp:+15017122661","configuration":{"waba_id":"1234567890"}}"#
    );
    assert_eq!(sender.status, Some(ChannelsSenderResponseStatus::Creating));
    assert_eq!(sender.sender_id.as_deref(), Some("whatsapp:+15017122661"));
}

/// W13: a PUT whose JSON body is a component: path argument first, then the body.
#[tokio::test]
async fn put_with_a_json_body_by_ref() {
    let sid = "OQ7cda1a615f05a95634e643aaaf7081d7";
    let server = answering(
        "PUT",
        &format!("/v1/Account/OAuthApps/{sid}"),
        ResponseTemplate::new(200).set_body_json(json!({
            "type": "client_credentials",
            "sid": sid,
            "friendly_name": "My App",
            "date_created": "2024-03-01T12:00:00Z"
        })),
    )
    .await;
    let app = client(&server)
        .iam_v1()
        .update_oauth_app_account(
            sid,
            AccountVendorOauthAppUpdateRequest {
                type_: AccountVendorOauthAppUpdateRequestType::ClientCredentials,
                friendly_name: "My App".into(),
                client_credentials: Some(AccountVendorOauthAppUpdateRequestClientCredentials {
                    grant_types: Some(vec!["client_credentials".into()]),
                    scopes: None,
                }),
            },
        )
        .send()
        .await
        .unwrap();
    let sent = received(&server).await;
    assert_eq!(sent[0].method.as_str(), "PUT");
    assert_eq!(header(&sent[0], "content-type"), Some("application/json"));
    assert_eq!(
        body_text(&sent[0]),
        r#"{"type":"client_credentials","friendly_name":"My App","client_credentials":{"grant_types":["client_credentials"]}}"#
    );
    assert_eq!(app.type_.as_deref(), Some("client_credentials"));
    assert_eq!(app.sid.as_ref().unwrap(), sid);
    assert_eq!(app.date_created, Some(utc("2024-03-01T12:00:00Z")));
}

fn scim_user_json() -> serde_json::Value {
    json!({
        "id": USER_SID,
        "userName": "alice@example.com",
        "displayName": "Alice",
        "active": true,
        "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"]
    })
}

/// W14: a body offered only as `application/scim+json` is sent as JSON with that content type,
/// the optional `If-Match` header parameter goes as a header, and the SCIM response decodes.
#[tokio::test]
async fn scim_put_sends_scim_json_and_reads_scim_json() {
    let route = format!("/Organizations/{ORG_SID}/scim/Users/{USER_SID}");
    let server = answering(
        "PUT",
        &route,
        ResponseTemplate::new(200)
            .set_body_raw(scim_user_json().to_string(), "application/scim+json"),
    )
    .await;
    let user = client(&server)
        .iam_organizations()
        .update_organization_user(
            OrSidUnanchoredLowercase::parse(ORG_SID).unwrap(),
            UsSidUnanchoredLowercase::parse(USER_SID).unwrap(),
            ScimUser {
                id: None,
                external_id: Some("ext-1".into()),
                user_name: "alice@example.com".into(),
                display_name: Some("Alice".into()),
                active: Some(true),
                schemas: None,
            },
        )
        .if_match("W/\"1\"")
        .send()
        .await
        .unwrap();
    let sent = received(&server).await;
    assert_eq!(sent[0].url.path(), route);
    assert_eq!(
        header(&sent[0], "content-type"),
        Some("application/scim+json")
    );
    assert_eq!(header(&sent[0], "accept"), Some("application/scim+json"));
    assert_eq!(header(&sent[0], "if-match"), Some("W/\"1\""));
    assert_eq!(
        body_text(&sent[0]),
        r#"{"externalId":"ext-1","userName":"alice@example.com","displayName":"Alice","active":true}"#
    );
    assert_eq!(user.id.as_deref(), Some(USER_SID));
    assert_eq!(user.user_name, "alice@example.com");
    assert_eq!(user.active, Some(true));
}

/// W15: a PATCH offering `application/json` and `application/scim+json` is sent as plain JSON.
#[tokio::test]
async fn patch_offering_json_and_scim_is_sent_as_plain_json() {
    let server = answering(
        "PATCH",
        &format!("/Organizations/{ORG_SID}/scim/Users/{USER_SID}"),
        ResponseTemplate::new(200)
            .set_body_raw(scim_user_json().to_string(), "application/scim+json"),
    )
    .await;
    let user = client(&server)
        .iam_organizations()
        .patch_organization_user(
            ORG_SID,
            USER_SID,
            ScimPatchRequest {
                schemas: Some(vec!["urn:ietf:params:scim:api:messages:2.0:PatchOp".into()]),
                operations: Some(vec![ScimPatchOperation {
                    op: Some("replace".into()),
                    path: None,
                    value: Some(json!({"active": false})),
                }]),
            },
        )
        .send()
        .await
        .unwrap();
    let sent = received(&server).await;
    assert_eq!(sent[0].method.as_str(), "PATCH");
    assert_eq!(header(&sent[0], "content-type"), Some("application/json"));
    assert_eq!(header(&sent[0], "if-match"), None);
    assert_eq!(
        body_text(&sent[0]),
        r#"{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","value":{"active":false}}]}"#
    );
    assert_eq!(user.display_name.as_deref(), Some("Alice"));
}

/// W16: a DELETE answered 204 returns `()`; an operation without a request body sends none.
#[tokio::test]
async fn deletes_answered_204_return_unit() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(204))
        .expect(2)
        .mount(&server)
        .await;
    let client = client(&server);
    let deleted: () = client
        .events_v1()
        .delete_sink(SINK_SID)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted, ());
    let deleted: () = client
        .iam_organizations()
        .delete_organization_user(ORG_SID, USER_SID)
        .send()
        .await
        .unwrap();
    assert_eq!(deleted, ());
    let sent = received(&server).await;
    assert_eq!(sent[0].url.path(), format!("/v1/Sinks/{SINK_SID}"));
    assert_eq!(
        sent[1].url.path(),
        format!("/Organizations/{ORG_SID}/scim/Users/{USER_SID}")
    );
    assert!(sent.iter().all(|r| r.body.is_empty()));
    assert!(sent.iter().all(|r| header(r, "content-type").is_none()));
}

/// W19: 200 and 201 with different bodies give the per-status outcome enum; a 2xx the spec does
/// not document is an error, not a guess.
#[tokio::test]
async fn different_bodies_per_status_give_an_outcome_enum() {
    let route = format!("/v1/Conferences/{CONFERENCE_SID}/Recordings");
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(route.as_str()))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({
            "sid": "REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "conference_sid": CONFERENCE_SID,
            "status": "in-progress",
            "channels": 2
        })))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(route.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "recording_sid": "REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "already_recording": true
        })))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(route.as_str()))
        .respond_with(ResponseTemplate::new(202).set_body_json(json!({})))
        .mount(&server)
        .await;
    let voice = client(&server).voice_v1();
    let first = voice
        .create_conference_recording(CONFERENCE_SID)
        .recording_channels(CreateConferenceRecordingRecordingChannels::Dual)
        .send()
        .await
        .unwrap();
    let CreateConferenceRecordingOutcome::Created(recording) = first else {
        panic!("expected Created, got {first:?}")
    };
    assert_eq!(recording.channels, Some(2));
    assert_eq!(recording.status.as_deref(), Some("in-progress"));

    let second = voice
        .create_conference_recording(CONFERENCE_SID)
        .send()
        .await
        .unwrap();
    let CreateConferenceRecordingOutcome::Ok(status) = second else {
        panic!("expected Ok, got {second:?}")
    };
    assert_eq!(status.already_recording, Some(true));
    assert_eq!(
        status.recording_sid.as_ref().unwrap(),
        "REaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    );

    let error = voice
        .create_conference_recording(CONFERENCE_SID)
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Decode(e) if e.status == 202),
        "{error:?}"
    );

    let sent = received(&server).await;
    assert_eq!(body_text(&sent[0]), "RecordingChannels=dual");
    // A form body with no field set is still a form body.
    assert_eq!(body_text(&sent[1]), "");
    assert_eq!(header(&sent[1], "content-type"), Some(FORM));
}

/// W20: 200 and 201 with the same schema are that one type, whichever comes.
#[tokio::test]
async fn same_body_for_200_and_201_is_one_type() {
    let route = format!("/v1/Sinks/{SINK_SID}/Test");
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(route.as_str()))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"result": "submitted"})))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(route.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"result": "queued"})))
        .mount(&server)
        .await;
    let events = client(&server).events_v1();
    let created: fixture_writes::events_v1::SinkSinkTest =
        events.create_sink_test(SINK_SID).send().await.unwrap();
    let ok = events.create_sink_test(SINK_SID).send().await.unwrap();
    assert_eq!(created.result.as_deref(), Some("submitted"));
    assert_eq!(ok.result.as_deref(), Some("queued"));
}

/// W21: 200 with a body or 204 without give `Ok(..)` or `NoContent`.
#[tokio::test]
async fn body_or_no_content_outcome() {
    let route = format!("/v1/Conferences/{CONFERENCE_SID}/Participants/{CALL_SID}");
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(route.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "call_sid": CALL_SID,
            "conference_sid": CONFERENCE_SID,
            "muted": true,
            "status": "connected"
        })))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(route.as_str()))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let voice = client(&server).voice_v1();
    let updated = voice
        .update_participant(CONFERENCE_SID, CALL_SID)
        .muted(true)
        .hold(false)
        .send()
        .await
        .unwrap();
    let UpdateParticipantOutcome::Ok(participant) = updated else {
        panic!("expected Ok, got {updated:?}")
    };
    assert_eq!(participant.status, Some(ParticipantStatus::Connected));
    assert_eq!(participant.muted, Some(true));
    let gone = voice
        .update_participant(CONFERENCE_SID, CALL_SID)
        .muted(false)
        .send()
        .await
        .unwrap();
    assert_eq!(gone, UpdateParticipantOutcome::NoContent);
    let sent = received(&server).await;
    assert_eq!(body_text(&sent[0]), "Muted=true&Hold=false");
    assert_eq!(body_text(&sent[1]), "Muted=false");
}

/// W22 (and `security: []`): the 302-only operation returns the `Location` as sent and its
/// documented body; the redirect is never followed, and no credentials are sent.
#[tokio::test]
async fn redirect_only_operation_returns_the_location_and_follows_nothing() {
    let elsewhere = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&elsewhere)
        .await;
    let target = format!(
        "{}/authorize?response_type=code&client_id=OQ7cda1a615f05a95634e643aaaf7081d7",
        elsewhere.uri()
    );
    let server = answering(
        "GET",
        "/v1/authorize",
        ResponseTemplate::new(302)
            .insert_header("Location", target.as_str())
            .set_body_json(json!({"redirect_to": target})),
    )
    .await;
    let answer = client(&server)
        .iam_organizations()
        .fetch_authorize()
        .response_type("code")
        .client_id("OQ7cda1a615f05a95634e643aaaf7081d7")
        .redirect_uri("www.twilio.com")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status, 302);
    assert_eq!(answer.location.as_deref(), Some(target.as_str()));
    assert_eq!(
        answer.body.redirect_to.as_ref().map(url::Url::as_str),
        Some(target.as_str())
    );
    let sent = received(&server).await;
    assert_eq!(
        sent[0].url.query(),
        Some(
            "response_type=code&client_id=OQ7cda1a615f05a95634e643aaaf7081d7&redirect_uri=www.twilio.com"
        )
    );
    assert_eq!(header(&sent[0], "authorization"), None);
    assert!(
        received(&elsewhere).await.is_empty(),
        "the redirect was followed"
    );

    // Twilio's own spec documents only the body: a 302 without `Location` still gives the body.
    let body_only = answering(
        "GET",
        "/v1/authorize",
        ResponseTemplate::new(302).set_body_json(json!({"redirect_to": "https://example.com/a"})),
    )
    .await;
    let answer = client(&body_only)
        .iam_organizations()
        .fetch_authorize()
        .send()
        .await
        .unwrap();
    assert_eq!(answer.location, None);
    assert_eq!(
        answer.body.redirect_to.as_ref().map(url::Url::as_str),
        Some("https://example.com/a")
    );

    // A 200 is not the redirect the operation promises.
    let error = client(&elsewhere)
        .iam_organizations()
        .fetch_authorize()
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Decode(e) if e.status == 200),
        "{error:?}"
    );
}

/// Documented error bodies (SCIM errors, Twilio's error objects inline or by `$ref`) are
/// `Error::Api` with the status, message and code, and decode into the generated error types.
#[tokio::test]
async fn documented_error_bodies_decode_with_api_error_decode_body() {
    let scim = MockServer::start().await;
    Mock::given(method("PUT"))
        .respond_with(
            ResponseTemplate::new(409).set_body_raw(
                json!({
                    "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"],
                    "detail": "userName is already taken",
                    "scimType": "uniqueness",
                    "status": "409"
                })
                .to_string(),
                "application/scim+json",
            ),
        )
        .mount(&scim)
        .await;
    let user = ScimUser {
        id: None,
        external_id: None,
        user_name: "alice@example.com".into(),
        display_name: None,
        active: None,
        schemas: None,
    };
    let error = client(&scim)
        .iam_organizations()
        .update_organization_user(ORG_SID, USER_SID, user)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(409));
    let api = error.api_error().unwrap();
    assert_eq!(api.message(), "userName is already taken");
    let body: ScimError = api.decode_body().unwrap();
    assert_eq!(body.scim_type, Some(ScimErrorScimType::Uniqueness));
    assert_eq!(body.status.as_deref(), Some("409"));

    let roles = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(400).set_body_raw(
                json!({
                    "code": 20001,
                    "message": "Invalid scope",
                    "moreInfo": "https://www.twilio.com/docs/errors/20001",
                    "status": 400
                })
                .to_string(),
                "application/scim+json",
            ),
        )
        .up_to_n_times(1)
        .mount(&roles)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({
            "code": 20403,
            "message": "Forbidden",
            "more_info": "https://www.twilio.com/docs/errors/20403",
            "status": 403
        })))
        .mount(&roles)
        .await;
    let assignment = || -> PublicApiCreateRoleAssignmentRequest {
        serde_json::from_value(json!({
            "role_sid": "IXc4ddb9d0befdb122b0eff334e3084544",
            "scope": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "identity": "USc4ddb9d0befdb122b0eff334e3084544"
        }))
        .unwrap()
    };
    let iam = client(&roles).iam_organizations();
    let bad_request = iam
        .create_role_assignment(ORG_SID, assignment())
        .send()
        .await
        .unwrap_err();
    assert_eq!(bad_request.status(), Some(400));
    assert_eq!(bad_request.code(), Some(20001));
    let api = bad_request.api_error().unwrap();
    assert_eq!(
        api.more_info(),
        Some("https://www.twilio.com/docs/errors/20001")
    );
    let body: TwilioServiceErrorResponse = api.decode_body().unwrap();
    assert_eq!(
        (body.code, body.message.as_deref(), body.status),
        (Some(20001), Some("Invalid scope"), Some(400))
    );
    let forbidden = iam
        .create_role_assignment(ORG_SID, assignment())
        .send()
        .await
        .unwrap_err();
    assert_eq!(forbidden.code(), Some(20403));
    let body: CreateRoleAssignmentError = forbidden.api_error().unwrap().decode_body().unwrap();
    assert_eq!(body.message.as_deref(), Some("Forbidden"));
    let sent = received(&roles).await;
    assert_eq!(
        sent[0].body_json::<serde_json::Value>().unwrap(),
        json!({
            "role_sid": "IXc4ddb9d0befdb122b0eff334e3084544",
            "scope": "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "identity": "USc4ddb9d0befdb122b0eff334e3084544"
        })
    );

    let sid = "OQ7cda1a615f05a95634e643aaaf7081d7";
    let apps = answering(
        "PUT",
        &format!("/v1/Account/OAuthApps/{sid}"),
        ResponseTemplate::new(404).set_body_json(json!({
            "code": 20404,
            "message": "The requested resource was not found",
            "more_info": "https://www.twilio.com/docs/errors/20404",
            "status": 404
        })),
    )
    .await;
    let not_found = client(&apps)
        .iam_v1()
        .update_oauth_app_account(
            sid,
            AccountVendorOauthAppUpdateRequest {
                type_: "client_credentials".into(),
                friendly_name: "x".into(),
                client_credentials: None,
            },
        )
        .send()
        .await
        .unwrap_err();
    assert_eq!(not_found.status(), Some(404));
    assert_eq!(not_found.code(), Some(20404));
    let body: UpdateOauthAppAccountError = not_found.api_error().unwrap().decode_body().unwrap();
    assert_eq!(body.status, Some(404));
}

/// Bad arguments (an ID of the wrong shape in the path or a form field, a header value that
/// cannot be sent) are refused with `Error::InvalidArgument` naming the input, and nothing is sent.
#[tokio::test]
async fn bad_arguments_are_refused_before_sending() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    let client = client(&server);
    let refused = |error: Error| match error {
        Error::InvalidArgument(argument) => (argument.name, argument.message),
        other => panic!("expected InvalidArgument, got {other:?}"),
    };

    let (name, message) = refused(
        client
            .events_v1()
            .delete_sink("DG123")
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(name, "sid");
    assert!(message.contains("is not a valid DgSid"), "{message}");
    assert!(
        !message.contains("DG123"),
        "arguments are not repeated: {message}"
    );

    let (name, _) = refused(
        client
            .events_v1()
            .create_subscription("d", "sink", [json!({})])
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(name, "sink_sid");

    let (name, _) = refused(
        client
            .voice_v1()
            .update_participant(CONFERENCE_SID, "CF0123456789abcdef0123456789abcdef")
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(name, "call_sid");

    let (name, message) = refused(
        client
            .messaging_v2()
            .create_typing_indicator("whatsapp", "XX1234567890abcdef1234567890abcdef")
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(name, "message_id");
    assert!(message.contains("SmOrMmSid"), "{message}");

    let (name, _) = refused(
        client
            .iam_organizations()
            .delete_organization_user("OR0123", USER_SID)
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(name, "organization_sid");

    let (name, _) = refused(
        client
            .iam_organizations()
            .patch_organization_user(ORG_SID, USER_SID, ScimPatchRequest::default())
            .if_match("W/\"1\"\r\nX-Injected: 1")
            .send()
            .await
            .unwrap_err(),
    );
    assert_eq!(name, "If-Match");

    assert!(received(&server).await.is_empty(), "nothing was sent");
}

/// W8: an untyped form field given JSON text as a string (the form of the spec's own example,
/// `SinkConfiguration: '{"arn": …}'`) is sent as that text, as the runtime's `WireText` for
/// `serde_json::Value` documents ("a JSON string is sent as its text"), not quoted a second time.
#[tokio::test]
async fn untyped_form_field_sends_a_json_string_as_its_text() {
    let server = answering(
        "POST",
        "/v1/Sinks",
        ResponseTemplate::new(201).set_body_json(json!({})),
    )
    .await;
    client(&server)
        .events_v1()
        .create_sink("d", json!(r#"{"arn":"x"}"#), SinkType::Kinesis)
        .send()
        .await
        .unwrap();
    let pairs = form_pairs(&received(&server).await[0]);
    assert_eq!(
        pairs[1],
        ("SinkConfiguration".to_owned(), r#"{"arn":"x"}"#.to_owned())
    );
}

/// A POST always states its body's length: `Content-Length: 0` for an empty form (which the
/// runtime sets, as servers may answer 411 otherwise) and likewise for an operation with no
/// request body at all (`CreateSinkTest`).
#[tokio::test]
async fn bodiless_posts_send_content_length_zero() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({})))
        .mount(&server)
        .await;
    let client = client(&server);
    let _ = client
        .voice_v1()
        .create_conference_recording(CONFERENCE_SID)
        .send()
        .await;
    client
        .events_v1()
        .create_sink_test(SINK_SID)
        .send()
        .await
        .unwrap();
    let sent = received(&server).await;
    assert_eq!(header(&sent[0], "content-length"), Some("0"), "empty form");
    assert_eq!(header(&sent[1], "content-length"), Some("0"), "no body");
}
