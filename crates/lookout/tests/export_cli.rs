//! `lookout export` in every format; FtM checked with the real `followthemoney` package.

mod common;

use std::process::Command;

use common::*;

fn seeded() -> TempDir {
    let dir = TempDir::new("export");
    import_bundled_csv(dir.path());
    dir
}

#[test]
fn ftm_export_is_accepted_by_followthemoney() {
    let dir = seeded();
    let out = dir.path().join("record.ftm.jsonl");
    let o = lookout(dir.path(), &["export", "--format", "ftm", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.lines().count() > 250);
    let Some(python) = validator_python() else { return };
    validate(&python, "validate_ftm.py", &out);
}

#[test]
fn an_ftm_export_imports_into_another_store() {
    let dir = seeded();
    let out = dir.path().join("record.ftm.jsonl");
    assert!(lookout(dir.path(), &["export", "--format", "ftm", "--out", out.to_str().unwrap()]).status.success());
    let other = TempDir::new("export-reimport");
    let o = lookout(other.path(), &["import", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stats(other.path());
    assert_eq!(s["entities_by_schema"]["PublicBody"], 4);
    assert_eq!(
        s["entities_by_schema"]["Organization"],
        107 + 17,
        "stations and their hosts travel as FtM organisations"
    );
    assert_eq!(s["entities_by_schema"]["Link"], 56 + 18, "operations and hostings travel as FtM UnknownLinks");
    assert!(stderr(&o).contains("skipped 99 entities of FtM schema Event"), "{}", stderr(&o));
}

#[test]
fn the_validator_itself_rejects_bad_ftm() {
    let Some(python) = validator_python() else { return };
    let dir = TempDir::new("ftm-bad");
    let bad = dir.write(
        "bad.jsonl",
        "{\"id\":\"a\",\"schema\":\"Organization\",\"properties\":{\"name\":[\"A\"],\"country\":[\"xq\"]}}\n",
    );
    let v = Command::new(python).arg(workspace().join("scripts/validate_ftm.py")).arg(&bad).output().unwrap();
    assert!(!v.status.success());
    assert!(String::from_utf8_lossy(&v.stdout).contains("country values invalid"));
}

#[test]
fn geojson_csv_and_json_exports_are_written_atomically_and_parse() {
    let dir = seeded();
    let geo = dir.path().join("stations.geojson");
    let o = lookout(dir.path(), &["export", "--format", "geojson", "--out", geo.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&geo).unwrap()).unwrap();
    assert_eq!(doc["type"], "FeatureCollection");
    assert_eq!(doc["features"].as_array().unwrap().len(), 107);
    assert!(std::fs::read_dir(dir.path()).unwrap().all(|e| !e
        .unwrap()
        .file_name()
        .to_string_lossy()
        .ends_with(".partial")));
    if let Some(python) = validator_python() {
        validate(&python, "validate_geojson.py", &geo);
    }

    let o = lookout(dir.path(), &["export", "--format", "csv"]);
    assert!(o.status.success());
    let csv = stdout(&o);
    assert!(csv.starts_with("statement_id,entity_id,schema,prop,value"));
    assert_eq!(csv.lines().count() as u64 - 1, stats(dir.path())["statements"].as_u64().unwrap());

    let o = lookout(dir.path(), &["export", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["format"], "lookout-statements/1");
    assert!(json["sources"].as_array().unwrap().len() > 100);

    let o = lookout(dir.path(), &["export", "--format", "yaml"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("invalid value 'yaml'"));
}

#[test]
fn stats_prints_counts() {
    let dir = seeded();
    let o = lookout(dir.path(), &["stats"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.contains("Station") && text.contains("107"));
    assert!(text.contains("countries") && text.contains("statements"));
    let s = stats(dir.path());
    assert_eq!(s["countries"], 44, "{s}");
}

#[test]
fn the_data_directory_can_come_from_the_environment() {
    let dir = seeded();
    let o = Command::new(env!("CARGO_BIN_EXE_lookout"))
        .args(["stats", "--json"])
        .env("LOOKOUT_DATA_DIR", dir.path())
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let s: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(s["entities_by_schema"]["Station"], 107);
}

#[test]
fn match_explains_and_scores_judged_pairs() {
    let dir = TempDir::new("match");
    let o = lookout(dir.path(), &["match", "Fuzhou Public Security Bureau", "福州市公安局"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains(": match") && text.contains("+ place: 福州 = fuzhou") && text.contains("+ kind:"), "{text}");
    let o = lookout(dir.path(), &["match", "Fujian Fuzhou PSB", "抚州市公安局"]);
    assert!(stdout(&o).contains("no match"), "{}", stdout(&o));
    let o = lookout(dir.path(), &["match", "Fuzhou PSB", "抚州市公安局"]);
    assert!(stdout(&o).contains("a province would tell them apart"), "{}", stdout(&o));
    let pairs = dir.write(
        "pairs.jsonl",
        "{\"left\": {\"id\": \"a\", \"schema\": \"Person\", \"properties\": {\"name\": [\"宋林金\"]}}, \"right\": {\"id\": \"b\", \"schema\": \"Person\", \"properties\": {\"name\": [\"Song Linjin\"]}}, \"judgement\": \"positive\", \"group\": \"p\"}\n\
         {\"left\": {\"id\": \"c\", \"schema\": \"PublicBody\", \"properties\": {\"name\": [\"浦阳市公安局\"]}}, \"right\": {\"id\": \"d\", \"schema\": \"PublicBody\", \"properties\": {\"name\": [\"濮阳市公安局\"]}}, \"judgement\": \"negative\", \"group\": \"h\"}\n",
    );
    let o = lookout(dir.path(), &["match", "--pairs", pairs.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["match"], true);
    assert_eq!(lines[1]["match"], false);
    assert!(lines[0]["score"].as_f64().unwrap() <= 1.0);
    let bad = dir.write("bad.jsonl", "{\"left\": {}}\n");
    let o = lookout(dir.path(), &["match", "--pairs", bad.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("line 1: left.properties.name[0] is missing"), "{}", stderr(&o));
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    let dir = seeded();
    // Both write far more than a pipe holds, so the closed pipe is really met.
    for args in [vec!["export", "--format", "csv"], vec!["export", "--format", "ftm"]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_lookout"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 8];
        child.stdout.as_mut().unwrap().read_exact(&mut first).unwrap();
        drop(child.stdout.take()); // like `| head -c 8`
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stderr.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
}
