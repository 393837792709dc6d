//! Messaging and Fax elements (`<Redirect>` is shared with Voice and lives in `voice`).

use super::*;

element! {
    /// `<Message>`: sends a message (Messaging). Its text is the body; or add [`Body`] and
    /// [`Media`] children.
    Message = "Message", opt_text, fragment;
    attrs {
        to = "to": str,
        from_ = "from": str,
        action = "action": url,
        method = "method": Method,
        status_callback = "statusCallback": url,
    }
    children {
        body: Body into,
        media: Media into,
    }
}

element! {
    /// `<Body>`: the text of a [`Message`].
    Body = "Body", text, fragment;
    attrs {
    }
    children {
    }
}

element! {
    /// `<Media>`: the URL of a media file to send with a [`Message`].
    Media = "Media", text, fragment;
    attrs {
    }
    children {
    }
}

element! {
    /// `<Receive>`: receives a fax (Fax; Twilio's Programmable Fax is retired for new
    /// accounts, kept here because it is one small element).
    Receive = "Receive", empty, fragment;
    attrs {
        action = "action": url,
        method = "method": Method,
        media_type = "mediaType": FaxMediaType,
        page_size = "pageSize": FaxPageSize,
        store_media = "storeMedia": bool,
    }
    children {
    }
}
