//! JSON pointers (RFC 6901) into a spec: how `load`, `locate` and `refs` name a place in a
//! file, so each of them builds pointers the same way and none imports another for it.

/// Escapes one JSON pointer segment (`/v1/Sessions` -> `~1v1~1Sessions`).
pub fn escape(segment: &str) -> String {
    let mut escaped = String::with_capacity(segment.len());
    push_escaped(&mut escaped, segment);
    escaped
}

/// The pointer of `parent`'s child `key`: `parent/key`, with the key escaped.
pub fn child_pointer(parent: &str, key: &str) -> String {
    let mut pointer = String::with_capacity(parent.len() + key.len() + 1);
    pointer.push_str(parent);
    pointer.push('/');
    push_escaped(&mut pointer, key);
    pointer
}

/// Appends one JSON pointer segment, escaped, to `pointer` (without the `/` before it).
fn push_escaped(pointer: &mut String, segment: &str) {
    for c in segment.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_escaped() {
        assert_eq!(escape("/v1/Sessions"), "~1v1~1Sessions");
        assert_eq!(escape("a~b"), "a~0b");
        assert_eq!(child_pointer("/paths", "/v1/{Sid}"), "/paths/~1v1~1{Sid}");
    }
}
