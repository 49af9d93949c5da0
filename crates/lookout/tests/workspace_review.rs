//! Issue 15 over HTTP: a proposal accepted as edited (and an edit that does not fit refused,
//! naming its field), a change rejected by a second account with a reason, and a person marked a
//! public figure only by a reviewer, citing a source, after which (and only after which) the
//! person is public.

mod common;

use common::desk::*;
use common::workspace::*;
use common::*;

const REPORT: &str = "Investigators in the Netherlands said on 25 October 2022 that the police station in \
Rotterdam had been run by the Fuzhou Public Security Bureau. The Dutch foreign ministry ordered it closed.\n";

#[test]
fn an_edited_acceptance_and_a_rejected_change() {
    let dir = TempDir::new("ws-edit");
    record_with_news(dir.path(), REPORT, "https://news.example/nl-edit");
    let server = Server::start(dir.path());
    let (ana, rui) = (add_account(dir.path(), "ana", "analyst"), add_account(dir.path(), "rui", "reviewer"));
    let base = &server.base;
    let (cookie, csrf) = sign_in(base, "ana", &ana);
    let proposal =
        first_link(&read_page(base, &cookie, "/workspace/inbox?kind=station-mention"), "/workspace/inbox/proposal-");
    // Pages are cut next to a proposal: the page after the first leaves it out and links back.
    let inbox = read_page(base, &cookie, "/workspace/inbox");
    let first = first_proposal(&inbox);
    let after = read_page(base, &cookie, &format!("/workspace/inbox?after={first}&from=2"));
    assert!(!after.contains(&format!("/workspace/inbox/{first}\"")), "{after}");
    assert!(after.contains("before=") && after.contains("rel=\"prev\""), "{after}");
    assert!(after.contains("2–"), "numbered from the link's position: {after}");
    for (path, field) in [
        ("/workspace/inbox?after=proposal-0000", "after:"),
        ("/workspace/inbox?before=proposal-0000", "before:"),
        (&*format!("/workspace/inbox?after={first}&before={first}"), "after:"),
    ] {
        let (status, text) = get(base, &cookie, path);
        assert_eq!(status, 400, "{path}: {text}");
        assert!(text.contains(field), "{path} names {field}: {text}");
    }
    let accept = format!("{proposal}/accept");
    let edited = "edited=1&entity_0=station-ST033&prop_0=status&value_0=closure_ordered&date_0=2022-11-01\
                  &reliability=B&credibility=2&claimant=the+Dutch+foreign+ministry&stance=asserts";
    let before = stats(dir.path());
    for (bad, field) in [
        (edited.replace("prop_0=status", "prop_0=colour"), "statement 1: property"),
        (edited.replace("value_0=closure_ordered", "value_0=vanished"), "statement 1: value"),
        (edited.replace("date_0=2022-11-01", "date_0=2022-11-31"), "statement 1: date"),
        (edited.replace("entity_0=station-ST033", "entity_0=station-NOPE"), "statement 1: entity"),
        (edited.replace("reliability=B", "reliability=Q"), "reliability"),
    ] {
        let (status, text) = reviewer_post(base, &cookie, &csrf, &accept, &bad);
        assert_eq!(status, 400, "{bad}: {text}");
        assert!(text.contains(&format!("{field}:")), "{bad}: names {field}: {text}");
    }
    assert_eq!(stats(dir.path()), before, "no refused edit wrote anything");
    let (status, text) = reviewer_post(base, &cookie, &csrf, &accept, edited);
    assert_eq!(status, 303, "{text}");
    let confirm = read_page(base, &cookie, "/workspace/confirm");
    assert!(
        confirm.contains("status = closure_ordered"),
        "the edited statement waits, not the proposed one: {confirm}"
    );
    assert!(!confirm.contains("city = Rotterdam"), "{confirm}");
    let entity = read_page(base, &cookie, "/workspace/record/station-ST033");
    assert!(entity.contains("the Dutch foreign ministry") && entity.contains("B2"), "claimant and grade kept");

    let change = first_link(&confirm, "/workspace/confirm/");
    let (rui_cookie, rui_csrf) = sign_in(base, "rui", &rui);
    let (status, text) = reviewer_post(base, &rui_cookie, &rui_csrf, &change, "action=reject");
    assert_eq!(status, 400, "a rejection says why: {text}");
    assert!(text.contains("reason:"), "{text}");
    let (status, text) =
        reviewer_post(base, &rui_cookie, &rui_csrf, &change, "action=reject&reason=the+order+came+later");
    assert_eq!(status, 303, "{text}");
    let page = read_page(base, &rui_cookie, &change);
    assert!(page.contains("id=\"status\">rejected"), "{page}");
    let history = read_page(base, &rui_cookie, "/workspace/record/station-ST033");
    assert!(history.contains("the order came later"), "the reason is in the history");
    assert!(!http_get(base, "/stations/ST033").2.contains("news.example/nl-edit"), "a rejected change stays private");
}

#[test]
fn only_a_reviewer_marks_a_person_a_public_figure_citing_a_source() {
    let dir = TempDir::new("ws-person");
    let person = dir.write(
        "people.ftm.json",
        r#"{"id": "person-official-1", "schema": "Person", "properties": {"name": ["Official One"], "country": ["cn"], "position": ["deputy director"], "sourceUrl": ["https://court.example/case-1"]}}
"#,
    );
    let o = lookout(dir.path(), &["import", person.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let server = Server::start(dir.path());
    let (ana, rui) = (add_account(dir.path(), "ana", "analyst"), add_account(dir.path(), "rui", "reviewer"));
    let base = &server.base;
    let public = "/api/v1/entities/person-official-1";
    assert_eq!(http_get(base, public).0, 404, "a person is restricted by default");
    let mark = "/workspace/record/person-official-1/public-figure";
    let (cookie, csrf) = sign_in(base, "ana", &ana);
    let (status, _) =
        reviewer_post(base, &cookie, &csrf, mark, "public=1&new_url=https%3A%2F%2Fcourt.example%2Fcase-1");
    assert_eq!(status, 403, "an analyst does not mark public figures");
    let (rui_cookie, rui_csrf) = sign_in(base, "rui", &rui);
    let (status, text) = reviewer_post(base, &rui_cookie, &rui_csrf, mark, "public=1");
    assert_eq!(status, 400, "a mark cites a source: {text}");
    assert_eq!(http_get(base, public).0, 404);
    let (status, text) = reviewer_post(
        base,
        &rui_cookie,
        &rui_csrf,
        mark,
        "public=1&new_url=https%3A%2F%2Fcourt.example%2Fcase-1&kind=court",
    );
    assert_eq!(status, 303, "{text}");
    assert_eq!(http_get(base, public).0, 200, "public once marked");
    let (status, text) =
        reviewer_post(base, &rui_cookie, &rui_csrf, mark, "public=0&new_url=https%3A%2F%2Fcourt.example%2Fcase-1");
    assert_eq!(status, 303, "{text}");
    assert_eq!(http_get(base, public).0, 404, "restricted again");
    let log = python(
        "import sqlite3, sys\nfor (a,) in sqlite3.connect(sys.argv[1]).execute('SELECT action FROM audit_log'): print(a)",
        &dir.path().join("lookout.db"),
    );
    assert!(log.contains("person.marked-public-figure") && log.contains("person.restricted"), "{log}");
    assert!(lookout(dir.path(), &["audit", "verify"]).status.success());
}
