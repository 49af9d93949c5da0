//! Helpers for protected reporting: accounts, sign-in, multipart reports.

use std::process::{Command, Stdio};

use super::*;

pub const PASSWORD: &str = "a long test password";

/// Runs `lookout` with `stdin` as standard input.
pub fn lookout_with_input(dir: &std::path::Path, args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lookout"))
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

pub fn base32_decode(text: &str) -> Vec<u8> {
    let (mut out, mut acc, mut bits) = (Vec::new(), 0u32, 0);
    for c in text.bytes() {
        acc = (acc << 5) | b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".iter().position(|a| *a == c).unwrap() as u32;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

/// Adds an account; returns its TOTP secret.
pub fn add_account(dir: &std::path::Path, name: &str, role: &str) -> Vec<u8> {
    let o = lookout_with_input(dir, &["account", "add", name, "--role", role], &format!("{PASSWORD}\n"));
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    let secret = text.lines().find_map(|l| l.trim().strip_prefix("secret: ")).expect("the secret is printed");
    base32_decode(secret)
}

pub fn form_token(page: &str) -> String {
    page.split("name=\"csrf\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_string()
}

/// A multipart body: text fields, then files named `attachment`.
pub fn multipart(fields: &[(&str, &str)], files: &[&[u8]]) -> (String, Vec<u8>) {
    let boundary = "----lookout-test-boundary-7d1f";
    let mut body = Vec::new();
    for (name, value) in fields {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    for (i, file) in files.iter().enumerate() {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"attachment\"; filename=\"photo{i}.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(file);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// A JPEG whose EXIF holds a GPS pointer and `canary`, with a comment holding it too.
pub fn jpeg_with_gps(canary: &str) -> Vec<u8> {
    let mut tiff = b"MM\0\x2a\0\0\0\x08\0\x01".to_vec();
    tiff.extend_from_slice(&[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0]);
    tiff.extend_from_slice(canary.as_bytes());
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend_from_slice(&tiff);
    let mut out = vec![0xFF, 0xD8];
    for (marker, body) in [
        (0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0".to_vec()),
        (0xE1, exif),
        (0xFE, canary.as_bytes().to_vec()),
        (0xDB, vec![0; 65]),
        (0xDA, vec![1, 1, 0, 0, 63, 0]),
    ] {
        out.extend_from_slice(&[0xFF, marker]);
        out.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(&body);
    }
    out.extend_from_slice(&[0x12, 0x34, 0xFF, 0xD9]);
    out
}

/// Submits a report over HTTP; returns the receipt code.
pub fn submit_report(base: &str, details: &str, files: &[&[u8]]) -> String {
    let (_, _, page) = http_get(base, "/report");
    let token = form_token(&page);
    let (kind, body) = multipart(
        &[
            ("csrf", &token),
            ("category", "approach"),
            ("country", "NL"),
            ("city", "Rotterdam"),
            ("month", "2026-10"),
            ("details", details),
        ],
        files,
    );
    let (status, headers, page) = http_send(base, "POST", "/report", &[("Content-Type", &kind)], &body);
    assert_eq!(status, 200, "{page}");
    assert_eq!(header(&headers, "cache-control"), Some("no-store"));
    page.split("id=\"receipt-code\">")
        .nth(1)
        .unwrap_or_else(|| panic!("no receipt in {page}"))
        .split('<')
        .next()
        .unwrap()
        .to_string()
}

/// Signs in over HTTP; returns the session cookie and the session's form token.
pub fn sign_in(base: &str, name: &str, totp: &[u8]) -> (String, String) {
    let (_, _, page) = http_get(base, "/review/login");
    let token = form_token(&page);
    let code = lookout_report::totp::code_now(totp);
    let body = format!("csrf={token}&name={name}&password={}&code={code}", PASSWORD.replace(' ', "+"));
    let (status, headers, text) = http_send(
        base,
        "POST",
        "/review/login",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        body.as_bytes(),
    );
    assert_eq!(status, 303, "{name}: {text}");
    let cookie = header(&headers, "set-cookie").unwrap().split(';').next().unwrap().to_string();
    assert!(header(&headers, "set-cookie").unwrap().contains("HttpOnly; SameSite=Strict"));
    let (_, _, list) = http_get_with(base, "/review", &[("Cookie", &cookie)]);
    let csrf = form_token(&list);
    (cookie, csrf)
}
