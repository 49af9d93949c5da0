//! The workspace's writes: pending statements confirmed by a second account, withdrawals, reviews
//! of proposals as edited, and rows that change only through their event tables.

use lookout_core::{
    Acceptance, Batch, Claim, EntityId, Proposal, ProposalKind, ProposedClaim, Schema, Source, StatementAction,
    StatementStatus, Verdict,
};
use lookout_store::{
    AuditEvent, PageAt, ProposalFilter, ProposalReview, ReportStore, SqliteStore, Store, WorkspaceStore,
};

fn event(actor: &str, action: &str) -> AuditEvent {
    AuditEvent::today(actor, action, "test")
}

async fn store_with_station(dir: &std::path::Path) -> (SqliteStore, EntityId, Source) {
    let store = SqliteStore::open(&dir.join("lookout.db")).await.unwrap();
    let station = EntityId::new("station-ST033").unwrap();
    let source = Source::from_url("https://nos.nl/artikel/1");
    let mut batch = Batch::new("import:stations.csv");
    batch.add_entity(&station, Schema::Station).unwrap();
    let src = batch.add_source(source.clone());
    batch.add_claim(Claim::new(&station, "country", "NL", &src)).unwrap();
    store.write_batch(&batch).await.unwrap();
    (store, station, source)
}

fn pending_city(station: &EntityId, source: &Source, by: &str) -> Batch {
    let mut batch = Batch::new(by);
    batch.add_entity(station, Schema::Station).unwrap();
    let src = batch.add_source(source.clone());
    batch.add_claim(Claim::new(station, "city", "Rotterdam", &src).status(StatementStatus::Proposed)).unwrap();
    batch
}

#[tokio::test]
async fn a_pending_statement_is_public_only_once_another_account_confirms_it() {
    let dir = TempDir::new("x");
    let (store, station, source) = store_with_station(&dir.0).await;
    let before = store.data_version().await.unwrap();
    let batch = pending_city(&station, &source, "ana");
    store.add_statements(&batch, &event("ana", "statement.added")).await.unwrap();
    let id = batch.statements[0].id.clone();
    assert_eq!(store.pending_statements(10).await.unwrap().len(), 1);
    assert_eq!(store.pending_change(&id).await.unwrap().len(), 1, "its change is itself");
    let refused = store
        .act_on_statements(std::slice::from_ref(&id), StatementAction::Confirmed, "ana", None, &event("ana", "x"))
        .await;
    assert!(refused.unwrap_err().to_string().contains("different account"), "no one confirms their own");
    let confirmed = store
        .act_on_statements(
            std::slice::from_ref(&id),
            StatementAction::Confirmed,
            "rui",
            None,
            &event("rui", "statement.confirmed"),
        )
        .await;
    assert_eq!(confirmed.unwrap()[0].status, StatementStatus::Accepted);
    assert!(store.data_version().await.unwrap() > before, "caches of the public record see the change");
    let again = store
        .act_on_statements(std::slice::from_ref(&id), StatementAction::Confirmed, "eva", None, &event("eva", "x"))
        .await;
    assert!(again.unwrap_err().to_string().contains("accepted already"));
    let withdrawn = store
        .act_on_statements(
            std::slice::from_ref(&id),
            StatementAction::Withdrawn,
            "eva",
            Some("wrong city"),
            &event("eva", "statement.withdrawn"),
        )
        .await
        .unwrap();
    assert_eq!(withdrawn[0].status, StatementStatus::Retracted);
    let events = store.entity_events(&station).await.unwrap();
    let seen: Vec<_> = events.iter().map(|e| (e.action, e.by.as_str(), e.reason.as_deref())).collect();
    assert_eq!(
        seen,
        [(StatementAction::Confirmed, "rui", None), (StatementAction::Withdrawn, "eva", Some("wrong city"))]
    );
    let audit: Vec<_> = store.audit_log().await.unwrap().into_iter().map(|r| r.action).collect();
    assert_eq!(audit, ["statement.added", "statement.confirmed", "statement.withdrawn"]);
    assert!(store.pending_statements(10).await.unwrap().is_empty());
}

