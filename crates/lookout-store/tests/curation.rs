//! The workspace's documents and sources: documents listed newest first with their proposals
//! counted, sources found by address, judged (kind, reliability, the original copied) with an
//! audit entry, and judged copies that override ingest's.

use lookout_core::{
    Batch, Document, Entity, EntityId, Proposal, ProposalKind, ProposedClaim, Reliability, Schema, Source, SourceKind,
    Verdict,
};
use lookout_store::{AuditEvent, CurationStore, DocumentStore, ReportStore, SourceJudgement, SqliteStore, Store};

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

fn proposal(source: &Source, city: &str) -> Proposal {
    let station = EntityId::new("station-ST033").unwrap();
    Proposal {
        id: String::new(),
        kind: ProposalKind::StationMention,
        source_id: source.id.clone(),
        document: "a".repeat(64),
        summary: format!("mentions the station in {city}"),
        claimant: None,
        quote: format!("The police station in {city} closed."),
        span: None,
        entities: vec![Entity { id: station.clone(), schema: Schema::Station }],
        claims: vec![ProposedClaim { entity_id: station, prop: "city".into(), value: city.into(), valid_from: None }],
    }
    .identified()
}

async fn seeded() -> (SqliteStore, Source, Source, Source) {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let original = Source::from_url("https://nos.nl/artikel/1");
    let copy = Source::from_url("https://repost.example/1");
    let other = Source::from_url("https://www.nrc.nl/2");
    let mut batch = Batch::new("lookout ingest (ana)");
    for s in [&original, &copy, &other] {
        batch.add_source(s.clone());
    }
    batch.add_document(document('a', &original, None)).unwrap();
    batch.add_document(document('b', &copy, Some('a'))).unwrap();
    batch.add_document(document('c', &other, None)).unwrap();
    batch.add_proposal(proposal(&original, "Rotterdam")).unwrap();
    batch.add_proposal(proposal(&original, "Amsterdam")).unwrap();
    store.write_batch(&batch).await.unwrap();
    (store, original, copy, other)
}

fn judgement(source: &Source, kind: SourceKind, copy_of: Option<&Source>) -> SourceJudgement {
    SourceJudgement {
        source: source.id.clone(),
        kind,
        reliability: Some(Reliability::B),
        copy_of: copy_of.map(|s| s.id.clone()),
        by: "ana".into(),
        at: String::new(),
    }
}

#[tokio::test]
async fn documents_are_listed_newest_first_with_their_open_proposals() {
    let (store, ..) = seeded().await;
    let (rows, total) = store.document_rows(0, 2).await.unwrap();
    assert_eq!(total, 3);
    let shas: Vec<char> = rows.iter().map(|r| r.document.sha256.chars().next().unwrap()).collect();
    assert_eq!(shas, ['c', 'b']);
    let (rows, _) = store.document_rows(2, 2).await.unwrap();
    assert_eq!((rows[0].proposals, rows[0].open_proposals, rows[0].url.as_str()), (2, 2, "https://nos.nl/artikel/1"));
    let id = store.proposals(None).await.unwrap()[0].proposal.id.clone();
    store.review_proposal(&id, Verdict::Rejected, "ana").await.unwrap();
    let (rows, _) = store.document_rows(2, 2).await.unwrap();
    assert_eq!((rows[0].proposals, rows[0].open_proposals), (2, 1));
    assert_eq!(store.document(&"b".repeat(64)).await.unwrap().unwrap().copy_of, Some("a".repeat(64)));
    assert!(store.document(&"d".repeat(64)).await.unwrap().is_none());
    let copies = store.document_copies(&"a".repeat(64)).await.unwrap();
    assert_eq!(copies.iter().map(|d| d.sha256.clone()).collect::<Vec<_>>(), ["b".repeat(64)]);
}

#[tokio::test]
async fn sources_are_found_by_address_or_host() {
    let (store, original, copy, other) = seeded().await;
    let found = |q: &'static str| {
        let store = store.clone();
        async move { store.find_sources(q, 10).await.unwrap().into_iter().map(|s| s.url).collect::<Vec<_>>() }
    };
    assert_eq!(found("NRC.nl").await, std::slice::from_ref(&other.url));
    assert_eq!(found("artikel").await, std::slice::from_ref(&original.url));
    assert!(found("%").await.is_empty(), "wildcards are taken as written");
    assert_eq!(found("").await.len(), 3);
    assert_eq!(store.find_sources(copy.id.as_str(), 10).await.unwrap()[0].id, copy.id);
}

