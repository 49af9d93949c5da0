//! Releases cut from a real store: byte-identical exports from one store, the exact statements
//! added and withdrawn between two releases, verification that names a changed file, and no
//! release left behind by a failure.

use std::path::{Path, PathBuf};

use lookout_core::{Batch, Claim, EntityId, Schema, Source, StatementAction};
use lookout_import::{import_files, Bundled};
use lookout_release::release::{
    cut_release, generate_key, verify_release, Changes, CutOptions, Password, Publisher, ReleaseError, SigningKey,
    EXPORTS,
};
use lookout_store::{AuditEvent, SqliteStore, Store, WorkspaceStore};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lookout-releases-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn bundled_store() -> SqliteStore {
    let store = SqliteStore::open_in_memory().await.unwrap();
    let (batch, _) = import_files(&Bundled::files(), &lookout_geo::Gazetteer::bundled(), "test").unwrap();
    store.write_batch(&batch).await.unwrap();
    store
}

fn key(dir: &Path) -> SigningKey {
    let password = Password::new("release password".into()).unwrap();
    generate_key(&dir.join("lookout.key"), &password).unwrap();
    SigningKey::open(&dir.join("lookout.key"), &password).unwrap()
}

fn options<'a>(dir: &Path, key: &'a SigningKey) -> CutOptions<'a> {
    CutOptions {
        releases_dir: dir.join("releases"),
        day: "2026-12-05".into(),
        key,
        publisher: Publisher { name: "Test \"Publisher\"".into(), url: None },
    }
}

fn changes(dir: &Path) -> Changes {
    serde_json::from_slice(&std::fs::read(dir.join("changes.json")).unwrap()).unwrap()
}