#[tokio::test]
async fn small_reads_count_pending_version_an_entity_and_name_it() {
    let dir = TempDir::new("glance");
    let (store, station, source) = store_with_station(&dir.0).await;
    assert_eq!(store.pending_count().await.unwrap(), 0);
    let v0 = store.entity_version(&station).await.unwrap().unwrap();
    assert_eq!(store.entity_version(&EntityId::new("station-none").unwrap()).await.unwrap(), None);
    let batch = pending_city(&station, &source, "ana");
    let added = store.add_statements_at(&batch, &event("ana", "statement.added"), &station, v0).await.unwrap();
    assert_eq!(added.unwrap().statements_added, 1, "written at the version the form was made from");
    assert_eq!(store.pending_count().await.unwrap(), 1);
    let v1 = store.entity_version(&station).await.unwrap().unwrap();
    assert!(v1 > v0, "a statement recorded changes the version");
    let id = batch.statements[0].id.clone();
    store
        .act_on_statements(std::slice::from_ref(&id), StatementAction::Rejected, "rui", Some("no"), &event("rui", "x"))
        .await
        .unwrap();
    assert_eq!(store.pending_count().await.unwrap(), 0);
    assert!(store.entity_version(&station).await.unwrap().unwrap() > v1, "an event changes the version");
    let mut stale = Batch::new("eva");
    stale.add_entity(&station, Schema::Station).unwrap();
    let src = stale.add_source(source.clone());
    stale.add_claim(Claim::new(&station, "notes", "seen", &src)).unwrap();
    let audited = store.audit_log().await.unwrap().len();
    assert!(store.add_statements_at(&stale, &event("eva", "x"), &station, v1).await.unwrap().is_none());
    assert!(store.statement(&stale.statements[0].id).await.unwrap().is_none(), "a stale form writes nothing");
    assert_eq!(store.audit_log().await.unwrap().len(), audited);

    let named = store.namings(&[station.clone(), EntityId::new("station-none").unwrap()]).await.unwrap();
    assert_eq!(named.len(), 1, "an id not stored is left out");
    assert_eq!(named[0].id, station);
    let values: Vec<_> = named[0].values.iter().map(|v| (v.prop.as_str(), v.value.as_str(), v.status)).collect();
    assert_eq!(values, [("city", "Rotterdam", StatementStatus::Rejected)], "names and cities only, any status");
}

#[tokio::test]
async fn rows_change_only_through_their_events() {
    let dir = TempDir::new("rows");
    let (store, _, _) = store_with_station(&dir.0).await;
    store.close().await;
    // Someone with the database file, writing behind the server's back.
    let url = format!("sqlite://{}", dir.0.join("lookout.db").display());
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    for sql in [
        "UPDATE statements SET status = 'retracted'",
        "UPDATE statements SET value = 'BE'",
        "DELETE FROM statements",
        "UPDATE sources SET kind = 'official'",
        "UPDATE entities SET restricted = 1",
        "INSERT INTO statement_events (statement_id, action, acted_by, acted_at) \
         SELECT id, 'confirmed', 'x', 'now' FROM statements",
        "INSERT INTO public_figure_marks (entity_key, public, source_key, marked_by, marked_at) VALUES (1, 1, 1, 'x', 'now')",
    ] {
        let refused = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&pool).await;
        assert!(refused.is_err(), "{sql} is refused");
    }
    let statuses: Vec<String> = sqlx::query_scalar("SELECT status FROM statements").fetch_all(&pool).await.unwrap();
    assert_eq!(statuses, ["accepted"]);
}

/// A directory removed when dropped.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("lookout-ws-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `count` proposals about `station` from one document ("a" × 64), written to `store`.
async fn store_proposals(store: &SqliteStore, station: &EntityId, source: &Source, count: usize) -> Vec<Proposal> {
    let mut batch = Batch::new("lookout ingest");
    batch.add_source(source.clone());
    batch
        .add_document(lookout_core::Document {
            sha256: "a".repeat(64),
            source_id: source.id.clone(),
            language: "en".into(),
            characters: 10,
            simhash: 1,
            copy_of: None,
            restricted: false,
        })
        .unwrap();
    let proposals: Vec<Proposal> = (0..count)
        .map(|n| {
            Proposal {
                id: String::new(),
                kind: ProposalKind::StationMention,
                source_id: source.id.clone(),
                document: "a".repeat(64),
                summary: format!("mentions the station in Rotterdam ({n})"),
                claimant: None,
                quote: format!("The police station in Rotterdam closed ({n})."),
                span: None,
                entities: vec![lookout_core::Entity { id: station.clone(), schema: Schema::Station }],
                claims: vec![ProposedClaim {
                    entity_id: station.clone(),
                    prop: "city".into(),
                    value: "Rotterdam".into(),
                    valid_from: None,
                }],
            }
            .identified()
        })
        .collect();
    for proposal in &proposals {
        batch.add_proposal(proposal.clone()).unwrap();
    }
    store.write_batch(&batch).await.unwrap();
    proposals
}

