//! The grants an [`AccessToken`](super::AccessToken) can carry.
//!
//! Each type writes the claim keys and field names that Twilio's own server SDKs write
//! (twilio-python `twilio/jwt/access_token/grants.py`, twilio-node `lib/jwt/AccessToken`).
//! As in those SDKs, an optional field that is unset *or set to an empty string* is left out of
//! the token (never written as `null` or `""`).
//!
//! Every object is built by inserting its keys in alphabetical order, so the JSON is byte-for-byte
//! the same whether or not `serde_json`'s `preserve_order` feature is on somewhere in the build.

use serde_json::{Map, Value};

use super::Grant;

/// Inserts `value` under `key` unless it is unset or empty (the SDKs' "falsy" check).
fn put(map: &mut Map<String, Value>, key: &str, value: Option<&String>) {
    if let Some(value) = value.filter(|v| !v.is_empty()) {
        map.insert(key.to_owned(), Value::String(value.clone()));
    }
}

/// Collects `(name, value)` pairs into a JSON object.
fn collect_object<I, K, V>(pairs: I) -> Map<String, Value>
where
    I: IntoIterator<Item = (K, V)>,
    K: Into<String>,
    V: Into<Value>,
{
    pairs
        .into_iter()
        .map(|(k, v)| (k.into(), v.into()))
        .collect()
}

/// Programmable Voice: lets a Voice SDK client receive and/or place calls. Claim key `voice`.
///
/// ```json
/// {"incoming": {"allow": true},
///  "outgoing": {"application_sid": "AP…", "params": {"to": "alice"}},
///  "push_credential_sid": "CR…", "endpoint_id": "…"}
/// ```
///
/// `incoming` is written only when [`incoming_allow(true)`](Self::incoming_allow) was set;
/// `outgoing.params` only together with an outgoing application SID (a TwiML app), and only when
/// not empty.
///
/// ```
/// # use twilio_api_runtime as twilio_api;
/// use twilio_api::jwt::VoiceGrant;
///
/// let grant = VoiceGrant::new()
///     .incoming_allow(true)
///     .outgoing_application_sid("AP00000000000000000000000000000000")
///     .outgoing_application_params([("agent", "alice")]);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VoiceGrant {
    incoming_allow: bool,
    outgoing_application_sid: Option<String>,
    outgoing_application_params: Map<String, Value>,
    push_credential_sid: Option<String>,
    endpoint_id: Option<String>,
}

impl VoiceGrant {
    /// An empty voice grant (`"voice": {}`).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether the client may receive incoming calls (`incoming.allow`). `false`, the default,
    /// leaves `incoming` out of the token.
    #[must_use]
    pub fn incoming_allow(mut self, allow: bool) -> Self {
        self.incoming_allow = allow;
        self
    }

    /// The SID (`AP…`) of the TwiML application that outgoing calls go through
    /// (`outgoing.application_sid`).
    #[must_use]
    pub fn outgoing_application_sid(mut self, sid: impl Into<String>) -> Self {
        self.outgoing_application_sid = Some(sid.into());
        self
    }

    /// Parameters passed to the TwiML application's voice URL on each outgoing call
    /// (`outgoing.params`). Takes any iterator of `(name, value)` pairs: an array of tuples, a
    /// `HashMap`/`BTreeMap`, or a `serde_json::Map` (a JSON object). Replaces any parameters set
    /// before. Written only when an [outgoing application SID](Self::outgoing_application_sid)
    /// is set too.
    #[must_use]
    pub fn outgoing_application_params<I, K, V>(mut self, params: I) -> Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<Value>,
    {
        self.outgoing_application_params = collect_object(params);
        self
    }

    /// The SID (`CR…`) of the push credential used for incoming-call notifications on mobile
    /// (`push_credential_sid`).
    #[must_use]
    pub fn push_credential_sid(mut self, sid: impl Into<String>) -> Self {
        self.push_credential_sid = Some(sid.into());
        self
    }

    /// The endpoint ID that identifies this device (`endpoint_id`).
    #[must_use]
    pub fn endpoint_id(mut self, id: impl Into<String>) -> Self {
        self.endpoint_id = Some(id.into());
        self
    }
}

