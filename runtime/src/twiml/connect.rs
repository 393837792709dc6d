//! Nouns of `<Connect>`, `<Start>` and `<Stop>`.

use super::*;

element! {
    /// `<Room>`: a Programmable Video room to join (under [`Connect`]); text is its name.
    Room = "Room", text, fragment;
    attrs {
        participant_identity = "participantIdentity": str,
    }
    children {
    }
}

element! {
    /// `<Autopilot>`: an Autopilot assistant (under [`Connect`]); text is its SID or name.
    Autopilot = "Autopilot", text, fragment;
    attrs {
    }
    children {
    }
}

element! {
    /// `<Stream>`: a WebSocket media stream (under [`Connect`], [`Start`] or [`Stop`]).
    Stream = "Stream", empty, fragment;
    attrs {
        name = "name": str,
        connector_name = "connectorName": str,
        url = "url": url,
        track = "track": StreamTrack,
        status_callback = "statusCallback": url,
        status_callback_method = "statusCallbackMethod": Method,
    }
    children {
        parameter: Parameter pair,
    }
}

element! {
    /// `<VirtualAgent>`: a Dialogflow CX virtual agent (under [`Connect`]).
    VirtualAgent = "VirtualAgent", empty, fragment;
    attrs {
        connector_name = "connectorName": str,
        language = "language": str,
        sentiment_analysis = "sentimentAnalysis": bool,
        status_callback = "statusCallback": url,
        status_callback_method = "statusCallbackMethod": Method,
    }
    children {
        config: Config pair,
        parameter: Parameter pair,
    }
}

element! {
    /// `<Config>`: a name/value setting for a [`Transcription`] or [`VirtualAgent`].
    Config = "Config", pair, fragment;
    attrs {
        name = "name": str,
        value = "value": str,
    }
    children {
    }
}

element! {
    /// `<Conversation>`: hands the call to Twilio Conversations (under [`Connect`]).
    Conversation = "Conversation", empty, fragment;
    attrs {
        service_instance_sid = "serviceInstanceSid": str,
        inbound_autocreation = "inboundAutocreation": bool,
        routing_assignment_timeout = "routingAssignmentTimeout": u32,
        inbound_timeout = "inboundTimeout": u32,
        url = "url": url,
        method = "method": Method,
        record = "record": ConversationRecord,
        trim = "trim": Trim,
        recording_status_callback = "recordingStatusCallback": url,
        recording_status_callback_method = "recordingStatusCallbackMethod": Method,
        recording_status_callback_event = "recordingStatusCallbackEvent": [RecordingEvent],
        status_callback = "statusCallback": url,
        status_callback_method = "statusCallbackMethod": Method,
        status_callback_event = "statusCallbackEvent": [ConversationEvent],
    }
    children {
    }
}

element! {
    /// `<ConversationRelay>`: relays the call as text over a WebSocket to your AI
    /// application (under [`Connect`]).
    ///
    /// The four attributes added in 2026 are written in camelCase (`backgroundNoiseReduction`,
    /// `speechTimeout`, `deepgramSmartFormat`, `ignoreBackchannel`), as twilio-python and
    /// Twilio's changelog spell them; twilio-node/java write them in lower case. Use
    /// [`attr`](Self::attr) for the other spelling.
    ConversationRelay = "ConversationRelay", empty, fragment;
    attrs {
        url = "url": url,
        language = "language": str,
        tts_language = "ttsLanguage": str,
        transcription_language = "transcriptionLanguage": str,
        tts_provider = "ttsProvider": str,
        voice = "voice": str,
        transcription_provider = "transcriptionProvider": str,
        speech_model = "speechModel": str,
        profanity_filter = "profanityFilter": bool,
        dtmf_detection = "dtmfDetection": bool,
        welcome_greeting = "welcomeGreeting": str,
        partial_prompts = "partialPrompts": bool,
        welcome_greeting_interruptible = "welcomeGreetingInterruptible": str,
        interruptible = "interruptible": str,
        preemptible = "preemptible": bool,
        hints = "hints": str,
        intelligence_service = "intelligenceService": str,
        report_input_during_agent_speech = "reportInputDuringAgentSpeech": bool,
        elevenlabs_text_normalization = "elevenlabsTextNormalization": str,
        interrupt_sensitivity = "interruptSensitivity": str,
        debug = "debug": str,
        background_noise_reduction = "backgroundNoiseReduction": str,
        speech_timeout = "speechTimeout": str,
        deepgram_smart_format = "deepgramSmartFormat": str,
        ignore_backchannel = "ignoreBackchannel": str,
        events = "events": str,
    }
    children {
        language: Language push,
        parameter: Parameter pair,
    }
}

