//! The reporting desk over a real (in-memory) SQLite store: a report from intake to retention,
//! sign-in with both factors, and the audit chain over everything.

use lookout_report::content::ReportContent;
use lookout_report::desk::{self, DeskError, Message, ReleaseOutcome};
use lookout_report::password::PasswordCost;
use lookout_report::receipt::ReceiptCode;
use lookout_store::{ReportStore, SqliteStore};

const PASSWORD: &str = "a long test password";

async fn desk_with_reviewer(cost: PasswordCost) -> (SqliteStore, Vec<u8>) {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let account = desk::add_account(&store, "ana", "reviewer", PASSWORD, cost).await.unwrap();
    (store, base32_decode(&account.totp_base32))
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

fn other_code(totp: &[u8]) -> String {
    let right = lookout_report::totp::code_now(totp);
    if right == "000000" {
        "111111".into()
    } else {
        "000000".into()
    }
}

#[tokio::test]
async fn a_report_from_intake_to_retention() {
    let (store, totp) = desk_with_reviewer(PasswordCost::FOR_TESTS).await;
    let mut report = ReportContent::default();
    report.category = "approach".into();
    report.text = "CANARY two men came to my door".into();
    let code = desk::submit(&store, report).await.unwrap();

    // The reporter comes back: nothing yet, their own message is not readable with the code.
    let (_, thread) = desk::open_thread(&store, &code).await.unwrap();
    assert_eq!((thread.sent, thread.replies.len(), thread.status.as_str()), (1, 0, "new"));
    assert!(matches!(desk::open_thread(&store, &ReceiptCode::generate()).await, Err(DeskError::UnknownReceipt)));

    // A reviewer signs in (password and TOTP), reads and replies.
    assert!(desk::sign_in(&store, "ana", PASSWORD, &other_code(&totp), |_, _| true).await.is_err());
    let totp_code = lookout_report::totp::code_now(&totp);
    assert!(desk::sign_in(&store, "ana", "wrong password!", &totp_code, |_, _| true).await.is_err());
    assert!(desk::sign_in(&store, "nobody", PASSWORD, &totp_code, |_, _| true).await.is_err());
    assert!(matches!(desk::sign_in(&store, "ana", PASSWORD, &totp_code, |_, _| false).await, Err(DeskError::CodeUsed)));
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

    // Publishing needs verification; then only coarse fields leave, and only in a release.
    assert!(desk::publish(&store, &ana, &id, "NL", "approach", "2026-10").await.is_err());
    desk::set_status(&store, &ana, &id, "verified", None).await.unwrap();
    assert!(desk::publish(&store, &ana, &id, "Netherlands", "approach", "2026-10").await.is_err());
    desk::publish(&store, &ana, &id, "NL", "approach", "2026-10").await.unwrap();
    assert_eq!(store.published_incidents().await.unwrap()[0].country, "NL");
    assert_eq!(desk::release_counts(&store, "ana", 2, 0).await.unwrap(), ReleaseOutcome::TooFew { new: 1, k: 2 });
    assert!(desk::published_counts(&store).await.unwrap().is_none());

    // Retention: closed today, purged at 0 days; the code then finds nothing.
    desk::set_status(&store, &ana, &id, "closed", None).await.unwrap();
    assert!(desk::apply_retention(&store, 365).await.unwrap().purged.is_empty());
    assert_eq!(desk::apply_retention(&store, 0).await.unwrap().purged, vec![id.clone()]);
    assert!(store.messages(&id).await.unwrap().is_empty());
    assert!(matches!(desk::open_thread(&store, &code).await, Err(DeskError::UnknownReceipt)));

    // Every step is in the audit log, with days only; the chain and what it covers verify.
    let log = store.audit_log().await.unwrap();
    let actions: Vec<&str> = log.iter().map(|r| r.action.as_str()).collect();
    for expected in [
        "account.added",
        "report.received",
        "account.signed-in",
        "report.read",
        "report.replied",
        "report.follow-up",
        "report.published",
        "report.purged",
    ] {
        assert!(actions.contains(&expected), "{expected} missing from {actions:?}");
    }
    assert!(log.iter().all(|r| r.at.len() == 10), "days only");
    assert_eq!(desk::verify_audit(&store, None).await.unwrap().entries, log.len());
}

#[tokio::test]
async fn no_reviewer_no_report_and_bad_accounts_refused() {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let cost = PasswordCost::FOR_TESTS;
    assert!(desk::submit(&store, ReportContent::default()).await.is_err(), "nobody to seal to");
    assert!(desk::add_account(&store, "bad name!", "reviewer", PASSWORD, cost).await.is_err());
    assert!(desk::add_account(&store, "ana", "boss", PASSWORD, cost).await.is_err());
    assert!(desk::add_account(&store, "ana", "reviewer", "short", cost).await.is_err());
    let weak = desk::add_account(&store, "ana", "reviewer", "password1234", cost).await.unwrap_err();
    assert!(weak.to_string().contains("too easy to guess"), "{weak}");
    desk::add_account(&store, "ana", "analyst", PASSWORD, cost).await.unwrap();
    assert!(desk::add_account(&store, "ana", "admin", PASSWORD, cost).await.is_err(), "names are unique");
    assert!(desk::submit(&store, ReportContent::default()).await.is_err(), "analysts do not receive reports");
}

#[tokio::test]
async fn deactivated_accounts_neither_sign_in_nor_receive_reports() {
    let (store, totp) = desk_with_reviewer(PasswordCost::FOR_TESTS).await;
    desk::set_active(&store, "system", "ana", false).await.unwrap();
    let code = lookout_report::totp::code_now(&totp);
    assert!(desk::sign_in(&store, "ana", PASSWORD, &code, |_, _| true).await.is_err());
    assert!(desk::submit(&store, ReportContent::default()).await.is_err(), "no active reviewer");
    assert!(desk::set_active(&store, "system", "nobody", false).await.is_err());
    desk::set_active(&store, "system", "ana", true).await.unwrap();
    assert!(desk::sign_in(&store, "ana", PASSWORD, &code, |_, _| true).await.is_ok());
    desk::verify_audit(&store, None).await.unwrap();
}

/// Issue 13, finding 7: which factor is wrong makes no difference to the time a refusal takes
/// (the standard password cost; each attempt costs one derivation).
#[tokio::test]
async fn a_wrong_code_takes_as_long_as_a_wrong_password() {
    let (store, totp) = desk_with_reviewer(PasswordCost::STANDARD).await;
    let time = |password: &'static str, code: String| {
        let store = &store;
        async move {
            let started = std::time::Instant::now();
            assert!(desk::sign_in(store, "ana", password, &code, |_, _| true).await.is_err());
            started.elapsed().as_secs_f64()
        }
    };
    time("warm up", other_code(&totp)).await;
    let (mut right_password, mut wrong_password) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        right_password.push(time(PASSWORD, other_code(&totp)).await);
        wrong_password.push(time("a wrong password", lookout_report::totp::code_now(&totp)).await);
    }
    right_password.sort_by(f64::total_cmp);
    wrong_password.sort_by(f64::total_cmp);
    let (r, w) = (right_password[1], wrong_password[1]);
    assert!(r / w < 1.5 && w / r < 1.5, "right password, wrong code {r:.3}s; wrong password {w:.3}s");
}

