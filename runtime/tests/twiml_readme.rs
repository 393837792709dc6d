//! The example of README-section.md ("Answering with TwiML"), kept compiling and passing.

#![allow(clippy::unwrap_used, clippy::expect_used)] // A panic in a test is a failed test.

use twilio_api_runtime as twilio_api;

use twilio_api::twiml::{
    Dial, Gather, GatherInput, Message, MessagingResponse, Number, Pause, Say, Voice, VoiceResponse,
};

/// The answer to an incoming call: a menu, then a fallback.
fn answer_call(caller_known: bool) -> String {
    let greeting = if caller_known {
        "Welcome back!"
    } else {
        "Welcome!"
    };
    VoiceResponse::new()
        .say(
            Say::new(greeting)
                .voice(Voice::polly("Joanna-Neural"))
                .language("en-US"),
        )
        .gather(
            Gather::new()
                .input([GatherInput::Dtmf, GatherInput::Speech])
                .action("https://example.com/voice/menu")
                .num_digits(1)
                .timeout(5)
                .say("Press 1 or say sales to talk to our team."),
        )
        .push(Pause::new().length(1)) // a bare one is `.pause()`
        .dial(
            Dial::new()
                .caller_id("+15555550199")
                .timeout(20)
                .number(Number::new("+15555550100").send_digits("ww123")),
        )
        .say("Nobody could answer. Goodbye!")
        .hangup()
        .to_string()
}

/// The answer to an incoming SMS.
fn answer_message(body: &str) -> String {
    let reply = if body.trim().eq_ignore_ascii_case("menu") {
        Message::new()
            .body("Here is our menu.")
            .media("https://example.com/menu.png")
    } else {
        Message::from("Thanks! Reply MENU for the menu.")
    };
    MessagingResponse::new().message(reply).to_string()
}

#[test]
fn readme_example() {
    assert_eq!(
        answer_message("hello"),
        r#"<?xml version="1.0" encoding="UTF-8"?><Response><Message>Thanks! Reply MENU for the menu.</Message></Response>"#
    );
    assert!(answer_call(true).contains(r#"<Gather action="https://example.com/voice/menu" input="dtmf speech" numDigits="1" timeout="5">"#));
}
