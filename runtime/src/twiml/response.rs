//! The three roots: a `<Response>` for Voice, Messaging and Fax. Each writes the whole
//! document (`Display`, so `to_string()`), with or without the XML declaration.

use super::*;

element! {
    /// A Voice `<Response>`: the TwiML answering a call. Verbs run in the order added.
    ///
    /// ```
    /// # use twilio_api_runtime as twilio_api;
    /// use twilio_api::twiml::{Gather, VoiceResponse};
    /// let xml = VoiceResponse::new()
    ///     .gather(Gather::new().action("/menu").num_digits(1).say("Press 1 for sales."))
    ///     .say("We didn't get that. Goodbye!")
    ///     .hangup()
    ///     .to_string();
    /// assert_eq!(
    ///     xml,
    ///     concat!(
    ///         r#"<?xml version="1.0" encoding="UTF-8"?><Response>"#,
    ///         r#"<Gather action="/menu" numDigits="1"><Say>Press 1 for sales.</Say></Gather>"#,
    ///         r#"<Say>We didn't get that. Goodbye!</Say><Hangup/></Response>"#,
    ///     )
    /// );
    /// ```
    VoiceResponse = "Response", empty, document;
    attrs {}
    children {
        connect: Connect into,
        dial: Dial into,
        echo: Echo bare,
        enqueue: Enqueue into,
        gather: Gather into,
        hangup: Hangup bare,
        leave: Leave bare,
        pause: Pause bare,
        play: Play into,
        queue: Queue into,
        record: Record bare,
        redirect: Redirect into,
        reject: Reject bare,
        say: Say into,
        sms: Sms into,
        pay: Pay into,
        prompt: Prompt into,
        start: Start into,
        stop: Stop into,
        refer: Refer into,
    }
}

element! {
    /// A Messaging `<Response>`: the TwiML answering an incoming message.
    ///
    /// ```
    /// # use twilio_api_runtime as twilio_api;
    /// use twilio_api::twiml::{Message, MessagingResponse};
    /// let xml = MessagingResponse::new()
    ///     .message(Message::new().body("Here it is").media("https://example.com/a.png"))
    ///     .to_string();
    /// assert_eq!(
    ///     xml,
    ///     concat!(
    ///         r#"<?xml version="1.0" encoding="UTF-8"?><Response><Message><Body>Here it is</Body>"#,
    ///         r#"<Media>https://example.com/a.png</Media></Message></Response>"#,
    ///     )
    /// );
    /// ```
    MessagingResponse = "Response", empty, document;
    attrs {}
    children {
        message: Message into,
        redirect: Redirect into,
    }
}

element! {
    /// A Fax `<Response>`: the TwiML answering an incoming fax.
    ///
    /// ```
    /// # use twilio_api_runtime as twilio_api;
    /// use twilio_api::twiml::{FaxResponse, Receive};
    /// let xml = FaxResponse::new().push(Receive::new().store_media(false)).to_string();
    /// assert!(xml.ends_with(r#"<Response><Receive storeMedia="false"/></Response>"#));
    /// ```
    FaxResponse = "Response", empty, document;
    attrs {}
    children {
        receive: Receive bare,
    }
}
