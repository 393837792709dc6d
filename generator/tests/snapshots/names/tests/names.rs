//! Hand-written: the `names` fixture's generated operations against a loopback server. Wire
//! names that are not Rust identifiers (comparison suffixes, dots, slashes, dashes, leading
//! digits, keywords, names over 100 characters, names differing only in case) are sent and read
//! exactly as the spec writes them; header parameters go as headers; query arrays as repeated
//! keys; `$ref` parameters and responses behave like inline ones. The rows of
//! `../../fixtures/CONSTRUCTS.md` each test covers are named in its doc comment.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

use std::collections::BTreeMap;

use fixture_names::Error;
use fixture_names::api_v2010::{CallStatus, PaymentMethod};
use fixture_names::chat_v2::{
    BindingType, ChannelType, UserBindingBindingType, WebhookEnabledType,
};
use fixture_names::content_v1::{
    CallToActionAction, CallToActionActionType, ContentCreateRequest, TwilioCallToAction,
    TwilioQuickReply, TwilioQuickReplyActionsItem, TwilioServiceErrorResponse, Types,
    TypesWhatsappCard,
};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ACCOUNT_SID: &str = "AC0123456789abcdef0123456789abcdef";
const CALL_SID: &str = "CA0123456789abcdef0123456789abcdef";
const SERVICE_SID: &str = "IS0123456789abcdef0123456789abcdef";
const CHANNEL_SID: &str = "CH0123456789abcdef0123456789abcdef";
const CONTENT_SID: &str = "HX0123456789abcdef0123456789abcdef";
const LONG_NAME: &str = "WhatsApp.ApprovalRequest.Category.AllowCategoryChange.NotifyWhenTheCategoryChangesFromUtilityToMarketingOrAuthentication.Enabled";

fn client(server: &MockServer) -> fixture_names::Client {
    fixture_names::Client::builder()
        .account_sid(ACCOUNT_SID)
        .auth_token("token")
        .base_url(server.uri())
        .max_retries(0)
        .build()
        .unwrap()
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

fn utc(text: &str) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

/// N1, N2: `StartTime<` and `StartTime>` are `start_time_before` / `start_time_after`, sent under
/// the spec's own names (`StartTime%3C=`, `StartTime%3E=`, which Twilio reads as `<=` / `>=`);
/// a query enum by `$ref` sends its wire value; the `.json` path suffix is kept.
#[tokio::test]
async fn comparison_suffixes_are_sent_as_the_spec_names_them() {
    let server = answering(
        "GET",
        &format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Calls.json"),
        ResponseTemplate::new(200).set_body_json(json!({
            "calls": [{
                "sid": "CAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "to": "+15558675310",
                "status": "in-progress",
                "start_time": "Tue, 31 Aug 2010 20:36:28 +0000"
            }],
            "next_page_uri": null,
            "page": 0,
            "page_size": 50
        })),
    )
    .await;
    let page = client(&server)
        .api_v2010()
        .list_call()
        .to("+15558675310")
        .status(CallStatus::InProgress)
        .start_time(utc("2024-05-01T00:00:00Z"))
        .start_time_before(utc("2024-05-31T23:59:59+02:00"))
        .start_time_after(utc("2024-04-30T00:00:00Z"))
        .page_size(50)
        .send()
        .await
        .unwrap();
    let sent = received(&server).await;
    assert_eq!(
        sent[0].url.query(),
        Some(
            "To=%2B15558675310&Status=in-progress\
             &StartTime=2024-05-01T00%3A00%3A00Z\
             &StartTime%3C=2024-05-31T21%3A59%3A59Z\
             &StartTime%3E=2024-04-30T00%3A00%3A00Z\
             &PageSize=50"
        )
    );
    let call = &page.calls.unwrap()[0];
    assert_eq!(call.status, Some(CallStatus::InProgress));
    // `date-time-rfc-2822`, as api_v2010 writes timestamps: decoded to UTC.
    assert_eq!(
        call.start_time,
        chrono::DateTime::parse_from_rfc2822("Tue, 31 Aug 2010 20:36:28 +0000")
            .ok()
            .map(|at| at.to_utc())
    );
}

/// N3: Rust keywords and `Type` as names: builder methods `type_`, `match_`; fields `type_`,
/// `match_`, `self_`, which serde reads and writes as `type`, `match`, `self`.
#[tokio::test]
async fn keyword_names_work_as_methods_and_fields() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Content"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "contents": [{
                "sid": CONTENT_SID,
                "links": {
                    "self": format!("https://content.twilio.com/v1/Content/{CONTENT_SID}"),
                    "approval_fetch": format!("https://content.twilio.com/v1/Content/{CONTENT_SID}/ApprovalRequests")
                }
            }]
        })))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("/v2/Services/{SERVICE_SID}/Channels")))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_json(json!({"sid": CHANNEL_SID, "type": "private"})),
        )
        .mount(&server)
        .await;
    let client = client(&server);
    let list = client
        .content_v1()
        .list_content()
        .type_("twilio/quick-reply")
        .match_("order")
        .send()
        .await
        .unwrap();
    let links = list.contents.unwrap()[0].links.clone().unwrap();
    assert_eq!(
        links.self_.unwrap().as_str(),
        format!("https://content.twilio.com/v1/Content/{CONTENT_SID}")
    );
    let channel = client
        .chat_v2()
        .create_channel(SERVICE_SID)
        .type_(ChannelType::Private)
        .send()
        .await
        .unwrap();
    assert_eq!(channel.type_, Some(ChannelType::Private));

    let sent = received(&server).await;
    assert_eq!(
        sent[0].url.query(),
        Some("Type=twilio%2Fquick-reply&match=order")
    );
    assert_eq!(body_text(&sent[1]), "Type=private");

    let action = CallToActionAction {
        type_: CallToActionActionType::PhoneNumber,
        title: "Call us".into(),
        url: None,
        phone: Some("+15558675310".into()),
        match_: Some("call".into()),
    };
    let wire = serde_json::to_value(&action).unwrap();
    assert_eq!(
        wire,
        json!({"type": "PHONE_NUMBER", "title": "Call us", "phone": "+15558675310", "match": "call"})
    );
    let back: CallToActionAction = serde_json::from_value(wire).unwrap();
    assert_eq!(back, action);
}

