//! Coverage of the whole table against Twilio's schema (`tests/data/schema.json`): every
//! element kind is built with every attribute set, written, parsed, and its attribute names
//! and allowed children compared with the schema; every listed enum value is a known variant.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::values::TestSample;
use super::*;

/// What one element kind writes when every typed setter has been called once.
struct Kind {
    rust: &'static str,
    xml: &'static str,
    children: BTreeSet<&'static str>,
    attributes: BTreeSet<String>,
    written: String,
}

macro_rules! kinds {
    ($($T:ident),* $(,)?) => {
        vec![$({
            let element = $T::test_instance().test_all_attributes();
            Kind {
                rust: stringify!($T),
                xml: $T::XML,
                children: $T::test_children().into_iter().collect(),
                attributes: element.0.attrs.iter().map(|(k, _)| k.to_string()).collect(),
                written: element.to_string(),
            }
        }),*]
    };
}

fn all_kinds() -> Vec<Kind> {
    kinds![
        // voice verbs
        Connect,
        Dial,
        Echo,
        Enqueue,
        Gather,
        Hangup,
        Leave,
        Pause,
        Play,
        Queue,
        Record,
        Redirect,
        Reject,
        Say,
        Sms,
        Pay,
        Prompt,
        Start,
        Stop,
        Refer,
        // nouns
        Room,
        Autopilot,
        Stream,
        VirtualAgent,
        Conversation,
        ConversationRelay,
        AiSession,
        ConversationRelaySession,
        Assistant,
        Client,
        Conference,
        Number,
        Sim,
        Sip,
        Application,
        WhatsApp,
        Task,
        Parameter,
        Siprec,
        Transcription,
        Recording,
        ReferSip,
        Config,
        Language,
        Identity,
        Uri,
        Headers,
        ApplicationSid,
        Header,
        // SSML
        SsmlBreak,
        SsmlEmphasis,
        SsmlLang,
        SsmlP,
        SsmlPhoneme,
        SsmlProsody,
        SsmlS,
        SsmlSayAs,
        SsmlSub,
        SsmlW,
        // messaging, fax
        Message,
        Body,
        Media,
        Receive,
    ]
}