#[tokio::test]
async fn two_accounts_reviewing_one_proposal_at_once_one_wins() {
    let dir = TempDir::new("y");
    let (store, station, source) = store_with_station(&dir.0).await;
    let proposal = store_proposals(&store, &station, &source, 1).await.remove(0);
    let filter = ProposalFilter { document: Some("a".repeat(64)), ..Default::default() };
    assert_eq!(store.proposal_page(&filter, &PageAt::First, 10).await.unwrap().total, 1);
    let pending = Acceptance { status: StatementStatus::Proposed, edit: None };
    let review = |by: &'static str| ProposalReview {
        id: &proposal.id,
        verdict: Verdict::Accepted,
        by,
        reason: None,
        acceptance: pending.clone(),
    };
    let (a, b) = (review("ana"), review("rui"));
    let (ea, eb) = (event("ana", "proposal.accepted"), event("rui", "proposal.accepted"));
    let (left, right) = tokio::join!(store.review_proposal_as(&a, &ea), store.review_proposal_as(&b, &eb));
    assert!(left.is_ok() != right.is_ok(), "exactly one wins: {left:?} {right:?}");
    let loser = left.err().or(right.err()).unwrap().to_string();
    assert!(loser.contains("already") || loser.contains("meanwhile"), "{loser}");
    assert_eq!(store.proposal_page(&filter, &PageAt::First, 10).await.unwrap().total, 0, "no longer open");
    let accepted = ProposalFilter { reviewed: Some(Verdict::Accepted), ..filter };
    assert_eq!(store.proposal_page(&accepted, &PageAt::First, 10).await.unwrap().total, 1);
    let pending = store.pending_statements(10).await.unwrap();
    assert_eq!(pending.len(), 1, "the accepted proposal's statement waits for a second account");
    assert_eq!(store.audit_log().await.unwrap().len(), 1);
}

#[tokio::test]
async fn the_inbox_pages_by_position_and_counts_again_once_a_proposal_is_reviewed() {
    let dir = TempDir::new("z");
    let (store, station, source) = store_with_station(&dir.0).await;
    let proposals = store_proposals(&store, &station, &source, 7).await;
    let open = ProposalFilter::default();
    let ids = |page: &lookout_store::ProposalPage| -> Vec<String> {
        page.records.iter().map(|r| r.proposal.id.clone()).collect()
    };
    let first = store.proposal_page(&open, &PageAt::First, 3).await.unwrap();
    assert_eq!((first.total, first.earlier, first.later, first.records.len()), (7, false, true, 3));
    let second = store.proposal_page(&open, &PageAt::After(ids(&first)[2].clone()), 3).await.unwrap();
    let third = store.proposal_page(&open, &PageAt::After(ids(&second)[2].clone()), 3).await.unwrap();
    assert_eq!((third.earlier, third.later, third.records.len()), (true, false, 1));
    let mut all = [ids(&first), ids(&second), ids(&third)].concat();
    assert_eq!(all.len(), 7);
    all.dedup();
    assert_eq!(all.len(), 7, "no proposal twice");
    let mut written: Vec<String> = proposals.iter().map(|p| p.id.clone()).collect();
    written.sort();
    let mut seen = all.clone();
    seen.sort();
    assert_eq!(seen, written, "every proposal once");
    let back = store.proposal_page(&open, &PageAt::Before(ids(&third)[0].clone()), 3).await.unwrap();
    assert_eq!(ids(&back), ids(&second), "the page before the third is the second, in the same order");
    assert!(back.earlier && back.later);
    let gone = store.proposal_page(&open, &PageAt::After("proposal-nonexistent".into()), 3).await.unwrap_err();
    assert!(gone.to_string().contains("proposal-nonexistent"), "{gone}");
    // The total is counted again once a proposal is reviewed, though the proposals did not change.
    let review = ProposalReview {
        id: &all[0],
        verdict: Verdict::Rejected,
        by: "ana",
        reason: Some("not this station"),
        acceptance: Acceptance { status: StatementStatus::Proposed, edit: None },
    };
    store.review_proposal_as(&review, &event("ana", "proposal.rejected")).await.unwrap();
    let after = store.proposal_page(&open, &PageAt::First, 3).await.unwrap();
    assert_eq!(after.total, 6);
    assert!(!ids(&after).contains(&all[0]));
    let rejected = ProposalFilter { reviewed: Some(Verdict::Rejected), ..Default::default() };
    assert_eq!(store.proposal_page(&rejected, &PageAt::First, 3).await.unwrap().total, 1);
}
