//! The workspace's duplicate decisions and account management: decisions recorded in turn with
//! their audit entries, the last active admin kept, and an account's credentials replaced.

use lookout_core::{Batch, Claim, Decision, EntityId, Judgement, Schema, Source};
use lookout_store::{Account, AuditEvent, ReportStore, SqliteStore, Store, StoreError, WorkspaceStore};

fn event(actor: &str, action: &str, subject: &str) -> AuditEvent {
    AuditEvent::today(actor, action, subject)
}

async fn two_bodies() -> (SqliteStore, EntityId, EntityId) {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let mut batch = Batch::new("test");
    let source = batch.add_source(Source::from_url("https://example.org/a"));
    let (a, b) = (EntityId::new("psb-a").unwrap(), EntityId::new("psb-b").unwrap());
    for (id, name) in [(&a, "Fuzhou PSB"), (&b, "福州市公安局")] {
        batch.add_entity(id, Schema::PublicBody).unwrap();
        batch.add_claim(Claim::new(id, "name", name, &source)).unwrap();
    }
    store.write_batch(&batch).await.unwrap();
    (store, a, b)
}

#[tokio::test]
async fn a_decision_is_taken_in_turn_with_its_audit_entry() {
    let (store, a, b) = two_bodies().await;
    let v0 = store.decisions_version().await.unwrap();
    let decide = |j: Judgement, by: &str| Decision::new(&b, &a, j, by).unwrap();
    store.decide(&decide(Judgement::Match, "ana"), &event("ana", "decision.match", "psb-a psb-b")).await.unwrap();
    assert!(store.decisions_version().await.unwrap() > v0);

    // A second decision on a decided pair (a form shown before) is refused and writes nothing.
    let again = store.decide(&decide(Judgement::NoMatch, "ben"), &event("ben", "decision.no-match", "x")).await;
    assert!(
        matches!(again, Err(StoreError::Conflict(ref m)) if m.contains("already decided (match, by ana)")),
        "{again:?}"
    );
    store.decide(&decide(Judgement::Undone, "ben"), &event("ben", "decision.undone", "psb-a psb-b")).await.unwrap();
    let twice = store.decide(&decide(Judgement::Undone, "ben"), &event("ben", "decision.undone", "x")).await;
    assert!(matches!(twice, Err(StoreError::Conflict(ref m)) if m.contains("no decision")), "{twice:?}");

    let log = store.decisions().await.unwrap();
    assert_eq!(log.iter().map(|d| d.judgement).collect::<Vec<_>>(), [Judgement::Match, Judgement::Undone]);
    let audit = store.audit_log().await.unwrap();
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["decision.match", "decision.undone"], "refusals leave no entry");

    let ghost = EntityId::new("psb-ghost").unwrap();
    let missing =
        store.decide(&Decision::new(&a, &ghost, Judgement::Match, "ana").unwrap(), &event("a", "b", "c")).await;
    assert!(matches!(missing, Err(StoreError::NotFound(ref m)) if m.contains("psb-ghost")));
    assert_eq!(store.audit_log().await.unwrap().len(), 2);
}

fn account(name: &str, role: &str, recipient: &str) -> Account {
    Account {
        name: name.into(),
        role: role.into(),
        password_hash: "hash".into(),
        totp_sealed: vec![1],
        identity_sealed: vec![2],
        recipient: recipient.into(),
        active: true,
    }
}

#[tokio::test]
async fn the_last_active_admin_stays_and_a_reset_replaces_the_key() {
    let store = SqliteStore::open_in_memory().await.unwrap();
    for (name, role) in [("root", "admin"), ("ana", "analyst")] {
        store
            .add_account(&account(name, role, &format!("age1{name}")), &event("system", "account.added", name))
            .await
            .unwrap();
    }
    let refused = store.set_account_active("root", false, &event("root", "account.deactivated", "root")).await;
    assert!(matches!(refused, Err(StoreError::Conflict(ref m)) if m.contains("last active admin")), "{refused:?}");
    store.set_account_active("ana", false, &event("root", "account.deactivated", "ana")).await.unwrap();
    store.add_account(&account("eva", "admin", "age1eva"), &event("root", "account.added", "eva")).await.unwrap();
    store.set_account_active("root", false, &event("eva", "account.deactivated", "root")).await.unwrap();
    let listed = store.accounts().await.unwrap();
    let summary: Vec<(&str, bool)> = listed.iter().map(|a| (a.name.as_str(), a.active)).collect();
    assert_eq!(summary, [("ana", false), ("eva", true), ("root", false)]);

    let mut fresh = account("ana", "ignored", "age1new");
    fresh.password_hash = "new hash".into();
    store.reset_account(&fresh, &event("eva", "account.reset", "ana")).await.unwrap();
    let ana = store.account("ana").await.unwrap().unwrap();
    assert_eq!((ana.role.as_str(), ana.recipient.as_str(), ana.active), ("analyst", "age1new", false));
    assert_eq!(ana.password_hash, "new hash");
    let last = store.audit_log().await.unwrap().pop().unwrap();
    assert_eq!((last.action.as_str(), last.subject.as_str()), ("account.reset", "ana"));
    assert_eq!(last.detail.split_whitespace().count(), 2, "the new key and whether it is active: {}", last.detail);
    let ghost =
        store.reset_account(&account("nobody", "analyst", "age1x"), &event("eva", "account.reset", "nobody")).await;
    assert!(matches!(ghost, Err(StoreError::NotFound(_))));
}
