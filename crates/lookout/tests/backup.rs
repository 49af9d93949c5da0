//! Backups of a live installation, their check, and restores: a restored copy serves the same
//! pages, finds the same documents and its audit chain verifies; a damaged backup is named and
//! never restored; nothing is overwritten.

mod common;

use std::path::Path;

use common::desk::{add_account, report_ids, submit_report};
use common::{files_in, lookout, stderr, stdout, Server, TempDir};

/// Pages a visitor reads, compared byte for byte between an installation and its restored copy.
const PAGES: [&str; 8] = [
    "/",
    "/stations",
    "/stations/ST039",
    "/stations/ST033?lang=zh",
    "/bureaus/publicbody-fuzhou-psb",
    "/search?q=%E9%B9%BF%E7%89%B9%E4%B8%B9",
    "/responses",
    "/api/v1/stations/ST033",
];

/// An installation with the bundled record, a reviewer and an ingested document.
fn installation(dir: &Path) {
    let server = Server::start(dir);
    drop(server);
    add_account(dir, "ana", "reviewer");
    let doc = dir.join("..").join(format!("{}-rotterdam.txt", dir.file_name().unwrap().to_string_lossy()));
    std::fs::write(
        &doc,
        "The overseas police station in Rotterdam was ordered closed.\n据报道，福州市公安局在鹿特丹设立了海外警务服务站。\n",
    )
    .unwrap();
    let o = lookout(dir, &["ingest", doc.to_str().unwrap(), "--url", "https://news.example/nl", "--by", "ana"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

fn pages(dir: &Path) -> Vec<String> {
    let server = Server::start(dir);
    PAGES
        .iter()
        .map(|p| {
            let (status, _, body) = server.get(p);
            assert_eq!(status, 200, "{p}");
            body
        })
        .collect()
}

#[test]
fn a_backup_of_a_running_server_restores_to_the_same_site() {
    let root = TempDir::new("backup");
    let live = root.path().join("live");
    installation(&live);
    let before = pages(&live);

    // A report (sealed to the reviewer) is in the installation too.
    let server = Server::start(&live);
    submit_report(&server.base, "someone from the association came to my door", &[]);
    let reports = report_ids(&live);
    assert_eq!(reports.len(), 1);

    // Backed up while the server runs.
    let backup = root.path().join("backup");
    let o = lookout(&live, &["backup", backup.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("backup written to"), "{}", stdout(&o));
    drop(server);
    let manifest = std::fs::read_to_string(backup.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"lookout.db\"") && manifest.contains("\"evidence/"), "{manifest}");
    assert!(!manifest.contains("index/"), "the index is rebuilt, not copied");
    assert!(std::fs::read_dir(root.path()).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .starts_with('.')));
    let o = lookout(&live, &["backup", "verify", backup.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("backup verified"), "{}", stdout(&o));

    // Restored into an empty data directory: the same pages, the same documents, the chain holds.
    let restored = root.path().join("restored");
    let o = lookout(&restored, &["restore", backup.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("1 documents indexed") && stdout(&o).contains("audit log verified"), "{}", stdout(&o));
    assert_eq!(pages(&restored), before, "the restored copy serves other pages");
    let o = lookout(&restored, &["audit", "verify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(report_ids(&restored), reports, "the sealed report is restored");
    let o = lookout(&restored, &["search", "Rotterdam"]);
    assert!(o.status.success() && stdout(&o).contains("news.example"), "{}{}", stdout(&o), stderr(&o));

    // Nothing is overwritten.
    let o = lookout(&restored, &["restore", backup.to_str().unwrap()]);
    assert!(!o.status.success() && stderr(&o).contains("is not empty"), "{}", stderr(&o));
    let o = lookout(&live, &["backup", backup.to_str().unwrap()]);
    assert!(!o.status.success() && stderr(&o).contains("already exists"), "{}", stderr(&o));
}

#[test]
fn a_damaged_backup_is_named_and_never_restored() {
    let root = TempDir::new("backup-damaged");
    let live = root.path().join("live");
    installation(&live);
    let backup = root.path().join("backup");
    assert!(lookout(&live, &["backup", backup.to_str().unwrap()]).status.success());

    let evidence = files_in(&backup.join("evidence"))
        .into_iter()
        .find(|p| !p.to_string_lossy().ends_with(".capture.json"))
        .unwrap();
    let original = std::fs::read(&evidence).unwrap();
    let mut flipped = original.clone();
    flipped[0] ^= 1;
    std::fs::write(&evidence, &flipped).unwrap();
    let name = evidence.strip_prefix(&backup).unwrap().to_string_lossy().into_owned();
    let o = lookout(&live, &["backup", "verify", backup.to_str().unwrap()]);
    assert!(!o.status.success() && stderr(&o).contains(&name), "{}", stderr(&o));
    let target = root.path().join("restored");
    let o = lookout(&target, &["restore", backup.to_str().unwrap()]);
    assert!(!o.status.success() && stderr(&o).contains(&name), "{}", stderr(&o));
    assert!(!target.join("lookout.db").exists(), "nothing is restored from a damaged backup");
    std::fs::write(&evidence, &original).unwrap();

    std::fs::write(backup.join("evidence").join("planted.txt"), "x").unwrap();
    let o = lookout(&live, &["backup", "verify", backup.to_str().unwrap()]);
    assert!(
        !o.status.success() && stderr(&o).contains("evidence/planted.txt is not in the manifest"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_file(backup.join("evidence").join("planted.txt")).unwrap();

    // A link planted in a backup would restore a file from outside it: named, never followed.
    let secret = root.path().join("secret.txt");
    std::fs::write(&secret, "not the installation's").unwrap();
    std::os::unix::fs::symlink(&secret, backup.join("evidence").join("link.txt")).unwrap();
    let o = lookout(&live, &["backup", "verify", backup.to_str().unwrap()]);
    assert!(
        !o.status.success() && stderr(&o).contains("evidence/link.txt") && stderr(&o).contains("symbolic link"),
        "{}",
        stderr(&o)
    );
    let o = lookout(&target, &["restore", backup.to_str().unwrap()]);
    assert!(!o.status.success() && stderr(&o).contains("evidence/link.txt"), "{}", stderr(&o));
    assert!(!target.join("lookout.db").exists(), "nothing is restored from a backup holding a link");
    std::fs::remove_file(backup.join("evidence").join("link.txt")).unwrap();

    // A database swapped for a link to a copy of itself matches its checksum, and is refused.
    let elsewhere = root.path().join("elsewhere.db");
    std::fs::rename(backup.join("lookout.db"), &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, backup.join("lookout.db")).unwrap();
    let o = lookout(&live, &["backup", "verify", backup.to_str().unwrap()]);
    assert!(
        !o.status.success() && stderr(&o).contains("lookout.db in the backup is a symbolic link"),
        "{}",
        stderr(&o)
    );
    std::fs::remove_file(backup.join("lookout.db")).unwrap();
    std::fs::rename(&elsewhere, backup.join("lookout.db")).unwrap();
    assert!(lookout(&live, &["backup", "verify", backup.to_str().unwrap()]).status.success());

    // And one in the data folder is not copied into a backup.
    std::os::unix::fs::symlink(&secret, live.join("evidence").join("link.txt")).unwrap();
    let second = root.path().join("second");
    let o = lookout(&live, &["backup", second.to_str().unwrap()]);
    assert!(
        !o.status.success() && stderr(&o).contains("evidence/link.txt") && stderr(&o).contains("symbolic link"),
        "{}",
        stderr(&o)
    );
    assert!(!second.exists(), "a refused backup leaves nothing");
    let left: Vec<_> = std::fs::read_dir(root.path())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.starts_with(".second"))
        .collect();
    assert!(left.is_empty(), "no partial backup is left: {left:?}");
    std::fs::remove_file(live.join("evidence").join("link.txt")).unwrap();

    // A database damaged in place, its checksum forged to match, is still found out.
    let db = backup.join("lookout.db");
    let mut bytes = std::fs::read(&db).unwrap();
    let at = bytes.len() / 2;
    bytes[at..at + 4096].fill(0x5a);
    std::fs::write(&db, &bytes).unwrap();
    let manifest = std::fs::read_to_string(backup.join("manifest.json")).unwrap();
    let old = manifest
        .split("\"lookout.db\"")
        .nth(1)
        .unwrap()
        .split("\"sha256\": \"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let new: String = sha256_hex(&bytes);
    std::fs::write(backup.join("manifest.json"), manifest.replace(&old, &new)).unwrap();
    let o = lookout(&live, &["backup", "verify", backup.to_str().unwrap()]);
    assert!(!o.status.success() && stderr(&o).contains("lookout.db"), "{}", stderr(&o));
}

#[test]
fn index_rebuild_makes_the_documents_searchable_again() {
    let root = TempDir::new("index-rebuild");
    let live = root.path().join("live");
    installation(&live);
    std::fs::remove_dir_all(live.join("index")).unwrap();
    let o = lookout(&live, &["search", "鹿特丹"]);
    assert!(!stdout(&o).contains("news.example"), "{}", stdout(&o));
    let o = lookout(&live, &["index", "rebuild"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("1 documents indexed, 0 without a readable original"), "{}", stdout(&o));
    let o = lookout(&live, &["search", "鹿特丹"]);
    assert!(stdout(&o).contains("news.example"), "{}{}", stdout(&o), stderr(&o));
    // A damaged index is set aside, not deleted, and made again.
    std::fs::write(live.join("index").join("documents").join("meta.json"), "{not json").unwrap();
    let o = lookout(&live, &["index", "rebuild"]);
    assert!(o.status.success() && stderr(&o).contains("set aside"), "{}", stderr(&o));
    let o = lookout(&live, &["search", "Rotterdam"]);
    assert!(stdout(&o).contains("news.example"), "{}{}", stdout(&o), stderr(&o));
}

fn sha256_hex(bytes: &[u8]) -> String {
    let out = std::process::Command::new("sha256sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin.take().unwrap().write_all(bytes)?;
            c.wait_with_output()
        })
        .unwrap();
    String::from_utf8_lossy(&out.stdout).split_whitespace().next().unwrap().to_string()
}
