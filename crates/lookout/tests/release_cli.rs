//! `lookout release`: a key made with a password, a release cut and signed, checked by stock
//! `minisign` and `sha256sum` as a reader would, and by `lookout release verify`; bad keys,
//! passwords and a full disk leave no release behind; `serve` lists and serves the release and
//! feeds the record's changes as Atom.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::desk::lookout_with_input;
use common::*;

const PASSWORD: &str = "release key password\n";

/// Whether stock minisign is installed (CI installs it: `.ci/run`).
fn stock_minisign() -> bool {
    let ok = Command::new("minisign").arg("-v").output().is_ok_and(|o| o.status.success());
    assert!(ok || std::env::var_os("CI").is_none(), "CI must have minisign (see .ci/run)");
    if !ok {
        eprintln!("skipping the stock minisign checks: minisign is not installed");
    }
    ok
}

fn seeded_with_key(tag: &str) -> (TempDir, PathBuf) {
    let dir = TempDir::new(tag);
    import_bundled_csv(dir.path());
    let key = dir.path().join("release.key");
    let o = lookout_with_input(dir.path(), &["release", "keygen", "--key", key.to_str().unwrap()], PASSWORD);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).trim().starts_with("RW"), "prints the public key: {}", stdout(&o));
    (dir, key)
}

fn cut(dir: &Path, key: &Path) -> PathBuf {
    let o = lookout_with_input(dir, &["release", "--key", key.to_str().unwrap()], PASSWORD);
    assert!(o.status.success(), "{}", stderr(&o));
    dir.join("releases").join(stdout(&o).trim())
}

fn minisign_verifies(release: &Path, file: &str) -> bool {
    Command::new("minisign")
        .args(["-Vm", file, "-p", "lookout.pub"])
        .current_dir(release)
        .output()
        .unwrap()
        .status
        .success()
}

fn sha256sum_checks(release: &Path) -> (bool, String) {
    let o = Command::new("sha256sum").args(["-c", "SHA256SUMS"]).current_dir(release).output().unwrap();
    (o.status.success(), String::from_utf8_lossy(&o.stdout).into_owned())
}