fn schema() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn strs(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

/// The Rust type of a schema entry.
fn rust_name(sdk_class: &str) -> &str {
    match sdk_class {
        "SipUri" => "Uri",
        other => other,
    }
}

/// Lower-case duplicates of ConversationRelay's 2026 attributes (node/java spelling): we
/// write the camelCase spelling (module docs), so these are expected to be absent.
const LOWER_CASE_RELAY: [&str; 4] = [
    "backgroundnoisereduction",
    "deepgramsmartformat",
    "ignorebackchannel",
    "speechtimeout",
];

#[test]
fn every_element_attribute_and_child_of_the_schema() {
    let schema = schema();
    let kinds = all_kinds();
    let by_rust: BTreeMap<&str, &Kind> = kinds.iter().map(|k| (k.rust, k)).collect();
    assert_eq!(by_rust.len(), kinds.len(), "a kind is listed twice");

    let mut seen = BTreeSet::new();
    let mut attribute_pairs = 0;
    for section in ["voice", "messaging", "fax"] {
        for entry in schema[section].as_array().unwrap() {
            let class = rust_name(entry["sdk_class"].as_str().unwrap());
            let kind = by_rust
                .get(class)
                .unwrap_or_else(|| panic!("no type for {class}"));
            seen.insert(class);
            assert_eq!(kind.xml, entry["xml"].as_str().unwrap(), "{class}");

            let mut want: BTreeSet<String> = entry["attributes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["xml"].as_str().unwrap().to_owned())
                .filter(|a| !LOWER_CASE_RELAY.contains(&a.as_str()))
                .collect();
            if class == "Parameter" || class == "Config" || class == "Header" {
                want.extend(["name".to_owned(), "value".to_owned()]);
            }
            assert_eq!(kind.attributes, want, "attributes of {class}");
            attribute_pairs += want.len();

            let mut children: BTreeSet<String> = strs(&entry["children"]);
            if class == "Connect" {
                // Node-only <Assistant> is kept (module docs).
                children.insert("Assistant".to_owned());
            }
            let ours: BTreeSet<String> = kind.children.iter().map(|c| c.to_string()).collect();
            assert_eq!(ours, children, "children of {class}");

            let doc = roxmltree::Document::parse(&kind.written)
                .unwrap_or_else(|e| panic!("{class}: {e}: {}", kind.written));
            assert_eq!(
                doc.root_element().tag_name().name(),
                kind.xml.trim_start_matches("xml:")
            );
        }
    }
    let ours: BTreeSet<&str> = by_rust.keys().copied().collect();
    assert_eq!(ours, seen, "types without a schema entry");
    // 281 voice pairs of Python + 21 of Node's <Assistant> + messaging 6 + fax 5.
    assert_eq!(attribute_pairs, 313);

    let root = &schema["root"];
    let names =
        |v: Vec<&'static str>| -> BTreeSet<String> { v.into_iter().map(str::to_owned).collect() };
    assert_eq!(
        names(VoiceResponse::test_children()),
        strs(&root["voice_children"])
    );
    assert_eq!(
        names(MessagingResponse::test_children()),
        strs(&root["messaging_children"])
    );
    assert_eq!(
        names(FaxResponse::test_children()),
        strs(&root["fax_children"])
    );
}

fn known<T: TestSample + From<String>>(value: &str) -> bool {
    T::from(value.to_owned()).known()
}

/// The Rust type of each schema enum, by a function telling whether a value is known
/// (`None`: the value list is kept as a string, see `values`).
fn enum_check(name: &str) -> Option<fn(&str) -> bool> {
    let f: fn(&str) -> bool = match name {
        "Dial.record" => known::<DialRecord>,
        "Dial.trim" | "Record.trim" | "Conversation.trim" | "Conference.trim"
        | "Recording.trim" => known::<Trim>,
        n if n.ends_with(".recordingStatusCallbackEvent") => known::<RecordingEvent>,
        "Dial.ringTone" => known::<RingTone>,
        "Dial.recordingTrack" | "Recording.track" => known::<RecordingTrack>,
        "Dial.events" => known::<DialEvent>,
        "Gather.input" => known::<GatherInput>,
        "Reject.reason" => known::<RejectReason>,
        "Pay.input" => known::<PayInput>,
        "Pay.bankAccountType" => known::<BankAccountType>,
        "Pay.paymentMethod" => known::<PaymentMethod>,
        "Pay.tokenType" => known::<TokenType>,
        "Pay.validCardTypes" | "Prompt.cardType" => known::<CardType>,
        "Prompt.for" => known::<PromptFor>,
        "Prompt.errorType" => known::<PromptErrorType>,
        "Stream.track" | "Siprec.track" | "Transcription.track" => known::<StreamTrack>,
        "Conversation.record" => known::<ConversationRecord>,
        "Conversation.statusCallbackEvent" => known::<ConversationEvent>,
        "Client.statusCallbackEvent"
        | "Number.statusCallbackEvent"
        | "Sip.statusCallbackEvent"
        | "Application.statusCallbackEvent"
        | "WhatsApp.statusCallbackEvent" => known::<CallEvent>,
        "Conference.beep" => known::<ConferenceBeep>,
        "Conference.record" => known::<ConferenceRecord>,
        "Conference.region" => known::<ConferenceRegion>,
        "Conference.statusCallbackEvent" => known::<ConferenceEvent>,
        "Conference.jitterBufferSize" => known::<JitterBufferSize>,
        "break.strength" => known::<BreakStrength>,
        "emphasis.level" => known::<EmphasisLevel>,
        "phoneme.alphabet" => known::<PhonemeAlphabet>,
        "say-as.interpret-as" => known::<InterpretAs>,
        "say-as.format" => known::<SayAsFormat>,
        "Recording.channels" => known::<RecordingChannels>,
        "Receive.mediaType" => known::<FaxMediaType>,
        "Receive.pageSize" => known::<FaxPageSize>,
        "Gather.language" | "Say.language" | "Pay.language" | "lang.xml:lang" | "Say.voice" => {
            return None;
        }
        other => panic!("schema enum {other} has no Rust type"),
    };
    Some(f)
}

#[test]
fn every_enum_value_of_the_schema_is_a_known_variant() {
    let schema = schema();
    let mut checked = 0;
    for (name, values) in schema["enums"].as_object().unwrap() {
        let Some(is_known) = enum_check(name) else {
            continue;
        };
        for value in values.as_array().unwrap() {
            let value = value.as_str().unwrap();
            assert!(is_known(value), "{name}: {value}");
            checked += 1;
        }
    }
    assert_eq!(checked, 236);
    assert_eq!(Trim::from("do-not-trim").as_str(), "do-not-trim");
    assert_eq!(Trim::from("later"), Trim::Other("later".into()));
    assert_eq!(Method::from("GET"), Method::Get);
    assert_eq!(Voice::from("Polly.Amy").as_str(), "Polly.Amy");
}