#[tokio::test]
async fn counts_are_released_in_batches_and_read_back() {
    let (store, totp) = desk_with_reviewer(PasswordCost::FOR_TESTS).await;
    let code = lookout_report::totp::code_now(&totp);
    let ana = desk::sign_in(&store, "ana", PASSWORD, &code, |_, _| true).await.unwrap();
    for country in ["NL", "NL", "NL", "IE"] {
        let mut report = ReportContent::default();
        report.text = "x".into();
        desk::submit(&store, report).await.unwrap();
        let id = store.reports().await.unwrap()[0].id.clone();
        desk::set_status(&store, &ana, &id, "verified", None).await.unwrap();
        desk::publish(&store, &ana, &id, country, "approach", "2026-10").await.unwrap();
    }
    assert!(matches!(desk::release_counts(&store, "ana", 3, 0).await.unwrap(), ReleaseOutcome::Released(_)));
    let (_, counts) = desk::published_counts(&store).await.unwrap().unwrap();
    assert_eq!(counts.total, 3, "Ireland's one incident waits");
    assert_eq!(desk::release_counts(&store, "ana", 3, 0).await.unwrap(), ReleaseOutcome::TooFew { new: 1, k: 3 });
    assert_eq!(desk::release_counts(&store, "ana", 2, 0).await.unwrap(), ReleaseOutcome::KChanged { was: 3, now: 2 });
    desk::verify_audit(&store, None).await.unwrap();
}