fn listed(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir.join("releases")) else { return Vec::new() };
    let mut names: Vec<String> = entries.map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn stock_tools_verify_a_release_and_reject_a_changed_byte() {
    let (dir, key) = seeded_with_key("release-stock");
    let release = cut(dir.path(), &key);
    assert!(release.ends_with(lookout_core_day()), "a release is named by its day: {}", release.display());
    let o = lookout(
        dir.path(),
        &["release", "verify", release.to_str().unwrap(), "--public-key", &format!("{}.pub", key.display())],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("signature good, 9 files match the signed manifest"), "{}", stdout(&o));
    if let Some(python) = validator_python() {
        validate(&python, "validate_cff.py", &release.join("CITATION.cff"));
    }
    let (ok, out) = sha256sum_checks(&release);
    assert!(ok && out.contains("lookout.csv: OK") && out.contains("manifest.json: OK"), "{out}");

    let geojson = release.join("lookout.geojson");
    let mut bytes = std::fs::read(&geojson).unwrap();
    bytes[200] ^= 0x20;
    std::fs::write(&geojson, &bytes).unwrap();
    let (ok, out) = sha256sum_checks(&release);
    assert!(!ok && out.contains("lookout.geojson: FAILED"), "{out}");
    let o = lookout(dir.path(), &["release", "verify", release.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("lookout.geojson: SHA-256 differs from the manifest's"), "{}", stderr(&o));

    if stock_minisign() {
        assert!(minisign_verifies(&release, "manifest.json"), "stock minisign accepts the signed manifest");
        assert!(minisign_verifies(&release, "SHA256SUMS"), "and the signed checksum list");
        let manifest = release.join("manifest.json");
        let original = std::fs::read(&manifest).unwrap();
        let changed =
            String::from_utf8(original.clone()).unwrap().replacen("\"statements\": 4", "\"statements\": 5", 1);
        assert_ne!(changed.as_bytes(), original.as_slice());
        std::fs::write(&manifest, changed).unwrap();
        assert!(!minisign_verifies(&release, "manifest.json"), "stock minisign rejects a changed byte");
        let o = lookout(dir.path(), &["release", "verify", release.to_str().unwrap()]);
        assert!(stderr(&o).contains("manifest.json: signature"), "{}", stderr(&o));
    }
}

fn lookout_core_day() -> String {
    let o = Command::new("date").args(["-u", "+%Y-%m-%d"]).output().unwrap();
    String::from_utf8(o.stdout).unwrap().trim().to_string()
}

#[test]
fn bad_keys_and_passwords_leave_no_release() {
    let (dir, key) = seeded_with_key("release-bad-keys");
    let missing = dir.path().join("none.key");
    let o = lookout_with_input(dir.path(), &["release", "--key", missing.to_str().unwrap()], PASSWORD);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("none.key: no such key file (create one with `lookout release keygen"),
        "{}",
        stderr(&o)
    );
    let o = lookout_with_input(dir.path(), &["release", "--key", key.to_str().unwrap()], "not the password\n");
    assert!(!o.status.success());
    assert!(stderr(&o).contains("release.key: wrong password for this key"), "{}", stderr(&o));
    let o = lookout_with_input(dir.path(), &["release", "--key", key.to_str().unwrap()], "\n");
    assert!(stderr(&o).contains("no password given"), "{}", stderr(&o));
    let o = lookout_with_input(dir.path(), &["release", "keygen", "--key", key.to_str().unwrap()], PASSWORD);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("release.key: already exists; a key is never overwritten"), "{}", stderr(&o));
    assert!(listed(dir.path()).is_empty(), "no release: {:?}", listed(dir.path()));
    let o = lookout(dir.path(), &["release"]);
    assert!(!o.status.success() && stderr(&o).contains("--key"), "{}", stderr(&o));
    let empty = TempDir::new("release-empty");
    let o = lookout_with_input(empty.path(), &["release", "--key", key.to_str().unwrap()], PASSWORD);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("the record is empty, nothing to release"), "{}", stderr(&o));
    assert!(listed(empty.path()).is_empty());
}

#[test]
fn a_full_disk_mid_release_leaves_nothing_listed_and_the_next_release_works() {
    let (dir, key) = seeded_with_key("release-full-disk");
    // A file-size limit makes every write past 200 KiB fail as a full disk would (SIGXFSZ is
    // ignored, so the write returns an error instead of killing the process).
    let script = format!(
        "ulimit -f 200; trap '' XFSZ; printf '{}' | exec {} --data-dir {} release --key {}",
        PASSWORD.replace('\n', "\\n"),
        env!("CARGO_BIN_EXE_lookout"),
        dir.path().display(),
        key.display()
    );
    let o = Command::new("bash").args(["-c", &script]).output().unwrap();
    assert!(!o.status.success(), "the release cannot succeed");
    let err = stderr(&o);
    assert!(err.contains("lookout.csv") && err.contains("File too large"), "names the file: {err}");
    assert!(listed(dir.path()).is_empty(), "no release and no temporary folder: {:?}", listed(dir.path()));
    let release = cut(dir.path(), &key);
    assert_eq!(listed(dir.path()), [release.file_name().unwrap().to_string_lossy()]);
}

