//! `lookout serve` end to end: a real server on a free port over a fresh data directory.

mod common;

use common::*;

#[test]
fn serve_imports_the_bundled_dataset_and_shows_stations_with_sources() {
    let dir = TempDir::new("serve");
    let server = Server::start(dir.path());

    let (status, headers, body) = server.get("/stations");
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-type"), Some("text/html; charset=utf-8"));
    assert!(header(&headers, "content-security-policy").unwrap().starts_with("default-src 'self'"));
    assert_eq!(header(&headers, "x-content-type-options"), Some("nosniff"));
    assert!(body.contains("107 of 107 reported stations"), "{body}");
    assert!(body.contains("<a href=\"/stations/ST033\">Rotterdam</a>"));
    assert!(body.contains("Fuzhou Public Security Bureau"));

    let (status, _, page) = server.get("/stations/ST033");
    assert_eq!(status, 200);
    assert!(page.contains("Rotterdam, The Netherlands"));
    assert!(page.contains("closure ordered"));
    assert!(
        page.contains("according to <span lang=\"en\">Dutch government (Foreign Affairs and Justice ministers"),
        "the claimant is kept with the step"
    );
    assert!(page.contains("Rotterdam / 鹿特丹"), "place names in English and Chinese from GeoNames");
    assert!(page.contains("Dutch Foreign Minister"), "linked responses are listed");
    // Every statement shows its source and grade.
    let rows = page.matches("rel=\"noreferrer nofollow\"").count();
    assert!(rows > 20, "{rows} source links");
    assert!(page.contains("<abbr title=\"source"));

    // Filters, and their errors.
    let (status, _, nl) = server.get("/stations?country=NL");
    assert_eq!(status, 200);
    assert!(nl.contains("2 of 107 reported stations"), "{nl}");
    let (status, _, fz) = server.get("/stations?bureau=publicbody-nantong-psb");
    assert_eq!(status, 200);
    assert!(fz.contains("of 107 reported stations") && fz.contains("Auckland"));
    let (status, _, closed) = server.get("/stations?status=guilty_plea");
    assert_eq!(status, 200);
    assert!(closed.contains("1 of 107"), "{closed}");
    let (status, _, bad) = server.get("/stations?country=XQ");
    assert_eq!(status, 400);
    assert!(bad.contains("country: unknown country code"));
    let (status, _, bad) = server.get("/stations?status=vanished");
    assert_eq!(status, 400);
    assert!(bad.contains("status: unknown status"));

    let (status, _, missing) = server.get("/stations/ST999");
    assert_eq!(status, 404);
    assert!(missing.contains("Not found"));
    let (status, _, _) = server.get("/stations/..%2f..%2fetc");
    assert_eq!(status, 404);
}

