//! Issue 15 in headless Chromium with JavaScript disabled: an analyst signs in with a TOTP code,
//! uploads a document, sees its proposals and accepts one; a reviewer signs in, confirms it, finds
//! the new statement citing the document on the public station page, withdraws it and sees the
//! public page change. Needs Node.js and `npm ci` in `tests/a11y` (`.ci/run` does it); skips
//! elsewhere, never under `CI`.

mod common;

use common::desk::*;
use common::workspace::*;
use common::*;

const REPORT: &str = "Investigators in the Netherlands said on 25 October 2022 that the police station in \
Rotterdam had been run by the Fuzhou Public Security Bureau. The Dutch foreign ministry ordered it closed.\n";

#[test]
fn the_whole_loop_without_javascript() {
    let Some(chromium) = browser("playwright-core", "the workspace browser test") else { return };
    let dir = TempDir::new("ws-browser");
    import_bundled_csv(dir.path());
    let server = Server::start(dir.path());
    let file = dir.write("rotterdam.txt", REPORT);
    let ana = add_account(dir.path(), "ana", "analyst");
    let rui = add_account(dir.path(), "rui", "reviewer");

    let code = next_code(&server.base, "ana", &ana);
    let analyst = browser_flow(
        "workspace_flow.mjs",
        &chromium,
        &server.base,
        &["analyst", "ana", PASSWORD, &code, file.to_str().unwrap()],
    );
    assert_eq!(analyst["landed"], "/workspace", "{analyst}");
    assert!(analyst["proposals"].as_u64().unwrap() >= 1, "{analyst}");
    assert_eq!(analyst["marked"], "Rotterdam", "{analyst}");
    assert!(
        analyst["paragraph"].as_str().unwrap().contains("The Dutch foreign ministry ordered it closed."),
        "the sentence is shown within its paragraph: {analyst}"
    );
    assert!(analyst["reviewed"].as_str().unwrap().contains("accepted"), "{analyst}");

    let code = next_code(&server.base, "rui", &rui);
    let reviewer =
        browser_flow("workspace_flow.mjs", &chromium, &server.base, &["reviewer", "rui", PASSWORD, &code, "ST033"]);
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
