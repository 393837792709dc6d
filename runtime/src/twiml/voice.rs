//! Voice verbs: the elements allowed straight under a voice `<Response>`.

use super::*;

element! {
    /// `<Connect>`: hands the call to a long-running service (a Video room, a media stream, a
    /// virtual agent, ConversationRelay, …). Holds exactly one noun.
    Connect = "Connect", empty, fragment;
    attrs {
        action = "action": url,
        method = "method": Method,
    }
    children {
        room: Room into,
        autopilot: Autopilot into,
        stream: Stream into,
        virtual_agent: VirtualAgent into,
        conversation: Conversation into,
        conversation_relay: ConversationRelay into,
        ai_session: AiSession into,
        conversation_relay_session: ConversationRelaySession into,
        assistant: Assistant into,
    }
}

element! {
    /// `<Dial>`: connects the caller to another party. Its text is a phone number to call;
    /// for anything else (clients, conferences, SIP, several numbers) add nouns instead.
    Dial = "Dial", opt_text, fragment;
    attrs {
        action = "action": url,
        method = "method": Method,
        timeout = "timeout": u32,
        hangup_on_star = "hangupOnStar": bool,
        time_limit = "timeLimit": u32,
        caller_id = "callerId": str,
        record = "record": DialRecord,
        trim = "trim": Trim,
        recording_status_callback = "recordingStatusCallback": url,
        recording_configuration_id = "recordingConfigurationId": str,
        recording_status_callback_method = "recordingStatusCallbackMethod": Method,
        recording_status_callback_event = "recordingStatusCallbackEvent": [RecordingEvent],
        answer_on_bridge = "answerOnBridge": bool,
        ring_tone = "ringTone": RingTone,
        recording_track = "recordingTrack": RecordingTrack,
        sequential = "sequential": bool,
        refer_url = "referUrl": url,
        refer_method = "referMethod": Method,
        events = "events": DialEvent,
        /// Base64 identity passports, comma-separated (new in twilio-python 9.11.0; not in Node).
        passports = "passports": str,
    }
    children {
        client: Client into,
        conference: Conference into,
        number: Number into,
        queue: Queue into,
        sim: Sim into,
        sip: Sip into,
        application: Application into,
        whats_app: WhatsApp into,
    }
}

element! {
    /// `<Echo>`: plays the caller's own audio back (a test verb).
    Echo = "Echo", empty, fragment;
    attrs {
    }
    children {
    }
}

element! {
    /// `<Enqueue>`: puts the caller in a queue named by the text, or routes a TaskRouter
    /// [`Task`] to a workflow.
    Enqueue = "Enqueue", opt_text, fragment;
    attrs {
        action = "action": url,
        max_queue_size = "maxQueueSize": u32,
        method = "method": Method,
        wait_url = "waitUrl": url,
        wait_url_method = "waitUrlMethod": Method,
        workflow_sid = "workflowSid": str,
    }
    children {
        task: Task into,
    }
}

element! {
    /// `<Gather>`: collects digits (DTMF) and/or speech, prompting with the nested
    /// [`Say`], [`Play`] and [`Pause`].
    Gather = "Gather", empty, fragment;
    attrs {
        input = "input": [GatherInput],
        action = "action": url,
        method = "method": Method,
        timeout = "timeout": u32,
        /// `auto` or a whole number of seconds, hence a string.
        speech_timeout = "speechTimeout": str,
        max_speech_time = "maxSpeechTime": u32,
        profanity_filter = "profanityFilter": bool,
        finish_on_key = "finishOnKey": str,
        num_digits = "numDigits": u32,
        partial_result_callback = "partialResultCallback": url,
        partial_result_callback_method = "partialResultCallbackMethod": Method,
        language = "language": str,
        hints = "hints": str,
        barge_in = "bargeIn": bool,
        debug = "debug": bool,
        action_on_empty_result = "actionOnEmptyResult": bool,
        speech_model = "speechModel": str,
        enhanced = "enhanced": bool,
    }
    children {
        say: Say into,
        pause: Pause bare,
        play: Play into,
    }
}

element! {
    /// `<Hangup>`: ends the call.
    Hangup = "Hangup", empty, fragment;
    attrs {
    }
    children {
        parameter: Parameter pair,
    }
}

element! {
    /// `<Leave>`: takes the caller out of the queue they are waiting in.
    Leave = "Leave", empty, fragment;
    attrs {
    }
    children {
    }
}

element! {
    /// `<Pause>`: waits silently (`length` seconds, 1 by default).
    Pause = "Pause", empty, fragment;
    attrs {
        length = "length": u32,
    }
    children {
    }
}

element! {
    /// `<Play>`: plays the audio file at the URL given as text, or DTMF `digits`.
    Play = "Play", opt_text, fragment;
    attrs {
        /// How many times to repeat; `0` repeats until the call ends.
        loop_ = "loop": u32,
        digits = "digits": str,
    }
    children {
    }
}