#[tokio::test]
async fn two_releases_of_one_store_hold_identical_exports_and_no_changes() {
    let dir = temp_dir("identical");
    let store = bundled_store().await;
    let key = key(&dir);
    let first = cut_release(&store, &options(&dir, &key), |_| {}).await.unwrap();
    let second = cut_release(&store, &options(&dir, &key), |_| {}).await.unwrap();
    assert_eq!(first.manifest.id.to_string(), "2026-12-05");
    assert_eq!(second.manifest.id.to_string(), "2026-12-05.2", "a second release the same day gets a counter");
    assert_eq!(second.manifest.previous.as_ref(), Some(&first.manifest.id));
    for format in EXPORTS {
        let name = format!("lookout.{}", format.extension());
        let a = std::fs::read(first.dir.join(&name)).unwrap();
        let b = std::fs::read(second.dir.join(&name)).unwrap();
        assert!(a.len() > 1_000, "{name} holds the record");
        assert!(a == b, "{name} differs between two releases of one store");
        assert_eq!(first.manifest.file(&name), second.manifest.file(&name));
    }
    assert_eq!(first.manifest.counts.entities["Station"], 107);
    assert_eq!(first.manifest.counts, second.manifest.counts);
    let initial = changes(&first.dir);
    assert_eq!(initial.previous, None);
    assert_eq!(initial.summary.added, first.manifest.counts.statements, "a first release adds everything");
    let none = changes(&second.dir);
    assert_eq!((none.summary.added, none.summary.withdrawn, none.summary.changed), (0, 0, 0));
    assert!(none.entities.is_empty());
    for release in [&first, &second] {
        verify_release(&release.dir, None).unwrap();
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn changes_list_exactly_the_statements_added_and_withdrawn_with_their_sources() {
    let dir = temp_dir("changes");
    let store = bundled_store().await;
    let key = key(&dir);
    let first = cut_release(&store, &options(&dir, &key), |_| {}).await.unwrap();

    let station = EntityId::new("station-ST033").unwrap();
    let mut batch = Batch::new("analyst");
    batch.add_entity(&station, Schema::Station).unwrap();
    let source = batch.add_source(Source::from_url("https://example.org/rotterdam-follow-up"));
    let added = batch.add_claim(Claim::new(&station, "notes", "Rotterdam service point", &source)).unwrap();
    store.write_batch(&batch).await.unwrap();
    let record = store.entity(&station).await.unwrap().unwrap();
    let withdrawn = record.statements.iter().find(|s| s.prop == "status").unwrap().clone();
    let event = AuditEvent::today("analyst", "statement.withdrawn", withdrawn.id.as_str());
    store
        .act_on_statements(
            std::slice::from_ref(&withdrawn.id),
            StatementAction::Withdrawn,
            "analyst",
            Some("test"),
            &event,
        )
        .await
        .unwrap();

    let second = cut_release(&store, &options(&dir, &key), |_| {}).await.unwrap();
    let c = changes(&second.dir);
    assert_eq!(c.previous.as_ref(), Some(&first.manifest.id));
    assert_eq!((c.summary.added, c.summary.withdrawn, c.summary.changed), (1, 1, 0), "{c:#?}");
    assert_eq!(c.entities.len(), 1);
    let entity = &c.entities[0];
    assert_eq!(entity.id, "station-ST033");
    assert_eq!(entity.added[0].statement_id, added.to_string());
    assert_eq!(entity.added[0].value, "Rotterdam service point");
    assert_eq!(entity.added[0].source_url, "https://example.org/rotterdam-follow-up");
    assert_eq!(entity.withdrawn[0].statement_id, withdrawn.id.to_string());
    assert!(entity.withdrawn[0].source_url.starts_with("http"), "a withdrawn statement names its source");
    let md = std::fs::read_to_string(second.dir.join("CHANGES.md")).unwrap();
    assert!(md.contains("Since release 2026-12-05: 1 statements added, 1 withdrawn, 0 changed"), "{md}");
    assert!(
        md.contains("- added: notes “Rotterdam service point”; source: https://example.org/rotterdam-follow-up"),
        "{md}"
    );
    assert_eq!(second.manifest.counts.statements, first.manifest.counts.statements, "one in, one out");
    std::fs::remove_dir_all(dir).unwrap();
}

/// A person marked a public figure is in a release with their membership; restricted again, the
/// next release's changes count their statements as withheld and list none of them, so the list
/// of changes never publishes again what the record took back.
#[tokio::test]
async fn a_person_restricted_again_is_counted_not_listed_in_the_next_changes() {
    let dir = temp_dir("withheld");
    let store = bundled_store().await;
    let key = key(&dir);
    let person = EntityId::new("person-canary").unwrap();
    let org = EntityId::new("org-canary").unwrap();
    let membership = EntityId::new("membership-canary").unwrap();
    let mut batch = Batch::new("analyst");
    batch.add_entity(&person, Schema::Person).unwrap();
    batch.add_entity(&org, Schema::Organization).unwrap();
    batch.add_entity(&membership, Schema::Membership).unwrap();
    let source = batch.add_source(Source::from_url("https://example.org/court-record"));
    batch.add_claim(Claim::new(&person, "name", "CANARY FIGURE", &source)).unwrap();
    batch.add_claim(Claim::new(&org, "name", "Canary Association", &source)).unwrap();
    batch.add_claim(Claim::new(&membership, "member", person.as_str(), &source)).unwrap();
    batch.add_claim(Claim::new(&membership, "organization", org.as_str(), &source)).unwrap();
    store.write_batch(&batch).await.unwrap();
    let cited = store.sources(std::slice::from_ref(&source)).await.unwrap().remove(&source).unwrap();
    let mark = |public: bool| {
        let (store, person, cited) = (&store, &person, &cited);
        async move {
            let event = AuditEvent::today("ana", "person.marked-public-figure", person.as_str());
            store.mark_public_figure(person, public, cited, "ana", &event).await.unwrap();
        }
    };
    mark(true).await;
    let first = cut_release(&store, &options(&dir, &key), |_| {}).await.unwrap();
    let csv = std::fs::read_to_string(first.dir.join("lookout.csv")).unwrap();
    assert!(csv.contains("CANARY FIGURE") && csv.contains("membership-canary"), "a public figure is released");

    mark(false).await;
    let second = cut_release(&store, &options(&dir, &key), |_| {}).await.unwrap();
    let c = changes(&second.dir);
    assert_eq!(c.summary.withdrawn, 0, "{c:#?}");
    assert!(c.summary.withheld >= 3, "the name and both ends of the membership: {c:#?}");
    for file in ["changes.json", "CHANGES.md", "lookout.csv", "lookout.json", "lookout.ftm.jsonl", "lookout.gexf"] {
        let text = std::fs::read_to_string(second.dir.join(file)).unwrap();
        for never in ["CANARY FIGURE", "person-canary", "membership-canary"] {
            assert!(!text.contains(never), "{file} names {never}");
        }
    }
    let md = std::fs::read_to_string(second.dir.join("CHANGES.md")).unwrap();
    assert!(
        md.contains(&format!("{} more statements of the previous release are no longer public", c.summary.withheld)),
        "{md}"
    );
    verify_release(&second.dir, None).unwrap();
    std::fs::remove_dir_all(dir).unwrap();
}

#[tokio::test]
async fn verification_names_the_first_file_that_does_not_match() {
    let dir = temp_dir("verify");
    let store = bundled_store().await;
    let key = key(&dir);
    let release = cut_release(&store, &options(&dir, &key), |_| {}).await.unwrap();
    let other = temp_dir("verify-other-key");
    let stranger = lookout_release::release::public_key_of(&self::key(&other).public_key()).unwrap();
    let err = verify_release(&release.dir, Some(&stranger)).unwrap_err();
    assert!(matches!(&err, ReleaseError::Mismatch { file, .. } if file == "manifest.json"), "{err}");

    let geojson = release.dir.join("lookout.geojson");
    let mut bytes = std::fs::read(&geojson).unwrap();
    bytes[100] ^= 1;
    std::fs::write(&geojson, &bytes).unwrap();
    let err = verify_release(&release.dir, None).unwrap_err();
    assert_eq!(err.to_string(), "lookout.geojson: SHA-256 differs from the manifest's");
    bytes[100] ^= 1;
    std::fs::write(&geojson, &bytes).unwrap();
    std::fs::write(release.dir.join("extra.txt"), "x").unwrap();
    let err = verify_release(&release.dir, None).unwrap_err();
    assert_eq!(err.to_string(), "extra.txt: is not part of the release");
    std::fs::remove_dir_all(dir).unwrap();
    std::fs::remove_dir_all(other).unwrap();
}

#[tokio::test]
async fn a_release_that_fails_leaves_nothing_where_releases_are_listed() {
    let dir = temp_dir("failure");
    let store = bundled_store().await;
    let key = key(&dir);
    let first = cut_release(&store, &options(&dir, &key), |_| {}).await.unwrap();
    // The previous release's CSV was changed after publication: the next release refuses to count
    // its changes from it, and leaves no folder behind.
    std::fs::write(first.dir.join("lookout.csv"), "statement_id\n").unwrap();
    let err = cut_release(&store, &options(&dir, &key), |_| {}).await.unwrap_err();
    assert!(err.to_string().contains("lookout.csv: the previous release's file does not match its manifest"), "{err}");
    let names: Vec<String> = std::fs::read_dir(dir.join("releases"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["2026-12-05"], "no second release and no temporary folder");

    // Something already has the next release's name: a clear error, and it is left as it was.
    let other = temp_dir("failure-exists");
    std::fs::create_dir_all(other.join("releases")).unwrap();
    std::fs::write(other.join("releases/2026-12-05"), "not a release").unwrap();
    let err = cut_release(&store, &options(&other, &key), |_| {}).await.unwrap_err();
    assert!(matches!(err, ReleaseError::Exists(_)), "{err}");
    assert!(err
        .to_string()
        .ends_with("2026-12-05: a release with this id already exists; releases are never rewritten"));
    assert_eq!(std::fs::read_to_string(other.join("releases/2026-12-05")).unwrap(), "not a release");
    assert_eq!(std::fs::read_dir(other.join("releases")).unwrap().count(), 1, "no temporary folder left");

    // A clock behind the newest release: refused rather than listed out of order.
    let mut yesterday = options(&dir, &key);
    yesterday.day = "2026-12-04".into();
    let err = cut_release(&store, &yesterday, |_| {}).await.unwrap_err();
    assert!(err.to_string().contains("the newest release is dated after today (2026-12-04)"), "{err}");
    std::fs::remove_dir_all(dir).unwrap();
    std::fs::remove_dir_all(other).unwrap();
}
