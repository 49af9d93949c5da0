//! A restricted person reaches no public output through a link: their membership of a public
//! organisation, and a link to that membership, are withheld whole from every export, API answer,
//! page and feed, while the organisation itself stays public. Marking the person a public figure
//! is what would publish them (the store's own tests cover that).

mod common;

use common::*;

/// What no public output may contain: the person's name, their id, their membership's id, the id
/// of the link to that membership (ids can carry a name, as these do), and the address of the
/// source only those cite.
const NEVER: [&str; 5] =
    ["CANARY PRIVATE PERSON", "person-canary", "membership-canary", "link-to-membership", "canary-person-court-file"];

const SOURCE_URL: &str = "https://example.org/members";

/// The source only the membership and the link to it cite.
const PRIVATE_URL: &str = "https://example.org/canary-person-court-file";

/// The bundled record, plus a restricted person, a public organisation, the person's membership,
/// a link to that membership, and a public link between two organisations as a control.
fn seeded() -> TempDir {
    let dir = TempDir::new("restricted-links");
    import_bundled_csv(dir.path());
    let rows = [
        r#"{"id":"person-canary","schema":"Person","properties":{"name":["CANARY PRIVATE PERSON"],"sourceUrl":["https://example.org/members"]}}"#,
        r#"{"id":"org-canary","schema":"Organization","properties":{"name":["Canary Association"],"sourceUrl":["https://example.org/members"]}}"#,
        r#"{"id":"org-member","schema":"Organization","properties":{"name":["Member Society"],"sourceUrl":["https://example.org/members"]}}"#,
        r#"{"id":"membership-canary","schema":"Membership","properties":{"member":["person-canary"],"organization":["org-canary"],"role":["chair"],"sourceUrl":["https://example.org/canary-person-court-file"]}}"#,
        r#"{"id":"link-to-membership","schema":"UnknownLink","properties":{"subject":["membership-canary"],"object":["org-member"],"sourceUrl":["https://example.org/canary-person-court-file"]}}"#,
        r#"{"id":"link-society","schema":"UnknownLink","properties":{"subject":["org-member"],"object":["org-canary"],"sourceUrl":["https://example.org/members"]}}"#,
    ];
    let ftm = dir.write("members.ftm.jsonl", &(rows.join("\n") + "\n"));
    let o = lookout(dir.path(), &["import", ftm.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    dir
}

fn assert_clean(what: &str, text: &str) {
    for never in NEVER {
        assert!(!text.contains(never), "{what} names {never:?}:\n{text}");
    }
}

#[test]
fn no_export_names_a_restricted_person_through_a_link() {
    let dir = seeded();
    for format in ["ftm", "csv", "json", "gexf", "geojson"] {
        let o = lookout(dir.path(), &["export", "--format", format]);
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        let out = stdout(&o);
        assert_clean(format, &out);
        // The control: the organisations and the link between them are public (GEXF draws the
        // link as an edge between the two; GeoJSON holds stations only).
        let control = match format {
            "gexf" => out.contains(r#"source="org-member" target="org-canary""#),
            "geojson" => out.contains("station-"),
            _ => out.contains("org-canary") && out.contains("link-society"),
        };
        assert!(control, "{format} lost what is public:\n{out}");
    }
}

#[test]
fn no_page_or_api_answer_names_a_restricted_person_through_a_link() {
    let dir = seeded();
    let server = Server::start(dir.path());
    for path in [
        "/api/v1/entities/membership-canary",
        "/api/v1/entities/link-to-membership",
        "/api/v1/entities/person-canary",
        "/api/v1/statements?entity=membership-canary",
        "/entities/membership-canary",
        "/entities/link-to-membership",
        "/entities/person-canary",
    ] {
        let (status, _, body) = server.get(path);
        assert_eq!(status, 404, "{path}: {body}");
        assert!(!body.contains("CANARY PRIVATE PERSON"), "{path}: {body}");
    }
    let (status, _, org) = server.get("/api/v1/entities/org-canary");
    assert_eq!(status, 200, "{org}");
    let (status, _, link) = server.get("/entities/link-society");
    assert_eq!(status, 200, "{link}");

    // The source that cites them all: its page and its API answer list only what is public.
    let id = lookout_core::Source::from_url(SOURCE_URL).id;
    for path in [format!("/sources/{id}"), format!("/api/v1/sources/{id}")] {
        let (status, _, body) = server.get(&path);
        assert_eq!(status, 200, "{path}: {body}");
        assert!(body.contains("org-canary") && body.contains("link-society"), "{path} lost the public link: {body}");
        assert_clean(&path, &body);
    }

    let private = lookout_core::Source::from_url(PRIVATE_URL).id;
    for path in [format!("/sources/{private}"), format!("/api/v1/sources/{private}")] {
        assert_eq!(server.get(&path).0, 404, "{path}: a source only the withheld links cite");
    }
    // Every page of the list of sources.
    let mut listed = String::new();
    let mut path = "/api/v1/sources?limit=500".to_string();
    loop {
        let (status, _, page) = server.get(&path);
        assert_eq!(status, 200, "{path}: {page}");
        let doc: serde_json::Value = serde_json::from_str(&page).unwrap();
        listed.push_str(&page);
        match doc["next_cursor"].as_str() {
            Some(cursor) => path = format!("/api/v1/sources?limit=500&cursor={cursor}"),
            None => break,
        }
    }
    assert!(listed.contains(SOURCE_URL), "the public source is listed");
    assert_clean("/api/v1/sources", &listed);

    // Feeds, search, downloads and the nested yente answer.
    for path in [
        "/changes.atom",
        "/search?q=Canary",
        "/api/v1/search?q=Canary",
        "/data/lookout.ftm.jsonl",
        "/data/lookout.csv",
        "/data/lookout.json",
        "/entities/org-canary?nested=true",
        "/entities/org-member?nested=true",
    ] {
        let (status, _, body) = server.get(path);
        assert_eq!(status, 200, "{path}: {body}");
        assert!(
            body.contains("Canary Association") || body.contains("org-canary"),
            "{path} lost the organisation: {body}"
        );
        assert_clean(path, &body);
    }
}