/// N4: dotted form names are builder methods with the dots as word breaks, sent as written.
#[tokio::test]
async fn dotted_form_names_are_sent_as_written() {
    let server = answering(
        "POST",
        &format!("/v2/Services/{SERVICE_SID}/Channels"),
        ResponseTemplate::new(201).set_body_json(json!({"sid": CHANNEL_SID, "type": "public"})),
    )
    .await;
    client(&server)
        .chat_v2()
        .create_channel(SERVICE_SID)
        .friendly_name("General")
        .type_(ChannelType::Public)
        .notifications_new_message_enabled(true)
        .notifications_new_message_template("New: ${MESSAGE}")
        .send()
        .await
        .unwrap();
    assert_eq!(
        body_text(&received(&server).await[0]),
        "FriendlyName=General&Type=public\
         &Notifications.NewMessage.Enabled=true\
         &Notifications.NewMessage.Template=New%3A+%24%7BMESSAGE%7D"
    );
}

/// N5: header parameters (a plain `If-Match`, an enum by `$ref`) are sent as headers, never in
/// the query or the form; a value that cannot be a header is refused before sending.
#[tokio::test]
async fn header_parameters_are_sent_as_headers() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"sid": CHANNEL_SID, "friendly_name": "Renamed"})),
        )
        .mount(&server)
        .await;
    let chat = client(&server).chat_v2();
    let channel = chat
        .update_channel(SERVICE_SID, CHANNEL_SID)
        .x_twilio_webhook_enabled(WebhookEnabledType::True)
        .if_match("\"v1\"")
        .friendly_name("Renamed")
        .send()
        .await
        .unwrap();
    assert_eq!(channel.friendly_name.as_deref(), Some("Renamed"));
    chat.create_channel(SERVICE_SID)
        .x_twilio_webhook_enabled(WebhookEnabledType::False)
        .send()
        .await
        .unwrap();
    let error = chat
        .update_channel(SERVICE_SID, CHANNEL_SID)
        .if_match("\"v1\"\r\nX-Injected: 1")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::InvalidArgument(e) if e.name == "If-Match"),
        "{error:?}"
    );

    let sent = received(&server).await;
    assert_eq!(sent.len(), 2, "the bad header was never sent");
    assert_eq!(
        sent[0].url.path(),
        format!("/v2/Services/{SERVICE_SID}/Channels/{CHANNEL_SID}")
    );
    assert_eq!(header(&sent[0], "x-twilio-webhook-enabled"), Some("true"));
    assert_eq!(header(&sent[0], "if-match"), Some("\"v1\""));
    assert_eq!(sent[0].url.query(), None);
    assert_eq!(body_text(&sent[0]), "FriendlyName=Renamed");
    assert_eq!(header(&sent[1], "x-twilio-webhook-enabled"), Some("false"));
    assert_eq!(header(&sent[1], "if-match"), None);
    assert_eq!(body_text(&sent[1]), "");
}

