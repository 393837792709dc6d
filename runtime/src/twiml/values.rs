//! Typed attribute values: the shared [`Method`], the [`Voice`] of `<Say>`, and one open
//! enumeration per value list of the TwiML tables.
//!
//! Every enumeration is open: `#[non_exhaustive]`, with an `Other(String)` variant, and
//! `From<&str>`/`From<String>` that map a listed value to its variant and anything else to
//! `Other`, so a setter taking `impl Into<Trim>` accepts `Trim::DoNotTrim` and
//! `"do-not-trim"` alike. Lists shared by several elements (`trim`, the recording and call
//! status-callback events, the stream tracks, the card types) are one type each.
//!
//! Long lists stay strings: `language` values (BCP-47 tags; Twilio lists 15 to 130 of them per
//! element and adds more) are `impl Into<String>`, and the 900 voices of `<Say>` are the
//! [`Voice`] newtype with constants and helpers, so no 900-variant enum is compiled.

use std::borrow::Cow;
use std::fmt;

#[allow(unused_imports)]
use super::*;

/// A test-only way to get one valid value of each attribute type.
#[cfg(test)]
pub(crate) trait TestSample: Sized {
    fn sample() -> Self;
    fn known(&self) -> bool {
        true
    }
}

#[cfg(test)]
impl TestSample for u32 {
    fn sample() -> Self {
        1
    }
}

twiml_enum! {
    /// An HTTP method for a callback or a TwiML fetch (`method`, `statusCallbackMethod`, …).
    /// Twilio accepts `GET` and `POST`.
    Method {
        Get = "GET",
        Post = "POST",
    }
}

/// The `voice` of a [`Say`]: `man`, `woman`, `alice`, or an Amazon Polly or Google voice name.
///
/// An open newtype rather than a 900-variant enum: any string converts into it and is written
/// as given. Constants cover the basic voices; [`Voice::polly`] and [`Voice::google`] build
/// the provider names (`Polly.Joanna-Neural`, `Google.en-US-Chirp3-HD-Aoede`).
///
/// ```
/// # use twilio_api_runtime as twilio_api;
/// use twilio_api::twiml::{Say, Voice};
/// let say = Say::new("Hi").voice(Voice::polly("Joanna-Neural")).language("en-US");
/// assert_eq!(say.to_string(), r#"<Say language="en-US" voice="Polly.Joanna-Neural">Hi</Say>"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Voice(Cow<'static, str>);

impl Voice {
    /// `man`, Twilio's basic male voice.
    pub const MAN: Voice = Voice(Cow::Borrowed("man"));
    /// `woman`, Twilio's basic female voice.
    pub const WOMAN: Voice = Voice(Cow::Borrowed("woman"));
    /// `alice`, Twilio's older multilingual voice.
    pub const ALICE: Voice = Voice(Cow::Borrowed("alice"));
    /// `Polly.Joanna`, a common Amazon Polly standard voice (en-US).
    pub const POLLY_JOANNA: Voice = Voice(Cow::Borrowed("Polly.Joanna"));
    /// `Polly.Joanna-Neural`, its neural version.
    pub const POLLY_JOANNA_NEURAL: Voice = Voice(Cow::Borrowed("Polly.Joanna-Neural"));
    /// `Polly.Matthew-Neural`, a common Amazon Polly neural voice (en-US).
    pub const POLLY_MATTHEW_NEURAL: Voice = Voice(Cow::Borrowed("Polly.Matthew-Neural"));
    /// `Polly.Amy-Neural`, a common Amazon Polly neural voice (en-GB).
    pub const POLLY_AMY_NEURAL: Voice = Voice(Cow::Borrowed("Polly.Amy-Neural"));

    /// Any voice name, written as given.
    pub fn new(name: impl Into<String>) -> Self {
        Voice(Cow::Owned(name.into()))
    }

    /// An Amazon Polly voice: `Polly.` followed by `name`, e.g. `"Joanna"`,
    /// `"Joanna-Neural"` or `"Ruth-Generative"`.
    pub fn polly(name: &str) -> Self {
        Voice(Cow::Owned(format!("Polly.{name}")))
    }

    /// A Google voice: `Google.` followed by `name`, e.g. `"en-US-Neural2-F"` or
    /// `"en-US-Chirp3-HD-Aoede"`.
    pub fn google(name: &str) -> Self {
        Voice(Cow::Owned(format!("Google.{name}")))
    }

    /// The name as written in TwiML.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Voice {
    fn from(name: &str) -> Self {
        Voice::new(name)
    }
}

impl From<String> for Voice {
    fn from(name: String) -> Self {
        Voice::new(name)
    }
}

impl fmt::Display for Voice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl super::node::AttrText for Voice {
    fn into_attr_text(self) -> String {
        self.0.into_owned()
    }
}

#[cfg(test)]
impl TestSample for Voice {
    fn sample() -> Self {
        Voice::ALICE
    }
}