impl Grant for VoiceGrant {
    fn key(&self) -> &str {
        "voice"
    }

    fn to_payload(&self) -> Value {
        let mut grant = Map::new();
        put(&mut grant, "endpoint_id", self.endpoint_id.as_ref());
        if self.incoming_allow {
            let mut incoming = Map::new();
            incoming.insert("allow".to_owned(), Value::Bool(true));
            grant.insert("incoming".to_owned(), Value::Object(incoming));
        }
        if let Some(sid) = self
            .outgoing_application_sid
            .as_ref()
            .filter(|s| !s.is_empty())
        {
            let mut outgoing = Map::new();
            outgoing.insert("application_sid".to_owned(), Value::String(sid.clone()));
            if !self.outgoing_application_params.is_empty() {
                outgoing.insert(
                    "params".to_owned(),
                    Value::Object(self.outgoing_application_params.clone()),
                );
            }
            grant.insert("outgoing".to_owned(), Value::Object(outgoing));
        }
        put(
            &mut grant,
            "push_credential_sid",
            self.push_credential_sid.as_ref(),
        );
        Value::Object(grant)
    }
}

/// Programmable Video: lets a Video SDK client connect to rooms. Claim key `video`.
///
/// Without a [`room`](Self::room) the client may join any room (`"video": {}`).
///
/// ```
/// # use twilio_api_runtime as twilio_api;
/// use twilio_api::jwt::VideoGrant;
///
/// let grant = VideoGrant::new().room("daily-standup");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VideoGrant {
    room: Option<String>,
}

impl VideoGrant {
    /// A video grant for any room.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The name or SID (`RM…`) of the only room the client may join (`room`).
    #[must_use]
    pub fn room(mut self, room: impl Into<String>) -> Self {
        self.room = Some(room.into());
        self
    }
}

impl Grant for VideoGrant {
    fn key(&self) -> &str {
        "video"
    }

    fn to_payload(&self) -> Value {
        let mut grant = Map::new();
        put(&mut grant, "room", self.room.as_ref());
        Value::Object(grant)
    }
}

/// Conversations (and the former Programmable Chat): lets a Conversations SDK client use a
/// conversation service. Claim key `chat`.
///
/// Twilio's Conversations tokens use this grant; the service SID is the Conversations service
/// (`IS…`).
///
/// ```
/// # use twilio_api_runtime as twilio_api;
/// use twilio_api::jwt::ChatGrant;
///
/// let grant = ChatGrant::new()
///     .service_sid("IS00000000000000000000000000000000")
///     .push_credential_sid("CR00000000000000000000000000000000");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChatGrant {
    service_sid: Option<String>,
    endpoint_id: Option<String>,
    deployment_role_sid: Option<String>,
    push_credential_sid: Option<String>,
}

impl ChatGrant {
    /// An empty chat grant (`"chat": {}`).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The SID (`IS…`) of the Conversations/Chat service (`service_sid`).
    #[must_use]
    pub fn service_sid(mut self, sid: impl Into<String>) -> Self {
        self.service_sid = Some(sid.into());
        self
    }

    /// The endpoint ID that identifies this device (`endpoint_id`).
    #[must_use]
    pub fn endpoint_id(mut self, id: impl Into<String>) -> Self {
        self.endpoint_id = Some(id.into());
        self
    }

    /// The SID (`RL…`) of the role the user gets on the service (`deployment_role_sid`).
    #[must_use]
    pub fn deployment_role_sid(mut self, sid: impl Into<String>) -> Self {
        self.deployment_role_sid = Some(sid.into());
        self
    }

    /// The SID (`CR…`) of the push credential for notifications (`push_credential_sid`).
    #[must_use]
    pub fn push_credential_sid(mut self, sid: impl Into<String>) -> Self {
        self.push_credential_sid = Some(sid.into());
        self
    }
}

impl Grant for ChatGrant {
    fn key(&self) -> &str {
        "chat"
    }

    fn to_payload(&self) -> Value {
        chat_payload(
            self.service_sid.as_ref(),
            self.endpoint_id.as_ref(),
            self.deployment_role_sid.as_ref(),
            self.push_credential_sid.as_ref(),
        )
    }
}