/// N6, N11: property names with slashes and dashes are snake_case fields, written back under
/// their wire names; the component named `ContentCreateRequest` keeps its key as its name
/// (its `title` differs) and is the body argument of `create_content`.
#[tokio::test]
async fn slashes_and_dashes_in_property_names_round_trip() {
    let server = answering(
        "POST",
        "/v1/Content",
        ResponseTemplate::new(201).set_body_json(json!({
            "sid": CONTENT_SID,
            "friendly_name": "order_update",
            "language": "en"
        })),
    )
    .await;
    let created = client(&server)
        .content_v1()
        .create_content(ContentCreateRequest {
            friendly_name: Some("order_update".into()),
            variables: Some(BTreeMap::from([("1".to_owned(), "12345".to_owned())])),
            language: "en".into(),
            types: Types {
                twilio_quick_reply: Some(TwilioQuickReply {
                    body: "Did your order arrive?".into(),
                    actions: vec![TwilioQuickReplyActionsItem {
                        title: "Yes".into(),
                        id: Some("arrived".into()),
                    }],
                }),
                twilio_call_to_action: Some(TwilioCallToAction {
                    body: None,
                    actions: Some(vec![CallToActionAction {
                        type_: CallToActionActionType::Url,
                        title: "Track".into(),
                        url: Some("https://example.com/track".into()),
                        phone: None,
                        match_: None,
                    }]),
                }),
                whatsapp_card: Some(TypesWhatsappCard {
                    body: Some("Card".into()),
                    footer: None,
                }),
                ..Types::default()
            },
        })
        .send()
        .await
        .unwrap();
    assert_eq!(created.sid.as_ref().unwrap(), CONTENT_SID);
    assert_eq!(created.language.as_deref(), Some("en"));
    let sent = received(&server).await;
    assert_eq!(header(&sent[0], "content-type"), Some("application/json"));
    assert_eq!(
        sent[0].body_json::<serde_json::Value>().unwrap(),
        json!({
            "friendly_name": "order_update",
            "variables": {"1": "12345"},
            "language": "en",
            "types": {
                "twilio/quick-reply": {
                    "body": "Did your order arrive?",
                    "actions": [{"title": "Yes", "id": "arrived"}]
                },
                "twilio/call-to-action": {
                    "actions": [{"type": "URL", "title": "Track", "url": "https://example.com/track"}]
                },
                "whatsapp/card": {"body": "Card"}
            }
        })
    );
}

/// N7: a leading digit gets an `n` (`3dSecure` → `n3d_secure`), in a form field and a property.
#[tokio::test]
async fn leading_digits_get_an_n() {
    let route = format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Calls/{CALL_SID}/Payments.json");
    let server = answering(
        "POST",
        &route,
        ResponseTemplate::new(201).set_body_json(json!({
            "sid": "PKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "call_sid": CALL_SID
        })),
    )
    .await;
    let payments = client(&server)
        .api_v2010()
        .create_payments(
            CALL_SID,
            "key-1",
            url::Url::parse("https://example.com/cb").unwrap(),
        )
        .payment_method(PaymentMethod::AchDebit)
        .n3d_secure(true)
        .send()
        .await
        .unwrap();
    assert_eq!(payments.call_sid.as_ref().unwrap(), CALL_SID);
    assert_eq!(
        body_text(&received(&server).await[0]),
        "IdempotencyKey=key-1&StatusCallback=https%3A%2F%2Fexample.com%2Fcb\
         &PaymentMethod=ach-debit&3dSecure=true"
    );
}

