//! The reporting desk over a real (in-memory) SQLite store: a report from intake to retention.

use lookout_report::content::ReportContent;
use lookout_report::desk::{self, DeskError, Message};
use lookout_report::receipt::ReceiptCode;
use lookout_store::{ReportStore, SqliteStore};

const PASSWORD: &str = "a long test password";

async fn desk_with_reviewer() -> (SqliteStore, String) {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let account = desk::add_account(&store, "ana", "reviewer", PASSWORD, Some(10)).await.unwrap();
    let secret = account.otpauth_uri.split("secret=").nth(1).unwrap().split('&').next().unwrap().to_string();
    (store, secret)
}

fn base32_decode(text: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for c in text.bytes() {
        let v = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".iter().position(|a| *a == c).unwrap() as u32;
        acc = (acc << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

#[tokio::test]
async fn a_report_from_intake_to_retention() {
    let (store, secret) = desk_with_reviewer().await;
    let totp = base32_decode(&secret);
    let mut report = ReportContent::default();
    report.category = "approach".into();
    report.text = "CANARY two men came to my door".into();
    let code = desk::submit(&store, report).await.unwrap();

    // The reporter comes back: nothing yet, their own message is not readable with the code.
    let (_, thread) = desk::open_thread(&store, &code).await.unwrap();
    assert_eq!((thread.sent, thread.replies.len(), thread.status.as_str()), (1, 0, "new"));
    assert!(matches!(desk::open_thread(&store, &ReceiptCode::generate()).await, Err(DeskError::UnknownReceipt)));

    // A reviewer signs in (password and TOTP), reads and replies.
    assert!(
        desk::sign_in(&store, "ana", PASSWORD, "000000", |_, _| true).await.is_err()
            || lookout_report::totp::code_now(&totp) == "000000"
    );
    let totp_code = lookout_report::totp::code_now(&totp);
    assert!(desk::sign_in(&store, "ana", "wrong password!", &totp_code, |_, _| true).await.is_err());
    assert!(desk::sign_in(&store, "ana", PASSWORD, &totp_code, |_, _| false).await.is_err(), "a replayed code");
    let ana = desk::sign_in(&store, "ana", PASSWORD, &totp_code, |name, _| name == "ana").await.unwrap();
    let reports = store.reports().await.unwrap();
    let id = reports[0].id.clone();
    let (_, messages) = desk::read_report(&store, &ana, &id).await.unwrap();
    assert!(matches!(&messages[0], Message::Reporter(r) if r.text.starts_with("CANARY")));
    desk::reply(&store, &ana, &id, "Thank you. Which city?").await.unwrap();
    desk::set_status(&store, &ana, &id, "needs-information", None).await.unwrap();

    let (_, thread) = desk::open_thread(&store, &code).await.unwrap();
    assert_eq!(thread.replies[0].text, "Thank you. Which city?");
    assert_eq!(thread.status, "needs-information");
    let mut more = ReportContent::default();
    more.text = "In Rotterdam".into();
    desk::follow_up(&store, &code, more).await.unwrap();
    let (_, messages) = desk::read_report(&store, &ana, &id).await.unwrap();
    assert_eq!(messages.len(), 3);

    // Publishing needs verification; then only coarse fields leave.
    assert!(desk::publish(&store, &ana, &id, "NL", "approach", "2026-10").await.is_err());
    desk::set_status(&store, &ana, &id, "verified", None).await.unwrap();
    assert!(desk::publish(&store, &ana, &id, "Netherlands", "approach", "2026-10").await.is_err());
    desk::publish(&store, &ana, &id, "NL", "approach", "2026-10").await.unwrap();
    assert_eq!(store.published_incidents().await.unwrap()[0].country, "NL");

    // Retention: closed today, purged at 0 days; the code then finds nothing.
    desk::set_status(&store, &ana, &id, "closed", None).await.unwrap();
    assert!(desk::apply_retention(&store, 365).await.unwrap().is_empty());
    assert_eq!(desk::apply_retention(&store, 0).await.unwrap(), vec![id.clone()]);
    assert!(store.messages(&id).await.unwrap().is_empty());
    assert!(matches!(desk::open_thread(&store, &code).await, Err(DeskError::UnknownReceipt)));

    // Every step is in the audit log, and the chain verifies.
    let log = store.audit_log().await.unwrap();
    let actions: Vec<&str> = log.iter().map(|r| r.action.as_str()).collect();
    for expected in [
        "account.added",
        "report.received",
        "account.signed-in",
        "report.read",
        "report.replied",
        "report.published",
        "report.purged",
    ] {
        assert!(actions.contains(&expected), "{expected} missing from {actions:?}");
    }
    assert_eq!(desk::verify_audit(&store).await.unwrap(), log.len());
}

#[tokio::test]
async fn no_reviewer_no_report_and_bad_accounts_refused() {
    let store = SqliteStore::open_in_memory().await.unwrap();
    assert!(desk::submit(&store, ReportContent::default()).await.is_err(), "nobody to seal to");
    assert!(desk::add_account(&store, "bad name!", "reviewer", PASSWORD, Some(10)).await.is_err());
    assert!(desk::add_account(&store, "ana", "boss", PASSWORD, Some(10)).await.is_err());
    assert!(desk::add_account(&store, "ana", "reviewer", "short", Some(10)).await.is_err());
    desk::add_account(&store, "ana", "analyst", PASSWORD, Some(10)).await.unwrap();
    assert!(desk::add_account(&store, "ana", "admin", PASSWORD, Some(10)).await.is_err(), "names are unique");
    assert!(desk::submit(&store, ReportContent::default()).await.is_err(), "analysts do not receive reports");
}
