//! A real yente client against Lookout: nomenklatura's `YenteEnricher` (what OpenSanctions
//! tooling uses) matches 福州市公安局 and gets the Fuzhou bureau, then expands it with the
//! stations it runs, through `/match/{dataset}` and `/entities/{id}?nested=true`.

mod common;

use common::{http_post_json, python_with, workspace, Server, TempDir};

#[test]
fn nomenklatura_matches_and_expands_the_fuzhou_bureau() {
    let Some(python) = python_with(&["nomenklatura"]) else { return };
    let dir = TempDir::new("yente");
    let server = Server::start(dir.path());
    let o = std::process::Command::new(&python)
        .arg(workspace().join("scripts/yente_enrich.py"))
        .args([server.base.as_str(), "PublicBody", "福州市公安局"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{out}{}", String::from_utf8_lossy(&o.stderr));
    let result: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let matches = result["matches"].as_array().unwrap();
    assert_eq!(matches[0]["id"], "publicbody-fuzhou-psb", "{result}");
    let expanded = result["expanded"]["publicbody-fuzhou-psb"].as_array().unwrap();
    let ids: Vec<&str> = expanded.iter().filter_map(|e| e["id"].as_str()).collect();
    for station in ["station-ST039", "station-ST033", "station-ST001"] {
        assert!(ids.contains(&station), "{station} is not among the expanded entities: {ids:?}");
    }
    assert!(ids.iter().any(|i| i.starts_with("operation-ST039")), "the link itself: {ids:?}");
    assert!(!ids.iter().any(|i| i.starts_with("person-")), "no person: {ids:?}");
}

#[test]
fn yente_paths_refuse_other_datasets_and_unknown_entities_as_json() {
    let dir = TempDir::new("yente-errors");
    let server = Server::start(dir.path());
    let body =
        r#"{"queries": {"q": {"schema": "PublicBody", "properties": {"name": ["Fuzhou Public Security Bureau"]}}}}"#;
    let (status, _, answer) = http_post_json(&server.base, "/match/default?algorithm=best&fuzzy=false", body);
    assert_eq!(status, 200, "{answer}");
    let doc: serde_json::Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(doc["responses"]["q"]["results"][0]["id"], "publicbody-fuzhou-psb");
    let (status, _, answer) = http_post_json(&server.base, "/match/sanctions", body);
    assert_eq!(status, 404);
    assert!(answer.contains("\"code\":\"not_found\""), "{answer}");
    let (status, _, answer) = server.get("/entities/station-ST039?nested=true");
    assert_eq!(status, 200);
    let doc: serde_json::Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(doc["schema"], "Organization");
    let links = doc["properties"]["unknownLinkFrom"].as_array().expect("nested links");
    assert!(links.iter().any(|l| l["properties"]["subject"][0]["id"] == "publicbody-fuzhou-psb"), "{doc}");
    let (status, _, answer) = server.get("/entities/no-such-entity");
    assert_eq!(status, 404);
    assert!(answer.contains("\"code\":\"not_found\""), "{answer}");
}

/// `nested=true` nests each link with the entity at its other end (read in one call for all the
/// links); a link whose other end is not public (a person, restricted by default) is left out
/// whole, and the person is never named.
#[test]
fn nested_links_leave_out_those_to_a_restricted_person() {
    let dir = TempDir::new("yente-nested");
    common::import_bundled_csv(dir.path());
    let rows = [
        r#"{"id":"person-canary","schema":"Person","properties":{"name":["CANARY PRIVATE PERSON"],"sourceUrl":["https://example.org/members"]}}"#,
        r#"{"id":"org-canary","schema":"Organization","properties":{"name":["Canary Association"],"sourceUrl":["https://example.org/members"]}}"#,
        r#"{"id":"org-member","schema":"Organization","properties":{"name":["Member Society"],"sourceUrl":["https://example.org/members"]}}"#,
        r#"{"id":"membership-person","schema":"Membership","properties":{"member":["person-canary"],"organization":["org-canary"],"sourceUrl":["https://example.org/members"]}}"#,
        r#"{"id":"link-society","schema":"UnknownLink","properties":{"subject":["org-member"],"object":["org-canary"],"sourceUrl":["https://example.org/members"]}}"#,
    ];
    let ftm = dir.write("members.ftm.jsonl", &(rows.join("\n") + "\n"));
    let o = common::lookout(dir.path(), &["import", ftm.to_str().unwrap()]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let server = Server::start(dir.path());
    let (status, _, answer) = server.get("/entities/org-canary?nested=true");
    assert_eq!(status, 200, "{answer}");
    assert!(!answer.contains("CANARY PRIVATE PERSON") && !answer.contains("person-canary"), "{answer}");
    let doc: serde_json::Value = serde_json::from_str(&answer).unwrap();
    assert!(doc["properties"]["membershipOrganization"].is_null(), "the membership of a restricted person: {doc}");
    let links = doc["properties"]["unknownLinkFrom"].as_array().expect("the nested link");
    assert_eq!(links.len(), 1, "{doc}");
    assert_eq!(links[0]["id"], "link-society");
    assert_eq!(links[0]["properties"]["subject"][0]["id"], "org-member");
    assert_eq!(links[0]["properties"]["subject"][0]["caption"], "Member Society");
    assert_eq!(server.get("/entities/person-canary").0, 404, "a restricted person is not found");
    let (status, _, membership) = server.get("/entities/membership-person");
    assert_eq!(status, 404, "the membership of a restricted person is withheld too: {membership}");
    // Python's spellings are read; other values are refused, naming those it takes.
    assert_eq!(server.get("/entities/org-canary?nested=True").2, answer);
    let (_, _, flat) = server.get("/entities/org-canary?nested=0");
    assert!(!flat.contains("unknownLinkFrom"), "{flat}");
    let (status, _, refused) = server.get("/entities/org-canary?nested=yes");
    assert_eq!(status, 400);
    assert!(refused.contains(r#"nested: \"yes\" is not one of"#) && refused.contains("True"), "{refused}");
}
