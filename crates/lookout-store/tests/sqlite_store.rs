//! The SQLite store against a real database file.

use lookout_core::{Batch, Claim, EntityId, Locator, Schema, Source, StatementStatus, StationStatus};
use lookout_store::{EntityFilter, SqliteStore, Store, StoreError};

fn id(s: &str) -> EntityId {
    EntityId::new(s).unwrap()
}

/// Two stations in NL and FR, one operated by a bureau, plus a restricted person.
fn sample() -> Batch {
    let mut b = Batch::new("test");
    let src = b.add_source(Source::from_url("https://www.rijksoverheid.nl/a"));
    let news = b.add_source(Source::from_url("https://news.example/b"));
    for (station, country) in [("station-A", "NL"), ("station-B", "FR")] {
        b.add_entity(&id(station), Schema::Station).unwrap();
        b.add_claim(Claim::new(&id(station), "country", country, &src)).unwrap();
    }
    let quote = Some("closure_ordered; closed (per Dutch government)".to_string());
    b.add_claim(Claim::new(&id("station-A"), "status", "closure_ordered", &src).locator(Locator {
        quote: quote.clone(),
        page: None,
        span: Some((0, 15)),
    }))
    .unwrap();
    b.add_claim(
        Claim::new(&id("station-A"), "status", "closed", &src)
            .locator(Locator { quote, page: None, span: Some((17, 23)) })
            .valid_from(Some("2022-12-20".parse().unwrap()))
            .claimant(Some("Dutch government".into())),
    )
    .unwrap();
    b.add_claim(Claim::new(&id("station-B"), "status", "reported", &news)).unwrap();
    b.add_claim(Claim::new(&id("station-B"), "address", "unverified", &news).status(StatementStatus::Proposed))
        .unwrap();
    b.add_entity(&id("publicbody-fuzhou-psb"), Schema::PublicBody).unwrap();
    b.add_claim(Claim::new(&id("publicbody-fuzhou-psb"), "name", "Fuzhou PSB", &src)).unwrap();
    b.add_entity(&id("operation-1"), Schema::Operation).unwrap();
    b.add_claim(Claim::new(&id("operation-1"), "station", "station-A", &src)).unwrap();
    b.add_claim(Claim::new(&id("operation-1"), "operator", "publicbody-fuzhou-psb", &src)).unwrap();
    b.add_entity(&id("person-1"), Schema::Person).unwrap();
    b.add_claim(Claim::new(&id("person-1"), "name", "Private Person", &news)).unwrap();
    b
}

async fn temp_store() -> (tempdir::Dir, SqliteStore) {
    let dir = tempdir::Dir::new();
    let store = SqliteStore::open(&dir.path.join("lookout.db")).await.unwrap();
    (dir, store)
}

