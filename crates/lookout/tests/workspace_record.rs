//! Issue 15, the workspace over HTTP: a document's proposal accepted by one account is public
//! only when a second confirms it, and leaves the public page when withdrawn; every workspace
//! route refuses the anonymous; forged tokens, bad values and a second review change nothing.

mod common;

use common::desk::*;
use common::workspace::*;
use common::*;

const REPORT: &str = "Investigators in the Netherlands said on 25 October 2022 that the police station in \
Rotterdam had been run by the Fuzhou Public Security Bureau. The Dutch foreign ministry ordered it closed.\n";

/// The bundled record, one ingested news document, an analyst and a reviewer; the server.
fn setup(tag: &str) -> (TempDir, Server, Vec<u8>, Vec<u8>) {
    let dir = TempDir::new(tag);
    record_with_news(dir.path(), REPORT, "https://news.example/nl-station");
    // Started before the accounts are added: its first code comes a step after its start.
    let server = Server::start(dir.path());
    let ana = add_account(dir.path(), "ana", "analyst");
    let rui = add_account(dir.path(), "rui", "reviewer");
    (dir, server, ana, rui)
}

/// The station the Rotterdam proposal concerns, from its page.
fn station_of(proposal_page: &str) -> String {
    first_link(proposal_page, "/workspace/record/station-").trim_start_matches("/workspace/record/station-").to_string()
}

/// A public page's body, which must answer 200.
fn public_page(base: &str, path: &str) -> String {
    let (status, _, body) = http_get(base, path);
    assert_eq!(status, 200, "{path}");
    body
}

/// The version an entity page's add form carries.
fn form_version(page: &str) -> String {
    page.split("name=\"version\" value=\"")
        .nth(1)
        .expect("the add form has a version")
        .split('"')
        .next()
        .unwrap()
        .into()
}

/// Rows of a table, read directly from the database.
fn count_rows(dir: &TempDir, table: &str) -> String {
    let program = format!(
        "import sqlite3, sys\nprint(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM {table}').fetchone()[0])"
    );
    python(&program, &dir.path().join("lookout.db")).trim().to_string()
}

fn pending_ids(confirm_list: &str) -> Vec<String> {
    confirm_list.split("href=\"/workspace/confirm/").skip(1).map(|s| s.split('"').next().unwrap().to_string()).collect()
}

