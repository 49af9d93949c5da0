//! `lookout xref`, `decide`, `undo`, `clusters`, the resolved FtM and GEXF exports, and
//! `POST /api/v1/match`, run as a user would run them.

mod common;

use common::*;

const ENTITIES: &str = r#"{"id": "psb-fz-en", "schema": "PublicBody", "properties": {"name": ["Fuzhou Public Security Bureau"], "sourceUrl": ["https://example.org/a"]}}
{"id": "psb-fz-zh", "schema": "PublicBody", "properties": {"name": ["福州市公安局"]}}
{"id": "psb-fz-qualified", "schema": "PublicBody", "properties": {"name": ["福建省福州市公安局"]}}
{"id": "psb-qt", "schema": "PublicBody", "properties": {"name": ["青田县公安局"]}}
{"id": "org-changle-zh", "schema": "Organization", "properties": {"name": ["美国长乐同乡会"]}}
{"id": "org-changle-en", "schema": "Organization", "properties": {"name": ["Changle Hometown Association in the United States"]}}
{"id": "link-1", "schema": "UnknownLink", "properties": {"subject": ["org-changle-zh"], "object": ["psb-fz-zh"], "role": ["liaison"]}}
"#;

fn imported(tag: &str) -> TempDir {
    let dir = TempDir::new(tag);
    let file = dir.write("entities.ftm.jsonl", ENTITIES);
    let o = lookout(dir.path(), &["import", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    dir
}

fn xref_pairs(dir: &TempDir) -> Vec<(String, String, bool)> {
    let o = lookout(dir.path(), &["xref", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["left"].as_str().unwrap().to_string(),
                v["right"].as_str().unwrap().to_string(),
                v["match"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn has(pairs: &[(String, String, bool)], a: &str, b: &str) -> bool {
    pairs.iter().any(|(l, r, m)| *m && ((l == a && r == b) || (l == b && r == a)))
}

#[test]
fn xref_finds_cross_script_duplicates_and_decisions_resolve_them() {
    let dir = imported("xref");
    let pairs = xref_pairs(&dir);
    assert!(has(&pairs, "psb-fz-en", "psb-fz-zh"), "{pairs:?}");
    assert!(has(&pairs, "psb-fz-zh", "psb-fz-qualified"), "{pairs:?}");
    assert!(has(&pairs, "org-changle-en", "org-changle-zh"), "{pairs:?}");
    assert!(!pairs.iter().any(|(l, r, _)| l == "psb-qt" || r == "psb-qt"), "{pairs:?}");

    for (a, b) in [("psb-fz-zh", "psb-fz-en"), ("psb-fz-zh", "psb-fz-qualified")] {
        let o = lookout(dir.path(), &["decide", a, b, "match", "--by", "ana"]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let o = lookout(dir.path(), &["decide", "org-changle-en", "org-changle-zh", "unsure", "--by", "ana"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Decided pairs, and pairs already in one cluster, are not proposed again.
    assert!(xref_pairs(&dir).is_empty(), "{:?}", xref_pairs(&dir));

    let o = lookout(dir.path(), &["clusters"]);
    assert_eq!(stdout(&o).trim(), "psb-fz-en: psb-fz-en psb-fz-qualified psb-fz-zh");

    // FtM: one merged entity with the others as referents; the link points at the canonical id.
    let o = lookout(dir.path(), &["export", "--format", "ftm"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let merged = docs.iter().find(|d| d["id"] == "psb-fz-en").expect("canonical entity");
    assert_eq!(merged["referents"], serde_json::json!(["psb-fz-qualified", "psb-fz-zh"]));
    let names = merged["properties"]["name"].as_array().unwrap();
    assert_eq!(names.len(), 3, "{merged}");
    assert!(!docs.iter().any(|d| d["id"] == "psb-fz-zh"));
    let link = docs.iter().find(|d| d["schema"] == "UnknownLink").unwrap();
    assert_eq!(link["properties"]["object"], serde_json::json!(["psb-fz-en"]));
    if let Some(python) = validator_python() {
        let file = dir.write("resolved.ftm.jsonl", &stdout(&o));
        validate(&python, "validate_ftm.py", &file);
    }

    // GEXF: the merged node carries the merged ids; the edge joins canonical nodes.
    let o = lookout(dir.path(), &["export", "--format", "gexf"]);
    let gexf = stdout(&o);
    assert!(gexf.contains(r#"<node id="psb-fz-en" label="Fuzhou Public Security Bureau">"#), "{gexf}");
    assert!(gexf.contains(r#"value="psb-fz-qualified psb-fz-zh""#), "{gexf}");
    assert!(gexf.contains(r#"source="org-changle-zh" target="psb-fz-en" label="liaison""#), "{gexf}");
    assert!(!gexf.contains(r#"<node id="psb-fz-zh""#), "{gexf}");

    // Undo splits the cluster again; the decision log keeps everything.
    let o = lookout(dir.path(), &["undo", "psb-fz-en", "psb-fz-zh", "--by", "ben"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = lookout(dir.path(), &["clusters"]);
    assert_eq!(stdout(&o).trim(), "psb-fz-qualified: psb-fz-qualified psb-fz-zh");
    assert!(has(&xref_pairs(&dir), "psb-fz-en", "psb-fz-zh"));
}

#[test]
fn bad_decisions_are_refused_and_change_nothing() {
    let dir = imported("decide-bad");
    let o = lookout(dir.path(), &["decide", "psb-fz-en", "psb-nowhere", "match", "--by", "ana"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("no entity psb-nowhere in the store"), "{}", stderr(&o));
    let o = lookout(dir.path(), &["decide", "psb-fz-en", "psb-fz-en", "match", "--by", "ana"]);
    assert!(stderr(&o).contains("cannot be compared with itself"), "{}", stderr(&o));
    let o = lookout(dir.path(), &["undo", "psb-fz-en", "psb-fz-zh", "--by", "ana"]);
    assert!(stderr(&o).contains("no decision on psb-fz-en and psb-fz-zh to undo"), "{}", stderr(&o));
    let o = lookout(dir.path(), &["decide", "psb-fz-en", "psb-fz-zh", "maybe", "--by", "ana"]);
    assert!(!o.status.success());
    assert!(stdout(&lookout(dir.path(), &["clusters"])).is_empty());
    assert!(has(&xref_pairs(&dir), "psb-fz-en", "psb-fz-zh"));
}

#[test]
fn the_match_api_answers_in_yentes_shape() {
    let dir = imported("match-api");
    let server = Server::start(dir.path());
    let body = r#"{"queries": {"q1": {"schema": "PublicBody", "properties": {"name": ["Fuzhou PSB"]}},
                   "q2": {"schema": "Person", "properties": {"name": ["Wang Wei"]}}}}"#;
    let (status, _, text) = http_post_json(&server.base, "/api/v1/match?limit=2", body);
    assert_eq!(status, 200, "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    let q1 = &v["responses"]["q1"];
    assert_eq!(q1["status"], 200);
    let results = q1["results"].as_array().unwrap();
    assert_eq!(results.len(), 2, "{q1}");
    assert!(results.iter().all(|r| r["match"] == true && r["schema"] == "PublicBody"), "{q1}");
    // The bureau named with its province is surer than 福州市公安局, whose romanisation 抚州 shares.
    assert_eq!(results[1]["id"], "psb-fz-qualified", "{q1}");
    assert!(results[1]["explanation"][0].as_str().unwrap().contains("福州 = fuzhou"), "{q1}");
    assert_eq!(q1["total"]["value"], 3, "all three Fuzhou bureaus score above the cutoff: {q1}");
    assert_eq!(v["responses"]["q2"]["results"], serde_json::json!([]), "persons are never matched");
    assert_eq!(v["limit"], 2);

    let (status, _, text) = http_post_json(
        &server.base,
        "/api/v1/match",
        r#"{"queries": {"a": {"schema": "PublicBody", "properties": {}}}}"#,
    );
    assert_eq!(status, 400);
    assert!(text.contains("queries.a.properties.name"), "{text}");
    let (status, _, text) = http_post_json(&server.base, "/api/v1/match", r#"{"queries": "#);
    assert_eq!(status, 400);
    assert!(text.contains("\"code\":\"invalid_parameter\""), "{text}");
    let big = format!(
        r#"{{"queries": {{"a": {{"schema": "PublicBody", "properties": {{"name": ["{}"]}}}}}}}}"#,
        "x".repeat(300_000)
    );
    let (status, _, text) = http_post_json(&server.base, "/api/v1/match", &big);
    assert_eq!(status, 413);
    assert!(text.contains("at most 256 KiB"), "{text}");
}
