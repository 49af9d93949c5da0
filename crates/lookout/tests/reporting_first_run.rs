//! A new installation has no reviewer: `/report` says, in both languages, that reports cannot be
//! received yet and shows no form; a report posted anyway is refused before it is read; `serve`
//! says so at start-up. Once a reviewer is added, the form is there.

mod common;

use common::desk::*;
use common::*;

#[test]
fn without_a_reviewer_no_one_can_write_a_report_that_cannot_be_received() {
    let dir = TempDir::new("first-run");
    let server = Server::start(dir.path());
    let (status, _, page) = server.get("/report");
    assert_eq!(status, 200);
    assert!(page.contains("This site cannot receive reports yet"), "{page}");
    assert!(!page.contains("<form class=\"report-form\""), "no form to write into");
    assert!(!page.contains("<textarea"), "no form to write into");
    let (_, _, zh) = server.get("/report?lang=zh");
    assert!(zh.contains("本网站暂时无法接收报告"), "{zh}");

    let (kind, body) = multipart(&[("category", "threat"), ("details", "CANARY-FIRST-RUN words")], &[]);
    let (status, headers, refused) = http_send(&server.base, "POST", "/report", &[("Content-Type", &kind)], &body);
    assert_eq!(status, 503, "{refused}");
    assert_eq!(header(&headers, "connection"), Some("close"));
    assert!(refused.contains("This site cannot receive reports yet"));
    assert!(!refused.contains("CANARY-FIRST-RUN"), "nothing of it is kept or echoed");
    assert!(report_ids(dir.path()).is_empty());

    add_account(dir.path(), "rev", "reviewer");
    let (_, _, page) = server.get("/report");
    assert!(page.contains("<form class=\"report-form\""), "the form, once someone can read reports");
    assert!(!page.contains("This site cannot receive reports yet"));
    let logs = String::from_utf8_lossy(&server.stop_and_logs()).into_owned();
    assert!(logs.contains("no reviewer can receive reports yet"), "said at start-up: {logs}");
}
