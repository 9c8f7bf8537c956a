//! A small IPP client for what the `printers` crate does not report: whether a queue accepts
//! jobs, its paper sizes and trays, and why a job stopped. It speaks IPP/1.1 over HTTP to the
//! local CUPS scheduler (`localhost:631`, or the host in `CUPS_SERVER`), with short timeouts.

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(5);

/// One attribute's values: integers and enums as numbers, everything else as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Int(i64),
    Bool(bool),
    Text(String),
}

/// A response's attributes by name (all groups merged; the first group wins).
#[derive(Debug, Default)]
pub struct Attributes(BTreeMap<String, Vec<Value>>);

impl Attributes {
    pub fn int(&self, name: &str) -> Option<i64> {
        self.0.get(name)?.iter().find_map(|v| if let Value::Int(i) = v { Some(*i) } else { None })
    }

    pub fn bool(&self, name: &str) -> Option<bool> {
        self.0.get(name)?.iter().find_map(|v| if let Value::Bool(b) = v { Some(*b) } else { None })
    }

    pub fn texts(&self, name: &str) -> Vec<String> {
        self.0
            .get(name)
            .map(|vs| vs.iter().filter_map(|v| if let Value::Text(t) = v { Some(t.clone()) } else { None }).collect())
            .unwrap_or_default()
    }

    pub fn text(&self, name: &str) -> Option<String> {
        self.texts(name).into_iter().next()
    }
}

/// Why a request failed: the scheduler could not be reached, or it answered with an IPP status.
#[derive(Debug)]
pub enum IppError {
    Unreachable,
    /// The IPP status code of a refused request (0x0406: no such printer or job).
    Status(u16),
}

impl IppError {
    pub fn status(&self) -> Option<u16> {
        if let IppError::Status(s) = self {
            Some(*s)
        } else {
            None
        }
    }
}

fn server() -> String {
    match std::env::var("CUPS_SERVER") {
        Ok(s) if !s.is_empty() && !s.starts_with('/') => {
            if s.contains(':') {
                s
            } else {
                format!("{s}:631")
            }
        }
        _ => "localhost:631".into(),
    }
}

/// Get-Printer-Attributes for the queue `name`.
pub fn printer_attributes(name: &str) -> Result<Attributes, IppError> {
    let uri = format!("ipp://localhost/printers/{name}");
    let wanted = [
        "printer-state",
        "printer-state-message",
        "printer-state-reasons",
        "printer-is-accepting-jobs",
        "media-supported",
        "media-default",
        "media-source-supported",
    ];
    request(0x000B, &format!("/printers/{name}"), "printer-uri", &uri, &wanted)
}

/// Get-Job-Attributes for job `id`.
pub fn job_attributes(id: u64) -> Result<Attributes, IppError> {
    let uri = format!("ipp://localhost/jobs/{id}");
    let wanted = ["job-state", "job-state-reasons", "job-printer-state-message", "job-state-message"];
    request(0x0009, "/jobs/", "job-uri", &uri, &wanted)
}

fn attribute(out: &mut Vec<u8>, tag: u8, name: &str, value: &str) {
    out.push(tag);
    out.extend((name.len() as u16).to_be_bytes());
    out.extend(name.as_bytes());
    out.extend((value.len() as u16).to_be_bytes());
    out.extend(value.as_bytes());
}

fn request(op: u16, path: &str, uri_name: &str, uri: &str, wanted: &[&str]) -> Result<Attributes, IppError> {
    let mut body = vec![1, 1];
    body.extend(op.to_be_bytes());
    body.extend(1u32.to_be_bytes());
    body.push(0x01);
    attribute(&mut body, 0x47, "attributes-charset", "utf-8");
    attribute(&mut body, 0x48, "attributes-natural-language", "en");
    attribute(&mut body, 0x45, uri_name, uri);
    for (i, w) in wanted.iter().enumerate() {
        attribute(&mut body, 0x44, if i == 0 { "requested-attributes" } else { "" }, w);
    }
    body.push(0x03);
    let host = server();
    let unreachable = |_: std::io::Error| IppError::Unreachable;
    let addr = host.to_socket_addrs().map_err(unreachable)?.next().ok_or(IppError::Unreachable)?;
    let mut stream = TcpStream::connect_timeout(&addr, TIMEOUT).map_err(unreachable)?;
    stream.set_read_timeout(Some(TIMEOUT)).map_err(unreachable)?;
    stream.set_write_timeout(Some(TIMEOUT)).map_err(unreachable)?;
    let head = format!(
        "POST {path} HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/ipp\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).map_err(unreachable)?;
    stream.write_all(&body).map_err(unreachable)?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response).map_err(unreachable)?;
    let start = response.windows(4).position(|w| w == b"\r\n\r\n").ok_or(IppError::Unreachable)?;
    parse(&response[start + 4..]).ok_or(IppError::Unreachable)?
}

/// Decodes an IPP response; `None` when it is cut short.
fn parse(data: &[u8]) -> Option<Result<Attributes, IppError>> {
    let status = u16::from_be_bytes([*data.get(2)?, *data.get(3)?]);
    let mut attrs: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut at = 8;
    let mut last = String::new();
    let mut seen_in_group: Vec<String> = Vec::new();
    while let Some(&tag) = data.get(at) {
        at += 1;
        if tag == 0x03 {
            break;
        }
        if tag < 0x10 {
            seen_in_group.clear();
            continue;
        }
        let read = |at: &mut usize| -> Option<&[u8]> {
            let len = u16::from_be_bytes([*data.get(*at)?, *data.get(*at + 1)?]) as usize;
            let v = data.get(*at + 2..*at + 2 + len)?;
            *at += 2 + len;
            Some(v)
        };
        let name = read(&mut at)?;
        let raw = read(&mut at)?;
        if !name.is_empty() {
            last = String::from_utf8_lossy(name).into_owned();
            if attrs.contains_key(&last) && !seen_in_group.contains(&last) {
                last.clear(); // the same name in a later group: keep the first
            }
            seen_in_group.push(last.clone());
        }
        let value = match (tag, raw.len()) {
            (0x21 | 0x23, 4) => Value::Int(i32::from_be_bytes([raw[0], raw[1], raw[2], raw[3]]) as i64),
            (0x22, 1) => Value::Bool(raw[0] != 0),
            _ => Value::Text(String::from_utf8_lossy(raw).into_owned()),
        };
        if !last.is_empty() {
            attrs.entry(last.clone()).or_default().push(value);
        }
    }
    Some(if status < 0x0100 { Ok(Attributes(attrs)) } else { Err(IppError::Status(status)) })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_response_decodes_integers_booleans_and_repeated_values() {
        let mut r = vec![1, 1, 0, 0, 0, 0, 0, 1, 0x04];
        attribute(&mut r, 0x23, "printer-state", "\0\0\0\x05");
        attribute(&mut r, 0x22, "printer-is-accepting-jobs", "\0");
        attribute(&mut r, 0x44, "media-supported", "iso_a4_210x297mm");
        attribute(&mut r, 0x44, "", "iso_a3_297x420mm");
        r.push(0x03);
        let a = parse(&r).unwrap().unwrap();
        assert_eq!(a.int("printer-state"), Some(5));
        assert_eq!(a.bool("printer-is-accepting-jobs"), Some(false));
        assert_eq!(a.texts("media-supported"), ["iso_a4_210x297mm", "iso_a3_297x420mm"]);
        r[2..4].copy_from_slice(&0x0406u16.to_be_bytes());
        assert_eq!(parse(&r).unwrap().unwrap_err().status(), Some(0x0406));
        assert!(parse(&r[..3]).is_none());
    }
}
