//! Helpers for driving the real `lookout` binary.
#![allow(dead_code)]

pub mod desk;
pub mod fixtures;
pub mod workspace;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// A scratch directory removed on drop.
pub struct TempDir(pub PathBuf);

impl TempDir {
    pub fn new(tag: &str) -> TempDir {
        static N: AtomicU32 = AtomicU32::new(0);
        let path = std::env::temp_dir().join(format!(
            "lookout-{tag}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        TempDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    pub fn write(&self, name: &str, content: &str) -> PathBuf {
        let p = self.0.join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, content).unwrap();
        p
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The workspace root (for `data/`).
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().unwrap()
}

/// Runs `lookout --data-dir DIR ARGS...`.
pub fn lookout(data_dir: &Path, args: &[&str]) -> Output {
    lookout_with_env(data_dir, args, &[])
}

/// [`lookout`] with extra environment variables.
pub fn lookout_with_env(data_dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lookout"))
        .arg("--data-dir")
        .arg(data_dir)
        .args(args)
        .env_remove("LOOKOUT_DATA_DIR")
        .envs(env.iter().copied())
        .output()
        .expect("run lookout")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Imports the bundled CSV files of `data/` into `data_dir` with `lookout import`.
pub fn import_bundled_csv(data_dir: &Path) {
    let data = workspace().join("data");
    let files: Vec<String> =
        ["sources.csv", "stations.csv", "status_events.csv", "hosts.csv", "responses.csv", "figures.csv"]
            .iter()
            .map(|f| data.join(f).display().to_string())
            .collect();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let o = lookout(data_dir, &args);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// `lookout stats --json` as JSON.
pub fn stats(data_dir: &Path) -> serde_json::Value {
    let o = lookout(data_dir, &["stats", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

/// A running `lookout serve`, killed on drop.
pub struct Server {
    pub child: Child,
    pub base: String,
    pub started: Instant,
    pub ready_after: Duration,
}

impl Server {
    /// Starts the server on a free port and waits for the line announcing its URL.
    pub fn start(data_dir: &Path) -> Server {
        Server::start_with_env(data_dir, &[])
    }

    /// [`Server::start`] with extra environment variables.
    pub fn start_with_env(data_dir: &Path, env: &[(&str, &str)]) -> Server {
        let started = Instant::now();
        let mut child = Command::new(env!("CARGO_BIN_EXE_lookout"))
            .arg("--data-dir")
            .arg(data_dir)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start lookout serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let url =
            line.split_whitespace().find(|w| w.starts_with("http://")).unwrap_or_else(|| panic!("no URL in {line:?}"));
        let base = url.trim_end_matches('/').to_string();
        desk::server_started(&base);
        Server { child, base, started, ready_after: started.elapsed() }
    }

    /// GET `path`: (status, headers lower-cased, body).
    pub fn get(&self, path: &str) -> (u16, Vec<(String, String)>, String) {
        http_get(&self.base, path)
    }

    /// Stops the server and returns everything it wrote to standard error.
    pub fn stop_and_logs(mut self) -> Vec<u8> {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let mut logs = Vec::new();
        if let Some(mut err) = self.child.stderr.take() {
            let _ = err.read_to_end(&mut logs);
        }
        logs
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A minimal HTTP/1.1 GET over a fresh connection.
pub fn http_get(base: &str, path: &str) -> (u16, Vec<(String, String)>, String) {
    http_get_with(base, path, &[])
}

/// A GET with extra request headers.
pub fn http_get_with(base: &str, path: &str, extra: &[(&str, &str)]) -> (u16, Vec<(String, String)>, String) {
    let host = base.trim_start_matches("http://");
    let headers: String = extra.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
    exchange(host, &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\n{headers}Connection: close\r\n\r\n"))
}

/// Sends a request with extra headers and a body; returns status, headers and body.
pub fn http_send(
    base: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> (u16, Vec<(String, String)>, String) {
    let host = base.trim_start_matches("http://");
    let extra: String = headers.iter().map(|(k, v)| format!("{k}: {v}\r\n")).collect();
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {host}\r\n{extra}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(body);
    exchange_bytes(host, &request)
}

/// Sends a POST with a JSON body; returns status, headers and body.
pub fn http_post_json(base: &str, path: &str, body: &str) -> (u16, Vec<(String, String)>, String) {
    let host = base.trim_start_matches("http://");
    exchange(
        host,
        &format!(
            "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

/// Writes a raw HTTP/1.1 request and reads the whole response: status, headers (names in lower
/// case), body.
fn exchange(host: &str, request: &str) -> (u16, Vec<(String, String)>, String) {
    exchange_bytes(host, request.as_bytes())
}

fn exchange_bytes(host: &str, request: &[u8]) -> (u16, Vec<(String, String)>, String) {
    let mut stream = TcpStream::connect(host).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    stream.write_all(request).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap();
    let mut lines = head.lines();
    let status: u16 = lines.next().unwrap().split_whitespace().nth(1).unwrap().parse().unwrap();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    (status, headers, body.to_string())
}

pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// The Python with the validators' packages (`followthemoney`, `geojson`): `LOOKOUT_PYTHON`, else
/// `python3`. `None` (skip) only outside CI.
pub fn validator_python() -> Option<String> {
    python_with(&["followthemoney", "geojson", "feedparser", "cffconvert"])
}

/// `LOOKOUT_PYTHON` (else `python3`) if it can import `modules`; `None` (skip) only outside CI.
pub fn python_with(modules: &[&str]) -> Option<String> {
    let python = std::env::var("LOOKOUT_PYTHON").unwrap_or_else(|_| "python3".into());
    let imports = modules.join(", ");
    let ok = Command::new(&python)
        .args(["-c", &format!("import {imports}")])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if ok {
        return Some(python);
    }
    assert!(std::env::var_os("CI").is_none(), "CI must have {imports} for {python} (see .ci/run)");
    eprintln!("skipping: {python} cannot import {imports}");
    None
}

/// Runs `scripts/SCRIPT FILE` with the validators' Python; panics with its output unless it passes.
pub fn validate(python: &str, script: &str, file: &std::path::Path) {
    let v = Command::new(python).arg(workspace().join("scripts").join(script)).arg(file).output().unwrap();
    assert!(
        v.status.success(),
        "{script} rejected {}:\n{}{}",
        file.display(),
        String::from_utf8_lossy(&v.stdout),
        String::from_utf8_lossy(&v.stderr)
    );
    assert!(String::from_utf8_lossy(&v.stdout).starts_with("ok: "));
}

/// Every file under `dir`, recursively, in name order.
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files_in(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}
