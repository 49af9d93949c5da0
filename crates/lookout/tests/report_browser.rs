//! In headless Chromium with JavaScript disabled and a Chinese browser: a person reports, gets a
//! receipt code, a reviewer replies, and the person reads the reply with the code. Needs Node.js
//! and `npm ci` in `tests/a11y` (`.ci/run` does it); skips elsewhere, never under `CI`.

mod common;

use common::desk::*;
use common::workspace::{browser, browser_flow};
use common::*;

#[test]
fn a_report_in_chinese_without_javascript_and_the_reply_read_with_the_receipt() {
    let Some(chromium) = browser("playwright-core", "the reporting browser test") else { return };
    let dir = TempDir::new("report-browser");
    let totp = add_account(dir.path(), "rev", "reviewer");
    let server = Server::start(dir.path());

    let submitted = browser_flow("report_flow.mjs", &chromium, &server.base, &["submit"]);
    assert_eq!(submitted["lang"], "zh-Hans", "{submitted}");
    assert_eq!(submitted["heading"], "报告您的遭遇");
    assert_eq!(submitted["title"], "我们已收到您的报告");
    let code = submitted["code"].as_str().unwrap().to_string();
    assert_eq!(code.replace(' ', "").len(), 25, "{code}");
    assert_eq!(submitted["foreign"], serde_json::json!([]));
    assert_eq!(submitted["scripts"], 0);

    // A reviewer reads the report (in Chinese, as sent) and replies in Chinese.
    let id = stdout(&lookout(dir.path(), &["report", "list"])).split('\t').next().unwrap().to_string();
    let (cookie, csrf) = sign_in(&server.base, "rev", &totp);
    let (_, page) = get(&server.base, &cookie, &format!("/review/reports/{id}"));
    assert!(page.contains("两个自称同乡会的人来到我家") && page.contains("鹿特丹"), "{page}");
    let body = format!("csrf={csrf}&text=%E8%B0%A2%E8%B0%A2%E6%82%A8%E7%9A%84%E6%8A%A5%E5%91%8A");
    let (status, _, _) = http_send(
        &server.base,
        "POST",
        &format!("/review/reports/{id}/reply"),
        &[("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", &cookie)],
        body.as_bytes(),
    );
    assert_eq!(status, 303);

    let read = browser_flow("report_flow.mjs", &chromium, &server.base, &["read", &code]);
    assert_eq!(read["title"], "您的报告", "{read}");
    assert_eq!(read["status"], "已收到");
    assert_eq!(read["replies"], serde_json::json!(["谢谢您的报告"]));
    assert_eq!(read["foreign"], serde_json::json!([]));
}
