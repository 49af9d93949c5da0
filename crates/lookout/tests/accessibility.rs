//! WCAG 2.1 A/AA audit of every public page with axe-core, in English and Chinese, at desktop and
//! phone widths: no serious or critical violation. Needs Node.js and `npm ci` in `tests/a11y`
//! (`.ci/run` does it); skips with a message elsewhere, never under `CI`.

mod common;

use std::process::Command;

use common::desk::*;
use common::workspace::*;
use common::*;

#[test]
fn public_pages_have_no_serious_or_critical_accessibility_violations() {
    let Some(chromium) = browser("axe-core", "the accessibility audit") else { return };
    let dir = TempDir::new("a11y");
    // A signed release, so that /data shows its listing (tables of files and checksums).
    import_bundled_csv(dir.path());
    let key = dir.path().join("release.key");
    let key = key.to_str().unwrap();
    assert!(lookout_with_input(dir.path(), &["release", "keygen", "--key", key], "pw\n").status.success());
    assert!(lookout_with_input(dir.path(), &["release", "--key", key], "pw\n").status.success());
    let server = Server::start(dir.path());
    let pages = [
        "/",
        "/?lang=zh",
        "/stations",
        "/stations?country=ES",
        "/stations/ST001",
        "/stations/ST033?lang=zh",
        "/stations/ST087",
        "/countries/IT",
        "/bureaus/publicbody-fuzhou-psb",
        "/figures",
        "/responses",
        "/search?q=Prato",
        "/search?q=%E5%85%AC%E5%AE%89%E5%B1%80&lang=zh",
        "/data",
        "/data?lang=zh",
        "/about",
        "/report",
        "/report?lang=zh",
        "/report/follow-up",
        "/incidents",
        "/review/login",
    ];
    assert_no_serious_violations(&chromium, &server.base, &pages, None);
}

/// Issue 15: the workspace's pages, signed in as an admin (who sees every section), in English
/// and Chinese, at both widths.
#[test]
fn workspace_pages_have_no_serious_or_critical_accessibility_violations() {
    let Some(chromium) = browser("axe-core", "the workspace accessibility audit") else { return };
    let dir = TempDir::new("a11y-ws");
    let text = "The police station in Rotterdam was run by the Fuzhou Public Security Bureau.\n";
    record_with_news(dir.path(), text, "https://news.example/a11y");
    let server = Server::start(dir.path());
    let totp = add_account(dir.path(), "lin", "admin");
    let (cookie, _) = sign_in(&server.base, "lin", &totp);
    let proposal = first_link(&read_page(&server.base, &cookie, "/workspace/inbox"), "/workspace/inbox/proposal-");
    let document = first_link(&read_page(&server.base, &cookie, "/workspace/documents"), "/workspace/documents/");
    let pages = [
        "/workspace",
        "/workspace?lang=zh",
        "/workspace/inbox",
        proposal.as_str(),
        "/workspace/confirm",
        "/workspace/record?q=Fuzhou",
        "/workspace/record/station-ST033",
        "/workspace/record/station-ST033?lang=zh",
        "/workspace/record/new?schema=Station",
        "/workspace/documents",
        document.as_str(),
        "/workspace/sources?q=news.example",
        // While ranking runs the page refreshes itself unless the reader turns it off (its first
        // link): audited as the reader who turned it off sees it.
        "/workspace/duplicates?refresh=off",
        "/workspace/duplicates/clusters",
        "/workspace/accounts",
        "/review",
        "/review?lang=zh",
    ];
    assert_no_serious_violations(&chromium, &server.base, &pages, Some(&cookie));
}

fn assert_no_serious_violations(chromium: &str, base: &str, pages: &[&str], cookie: Option<&str>) {
    let mut command = Command::new("node");
    command.arg(workspace().join("tests/a11y/axe.mjs")).arg(chromium).arg(base).args(pages);
    if let Some(cookie) = cookie {
        command.env("AXE_COOKIE", cookie);
    }
    let out = command.output().unwrap();
    assert!(out.status.success(), "axe run failed: {}", String::from_utf8_lossy(&out.stderr));
    let results: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let audited = results.as_object().unwrap();
    assert_eq!(audited.len(), pages.len() * 2, "every page at both widths");
    let mut serious = Vec::new();
    for (page, violations) in audited {
        for v in violations.as_array().unwrap() {
            if matches!(v["impact"].as_str(), Some("serious" | "critical")) {
                serious.push(format!("{page}: {} ({}) at {}", v["id"], v["help"], v["nodes"]));
            }
        }
    }
    assert!(serious.is_empty(), "serious or critical violations:\n{}", serious.join("\n"));
}
