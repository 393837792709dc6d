//! Hand-written: the fixture crate's generated operations send what its spec says, against a
//! loopback server. Covers what the Twilio specs do not use: typed (ID) path arguments, required
//! and repeated query parameters, enums, timestamps and booleans in queries, length checks, a
//! server base path, and an operation without a response body.

#![allow(clippy::unwrap_used)] // A panic in a test is a failed test.

use fixture_features::Error;
use fixture_features::widgets_v2::ListWidgetsColor;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn client(server: &MockServer) -> fixture_features::Client {
    fixture_features::Client::builder()
        .account_sid("AC0123456789abcdef0123456789abcdef")
        .auth_token("token")
        .base_url(server.uri())
        .build()
        .unwrap()
}

#[tokio::test]
async fn typed_path_arguments_are_checked_and_the_base_path_is_kept() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/base/v2/Widgets/WG00ff"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"sid": "WG00ff", "name": "w"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("DELETE"))
        .and(path("/base/v2/Widgets/WG00ff"))
        .respond_with(ResponseTemplate::new(204))
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let widget = client
        .widgets_v2()
        .fetch_widget("WG00ff")
        .send()
        .await
        .unwrap();
    assert_eq!(widget.sid.as_str(), "WG00ff");
    #[allow(deprecated)]
    let deleted: () = client
        .widgets_v2()
        .delete_widget("WG00ff")
        .send()
        .await
        .unwrap();
    assert_eq!(deleted, ());

    let error = client
        .widgets_v2()
        .fetch_widget("WG00FF")
        .send()
        .await
        .unwrap_err();
    let Error::InvalidArgument(argument) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(argument.name, "widget_sid");
    assert!(
        argument.message.contains("is not a valid WidgetSid")
            && !argument.message.contains("WG00FF"),
        "{error}"
    );
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        2,
        "the bad ID was never sent"
    );
}

#[tokio::test]
async fn query_parameters_are_checked_and_encoded() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/base/v2/Widgets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({"widgets": []})))
        .mount(&server)
        .await;
    let client = client(&server).await;
    let since = chrono::DateTime::parse_from_rfc3339("2024-05-06T07:08:09+02:00")
        .unwrap()
        .to_utc();
    client
        .widgets_v2()
        .list_widgets("big one")
        .color(ListWidgetsColor::Green)
        .tag(["a", "b c"])
        .since(since)
        .active(true)
        .owner("US0123456789abcdef0123456789abcdef")
        .page_size(100)
        .send()
        .await
        .unwrap();
    let sent = server.received_requests().await.unwrap();
    assert_eq!(
        sent[0].url.query(),
        Some(
            "PageSize=100&Color=green&Tag=a&Tag=b+c&Since=2024-05-06T05%3A08%3A09Z&Name=big+one&Active=true&Owner=US0123456789abcdef0123456789abcdef"
        )
    );

    // A required query parameter is a method argument: forgetting it does not compile.
    let empty = client
        .widgets_v2()
        .list_widgets("")
        .send()
        .await
        .unwrap_err();
    assert!(
        empty
            .to_string()
            .contains("must be 1 to 64 characters long"),
        "{empty}"
    );
    let owner = client
        .widgets_v2()
        .list_widgets("x")
        .owner("US1")
        .send()
        .await
        .unwrap_err();
    assert!(
        owner.to_string().contains("is not a valid OwnerSid"),
        "{owner}"
    );
    let size = client
        .widgets_v2()
        .list_widgets("x")
        .page_size(101)
        .send()
        .await
        .unwrap_err();
    assert!(size.to_string().contains("between 1 and 100"), "{size}");
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        1,
        "refused requests send nothing"
    );
}

#[tokio::test]
async fn a_prefixed_map_goes_out_as_one_pair_per_leaf_and_a_non_object_is_refused() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/base/v2/Widgets/WG00ff"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"sid": "WG00ff", "name": "w"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    client
        .widgets_v2()
        .fetch_widget("WG00ff")
        .add_ons_data(serde_json::json!({
            "payfone_tcpa_compliance": {"RightPartyContactedDate": "20160101"},
            "nomorobo_spamscore": {"level": 2},
        }))
        .send()
        .await
        .unwrap();
    let requests = server.received_requests().await.unwrap();
    // The map's order is serde_json's (sorted, or as written with its `preserve_order`).
    let mut pairs: Vec<(String, String)> = requests[0].url.query_pairs().into_owned().collect();
    pairs.sort();
    assert_eq!(
        pairs,
        [
            ("AddOns.nomorobo_spamscore.level".to_owned(), "2".to_owned()),
            (
                "AddOns.payfone_tcpa_compliance.RightPartyContactedDate".to_owned(),
                "20160101".to_owned()
            ),
        ]
    );

    let error = client
        .widgets_v2()
        .fetch_widget("WG00ff")
        .add_ons_data(serde_json::json!(["not", "a", "map"]))
        .send()
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::InvalidArgument(e) if e.name == "add_ons_data"),
        "{error}"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

/// A form array of objects goes out as one `Parts=<JSON>` pair per item, in the caller's order,
/// each item compact JSON with only the fields set (Twilio's `Types` of CreateSubscription is
/// sent this way by its SDKs); a `$ref`'d object nests as JSON too.
#[tokio::test]
async fn form_arrays_of_objects_send_one_json_value_per_item() {
    use fixture_features::widgets_v2::{Category, Part};
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/base/v2/Widgets"))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_json(serde_json::json!({"sid": "WG00ff", "name": "w"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let client = client(&server).await;
    let parts = [
        Part {
            name: "bolt".to_owned(),
            count: Some(2),
        },
        Part {
            name: "nut & washer".to_owned(),
            count: None,
        },
    ];
    let category = Category {
        name: Some("tools".to_owned()),
        parent: Some(Box::new(Category {
            name: Some("all".to_owned()),
            parent: None,
            children: None,
        })),
        children: None,
    };
    let widget = client
        .widgets_v2()
        .create_widget("w")
        .parts(parts)
        .categories([category])
        .send()
        .await
        .unwrap();
    assert_eq!(widget.name, "w");
    let requests = server.received_requests().await.unwrap();
    let body = String::from_utf8(requests[0].body.clone()).unwrap();
    let form = reqwest::Url::parse(&format!("http://form/?{body}")).unwrap();
    let pairs: Vec<(String, String)> = form
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let expected = [
        ("Name", r#"w"#),
        ("Parts", r#"{"name":"bolt","count":2}"#),
        ("Parts", r#"{"name":"nut & washer"}"#),
        ("Categories", r#"{"name":"tools","parent":{"name":"all"}}"#),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    assert_eq!(pairs, expected);
}
