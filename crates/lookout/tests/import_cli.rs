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
    assert_eq!(s["entities_by_schema"]["Station"], 107);
    assert_eq!(s["entities_by_schema"]["Response"], 99);
    assert_eq!(s["entities_by_schema"]["Figure"], 38);
    // `lookout stats --json` gives the counts data/README.md states.
    let readme = std::fs::read_to_string(workspace().join("data/README.md")).unwrap();
    for (row, key) in [
        ("stations in the record", "stations"),
        ("located at a city", "stations_located"),
        ("reported but not located", "stations_not_located"),
        ("established by an original source", "stations_with_original"),
        ("with a named, cited host", "stations_with_host"),
        ("status steps", "status_steps"),
        ("status steps with a date of their own", "status_steps_dated"),
        ("sources judged by a person", "sources_judged"),
    ] {
        let stated = format!("| {row} | {} |", s["record"][key]);
        assert!(readme.contains(&stated), "data/README.md should say {stated:?}");
    }
    assert_eq!(s["entities_by_schema"]["PublicBody"], 4);
    let places = s["entities_by_schema"]["Place"].as_u64().unwrap();
    assert!(places >= 40, "{places} places");
    // Import again: nothing new, nothing duplicated, no source judged twice.
    import_bundled_csv(dir.path());
    let data = workspace().join("data");
    let o = lookout(
        dir.path(),
        &["import", data.join("sources.csv").to_str().unwrap(), data.join("figures.csv").to_str().unwrap()],
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
    // Every station with a named city other than Ribeira Brava is placed; those no source
    // locates (ST053, Cambodia) say why instead and are not warned of.
    let warned = err.lines().filter(|l| l.contains("placed at country level only")).count();
    assert_eq!(warned, 1, "{err}");
    assert!(!err.contains("station ST053"), "{err}");
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
        ("repost-of-nothing.csv", "url,kind,copy_of,judged_by\nhttps://a.example/1,news,,R\nhttps://b.example/2,repost,https://c.example/3,R\n".to_string(), "repost-of-nothing.csv:3: field `copy_of`: https://c.example/3 is not a row of this table"),
        ("host-of-nowhere.csv", "station_id,host_name,source_urls\nST999,Some Association,https://a.example/\n".to_string(), "host-of-nowhere.csv:2: field `station_id`: no Station with id station-ST999"),
        ("unlocated-without-why.csv", format!("{STATIONS_HEADER},why_unlocated\n{},\n", good.replace("Rotterdam", "")), "unlocated-without-why.csv:2: field `city`: required value is missing"),
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

/// Issue 16: a table of sources records each source's kind and original as judged by the person
/// it names, with an audit entry `lookout audit verify` covers (imported again, it judges nothing
/// twice); a hosts table puts the organisation on its station's page with the words of its
/// sources, and the station's copies are listed under their original.
#[test]
fn sources_are_judged_and_hosts_shown_on_their_station() {
    let (dir, seeded_stats) = seeded();
    let files = TempDir::new("judged");
    let sources = files.path().join("sources.csv");
    std::fs::write(
        &sources,
        "url,publisher,title,published,language,kind,copy_of,judged_by,notes
https://letter.example/house,House members,Letter on the NYC station,2022-10-07,en,official,,A. Researcher,the letter itself
https://mirror.example/letter,mirror.example,Letter on the NYC station,2022-10-08,en,repost,https://letter.example/house,A. Researcher,a copy of the letter
",
    )
    .unwrap();
    let hosts = files.path().join("hosts.csv");
    std::fs::write(
        &hosts,
        "station_id,host_name,host_name_zh,host_kind,source_urls,quote,notes
ST033,Rotterdam Test Association,鹿特丹测试协会,association,https://letter.example/house | https://mirror.example/letter,\"the service station is hosted at the Rotterdam Test Association\",
",
    )
    .unwrap();
    let args = ["import", sources.to_str().unwrap(), hosts.to_str().unwrap()];
    let o = lookout(dir.path(), &args);
    assert!(o.status.success(), "{}", stderr(&o));
    let s = stats(dir.path());
    let more = |what: &str| s["record"][what].as_u64().unwrap() - seeded_stats["record"][what].as_u64().unwrap();
    assert_eq!((more("sources_judged"), more("stations_with_host")), (2, 1), "{s}");
    let o = lookout(dir.path(), &["audit", "verify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let entries = |dir: &std::path::Path| stdout(&lookout(dir, &["audit", "verify"])).to_string();
    let before = entries(dir.path());
    let o = lookout(dir.path(), &args);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stats(dir.path()), s, "imported again: nothing new");
    assert_eq!(entries(dir.path()), before, "no judgement made twice");

    let server = Server::start(dir.path());
    let (status, _, page) = http_get(&server.base, "/stations/ST033");
    assert_eq!(status, 200);
    let summary = page.split("<dl class=\"summary\">").nth(1).unwrap().split("</dl>").next().unwrap();
    assert!(
        summary.contains("Rotterdam Test Association")
            && summary.contains("鹿特丹测试协会")
            && summary.contains("hosted at the Rotterdam Test Association")
            && summary.contains("https://letter.example/house"),
        "{summary}"
    );
    let groups = page.split("<ul class=\"source-groups\">").nth(1).unwrap().split("</ul>\n</section>").next().unwrap();
    let at = groups.find("https://letter.example/house").expect("the original is listed");
    let original = groups[at..].split("</ul>").next().unwrap();
    assert!(original.contains("1 copies") && original.contains("mirror.example"), "its copy under it: {original}");
    assert!(!groups[..at].contains("mirror.example"), "the copy is not listed as an original: {groups}");
    // Each source's page says which it copies, or which copy it.
    let href = |url: &str| format!("/sources/{}", lookout_core::SourceId::for_url(url));
    let (_, _, mirror) = http_get(&server.base, &href("https://mirror.example/letter"));
    let copy_of = mirror.split("<dt>a copy of</dt><dd>").nth(1).expect("the original named").split("</dd>").next();
    assert!(copy_of.is_some_and(|o| o.contains(&href("https://letter.example/house"))), "{mirror}");
    let (_, _, letter) = http_get(&server.base, &href("https://letter.example/house"));
    assert!(letter.contains("Copies of this source (1)") && letter.contains(&href("https://mirror.example/letter")));
}
