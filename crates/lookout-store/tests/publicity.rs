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
    let source = store.public_sources().await.unwrap().remove(0);
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

/// Writes links `prefix-0 … prefix-(n-1)`, each with subject the next one (the last: `station-X`)
/// and object `bureau-X`, and, when `cycle`, the last pointing back at the first.
async fn chain(store: &SqliteStore, source: &Source, prefix: &str, n: usize, cycle: bool) {
    let mut batch = Batch::new("test");
    batch.add_source(source.clone());
    for i in 0..n {
        let link = id(&format!("{prefix}-{i}"));
        batch.add_entity(&link, Schema::Link).unwrap();
        let next = match i + 1 {
            next if next < n => format!("{prefix}-{next}"),
            _ if cycle => format!("{prefix}-0"),
            _ => "station-X".to_string(),
        };
        batch.add_claim(Claim::new(&link, "subject", next, &source.id)).unwrap();
        batch.add_claim(Claim::new(&link, "object", "bureau-X", &source.id)).unwrap();
    }
    store.write_batch(&batch).await.unwrap();
}

#[tokio::test]
async fn chains_of_links_are_followed_cycles_settle_and_a_chain_too_long_to_read_is_private() {
    let (store, source) = seeded().await;
    chain(&store, &source, "short", 3, false).await;
    chain(&store, &source, "ring", 4, true).await;
    chain(&store, &source, "long", 12, false).await;
    let view = PublicView::of_ids(&store, &[id("short-0"), id("ring-0"), id("long-0"), id("long-11")]).await.unwrap();
    assert!(view.is_public(&id("short-0")), "three links down to a public station");
    assert!(view.is_public(&id("ring-0")), "a ring of public links is public");
    assert!(
        !view.is_public(&id("long-0")) && view.is_private(&id("long-0")),
        "ends beyond the rounds read count as private"
    );
    assert!(view.is_public(&id("long-11")), "the chain's last link, read directly, is public");
}

#[tokio::test]
async fn private_is_what_may_not_be_named_and_not_public_what_is_merely_unconfirmed() {
    let (store, source) = seeded().await;
    // An organisation with no accepted statement yet (created in the workspace, unconfirmed)
    // and a hosting of the station by it.
    let mut batch = Batch::new("test");
    batch.add_source(source.clone());
    batch.add_entity(&id("org-unconfirmed"), Schema::Organization).unwrap();
    batch.add_entity(&id("hosting-X"), Schema::Hosting).unwrap();
    batch.add_claim(Claim::new(&id("hosting-X"), "station", "station-X", &source.id)).unwrap();
    batch.add_claim(Claim::new(&id("hosting-X"), "host", "org-unconfirmed", &source.id)).unwrap();
    store.write_batch(&batch).await.unwrap();
    let view = PublicView::of_ids(&store, &[id("hosting-X"), id("membership-canary"), id("link-to-membership")])
        .await
        .unwrap();
    assert!(!view.is_public(&id("hosting-X")) && !view.is_private(&id("hosting-X")), "withheld, not secret");
    assert!(!view.is_public(&id("org-unconfirmed")) && !view.is_private(&id("org-unconfirmed")));
    for secret in ["person-canary", "membership-canary", "link-to-membership"] {
        assert!(view.is_private(&id(secret)), "{secret}");
    }
    assert!(view.names_private(&id("membership-canary"), "member", "person-canary"));
    assert!(!view.names_private(&id("hosting-X"), "host", "org-unconfirmed"));
    assert!(!view.names_private(&id("hosting-X"), "role", "person-canary"), "a text value names no entity");
    assert!(view.is_private(&id("never-read")), "an id the view never read is private");
}

#[tokio::test]
async fn a_source_only_private_statements_cite_is_not_public() {
    let (store, source) = seeded().await;
    let mut batch = Batch::new("test");
    let private_source = batch.add_source(Source::from_url("https://example.org/canary-person-court-file"));
    let bibliography = batch.add_source(Source::from_url("https://example.org/read-later"));
    batch.add_entity(&id("person-canary"), Schema::Person).unwrap();
    batch.add_entity(&id("membership-canary"), Schema::Membership).unwrap();
    batch.add_claim(Claim::new(&id("person-canary"), "alias", "Canary", &private_source)).unwrap();
    batch.add_claim(Claim::new(&id("membership-canary"), "role", "treasurer", &private_source)).unwrap();
    // A source that cites an incident at the station, and not the station itself.
    let incident_report = batch.add_source(Source::from_url("https://example.org/incident-report"));
    batch.add_entity(&id("incident-X"), Schema::Incident).unwrap();
    batch.add_claim(Claim::new(&id("incident-X"), "station", "station-X", &incident_report)).unwrap();
    store.write_batch(&batch).await.unwrap();
    let told = store.statements_of_source(&incident_report).await.unwrap();
    assert!(
        told.iter().any(|s| s.prop == "station" && s.value == "station-X"),
        "what an entity asked about names is judged too: {told:?}"
    );
    let urls: Vec<String> = store.public_sources().await.unwrap().into_iter().map(|s| s.url).collect();
    assert!(urls.contains(&source.url), "the source public statements cite: {urls:?}");
    assert!(urls.contains(&"https://example.org/read-later".to_string()), "a source nothing cites yet: {urls:?}");
    assert!(!urls.iter().any(|u| u.contains("canary-person")), "{urls:?}");
    assert!(store.public_source(&private_source).await.unwrap().is_none());
    assert!(store.public_source(&bibliography).await.unwrap().is_some());
    assert!(store.statements_of_source(&private_source).await.unwrap().is_empty());
    let supported = store.statements_of_source(&source.id).await.unwrap();
    assert!(supported.iter().all(|s| !s.entity_id.as_str().contains("canary") || s.entity_id.as_str() == "org-canary"));
    assert!(supported.iter().any(|s| s.entity_id.as_str() == "org-canary"));
}

/// A membership whose member statement was withdrawn still once named the restricted person: it
/// stays private, read as a record (exports) or by id (feeds, releases), and so do its sources.
#[tokio::test]
async fn a_link_that_once_named_a_restricted_person_stays_private_when_that_is_withdrawn() {
    use lookout_core::StatementAction;
    let (store, _) = seeded().await;
    let membership = store.entity(&id("membership-canary")).await.unwrap().unwrap();
    let member = membership.statements.iter().find(|s| s.prop == "member").unwrap().id.clone();
    let event = AuditEvent::today("ana", "statement.withdrawn", member.as_str());
    store
        .act_on_statements(std::slice::from_ref(&member), StatementAction::Withdrawn, "ana", Some("wrong"), &event)
        .await
        .unwrap();
    let membership = store.entity(&id("membership-canary")).await.unwrap().unwrap();
    assert!(membership.statements.iter().all(|s| s.prop != "member"), "read with its accepted statements only");
    assert!(public_records(&store, vec![membership]).await.unwrap().is_empty());
    let view = PublicView::of_ids(&store, &[id("membership-canary")]).await.unwrap();
    assert!(view.is_private(&id("membership-canary")));
    let all = public_records(&store, everything(&store).await).await.unwrap();
    assert!(!ids(&all).contains(&"membership-canary") && !ids(&all).contains(&"link-to-membership"));
}
