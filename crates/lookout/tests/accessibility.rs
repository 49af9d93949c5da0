//! WCAG 2.1 A/AA audit of every public page with axe-core, in English and Chinese, at desktop and
//! phone widths: no serious or critical violation. Needs Node.js and `npm ci` in `tests/a11y`
//! (`.ci/run` does it); skips with a message elsewhere, never under `CI`.

mod common;

use std::process::Command;

use common::*;

#[test]
fn public_pages_have_no_serious_or_critical_accessibility_violations() {
    let a11y = workspace().join("tests/a11y");
    let chromium = std::env::var("LOOKOUT_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let ready = a11y.join("node_modules/axe-core").exists()
        && std::path::Path::new(&chromium).exists()
        && Command::new("node").arg("--version").output().is_ok_and(|o| o.status.success());
    if !ready {
        assert!(std::env::var_os("CI").is_none(), "CI must run the accessibility audit (see .ci/run)");
        eprintln!("skipping accessibility audit: needs node, {chromium} and `npm ci` in tests/a11y");
        return;
    }
    let dir = TempDir::new("a11y");
    let server = Server::start(dir.path());
    let pages = [
        "/",
        "/?lang=zh",
        "/stations",
        "/stations?country=ES",
        "/stations/ST001",
        "/stations/ST033?lang=zh",
        "/countries/IT",
        "/bureaus/publicbody-fuzhou-psb",
        "/figures",
        "/responses",
        "/search?q=Prato",
        "/search?q=%E5%85%AC%E5%AE%89%E5%B1%80&lang=zh",
        "/data",
        "/about",
        "/report",
        "/report?lang=zh",
        "/report/follow-up",
        "/incidents",
        "/review/login",
    ];
    let out =
        Command::new("node").arg(a11y.join("axe.mjs")).arg(&chromium).arg(&server.base).args(pages).output().unwrap();
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