twiml_enum! {
    /// Values of `record` of [`Dial`].
    DialRecord {
        DoNotRecord = "do-not-record",
        RecordFromAnswer = "record-from-answer",
        RecordFromRinging = "record-from-ringing",
        RecordFromAnswerDual = "record-from-answer-dual",
        RecordFromRingingDual = "record-from-ringing-dual",
    }
}

twiml_enum! {
    /// Values of `trim` of [`Dial`], `trim` of [`Record`], `trim` of [`Conversation`], `trim` of
    /// [`Conference`], `trim` of [`Recording`].
    Trim {
        TrimSilence = "trim-silence",
        DoNotTrim = "do-not-trim",
    }
}

twiml_enum! {
    /// Values of `recordingStatusCallbackEvent` of [`Dial`], `recordingStatusCallbackEvent` of
    /// [`Record`], `recordingStatusCallbackEvent` of [`Conversation`],
    /// `recordingStatusCallbackEvent` of [`Conference`], `recordingStatusCallbackEvent` of
    /// [`Recording`].
    RecordingEvent {
        InProgress = "in-progress",
        Completed = "completed",
        Absent = "absent",
    }
}

twiml_enum! {
    /// Values of `ringTone` of [`Dial`].
    RingTone {
        At = "at",
        Au = "au",
        Bg = "bg",
        Br = "br",
        Be = "be",
        Ch = "ch",
        Cl = "cl",
        Cn = "cn",
        Cz = "cz",
        De = "de",
        Dk = "dk",
        Ee = "ee",
        Es = "es",
        Fi = "fi",
        Fr = "fr",
        Gr = "gr",
        Hu = "hu",
        Il = "il",
        In = "in",
        It = "it",
        Lt = "lt",
        Jp = "jp",
        Mx = "mx",
        My = "my",
        Nl = "nl",
        No = "no",
        Nz = "nz",
        Ph = "ph",
        Pl = "pl",
        Pt = "pt",
        Ru = "ru",
        Se = "se",
        Sg = "sg",
        Th = "th",
        Uk = "uk",
        Us = "us",
        UsOld = "us-old",
        Tw = "tw",
        Ve = "ve",
        Za = "za",
    }
}

twiml_enum! {
    /// Values of `recordingTrack` of [`Dial`], `track` of [`Recording`].
    RecordingTrack {
        Both = "both",
        Inbound = "inbound",
        Outbound = "outbound",
    }
}

twiml_enum! {
    /// Values of `events` of [`Dial`].
    DialEvent {
        CallProgressEvent = "call-progress-event",
    }
}

twiml_enum! {
    /// Values of `input` of [`Gather`].
    GatherInput {
        Dtmf = "dtmf",
        Speech = "speech",
    }
}

twiml_enum! {
    /// Values of `reason` of [`Reject`].
    RejectReason {
        Rejected = "rejected",
        Busy = "busy",
    }
}

twiml_enum! {
    /// Values of `input` of [`Pay`].
    PayInput {
        Dtmf = "dtmf",
    }
}

twiml_enum! {
    /// Values of `bankAccountType` of [`Pay`].
    BankAccountType {
        ConsumerChecking = "consumer-checking",
        ConsumerSavings = "consumer-savings",
        CommercialChecking = "commercial-checking",
        CommercialSavings = "commercial-savings",
    }
}

twiml_enum! {
    /// Values of `paymentMethod` of [`Pay`].
    PaymentMethod {
        AchDebit = "ach-debit",
        CreditCard = "credit-card",
    }
}

twiml_enum! {
    /// Values of `tokenType` of [`Pay`].
    TokenType {
        OneTime = "one-time",
        Reusable = "reusable",
        PaymentMethod = "payment-method",
    }
}

twiml_enum! {
    /// Values of `validCardTypes` of [`Pay`], `cardType` of [`Prompt`].
    CardType {
        Visa = "visa",
        Mastercard = "mastercard",
        Amex = "amex",
        Maestro = "maestro",
        Discover = "discover",
        Optima = "optima",
        Jcb = "jcb",
        DinersClub = "diners-club",
        Enroute = "enroute",
    }
}

twiml_enum! {
    /// Values of `for` of [`Prompt`].
    PromptFor {
        PaymentCardNumber = "payment-card-number",
        ExpirationDate = "expiration-date",
        SecurityCode = "security-code",
        PostalCode = "postal-code",
        PaymentProcessing = "payment-processing",
        BankAccountNumber = "bank-account-number",
        BankRoutingNumber = "bank-routing-number",
    }
}

twiml_enum! {
    /// Values of `errorType` of [`Prompt`].
    PromptErrorType {
        Timeout = "timeout",
        InvalidCardNumber = "invalid-card-number",
        InvalidCardType = "invalid-card-type",
        InvalidDate = "invalid-date",
        InvalidSecurityCode = "invalid-security-code",
        InternalError = "internal-error",
        InputMatchingFailed = "input-matching-failed",
    }
}

