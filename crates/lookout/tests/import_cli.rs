//! `lookout import`: the bundled formats, idempotence, and bad input that must change nothing.

mod common;

use common::*;

const STATIONS_HEADER: &str = "id,city,country_iso2,country,operating_bureau,first_reported_in,reported_date,status,status_date,address,source_urls";

fn station_row(id: &str, country: &str, reported: &str) -> String {
    format!("{id},Rotterdam,{country},Netherlands,Fuzhou PSB,Test report,{reported},reported,{reported},,https://news.example/{id}")
}

/// A data directory holding the bundled dataset, and its stats.
fn seeded() -> (TempDir, serde_json::Value) {
    let dir = TempDir::new("import");
    import_bundled_csv(dir.path());
    let s = stats(dir.path());
    (dir, s)
}

#[test]
fn bundled_files_import_with_every_station_geocoded_or_reported() {
    let (dir, s) = seeded();
    assert_eq!(s["entities_by_schema"]["Station"], 86);
    assert_eq!(s["entities_by_schema"]["Response"], 58);
    assert_eq!(s["entities_by_schema"]["Figure"], 41);
    assert_eq!(s["entities_by_schema"]["PublicBody"], 4);
    let places = s["entities_by_schema"]["Place"].as_u64().unwrap();
    assert!(places >= 40, "{places} places");
    // Import again: nothing new, nothing duplicated.
    let data = workspace().join("data");
    let o = lookout(
        dir.path(),
        &["import", data.join("figures.csv").to_str().unwrap(), data.join("stations.csv").to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("0 new statements"), "{}", stderr(&o));
    assert_eq!(stats(dir.path()), s);
}

#[test]
fn stations_not_placed_at_a_city_are_reported_by_name() {
    let dir = TempDir::new("geocode");
    let data = workspace().join("data");
    let o = lookout(dir.path(), &["import", data.join("stations.csv").to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("station ST029 (\"Ribeira Brava (Madeira)\", PT) is placed at country level only"), "{err}");
    assert!(err.contains("station ST053"), "{err}");
    // Every station with a named city other than Ribeira Brava is placed.
    let warned = err.lines().filter(|l| l.contains("placed at country level only")).count();
    assert_eq!(warned, 18, "{err}");
}

/// Each kind of bad input: non-zero exit, an error naming file, line and field, and no change.
#[test]
fn bad_input_names_the_place_and_changes_nothing() {
    let (dir, before) = seeded();
    let files = TempDir::new("bad");
    let good = station_row("NEW1", "NL", "2022-11-01");
    let cases: Vec<(&str, String, &str)> = vec![
        ("unknown-country.csv", format!("{STATIONS_HEADER}\n{good}\n{}\n", station_row("NEW2", "XZ", "2022-11")), "unknown-country.csv:3: field `country_iso2`: unknown country code \"XZ\""),
        ("impossible-date.csv", format!("{STATIONS_HEADER}\n{good}\n{}\n", station_row("NEW2", "NL", "2022-02-30")), "impossible-date.csv:3: field `reported_date`: invalid date \"2022-02-30\""),
        ("missing-id.csv", format!("{STATIONS_HEADER}\n{good}\n{}\n", station_row("", "NL", "2022-11")), "missing-id.csv:3: field `id`: required value is missing"),
        ("unbalanced.csv", format!("{STATIONS_HEADER}\n{good}\nNEW3,\"Rotterdam,NL,Netherlands,,x,2022,reported,2022,,https://a.example/\n"), "unbalanced.csv:3: a quoted field opened here is never closed"),
        ("wrong-header.csv", format!("{}\n{good}\n", STATIONS_HEADER.replace("reported_date", "reported_on")), "wrong-header.csv:1: field `reported_date`: header lacks required column"),
        ("unknown-status.csv", format!("{STATIONS_HEADER}\n{good}\n{}\n", station_row("NEW2", "NL", "2022-11").replace(",reported,", ",closd,")), "unknown-status.csv:3: field `status`: unknown status \"closd\""),
        ("duplicate-id.csv", format!("{STATIONS_HEADER}\n{good}\n{good}\n"), "duplicate-id.csv:3: field `id`: NEW1 already used on line 2"),
        ("no-source.csv", format!("{STATIONS_HEADER}\n{}\n", good.replace("https://news.example/NEW1", "")), "no-source.csv:2: field `source_urls`: at least one source URL is required"),
        ("bad.jsonl", "{\"id\": \"org-1\", \"schema\": \"Organization\", \"properties\": {\"name\": [\"A\"]}}\n{\"id\": \"org-2\", \"schema\": \"Organization\", \"properties\": {\"name\": [\"B\"]\n".to_string(), "bad.jsonl:2: not a JSON object"),
        ("bad-schema.jsonl", "{\"id\": \"org-1\", \"schema\": \"Starship\", \"properties\": {}}\n".to_string(), "bad-schema.jsonl:1: field `schema`: \"Starship\" is not a FollowTheMoney schema"),
        ("dangling.csv", "date,country_iso2,actor,action,summary,source_urls,station_ids\n2023,NL,Minister,statement,Said so,https://a.example/,ST999\n".to_string(), "dangling.csv:2: field `station_ids`: no Station with id station-ST999"),
    ];
    for (name, content, expected) in cases {
        let path = files.write(name, &content);
        // The good file is imported in the same call: the transaction must drop it too.
        let good_file = files.write("good.csv", &format!("{STATIONS_HEADER}\n{}\n", station_row("GOOD", "DE", "2023")));
        let o = lookout(dir.path(), &["import", good_file.to_str().unwrap(), path.to_str().unwrap()]);
        assert!(!o.status.success(), "{name} should fail");
        let err = stderr(&o);
        assert!(err.contains(expected), "{name}: expected {expected:?} in {err:?}");
        assert_eq!(stats(dir.path()), before, "{name} changed the store");
    }
    let o = lookout(dir.path(), &["import", files.path().join("absent.csv").to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("absent.csv"));
}

#[test]
fn invalid_utf8_is_rejected_with_its_line() {
    let dir = TempDir::new("utf8");
    let files = TempDir::new("utf8-files");
    let path = files.path().join("latin1.csv");
    let mut bytes = format!("{STATIONS_HEADER}\n{}\n", station_row("A", "NL", "2022")).into_bytes();
    bytes.extend_from_slice(b"B,Caf\xe9,NL,x,,y,2022,reported,2022,,https://a.example/\n");
    std::fs::write(&path, bytes).unwrap();
    let o = lookout(dir.path(), &["import", path.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("latin1.csv:3: not valid UTF-8"), "{}", stderr(&o));
    assert_eq!(stats(dir.path())["statements"], 0);
}

#[test]
fn ftm_lines_import_with_sources_and_skip_unmodelled_properties() {
    let dir = TempDir::new("ftm");
    let files = TempDir::new("ftm-files");
    let path = files.write(
        "orgs.ftm.jsonl",
        "{\"id\": \"org-changle\", \"schema\": \"Organization\", \"properties\": {\"name\": [\"American Changle Association\", \"美国长乐公会\"], \"country\": [\"us\"], \"sourceUrl\": [\"https://example.org/a\"], \"incorporationDate\": [\"2001\"]}}\n\
         {\"id\": \"psb-fz\", \"schema\": \"PublicBody\", \"properties\": {\"name\": [\"福州市公安局\"]}}\n\
         {\"id\": \"link-1\", \"schema\": \"UnknownLink\", \"properties\": {\"subject\": [\"org-changle\"], \"object\": [\"psb-fz\"], \"role\": [\"liaison\"]}}\n\
         {\"id\": \"boat-1\", \"schema\": \"Vessel\", \"properties\": {\"name\": [\"Boat\"]}}\n",
    );
    let o = lookout(dir.path(), &["import", path.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("skipped 1 value(s) of Organization:incorporationDate"), "{}", stderr(&o));
    assert!(stderr(&o).contains("skipped 1 entities of FtM schema Vessel"), "{}", stderr(&o));
    let s = stats(dir.path());
    assert_eq!(s["entities_by_schema"]["Organization"], 1);
    assert_eq!(s["entities_by_schema"]["Link"], 1);
    assert_eq!(s["sources"], 2, "the cited URL, and the file itself for entities citing none");
    assert_eq!(s["statements"], 7);
}

/// Issue 16: a station's steps from `status_events.csv`, each with its own date and the source
/// that reports it, replace its row's status chain on the public station page; an events file
/// for a station of the store needs no stations file.
#[test]
fn status_events_date_each_step_with_its_own_source() {
    let (dir, _) = seeded();
    let files = TempDir::new("events");
    let events = files.path().join("status_events.csv");
    std::fs::write(
        &events,
        "station_id,date,status,claimant,source_urls,quote,notes
ST033,2022-10-25,under_investigation,Dutch foreign ministry,https://nos.example/onderzoek,\"het ministerie onderzoekt\",
ST033,2022-11-01,closure_ordered,Dutch foreign minister,https://nrc.example/gesloten,\"opdracht gegeven de posten te sluiten\",
ST033,,investigation_closed,Dutch police,https://police.example/closed,,undated in source
",
    )
    .unwrap();
    let o = lookout(dir.path(), &["import", events.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let server = Server::start(dir.path());
    let (status, _, page) = http_get(&server.base, "/stations/ST033");
    assert_eq!(status, 200);
    let timeline = page.split("<ol class=\"timeline\">").nth(1).unwrap().split("</ol>").next().unwrap();
    let steps: Vec<&str> = timeline.split("<li>").skip(1).collect();
    for (status, date, source, claimant) in [
        ("under investigation", "25 October 2022", "nos.example", "Dutch foreign ministry"),
        ("closure ordered", "1 November 2022", "nrc.example", "Dutch foreign minister"),
    ] {
        let step = steps
            .iter()
            .find(|s| s.contains(date) && s.contains(source))
            .unwrap_or_else(|| panic!("a step dated {date} citing {source}: {timeline}"));
        assert!(step.contains(status) && step.contains(claimant), "{step}");
        assert!(!step.contains("nrc.example") || source == "nrc.example", "only its own source: {step}");
    }
    let undated = steps.iter().find(|s| s.contains("investigation closed")).expect("a new status word");
    assert!(undated.contains("police.example") && !undated.contains("2022"), "undated, its own source: {undated}");
    let unknown = files.path().join("unknown.csv");
    std::fs::write(
        &unknown,
        "station_id,date,status,claimant,source_urls\nST999,2022,closed,RCMP,https://x.example/1\n",
    )
    .unwrap();
    let before = stats(dir.path());
    let o = lookout(dir.path(), &["import", unknown.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("unknown.csv:2") && stderr(&o).contains("station-ST999"), "{}", stderr(&o));
    assert_eq!(stats(dir.path()), before, "nothing written");
}