#[test]
fn the_public_pages_show_the_record() {
    let dir = TempDir::new("serve-pages");
    let server = Server::start(dir.path());

    let (status, _, home) = server.get("/");
    assert_eq!(status, 200);
    assert!(home.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), "the map is inline SVG");
    assert!(home.contains(r#"<a href="/countries/IT" aria-label="Italy: 11 reported stations">"#));
    assert!(home.contains(r#"<a href="/stations/ST039" aria-label="Dublin: station ST039">"#), "a dot per city");
    assert!(home.contains("107 reported stations: 88 in 42 countries, 19 in countries no source names"));
    assert!(
        home.contains("<td><a href=\"/countries/ES\">Spain</a></td><td>9</td>"),
        "the text alternative lists the counts"
    );
    assert!(home.contains("Conflicting claim"), "conflicting figures side by side");
    assert!(home.contains("Latest government responses"));

    let (status, headers, svg) = server.get("/map.svg");
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-type"), Some("image/svg+xml; charset=utf-8"));
    assert!(home.contains(&svg), "the page and /map.svg are the same cached rendering");

    let (status, _, figures) = server.get("/figures");
    assert_eq!(status, 200);
    let f02 = figures.find("id=\"figure-F02\"").unwrap();
    let f03 = figures.find("id=\"figure-F03\"").unwrap();
    assert!(f02 < f03 && figures[f02..f03].contains("Countries hosting the 54 stations"));
    assert!(figures[f03..].contains("25 cities and 21 countries"), "F03 contradicts F02 and follows it");

    let (status, _, responses) = server.get("/responses?country=NL&action=closure_ordered");
    assert_eq!(status, 200);
    assert!(responses.contains("1 of 99 responses"), "{responses}");
    assert!(responses.contains("Dutch Foreign Minister"));
    let (status, _, _) = server.get("/responses?country=QQ");
    assert_eq!(status, 400);

    let (status, _, nl) = server.get("/countries/NL");
    assert_eq!(status, 200);
    assert!(nl.contains("荷兰") && nl.contains("Reported stations (2)"));
    let closure = nl.find("closure ordered").unwrap();
    let answer = nl.find("parliamentary answer").unwrap();
    assert!(closure < answer, "responses as a timeline, oldest first");
    assert_eq!(server.get("/countries/ZZ").0, 404);
    assert_eq!(server.get("/countries/nl").0, 200);

    let (status, _, bureau) = server.get("/bureaus/publicbody-fuzhou-psb");
    assert_eq!(status, 200);
    assert!(bureau.contains("Fuzhou Public Security Bureau"));
    assert!(bureau.contains("福州"), "the bureau's city with its Chinese name, from GeoNames");
    assert!(bureau.contains("/stations/ST033"));
    assert_eq!(server.get("/bureaus/publicbody-nowhere").0, 404);

    let (_, _, station) = server.get("/stations/ST039");
    let at = station.find("href=\"/sources/").unwrap() + "href=\"/sources/".len();
    let source = &station[at..at + station[at..].find('"').unwrap()];
    let (status, _, page) = server.get(&format!("/sources/{source}"));
    assert_eq!(status, 200);
    assert!(page.contains("<h2>what it supports</h2>") && page.contains("/stations/ST039"));
    assert_eq!(server.get("/sources/source-0").0, 404);

    for (path, kind) in [
        ("/data/lookout.csv", "text/csv"),
        ("/data/lookout.json", "application/json"),
        ("/data/lookout.geojson", "application/geo+json"),
        ("/data/lookout.ftm.jsonl", "application/x-ndjson"),
    ] {
        let (status, headers, body) = server.get(path);
        assert_eq!(status, 200, "{path}");
        assert!(header(&headers, "content-type").unwrap().starts_with(kind), "{path}");
        assert!(header(&headers, "content-disposition").unwrap().starts_with("attachment"), "{path}");
        assert!(body.len() > 10_000, "{path}");
    }
    assert_eq!(server.get("/data/passwords.txt").0, 404);
    let (_, _, data) = server.get("/data");
    assert!(data.contains("CC BY 4.0") && data.contains("How to cite"));
    let (_, _, about) = server.get("/about");
    assert!(about.contains("Admiralty grade") && about.contains("GeoNames"));
}

#[test]
fn pages_load_nothing_from_other_hosts() {
    let dir = TempDir::new("serve-hosts");
    let server = Server::start(dir.path());
    for path in [
        "/",
        "/stations",
        "/stations/ST001",
        "/stations/ST053",
        "/figures",
        "/responses",
        "/countries/IT",
        "/bureaus/publicbody-wenzhou-psb",
        "/data",
        "/about",
    ] {
        let (status, _, body) = server.get(path);
        assert_eq!(status, 200, "{path}");
        assert!(!body.contains("<script"), "{path} has script");
        for attr in ["src=\"", "<link rel=\"stylesheet\" href=\""] {
            for part in body.split(attr).skip(1) {
                assert!(part.starts_with('/'), "{path}: {attr}{}", &part[..part.len().min(40)]);
            }
        }
    }
}

#[test]
fn a_second_start_reuses_the_data_directory() {
    let dir = TempDir::new("serve-twice");
    drop(Server::start(dir.path()));
    let before = stats(dir.path());
    assert_eq!(before["entities_by_schema"]["Station"], 107);
    let server = Server::start(dir.path());
    let (status, _, _) = server.get("/stations");
    assert_eq!(status, 200);
    drop(server);
    assert_eq!(stats(dir.path()), before);
}

#[test]
fn chinese_readers_get_every_page_in_chinese() {
    let dir = TempDir::new("serve-zh");
    let server = Server::start(dir.path());
    let get_zh = |path: &str| http_get_with(&server.base, path, &[("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")]);

    let (status, headers, home) = get_zh("/");
    assert_eq!(status, 200);
    assert_eq!(header(&headers, "content-language"), Some("zh-Hans"));
    assert!(header(&headers, "vary").unwrap().contains("Accept-Language"));
    assert!(home.contains("<html lang=\"zh-Hans\">"));
    assert!(home.contains("海外警务服务站：有据可查的记录"));
    assert!(home.contains("aria-label=\"意大利：已报道 11 个警务站\""), "the map speaks Chinese too");
    assert!(home.contains(">意大利</a>"), "country names from the gazetteer's Chinese names");
    assert!(home.contains("年") && home.contains("月"), "dates in Chinese form");
    assert!(home.contains("href=\"/?lang=en\""), "a visible switch back to English");

    let (_, _, station) = get_zh("/stations/ST033");
    assert!(station.contains("状态时间线") && station.contains("被勒令关闭"));
    assert!(station.contains("2022年12月20日"));
    assert!(station.contains("鹿特丹"));
    assert!(
        station.contains("<span lang=\"en\">Dutch government (Foreign Affairs"),
        "data stays in its language, marked as such"
    );

    let (_, _, list) = get_zh("/stations?country=ES");
    assert!(list.contains("共 107 个已报道的警务站，显示 9 个"));
    assert!(list.contains("href=\"/stations?country=ES&#38;lang=en\""), "the switch keeps the page and its filters");

    for path in ["/figures", "/responses", "/countries/NL", "/bureaus/publicbody-fuzhou-psb", "/data", "/about"] {
        let (status, _, body) = get_zh(path);
        assert_eq!(status, 200, "{path}");
        assert!(body.contains("<html lang=\"zh-Hans\">"), "{path}");
        assert!(body.contains("警务站"), "{path}");
    }

    let (status, _, missing) = get_zh("/stations/ST999");
    assert_eq!(status, 404);
    assert!(missing.contains("<html lang=\"zh-Hans\">") && missing.contains("<h1>未找到</h1>"), "{missing}");
    let (status, _, bad) = get_zh("/stations?status=vanished");
    assert_eq!(status, 400);
    assert!(bad.contains("请求有误"));
    let (_, _, station_zh) = get_zh("/stations/ST033");
    assert!(station_zh.contains("荷兰 (NL)"), "country values are shown as names");

    // English readers get English; ?lang= overrides and is remembered in a preference cookie.
    let (_, headers, en) = server.get("/");
    assert_eq!(header(&headers, "content-language"), Some("en"));
    assert!(en.contains("the documented record"));
    let (_, headers, switched) = server.get("/figures?lang=zh");
    assert!(switched.contains("<h1>数字</h1>"));
    assert_eq!(header(&headers, "set-cookie"), Some("lang=zh; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly"));
    let (_, _, remembered) = http_get_with(&server.base, "/about", &[("Cookie", "lang=zh")]);
    assert!(remembered.contains("关于本站与方法"));
}

#[test]
fn search_finds_english_and_chinese_with_snippets_and_facets() {
    let dir = TempDir::new("serve-search");
    let server = Server::start(dir.path());
    let search = |q: &str| server.get(&format!("/search?q={}", percent(q)));

    let (status, _, psb) = search("公安局");
    assert_eq!(status, 200);
    for bureau in
        ["publicbody-fuzhou-psb", "publicbody-qingtian-psb", "publicbody-wenzhou-psb", "publicbody-nantong-psb"]
    {
        assert!(psb.contains(&format!("/bureaus/{bureau}")), "{bureau} not found by 公安局");
    }
    assert!(psb.contains("<mark>公安局</mark>"), "matches are highlighted");
    let (_, _, fz) = search("福州");
    assert!(fz.contains("/bureaus/publicbody-fuzhou-psb"));
    let (_, _, qt) = search("青田");
    assert!(qt.contains("/bureaus/publicbody-qingtian-psb"));
    let (_, _, rotterdam) = search("鹿特丹");
    assert!(rotterdam.contains("/stations/ST033"), "a station is found by its city's Chinese name");
    let (_, _, nl) = search("荷兰");
    assert!(nl.contains("/stations/ST033") && nl.contains("/stations/ST034"), "and by its country's");
    let (_, _, capel) = search("Capel Street");
    assert!(capel.contains("/stations/ST039"));
    assert!(capel.contains("<mark>Capel</mark>"));

    // Facets narrow by kind of record and country; the links keep the query.
    let (_, _, all) = search("Prato");
    assert!(
        all.contains("/search?q=Prato&amp;schema=Station") || all.contains("/search?q=Prato&#38;schema=Station"),
        "{all}"
    );
    let (_, _, stations_only) = server.get("/search?q=Prato&schema=Station");
    assert!(stations_only.contains("/stations/ST023") && !stations_only.contains("/responses#"));

    // Hostile and odd input: no error page, no injection.
    for q in ["\"unclosed", "<script>alert(1)</script>", "AND OR", "title:(", "*"] {
        let (status, _, body) = search(q);
        assert_eq!(status, 200, "{q}");
        assert!(!body.contains("<script>alert"), "{q} is escaped");
    }
    let (status, _, _) = server.get(&format!("/search?q={}", "x".repeat(201)));
    assert_eq!(status, 400);
    let (status, _, empty) = server.get("/search");
    assert_eq!(status, 200);
    assert!(empty.contains("role=\"search\""));

    // The API.
    let (status, _, body) = server.get(&format!("/api/v1/search?q={}&schema=PublicBody", percent("公安局")));
    assert_eq!(status, 200);
    let doc: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(doc["total"], 4);
    assert_eq!(doc["hits"].as_array().unwrap().len(), 4);
    assert!(doc["by_schema"].as_array().unwrap().iter().any(|f| f["value"] == "PublicBody" && f["count"] == 4));
    let (status, _, body) = server.get("/api/v1/search?q=");
    assert_eq!(status, 400);
    assert!(body.contains("\"code\":\"invalid_parameter\""));
}

#[test]
fn search_finds_the_same_records_in_either_script_titled_by_name_with_sentences() {
    let dir = TempDir::new("serve-search-scripts");
    let server = Server::start(dir.path());
    let hits = |q: &str, lang: &str| -> (Vec<String>, String) {
        let (status, _, page) = server.get(&format!("/search?q={}&lang={lang}", percent(q)));
        assert_eq!(status, 200, "{q}");
        let mut hrefs: Vec<String> = page
            .split("<li><a href=\"")
            .skip(1)
            .filter_map(|li| li.split('"').next())
            .filter(|href| !href.starts_with("/search"))
            .map(str::to_string)
            .collect();
        hrefs.sort();
        (hrefs, page)
    };
    for (chinese, english) in [
        ("福州", "Fuzhou"),
        ("青田", "Qingtian"),
        ("鹿特丹", "Rotterdam"),
        ("都柏林", "Dublin"),
        ("荷兰", "Netherlands"),
    ] {
        let (zh, _) = hits(chinese, "en");
        let (en, _) = hits(english, "en");
        assert!(!zh.is_empty(), "{chinese} finds nothing");
        assert_eq!(zh, en, "{chinese} and {english} find different records");
    }
    let (fuzhou, page) = hits("福州", "en");
    for station in ["/stations/ST039", "/stations/ST033", "/stations/ST024"] {
        assert!(fuzhou.contains(&station.to_string()), "{station}, run by the Fuzhou bureau, is not found by 福州");
    }
    assert!(page.contains(">Dublin, Ireland</a>"), "a station is titled by its city and country");
    assert!(!page.contains("/api/v1/entities/operation-"), "links are not results of their own");
    assert!(!page.contains("26.06139") && !page.contains("3740000"), "coordinates and populations are not snippets");
    assert!(
        page.contains("Run by <mark>Fuzhou</mark> Public Security Bureau (<mark>福州市</mark>公安局)."),
        "snippets are sentences"
    );
    let (_, zh_page) = hits("福州", "zh");
    assert!(zh_page.contains(">都柏林，爱尔兰</a>"), "the Chinese interface titles by the Chinese names");
}

/// Percent-encodes a query value.
fn percent(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

#[test]
fn stations_filter_by_first_report_and_sort() {
    let dir = TempDir::new("serve-sort");
    let server = Server::start(dir.path());
    let (status, _, pp) = server.get("/stations?first=Patrol+and+Persuade+%28Safeguard+Defenders%29");
    assert_eq!(status, 200);
    assert!(
        pp.contains("of 107 reported stations") && pp.contains("/stations/ST057") && !pp.contains("/stations/ST001\"")
    );
    let (_, _, by_city) = server.get("/stations?sort=city");
    let amsterdam = by_city.find(">Amsterdam</a>").unwrap();
    let athens = by_city.find(">Athens</a>").unwrap();
    let vienna = by_city.find(">Vienna</a>").unwrap();
    assert!(amsterdam < athens && athens < vienna, "sorted by city");
    let (_, _, newest) = server.get("/stations?sort=reported");
    assert!(newest.find("/stations/ST084").unwrap() < newest.find("/stations/ST001").unwrap(), "2023 before 2022");
    let (status, _, bad) = server.get("/stations?sort=colour");
    assert_eq!(status, 400);
    assert!(bad.contains("sort:"));
    let (_, _, api) = server.get("/api/v1/stations?first=Patrol+and+Persuade+%28Safeguard+Defenders%29&limit=500");
    let doc: serde_json::Value = serde_json::from_str(&api).unwrap();
    assert!(doc["data"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["first_reported_in"][0] == "Patrol and Persuade (Safeguard Defenders)"));
    assert!(doc["data"].as_array().unwrap().len() > 20);
}

#[test]
fn conflicting_values_stand_side_by_side_with_their_sources() {
    let dir = TempDir::new("serve-conflict");
    drop(Server::start(dir.path()));
    let files = TempDir::new("serve-conflict-files");
    let other = files.write(
        "other.csv",
        "id,city,country_iso2,country,operating_bureau,first_reported_in,reported_date,status,status_date,address,source_urls\n\
         ST033,Schiedam,NL,Netherlands,Qingtian PSB,Other report,2022-10,reported,2022-10,,https://other.example/article\n",
    );
    let o = lookout(dir.path(), &["import", other.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let server = Server::start(dir.path());
    let (_, _, page) = server.get("/stations/ST033");
    let city = page
        .find("<h3>city <span class=\"conflict\">conflicting values</span></h3>")
        .expect("the city is marked as conflicting");
    let block = &page[city..city + page[city..].find("</section>").unwrap()];
    assert!(block.contains("class=\"values side-by-side\""));
    assert!(block.contains(">Rotterdam</p>") && block.contains(">Schiedam</p>"), "both values, each with its sources");
    assert!(block.contains("other.example"));
    let (_, _, st) = server.get("/api/v1/stations/ST033");
    let doc: serde_json::Value = serde_json::from_str(&st).unwrap();
    let cities: Vec<&str> = doc["statements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["prop"] == "city")
        .filter_map(|s| s["value"].as_str())
        .collect();
    assert!(cities.contains(&"Rotterdam") && cities.contains(&"Schiedam"), "nothing is overwritten");
}

/// Issue 16: the December report's stations that no source locates are in the record, listed by
/// country and bureau with why, each with a page saying so; none is on the map. A station's page
/// names the organisation cited as hosting it.
#[test]
fn stations_no_source_locates_are_listed_with_why_and_not_mapped() {
    let dir = TempDir::new("serve-unlocated");
    let server = Server::start(dir.path());
    let (status, _, list) = server.get("/stations");
    assert_eq!(status, 200);
    let section = list.split("<h2 id=\"unlocated\">").nth(1).expect("a section of stations not located");
    assert!(section.starts_with("Reported but not located</h2>"), "{section}");
    let israel = section.split("<tr>").find(|r| r.contains("/countries/IL")).expect("Israel's row");
    assert!(israel.contains("Nantong Public Security Bureau") && israel.contains("/stations/ST087"), "{israel}");
    let nowhere = section.split("<tr>").filter(|r| r.contains("country not known")).count();
    assert!(nowhere >= 2, "stations no source places even in a country are grouped by bureau: {section}");

    let (status, _, page) = server.get("/stations/ST087");
    assert_eq!(status, 200);
    assert!(page.contains("<h1>Not located, Israel"), "{page}");
    let located = page.split("<dt>Located</dt><dd>").nth(1).unwrap().split("</dd>").next().unwrap();
    assert!(located.starts_with("Not located: <span lang=\"en\">") && located.len() > 60, "says why: {located}");

    let (_, _, home) = server.get("/");
    assert!(!home.contains("station ST087"), "a station not located has no dot on the map");
    let (_, _, zh) = server.get("/stations?lang=zh");
    assert!(zh.contains("有报道但未定位") && zh.contains("国家不详"), "in Chinese too");

    let (_, _, new_york) = server.get("/stations/ST001");
    let hosted = new_york.split("<dt>Hosted by</dt><dd>").nth(1).unwrap().split("</dd>").next().unwrap();
    assert!(hosted.contains("America ChangLe Association NY Inc.") && hosted.contains("(association)"), "{hosted}");
    assert!(hosted.contains("scribd.com"), "the host is cited: {hosted}");
}
