//! Resetting an account whose password or TOTP device is lost: new password, TOTP secret and
//! identity; reports sealed before stay readable by the other reviewers, not by the reset account.

use lookout_report::content::ReportContent;
use lookout_report::desk::{self, Message};
use lookout_report::password::PasswordCost;
use lookout_store::{ReportStore, SqliteStore};

const PASSWORD: &str = "a long test password";
const NEW_PASSWORD: &str = "another quite long passphrase";
const COST: PasswordCost = PasswordCost::FOR_TESTS;

fn base32_decode(text: &str) -> Vec<u8> {
    let (mut out, mut acc, mut bits) = (Vec::new(), 0u32, 0);
    for c in text.bytes() {
        acc = (acc << 5) | b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".iter().position(|a| *a == c).unwrap() as u32;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

async fn sign_in(store: &SqliteStore, name: &str, password: &str, totp: &[u8]) -> Option<desk::SignedIn> {
    let code = lookout_report::totp::code_now(totp);
    desk::sign_in(store, name, password, &code, |_, _| true).await.ok()
}

fn report(text: &str) -> ReportContent {
    let mut report = ReportContent::default();
    report.category = "approach".into();
    report.text = text.into();
    report
}

#[tokio::test]
async fn a_reset_gives_new_credentials_and_keeps_earlier_reports_with_the_other_reviewers() {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let ana = desk::add_account(&store, "ana", "reviewer", PASSWORD, COST).await.unwrap();
    let rui = desk::add_account_by(&store, "root", "rui", "reviewer", PASSWORD, COST).await.unwrap();
    let (ana_totp, rui_totp) = (base32_decode(&ana.totp_base32), base32_decode(&rui.totp_base32));
    desk::submit(&store, report("BEFORE the reset")).await.unwrap();
    let old_recipient = store.account("ana").await.unwrap().unwrap().recipient;

    assert!(desk::reset_credentials(&store, "root", "ana", "password1234", COST).await.is_err(), "weak password");
    assert!(desk::reset_credentials(&store, "root", "nobody", NEW_PASSWORD, COST).await.is_err());
    let fresh = desk::reset_credentials(&store, "root", "ana", NEW_PASSWORD, COST).await.unwrap();
    let new_totp = base32_decode(&fresh.totp_base32);
    assert_ne!(new_totp, ana_totp);
    let account = store.account("ana").await.unwrap().unwrap();
    assert_ne!(account.recipient, old_recipient, "a new identity");
    assert_eq!((account.role.as_str(), account.active), ("reviewer", true));

    assert!(sign_in(&store, "ana", PASSWORD, &ana_totp).await.is_none(), "old password and code");
    assert!(sign_in(&store, "ana", NEW_PASSWORD, &ana_totp).await.is_none(), "new password, old code");
    assert!(sign_in(&store, "ana", PASSWORD, &new_totp).await.is_none(), "old password, new code");
    let ana = sign_in(&store, "ana", NEW_PASSWORD, &new_totp).await.expect("new password and new code");
    let rui = sign_in(&store, "rui", PASSWORD, &rui_totp).await.unwrap();

    desk::submit(&store, report("AFTER the reset")).await.unwrap();
    let reports = store.reports().await.unwrap();
    let text = |messages: &[Message]| match &messages[0] {
        Message::Reporter(r) => r.text.clone(),
        Message::Reviewer(reply) => reply.text.clone(),
    };
    for r in &reports {
        let (_, by_rui) = desk::read_report(&store, &rui, &r.id).await.unwrap();
        let by_ana = desk::read_report(&store, &ana, &r.id).await;
        if text(&by_rui).starts_with("BEFORE") {
            assert!(by_ana.is_err(), "the old key is gone: the reset account cannot read earlier reports");
        } else {
            assert_eq!(text(&by_ana.unwrap().1), "AFTER the reset");
        }
    }
    let log = store.audit_log().await.unwrap();
    assert!(log.iter().any(|e| e.action == "account.reset" && e.actor == "root" && e.subject == "ana"));
    assert!(log.iter().any(|e| e.action == "account.added" && e.actor == "root" && e.subject == "rui"));
    desk::verify_audit(&store, None).await.unwrap();
}
