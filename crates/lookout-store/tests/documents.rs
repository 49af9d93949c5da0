//! Documents, reposts and proposals: written with a batch, reviewed once, never changed.

use lookout_core::{
    Batch, Document, Entity, EntityId, Proposal, ProposalKind, ProposedClaim, Schema, Source, SourceKind, Verdict,
};
use lookout_store::{DocumentStore, SqliteStore, Store};

fn document(sha: char, source: &Source, copy_of: Option<char>) -> Document {
    Document {
        sha256: sha.to_string().repeat(64),
        source_id: source.id.clone(),
        language: "en".into(),
        characters: 100,
        simhash: 0xfeed,
        copy_of: copy_of.map(|c| c.to_string().repeat(64)),
        restricted: false,
    }
}

fn station_proposal(source: &Source, city: &str) -> Proposal {
    let station = EntityId::new("station-ST033").unwrap();
    Proposal {
        id: String::new(),
        kind: ProposalKind::StationMention,
        source_id: source.id.clone(),
        document: "a".repeat(64),
        summary: format!("mentions the station in {city}"),
        claimant: None,
        quote: format!("The police station in {city} closed."),
        span: Some((22, 22 + city.len() as u32)),
        entities: vec![Entity { id: station.clone(), schema: Schema::Station }],
        claims: vec![ProposedClaim { entity_id: station, prop: "city".into(), value: city.into(), valid_from: None }],
    }
    .identified()
}

async fn seeded() -> (SqliteStore, Source, Source, Source) {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let mut original = Source::from_url("https://nos.nl/artikel/1");
    original.kind = SourceKind::News;
    let copy = Source::from_url("https://repost.example/1");
    let other = Source::from_url("https://nrc.nl/2");
    let mut batch = Batch::new("lookout ingest");
    for s in [&original, &copy, &other] {
        batch.add_source(s.clone());
    }
    batch.add_document(document('a', &original, None)).unwrap();
    batch.add_document(document('b', &copy, Some('a'))).unwrap();
    batch.add_document(document('c', &other, None)).unwrap();
    batch.add_proposal(station_proposal(&original, "Rotterdam")).unwrap();
    batch.add_proposal(station_proposal(&original, "Amsterdam")).unwrap();
    store.write_batch(&batch).await.unwrap();
    (store, original, copy, other)
}

#[tokio::test]
async fn reposts_point_at_their_original() {
    let (store, original, copy, other) = seeded().await;
    assert_eq!(store.documents().await.unwrap().len(), 3);
    let originals = store.originals_of(&[original.id.clone(), copy.id.clone(), other.id.clone()]).await.unwrap();
    assert_eq!(originals.len(), 1);
    assert_eq!(originals[&copy.id], original.id);
    assert_eq!(store.copies_of(&original.id).await.unwrap(), vec![copy.id.clone()]);
    assert!(store.copies_of(&other.id).await.unwrap().is_empty());
}

#[tokio::test]
async fn accepting_writes_statements_once_and_rejecting_writes_none() {
    let (store, ..) = seeded().await;
    let proposed = store.proposals(Some("proposed")).await.unwrap();
    assert_eq!(proposed.len(), 2);
    let (rotterdam, amsterdam) = (&proposed[0].proposal, &proposed[1].proposal);
    assert!(store.review_proposal(&rotterdam.id, Verdict::Accepted, " ").await.is_err(), "a reviewer is named");
    let report = store.review_proposal(&rotterdam.id, Verdict::Accepted, "alice").await.unwrap();
    assert_eq!(report.statements_added, 1);
    let station = store.entity(&EntityId::new("station-ST033").unwrap()).await.unwrap().unwrap();
    let s = &station.statements[0];
    assert_eq!((s.prop.as_str(), s.value.as_str(), s.recorded_by.as_str()), ("city", "Rotterdam", "alice"));
    assert_eq!(s.locator.quote.as_deref(), Some("The police station in Rotterdam closed."));
    let again = store.review_proposal(&rotterdam.id, Verdict::Rejected, "bob").await.unwrap_err();
    assert!(again.to_string().contains("already accepted by alice"), "{again}");

    store.review_proposal(&amsterdam.id, Verdict::Rejected, "bob").await.unwrap();
    let station = store.entity(&EntityId::new("station-ST033").unwrap()).await.unwrap().unwrap();
    assert_eq!(station.statements.len(), 1, "a rejected proposal adds nothing");
    assert_eq!(store.proposals(Some("accepted")).await.unwrap().len(), 1);
    assert_eq!(store.proposals(Some("rejected")).await.unwrap()[0].review.as_ref().unwrap().1, "bob");
    assert!(store.proposals(Some("proposed")).await.unwrap().is_empty());
    let missing = store.review_proposal("proposal-nope", Verdict::Accepted, "alice").await.unwrap_err();
    assert!(missing.to_string().contains("no proposal proposal-nope"));
}

#[tokio::test]
async fn a_batch_with_a_proposal_that_does_not_fit_its_schema_is_refused() {
    let source = Source::from_url("https://nos.nl/artikel/1");
    let mut batch = Batch::new("lookout ingest");
    let mut bad = station_proposal(&source, "Rotterdam");
    assert!(batch.add_proposal(bad.clone()).is_err(), "the source must be in the batch");
    batch.add_source(source);
    bad.claims[0].prop = "colour".into();
    assert!(batch.add_proposal(bad).is_err());
}
