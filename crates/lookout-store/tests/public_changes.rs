//! The public record's change log: every way a statement enters or leaves the record is logged
//! once, scoped by entity (with what links to it) and by country; restricted entities never show.

use lookout_core::{Batch, Claim, EntityId, Schema, Source, StatementAction, StatementStatus};
use lookout_store::{AuditEvent, ChangeKind, ChangeScope, SqliteStore, Store, WorkspaceStore};

fn batch_of(by: &str, f: impl FnOnce(&mut Batch, &lookout_core::SourceId)) -> Batch {
    let mut batch = Batch::new(by);
    let src = batch.add_source(Source::from_url("https://example.org/report"));
    f(&mut batch, &src);
    batch
}

fn id(text: &str) -> EntityId {
    EntityId::new(text).unwrap()
}

#[tokio::test]
async fn publishing_confirming_and_withdrawing_are_logged_in_scope() {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let record = batch_of("import:stations.csv", |b, src| {
        for (station, country) in [("station-A", "NL"), ("station-B", "CA")] {
            b.add_entity(&id(station), Schema::Station).unwrap();
            b.add_claim(Claim::new(&id(station), "country", country, src)).unwrap();
        }
        b.add_entity(&id("body-1"), Schema::PublicBody).unwrap();
        b.add_claim(Claim::new(&id("body-1"), "name", "Fuzhou PSB", src)).unwrap();
        b.add_entity(&id("op-1"), Schema::Operation).unwrap();
        b.add_claim(Claim::new(&id("op-1"), "operator", "body-1", src)).unwrap();
        b.add_claim(Claim::new(&id("op-1"), "station", "station-A", src)).unwrap();
        b.add_entity(&id("person-1"), Schema::Person).unwrap();
        b.add_claim(Claim::new(&id("person-1"), "name", "PRIVATE PERSON", src)).unwrap();
    });
    store.write_batch(&record).await.unwrap();
    store.write_batch(&record).await.unwrap();
    let all = store.public_changes(&ChangeScope::All, 100).await.unwrap();
    assert_eq!(all.len(), 5, "each public statement once, even imported twice; the person never: {all:#?}");
    assert!(all.iter().all(|c| c.kind == ChangeKind::Published && c.schema != Schema::Person));

    let pending = batch_of("ana", |b, src| {
        b.add_entity(&id("station-A"), Schema::Station).unwrap();
        b.add_claim(Claim::new(&id("station-A"), "city", "Rotterdam", src).status(StatementStatus::Proposed)).unwrap();
    });
    store.add_statements(&pending, &AuditEvent::today("ana", "statement.added", "x")).await.unwrap();
    assert_eq!(store.public_changes(&ChangeScope::All, 100).await.unwrap().len(), 5, "pending is not public");
    let city = pending.statements[0].id.clone();
    for (action, by) in [(StatementAction::Confirmed, "rui"), (StatementAction::Withdrawn, "eva")] {
        let event = AuditEvent::today(by, "statement.acted", "x");
        store.act_on_statements(std::slice::from_ref(&city), action, by, None, &event).await.unwrap();
    }
    let a = store.public_changes(&ChangeScope::Entity(id("station-A")), 100).await.unwrap();
    let seen: Vec<(ChangeKind, &str)> = a.iter().map(|c| (c.kind, c.statement.prop.as_str())).collect();
    assert_eq!(
        seen,
        [
            (ChangeKind::Withdrawn, "city"),
            (ChangeKind::Published, "city"),
            (ChangeKind::Published, "station"),
            (ChangeKind::Published, "operator"),
            (ChangeKind::Published, "country"),
        ],
        "newest first; the operation linking to the station is in its scope"
    );
    let nl = store.public_changes(&ChangeScope::Country("NL".into()), 100).await.unwrap();
    assert_eq!(nl.len(), 5, "the Dutch station and what links to it, not the Canadian one");
    let ca = store.public_changes(&ChangeScope::Country("CA".into()), 100).await.unwrap();
    assert_eq!(ca.len(), 1);
    // Recorded public, then withdrawn: both changes. Recorded pending, then withdrawn: none.
    let country_b = ca[0].statement.id.clone();
    let event = AuditEvent::today("eva", "statement.withdrawn", "x");
    store
        .act_on_statements(std::slice::from_ref(&country_b), StatementAction::Withdrawn, "eva", None, &event)
        .await
        .unwrap();
    let b = store.public_changes(&ChangeScope::Entity(id("station-B")), 100).await.unwrap();
    let seen: Vec<ChangeKind> = b.iter().map(|c| c.kind).collect();
    assert_eq!(seen, [ChangeKind::Withdrawn, ChangeKind::Published]);
    let never = batch_of("ana", |b, src| {
        b.add_entity(&id("station-B"), Schema::Station).unwrap();
        b.add_claim(Claim::new(&id("station-B"), "city", "Toronto", src).status(StatementStatus::Proposed)).unwrap();
    });
    store.add_statements(&never, &AuditEvent::today("ana", "statement.added", "x")).await.unwrap();
    let pending = never.statements[0].id.clone();
    store
        .act_on_statements(std::slice::from_ref(&pending), StatementAction::Withdrawn, "ana", None, &event)
        .await
        .unwrap();
    assert_eq!(
        store.public_changes(&ChangeScope::Entity(id("station-B")), 100).await.unwrap().len(),
        2,
        "never public"
    );
    assert_eq!(store.public_changes(&ChangeScope::All, 2).await.unwrap().len(), 2, "limit");
}
