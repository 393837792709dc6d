//! A webhook receiver for inbound SMS: it checks Twilio's `X-Twilio-Signature` and answers in
//! TwiML. A plain blocking HTTP/1.1 server on std's `TcpListener`, one request at a time, so
//! nothing but the crate is needed; a real app would use its web framework and call the same
//! two functions (`RequestValidator::validate`, `MessagingResponse`).
//!
//! ```sh
//! TWILIO_AUTH_TOKEN=… cargo run -p twilio-api --example sms_webhook -- \
//!     --listen 127.0.0.1:8080 --public-url https://myapp.example.com
//! # or, with no Twilio at all: start it, send itself one signed and one forged request, stop
//! cargo run -p twilio-api --example sms_webhook -- --self-test
//! ```
//!
//! `--public-url` is the origin Twilio calls (what you configured on the phone number). Behind
//! a proxy or tunnel the host this server sees is not the one Twilio signed, so it is given,
//! never guessed from the `Host` header.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};

use twilio_api::twiml::MessagingResponse;
use twilio_api::webhook::RequestValidator;

/// The largest request body read: Twilio's SMS webhooks are a few kilobytes.
const MAX_BODY: usize = 64 * 1024;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut listen, mut public_url, mut self_test) = (
        "127.0.0.1:8080".to_owned(),
        "http://127.0.0.1:8080".to_owned(),
        false,
    );
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--listen" => listen = args.next().ok_or("--listen takes an address")?,
            "--public-url" => public_url = args.next().ok_or("--public-url takes a URL")?,
            "--self-test" => self_test = true,
            other => return Err(format!("unexpected argument {other:?}").into()),
        }
    }
    let token = match std::env::var("TWILIO_AUTH_TOKEN") {
        Ok(token) if !token.is_empty() => token,
        _ if self_test => "self-test-token".to_owned(),
        _ => return Err("set TWILIO_AUTH_TOKEN to your account's auth token".into()),
    };
    let validator = RequestValidator::new(token);
    if self_test {
        return self_test_run(&validator);
    }
    let listener = TcpListener::bind(&listen)?;
    println!("listening on {listen}; Twilio calls {public_url}");
    for stream in listener.incoming() {
        if let Err(error) = handle(stream?, &validator, &public_url) {
            eprintln!("request failed: {error}");
        }
    }
    Ok(())
}

/// Reads one request, checks its signature and answers it.
fn handle(
    mut stream: TcpStream,
    validator: &RequestValidator,
    public_url: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let target = request_line.split(' ').nth(1).unwrap_or("/").to_owned();
    let (mut length, mut signature) = (0usize, String::new());
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                length = value.parse()?;
            } else if name.eq_ignore_ascii_case("x-twilio-signature") {
                signature = value.to_owned();
            }
        }
    }
    if length > MAX_BODY {
        return respond(
            &mut stream,
            "413 Payload Too Large",
            "text/plain",
            "too large",
        );
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    let params: Vec<(String, String)> = url::form_urlencoded::parse(&body).into_owned().collect();
    // The URL Twilio signed: the public origin it called, then the path and query it asked for.
    let url = format!("{}{target}", public_url.trim_end_matches('/'));
    if let Err(error) = validator.validate(&url, &params, &signature) {
        eprintln!("refused a request to {target}: {error}");
        return respond(&mut stream, "403 Forbidden", "text/plain", "bad signature");
    }
    let text = params
        .iter()
        .find(|(name, _)| name == "Body")
        .map_or("", |(_, value)| value.as_str());
    let twiml = MessagingResponse::new().message(format!("You said: {text}"));
    respond(&mut stream, "200 OK", "text/xml", &twiml.to_string())
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    write!(
        stream,
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    Ok(())
}

/// Starts the server on a free loopback port, sends it an inbound SMS signed as Twilio would
/// and the same one with a forged signature, and checks both answers.
fn self_test_run(validator: &RequestValidator) -> Result<(), Box<dyn std::error::Error>> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let public_url = format!("http://{}", listener.local_addr()?);
    let server_validator = validator.clone();
    let server_url = public_url.clone();
    let server = std::thread::spawn(move || {
        for stream in listener.incoming().take(2).flatten() {
            if let Err(error) = handle(stream, &server_validator, &server_url) {
                eprintln!("request failed: {error}");
            }
        }
    });
    let params = [
        ("From", "+15555550100"),
        ("To", "+15555550101"),
        ("Body", "hi & bye"),
    ];
    let url = format!("{public_url}/sms?source=self-test");
    let signed = validator.signature(&url, params);
    let body: String = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(params)
        .finish();
    let good = post(&public_url, "/sms?source=self-test", &body, &signed)?;
    let forged = post(&public_url, "/sms?source=self-test", &body, "Zm9yZ2Vk")?;
    server.join().map_err(|_| "the server thread panicked")?;
    println!("signed request:\n{good}\n\nforged request:\n{forged}");
    let expected = r#"<?xml version="1.0" encoding="UTF-8"?><Response><Message>You said: hi &amp; bye</Message></Response>"#;
    if good.starts_with("HTTP/1.1 200")
        && good.ends_with(expected)
        && forged.starts_with("HTTP/1.1 403")
    {
        println!("\nself-test passed");
        Ok(())
    } else {
        Err("self-test failed".into())
    }
}

/// One form POST to the server, returning the whole response.
fn post(
    origin: &str,
    target: &str,
    body: &str,
    signature: &str,
) -> Result<String, Box<dyn std::error::Error>> {
    let mut stream = TcpStream::connect(origin.trim_start_matches("http://"))?;
    write!(
        stream,
        "POST {target} HTTP/1.1\r\nHost: example\r\nContent-Type: application/x-www-form-urlencoded\r\nX-Twilio-Signature: {signature}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    Ok(response)
}
