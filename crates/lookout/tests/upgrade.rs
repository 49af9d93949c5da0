//! Upgrades: every data directory kept in `tests/fixtures/upgrade/` (one per schema this project
//! has shipped, made by `scripts/make_upgrade_fixture.sh`) opens in this build, is migrated,
//! serves its record, keeps its audit chain and documents, and restores as a backup.

mod common;

use std::path::{Path, PathBuf};

use common::{files_in, lookout, stderr, stdout, workspace, Server, TempDir};

fn fixtures() -> Vec<PathBuf> {
    let dir = workspace().join("tests/fixtures/upgrade");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("manifest.json").exists())
        .collect();
    found.sort();
    assert!(!found.is_empty(), "no upgrade fixture in {}", dir.display());
    found
}

/// Copies a fixture's files into a new data directory, as an installation of that version left it.
fn as_data_dir(fixture: &Path, to: &Path) {
    for entry in files_in(fixture) {
        let rel = entry.strip_prefix(fixture).unwrap();
        if rel == Path::new("manifest.json") {
            continue;
        }
        std::fs::create_dir_all(to.join(rel).parent().unwrap()).unwrap();
        std::fs::copy(&entry, to.join(rel)).unwrap();
    }
}

/// What a visitor and an analyst see of a fixture's record.
fn check_serves(dir: &Path, fixture: &Path) {
    let name = fixture.file_name().unwrap().to_string_lossy().into_owned();
    let server = Server::start(dir);
    let (status, _, page) = server.get("/stations/ST033");
    assert_eq!(status, 200, "{name}");
    assert!(page.contains("Rotterdam"), "{name}: {page}");
    let (status, _, page) = server.get("/bureaus/publicbody-fuzhou-psb?lang=zh");
    assert_eq!(status, 200, "{name}");
    assert!(page.contains("福州市公安局"), "{name}");
    let (status, _, page) = server.get("/search?q=Rotterdam");
    assert_eq!(status, 200, "{name}");
    assert!(page.contains("/stations/ST033"), "{name}");
    drop(server);
    let o = lookout(dir, &["audit", "verify"]);
    assert!(o.status.success(), "{name}: {}", stderr(&o));
}

/// The newest migration of this build: the number that starts the last file of the migrations.
fn current_schema() -> u32 {
    let dir = workspace().join("crates/lookout-store/migrations/sqlite");
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_string_lossy().split('_').next()?.parse().ok())
        .max()
        .unwrap()
}

#[test]
fn the_current_schema_has_a_fixture() {
    let schema = current_schema();
    assert!(
        fixtures().iter().any(|f| f.to_string_lossy().ends_with(&format!("-schema{schema}"))),
        "no fixture of schema {schema} in tests/fixtures/upgrade: run scripts/make_upgrade_fixture.sh and commit it"
    );
}

#[test]
fn every_fixture_opens_migrates_serves_and_restores() {
    for fixture in fixtures() {
        let name = fixture.file_name().unwrap().to_string_lossy().into_owned();
        let root = TempDir::new("upgrade");
        let o = lookout(root.path(), &["backup", "verify", fixture.to_str().unwrap()]);
        assert!(o.status.success(), "{name} is damaged: {}", stderr(&o));

        // Opened in place, as an installation upgraded by replacing the binary.
        let dir = root.path().join("in-place");
        as_data_dir(&fixture, &dir);
        check_serves(&dir, &fixture);
        let o = lookout(&dir, &["index", "rebuild"]);
        assert!(o.status.success() && stdout(&o).contains("1 documents indexed"), "{name}: {}", stderr(&o));
        let o = lookout(&dir, &["search", "鹿特丹"]);
        assert!(stdout(&o).contains("news.example"), "{name}: {}{}", stdout(&o), stderr(&o));

        // Restored as a backup of that version.
        let restored = root.path().join("restored");
        let o = lookout(&restored, &["restore", fixture.to_str().unwrap()]);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        check_serves(&restored, &fixture);
    }
}
