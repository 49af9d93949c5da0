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

/// A form as a page gives it: where it posts (its token may travel in the address) and its
/// hidden fields.
#[derive(Clone, Debug)]
pub struct PageForm {
    pub action: String,
    pub hidden: Vec<(String, String)>,
}

/// The first form of class `report-form` on the page at `path`.
pub fn page_form(base: &str, path: &str) -> PageForm {
    let (_, _, page) = http_get(base, path);
    form_in(&page)
}

/// The first form of class `report-form` in `page`.
pub fn form_in(page: &str) -> PageForm {
    let form = page.split("<form class=\"report-form\"").nth(1).unwrap_or_else(|| panic!("no form in {page}"));
    let form = form.split("</form>").next().unwrap();
    let action = form.split("action=\"").nth(1).unwrap().split('"').next().unwrap().replace("&amp;", "&");
    let hidden = form
        .split("<input type=\"hidden\" ")
        .skip(1)
        .map(|input| {
            let attr =
                |name: &str| input.split(&format!("{name}=\"")).nth(1).unwrap().split('"').next().unwrap().to_string();
            (attr("name"), attr("value"))
        })
        .collect();
    PageForm { action, hidden }
}

/// Posts a multipart report on `form`: its hidden fields, the usual coarse fields, `details`, files.
pub fn post_report(
    base: &str,
    form: &PageForm,
    details: &str,
    files: &[&[u8]],
) -> (u16, Vec<(String, String)>, String) {
    let mut fields: Vec<(&str, &str)> = form.hidden.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    fields.extend([
        ("category", "approach"),
        ("country", "NL"),
        ("city", "Rotterdam"),
        ("month", "2026-10"),
        ("details", details),
    ]);
    let (kind, body) = multipart(&fields, files);
    http_send(base, "POST", &form.action, &[("Content-Type", &kind)], &body)
}

/// The receipt code on a receipt page.
pub fn receipt_in(page: &str) -> Option<String> {
    Some(page.split("id=\"receipt-code\">").nth(1)?.split('<').next()?.to_string())
}