fn chat_payload(
    service_sid: Option<&String>,
    endpoint_id: Option<&String>,
    deployment_role_sid: Option<&String>,
    push_credential_sid: Option<&String>,
) -> Value {
    let mut grant = Map::new();
    put(&mut grant, "deployment_role_sid", deployment_role_sid);
    put(&mut grant, "endpoint_id", endpoint_id);
    put(&mut grant, "push_credential_sid", push_credential_sid);
    put(&mut grant, "service_sid", service_sid);
    Value::Object(grant)
}

/// Sync: lets a Sync SDK client use a Sync service. Claim key `data_sync`.
///
/// ```
/// # use twilio_api_runtime as twilio_api;
/// use twilio_api::jwt::SyncGrant;
///
/// let grant = SyncGrant::new()
///     .service_sid("IS00000000000000000000000000000000")
///     .endpoint_id("alice-laptop");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyncGrant {
    service_sid: Option<String>,
    endpoint_id: Option<String>,
}

impl SyncGrant {
    /// An empty sync grant (`"data_sync": {}`).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The SID (`IS…`) of the Sync service (`service_sid`).
    #[must_use]
    pub fn service_sid(mut self, sid: impl Into<String>) -> Self {
        self.service_sid = Some(sid.into());
        self
    }

    /// The endpoint ID that identifies this device (`endpoint_id`).
    #[must_use]
    pub fn endpoint_id(mut self, id: impl Into<String>) -> Self {
        self.endpoint_id = Some(id.into());
        self
    }
}

impl Grant for SyncGrant {
    fn key(&self) -> &str {
        "data_sync"
    }

    fn to_payload(&self) -> Value {
        let mut grant = Map::new();
        put(&mut grant, "endpoint_id", self.endpoint_id.as_ref());
        put(&mut grant, "service_sid", self.service_sid.as_ref());
        Value::Object(grant)
    }
}

/// TaskRouter: lets a TaskRouter SDK client act in a workspace. Claim key `task_router`.
///
/// ```
/// # use twilio_api_runtime as twilio_api;
/// use twilio_api::jwt::TaskRouterGrant;
///
/// let grant = TaskRouterGrant::new()
///     .workspace_sid("WS00000000000000000000000000000000")
///     .worker_sid("WK00000000000000000000000000000000")
///     .role("worker");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskRouterGrant {
    workspace_sid: Option<String>,
    worker_sid: Option<String>,
    role: Option<String>,
}

impl TaskRouterGrant {
    /// An empty TaskRouter grant (`"task_router": {}`).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The SID (`WS…`) of the workspace (`workspace_sid`).
    #[must_use]
    pub fn workspace_sid(mut self, sid: impl Into<String>) -> Self {
        self.workspace_sid = Some(sid.into());
        self
    }

    /// The SID (`WK…`) of the worker (`worker_sid`).
    #[must_use]
    pub fn worker_sid(mut self, sid: impl Into<String>) -> Self {
        self.worker_sid = Some(sid.into());
        self
    }

    /// The role, e.g. `worker` or `supervisor` (`role`).
    #[must_use]
    pub fn role(mut self, role: impl Into<String>) -> Self {
        self.role = Some(role.into());
        self
    }
}

impl Grant for TaskRouterGrant {
    fn key(&self) -> &str {
        "task_router"
    }

    fn to_payload(&self) -> Value {
        let mut grant = Map::new();
        put(&mut grant, "role", self.role.as_ref());
        put(&mut grant, "worker_sid", self.worker_sid.as_ref());
        put(&mut grant, "workspace_sid", self.workspace_sid.as_ref());
        Value::Object(grant)
    }
}

/// Live: lets a Player SDK client play a stream. Claim key `player`.
///
/// Its payload is the `grant` object that Twilio's API returns when you create a playback grant
/// for a PlayerStreamer (`POST /v1/PlayerStreamers/{Sid}/PlaybackGrant`), copied into the token
/// as it is.
///
/// ```
/// # use twilio_api_runtime as twilio_api;
/// use twilio_api::jwt::PlaybackGrant;
///
/// let from_api = serde_json::json!({
///     "requestCredentials": null,
///     "playbackUrl": "https://example.com/playback",
///     "playerStreamerSid": "VJ00000000000000000000000000000000",
/// });
/// let grant = PlaybackGrant::new().grant(from_api);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlaybackGrant {
    grant: Value,
}

