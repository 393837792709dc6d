//! Nouns of `<Dial>` (and what they hold), plus `<Task>` of `<Enqueue>` and `<Sip>` of `<Refer>`.

use super::*;

element! {
    /// `<Number>`: a phone number to dial (under [`Dial`]).
    Number = "Number", text, fragment;
    attrs {
        send_digits = "sendDigits": str,
        url = "url": url,
        method = "method": Method,
        status_callback_event = "statusCallbackEvent": [CallEvent],
        status_callback = "statusCallback": url,
        status_callback_method = "statusCallbackMethod": Method,
        byoc = "byoc": str,
        /// `Enable` or `DetectMessageEnd` in Twilio's documentation (a free string).
        machine_detection = "machineDetection": str,
        amd_status_callback_method = "amdStatusCallbackMethod": Method,
        amd_status_callback = "amdStatusCallback": url,
        machine_detection_timeout = "machineDetectionTimeout": u32,
        machine_detection_speech_threshold = "machineDetectionSpeechThreshold": u32,
        machine_detection_speech_end_threshold = "machineDetectionSpeechEndThreshold": u32,
        machine_detection_silence_timeout = "machineDetectionSilenceTimeout": u32,
    }
    children {
    }
}

element! {
    /// `<Client>`: a Twilio Client (Voice SDK) identity to dial; the identity is the text or an
    /// [`Identity`] child.
    Client = "Client", opt_text, fragment;
    attrs {
        url = "url": url,
        method = "method": Method,
        status_callback_event = "statusCallbackEvent": [CallEvent],
        status_callback = "statusCallback": url,
        status_callback_method = "statusCallbackMethod": Method,
    }
    children {
        identity: Identity into,
        parameter: Parameter pair,
    }
}

element! {
    /// `<Identity>`: the identity of a [`Client`] to dial.
    Identity = "Identity", text, fragment;
    attrs {
    }
    children {
    }
}

element! {
    /// `<Conference>`: a conference room to join (under [`Dial`]); text is its name.
    Conference = "Conference", text, fragment;
    attrs {
        muted = "muted": bool,
        beep = "beep": ConferenceBeep,
        start_conference_on_enter = "startConferenceOnEnter": bool,
        end_conference_on_exit = "endConferenceOnExit": bool,
        wait_url = "waitUrl": url,
        wait_method = "waitMethod": Method,
        max_participants = "maxParticipants": u32,
        record = "record": ConferenceRecord,
        recording_configuration_id = "recordingConfigurationId": str,
        region = "region": ConferenceRegion,
        coach = "coach": str,
        trim = "trim": Trim,
        status_callback_event = "statusCallbackEvent": [ConferenceEvent],
        status_callback = "statusCallback": url,
        status_callback_method = "statusCallbackMethod": Method,
        recording_status_callback = "recordingStatusCallback": url,
        recording_status_callback_method = "recordingStatusCallbackMethod": Method,
        recording_status_callback_event = "recordingStatusCallbackEvent": [RecordingEvent],
        event_callback_url = "eventCallbackUrl": url,
        jitter_buffer_size = "jitterBufferSize": JitterBufferSize,
        participant_label = "participantLabel": str,
    }
    children {
    }
}

element! {
    /// `<Sim>`: a Programmable Wireless SIM to dial (under [`Dial`]); text is its SID.
    Sim = "Sim", text, fragment;
    attrs {
    }
    children {
    }
}

element! {
    /// `<Sip>` under [`Dial`]: a SIP endpoint to dial, as text or as [`Uri`] children, with
    /// optional custom [`Headers`]. (Under [`Refer`] the same XML name is [`ReferSip`].)
    Sip = "Sip", opt_text, fragment;
    attrs {
        username = "username": str,
        password = "password": str,
        url = "url": url,
        method = "method": Method,
        status_callback_event = "statusCallbackEvent": [CallEvent],
        status_callback = "statusCallback": url,
        status_callback_method = "statusCallbackMethod": Method,
        /// `Enable` or `DetectMessageEnd` in Twilio's documentation (a free string).
        machine_detection = "machineDetection": str,
        amd_status_callback_method = "amdStatusCallbackMethod": Method,
        amd_status_callback = "amdStatusCallback": url,
        machine_detection_timeout = "machineDetectionTimeout": u32,
        machine_detection_speech_threshold = "machineDetectionSpeechThreshold": u32,
        machine_detection_speech_end_threshold = "machineDetectionSpeechEndThreshold": u32,
        machine_detection_silence_timeout = "machineDetectionSilenceTimeout": u32,
    }
    children {
        uri: Uri into,
        headers: Headers into,
    }
}

element! {
    /// `<Uri>`: one SIP URI of a [`Sip`] (several are tried by `priority`, then `weight`).
    Uri = "Uri", opt_text, fragment;
    attrs {
        /// A number, typed as a string in every SDK.
        priority = "priority": str,
        /// A number, typed as a string in every SDK.
        weight = "weight": str,
        username = "username": str,
        password = "password": str,
    }
    children {
    }
}

element! {
    /// `<Headers>`: custom SIP headers of a [`Sip`].
    Headers = "Headers", empty, fragment;
    attrs {
    }
    children {
        header: Header pair,
    }
}

element! {
    /// `<Header>`: one custom SIP header (name and value).
    Header = "Header", pair, fragment;
    attrs {
        name = "name": str,
        value = "value": str,
    }
    children {
    }
}

element! {
    /// `<Application>`: a TwiML App to dial (under [`Dial`]); its SID is the text or an
    /// [`ApplicationSid`] child.
    Application = "Application", opt_text, fragment;
    attrs {
        url = "url": url,
        method = "method": Method,
        status_callback_event = "statusCallbackEvent": [CallEvent],
        status_callback = "statusCallback": url,
        status_callback_method = "statusCallbackMethod": Method,
        customer_id = "customerId": str,
        copy_parent_to = "copyParentTo": bool,
    }
    children {
        application_sid: ApplicationSid into,
        parameter: Parameter pair,
    }
}

element! {
    /// `<ApplicationSid>`: the SID of an [`Application`] to dial.
    ApplicationSid = "ApplicationSid", text, fragment;
    attrs {
    }
    children {
    }
}

element! {
    /// `<WhatsApp>`: a WhatsApp number to dial (under [`Dial`]).
    WhatsApp = "WhatsApp", text, fragment;
    attrs {
        url = "url": url,
        method = "method": Method,
        status_callback_event = "statusCallbackEvent": [CallEvent],
        status_callback = "statusCallback": url,
        status_callback_method = "statusCallbackMethod": Method,
    }
    children {
    }
}

element! {
    /// `<Task>`: the TaskRouter task attributes (a JSON text) for [`Enqueue`]. Build the JSON
    /// yourself, e.g. with `serde_json::to_string`.
    Task = "Task", text, fragment;
    attrs {
        priority = "priority": u32,
        timeout = "timeout": u32,
    }
    children {
    }
}

element! {
    /// `<Sip>` under [`Refer`]: the SIP URI to transfer to (text only). A separate type from
    /// the [`Sip`] noun of [`Dial`], which has attributes and children.
    ReferSip = "Sip", text, fragment;
    attrs {
    }
    children {
    }
}

element! {
    /// `<Parameter>`: a custom name/value pair passed on to a stream, client, application, …
    Parameter = "Parameter", pair, fragment;
    attrs {
        name = "name": str,
        value = "value": str,
    }
    children {
    }
}
