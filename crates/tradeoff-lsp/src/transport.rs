//! JSON-RPC over stdio with LSP's `Content-Length` framing, tolerant of bad input: a frame that
//! is not a JSON-RPC message, has a broken header, is not UTF-8 or is larger than
//! [`MAX_MESSAGE_BYTES`] is reported to the client (`window/logMessage`) and skipped, and the
//! server keeps reading. (lsp-server's own stdio transport stops at the first such frame.)

use std::io::{self, BufRead, Read, Write};
use std::thread::{self, JoinHandle};

use crossbeam_channel::{bounded, Sender};
use lsp_server::{Connection, Message, Notification};

/// The largest message read: an 8 MiB spec (the language's limit) escaped as JSON fits.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

/// The threads that move messages between the channels and stdin/stdout.
pub struct IoThreads {
    reader: JoinHandle<()>,
    writer: JoinHandle<io::Result<()>>,
}

impl IoThreads {
    /// Waits for stdout to be flushed. The reader is not joined: it may be blocked on stdin
    /// after `exit`, and the process ends anyway.
    pub fn join(self) -> io::Result<()> {
        drop(self.reader);
        self.writer
            .join()
            .map_err(|_| io::Error::other("the writer thread panicked"))?
    }
}

/// A connection over this process's stdin and stdout.
pub fn stdio() -> (Connection, IoThreads) {
    let (to_client, outgoing) = bounded::<Message>(16);
    let (incoming, from_client) = bounded::<Message>(16);
    let writer = thread::Builder::new()
        .name("lsp-writer".to_owned())
        .spawn(move || {
            let stdout = io::stdout();
            let mut stdout = stdout.lock();
            for message in outgoing {
                message.write(&mut stdout)?;
            }
            Ok(())
        })
        .expect("spawning a thread");
    let log = to_client.clone();
    let reader = thread::Builder::new()
        .name("lsp-reader".to_owned())
        .spawn(move || {
            let stdin = io::stdin();
            read_messages(&mut stdin.lock(), &incoming, &log);
        })
        .expect("spawning a thread");
    let connection = Connection {
        sender: to_client,
        receiver: from_client,
    };
    (connection, IoThreads { reader, writer })
}

/// Reads frames until end of input or `exit`, passing messages on and reporting bad frames.
pub fn read_messages(input: &mut dyn BufRead, incoming: &Sender<Message>, log: &Sender<Message>) {
    loop {
        let message = match read_frame(input) {
            Ok(None) => return,
            Ok(Some(Ok(body))) => match serde_json::from_slice::<Message>(&body) {
                Ok(message) => message,
                Err(error) => {
                    report(log, &format!("ignored a message that is not JSON-RPC: {error}"));
                    continue;
                }
            },
            Ok(Some(Err(problem))) => {
                report(log, &problem);
                continue;
            }
            Err(error) => {
                eprintln!("tradeoff lsp: cannot read stdin: {error}");
                return;
            }
        };
        let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
        if incoming.send(message).is_err() || exit {
            return;
        }
    }
}

fn report(log: &Sender<Message>, problem: &str) {
    eprintln!("tradeoff lsp: {problem}");
    let params = serde_json::json!({ "type": 1, "message": format!("tradeoff lsp: {problem}") });
    let _ = log.send(Message::Notification(Notification::new(
        "window/logMessage".to_owned(),
        params,
    )));
}

/// One frame: `Ok(None)` at end of input, `Ok(Some(Err(why)))` for a frame to skip.
fn read_frame(input: &mut dyn BufRead) -> io::Result<Option<Result<Vec<u8>, String>>> {
    let mut length: Option<usize> = None;
    let mut bad_header = None;
    let mut line = Vec::new();
    loop {
        line.clear();
        // A header line is short; a line longer than this is not a header.
        if input.take(8 * 1024).read_until(b'\n', &mut line)? == 0 {
            return Ok(None);
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if length.is_some() || bad_header.is_some() {
                break;
            }
            continue; // blank lines between frames
        }
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => {
                match value.trim().parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => bad_header = Some(format!("ignored a frame with Content-Length {:?}", value.trim())),
                }
            }
            Some(_) => {} // Content-Type and other headers
            None => bad_header = Some(format!("ignored a malformed header line {:?}", shortened(text))),
        }
    }
    let Some(length) = length else {
        return Ok(Some(Err(
            bad_header.unwrap_or_else(|| "ignored a frame without Content-Length".to_owned())
        )));
    };
    if length > MAX_MESSAGE_BYTES {
        io::copy(&mut input.take(length as u64), &mut io::sink())?;
        return Ok(Some(Err(format!(
            "ignored a message of {length} bytes (at most {MAX_MESSAGE_BYTES})"
        ))));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    if let Some(problem) = bad_header {
        return Ok(Some(Err(problem)));
    }
    if std::str::from_utf8(&body).is_err() {
        return Ok(Some(Err("ignored a message that is not UTF-8".to_owned())));
    }
    Ok(Some(Ok(body)))
}

fn shortened(text: &str) -> String {
    text.chars().take(60).collect()
}

/// Writes one message with its frame (for tests and clients written in Rust).
pub fn write_frame(out: &mut dyn Write, body: &str) -> io::Result<()> {
    write!(out, "Content-Length: {}\r\n\r\n{body}", body.len())?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(input: &[u8]) -> (Vec<Message>, Vec<String>) {
        let (incoming, messages) = bounded(64);
        let (log, logged) = bounded(64);
        read_messages(&mut io::Cursor::new(input), &incoming, &log);
        drop((incoming, log));
        let logged = logged
            .into_iter()
            .map(|m| match m {
                Message::Notification(n) => n.params["message"].as_str().unwrap().to_owned(),
                other => panic!("{other:?}"),
            })
            .collect();
        (messages.into_iter().collect(), logged)
    }

    fn frame(body: &str) -> Vec<u8> {
        let mut out = Vec::new();
        write_frame(&mut out, body).unwrap();
        out
    }

    #[test]
    fn bad_frames_are_reported_and_skipped() {
        let good = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let mut input = Vec::new();
        input.extend(frame("{not json"));
        input.extend(b"Content-Length: lots\r\n\r\n");
        input.extend(b"garbage line\r\nContent-Length: 2\r\n\r\n{}");
        input.extend(b"Content-Length: 2\r\n\r\n\xff\xfe");
        input.extend(frame("\"a string\""));
        input.extend(frame(good));
        let (messages, logged) = read_all(&input);
        assert_eq!(messages.len(), 1, "{logged:?}");
        assert!(matches!(&messages[0], Message::Notification(n) if n.method == "initialized"));
        assert_eq!(logged.len(), 5, "{logged:?}");
        assert!(logged[0].contains("not JSON-RPC"));
        assert!(logged[1].contains("lots"));
        assert!(logged[3].contains("UTF-8"));
    }

    #[test]
    fn an_oversized_frame_is_skipped_without_reading_it_into_memory() {
        let mut input = format!("Content-Length: {}\r\n\r\n", MAX_MESSAGE_BYTES + 1).into_bytes();
        input.resize(input.len() + MAX_MESSAGE_BYTES + 1, b' ');
        input.extend(frame(r#"{"jsonrpc":"2.0","method":"exit"}"#));
        let (messages, logged) = read_all(&input);
        assert_eq!(messages.len(), 1);
        assert!(logged[0].contains("at most"), "{logged:?}");
    }

    #[test]
    fn input_that_ends_mid_frame_ends_reading() {
        let (messages, _) = read_all(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"");
        assert!(messages.is_empty());
    }
}