element! {
    /// `<Queue>`: a queue to dial (under [`Dial`]); its text is the queue's name.
    Queue = "Queue", text, fragment;
    attrs {
        url = "url": url,
        method = "method": Method,
        reservation_sid = "reservationSid": str,
        post_work_activity_sid = "postWorkActivitySid": str,
    }
    children {
    }
}

element! {
    /// `<Record>`: records the caller.
    Record = "Record", empty, fragment;
    attrs {
        action = "action": url,
        method = "method": Method,
        timeout = "timeout": u32,
        finish_on_key = "finishOnKey": str,
        max_length = "maxLength": u32,
        play_beep = "playBeep": bool,
        trim = "trim": Trim,
        recording_status_callback = "recordingStatusCallback": url,
        recording_status_callback_method = "recordingStatusCallbackMethod": Method,
        recording_status_callback_event = "recordingStatusCallbackEvent": [RecordingEvent],
        transcribe = "transcribe": bool,
        transcribe_callback = "transcribeCallback": url,
        recording_configuration_id = "recordingConfigurationId": str,
    }
    children {
    }
}

element! {
    /// `<Redirect>`: fetches TwiML from the URL given as text and runs it instead of the rest
    /// (Voice and Messaging).
    Redirect = "Redirect", text, fragment;
    attrs {
        method = "method": Method,
    }
    children {
    }
}

element! {
    /// `<Reject>`: rejects an incoming call without answering (no charge).
    Reject = "Reject", empty, fragment;
    attrs {
        reason = "reason": RejectReason,
    }
    children {
        parameter: Parameter pair,
    }
}

element! {
    /// `<Say>`: speaks text (text-to-speech), optionally marked up with SSML children.
    ///
    /// `Say::new("")` gives an empty `<Say/>` to fill with SSML only.
    Say = "Say", text, fragment;
    attrs {
        voice = "voice": Voice,
        /// How many times to repeat; `0` repeats until the call ends.
        loop_ = "loop": u32,
        language = "language": str,
    }
    children {
        break_: SsmlBreak bare,
        emphasis: SsmlEmphasis into,
        lang: SsmlLang into,
        p: SsmlP into,
        phoneme: SsmlPhoneme into,
        prosody: SsmlProsody into,
        s: SsmlS into,
        say_as: SsmlSayAs into,
        sub: SsmlSub into,
        w: SsmlW into,
    }
}

element! {
    /// `<Sms>`: sends a text message during a call (legacy; prefer the Messaging API).
    Sms = "Sms", text, fragment;
    attrs {
        to = "to": str,
        from_ = "from": str,
        action = "action": url,
        method = "method": Method,
        status_callback = "statusCallback": url,
    }
    children {
    }
}

element! {
    /// `<Pay>`: collects a payment (card or ACH) securely over the phone.
    Pay = "Pay", empty, fragment;
    attrs {
        input = "input": PayInput,
        action = "action": url,
        bank_account_type = "bankAccountType": BankAccountType,
        status_callback = "statusCallback": url,
        status_callback_method = "statusCallbackMethod": Method,
        timeout = "timeout": u32,
        max_attempts = "maxAttempts": u32,
        security_code = "securityCode": bool,
        /// `true`, `false` or a default postal code, hence a string.
        postal_code = "postalCode": str,
        min_postal_code_length = "minPostalCodeLength": u32,
        payment_connector = "paymentConnector": str,
        payment_method = "paymentMethod": PaymentMethod,
        token_type = "tokenType": TokenType,
        /// A decimal amount as text (`0` tokenises only).
        charge_amount = "chargeAmount": str,
        currency = "currency": str,
        description = "description": str,
        valid_card_types = "validCardTypes": [CardType],
        language = "language": str,
    }
    children {
        prompt: Prompt into,
        parameter: Parameter pair,
    }
}

element! {
    /// `<Prompt>`: customises what [`Pay`] says at one step (`for`), on given errors or attempts.
    Prompt = "Prompt", empty, fragment;
    attrs {
        for_ = "for": PromptFor,
        error_type = "errorType": [PromptErrorType],
        card_type = "cardType": [CardType],
        attempt = "attempt": [u32],
        require_matching_inputs = "requireMatchingInputs": bool,
    }
    children {
        say: Say into,
        play: Play into,
        pause: Pause bare,
    }
}

element! {
    /// `<Start>`: starts something that runs alongside the call (a stream, SIPREC,
    /// real-time transcription or a recording) and goes on with the next verb.
    Start = "Start", empty, fragment;
    attrs {
        action = "action": url,
        method = "method": Method,
    }
    children {
        stream: Stream into,
        siprec: Siprec into,
        transcription: Transcription into,
        recording: Recording into,
    }
}

element! {
    /// `<Stop>`: stops what a [`Start`] began, matched by `name`.
    Stop = "Stop", empty, fragment;
    attrs {
    }
    children {
        stream: Stream into,
        siprec: Siprec into,
        transcription: Transcription into,
    }
}

element! {
    /// `<Refer>`: transfers a SIP call out with a SIP REFER.
    Refer = "Refer", empty, fragment;
    attrs {
        action = "action": url,
        method = "method": Method,
    }
    children {
        sip: ReferSip into,
    }
}
