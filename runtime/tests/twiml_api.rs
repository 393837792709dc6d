//! The public API contract of the design doc, the builder rules, and one response that uses
//! every element kind through its public methods, parsed back.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is a failed test.

#[path = "twiml/common/mod.rs"]
mod common;

use common::tree;
use twilio_api_runtime::twiml::*;

const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>"#;

fn body(xml: impl ToString) -> String {
    let xml = xml.to_string();
    xml.strip_prefix(DECL).map(str::to_owned).unwrap_or(xml)
}

#[test]
fn contract_examples() {
    let xml: String = VoiceResponse::new().say("Hello").to_string();
    assert_eq!(xml, format!("{DECL}<Response><Say>Hello</Say></Response>"));

    let r = VoiceResponse::new()
        .play("https://x/a.mp3")
        .pause()
        .redirect("https://x/next")
        .hangup();
    assert_eq!(
        body(r),
        "<Response><Play>https://x/a.mp3</Play><Pause/><Redirect>https://x/next</Redirect><Hangup/></Response>"
    );

    let r =
        VoiceResponse::new().gather(Gather::new().say("Press 1").play("https://x/b.mp3").pause());
    assert_eq!(
        body(r),
        "<Response><Gather><Say>Press 1</Say><Play>https://x/b.mp3</Play><Pause/></Gather></Response>"
    );

    assert_eq!(
        body(VoiceResponse::new().dial("+15555550100")),
        "<Response><Dial>+15555550100</Dial></Response>"
    );
    assert_eq!(
        body(VoiceResponse::new().dial(Dial::new().number("+15555550100"))),
        "<Response><Dial><Number>+15555550100</Number></Dial></Response>"
    );

    assert_eq!(
        body(
            MessagingResponse::new()
                .message("Hi")
                .redirect("https://x/sms")
        ),
        "<Response><Message>Hi</Message><Redirect>https://x/sms</Redirect></Response>"
    );
    assert_eq!(
        body(MessagingResponse::new().message(Message::new().body("Hi").media("https://x/a.png"))),
        "<Response><Message><Body>Hi</Body><Media>https://x/a.png</Media></Message></Response>"
    );

    let g = Gather::new().action("https://x/g").num_digits(1);
    assert_eq!(
        g.to_string(),
        r#"<Gather action="https://x/g" numDigits="1"/>"#
    );
    let s = Say::new("Hi").voice(Voice::ALICE);
    assert_eq!(s.to_string(), r#"<Say voice="alice">Hi</Say>"#);
    // String works wherever &str does.
    let owned = String::from("Hi");
    assert_eq!(
        VoiceResponse::new().say(owned.clone()),
        VoiceResponse::new().say("Hi")
    );
    assert_eq!(Say::from(owned), Say::new("Hi"));
}

#[test]
fn bare_and_configured_children() {
    let r = VoiceResponse::new()
        .pause()
        .push(Pause::new().length(2))
        .hangup()
        .push(Hangup::new().parameter("reason", "done"))
        .reject()
        .push(Reject::new().reason(RejectReason::Busy))
        .echo()
        .leave()
        .record()
        .push(Record::new().max_length(30).play_beep(false));
    assert_eq!(
        body(r),
        concat!(
            "<Response><Pause/><Pause length=\"2\"/><Hangup/>",
            "<Hangup><Parameter name=\"reason\" value=\"done\"/></Hangup>",
            "<Reject/><Reject reason=\"busy\"/><Echo/><Leave/><Record/>",
            "<Record maxLength=\"30\" playBeep=\"false\"/></Response>"
        )
    );
    // push takes text-carrying and container children too.
    assert_eq!(
        VoiceResponse::new().push(Say::new("a")),
        VoiceResponse::new().say("a")
    );
}

#[test]
fn attributes_sorted_last_wins_empty_kept() {
    let a = Conference::new("room")
        .wait_url("")
        .beep(ConferenceBeep::OnEnter)
        .muted(true)
        .muted(false)
        .attr("beep", "onExit")
        .attr("Zeta", "1");
    assert_eq!(
        a.to_string(),
        r#"<Conference Zeta="1" beep="onExit" muted="false" waitUrl="">room</Conference>"#
    );
    // A typed setter after .attr() of the same name wins too.
    let b = Play::new().attr("loop", "9").loop_(2);
    assert_eq!(b.to_string(), r#"<Play loop="2"/>"#);
    // Open enums take strings, known or not.
    let c = Dial::new()
        .record("record-from-answer")
        .ring_tone("xx")
        .trim(Trim::TrimSilence);
    assert_eq!(
        c.to_string(),
        r#"<Dial record="record-from-answer" ringTone="xx" trim="trim-silence"/>"#
    );
    assert_eq!(
        DialRecord::from("record-from-answer"),
        DialRecord::RecordFromAnswer
    );
    assert_eq!(RingTone::from("xx"), RingTone::Other("xx".into()));
}

#[test]
fn lists_are_space_separated() {
    let g = Gather::new().input([GatherInput::Dtmf, GatherInput::Speech]);
    assert_eq!(g.to_string(), r#"<Gather input="dtmf speech"/>"#);
    let p = Prompt::new()
        .for_(PromptFor::PaymentCardNumber)
        .attempt([1, 2, 3])
        .error_type(["timeout".into(), PromptErrorType::InvalidCardNumber]);
    assert_eq!(
        p.to_string(),
        r#"<Prompt attempt="1 2 3" errorType="timeout invalid-card-number" for="payment-card-number"/>"#
    );
    let empty = Pay::new().valid_card_types(Vec::<CardType>::new());
    assert_eq!(empty.to_string(), r#"<Pay validCardTypes=""/>"#);
}

#[test]
fn mixed_text_and_generic_elements() {
    let r = VoiceResponse::new()
        .text("before")
        .leave()
        .text("after")
        .text("!");
    assert_eq!(body(r), "<Response>before<Leave/>after!</Response>");
    let d = Dial::from("+10000000000").push(GenericElement::new("Ninja").attr("sword", "always"));
    assert_eq!(
        d.to_string(),
        r#"<Dial>+10000000000<Ninja sword="always"/></Dial>"#
    );
    let g = GenericElement::new("message")
        .attr("tag", "global")
        .push(Body::new("x"))
        .push(GenericElement::new("inner").text("t"));
    assert_eq!(
        g.to_string(),
        r#"<message tag="global"><Body>x</Body><inner>t</inner></message>"#
    );
    assert_eq!(
        GenericElement::new("").attr("a b", "1").to_string(),
        r#"<_ a_b="1"/>"#
    );
    // Empty text gives a self-closed element, as in both SDKs.
    assert_eq!(
        body(VoiceResponse::new().say("").redirect("")),
        "<Response><Say/><Redirect/></Response>"
    );
}

#[test]
fn declaration_optional() {
    let m = MessagingResponse::new().message("x");
    assert_eq!(m.to_xml(), m.to_string());
    assert_eq!(
        m.to_xml_without_declaration(),
        "<Response><Message>x</Message></Response>"
    );
    assert_eq!(
        format!("{DECL}{}", m.to_xml_without_declaration()),
        m.to_string()
    );
    let f = FaxResponse::new().receive();
    assert_eq!(
        f.to_xml_without_declaration(),
        "<Response><Receive/></Response>"
    );
}

#[test]
fn relay_2026_attributes_are_camel_case() {
    let r = ConversationRelay::new()
        .url("wss://x/relay")
        .background_noise_reduction("on")
        .speech_timeout("auto")
        .deepgram_smart_format("true")
        .ignore_backchannel("true")
        .language("en-US")
        .push(Language::new().code("fr-FR").voice("Celine"))
        .parameter("k", "v");
    assert_eq!(
        r.to_string(),
        concat!(
            r#"<ConversationRelay backgroundNoiseReduction="on" deepgramSmartFormat="true" "#,
            r#"ignoreBackchannel="true" language="en-US" speechTimeout="auto" url="wss://x/relay">"#,
            r#"<Language code="fr-FR" voice="Celine"/><Parameter name="k" value="v"/></ConversationRelay>"#
        )
    );
}

/// Every element kind, built through its public method in a place TwiML allows, in one
/// response per root, then parsed: every kind name appears in the parsed tree.
#[test]
fn every_kind_in_a_response() {
    let ssml = Say::new("Hi ")
        .break_()
        .push(SsmlBreak::new().strength(BreakStrength::Strong).time("1s"))
        .emphasis(
            SsmlEmphasis::from("very")
                .level(EmphasisLevel::Strong)
                .break_(),
        )
        .lang(
            SsmlLang::from("Bonjour")
                .xml_lang("fr-FR")
                .p(SsmlP::from("para").s("sentence")),
        )
        .phoneme(
            SsmlPhoneme::new("tomato")
                .alphabet(PhonemeAlphabet::Ipa)
                .ph("təˈmeɪtoʊ"),
        )
        .prosody(
            SsmlProsody::from("slow")
                .rate("slow")
                .volume("loud")
                .pitch("low")
                .w("word"),
        )
        .say_as(
            SsmlSayAs::new("2024-01-02")
                .interpret_as(InterpretAs::Date)
                .format(SayAsFormat::Ymd),
        )
        .sub(SsmlSub::new("W3C").alias("World Wide Web Consortium"))
        .w(SsmlW::from("read").role("amazon:VBD"))
        .p("paragraph")
        .s("sentence");
    let voice = VoiceResponse::new()
        .say(ssml)
        .play(Play::new().digits("ww1"))
        .pause()
        .gather(Gather::new().say("x").play("y").pause())
        .dial(
            Dial::new()
                .number(Number::new("+1").send_digits("1"))
                .client(Client::new().identity("alice").parameter("a", "b"))
                .conference("room")
                .queue(Queue::new("support").reservation_sid("WR1"))
                .sim("DE1")
                .sip(
                    Sip::new()
                        .uri(Uri::from("sip:a@example.com").priority("1").weight("2"))
                        .headers(Headers::new().header("X-A", "1")),
                )
                .application(
                    Application::new()
                        .application_sid("AP1")
                        .parameter("p", "q"),
                )
                .whats_app("+2"),
        )
        .enqueue(Enqueue::from("q").task(Task::new("{}").priority(5)))
        .connect(Connect::new().room("r"))
        .connect(Connect::new().autopilot("a"))
        .connect(Connect::new().stream(Stream::new().url("wss://x").parameter("k", "v")))
        .connect(
            Connect::new().virtual_agent(VirtualAgent::new().config("c", "d").parameter("e", "f")),
        )
        .connect(Connect::new().conversation(Conversation::new().service_instance_sid("IS1")))
        .connect(Connect::new().conversation_relay(ConversationRelay::new().push(Language::new())))
        .connect(Connect::new().ai_session(AiSession::new().ai_connector("c")))
        .connect(
            Connect::new()
                .conversation_relay_session(ConversationRelaySession::new().connector("c")),
        )
        .connect(
            Connect::new().assistant(
                Assistant::new()
                    .id("AI1")
                    .push(Language::new())
                    .parameter("a", "b"),
            ),
        )
        .start(
            Start::new()
                .stream(Stream::new().name("s"))
                .siprec(Siprec::new().name("r").parameter("a", "b"))
                .transcription(Transcription::new().name("t").config("a", "b"))
                .recording(Recording::new().channels(RecordingChannels::Dual)),
        )
        .stop(
            Stop::new()
                .stream(Stream::new().name("s"))
                .siprec(Siprec::new())
                .transcription(Transcription::new()),
        )
        .pay(
            Pay::new()
                .prompt(Prompt::new().say("card").play("p").pause())
                .parameter("a", "b"),
        )
        .prompt(Prompt::new().say("root prompt"))
        .queue("root queue")
        .record()
        .redirect("https://x")
        .refer(Refer::new().sip("sip:b@example.com"))
        .reject()
        .sms("text")
        .echo()
        .leave()
        .hangup()
        .push(Dial::new().push(Client::new().push(Identity::new("bob"))));
    let messaging = MessagingResponse::new()
        .message(Message::from("t").body("b").media("m"))
        .redirect("r");
    let fax = FaxResponse::new().receive();

    let mut names = std::collections::BTreeSet::new();
    for xml in [voice.to_string(), messaging.to_string(), fax.to_string()] {
        let doc = roxmltree::Document::parse(&xml).unwrap();
        for n in doc.descendants().filter(|n| n.is_element()) {
            names.insert(n.tag_name().name().to_owned());
        }
        tree(&xml);
    }
    let all = [
        "Response",
        "Connect",
        "Dial",
        "Echo",
        "Enqueue",
        "Gather",
        "Hangup",
        "Leave",
        "Pause",
        "Play",
        "Queue",
        "Record",
        "Redirect",
        "Reject",
        "Say",
        "Sms",
        "Pay",
        "Prompt",
        "Start",
        "Stop",
        "Refer",
        "Room",
        "Autopilot",
        "Stream",
        "VirtualAgent",
        "Conversation",
        "ConversationRelay",
        "AiSession",
        "ConversationRelaySession",
        "Assistant",
        "Client",
        "Conference",
        "Number",
        "Sim",
        "Sip",
        "Application",
        "WhatsApp",
        "Task",
        "Parameter",
        "break",
        "emphasis",
        "lang",
        "p",
        "phoneme",
        "prosody",
        "s",
        "say-as",
        "sub",
        "w",
        "Siprec",
        "Transcription",
        "Recording",
        "Config",
        "Language",
        "Identity",
        "Uri",
        "Headers",
        "ApplicationSid",
        "Header",
        "Message",
        "Body",
        "Media",
        "Receive",
    ];
    for name in all {
        assert!(names.contains(name), "{name} missing");
    }
    assert_eq!(names.len(), all.len(), "{names:?}");
}