#[test]
fn serve_lists_serves_and_feeds_releases_and_changes() {
    let (dir, key) = seeded_with_key("release-serve");
    let first = cut(dir.path(), &key);
    let second = cut(dir.path(), &key);
    let server = Server::start(dir.path());
    let (status, _, page) = server.get("/data");
    assert_eq!(status, 200);
    let id = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
    let (a, b) = (page.find(&format!("Release {}<", id(&second))), page.find(&format!("Release {}<", id(&first))));
    assert!(a.is_some() && b.is_some() && a < b, "both listed, newest first");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(second.join("manifest.json")).unwrap()).unwrap();
    let key_text = manifest["public_key"].as_str().unwrap();
    assert!(page.contains(key_text), "the public key is shown");
    let csv_sha = manifest["files"].as_array().unwrap().iter().find(|f| f["name"] == "lookout.csv").unwrap()["sha256"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(page.contains(&csv_sha), "checksums are shown");
    assert!(page.contains("0 added, 0 withdrawn, 0 changed"), "the second release's changes");

    let (status, headers, body) = server.get(&format!("/data/releases/{}/lookout.csv", id(&second)));
    assert_eq!(status, 200);
    assert_eq!(body.as_bytes(), std::fs::read(second.join("lookout.csv")).unwrap().as_slice(), "served as written");
    assert_eq!(header(&headers, "etag"), Some(format!("\"{csv_sha}\"").as_str()));
    for path in [
        format!("/data/releases/{}/..%2Frelease.key", id(&second)),
        format!("/data/releases/{}/release.key", id(&second)),
        "/data/releases/..%2F..%2Frelease.key/lookout.csv".to_string(),
        "/data/releases/2020-01-01/lookout.csv".to_string(),
    ] {
        assert_eq!(server.get(&path).0, 404, "{path}");
    }

    let (status, _, api) = server.get("/api/v1/releases");
    assert_eq!(status, 200);
    let api: serde_json::Value = serde_json::from_str(&api).unwrap();
    assert_eq!(api["data"][0]["id"], id(&second));
    assert_eq!(api["data"][0]["previous"], id(&first));
    assert_eq!(api["data"][1]["entities"]["Station"], 107);
    assert_eq!(api["data"][0]["public_key"], key_text);

    for path in ["/changes.atom", "/stations/ST033/changes.atom", "/countries/NL/changes.atom"] {
        let (status, headers, feed) = server.get(path);
        assert_eq!(status, 200, "{path}");
        assert!(header(&headers, "content-type").unwrap().starts_with("application/atom+xml"));
        assert!(feed.contains("<entry>"), "{path} has entries");
        if let Some(python) = validator_python() {
            let file = dir.write("feed.atom", &feed);
            validate(&python, "validate_atom.py", &file);
        }
    }
    let (_, _, station) = server.get("/stations/ST033/changes.atom");
    assert!(station.contains("<id>urn:lookout:changes:station-ST033</id>"));
    assert!(station.contains("Rotterdam"), "entries name the station");
    assert_eq!(server.get("/stations/ST999/changes.atom").0, 404);
    assert_eq!(server.get("/countries/XQ/changes.atom").0, 404);
    let (_, _, html) = server.get("/stations/ST033");
    assert!(html.contains("href=\"/stations/ST033/changes.atom\""), "the station page links its feed");
}

#[test]
fn the_validators_themselves_reject_bad_atom_and_citations() {
    let Some(python) = validator_python() else { return };
    let dir = TempDir::new("release-validators");
    let feed = dir.write(
        "bad.atom",
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><updated>2026-12-05T00:00:00Z</updated><author><name>a</name></author><entry><id>relative</id><title>x</title><updated>yesterday</updated></entry></feed>",
    );
    let v = Command::new(&python).arg(workspace().join("scripts/validate_atom.py")).arg(&feed).output().unwrap();
    let out = String::from_utf8_lossy(&v.stdout);
    assert!(!v.status.success(), "{out}");
    assert!(
        out.contains("feed: 0 atom:id elements")
            && out.contains("is not an absolute IRI")
            && out.contains("not an RFC 3339"),
        "{out}"
    );
    let cff = dir.write("CITATION.cff", "cff-version: 1.2.0\nmessage: m\ntitle: t\n");
    let v = Command::new(&python).arg(workspace().join("scripts/validate_cff.py")).arg(&cff).output().unwrap();
    assert!(!v.status.success(), "a citation without authors is invalid: {}", String::from_utf8_lossy(&v.stdout));
}
