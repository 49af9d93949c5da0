//! What the public may see once links are counted: a membership of a restricted person is withheld
//! whole, so is a link to that membership, and a statement naming an entity that is not public
//! is left out; marking the person a public figure makes the membership public.

use lookout_core::{Batch, Claim, EntityId, Schema, Source};
use lookout_store::{public_records, AuditEvent, EntityRecord, PublicView, SqliteStore, Store, WorkspaceStore};

fn id(s: &str) -> EntityId {
    EntityId::new(s).unwrap()
}

/// A restricted person, an organisation, the person's membership of it, a link from that
/// membership to a station, a bureau operating the station, and an incident at the station and at
/// an id nothing is stored under.
async fn seeded() -> (SqliteStore, Source) {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let mut batch = Batch::new("test");
    let src = batch.add_source(Source::from_url("https://example.org/report"));
    let entities = [
        ("person-canary", Schema::Person),
        ("org-canary", Schema::Organization),
        ("membership-canary", Schema::Membership),
        ("link-to-membership", Schema::Link),
        ("station-X", Schema::Station),
        ("bureau-X", Schema::PublicBody),
        ("operation-X", Schema::Operation),
        ("incident-X", Schema::Incident),
    ];
    for (e, schema) in entities {
        batch.add_entity(&id(e), schema).unwrap();
    }
    let claims = [
        ("person-canary", "name", "Canary Person"),
        ("org-canary", "name", "Canary Association"),
        ("membership-canary", "member", "person-canary"),
        ("membership-canary", "organization", "org-canary"),
        ("membership-canary", "role", "chair"),
        ("link-to-membership", "subject", "membership-canary"),
        ("link-to-membership", "object", "station-X"),
        ("station-X", "city", "Rotterdam"),
        ("bureau-X", "name", "Fuzhou PSB"),
        ("operation-X", "station", "station-X"),
        ("operation-X", "operator", "bureau-X"),
        ("incident-X", "country", "NL"),
        ("incident-X", "station", "station-X"),
        ("incident-X", "station", "station-nowhere"),
    ];
    for (e, prop, value) in claims {
        batch.add_claim(Claim::new(&id(e), prop, value, &src)).unwrap();
    }
    store.write_batch(&batch).await.unwrap();
    let source = store.all_sources().await.unwrap().remove(0);
    (store, source)
}

async fn everything(store: &SqliteStore) -> Vec<EntityRecord> {
    store.entity_page(None, 100, true).await.unwrap()
}

fn ids(records: &[EntityRecord]) -> Vec<&str> {
    records.iter().map(|r| r.entity.id.as_str()).collect()
}

#[tokio::test]
async fn links_to_a_restricted_person_are_withheld_with_what_links_to_them() {
    let (store, _) = seeded().await;
    let public = public_records(&store, everything(&store).await).await.unwrap();
    assert_eq!(ids(&public), ["bureau-X", "incident-X", "operation-X", "org-canary", "station-X"]);
    let incident = public.iter().find(|r| r.entity.id.as_str() == "incident-X").unwrap();
    let stations: Vec<&str> =
        incident.statements.iter().filter(|s| s.prop == "station").map(|s| s.value.as_str()).collect();
    assert_eq!(stations, ["station-X"], "the id nothing is stored under is no public value");
    let text = format!("{public:?}");
    assert!(!text.contains("person-canary") && !text.contains("membership-canary"), "{text}");
}

#[tokio::test]
async fn one_record_is_judged_with_what_it_links_read_from_the_store() {
    let (store, _) = seeded().await;
    let alone = |e: &str| {
        let store = &store;
        let e = id(e);
        async move { store.entity(&e).await.unwrap().unwrap() }
    };
    let membership = alone("membership-canary").await;
    assert!(membership.is_public(), "alone, the membership passes: the rule is what withholds it");
    let view = PublicView::of(&store, std::slice::from_ref(&membership)).await.unwrap();
    assert!(!view.is_public(&id("membership-canary")));
    assert!(!view.is_public(&id("person-canary")));
    assert!(view.is_public(&id("org-canary")));
    assert!(public_records(&store, vec![membership]).await.unwrap().is_empty());
    let chain = alone("link-to-membership").await;
    assert!(public_records(&store, vec![chain]).await.unwrap().is_empty(), "a link to the membership is withheld too");
    let operation = alone("operation-X").await;
    assert_eq!(ids(&public_records(&store, vec![operation]).await.unwrap()), ["operation-X"]);
}

#[tokio::test]
async fn a_public_figure_makes_the_membership_public() {
    let (store, source) = seeded().await;
    let event = AuditEvent::today("ana", "person.marked-public-figure", "person-canary");
    store.mark_public_figure(&id("person-canary"), true, &source, "ana", &event).await.unwrap();
    let public = public_records(&store, everything(&store).await).await.unwrap();
    assert_eq!(
        ids(&public),
        [
            "bureau-X",
            "incident-X",
            "link-to-membership",
            "membership-canary",
            "operation-X",
            "org-canary",
            "person-canary",
            "station-X"
        ]
    );
}