#[test]
fn a_proposal_accepted_by_one_account_is_public_when_another_confirms_it_and_leaves_when_withdrawn() {
    let (dir, server, ana, rui) = setup("ws-loop");
    let base = &server.base;
    let (ana_cookie, ana_csrf) = sign_in(base, "ana", &ana);
    let (status, inbox) = get(base, &ana_cookie, "/workspace/inbox?kind=station-mention");
    assert_eq!(status, 200, "{inbox}");
    let proposal = first_proposal(&inbox);
    let (_, page) = get(base, &ana_cookie, &format!("/workspace/inbox/{proposal}"));
    assert!(page.contains("<mark>Rotterdam</mark>"), "the mention is marked in its sentence: {page}");
    assert!(page.contains("Accepting adds these statements"), "{page}");
    let station = station_of(&page);
    let public = format!("/stations/{station}");
    let before = public_page(base, &public);
    assert!(!before.contains("news.example/nl-station"), "not public before anything is done");

    let (status, _) = reviewer_post(base, &ana_cookie, "forged", &format!("/workspace/inbox/{proposal}/accept"), "");
    assert_eq!(status, 400, "a forged token is refused");
    let (status, text) =
        reviewer_post(base, &ana_cookie, &ana_csrf, &format!("/workspace/inbox/{proposal}/accept"), "");
    assert_eq!(status, 303, "{text}");
    let (status, text) =
        reviewer_post(base, &ana_cookie, &ana_csrf, &format!("/workspace/inbox/{proposal}/accept"), "");
    assert_eq!(status, 400, "a second review is refused");
    assert!(text.contains("already"), "{text}");
    let after_accept = public_page(base, &public);
    assert!(!after_accept.contains("news.example/nl-station"), "accepted by one account is not yet public");

    let (_, list) = get(base, &ana_cookie, "/workspace/confirm");
    let pending = pending_ids(&list);
    assert_eq!(pending.len(), 1, "{list}");
    let statement = &pending[0];
    let (status, text) =
        reviewer_post(base, &ana_cookie, &ana_csrf, &format!("/workspace/confirm/{statement}"), "action=confirm");
    assert_eq!(status, 400, "no one confirms their own: {text}");
    assert!(text.contains("different account"), "{text}");

    let (rui_cookie, rui_csrf) = sign_in(base, "rui", &rui);
    let (_, confirm_page) = get(base, &rui_cookie, &format!("/workspace/confirm/{statement}"));
    assert!(confirm_page.contains("The public page now") && confirm_page.contains("<ins>"), "{confirm_page}");
    let (status, text) =
        reviewer_post(base, &rui_cookie, &rui_csrf, &format!("/workspace/confirm/{statement}"), "action=confirm");
    assert_eq!(status, 303, "{text}");
    let confirmed = public_page(base, &public);
    assert!(confirmed.contains("news.example/nl-station"), "public once a second account confirms: {confirmed}");

    let entity = format!("station-{station}");
    let (status, text) = reviewer_post(
        base,
        &rui_cookie,
        &rui_csrf,
        &format!("/workspace/record/{entity}/withdraw"),
        &format!("statement={statement}&reason=the+document+is+a+rumour"),
    );
    assert_eq!(status, 303, "{text}");
    let withdrawn = public_page(base, &public);
    let cited = |page: &str| page.matches("news.example/nl-station").count();
    assert!(cited(&withdrawn) < cited(&confirmed), "a withdrawn statement leaves the public page");
    let (_, history) = get(base, &ana_cookie, &format!("/workspace/record/{entity}"));
    assert!(history.contains("the document is a rumour") && history.contains("rui"), "{history}");

    let o = lookout(dir.path(), &["audit", "verify"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let log = python(
        "import sqlite3, sys\nfor (a,) in sqlite3.connect(sys.argv[1]).execute('SELECT action FROM audit_log'): print(a)",
        &dir.path().join("lookout.db"),
    );
    for action in ["proposal.accepted", "change.confirmed", "statement.withdrawn"] {
        assert!(log.contains(action), "{action} in {log}");
    }

    // A judgement of a source written behind the server's back, with the database file.
    let seq = python(
        "import sqlite3, sys\ndb = sqlite3.connect(sys.argv[1])\n\
         cur = db.execute(\"INSERT INTO source_judgements (source_key, kind, judged_by, judged_at) \
         VALUES (1, 'official', 'mallory', '2026-01-01T00:00:00Z')\")\ndb.commit()\nprint(cur.lastrowid)",
        &dir.path().join("lookout.db"),
    );
    let o = lookout(dir.path(), &["audit", "verify"]);
    assert!(!o.status.success(), "a judgement without its audit entry fails the check");
    let said = format!("{}{}", stdout(&o), stderr(&o));
    assert!(said.contains(&format!("source_judgements row {}:", seq.trim())), "{said}");
}

#[test]
fn bad_values_name_their_field_and_change_nothing() {
    let (dir, server, ana, _) = setup("ws-bad");
    let base = &server.base;
    let (cookie, csrf) = sign_in(base, "ana", &ana);
    let before = stats(dir.path());
    let add = "/workspace/record/station-ST001/statements";
    let version = form_version(&get(base, &cookie, "/workspace/record/station-ST001").1);
    let source = format!(
        "version={version}&new_url=https%3A%2F%2Fnews.example%2Fx&kind=news&reliability=B&credibility=2&stance=asserts"
    );
    let (status, text) = reviewer_post(base, &cookie, &csrf, add, &source.replace(&format!("version={version}&"), ""));
    assert_eq!(status, 400, "{text}");
    assert!(text.contains("version:"), "a form without its version is refused: {text}");
    for (body, field) in [
        (format!("prop=reportedDate&value=2022-02-30&{source}"), "value"),
        (format!("prop=colour&value=red&{source}"), "prop"),
        (format!("prop=country&value=XX&{source}"), "value"),
        (format!("prop=place&value=publicbody-fuzhou-psb&{source}"), "value"),
        (format!("prop=notes&value=x&{source}&valid_from=2022-13"), "valid_from"),
        (format!("version={version}&prop=notes&value=x&reliability=B&credibility=2&stance=asserts"), "source"),
        (format!("prop=notes&value=x&{source}").replace("news.example%2Fx", "%2Fx"), "new_url"),
        (format!("prop=notes&value=x&{source}").replace("reliability=B", "reliability=Z"), "reliability"),
    ] {
        let (status, text) = reviewer_post(base, &cookie, &csrf, add, &body);
        assert_eq!(status, 400, "{body}: {text}");
        assert!(text.contains(&format!("{field}:")), "{body}: the message names {field}: {text}");
    }
    assert_eq!(stats(dir.path()), before, "nothing was written");
    let (status, text) = reviewer_post(base, &cookie, &csrf, add, &format!("prop=notes&value=seen+by+ana&{source}"));
    assert_eq!(status, 303, "{text}");
    assert_ne!(stats(dir.path()), before);

    // A station created from its city's Chinese name, pending until a second account confirms.
    let create = "/workspace/record/new";
    let station = format!("schema=Station&country=NL&bureau=publicbody-fuzhou-psb&{source}")
        .replace(&format!("version={version}&"), "");
    let (status, text) =
        reviewer_post(base, &cookie, &csrf, create, &format!("city=%E4%B9%8C%E6%89%98%E9%82%A6&{station}"));
    assert_eq!(status, 400, "{text}");
    assert!(text.contains("city:"), "a city the gazetteer lacks is named: {text}");
    let (status, headers, text) = http_send(
        base,
        "POST",
        create,
        &[("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", &cookie)],
        format!("csrf={csrf}&city=%E9%B9%BF%E7%89%B9%E4%B8%B9&{station}").as_bytes(),
    );
    assert_eq!(status, 303, "鹿特丹 is Rotterdam in the gazetteer: {text}");
    let created = header(&headers, "location").unwrap().to_string();
    assert!(created.starts_with("/workspace/record/station-rotterdam-"), "{created}");
    let (_, page) = get(base, &cookie, &created);
    assert!(page.contains("Rotterdam") && page.contains("waiting for confirmation"), "{page}");
    let key = created.trim_start_matches("/workspace/record/station-");
    assert_eq!(http_get(base, &format!("/stations/{key}")).0, 404, "not public before a second account confirms");
    assert!(!public_page(base, "/stations").contains(key));
}

#[test]
fn every_workspace_route_refuses_the_anonymous() {
    let (_dir, server, ana, _) = setup("ws-anon");
    // Pages an account saw are not kept for anyone else.
    let (cookie, _) = sign_in(&server.base, "ana", &ana);
    for path in ["/workspace", "/workspace/inbox", "/workspace/record/station-ST001"] {
        assert_eq!(get(&server.base, &cookie, path).0, 200, "{path}");
    }
    for path in
        ["/workspace", "/workspace/inbox", "/workspace/confirm", "/workspace/record", "/workspace/record/station-ST001"]
    {
        let (status, headers, _) = http_get(&server.base, path);
        assert_eq!((status, header(&headers, "location")), (303, Some("/review/login")), "{path}");
    }
    for path in ["/workspace/inbox/accept-all", "/workspace/record/station-ST001/statements", "/workspace/record/new"] {
        let (status, _, _) =
            http_send(&server.base, "POST", path, &[("Content-Type", "application/x-www-form-urlencoded")], b"csrf=x");
        assert_eq!(status, 303, "{path}");
    }
}

#[test]
fn two_accounts_accepting_one_proposal_at_once_one_wins() {
    let (_dir, server, ana, rui) = setup("ws-race");
    let base = server.base.clone();
    let (ana_cookie, ana_csrf) = sign_in(&base, "ana", &ana);
    let (rui_cookie, rui_csrf) = sign_in(&base, "rui", &rui);
    let (_, inbox) = get(&base, &ana_cookie, "/workspace/inbox");
    let path = format!("/workspace/inbox/{}/accept", first_proposal(&inbox));
    let results: Vec<(u16, String)> = std::thread::scope(|s| {
        let a = s.spawn(|| reviewer_post(&base, &ana_cookie, &ana_csrf, &path, ""));
        let b = s.spawn(|| reviewer_post(&base, &rui_cookie, &rui_csrf, &path, ""));
        vec![a.join().unwrap(), b.join().unwrap()]
    });
    let statuses: Vec<u16> = results.iter().map(|r| r.0).collect();
    assert!(statuses.contains(&303) && statuses.contains(&400), "{results:?}");
    let loser = &results.iter().find(|r| r.0 == 400).unwrap().1;
    assert!(loser.contains("already") || loser.contains("meanwhile"), "the other is told: {loser}");
}

#[test]
fn a_form_made_stale_by_another_account_adds_nothing_and_is_shown_again_with_its_input() {
    let (dir, server, ana, rui) = setup("ws-stale");
    let base = &server.base;
    let entity = "/workspace/record/station-ST001";
    let add = format!("{entity}/statements");
    let (ana_cookie, ana_csrf) = sign_in(base, "ana", &ana);
    let (rui_cookie, rui_csrf) = sign_in(base, "rui", &rui);
    let ana_version = form_version(&get(base, &ana_cookie, entity).1);
    let source = "new_url=https%3A%2F%2Fnews.example%2Fy&kind=news&reliability=B&credibility=2&stance=asserts";

    // rui adds a statement from a fresh form: the entity changes.
    let rui_version = form_version(&get(base, &rui_cookie, entity).1);
    assert_eq!(rui_version, ana_version);
    let (status, text) = reviewer_post(
        base,
        &rui_cookie,
        &rui_csrf,
        &add,
        &format!("version={rui_version}&prop=notes&value=seen+by+rui&{source}"),
    );
    assert_eq!(status, 303, "{text}");

    // ana's form, made before, adds nothing and comes back with her input and rui's change.
    let statements = count_rows(&dir, "statements");
    let audited = count_rows(&dir, "audit_log");
    let ana_body = format!("version={ana_version}&prop=notes&value=seen+by+ana&quote=a+quote+of+hers&{source}");
    let (status, page) = reviewer_post(base, &ana_cookie, &ana_csrf, &add, &ana_body);
    assert_eq!(status, 409, "{page}");
    assert!(page.contains("This entity changed after you opened the form"), "{page}");
    assert!(page.contains("value=\"seen by ana\"") && page.contains(">a quote of hers</textarea>"), "{page}");
    assert!(page.contains("<option selected>B</option>") && page.contains("<option selected>notes</option>"), "{page}");
    assert!(page.contains("seen by rui"), "the change is shown: {page}");
    assert_eq!((count_rows(&dir, "statements"), count_rows(&dir, "audit_log")), (statements, audited));
    let (status, zh) = reviewer_post(base, &ana_cookie, &ana_csrf, &format!("{add}?lang=zh"), &ana_body);
    assert_eq!(status, 409, "{zh}");
    assert!(zh.contains("该实体已有变更"), "{zh}");

    // A withdrawal changes the entity too.
    let (_, list) = get(base, &ana_cookie, "/workspace/confirm");
    let rui_statement = &pending_ids(&list)[0];
    let fresh = form_version(&page);
    let (status, text) = reviewer_post(
        base,
        &rui_cookie,
        &rui_csrf,
        &format!("{entity}/withdraw"),
        &format!("statement={rui_statement}&reason=a+mistake"),
    );
    assert_eq!(status, 303, "{text}");
    let refreshed = format!("version={fresh}&prop=notes&value=seen+by+ana&{source}");
    let (status, page) = reviewer_post(base, &ana_cookie, &ana_csrf, &add, &refreshed);
    assert_eq!(status, 409, "{page}");

    // Made again from the page as it now stands, it is added.
    let current = format!("version={}&prop=notes&value=seen+by+ana&{source}", form_version(&page));
    let (status, text) = reviewer_post(base, &ana_cookie, &ana_csrf, &add, &current);
    assert_eq!(status, 303, "{text}");
    let o = lookout(dir.path(), &["audit", "verify"]);
    assert!(o.status.success(), "the workspace's writes are covered: {}{}", stdout(&o), stderr(&o));

    // A confirmation written behind the server's back, with the database file.
    python(
        "import sqlite3, sys\ndb = sqlite3.connect(sys.argv[1])\n\
         db.execute(\"INSERT INTO statement_events (statement_id, action, acted_by, acted_at) \
         SELECT id, 'confirmed', 'mallory', '2026-01-01T00:00:00Z' FROM statements WHERE status = 'proposed'\")\n\
         db.commit()",
        &dir.path().join("lookout.db"),
    );
    let o = lookout(dir.path(), &["audit", "verify"]);
    assert!(!o.status.success(), "an event without its audit entry fails the check");
    let said = format!("{}{}", stdout(&o), stderr(&o));
    assert!(said.contains("statement_events row 2"), "{said}");
}
