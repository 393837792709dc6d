//! Twilio's own test vectors (TWIML.md §4, from twilio-python 9.11.0 and twilio-node 6.0.2,
//! MIT, Copyright (C) 2023, Twilio, Inc.; see tests/data/README.md), rebuilt with the typed
//! builders. Where a vector follows a choice this module makes differently (Python's `<X />`,
//! Node's insertion-ordered attributes), it is compared structurally with roxmltree and
//! byte-exact against the vector rewritten to the documented choice.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is a failed test.

#[path = "twiml/common/mod.rs"]
mod common;

use common::{assert_same_tree, python_to_ours};
use twilio_api_runtime::twiml::*;

/// A Python vector: `<X />` becomes `<X/>`; otherwise byte for byte (both sort attributes).
fn python(ours: impl ToString, expected: &str) {
    let ours = ours.to_string();
    assert_same_tree(&ours, expected);
    assert_eq!(ours, python_to_ours(expected));
}

/// A Node vector whose attributes are already sorted (or absent): byte for byte.
fn node(ours: impl ToString, expected: &str) {
    let ours = ours.to_string();
    assert_same_tree(&ours, expected);
    assert_eq!(ours, expected);
}

/// A Node vector with attributes in insertion order: the same tree, and byte for byte against
/// `sorted`, the vector with its attributes sorted by name.
fn node_unsorted(ours: impl ToString, expected: &str, sorted: &str) {
    let ours = ours.to_string();
    assert_same_tree(&ours, expected);
    assert_same_tree(sorted, expected);
    assert_eq!(ours, sorted);
}

const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;

#[test]
fn v01_python_empty_voice_response() {
    python(
        VoiceResponse::new(),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response />"#,
    );
}

#[test]
fn v02_node_empty_voice_response() {
    node(
        VoiceResponse::new(),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response/>"#,
    );
}

#[test]
fn v03_python_hangup_leave_sms() {
    let response = VoiceResponse::new().hangup().leave().sms(
        Sms::new("twilio sms")
            .to("+11234567890")
            .from_("+10987654321"),
    );
    python(
        response,
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Hangup /><Leave /><Sms from="+10987654321" to="+11234567890">twilio sms</Sms></Response>"#,
    );
}

#[test]
fn v04_python_say_attributes_sorted() {
    // Set in another order than written: the output is sorted whatever the call order.
    let say = Say::new("Hello Monkey")
        .voice(Voice::MAN)
        .loop_(3)
        .language("fr");
    python(
        VoiceResponse::new().say(say),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Say language="fr" loop="3" voice="man">Hello Monkey</Say></Response>"#,
    );
}

#[test]
fn v05_python_say_unicode_and_apostrophe() {
    python(
        VoiceResponse::new().say("n\u{e9}cessaire et d'autres"),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Say>nécessaire et d'autres</Say></Response>"#,
    );
}

#[test]
fn v06_python_redirect_ampersand_in_text() {
    python(
        VoiceResponse::new()
            .redirect(Redirect::new("example.com?id=34&action=hey").method(Method::Post)),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Redirect method="POST">example.com?id=34&amp;action=hey</Redirect></Response>"#,
    );
}

#[test]
fn v07_python_sms_numbers_and_ampersand_in_attribute() {
    // Python passes the numbers as integers; here they are strings (phone numbers are text).
    let sms = Sms::new("Hello, World")
        .to(1231231234_u64.to_string())
        .from_("3453453456")
        .status_callback("example.com?id=34&action=hey");
    python(
        VoiceResponse::new().sms(sms),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Sms from="3453453456" statusCallback="example.com?id=34&amp;action=hey" to="1231231234">Hello, World</Sms></Response>"#,
    );
}

#[test]
fn v08_python_standalone_dial_with_conference() {
    let dial = Dial::new().conference(
        Conference::new("TestConferenceAttributes")
            .beep(ConferenceBeep::False)
            .wait_url("")
            .start_conference_on_enter(true)
            .end_conference_on_exit(true),
    );
    python(
        VoiceResponse::new().dial(dial),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Dial><Conference beep="false" endConferenceOnExit="true" startConferenceOnEnter="true" waitUrl="">TestConferenceAttributes</Conference></Dial></Response>"#,
    );
}

#[test]
fn v09_python_number_status_callback_event_list() {
    let number = Number::new("1231231234")
        .status_callback("http://example.com")
        .status_callback_event([CallEvent::Initiated, CallEvent::Completed]);
    python(
        VoiceResponse::new().dial(Dial::new().number(number)),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Dial><Number statusCallback="http://example.com" statusCallbackEvent="initiated completed">1231231234</Number></Dial></Response>"#,
    );
}

