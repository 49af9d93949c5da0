//! Issue 15 in headless Chromium with JavaScript disabled: an analyst signs in with a TOTP code,
//! uploads a document, sees its proposals and accepts one; a reviewer signs in, confirms it, finds
//! the new statement citing the document on the public station page, withdraws it and sees the
//! public page change. Needs Node.js and `npm ci` in `tests/a11y` (`.ci/run` does it); skips
//! elsewhere, never under `CI`.

mod common;

use std::process::Command;

use common::desk::*;
use common::*;

const REPORT: &str = "Investigators in the Netherlands said on 25 October 2022 that the police station in \
Rotterdam had been run by the Fuzhou Public Security Bureau. The Dutch foreign ministry ordered it closed.\n";

fn flow(chromium: &str, base: &str, args: &[&str]) -> serde_json::Value {
    let script = workspace().join("tests/a11y/workspace_flow.mjs");
    let artifacts = workspace().join("target/browser-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let out = Command::new("node").arg(script).arg(chromium).arg(base).arg(&artifacts).args(args).output().unwrap();
    assert!(out.status.success(), "browser run failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// A TOTP code the server takes: from a step after its start, and not used before by `name`.
fn fresh_code(totp: &[u8], after: u64) -> String {
    while now_unix() / 30 <= after / 30 + 1 {
        std::thread::sleep(std::time::Duration::from_millis(500));
    }
    lookout_report::totp::code_now(totp)
}

#[test]
fn the_whole_loop_without_javascript() {
    let a11y = workspace().join("tests/a11y");
    let chromium = std::env::var("LOOKOUT_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let ready = a11y.join("node_modules/playwright-core").exists()
        && std::path::Path::new(&chromium).exists()
        && Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    if !ready {
        assert!(std::env::var_os("CI").is_none(), "CI must run the workspace browser test (see .ci/run)");
        eprintln!("skipping the workspace browser test: needs node, {chromium} and `npm ci` in tests/a11y");
        return;
    }
    let dir = TempDir::new("ws-browser");
    import_bundled_csv(dir.path());
    let file = dir.write("rotterdam.txt", REPORT);
    let ana = add_account(dir.path(), "ana", "analyst");
    let rui = add_account(dir.path(), "rui", "reviewer");
    let started = now_unix();
    let server = Server::start(dir.path());

    let analyst = flow(
        &chromium,
        &server.base,
        &["analyst", "ana", PASSWORD, &fresh_code(&ana, started), file.to_str().unwrap()],
    );
    assert_eq!(analyst["landed"], "/workspace", "{analyst}");
    assert!(analyst["proposals"].as_u64().unwrap() >= 1, "{analyst}");
    assert_eq!(analyst["marked"], "Rotterdam", "{analyst}");
    assert!(
        analyst["paragraph"].as_str().unwrap().contains("The Dutch foreign ministry ordered it closed."),
        "the sentence is shown within its paragraph: {analyst}"
    );
    assert!(analyst["reviewed"].as_str().unwrap().contains("accepted"), "{analyst}");

    let reviewer = flow(&chromium, &server.base, &["reviewer", "rui", PASSWORD, &fresh_code(&rui, started), "ST033"]);
    assert!(reviewer["before_after"].as_u64().unwrap() >= 1, "the confirm page shows what changes: {reviewer}");
    assert_eq!(reviewer["status"], "public", "{reviewer}");
    let (before, after) = (reviewer["public_before"].as_u64().unwrap(), reviewer["public_after"].as_u64().unwrap());
    assert!(before >= 1, "the confirmed statement cites the document on the public page: {reviewer}");
    assert!(after < before, "the withdrawn statement leaves the public page: {reviewer}");
    assert!(reviewer["history"].as_str().unwrap().contains("the document reports a rumour"), "{reviewer}");
    for run in [&analyst, &reviewer] {
        assert_eq!(run["foreign"], serde_json::json!([]), "no request leaves the site: {run}");
        assert_eq!(run["scripts"], 0, "{run}");
    }
}