/// Posts an url-encoded form: its hidden fields and `fields`.
pub fn post_form(
    base: &str,
    form: &PageForm,
    fields: &[(&str, &str)],
    extra_headers: &[(&str, &str)],
) -> (u16, Vec<(String, String)>, String) {
    let encode = |s: &str| -> String {
        s.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
                b' ' => "+".to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect()
    };
    let body: Vec<String> = form
        .hidden
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .chain(fields.iter().copied())
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    let mut headers = vec![("Content-Type", "application/x-www-form-urlencoded")];
    headers.extend_from_slice(extra_headers);
    http_send(base, "POST", &form.action, &headers, body.join("&").as_bytes())
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

/// Submits a report over HTTP; returns the receipt code.
pub fn submit_report(base: &str, details: &str, files: &[&[u8]]) -> String {
    let form = page_form(base, "/report");
    let (status, headers, page) = post_report(base, &form, details, files);
    assert_eq!(status, 200, "{page}");
    assert_eq!(header(&headers, "cache-control"), Some("no-store"));
    receipt_in(&page).unwrap_or_else(|| panic!("no receipt in {page}"))
}

/// Signs in over HTTP; returns the session cookie and the session's form token.
pub fn sign_in(base: &str, name: &str, totp: &[u8]) -> (String, String) {
    let (status, headers, text) = sign_in_with(base, name, totp, &[]);
    assert_eq!(status, 303, "{name}: {text}");
    let cookie = session_cookie(&headers).expect("a session cookie");
    let set = headers.iter().find(|(k, v)| k == "set-cookie" && v.starts_with(&cookie)).unwrap();
    assert!(set.1.contains("HttpOnly; SameSite=Strict"), "{set:?}");
    let (_, _, list) = http_get_with(base, "/review", &[("Cookie", &cookie)]);
    let csrf = form_token(&list);
    (cookie, csrf)
}

/// Signs in with the right password and the code of the soonest step the server takes (see
/// [`sign_in_as`]).
pub fn sign_in_with(
    base: &str,
    name: &str,
    totp: &[u8],
    extra: &[(&str, &str)],
) -> (u16, Vec<(String, String)>, String) {
    sign_in_as(base, name, PASSWORD, totp, extra)
}

/// Signs in with `password` and the code of the soonest step the server at `base` takes from
/// `name` (waiting, at most until the step before it begins); a step the server says was used
/// (by a browser, say) is passed over. The step counts as used once the server took it.
pub fn sign_in_as(
    base: &str,
    name: &str,
    password: &str,
    totp: &[u8],
    extra: &[(&str, &str)],
) -> (u16, Vec<(String, String)>, String) {
    for _ in 0..4 {
        let step = soonest_step(base, name);
        let response = try_sign_in(base, name, password, &lookout_report::totp::code_at(totp, step), extra);
        if response.0 == 303 || response.2.contains("wait for the next code") {
            used_step(base, name, step);
        }
        if !response.2.contains("wait for the next code") {
            return response;
        }
    }
    panic!("{name}: still told to wait for the next code after four steps");
}

/// The code of the soonest step the server at `base` takes from `name`, counted as used: for a
/// sign-in made elsewhere (in a browser), or a code sent twice on purpose.
pub fn next_code(base: &str, name: &str, totp: &[u8]) -> String {
    let step = soonest_step(base, name);
    used_step(base, name, step);
    lookout_report::totp::code_at(totp, step)
}

/// What the tests know of the TOTP steps of each server they started, by its address: the first
/// step it takes and the last step each account signed in with. A server refuses every step up
/// to the one after the step it started in (a code used just before a restart may carry that
/// one), and each account's steps must increase; it takes the code of the step now or of either
/// neighbour. So after the first step boundary since its start, the code of the next step is
/// taken at once, and an account signs in twice within a step (now, then the next).
struct Steps {
    first: u64,
    used: std::collections::BTreeMap<String, u64>,
}

static STEPS: std::sync::Mutex<std::collections::BTreeMap<String, Steps>> =
    std::sync::Mutex::new(std::collections::BTreeMap::new());

fn steps() -> std::sync::MutexGuard<'static, std::collections::BTreeMap<String, Steps>> {
    // A test that panicked while holding it changed nothing half-way.
    STEPS.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Called by [`Server::start`] once the server at `base` announced itself (it reads the clock
/// just after: should a step begin in between, [`sign_in_as`] is told to wait and moves on).
pub fn server_started(base: &str) {
    let first = lookout_report::totp::current_step() + 2;
    steps().insert(base.to_string(), Steps { first, used: Default::default() });
}

/// The soonest step the server at `base` takes from `name`, once it does: after the server's
/// start and the account's last step, and not before now (the code of the step before now could
/// expire on its way).
fn soonest_step(base: &str, name: &str) -> u64 {
    let step = {
        let steps = steps();
        let server = steps.get(base).unwrap_or_else(|| panic!("{base} was not started with Server::start"));
        let after_last = server.used.get(name).map_or(0, |last| last + 1);
        server.first.max(after_last).max(lookout_report::totp::current_step())
    };
    // The code of a step is taken from the beginning of the step before it.
    let taken_from = std::time::UNIX_EPOCH + Duration::from_secs((step - 1) * lookout_report::totp::STEP);
    while let Ok(wait) = taken_from.duration_since(std::time::SystemTime::now()) {
        std::thread::sleep(wait + Duration::from_millis(50));
    }
    step
}

/// Records that the server at `base` took `step` from `name`.
fn used_step(base: &str, name: &str, step: u64) {
    let mut steps = steps();
    let server = steps.get_mut(base).unwrap_or_else(|| panic!("{base} was not started with Server::start"));
    let last = server.used.entry(name.to_string()).or_insert(step);
    *last = (*last).max(step);
}

/// GET `path` with the session `cookie`: status and body.
pub fn get(base: &str, cookie: &str, path: &str) -> (u16, String) {
    let (status, _, body) = http_get_with(base, path, &[("Cookie", cookie)]);
    (status, body)
}

/// The page at `path` read with the session `cookie`, which must answer 200.
pub fn read_page(base: &str, cookie: &str, path: &str) -> String {
    let (status, body) = get(base, cookie, path);
    assert_eq!(status, 200, "{path}: {body}");
    body
}

/// One sign-in attempt with a fresh form; `extra` headers (a device cookie) are sent with it.
pub fn try_sign_in(
    base: &str,
    name: &str,
    password: &str,
    code: &str,
    extra: &[(&str, &str)],
) -> (u16, Vec<(String, String)>, String) {
    let form = page_form(base, "/review/login");
    post_form(base, &form, &[("name", name), ("password", password), ("code", code)], extra)
}

/// The session cookie a sign-in set (`lookout_review=…`).
pub fn session_cookie(headers: &[(String, String)]) -> Option<String> {
    headers
        .iter()
        .filter(|(k, _)| k == "set-cookie")
        .map(|(_, v)| v.split(';').next().unwrap().to_string())
        .find(|c| c.starts_with("lookout_review=") && c.len() > "lookout_review=".len())
}

/// The device cookies a sign-in set (`lookout_device=…`).
pub fn device_cookies(headers: &[(String, String)]) -> Vec<String> {
    headers
        .iter()
        .filter(|(k, v)| k == "set-cookie" && v.starts_with("lookout_device="))
        .map(|(_, v)| v.split(';').next().unwrap().to_string())
        .collect()
}

/// Runs a Python program over the database (`sqlite3` is in Python's standard library).
pub fn python(program: &str, db: &std::path::Path) -> String {
    let python = std::env::var("LOOKOUT_PYTHON").unwrap_or_else(|_| "python3".into());
    let o = Command::new(python).args(["-c", program]).arg(db).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn report_ids(dir: &std::path::Path) -> Vec<String> {
    stdout(&lookout(dir, &["report", "list"])).lines().map(|l| l.split('\t').next().unwrap().to_string()).collect()
}

pub fn reviewer_post(base: &str, cookie: &str, csrf: &str, path: &str, body: &str) -> (u16, String) {
    let (status, _, text) = http_send(
        base,
        "POST",
        path,
        &[("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", cookie)],
        format!("csrf={csrf}&{body}").as_bytes(),
    );
    (status, text)
}

pub fn alive(base: &str) -> bool {
    let host = base.trim_start_matches("http://");
    let Ok(mut s) = TcpStream::connect(host) else { return false };
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    if s.write_all(format!("GET /healthz HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes()).is_err() {
        return false;
    }
    let mut out = String::new();
    s.read_to_string(&mut out).is_ok() && out.starts_with("HTTP/1.1 200")
}

/// Seconds since the epoch.
pub fn now_unix() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}
