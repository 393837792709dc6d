//! A minimal HTTP/1.1 server on loopback for the client figures: blocking threads (one to
//! accept, one per connection), keep-alive, `Content-Length` bodies only. It does as little
//! as a server can, so that the client's own work is what the figures show; wiremock's
//! matching, recording and async machinery added tens of microseconds and most of the spread.
//!
//! In steady state a connection allocates nothing: its read and write buffers are reused, so
//! the counting allocator (`crate::alloc`) sees the client's heap, not the server's.

use std::io::{Read as _, Write as _};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Arc;

/// One request as received.
pub struct Request<'a> {
    pub method: &'a str,
    /// The request target: path and query.
    pub target: &'a str,
    /// The header lines, as sent (`name: value\r\n` each).
    pub headers: &'a str,
    pub body: &'a [u8],
}

/// The value of the header `name` (case-insensitive) in a request head, if there.
fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.split("\r\n").find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

/// Writes a whole `200 OK` JSON response, the body given in parts, into `out`.
pub fn ok_json(out: &mut Vec<u8>, body: &[&[u8]]) {
    let length: usize = body.iter().map(|part| part.len()).sum();
    write!(
        out,
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {length}\r\n\r\n"
    )
    .unwrap();
    for part in body {
        out.extend_from_slice(part);
    }
}

/// What the server answers: given a request, writes the whole response into the buffer.
type Handler = dyn Fn(&Request<'_>, &mut Vec<u8>) + Send + Sync;

/// Starts a server answering every request with `handler`; its `http://` origin. It runs
/// until the process ends.
pub fn serve(handler: impl Fn(&Request<'_>, &mut Vec<u8>) + Send + Sync + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr: SocketAddr = listener.local_addr().unwrap();
    let handler: Arc<Handler> = Arc::new(handler);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let handler = Arc::clone(&handler);
            std::thread::spawn(move || connection(stream, &*handler));
        }
    });
    format!("http://{addr}")
}

/// Answers requests on one connection until the client closes it.
fn connection(mut stream: TcpStream, handler: &Handler) {
    stream.set_nodelay(true).unwrap();
    let mut input: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut output: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut chunk = [0u8; 16 * 1024];
    loop {
        // Read until the end of the head, then the body its Content-Length announces.
        let head_end = loop {
            if let Some(end) = input.windows(4).position(|w| w == b"\r\n\r\n") {
                break end;
            }
            match stream.read(&mut chunk) {
                Ok(0) | Err(_) => return,
                Ok(n) => input.extend_from_slice(&chunk[..n]),
            }
        };
        let head = std::str::from_utf8(&input[..head_end]).unwrap();
        let length: usize = header(head, "content-length").map_or(0, |v| v.parse().unwrap());
        let total = head_end + 4 + length;
        while input.len() < total {
            match stream.read(&mut chunk) {
                Ok(0) | Err(_) => return,
                Ok(n) => input.extend_from_slice(&chunk[..n]),
            }
        }
        let head = std::str::from_utf8(&input[..head_end]).unwrap();
        let (request_line, headers) = head.split_once("\r\n").unwrap_or((head, ""));
        let mut parts = request_line.split(' ');
        let request = Request {
            method: parts.next().unwrap(),
            target: parts.next().unwrap(),
            headers,
            body: &input[head_end + 4..total],
        };
        output.clear();
        handler(&request, &mut output);
        if stream.write_all(&output).is_err() {
            return;
        }
        input.drain(..total);
    }
}
