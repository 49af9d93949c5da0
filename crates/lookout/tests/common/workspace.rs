//! Helpers for the workspace's tests: links on its pages, a record with a news document, and the
//! browser runs of `tests/a11y`.

use std::process::Command;

use super::*;

/// The first address on `page` linked to that begins with `prefix`, whole.
pub fn first_link(page: &str, prefix: &str) -> String {
    let rest = page.split(&format!("href=\"{prefix}")).nth(1).unwrap_or_else(|| panic!("no {prefix} in {page}"));
    format!("{prefix}{}", rest.split('"').next().unwrap())
}

/// The first proposal id (`proposal-…`) linked from an inbox page.
pub fn first_proposal(inbox: &str) -> String {
    first_link(inbox, "/workspace/inbox/proposal-").trim_start_matches("/workspace/inbox/").to_string()
}

/// Imports the bundled CSV files into `dir` and ingests one news document saying `text`, from
/// `url`.
pub fn record_with_news(dir: &Path, text: &str, url: &str) {
    import_bundled_csv(dir);
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("nl.txt"), text).unwrap();
    std::fs::write(docs.join("nl.txt.meta.json"), format!(r#"{{"url": "{url}", "kind": "news"}}"#)).unwrap();
    let o = lookout(dir, &["ingest", docs.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
}

/// The Chromium the browser tests drive (`LOOKOUT_CHROMIUM`, else Debian's), once it, Node.js
/// and `package` of `npm ci` in `tests/a11y` are there. Without them `None`, and `what` is
/// skipped with a message, never under `CI`.
pub fn browser(package: &str, what: &str) -> Option<String> {
    let chromium = std::env::var("LOOKOUT_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let ready = workspace().join("tests/a11y/node_modules").join(package).exists()
        && Path::new(&chromium).exists()
        && Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    if ready {
        return Some(chromium);
    }
    assert!(std::env::var_os("CI").is_none(), "CI must run {what} (see .ci/run)");
    eprintln!("skipping {what}: needs node, {chromium} and `npm ci` in tests/a11y");
    None
}

/// Runs `tests/a11y/SCRIPT` in `chromium` against the server at `base` with `args`; what it
/// found, as JSON. Screenshots go to `target/browser-artifacts`.
pub fn browser_flow(script: &str, chromium: &str, base: &str, args: &[&str]) -> serde_json::Value {
    let script = workspace().join("tests/a11y").join(script);
    let artifacts = workspace().join("target/browser-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let out = Command::new("node").arg(script).arg(chromium).arg(base).arg(&artifacts).args(args).output().unwrap();
    assert!(out.status.success(), "browser run failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}