/// N8, N9: a query name over 100 characters is a (long) builder method sent under its full
/// name; a schema name with dots and over 100 characters is a type whose long property decodes.
#[tokio::test]
async fn names_over_100_characters_work() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v1/Content"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"contents": []})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/v1/Content/{CONTENT_SID}/ApprovalRequests")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "name": "order_update",
            "category": "UTILITY",
            "status": "approved",
            "3dSecure": false,
            LONG_NAME: true
        })))
        .mount(&server)
        .await;
    let client = client(&server);
    let list = client
        .content_v1()
        .list_content()
        .whats_app_approval_request_category_allow_category_change_notify_when_the_category_changes_from_utility_to_marketing_or_authentication_enabled(false)
        .send()
        .await
        .unwrap();
    assert_eq!(list.contents, Some(Vec::new()));
    let approval: fixture_names::content_v1::ContentAndApprovalsWhatsappApprovalRequestWhatsappApprovalStatusWithRejectionReasonAndAllowCategoryChange =
        client
            .content_v1()
            .fetch_approval_fetch(CONTENT_SID)
            .send()
            .await
            .unwrap();
    assert_eq!(approval.status.as_deref(), Some("approved"));
    assert_eq!(approval.n3d_secure, Some(false));
    assert_eq!(
        approval.whats_app_approval_request_category_allow_category_change_notify_when_the_category_changes_from_utility_to_marketing_or_authentication_enabled,
        Some(true)
    );
    let sent = received(&server).await;
    assert_eq!(
        sent[0].url.query(),
        Some(format!("{LONG_NAME}=false").as_str())
    );
}

/// N10, N12: the inline list response titled like a component becomes `ListContentResponse`;
/// `friendly_name` and `FriendlyName` are two fields (`friendly_name`, `friendly_name_2`), both
/// read from and written back to their own keys.
#[tokio::test]
async fn properties_differing_only_in_case_are_two_fields() {
    let server = answering(
        "GET",
        &format!("/v1/Content/{CONTENT_SID}"),
        ResponseTemplate::new(200).set_body_json(json!({
            "sid": CONTENT_SID,
            "friendly_name": "order_update",
            "FriendlyName": "Order update (legacy)",
            "language": "en",
            "types": {"twilio/text": {"body": "Your order {{1}} has shipped."}}
        })),
    )
    .await;
    let content = client(&server)
        .content_v1()
        .fetch_content(CONTENT_SID)
        .send()
        .await
        .unwrap();
    assert_eq!(content.friendly_name.as_deref(), Some("order_update"));
    assert_eq!(
        content.friendly_name_2.as_deref(),
        Some("Order update (legacy)")
    );
    assert_eq!(
        content
            .types
            .as_ref()
            .unwrap()
            .twilio_text
            .as_ref()
            .unwrap()
            .body,
        "Your order {{1}} has shipped."
    );
    let wire = serde_json::to_value(&content).unwrap();
    assert_eq!(wire["friendly_name"], "order_update");
    assert_eq!(wire["FriendlyName"], "Order update (legacy)");

    let list: fixture_names::content_v1::ListContentResponse =
        serde_json::from_value(json!({"contents": [wire]})).unwrap();
    assert_eq!(list.contents.unwrap()[0], content);
}

