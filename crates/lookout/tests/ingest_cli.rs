//! `lookout ingest` as a user runs it: evidence kept once, mentions as JSON, bad files named.

mod common;

use common::*;

fn corpus() -> std::path::PathBuf {
    workspace().join("crates/lookout-ingest/tests/corpus")
}

#[test]
fn documents_are_kept_once_as_evidence_with_their_mentions() {
    let dir = TempDir::new("ingest");
    let file = corpus().join("zh-report.txt");
    let o = lookout(
        dir.path(),
        &["ingest", "--json", "--url", "https://example.org/a", "--by", "ana", file.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    let sha = doc["id"].as_str().unwrap();
    assert_eq!(sha.len(), 64);
    assert_eq!((doc["language"].as_str(), doc["url"].as_str()), (Some("zh"), Some("https://example.org/a")));
    let mentions = doc["mentions"].as_array().unwrap();
    let psb = mentions.iter().find(|m| m["text"] == "福州市公安局").expect("the bureau");
    assert_eq!(
        (psb["kind"].as_str(), psb["start"].as_u64(), psb["end"].as_u64()),
        (Some("organisation"), Some(4), Some(10))
    );
    // Offsets are characters of the document's text.
    let text: Vec<char> = std::fs::read_to_string(&file).unwrap().chars().collect();
    for m in mentions {
        let (start, end) = (m["start"].as_u64().unwrap() as usize, m["end"].as_u64().unwrap() as usize);
        assert_eq!(text[start..end].iter().collect::<String>(), m["text"].as_str().unwrap(), "{m}");
    }
    let figure = mentions.iter().find(|m| m["text"] == "23万人").expect("the figure");
    assert_eq!((figure["value"].as_f64(), figure["unit"].as_str()), (Some(230000.0), Some("人")));
    let original = dir.path().join("evidence").join(&sha[..2]).join(sha);
    assert_eq!(std::fs::read(&original).unwrap(), std::fs::read(&file).unwrap());
    let capture: serde_json::Value =
        serde_json::from_slice(&std::fs::read(original.with_extension("capture.json")).unwrap()).unwrap();
    assert_eq!(
        (capture["captured_by"].as_str(), capture["original_name"].as_str()),
        (Some("ana"), Some("zh-report.txt"))
    );
    assert!(capture["tool"].as_str().unwrap().starts_with("lookout "));
    let modified = std::fs::metadata(&original).unwrap().modified().unwrap();
    // The same bytes again: nothing changes.
    let o = lookout(dir.path(), &["ingest", file.to_str().unwrap()]);
    assert!(o.status.success() && stdout(&o).contains("(already kept)"), "{}", stdout(&o));
    assert_eq!(std::fs::metadata(&original).unwrap().modified().unwrap(), modified);
    let kept_dirs =
        std::fs::read_dir(dir.path().join("evidence")).unwrap().filter(|e| e.as_ref().unwrap().path().is_dir()).count();
    assert_eq!(kept_dirs, 1);
}

#[test]
fn bad_files_are_named_and_leave_nothing_behind() {
    let dir = TempDir::new("ingest-bad");
    let files = TempDir::new("ingest-bad-files");
    let good = files.write("good.txt", "The Fuzhou PSB opened 2 stations in Prato in October 2022.");
    let empty = files.write("empty.txt", "");
    std::fs::write(files.0.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    std::fs::write(files.0.join("latin1.txt"), b"caf\xe9 in Prato").unwrap();
    std::fs::write(files.0.join("corrupt.pdf"), b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF garbage").unwrap();
    let _ = (good, empty);
    let o = lookout(dir.path(), &["ingest", files.path().to_str().unwrap()]);
    assert!(!o.status.success());
    let err = stderr(&o);
    for expected in [
        "empty.txt: the file is empty",
        "binary.txt: a binary file, not text",
        "latin1.txt: invalid UTF-8 at byte 3",
        "corrupt.pdf: a damaged PDF file",
        "ingested 1 of 5 documents (1 new)",
    ] {
        assert!(err.contains(expected), "{expected:?} not in:\n{err}");
    }
    // Only the good document is kept.
    let kept =
        std::fs::read_dir(dir.path().join("evidence")).unwrap().filter(|e| e.as_ref().unwrap().path().is_dir()).count();
    assert_eq!(kept, 1);
}

#[test]
fn a_large_file_is_kept_whole_and_read_up_to_the_limit() {
    let dir = TempDir::new("ingest-large");
    let files = TempDir::new("ingest-large-files");
    let line = "Investigators in Rotterdam counted 54 police stations in 30 countries in September 2022.\n";
    let big = files.write("big.txt", &line.repeat(60_000)); // about 5.4 MB
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lookout"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["ingest", "--json", big.to_str().unwrap()])
        .env("LOOKOUT_INGEST_TEXT_LIMIT", "1000000")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["truncated"], true);
    assert_eq!(doc["size"].as_u64(), Some(std::fs::metadata(&big).unwrap().len()));
    let sha = doc["id"].as_str().unwrap();
    let kept = dir.path().join("evidence").join(&sha[..2]).join(sha);
    assert_eq!(
        std::fs::metadata(kept).unwrap().len(),
        std::fs::metadata(&big).unwrap().len(),
        "the whole original is kept"
    );
    let figures = doc["mentions"].as_array().unwrap().iter().filter(|m| m["kind"] == "figure").count();
    assert!(figures > 1000 && figures < 2 * 60_000, "mentions from the first megabyte only: {figures}");
}

#[test]
fn reposts_are_grouped_under_their_original() {
    let dir = TempDir::new("ingest-reposts");
    let files = TempDir::new("ingest-reposts-files");
    let body = "<p>Investigators in Rotterdam said on 25 October 2022 that two offices had been run by the Fuzhou Public Security Bureau.</p><p>The Dutch foreign ministry ordered them closed, and the police opened an inquiry into pressure on residents to return.</p><p>A spokesman said more reports were expected in the coming weeks, and that people who were approached should come forward.</p>";
    let original = files.write(
        "a-original.html",
        &format!("<html><body><nav>News | World</nav><main>{body}</main><footer>(c) A</footer></body></html>"),
    );
    let repost = files.write("b-repost.html", &format!("<html><body><header>Aggregator</header><article><p>Reposted:</p>{body}<p>Share this.</p></article></body></html>"));
    let other = files.write("c-other.txt", "The Changle Association of America was named in a case in New York, where two men were arrested on 17 April 2023 and charged with acting as agents of a foreign government without notice to the Attorney General.");
    let o = lookout(
        dir.path(),
        &["ingest", "--json", original.to_str().unwrap(), repost.to_str().unwrap(), other.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let docs: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(docs[0].get("near_duplicate_of").is_none());
    assert_eq!(docs[1]["near_duplicate_of"], docs[0]["id"], "the repost points at the original");
    assert!(docs[2].get("near_duplicate_of").is_none());
    // The register keeps it across runs.
    let o = lookout(dir.path(), &["ingest", repost.to_str().unwrap()]);
    assert!(stdout(&o).contains("a near-duplicate of"), "{}", stdout(&o));
}

#[test]
fn documents_become_sources_and_mentions_link_to_stored_bodies() {
    let dir = TempDir::new("ingest-link");
    let bodies = dir.write(
        "bodies.ftm.jsonl",
        "{\"id\": \"psb-fz\", \"schema\": \"PublicBody\", \"properties\": {\"name\": [\"福州市公安局\"]}}\n",
    );
    let o = lookout(dir.path(), &["import", bodies.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let file = corpus().join("en-report.txt");
    let args = [
        "ingest",
        "--json",
        "--url",
        "https://example.org/nl",
        "--published",
        "2022-10-25",
        "--kind",
        "news",
        file.to_str().unwrap(),
    ];
    let o = lookout(dir.path(), &args);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let psb =
        doc["mentions"].as_array().unwrap().iter().find(|m| m["text"] == "Fuzhou Public Security Bureau").unwrap();
    assert_eq!(psb["entity_id"], "psb-fz", "an English mention linked to the body stored under its Chinese name");
    let o = lookout(dir.path(), &["export", "--format", "json"]);
    let export: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let source = export["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["url"] == "https://example.org/nl")
        .expect("the document is a source");
    assert_eq!(
        (source["sha256"].as_str(), source["published"].as_str(), source["kind"].as_str()),
        (doc["id"].as_str(), Some("2022-10-25"), Some("news"))
    );
    // A bad --kind or --published is refused before anything is read or kept.
    let o = lookout(dir.path(), &["ingest", "--kind", "rumour", file.to_str().unwrap()]);
    assert!(!o.status.success() && stderr(&o).contains("--kind"), "{}", stderr(&o));
    let o = lookout(dir.path(), &["ingest", "--published", "2022-02-30", file.to_str().unwrap()]);
    assert!(!o.status.success() && stderr(&o).contains("--published"), "{}", stderr(&o));
}

#[test]
fn actors_known_to_the_store_are_found_by_name_and_proposed_as_named() {
    let dir = TempDir::new("ingest-known-actors");
    let bodies = dir.write(
        "bodies.ftm.jsonl",
        "{\"id\": \"org-ocsn\", \"schema\": \"Organization\", \"properties\": {\"name\": [\"Overseas Chinese Service Network\", \"海外华人服务网络\"]}}\n",
    );
    let o = lookout(dir.path(), &["import", bodies.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc = dir.write(
        "note.txt",
        "A spokesperson for the overseas chinese service network denied any link. 海外华人服务网络未回应。\n",
    );
    let o = lookout(dir.path(), &["ingest", "--json", doc.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let named: Vec<(&str, &str)> = out["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["kind"] == "organisation")
        .map(|m| (m["text"].as_str().unwrap(), m["entity_id"].as_str().unwrap_or("")))
        .collect();
    assert_eq!(named, [("overseas chinese service network", "org-ocsn"), ("海外华人服务网络", "org-ocsn")]);
    let o = lookout(dir.path(), &["review", "list", "--json"]);
    let aliases: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|p| p["kind"] == "body-mention")
        .map(|p| p["summary"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        aliases,
        ["names Overseas Chinese Service Network", "names Overseas Chinese Service Network as “海外华人服务网络”"],
        "names the record has are corroborated as it writes them"
    );
}