#[test]
fn v10_node_list_joined_with_spaces() {
    // Node's vector uses a made-up plural name only to show list handling. The typed setter
    // joins a list the same way under the real name...
    let typed = Number::new("+11234567890")
        .status_callback_event([CallEvent::Initiated, CallEvent::Ringing]);
    node(
        VoiceResponse::new().dial(Dial::new().number(typed)),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Dial><Number statusCallbackEvent="initiated ringing">+11234567890</Number></Dial></Response>"#,
    );
    // ...and the escape hatch writes the vector's name exactly.
    let raw = Number::new("+11234567890").attr("statusCallbackEvents", "initiated ringing");
    node(
        VoiceResponse::new().dial(Dial::new().number(raw)),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Dial><Number statusCallbackEvents="initiated ringing">+11234567890</Number></Dial></Response>"#,
    );
}

#[test]
fn v11_node_ampersand_in_attribute() {
    let number = Number::new("+11234567890")
        .status_callback("https://example.com?action=getTwiml&param=dial");
    node(
        VoiceResponse::new().dial(Dial::new().number(number)),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Dial><Number statusCallback="https://example.com?action=getTwiml&amp;param=dial">+11234567890</Number></Dial></Response>"#,
    );
}

#[test]
fn v12_node_dial_attributes_in_insertion_order() {
    let dial = Dial::from("+18584611234")
        .hangup_on_star(true)
        .timeout(5)
        .method(Method::Get)
        .trim(Trim::DoNotTrim);
    node_unsorted(
        VoiceResponse::new().dial(dial),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Dial hangupOnStar="true" timeout="5" method="GET" trim="do-not-trim">+18584611234</Dial></Response>"#,
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Dial hangupOnStar="true" method="GET" timeout="5" trim="do-not-trim">+18584611234</Dial></Response>"#,
    );
}

#[test]
fn v13_python_enqueue_task_json() {
    // Python turns a dict into JSON; here the caller passes the JSON text.
    let enqueue = Enqueue::new()
        .workflow_sid("123123123")
        .task(r#"{"account_sid": "AC123123123"}"#);
    python(
        VoiceResponse::new().enqueue(enqueue),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Enqueue workflowSid="123123123"><Task>{"account_sid": "AC123123123"}</Task></Enqueue></Response>"#,
    );
}

#[test]
fn v14_python_gather_say_play_pause() {
    python(
        VoiceResponse::new().gather(Gather::new().say("Hey").play("hey.mp3").pause()),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Gather><Say>Hey</Say><Play>hey.mp3</Play><Pause /></Gather></Response>"#,
    );
}

#[test]
fn v15_node_say_as_with_pass_through_role() {
    let say_as = SsmlSayAs::new("Words to speak")
        .interpret_as(InterpretAs::SpellOut)
        .attr("role", "yymmdd");
    node(
        VoiceResponse::new().say(Say::new("").say_as(say_as)),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Say><say-as interpret-as="spell-out" role="yymmdd">Words to speak</say-as></Say></Response>"#,
    );
}

#[test]
fn v16_node_lang_xml_lang() {
    node(
        VoiceResponse::new().say(Say::new("").lang(SsmlLang::from("Bonjour!").xml_lang("fr-FR"))),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Say><lang xml:lang="fr-FR">Bonjour!</lang></Say></Response>"#,
    );
}

#[test]
fn v17_python_message_text_then_media() {
    python(
        MessagingResponse::new().message(Message::from("Hello").media("example.com")),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Message>Hello<Media>example.com</Media></Message></Response>"#,
    );
}

#[test]
fn v18_node_message_body_and_media() {
    node(
        MessagingResponse::new().message(Message::new().body("foobar").media("https://twilio.com")),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Message><Body>foobar</Body><Media>https://twilio.com</Media></Message></Response>"#,
    );
}

#[test]
fn v19_node_two_messages_attributes_in_insertion_order() {
    let response = MessagingResponse::new()
        .message(
            Message::from("foobar")
                .to("18885551234")
                .from_("18885554321"),
        )
        .message(Message::new().to("11234567890").from_("10987654321"));
    node_unsorted(
        response,
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Message to="18885551234" from="18885554321">foobar</Message><Message to="11234567890" from="10987654321"/></Response>"#,
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Message from="18885554321" to="18885551234">foobar</Message><Message from="10987654321" to="11234567890"/></Response>"#,
    );
}

#[test]
fn python_declaration_can_be_left_out() {
    // Python's to_xml(xml_declaration=False) on an empty response writes `<Response />`.
    assert_eq!(
        VoiceResponse::new().to_xml_without_declaration(),
        python_to_ours("<Response />")
    );
    assert_eq!(VoiceResponse::new().to_xml(), format!("{DECL}<Response/>"));
}