/// N13, N14: query arrays (of enums by `$ref`, of strings) are repeated keys; the two enums
/// whose names shorten alike are two types, each decoding its own responses.
#[tokio::test]
async fn query_arrays_are_repeated_keys() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!("/v2/Services/{SERVICE_SID}/Channels")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "channels": [{"sid": CHANNEL_SID, "type": "public"}, {"sid": CHANNEL_SID, "type": "secret"}]
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("/v2/Services/{SERVICE_SID}/Bindings")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "bindings": [{"sid": "BSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "binding_type": "apn"}]
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/v2/Services/{SERVICE_SID}/Users/US1/Bindings"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "bindings": [{"sid": "BSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "binding_type": "fcm"}]
        })))
        .mount(&server)
        .await;
    let chat = client(&server).chat_v2();
    let channels = chat
        .list_channel(SERVICE_SID)
        .type_([ChannelType::Public, ChannelType::Private])
        .send()
        .await
        .unwrap()
        .channels
        .unwrap();
    assert_eq!(channels[0].type_, Some(ChannelType::Public));
    assert!(matches!(&channels[1].type_, Some(ChannelType::Unknown(v)) if v.as_str() == "secret"));
    assert_eq!(channels[1].type_, Some(ChannelType::from("secret")));
    let bindings = chat
        .list_binding(SERVICE_SID)
        .binding_type([BindingType::Apn, BindingType::Gcm])
        .identity(["alice", "bob smith"])
        .send()
        .await
        .unwrap();
    assert_eq!(
        bindings.bindings.unwrap()[0].binding_type,
        Some(BindingType::Apn)
    );
    let user_bindings = chat
        .list_user_binding(SERVICE_SID, "US1")
        .binding_type([UserBindingBindingType::Fcm])
        .send()
        .await
        .unwrap();
    assert_eq!(
        user_bindings.bindings.unwrap()[0].binding_type,
        Some(UserBindingBindingType::Fcm)
    );
    // No values, no key.
    chat.list_channel(SERVICE_SID).send().await.unwrap();

    let queries: Vec<Option<String>> = received(&server)
        .await
        .iter()
        .map(|r| r.url.query().map(str::to_owned))
        .collect();
    assert_eq!(
        queries,
        [
            Some("Type=public&Type=private".to_owned()),
            Some("BindingType=apn&BindingType=gcm&Identity=alice&Identity=bob+smith".to_owned()),
            Some("BindingType=fcm".to_owned()),
            None,
        ]
    );
}

/// N15, N16: parameters by `$ref` are checked like inline ones (the path `Sid` against its
/// pattern, `PageSize` against 1..=1000) before sending; responses by `$ref` give `()` for 204
/// and an API error with the documented body for 404.
#[tokio::test]
async fn ref_parameters_and_responses() {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path(format!("/v1/Content/{CONTENT_SID}")))
        .respond_with(ResponseTemplate::new(204))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(404).set_body_json(json!({
            "code": 20404,
            "message": "The requested resource was not found",
            "more_info": "https://www.twilio.com/docs/errors/20404",
            "status": 404
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"contents": []})))
        .mount(&server)
        .await;
    let content = client(&server).content_v1();

    let deleted: () = content.delete_content(CONTENT_SID).send().await.unwrap();
    assert_eq!(deleted, ());
    let error = content
        .delete_content(CONTENT_SID)
        .send()
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(404));
    assert_eq!(error.code(), Some(20404));
    let body: TwilioServiceErrorResponse = error.api_error().unwrap().decode_body().unwrap();
    assert_eq!(
        body.more_info.as_deref(),
        Some("https://www.twilio.com/docs/errors/20404")
    );

    content.list_content().page_size(1000).send().await.unwrap();
    for size in [0, 1001] {
        let error = content
            .list_content()
            .page_size(size)
            .send()
            .await
            .unwrap_err();
        assert!(
            matches!(&error, Error::InvalidArgument(e) if e.name == "page_size"),
            "{error:?}"
        );
        assert!(error.to_string().contains("between 1 and 1000"), "{error}");
    }
    let error = content.fetch_content("HX0123").send().await.unwrap_err();
    assert!(
        matches!(&error, Error::InvalidArgument(e) if e.name == "sid"),
        "{error:?}"
    );

    let sent = received(&server).await;
    assert_eq!(sent.len(), 3, "refused requests send nothing");
    assert_eq!(sent[2].url.query(), Some("PageSize=1000"));
}