#[tokio::test]
async fn a_judgement_sets_the_kind_with_an_audit_entry_and_decides_copies() {
    let (store, original, copy, other) = seeded().await;
    let before = store.data_version().await.unwrap();
    assert!(store.source_judgement(&other.id).await.unwrap().is_none());
    let event = AuditEvent::today("ana", "source.judged", other.id.as_str());
    let judged = store.judge_source(&judgement(&other, SourceKind::Official, Some(&original)), &event).await.unwrap();
    assert!(!judged.at.is_empty());
    let stored = store.sources(std::slice::from_ref(&other.id)).await.unwrap().remove(&other.id).unwrap();
    assert_eq!((stored.kind, stored.kind_guess), (SourceKind::Official, None), "no longer guessed");
    assert_eq!(store.source_judgement(&other.id).await.unwrap().unwrap(), judged);
    assert!(store.data_version().await.unwrap() > before, "public pages see the judged kind");
    let audit: Vec<_> = store.audit_log().await.unwrap().into_iter().map(|r| (r.action, r.subject)).collect();
    assert_eq!(audit, [("source.judged".to_string(), other.id.to_string())]);

    // A judged copy is a copy, beside ingest's reposts.
    assert_eq!(store.copies_of(&original.id).await.unwrap(), [copy.id.clone(), other.id.clone()]);
    let originals = store.originals_of(&[copy.id.clone(), other.id.clone()]).await.unwrap();
    assert_eq!((originals[&copy.id].clone(), originals[&other.id].clone()), (original.id.clone(), original.id.clone()));

    // A person's judgement wins over ingest's SimHash: the repost judged to copy nothing.
    store.judge_source(&judgement(&copy, SourceKind::News, None), &event).await.unwrap();
    assert_eq!(store.copies_of(&original.id).await.unwrap(), std::slice::from_ref(&other.id));
    assert!(!store.originals_of(std::slice::from_ref(&copy.id)).await.unwrap().contains_key(&copy.id));
}

#[tokio::test]
async fn a_judgement_out_of_bounds_writes_nothing() {
    let (store, original, _, _) = seeded().await;
    let event = AuditEvent::today("ana", "source.judged", original.id.as_str());
    let itself = store.judge_source(&judgement(&original, SourceKind::News, Some(&original)), &event).await;
    assert!(itself.unwrap_err().to_string().contains("copy of itself"));
    let nowhere = Source::from_url("https://nowhere.example/");
    let missing = store.judge_source(&judgement(&original, SourceKind::News, Some(&nowhere)), &event).await;
    assert!(missing.unwrap_err().to_string().contains("no source"));
    let unknown = store.judge_source(&judgement(&nowhere, SourceKind::News, None), &event).await;
    assert!(unknown.unwrap_err().to_string().contains("no source"));
    assert!(store.source_judgement(&original.id).await.unwrap().is_none());
    assert!(store.audit_log().await.unwrap().is_empty(), "nothing audited of what was refused");
}

/// A batch's judgements (a table of sources imported) are written once under one audit entry;
/// written again they add nothing, and a later judgement made in the workspace stands.
#[tokio::test]
async fn a_batchs_judgements_are_made_once_and_a_later_one_stands() {
    let (store, original, copy, _) = seeded().await;
    let table = |by: &str| {
        let mut batch = Batch::new("import:sources.csv");
        batch.add_source(original.clone());
        batch.add_source(copy.clone());
        let mut judged = judgement(&copy, SourceKind::Repost, Some(&original));
        (judged.reliability, judged.by) = (None, by.to_string());
        batch.add_judgement(judged).unwrap();
        batch
    };
    assert_eq!(store.write_batch(&table("A. Researcher")).await.unwrap().judgements_added, 1);
    let audit: Vec<_> = store.audit_log().await.unwrap().into_iter().map(|r| (r.actor, r.action)).collect();
    assert_eq!(audit, [("import:sources.csv".to_string(), "source.judged".to_string())]);
    assert_eq!(store.write_batch(&table("A. Researcher")).await.unwrap().judgements_added, 0, "made once");
    assert_eq!(store.audit_log().await.unwrap().len(), 1);

    let event = AuditEvent::today("ana", "source.judged", copy.id.as_str());
    store.judge_source(&judgement(&copy, SourceKind::News, None), &event).await.unwrap();
    assert_eq!(store.write_batch(&table("A. Researcher")).await.unwrap().judgements_added, 0);
    let now = store.source_judgement(&copy.id).await.unwrap().unwrap();
    assert_eq!((now.kind, now.by.as_str(), now.copy_of), (SourceKind::News, "ana", None), "the later judgement stands");
    assert_eq!(store.write_batch(&table("B. Reviewer")).await.unwrap().judgements_added, 1, "another judge's is new");
}
