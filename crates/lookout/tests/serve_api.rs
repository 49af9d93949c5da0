//! `lookout serve`: the JSON API (its pages, tags and OpenAPI document) and the page cache
//! following an import made while serving.

mod common;

use common::*;

#[test]
fn the_json_api_pages_tags_and_documents_itself() {
    let dir = TempDir::new("serve-api");
    // A restricted person, to check that the API never shows one.
    let files = TempDir::new("serve-api-files");
    let person = files.write(
        "p.jsonl",
        "{\"id\": \"person-private\", \"schema\": \"Person\", \"properties\": {\"name\": [\"CANARY PERSON\"]}}\n",
    );
    assert!(lookout(dir.path(), &["import", person.to_str().unwrap()]).status.success());
    import_bundled_csv(dir.path());
    let server = Server::start(dir.path());
    let json = |path: &str| {
        let (status, headers, body) = server.get(path);
        (
            status,
            headers,
            serde_json::from_str::<serde_json::Value>(&body).unwrap_or_else(|e| panic!("{path}: {e}: {body}")),
        )
    };

    // Cursor pagination over all 107 stations, without gaps or repeats.
    let mut seen = Vec::new();
    let mut path = "/api/v1/stations?limit=30".to_string();
    loop {
        let (status, headers, page) = json(&path);
        assert_eq!(status, 200);
        assert_eq!(header(&headers, "content-type"), Some("application/json"));
        seen.extend(page["data"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_string()));
        match page["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/stations?limit=30&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen.len(), 107);
    let mut dedup = seen.clone();
    dedup.dedup();
    assert_eq!(dedup, seen);
    let (_, _, nl) = json("/api/v1/stations?country=NL");
    assert_eq!(nl["data"].as_array().unwrap().len(), 2);

    // A station, with its timeline and every statement's source and grade.
    let (status, headers, st) = json("/api/v1/stations/ST033");
    assert_eq!(status, 200);
    assert_eq!(st["key"], "ST033");
    assert_eq!(st["operators"][0]["name"], "Fuzhou Public Security Bureau");
    // Each step with its own date and claimant (status_events.csv).
    let steps = st["timeline"].as_array().unwrap();
    let inquiry = steps.iter().find(|s| s["status"] == "under_investigation").unwrap();
    assert_eq!(inquiry["date"], "2022-10-25", "{inquiry}");
    assert_eq!(inquiry["claimant"], "Dutch Ministry of Foreign Affairs (spokesperson)");
    assert!(inquiry["sources"].as_array().unwrap().iter().all(|u| !u.as_str().unwrap().contains("openkamer")));
    // A station's hosts, and a station no source locates with why.
    let (_, _, new_york) = json("/api/v1/stations/ST001");
    assert_eq!(new_york["hosts"][0]["names"][0], "America ChangLe Association NY Inc.", "{}", new_york["hosts"]);
    assert_eq!(new_york["hosts"][0]["kind"], "association");
    assert!(new_york["hosts"][0]["sources"].as_array().is_some_and(|s| !s.is_empty()));
    assert_eq!(new_york["unlocated_reason"], serde_json::Value::Null);
    let (_, _, israel) = json("/api/v1/stations/ST087");
    assert_eq!((&israel["city"], &israel["country"]), (&serde_json::json!(""), &serde_json::json!("IL")));
    assert!(israel["unlocated_reason"].as_str().is_some_and(|w| w.len() > 20), "{israel}");
    assert_eq!(israel["place"], serde_json::Value::Null);
    assert!(st["statements"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["source_url"].is_string() && s["reliability"].is_string()));
    assert!(st["place"]["latitude"].as_f64().unwrap() > 51.0);

    // Conditional GET.
    let etag = header(&headers, "etag").unwrap().to_string();
    let (status, _, body) = http_get_with(&server.base, "/api/v1/stations/ST033", &[("If-None-Match", &etag)]);
    assert_eq!(status, 304);
    assert!(body.is_empty());
    let (status, _, _) = http_get_with(&server.base, "/api/v1/stations/ST033", &[("If-None-Match", "\"other\"")]);
    assert_eq!(status, 200);

    // The same error shape everywhere.
    for (path, status, code) in [
        ("/api/v1/stations/ST999", 404, "not_found"),
        ("/api/v1/stations?country=XQ", 400, "invalid_parameter"),
        ("/api/v1/stations?limit=0", 400, "invalid_parameter"),
        ("/api/v1/nothing-here", 404, "not_found"),
        ("/api/v1/entities/person-private", 404, "not_found"),
        ("/api/v1/statements?entity=person-private", 404, "not_found"),
        ("/api/v1/countries/XQ", 404, "not_found"),
    ] {
        let (got, _, err) = json(path);
        assert_eq!(got, status, "{path}");
        assert_eq!(err["code"], code, "{path}");
        assert!(err["message"].is_string() && err["type"].is_string() && err["link"].is_string(), "{path}: {err}");
    }

    let (_, _, figures) = json("/api/v1/figures?limit=500");
    let f03 = figures["data"].as_array().unwrap().iter().find(|f| f["id"] == "figure-F03").unwrap();
    assert_eq!(f03["contradicts"][0], "figure-F02");
    let (_, _, responses) = json("/api/v1/responses?country=NL&action=closure_ordered");
    assert_eq!(responses["data"][0]["stations"], serde_json::json!(["ST033", "ST034"]));
    let (_, _, countries) = json("/api/v1/countries");
    assert_eq!(countries[0]["code"], "IT");
    assert_eq!(countries[0]["stations"], 11);
    let (_, _, de) = json("/api/v1/countries/DE");
    assert_eq!(de["stations"], 1);
    let (_, _, source) = json(&format!("/api/v1/sources/{}", st["statements"][0]["source_id"].as_str().unwrap()));
    assert!(source["statements"].as_array().unwrap().len() >= 5);
    let (_, _, sources) = json("/api/v1/sources?limit=500");
    assert!(sources["data"].as_array().unwrap().len() > 100);
    let (_, _, entity) = json("/api/v1/entities/publicbody-fuzhou-psb");
    assert_eq!(entity["schema"], "PublicBody");
    let (_, _, statements) = json("/api/v1/statements?entity=station-ST033&limit=5");
    assert_eq!(statements["data"].as_array().unwrap().len(), 5);
    assert!(statements["next_cursor"].is_string());

    let (status, _, spec) = json("/api/openapi.json");
    assert_eq!(status, 200);
    assert_eq!(spec["openapi"], "3.1.0");
    assert!(spec["paths"]["/api/v1/stations/{key}"]["get"].is_object());
    for (_, _, body) in [server.get("/api/v1/stations?limit=500"), server.get("/api/v1/sources?limit=500")] {
        assert!(!body.contains("CANARY"));
    }
}

#[test]
fn cached_pages_follow_an_import_made_while_serving() {
    let dir = TempDir::new("serve-cache");
    let server = Server::start(dir.path());
    let (_, _, before) = server.get("/stations");
    assert!(before.contains("107 of 107 reported stations"));
    let (_, _, again) = server.get("/stations");
    assert_eq!(before, again, "served from the cache");

    let files = TempDir::new("serve-cache-files");
    let extra = files.write(
        "one.csv",
        "id,city,country_iso2,country,operating_bureau,first_reported_in,reported_date,status,status_date,address,source_urls\n\
         NEW1,Lyon,FR,France,,Test,2024-01,reported,2024-01,,https://news.example/lyon\n",
    );
    let o = lookout(dir.path(), &["import", extra.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    std::thread::sleep(std::time::Duration::from_millis(1_200));
    let (_, _, after) = server.get("/stations");
    assert!(after.contains("108 of 108 reported stations"), "the cache saw the new data version");
    let (_, _, home) = server.get("/");
    assert!(home.contains("108 reported stations: 89 in"), "and so did the map");
}
