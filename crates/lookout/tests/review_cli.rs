//! From documents to the record: `lookout ingest` proposes, `lookout review` accepts or rejects,
//! the station page shows one original and its copies, and search finds the public documents'
//! passages (never a restricted one's).

mod common;

use common::*;

const REPORT: &str = "Investigators in the Netherlands said on 25 October 2022 that the police station in \
Rotterdam had been run by the Fuzhou Public Security Bureau. The Dutch foreign ministry ordered it closed.\n\n\
An earlier count by the NGO found 54 police stations in 30 countries. The ministry said it had asked \
the embassy for an explanation and that people who felt watched could contact the police. Members of the \
diaspora told reporters they had been asked to register with the office and to report on relatives. The \
embassy denied that the office carried out police work and called it a volunteer service centre for \
renewing driving licences. Parliament asked the minister to report on similar offices in other cities.\n";

fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn proposals(dir: &std::path::Path, status: &str) -> Vec<serde_json::Value> {
    let o = lookout(dir, &["review", "list", "--status", status, "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    json_lines(&stdout(&o))
}

/// Sets up: the bundled record, then an original, a repost of it and a restricted witness account.
fn ingested(tag: &str) -> (TempDir, Vec<serde_json::Value>) {
    let dir = TempDir::new(tag);
    import_bundled_csv(dir.path());
    dir.write("docs/a-original.txt", REPORT);
    dir.write(
        "docs/a-original.txt.meta.json",
        r#"{"url": "https://news.example/nl", "published": "2022-10-25", "kind": "news"}"#,
    );
    dir.write("docs/b-repost.txt", &format!("{REPORT}Shared from news.example.\n"));
    dir.write("docs/b-repost.txt.meta.json", r#"{"url": "https://repost.example/nl", "kind": "repost"}"#);
    dir.write("docs/c-witness.txt", "A witness described the Rotterdam office and the word zanzibarword.\n");
    dir.write("docs/c-witness.txt.meta.json", r#"{"restricted": true}"#);
    let docs = dir.path().join("docs");
    let o = lookout(dir.path(), &["ingest", "--json", docs.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("lookout review"), "the next step is named: {}", stderr(&o));
    let out = json_lines(&stdout(&o));
    (dir, out)
}

#[test]
fn proposals_are_reviewed_once_and_accepted_ones_join_the_record() {
    let (dir, docs) = ingested("review");
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[1]["near_duplicate_of"], docs[0]["id"]);
    assert_eq!(docs[2]["restricted"], true);

    let open = proposals(dir.path(), "proposed");
    let station: Vec<&serde_json::Value> = open
        .iter()
        .filter(|p| p["kind"] == "station-mention" && p["summary"].as_str().unwrap().contains("station-ST033"))
        .collect();
    assert_eq!(station.len(), 2, "one from the original, one from the repost: {open:#?}");
    let first = station[0];
    assert!(first["quote"].as_str().unwrap().starts_with("Investigators in the Netherlands"), "{first}");
    assert!(first["summary"].as_str().unwrap().contains("operated by"), "the bureau of the sentence: {first}");
    let figure = open.iter().find(|p| p["kind"] == "figure" && p["summary"].as_str().unwrap().contains("54")).unwrap();

    // Accept by a prefix; reject the figure; a second review of either is refused and changes nothing.
    let prefix = &first["id"].as_str().unwrap()[..16];
    let o = lookout(dir.path(), &["review", "accept", prefix, station[1]["id"].as_str().unwrap(), "--by", "alice"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("accepted"), "{}", stdout(&o));
    let o = lookout(dir.path(), &["review", "reject", figure["id"].as_str().unwrap(), "--by", "bob"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = lookout(dir.path(), &["review", "reject", prefix, "--by", "bob"]);
    assert!(!o.status.success() && stderr(&o).contains("already accepted by alice"), "{}", stderr(&o));
    let o = lookout(dir.path(), &["review", "accept", "proposal-", "--by", "bob"]);
    assert!(!o.status.success() && stderr(&o).contains("at least 12"), "{}", stderr(&o));
    let o = lookout(dir.path(), &["review", "list", "--status", "maybe"]);
    assert!(!o.status.success() && stderr(&o).contains("--status"), "{}", stderr(&o));
    assert_eq!(proposals(dir.path(), "accepted").len(), 2);
    let rejected = proposals(dir.path(), "rejected");
    assert_eq!((rejected.len(), rejected[0]["reviewed_by"].as_str()), (1, Some("bob")));

    // The accepted statements are in the record, quoting the sentence, graded by the source's kind.
    let o = lookout(dir.path(), &["export", "--format", "json"]);
    let export: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let sources = export["sources"].as_array().unwrap();
    let news = sources.iter().find(|s| s["url"] == "https://news.example/nl").unwrap();
    let entities = export["entities"].as_array().unwrap();
    let st033 = entities.iter().find(|e| e["id"] == "station-ST033").unwrap();
    let from_news: Vec<&serde_json::Value> =
        st033["statements"].as_array().unwrap().iter().filter(|s| s["source_id"] == news["id"]).collect();
    assert_eq!(from_news.len(), 1);
    assert_eq!(from_news[0]["recorded_by"], "alice");
    assert_eq!(from_news[0]["grade"]["reliability"], "C", "news is fairly reliable by default");
    assert!(from_news[0]["locator"]["quote"].as_str().unwrap().contains("police station in Rotterdam"));
    let operation = entities.iter().find(|e| e["id"] == "operation-ST033-fuzhou-psb").expect("the operator, proposed");
    assert!(operation["statements"].as_array().unwrap().iter().any(|s| s["source_id"] == news["id"]));
    assert!(
        !entities.iter().any(|e| e["statements"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["value"] == "54" && s["source_id"] == news["id"])),
        "the rejected figure is not in the record"
    );

    // The station page: one original, its copy under it. Search: passages of public documents only.
    let server = Server::start(dir.path());
    let (status, _, page) = server.get("/stations/ST033");
    assert_eq!(status, 200);
    let sources = page.split("id=\"sources\"").nth(1).unwrap().split("</section>").next().unwrap();
    let group = sources.split("\n<li>").find(|li| li.contains("https://news.example/nl")).expect("the original");
    assert!(group.contains("1 copies") && group.contains(">repost.example</a>"), "{group}");
    assert!(
        !sources.split("\n<li>").any(|li| li.starts_with("<a href=\"https://repost.example")),
        "the copy is not listed as an original: {sources}"
    );
    let (_, _, search) = server.get("/search?q=Rotterdam");
    assert!(search.contains("id=\"documents\""), "{search}");
    assert!(search.contains("<mark>Rotterdam</mark>"));
    assert!(!search.contains("c-witness.txt"), "a restricted document is never public");
    let (_, _, search) = server.get("/search?q=zanzibarword");
    assert!(!search.contains("<mark>"), "{search}");
    let (status, _, api) = server.get("/api/v1/search?q=Rotterdam&schema=Document");
    assert_eq!(status, 200);
    let api: serde_json::Value = serde_json::from_str(&api).unwrap();
    assert_eq!((api["documents_total"].as_u64(), api["total"].as_u64()), (Some(2), Some(0)), "{api}");
    let (_, _, source) = server.get(&format!("/sources/{}", news["id"].as_str().unwrap()));
    assert!(source.contains("Copies of this source (1)"), "{source}");
    server.stop_and_logs();

    // On the analyst's own machine, `lookout search` finds restricted documents too.
    let o = lookout(dir.path(), &["search", "zanzibarword"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("c-witness.txt") && stdout(&o).contains("[zanzibarword]"), "{}", stdout(&o));
}

#[test]
fn ingesting_again_proposes_nothing_new_and_url_names_one_document() {
    let (dir, _) = ingested("review-again");
    let before = proposals(dir.path(), "all").len();
    let docs = dir.path().join("docs");
    let o = lookout(dir.path(), &["ingest", docs.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(proposals(dir.path(), "all").len(), before);
    let o = lookout(dir.path(), &["search", "Rotterdam", "--json"]);
    assert_eq!(json_lines(&stdout(&o)).len(), 3, "each document indexed once");
    let o = lookout(dir.path(), &["ingest", "--url", "https://x.example/", docs.to_str().unwrap()]);
    assert!(!o.status.success() && stderr(&o).contains("--url names the place of one document"), "{}", stderr(&o));
}

#[test]
fn a_file_without_an_address_stays_out_of_public_search_unless_its_sidecar_says_otherwise() {
    let dir = TempDir::new("review-private");
    import_bundled_csv(dir.path());
    dir.write(
        "docs/local.txt",
        "Notes by an analyst: the police station in Rotterdam was run by the Fuzhou Public Security Bureau, quokkaword.\n",
    );
    dir.write("docs/leaflet.txt", "A leaflet handed out near the Rotterdam office: wombatword.\n");
    dir.write("docs/leaflet.txt.meta.json", r#"{"restricted": false}"#);
    let o = lookout(dir.path(), &["ingest", "--json", dir.path().join("docs").to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let docs = json_lines(&stdout(&o));
    assert_eq!((docs[0]["restricted"].as_bool(), docs[1]["restricted"].as_bool()), (Some(false), Some(true)));
    let server = Server::start(dir.path());
    let (_, _, page) = server.get("/search?q=quokkaword");
    assert!(!page.contains("<mark>"), "a file without an address is private by default: {page}");
    let (_, _, page) = server.get("/search?q=wombatword");
    assert!(page.contains("<mark>wombatword</mark>"), "{page}");
    server.stop_and_logs();

    // Accepting what the private file proposes cites it without publishing its words.
    let station = proposals(dir.path(), "proposed")
        .into_iter()
        .find(|p| p["kind"] == "station-mention")
        .expect("the private note proposes the station");
    let o = lookout(dir.path(), &["review", "accept", station["id"].as_str().unwrap(), "--by", "ana"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = lookout(dir.path(), &["export", "--format", "json"]);
    let export: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let text = export.to_string();
    assert!(!text.contains("quokkaword"), "the restricted document's words are not in the public record");
    assert!(text.contains("a restricted document (its words are not public)"));
}

#[test]
fn a_reported_status_step_is_proposed_dated_and_claimed_and_joins_the_timeline_once_accepted() {
    let dir = TempDir::new("review-steps");
    import_bundled_csv(dir.path());
    // Published on a Wednesday: "on Tuesday" is the day before, "last month" is October.
    dir.write(
        "docs/nl.txt",
        "Dutch minister orders police stations closed\n\
         The police station in Rotterdam must close immediately, the Foreign Ministry said on Tuesday. \
         The Chinese embassy denied last month that the Rotterdam office did police work.\n",
    );
    dir.write(
        "docs/nl.txt.meta.json",
        r#"{"url": "https://news.example/steps", "published": "2022-11-02", "kind": "news"}"#,
    );
    let docs = dir.path().join("docs");
    let o = lookout(dir.path(), &["ingest", "--json", docs.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let steps: Vec<serde_json::Value> =
        proposals(dir.path(), "proposed").into_iter().filter(|p| p["kind"] == "status-step").collect();
    let said: Vec<(String, String, String, String)> = steps
        .iter()
        .map(|p| {
            let c = &p["claims"][0];
            let s = |v: &serde_json::Value| v.as_str().unwrap_or("").to_string();
            (s(&c["entity_id"]), s(&c["value"]), s(&c["valid_from"]), s(&p["claimant"]))
        })
        .collect();
    assert_eq!(
        said,
        [
            ("station-ST033".into(), "closure_ordered".into(), String::new(), String::new()),
            ("station-ST033".into(), "closure_ordered".into(), "2022-11-01".into(), "Foreign Ministry".into()),
            ("station-ST033".into(), "denied".into(), "2022-10".into(), String::new()),
        ],
        "the headline proposes its step undated, the sentences theirs dated: {steps:#?}"
    );
    let o = lookout(dir.path(), &["review", "accept", steps[1]["id"].as_str().unwrap(), "--by", "alice"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = lookout(dir.path(), &["export", "--format", "json"]);
    let export: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let st033 = export["entities"].as_array().unwrap().iter().find(|e| e["id"] == "station-ST033").unwrap();
    let step = st033["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["prop"] == "status" && s["recorded_by"] == "alice")
        .expect("the accepted step is a statement of the station");
    assert_eq!((step["value"].as_str(), step["valid_from"].as_str()), (Some("closure_ordered"), Some("2022-11-01")));
    assert_eq!(step["claimant"], "Foreign Ministry", "{step}");
}

#[test]
fn a_step_of_a_station_s_host_is_of_the_station() {
    let dir = TempDir::new("review-host");
    import_bundled_csv(dir.path());
    // No city: only the record's hosting tells the Loon Fung is the Glasgow station's host.
    dir.write("docs/host.txt", "The Loon Fung denied that it ever housed a secret police station.\n");
    dir.write("docs/host.txt.meta.json", r#"{"url": "https://news.example/host", "published": "2022-11-02"}"#);
    let o = lookout(dir.path(), &["ingest", "--json", dir.path().join("docs").to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let steps: Vec<(String, String)> = proposals(dir.path(), "proposed")
        .into_iter()
        .filter(|p| p["kind"] == "status-step")
        .map(|p| {
            let c = &p["claims"][0];
            (c["entity_id"].as_str().unwrap_or("").to_string(), c["value"].as_str().unwrap_or("").to_string())
        })
        .collect();
    assert_eq!(steps, [("station-ST032".to_string(), "denied".to_string())]);
}

#[test]
fn one_step_of_two_stations_is_one_proposal_whose_acceptance_records_both_and_its_times_are_mentions() {
    let dir = TempDir::new("review-two-stations");
    import_bundled_csv(dir.path());
    dir.write(
        "docs/nl.txt",
        "The Chinese police stations in Amsterdam and Rotterdam must be closed immediately, the \
         Foreign Ministry said yesterday. The Chinese Embassy has now stated that the activities of \
         the Rotterdam office have ceased.\n",
    );
    dir.write(
        "docs/nl.txt.meta.json",
        r#"{"url": "https://news.example/two", "published": "2022-11-02", "kind": "news"}"#,
    );
    let docs = dir.path().join("docs");
    let o = lookout(dir.path(), &["ingest", "--json", docs.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    // "yesterday" is a date mention, resolved against the document's date.
    let printed: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    let yesterday = printed["mentions"].as_array().unwrap().iter().find(|m| m["text"] == "yesterday");
    assert_eq!(yesterday.map(|m| m["date"].clone()), Some(serde_json::json!("2022-11-01")), "{printed}");
    let steps: Vec<serde_json::Value> =
        proposals(dir.path(), "proposed").into_iter().filter(|p| p["kind"] == "status-step").collect();
    // The embassy's word, in a sentence that gives no time, is undated.
    let said: Vec<(Vec<String>, String, String)> = steps
        .iter()
        .map(|p| {
            let claims = p["claims"].as_array().unwrap();
            let stations = claims.iter().map(|c| c["entity_id"].as_str().unwrap().to_string()).collect();
            (
                stations,
                claims[0]["value"].as_str().unwrap().to_string(),
                claims[0]["valid_from"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        said,
        [
            (
                vec!["station-ST034".to_string(), "station-ST033".to_string()],
                "closure_ordered".into(),
                "2022-11-01".into()
            ),
            (vec!["station-ST033".to_string()], "closed_per_chinese_embassy".into(), String::new()),
        ],
        "{steps:#?}"
    );
    let o = lookout(dir.path(), &["review", "accept", steps[0]["id"].as_str().unwrap(), "--by", "alice"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = lookout(dir.path(), &["export", "--format", "json"]);
    let export: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    for station in ["station-ST033", "station-ST034"] {
        let entity = export["entities"].as_array().unwrap().iter().find(|e| e["id"] == station).unwrap();
        let step = entity["statements"].as_array().unwrap().iter().find(|s| s["recorded_by"] == "alice");
        assert_eq!(
            step.map(|s| (s["value"].clone(), s["valid_from"].clone())),
            Some((serde_json::json!("closure_ordered"), serde_json::json!("2022-11-01"))),
            "{station}"
        );
    }
}
