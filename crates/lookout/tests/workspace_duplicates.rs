//! The workspace's duplicates (issue 15), against the real binary and a real server: candidates
//! ranked off the request path and shown with their explanation, a decision recorded (in the
//! clusters, in the audit log) and undone, a forged or stale form changing nothing, and the
//! audit chain verifying after all of it.

mod common;

use common::desk::*;
use common::*;

const ENTITIES: &str = r#"{"id": "psb-fz-en", "schema": "PublicBody", "properties": {"name": ["Fuzhou Public Security Bureau"], "country": ["CN"], "sourceUrl": ["https://example.org/a"]}}
{"id": "psb-fz-zh", "schema": "PublicBody", "properties": {"name": ["福州市公安局"]}}
{"id": "psb-qt", "schema": "PublicBody", "properties": {"name": ["青田县公安局"]}}
"#;

/// The candidates page once the first ranking has run (it reloads itself until then).
fn ranked_page(base: &str, cookie: &str) -> String {
    for _ in 0..100 {
        let (status, headers, page) = http_get_with(base, "/workspace/duplicates", &[("Cookie", cookie)]);
        assert_eq!(status, 200, "{page}");
        assert_eq!(header(&headers, "cache-control"), Some("no-store"));
        if page.contains("id=\"open-pairs\"") {
            return page;
        }
        assert!(page.contains("id=\"ranking\""), "neither ranked nor ranking: {page}");
        assert!(page.contains("<meta http-equiv=\"refresh\""), "the ranking page reloads itself");
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    panic!("the first ranking did not finish in 20 s");
}

/// Whether the page offers a decision on the pair.
fn offers(page: &str, left: &str, right: &str) -> bool {
    page.contains(&format!(
        "<input type=\"hidden\" name=\"left\" value=\"{left}\">\n<input type=\"hidden\" name=\"right\" value=\"{right}\">"
    ))
}

fn audit_actions(base: &str, admin: &str) -> String {
    read_page(base, admin, "/review/audit")
}

#[test]
fn duplicates_are_ranked_decided_audited_and_undone_in_the_workspace() {
    let dir = TempDir::new("ws-duplicates");
    let file = dir.write("bodies.ftm.jsonl", ENTITIES);
    let o = lookout(dir.path(), &["import", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let server = Server::start(dir.path());
    let ana_totp = add_account(dir.path(), "ana", "analyst");
    let root_totp = add_account(dir.path(), "root", "admin");
    let base = server.base.as_str();

    // Anonymous: every route of the section sends to the sign-in page, and changes nothing.
    for path in ["/workspace/duplicates", "/workspace/duplicates/decided", "/workspace/duplicates/clusters"] {
        let (status, headers, _) = http_get(base, path);
        assert_eq!((status, header(&headers, "location")), (303, Some("/review/login")), "{path}");
    }
    for path in ["/workspace/duplicates/decide", "/workspace/duplicates/undo"] {
        let body = b"csrf=x&left=psb-fz-en&right=psb-fz-zh&judgement=match";
        let (status, headers, _) =
            http_send(base, "POST", path, &[("Content-Type", "application/x-www-form-urlencoded")], body);
        assert_eq!((status, header(&headers, "location")), (303, Some("/review/login")), "{path}");
    }

    let (ana, csrf) = sign_in(base, "ana", &ana_totp);
    let (root, _) = sign_in(base, "root", &root_totp);
    let page = ranked_page(base, &ana);
    assert!(offers(&page, "psb-fz-en", "psb-fz-zh"), "{page}");
    assert!(!page.contains("psb-qt"), "Qingtian is not Fuzhou: {page}");
    // Both sides, with links to their record pages, and the explanation of the score.
    assert!(
        page.contains("href=\"/workspace/record/psb-fz-en\"") && page.contains("href=\"/workspace/record/psb-fz-zh\"")
    );
    assert!(page.contains("Fuzhou Public Security Bureau") && page.contains("福州市公安局"));
    assert!(page.contains("<dt>Country</dt><dd>China</dd>"), "the country by name: {page}");
    let why = page.split("<ul class=\"features\"").nth(1).expect("an explanation").split("</ul>").next().unwrap();
    assert!(why.matches("<li").count() >= 2, "the features that decided the score: {why}");
    assert!(page.contains("likely the same"), "{page}");
    let (_, zh) = get(base, &ana, "/workspace/duplicates?lang=zh");
    assert!(zh.contains("得分依据") && zh.contains("同一实体"), "the page in Chinese");
    // An anonymous reader is not served the signed-in page from any cache.
    let (status, _, _) = http_get(base, "/workspace/duplicates");
    assert_eq!(status, 303);

    // A forged token changes nothing.
    let pair = "left=psb-fz-en&right=psb-fz-zh";
    let (status, text) =
        reviewer_post(base, &ana, "not-the-token", "/workspace/duplicates/decide", &format!("{pair}&judgement=match"));
    assert_eq!(status, 400, "{text}");
    assert!(stdout(&lookout(dir.path(), &["clusters"])).is_empty());
    // Bad fields are named.
    let (status, text) =
        reviewer_post(base, &ana, &csrf, "/workspace/duplicates/decide", &format!("{pair}&judgement=maybe"));
    assert!(status == 400 && text.contains("judgement"), "{status} {text}");
    let (status, text) = reviewer_post(
        base,
        &ana,
        &csrf,
        "/workspace/duplicates/decide",
        "left=psb-fz-en&right=psb-nobody&judgement=match",
    );
    assert!(status == 400 && text.contains("psb-nobody"), "{status} {text}");

    // The decision: recorded, in the clusters (the server's and the command line's), audited.
    let (status, text) =
        reviewer_post(base, &ana, &csrf, "/workspace/duplicates/decide", &format!("{pair}&judgement=match"));
    assert_eq!(status, 303, "{text}");
    assert_eq!(stdout(&lookout(dir.path(), &["clusters"])).trim(), "psb-fz-en: psb-fz-en psb-fz-zh");
    let page = ranked_page(base, &ana);
    assert!(!offers(&page, "psb-fz-en", "psb-fz-zh"), "a decided pair is left out: {page}");
    let (_, clusters) = get(base, &ana, "/workspace/duplicates/clusters");
    let listed = clusters.split("id=\"clusters\"").nth(1).expect("a cluster");
    assert!(listed.contains("psb-fz-en") && listed.contains("psb-fz-zh"), "{clusters}");
    let (_, decided) = get(base, &ana, "/workspace/duplicates/decided");
    assert!(decided.contains("the same entity") && decided.contains("<td>ana</td>"), "{decided}");
    let (_, history) = get(base, &ana, "/workspace/record/psb-fz-en");
    assert!(
        history.contains("decided the same entity as: psb-fz-zh"),
        "the entity's history lists the decision: {history}"
    );
    let log = audit_actions(base, &root);
    assert!(log.contains("decision.match") && log.contains("psb-fz-en psb-fz-zh"), "{log}");

    // A form shown before the decision (stale) is refused: the pair was decided meanwhile.
    let (status, text) =
        reviewer_post(base, &ana, &csrf, "/workspace/duplicates/decide", &format!("{pair}&judgement=no-match"));
    assert!(status == 400 && text.contains("already decided"), "{status} {text}");

    // Undo: the cluster splits, the pair is a candidate again, the undo is audited.
    let (status, _) = reviewer_post(base, &ana, "forged", "/workspace/duplicates/undo", pair);
    assert_eq!(status, 400);
    assert!(!stdout(&lookout(dir.path(), &["clusters"])).is_empty(), "a forged undo changes nothing");
    let (status, text) = reviewer_post(base, &ana, &csrf, "/workspace/duplicates/undo", pair);
    assert_eq!(status, 303, "{text}");
    assert!(stdout(&lookout(dir.path(), &["clusters"])).is_empty());
    let (_, clusters) = get(base, &ana, "/workspace/duplicates/clusters");
    assert!(clusters.contains("id=\"no-clusters\""), "{clusters}");
    assert!(offers(&ranked_page(base, &ana), "psb-fz-en", "psb-fz-zh"));
    let (status, text) = reviewer_post(base, &ana, &csrf, "/workspace/duplicates/undo", pair);
    assert!(status == 400 && text.contains("no decision"), "{status} {text}");
    let log = audit_actions(base, &root);
    assert!(log.contains("decision.undone"), "{log}");
    assert_eq!(log.matches("decision.").count(), 2, "refused forms leave no entry: {log}");

    drop(server);
    let o = lookout(dir.path(), &["audit", "verify"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
}