element! {
    /// `<Language>`: per-language speech settings for a [`ConversationRelay`] (or
    /// [`Assistant`]). Added with `push`, since `language(..)` there sets the attribute.
    Language = "Language", empty, fragment;
    attrs {
        code = "code": str,
        tts_provider = "ttsProvider": str,
        voice = "voice": str,
        transcription_provider = "transcriptionProvider": str,
        speech_model = "speechModel": str,
    }
    children {
    }
}

element! {
    /// `<AiSession>`: an AI session through a configured connector (under [`Connect`]).
    AiSession = "AiSession", empty, fragment;
    attrs {
        ai_connector = "aiConnector": str,
        ai_session_configuration = "aiSessionConfiguration": str,
    }
    children {
    }
}

element! {
    /// `<ConversationRelaySession>`: a ConversationRelay session from a stored
    /// configuration (under [`Connect`]).
    ConversationRelaySession = "ConversationRelaySession", empty, fragment;
    attrs {
        connector = "connector": str,
        session_configuration = "sessionConfiguration": str,
    }
    children {
    }
}

element! {
    /// `<Assistant>`: a Twilio AI Assistant (under [`Connect`]).
    ///
    /// **Deprecated by Twilio** ("AI Assistants deprecation"): removed from twilio-python 9.11.0,
    /// still in twilio-node 6.0.2 and twilio-java. Kept so that accounts still using it can write
    /// it; it costs one table entry. Prefer [`ConversationRelay`].
    Assistant = "Assistant", empty, fragment;
    attrs {
        debug = "debug": str,
        dtmf_detection = "dtmfDetection": bool,
        elevenlabs_text_normalization = "elevenlabsTextNormalization": str,
        hints = "hints": str,
        id = "id": str,
        intelligence_service = "intelligenceService": str,
        interrupt_sensitivity = "interruptSensitivity": str,
        interruptible = "interruptible": str,
        language = "language": str,
        partial_prompts = "partialPrompts": bool,
        preemptible = "preemptible": bool,
        profanity_filter = "profanityFilter": bool,
        report_input_during_agent_speech = "reportInputDuringAgentSpeech": bool,
        speech_model = "speechModel": str,
        transcription_language = "transcriptionLanguage": str,
        transcription_provider = "transcriptionProvider": str,
        tts_language = "ttsLanguage": str,
        tts_provider = "ttsProvider": str,
        voice = "voice": str,
        welcome_greeting = "welcomeGreeting": str,
        welcome_greeting_interruptible = "welcomeGreetingInterruptible": str,
    }
    children {
        language: Language push,
        parameter: Parameter pair,
    }
}

element! {
    /// `<Siprec>`: forks the call's media to a SIPREC recorder (under [`Start`]/[`Stop`]).
    Siprec = "Siprec", empty, fragment;
    attrs {
        name = "name": str,
        connector_name = "connectorName": str,
        track = "track": StreamTrack,
        status_callback = "statusCallback": url,
        status_callback_method = "statusCallbackMethod": Method,
    }
    children {
        parameter: Parameter pair,
    }
}

element! {
    /// `<Transcription>`: real-time transcription (under [`Start`]/[`Stop`]).
    Transcription = "Transcription", empty, fragment;
    attrs {
        name = "name": str,
        track = "track": StreamTrack,
        status_callback_url = "statusCallbackUrl": url,
        status_callback_method = "statusCallbackMethod": Method,
        inbound_track_label = "inboundTrackLabel": str,
        outbound_track_label = "outboundTrackLabel": str,
        partial_results = "partialResults": bool,
        language_code = "languageCode": str,
        transcription_engine = "transcriptionEngine": str,
        profanity_filter = "profanityFilter": bool,
        speech_model = "speechModel": str,
        hints = "hints": str,
        enable_automatic_punctuation = "enableAutomaticPunctuation": bool,
        intelligence_service = "intelligenceService": str,
    }
    children {
        config: Config pair,
        parameter: Parameter pair,
    }
}

element! {
    /// `<Recording>`: records the call in the background (under [`Start`]).
    Recording = "Recording", empty, fragment;
    attrs {
        recording_status_callback = "recordingStatusCallback": url,
        recording_status_callback_method = "recordingStatusCallbackMethod": Method,
        recording_status_callback_event = "recordingStatusCallbackEvent": [RecordingEvent],
        trim = "trim": Trim,
        track = "track": RecordingTrack,
        channels = "channels": RecordingChannels,
        recording_configuration_id = "recordingConfigurationId": str,
    }
    children {
    }
}