/// `{AccountSid}` at the root of a path is the client's account, as in Twilio's own SDKs;
/// `.account_sid(..)` targets another (a subaccount), and a client without an account SID
/// (bearer token only) must be told one: an error before anything is sent.
#[tokio::test]
async fn the_account_in_the_path_defaults_to_the_clients_and_can_be_another() {
    const SUBACCOUNT: &str = "ACfedcba9876543210fedcba9876543210";
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"call_sid": CALL_SID})))
        .mount(&server)
        .await;
    let client = client(&server);
    let url = url::Url::parse("https://example.com/cb").unwrap();
    let own = client
        .api_v2010()
        .create_payments(CALL_SID, "key-1", url.clone())
        .send()
        .await;
    let other = client
        .api_v2010()
        .create_payments(CALL_SID, "key-2", url.clone())
        .account_sid(SUBACCOUNT)
        .send()
        .await;
    assert!(own.is_ok() && other.is_ok(), "{own:?} {other:?}");
    let paths: Vec<String> = received(&server)
        .await
        .iter()
        .map(|r| r.url.path().to_owned())
        .collect();
    assert_eq!(
        paths,
        [
            format!("/2010-04-01/Accounts/{ACCOUNT_SID}/Calls/{CALL_SID}/Payments.json"),
            format!("/2010-04-01/Accounts/{SUBACCOUNT}/Calls/{CALL_SID}/Payments.json"),
        ]
    );

    let bad = client
        .api_v2010()
        .create_payments(CALL_SID, "key-3", url.clone())
        .account_sid("not-an-account")
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&bad, Error::InvalidArgument(a) if a.name == "account_sid"),
        "{bad:?}"
    );
    let bearer_only = fixture_names::Client::builder()
        .bearer_token("token")
        .base_url(server.uri())
        .build()
        .unwrap();
    let error = bearer_only
        .api_v2010()
        .create_payments(CALL_SID, "key-4", url)
        .send()
        .await
        .unwrap_err();
    let Error::InvalidArgument(argument) = &error else {
        panic!("expected an argument error, got {error:?}");
    };
    assert_eq!(argument.name, "account_sid");
    assert!(argument.message.contains("no account SID"), "{error}");
    assert_eq!(
        received(&server).await.len(),
        2,
        "nothing sent for either error"
    );
}

/// A URL input goes out as the caller wrote it (a parsed URL would gain a `/`), and text that
/// is no absolute URL is refused before anything is sent.
#[tokio::test]
async fn url_inputs_are_sent_as_written_and_checked_first() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"call_sid": CALL_SID})))
        .mount(&server)
        .await;
    let client = client(&server);
    client
        .api_v2010()
        .create_payments(CALL_SID, "key-1", "https://example.com")
        .send()
        .await
        .unwrap();
    let body = String::from_utf8(received(&server).await[0].body.clone()).unwrap();
    assert!(
        body.contains("StatusCallback=https%3A%2F%2Fexample.com&")
            || body.ends_with("StatusCallback=https%3A%2F%2Fexample.com"),
        "{body}"
    );
    let error = client
        .api_v2010()
        .create_payments(CALL_SID, "key-2", "/relative/path")
        .send()
        .await
        .unwrap_err();
    let Error::InvalidArgument(argument) = &error else {
        panic!("expected an argument error, got {error:?}");
    };
    assert_eq!(argument.name, "status_callback");
    assert!(argument.message.contains("absolute URL"), "{error}");
    assert_eq!(
        received(&server).await.len(),
        1,
        "nothing sent for the error"
    );
}

/// A file without operationIds (twilio-oai 1.x style): the methods are named from the method
/// and path (`list_queue`, `fetch_queue_settings`, `patch_queue_settings`), the client's account
/// fills `{AccountSid}`, and each sends what its path and method say.
#[tokio::test]
async fn operations_named_from_their_paths_send_their_requests() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(format!(
            "/2010-04-01/Accounts/{ACCOUNT_SID}/Queues.json"
        )))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"queues": [{"sid": "QU1", "friendly_name": "Support"}]})),
        )
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path("/v1/Queues/QU1/Settings"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path(format!(
            "/2010-04-01/Accounts/{ACCOUNT_SID}/Queues/QU1.json"
        )))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = client(&server);
    let legacy = client.legacy_v1();
    let page = legacy.list_queue().send().await.unwrap();
    let queue = &page.queues.as_ref().unwrap()[0];
    assert_eq!(queue.friendly_name.as_deref(), Some("Support"));
    legacy
        .patch_queue_settings("QU1")
        .max_size(5)
        .send()
        .await
        .unwrap();
    legacy.delete_queue("QU1").send().await.unwrap();
    let requests = received(&server).await;
    assert_eq!(requests.len(), 3);
    assert_eq!(body_text(&requests[1]), "MaxSize=5");
}