twiml_enum! {
    /// Values of `track` of [`Stream`], `track` of [`Siprec`], `track` of [`Transcription`].
    StreamTrack {
        InboundTrack = "inbound_track",
        OutboundTrack = "outbound_track",
        BothTracks = "both_tracks",
    }
}

twiml_enum! {
    /// Values of `record` of [`Conversation`].
    ConversationRecord {
        DoNotRecord = "do-not-record",
        RecordFromAnswer = "record-from-answer",
        RecordFromRinging = "record-from-ringing",
        RecordFromAnswerDual = "record-from-answer-dual",
        RecordFromRingingDual = "record-from-ringing-dual",
        True = "true",
        False = "false",
    }
}

twiml_enum! {
    /// Values of `statusCallbackEvent` of [`Conversation`].
    ConversationEvent {
        CallInitiated = "call-initiated",
        CallRinging = "call-ringing",
        CallAnswered = "call-answered",
        CallCompleted = "call-completed",
    }
}

twiml_enum! {
    /// Values of `statusCallbackEvent` of [`Client`], `statusCallbackEvent` of [`Number`],
    /// `statusCallbackEvent` of [`Sip`], `statusCallbackEvent` of [`Application`],
    /// `statusCallbackEvent` of [`WhatsApp`].
    CallEvent {
        Initiated = "initiated",
        Ringing = "ringing",
        Answered = "answered",
        Completed = "completed",
    }
}

twiml_enum! {
    /// Values of `beep` of [`Conference`].
    ConferenceBeep {
        True = "true",
        False = "false",
        OnEnter = "onEnter",
        OnExit = "onExit",
    }
}

twiml_enum! {
    /// Values of `record` of [`Conference`].
    ConferenceRecord {
        DoNotRecord = "do-not-record",
        RecordFromStart = "record-from-start",
    }
}

twiml_enum! {
    /// Values of `region` of [`Conference`].
    ConferenceRegion {
        Us1 = "us1",
        Us2 = "us2",
        Ie1 = "ie1",
        Sg1 = "sg1",
        Br1 = "br1",
        Au1 = "au1",
        Jp1 = "jp1",
        De1 = "de1",
    }
}

twiml_enum! {
    /// Values of `statusCallbackEvent` of [`Conference`].
    ConferenceEvent {
        Start = "start",
        End = "end",
        Join = "join",
        Leave = "leave",
        Mute = "mute",
        Hold = "hold",
        Modify = "modify",
        Speaker = "speaker",
        Announcement = "announcement",
    }
}

twiml_enum! {
    /// Values of `jitterBufferSize` of [`Conference`].
    JitterBufferSize {
        Large = "large",
        Medium = "medium",
        Small = "small",
        Off = "off",
    }
}

twiml_enum! {
    /// Values of `strength` of [`SsmlBreak`].
    BreakStrength {
        None = "none",
        XWeak = "x-weak",
        Weak = "weak",
        Medium = "medium",
        Strong = "strong",
        XStrong = "x-strong",
    }
}

twiml_enum! {
    /// Values of `level` of [`SsmlEmphasis`].
    EmphasisLevel {
        Strong = "strong",
        Moderate = "moderate",
        Reduced = "reduced",
    }
}

twiml_enum! {
    /// Values of `alphabet` of [`SsmlPhoneme`].
    PhonemeAlphabet {
        Ipa = "ipa",
        XSampa = "x-sampa",
        XAmazonJyutping = "x-amazon-jyutping",
        XAmazonPinyin = "x-amazon-pinyin",
        XAmazonPronKana = "x-amazon-pron-kana",
        XAmazonYomigana = "x-amazon-yomigana",
    }
}

twiml_enum! {
    /// Values of `interpret-as` of [`SsmlSayAs`].
    InterpretAs {
        Characters = "characters",
        SpellOut = "spell-out",
        Cardinal = "cardinal",
        Number = "number",
        Ordinal = "ordinal",
        Digits = "digits",
        Fraction = "fraction",
        Unit = "unit",
        Date = "date",
        Time = "time",
        Address = "address",
        Expletive = "expletive",
        Telephone = "telephone",
    }
}

twiml_enum! {
    /// Values of `format` of [`SsmlSayAs`].
    SayAsFormat {
        Mdy = "mdy",
        Dmy = "dmy",
        Ymd = "ymd",
        Md = "md",
        Dm = "dm",
        Ym = "ym",
        My = "my",
        D = "d",
        M = "m",
        Y = "y",
        Yyyymmdd = "yyyymmdd",
    }
}

twiml_enum! {
    /// Values of `channels` of [`Recording`].
    RecordingChannels {
        Mono = "mono",
        Dual = "dual",
    }
}

twiml_enum! {
    /// Values of `mediaType` of [`Receive`].
    FaxMediaType {
        ApplicationPdf = "application/pdf",
        ImageTiff = "image/tiff",
    }
}

twiml_enum! {
    /// Values of `pageSize` of [`Receive`].
    FaxPageSize {
        Letter = "letter",
        Legal = "legal",
        A4 = "a4",
    }
}
