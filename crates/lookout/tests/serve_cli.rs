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
    assert!(body.contains("86 of 86 reported stations"), "{body}");
    assert!(body.contains("<a href=\"/stations/ST033\">Rotterdam</a>"));
    assert!(body.contains("Fuzhou Public Security Bureau"));

    let (status, _, page) = server.get("/stations/ST033");
    assert_eq!(status, 200);
    assert!(page.contains("Rotterdam, The Netherlands"));
    assert!(page.contains("closure ordered"));
    assert!(page.contains("according to Dutch government"), "the claimant is kept with the step");
    assert!(page.contains("Rotterdam / 鹿特丹"), "place names in English and Chinese from GeoNames");
    assert!(page.contains("Dutch Foreign Minister"), "linked responses are listed");
    // Every statement shows its source and grade.
    let rows = page.matches("rel=\"noreferrer nofollow\"").count();
    assert!(rows > 20, "{rows} source links");
    assert!(page.contains("<abbr title=\"source"));

    // Filters, and their errors.
    let (status, _, nl) = server.get("/stations?country=NL");
    assert_eq!(status, 200);
    assert!(nl.contains("2 of 86 reported stations"), "{nl}");
    let (status, _, fz) = server.get("/stations?bureau=publicbody-nantong-psb");
    assert_eq!(status, 200);
    assert!(fz.contains("of 86 reported stations") && fz.contains("Auckland"));
    let (status, _, closed) = server.get("/stations?status=guilty_plea");
    assert_eq!(status, 200);
    assert!(closed.contains("1 of 86"), "{closed}");
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
    let (status, headers, _) = server.get("/");
    assert_eq!(status, 303);
    assert_eq!(header(&headers, "location"), Some("/stations"));
}

#[test]
fn pages_load_nothing_from_other_hosts() {
    let dir = TempDir::new("serve-hosts");
    let server = Server::start(dir.path());
    for path in ["/stations", "/stations/ST001", "/stations/ST053"] {
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
    assert_eq!(before["entities_by_schema"]["Station"], 86);
    let server = Server::start(dir.path());
    let (status, _, _) = server.get("/stations");
    assert_eq!(status, 200);
    drop(server);
    assert_eq!(stats(dir.path()), before);
}