impl PlaybackGrant {
    /// An empty playback grant (`"player": {}`).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The grant object from Twilio's API (`grant` in the SDKs): a `serde_json::Value` or a
    /// `serde_json::Map`. `null` means an empty object. Anything else that is not a JSON object
    /// makes [`AccessToken::to_jwt`](super::AccessToken::to_jwt) fail with
    /// [`TokenError::InvalidGrant`](super::TokenError::InvalidGrant).
    #[must_use]
    pub fn grant(mut self, grant: impl Into<Value>) -> Self {
        self.grant = grant.into();
        self
    }
}

impl Grant for PlaybackGrant {
    fn key(&self) -> &str {
        "player"
    }

    fn to_payload(&self) -> Value {
        match &self.grant {
            Value::Null => Value::Object(Map::new()),
            other => other.clone(),
        }
    }
}

/// Programmable Chat's former name, IP Messaging. Claim key `ip_messaging`.
///
/// **Deprecated**, as in Twilio's SDKs (which warn when one is built): use [`ChatGrant`]. It takes
/// the same fields.
#[deprecated(note = "IP Messaging is now Conversations: use `ChatGrant`")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IpMessagingGrant {
    service_sid: Option<String>,
    endpoint_id: Option<String>,
    deployment_role_sid: Option<String>,
    push_credential_sid: Option<String>,
}

#[allow(deprecated)]
impl IpMessagingGrant {
    /// An empty IP Messaging grant (`"ip_messaging": {}`).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The SID (`IS…`) of the service (`service_sid`).
    #[must_use]
    pub fn service_sid(mut self, sid: impl Into<String>) -> Self {
        self.service_sid = Some(sid.into());
        self
    }

    /// The endpoint ID that identifies this device (`endpoint_id`).
    #[must_use]
    pub fn endpoint_id(mut self, id: impl Into<String>) -> Self {
        self.endpoint_id = Some(id.into());
        self
    }

    /// The SID (`RL…`) of the role the user gets on the service (`deployment_role_sid`).
    #[must_use]
    pub fn deployment_role_sid(mut self, sid: impl Into<String>) -> Self {
        self.deployment_role_sid = Some(sid.into());
        self
    }

    /// The SID (`CR…`) of the push credential for notifications (`push_credential_sid`).
    #[must_use]
    pub fn push_credential_sid(mut self, sid: impl Into<String>) -> Self {
        self.push_credential_sid = Some(sid.into());
        self
    }
}

#[allow(deprecated)]
impl Grant for IpMessagingGrant {
    fn key(&self) -> &str {
        "ip_messaging"
    }

    fn to_payload(&self) -> Value {
        chat_payload(
            self.service_sid.as_ref(),
            self.endpoint_id.as_ref(),
            self.deployment_role_sid.as_ref(),
            self.push_credential_sid.as_ref(),
        )
    }
}

/// The first Twilio Conversations (the video-calling product that became Programmable Video).
/// Claim key `rtc`.
///
/// **Deprecated**, as in Twilio's SDKs (which warn when one is built): use [`VideoGrant`]. Not to
/// be confused with today's Conversations messaging product, whose tokens use [`ChatGrant`].
#[deprecated(note = "the original Conversations became Programmable Video: use `VideoGrant`")]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConversationsGrant {
    configuration_profile_sid: Option<String>,
}

#[allow(deprecated)]
impl ConversationsGrant {
    /// An empty Conversations grant (`"rtc": {}`).
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// The SID of the configuration profile (`configuration_profile_sid`).
    #[must_use]
    pub fn configuration_profile_sid(mut self, sid: impl Into<String>) -> Self {
        self.configuration_profile_sid = Some(sid.into());
        self
    }
}

#[allow(deprecated)]
impl Grant for ConversationsGrant {
    fn key(&self) -> &str {
        "rtc"
    }

    fn to_payload(&self) -> Value {
        let mut grant = Map::new();
        put(
            &mut grant,
            "configuration_profile_sid",
            self.configuration_profile_sid.as_ref(),
        );
        Value::Object(grant)
    }
}
