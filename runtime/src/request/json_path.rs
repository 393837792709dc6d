//! Where in a JSON body a decoding error is, as a path (`sessions[1].verified`).
//!
//! serde_json says where it stopped as a line and a column; a scan of the text before that
//! point, which knows nothing of the type being decoded, tells which keys and indices enclose
//! it. Decoding with path tracking instead (serde_path_to_error) would compile every response
//! type's `Deserialize` a second time, for the rare failing body: about half of the debug
//! build of an API's code (`cargo xtask bench builds`).

use std::ops::Range;

/// The path of the value serde_json was decoding when `error` happened in `body`: keys joined
/// by `.`, indices as `[i]`, `.` for the top level (serde_path_to_error's notation).
pub(super) fn path_of(body: &[u8], error: &serde_json::Error) -> String {
    let end = offset(body, error.line(), error.column());
    // serde_json stops before a value whose first byte already shows the wrong kind, and
    // where the body ends a value may be what was due.
    let at_value = match body.get(end) {
        Some(byte) => matches!(
            byte,
            b'"' | b'{' | b'[' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n'
        ),
        None => error.is_eof(),
    };
    render(body, &enclosing(&body[..end], at_value))
}

/// The byte offset of a 1-based line and a column that counts the bytes before the error on
/// that line (serde_json's position), at most the body's length.
fn offset(body: &[u8], line: usize, column: usize) -> usize {
    let start_of_line = if line <= 1 {
        0
    } else {
        body.iter()
            .enumerate()
            .filter(|&(_, &byte)| byte == b'\n')
            .nth(line - 2)
            .map_or(body.len(), |(at, _)| at + 1)
    };
    (start_of_line + column).min(body.len())
}

/// One container the scan is inside.
enum Frame {
    /// An object and where the key of the member being read is written (quotes included),
    /// once its key is read.
    Object { key: Option<Range<usize>> },
    /// An array and the index of the element being read, once it has begun.
    Array { index: usize, begun: bool },
}

/// The containers open at the end of `text`, outermost first; `at_value`: a value begins
/// there.
fn enclosing(text: &[u8], at_value: bool) -> Vec<Frame> {
    let mut frames: Vec<Frame> = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let byte = text[at];
        match byte {
            b'"' => {
                let close = string_end(text, at);
                match frames.last_mut() {
                    Some(Frame::Object { key }) if key.is_none() => {
                        *key = Some(at..close);
                    }
                    frame => begin(frame),
                }
                at = close;
                continue;
            }
            b'{' => {
                begin(frames.last_mut());
                frames.push(Frame::Object { key: None });
            }
            b'[' => {
                begin(frames.last_mut());
                frames.push(Frame::Array {
                    index: 0,
                    begun: false,
                });
            }
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object { key }) => *key = None,
                Some(Frame::Array { index, begun }) => {
                    *index += 1;
                    *begun = false;
                }
                None => {}
            },
            b':' | b' ' | b'\t' | b'\n' | b'\r' => {}
            _ => begin(frames.last_mut()),
        }
        at += 1;
    }
    if at_value && !matches!(frames.last(), Some(Frame::Object { key: None })) {
        begin(frames.last_mut());
    }
    frames
}

/// A value begins inside `frame`: an array's element is then being read.
fn begin(frame: Option<&mut Frame>) {
    if let Some(Frame::Array { begun, .. }) = frame {
        *begun = true;
    }
}

/// The offset just past the string that opens at `open` (or the end of `text`).
fn string_end(text: &[u8], open: usize) -> usize {
    let mut at = open + 1;
    while at < text.len() {
        match text[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    text.len()
}

/// A key as written, its escapes undone where they are valid JSON (a key the body ends in
/// has no closing quote).
fn key_text(quoted: &[u8]) -> String {
    serde_json::from_slice::<String>(quoted).unwrap_or_else(|_| {
        let inner = quoted.strip_prefix(b"\"").unwrap_or(quoted);
        let inner = inner.strip_suffix(b"\"").unwrap_or(inner);
        String::from_utf8_lossy(inner).into_owned()
    })
}

/// serde_path_to_error's notation for the keys and indices of `frames` (objects whose key is
/// not read yet and arrays whose element has not begun add nothing): `a.b[0].c`, `.` for none.
fn render(body: &[u8], frames: &[Frame]) -> String {
    let mut path = String::new();
    for frame in frames {
        match frame {
            Frame::Object { key: Some(key) } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&key_text(&body[key.clone()]));
            }
            Frame::Array { index, begun: true } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
            Frame::Object { key: None } | Frame::Array { begun: false, .. } => {}
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}