mod tempdir {
    /// A directory removed on drop.
    pub struct Dir {
        pub path: std::path::PathBuf,
    }
    impl Dir {
        pub fn new() -> Dir {
            use std::sync::atomic::{AtomicU32, Ordering};
            static N: AtomicU32 = AtomicU32::new(0);
            let path = std::env::temp_dir().join(format!(
                "lookout-store-test-{}-{}",
                std::process::id(),
                N.fetch_add(1, Ordering::SeqCst)
            ));
            std::fs::create_dir_all(&path).unwrap();
            Dir { path }
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

#[tokio::test]
async fn writing_twice_adds_nothing_the_second_time() {
    let (_dir, store) = temp_store().await;
    assert!(store.is_empty().await.unwrap());
    let empty = store.data_version().await.unwrap();
    let first = store.write_batch(&sample()).await.unwrap();
    let version = store.data_version().await.unwrap();
    assert!(version > empty);
    assert_eq!(first.entities_added, 5);
    assert_eq!(first.statements_added, 10);
    let second = store.write_batch(&sample()).await.unwrap();
    assert_eq!(store.data_version().await.unwrap(), version, "nothing new, same version");
    assert_eq!(second.statements_added, 0);
    assert_eq!(second.statements_present, 10);
    let stats = store.stats().await.unwrap();
    assert_eq!(stats.statements, 10);
    assert_eq!(stats.sources, 2);
    assert_eq!(stats.countries, 2);
    assert_eq!(stats.entities_by_schema["Station"], 2);
}

#[tokio::test]
async fn a_conflicting_batch_changes_nothing_and_names_the_entity() {
    let (_dir, store) = temp_store().await;
    store.write_batch(&sample()).await.unwrap();
    let before = store.stats().await.unwrap();
    let mut bad = Batch::new("test");
    let s = bad.add_source(Source::from_url("https://other.example/"));
    bad.add_entity(&id("station-C"), Schema::Station).unwrap();
    bad.add_claim(Claim::new(&id("station-C"), "country", "DE", &s)).unwrap();
    bad.add_entity(&id("station-A"), Schema::Place).unwrap();
    let err = store.write_batch(&bad).await.unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err}");
    assert!(err.to_string().contains("station-A is stored as a Station"), "{err}");
    assert_eq!(store.stats().await.unwrap(), before);
    assert!(store.entity(&id("station-C")).await.unwrap().is_none());
}

#[tokio::test]
async fn filters_select_by_schema_country_operator_and_status() {
    let (_dir, store) = temp_store().await;
    store.write_batch(&sample()).await.unwrap();
    let ids = |records: Vec<lookout_store::EntityRecord>| {
        records.into_iter().map(|r| r.entity.id.to_string()).collect::<Vec<_>>()
    };
    let stations = EntityFilter { schema: Some(Schema::Station), ..Default::default() };
    assert_eq!(ids(store.list_entities(&stations).await.unwrap()), ["station-A", "station-B"]);
    let fr = EntityFilter { country: Some("FR".into()), ..stations.clone() };
    assert_eq!(ids(store.list_entities(&fr).await.unwrap()), ["station-B"]);
    let fuzhou = EntityFilter { operator: Some(id("publicbody-fuzhou-psb")), ..stations.clone() };
    assert_eq!(ids(store.list_entities(&fuzhou).await.unwrap()), ["station-A"]);
    let closed = EntityFilter { status: Some(StationStatus::Closed), ..stations.clone() };
    assert_eq!(ids(store.list_entities(&closed).await.unwrap()), ["station-A"]);
    let all = store.list_entities(&EntityFilter::default()).await.unwrap();
    assert!(all.iter().all(|r| r.entity.schema != Schema::Person), "persons are restricted by default");
    let internal = EntityFilter { include_restricted: true, ..Default::default() };
    assert_eq!(store.list_entities(&internal).await.unwrap().len(), 5);
}

#[tokio::test]
async fn entity_sources_references_and_timeline() {
    let (_dir, store) = temp_store().await;
    store.write_batch(&sample()).await.unwrap();
    let b = store.entity(&id("station-B")).await.unwrap().unwrap();
    assert_eq!(b.statements.len(), 2, "the record is its accepted statements");
    let full = lookout_store::WorkspaceStore::entities_in_full(&store, &[id("station-B")]).await.unwrap();
    assert_eq!(full[0].statements.len(), 3, "proposed statements are stored too");
    let sources = store.sources(&[b.statements[0].source_id.clone()]).await.unwrap();
    assert_eq!(sources.len(), 1);
    let refs = store.referencing(&id("station-A")).await.unwrap();
    assert_eq!(refs.len(), 1);
    assert_eq!(refs[0].entity.id.as_str(), "operation-1");
    let many = store.entities(&[id("station-B"), id("nothing-here"), id("station-A"), id("station-B")]).await.unwrap();
    let ids: Vec<&str> = many.iter().map(|r| r.entity.id.as_str()).collect();
    assert_eq!(ids, ["station-A", "station-B"], "stored ones, in id order, once each");
    assert_eq!(many[1], b);
    let timeline = store.status_timeline(&id("station-A")).await.unwrap();
    let states: Vec<_> = timeline.iter().map(|s| s.status.as_str()).collect();
    assert_eq!(states, ["closure_ordered", "closed"]);
    assert_eq!(timeline[1].claimant.as_deref(), Some("Dutch government"));
    let src = Source::from_url("https://news.example/b").id;
    let of_source = store.statements_of_source(&src).await.unwrap();
    assert_eq!(of_source.len(), 2, "the restricted person's statement is not listed");
    let page = store.entity_page(None, 2, false).await.unwrap();
    assert_eq!(page.len(), 2);
    let rest = store.entity_page(Some(&page[1].entity.id), 10, false).await.unwrap();
    assert_eq!(rest.len(), 2);
}

#[tokio::test]
async fn the_database_file_survives_reopening() {
    let dir = tempdir::Dir::new();
    let path = dir.path.join("lookout.db");
    let store = SqliteStore::open(&path).await.unwrap();
    store.write_batch(&sample()).await.unwrap();
    store.close().await;
    let reopened = SqliteStore::open(&path).await.unwrap();
    assert_eq!(reopened.stats().await.unwrap().statements, 10);
}

#[test]
fn the_link_value_column_lists_exactly_the_entity_typed_properties() {
    let migration = include_str!("../migrations/sqlite/0001_statements.sql");
    let start = migration.find("CASE WHEN prop IN (").unwrap() + "CASE WHEN prop IN (".len();
    let end = start + migration[start..].find(')').unwrap();
    let mut in_sql: Vec<String> =
        migration[start..end].split(',').map(|p| p.trim().trim_matches('\'').to_string()).collect();
    in_sql.sort();
    let mut in_model: Vec<String> = Schema::ALL
        .iter()
        .flat_map(|s| s.properties())
        .filter(|p| p.kind.is_entity())
        .map(|p| p.name.to_string())
        .collect();
    in_model.sort();
    in_model.dedup();
    assert_eq!(in_sql, in_model);
}
