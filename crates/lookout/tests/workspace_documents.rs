//! Issue 15, the workspace's documents and sources against a real server: uploads read in a
//! child process with a progress page, documents' pages with their mentions marked, bad uploads
//! refused with nothing kept, a reader that is killed keeps nothing and the server lives on,
//! judged sources on the public pages and in the audit log, and every route behind sign-in.

mod common;

use std::time::{Duration, Instant};

use common::desk::*;
use common::workspace::*;
use common::*;

const REPORT: &str = "Investigators in the Netherlands said on 25 October 2022 that the police station in \
Rotterdam had been run by the Fuzhou Public Security Bureau. The Dutch foreign ministry ordered it closed.\n\n\
An earlier count by the NGO found 54 police stations in 30 countries.\n";

/// A one-page PDF whose text layer says `line`.
fn text_pdf(line: &str) -> Vec<u8> {
    use lopdf::{dictionary, Object, Stream};
    let mut doc = lopdf::Document::with_version("1.5");
    let pages = doc.new_object_id();
    let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
    let content = format!("BT /F1 12 Tf 40 700 Td ({line}) Tj ET");
    let contents = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } }, "Contents" => contents,
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A multipart upload: the token first, then `fields`, then `files` (name, bytes).
fn upload(
    base: &str,
    cookie: &str,
    csrf: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &[u8])],
) -> (u16, Vec<(String, String)>, String) {
    let boundary = "----lookout-upload-boundary-5e2a";
    let mut body = Vec::new();
    for (name, value) in [("csrf", csrf)].iter().chain(fields) {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
        );
    }
    for (name, bytes) in files {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    let kind = format!("multipart/form-data; boundary={boundary}");
    http_send(base, "POST", "/workspace/documents", &[("Content-Type", &kind), ("Cookie", cookie)], &body)
}

/// The upload page once it is done or stopped (it refreshes itself until then).
fn finished_upload(base: &str, cookie: &str, location: &str) -> String {
    let started = Instant::now();
    loop {
        let (status, page) = get(base, cookie, location);
        assert_eq!(status, 200, "{page}");
        if page.contains("data-state=\"done\"") || page.contains("data-state=\"stopped\"") {
            assert!(!page.contains("http-equiv=\"refresh\""), "a finished upload stops refreshing");
            return page;
        }
        assert!(page.contains("<meta http-equiv=\"refresh\" content=\"2\">"), "it refreshes itself: {page}");
        assert!(started.elapsed() < Duration::from_secs(240), "the upload never finished: {page}");
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// Uploads and waits: the finished upload page.
fn upload_and_wait(base: &str, cookie: &str, csrf: &str, fields: &[(&str, &str)], files: &[(&str, &[u8])]) -> String {
    let (status, headers, page) = upload(base, cookie, csrf, fields, files);
    assert_eq!(status, 303, "{page}");
    let location = header(&headers, "location").unwrap().to_string();
    assert!(location.starts_with("/workspace/documents/uploads/"), "{location}");
    finished_upload(base, cookie, &location)
}

/// The documents linked from a finished upload page, in order.
fn documents_in(page: &str) -> Vec<String> {
    let links = page.split("href=\"/workspace/documents/").skip(1).map(|s| s.split('"').next().unwrap().to_string());
    links.filter(|l| l.len() == 64 && l.bytes().all(|b| b.is_ascii_hexdigit())).collect()
}

/// One value per line from a query of the database.
fn query(dir: &std::path::Path, sql: &str) -> Vec<String> {
    let program = format!(
        "import sqlite3, sys\nfor row in sqlite3.connect(sys.argv[1]).execute({sql:?}): print('|'.join(str(v) for v in row))"
    );
    python(&program, &dir.join("lookout.db")).lines().map(str::to_string).collect()
}

fn signed_in(tag: &str, role: &str, env: &[(&str, &str)]) -> (TempDir, Server, String, String) {
    let dir = TempDir::new(tag);
    let server = Server::start_with_env(dir.path(), env);
    let totp = add_account(dir.path(), "ana", role);
    let (cookie, csrf) = sign_in(&server.base, "ana", &totp);
    (dir, server, cookie, csrf)
}

#[test]
fn issue15_uploads_are_read_in_a_child_and_pages_mark_their_mentions() {
    let (dir, server, cookie, csrf) = signed_in("ws-docs-upload", "analyst", &[]);
    let base = &server.base;
    let (status, list) = get(base, &cookie, "/workspace/documents");
    assert_eq!(status, 200);
    assert!(list.contains("enctype=\"multipart/form-data\"") && list.contains("<label for=\"files\">"), "{list}");

    let fields = [("url", "https://nos.example/rotterdam"), ("published", "2022-10-25"), ("kind", "news")];
    let done = upload_and_wait(base, &cookie, &csrf, &fields, &[("rotterdam.txt", REPORT.as_bytes())]);
    assert!(done.contains("data-state=\"done\""), "{done}");
    let txt = documents_in(&done)[0].clone();
    let (status, page) = get(base, &cookie, &format!("/workspace/documents/{txt}"));
    assert_eq!(status, 200, "{page}");
    assert!(page.contains(">Rotterdam</mark>") && page.contains("<mark class=\"m-place\""), "{page}");
    assert!(page.contains("<mark class=\"m-organisation\""), "the bureau is marked: {page}");
    assert!(page.contains("href=\"/workspace/inbox/proposal-"), "its proposals are linked: {page}");
    assert!(page.contains(&txt) && page.contains("rotterdam.txt") && page.contains("<dd>ana</dd>"), "capture: {page}");
    let (status, headers, original) = http_get_with(
        base,
        &format!("/workspace/documents/{txt}/original"),
        &[("Cookie", &cookie), ("Accept-Language", "en")],
    );
    assert_eq!((status, original.as_str()), (200, REPORT));
    assert_eq!(header(&headers, "content-type"), Some("application/octet-stream"));
    assert!(header(&headers, "content-disposition").unwrap().contains("attachment; filename=\"rotterdam.txt\""));

    // A PDF without an address: restricted, its text read from its layer.
    let pdf = text_pdf("The police station in Prato was run by the Wenzhou Public Security Bureau.");
    let done = upload_and_wait(base, &cookie, &csrf, &[], &[("prato.pdf", &pdf)]);
    let pdf_sha = documents_in(&done)[0].clone();
    let (_, page) = get(base, &cookie, &format!("/workspace/documents/{pdf_sha}"));
    assert!(page.contains(">Prato</mark>"), "{page}");
    assert!(page.contains("<dt>Restricted</dt><dd>yes</dd>"), "{page}");
    let (status, headers, _) = http_get(base, &format!("/workspace/documents/{pdf_sha}/original"));
    assert_eq!((status, header(&headers, "location")), (303, Some("/review/login")), "no original without a session");

    let (_, list) = get(base, &cookie, "/workspace/documents");
    let (first, second) = (list.find(&pdf_sha).unwrap(), list.find(&txt).unwrap());
    assert!(first < second, "newest first");
    assert!(list.contains("https://nos.example/rotterdam"));

    let by: Vec<String> = query(dir.path(), "SELECT DISTINCT proposed_by FROM proposals");
    assert_eq!(by, ["lookout ingest (ana)"], "the uploader proposes");
    let audit = query(dir.path(), "SELECT actor, action, subject FROM audit_log WHERE action = 'document.uploaded'");
    assert_eq!(audit, [format!("ana|document.uploaded|{txt}"), format!("ana|document.uploaded|{pdf_sha}")]);
    let verified = lookout(dir.path(), &["audit", "verify"]);
    assert!(verified.status.success(), "{}", stderr(&verified));
}

/// What is sent, which field the refusal names, and why.
type BadUpload<'a> = (&'a str, Vec<(&'a str, &'a str)>, Vec<(&'a str, &'a [u8])>, &'a str, &'a str);

#[test]
fn issue15_bad_uploads_are_refused_naming_the_field_and_nothing_is_kept() {
    let (dir, server, cookie, csrf) = signed_in("ws-docs-refused", "analyst", &[]);
    let base = &server.base;
    let big = vec![b'a'; 50 * 1024 * 1024 + 1];
    let text: &[u8] = b"The police station in Rotterdam.";
    let cases: Vec<BadUpload<'_>> = vec![
        ("wrong type", vec![], vec![("notes.docx", text)], "files: notes.docx", "only .txt, .md, .html and .pdf"),
        ("oversized", vec![], vec![("big.txt", &big)], "files: big.txt", "larger than 50 MB"),
        ("forged token", vec![], vec![("a.txt", text)], "token", "does not match your session"),
        ("bad date", vec![("published", "2022-02-30")], vec![("a.txt", text)], "published", "2022-02-30"),
        ("bad address", vec![("url", "javascript:alert(1)")], vec![("a.txt", text)], "url", "not an http(s) address"),
        (
            "address of two",
            vec![("url", "https://nos.example/a")],
            vec![("a.txt", text), ("b.txt", text)],
            "url",
            "one",
        ),
        ("bad kind", vec![("kind", "rumour")], vec![("a.txt", text)], "kind", "rumour"),
        ("no file", vec![], vec![], "files", "choose at least one file"),
    ];
    for (what, fields, files, field, why) in cases {
        let token = if what == "forged token" { "forged" } else { csrf.as_str() };
        let (status, _, page) = upload(base, &cookie, token, &fields, &files);
        assert_eq!(status, 400, "{what}: {page}");
        assert!(page.contains(field) && page.contains(why), "{what}: the message names {field}: {page}");
        assert!(page.contains("Nothing was changed") || what == "forged token", "{what}: {page}");
    }
    assert!(alive(base));
    assert_eq!(query(dir.path(), "SELECT COUNT(*) FROM documents"), ["0"]);
    assert_eq!(query(dir.path(), "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'document.%'"), ["0"]);
    let kept = |sub: &str| std::fs::read_dir(dir.path().join(sub)).map(|d| d.count()).unwrap_or(0);
    assert_eq!((kept("uploads"), kept("evidence")), (0, 0), "no file is left behind");

    // A damaged PDF: read in the child, refused by name; the other file of the upload is kept.
    let done = upload_and_wait(
        base,
        &cookie,
        &csrf,
        &[],
        &[("corrupt.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF garbage"), ("fine.txt", REPORT.as_bytes())],
    );
    assert!(done.contains("corrupt.pdf: a damaged PDF file"), "{done}");
    assert!(!done.contains(&dir.path().display().to_string()), "no path of the server is shown: {done}");
    assert_eq!(documents_in(&done).len(), 1, "{done}");
    assert_eq!(query(dir.path(), "SELECT COUNT(*) FROM documents"), ["1"]);
}

#[test]
fn issue15_hostile_pdfs_keep_nothing_and_the_server_lives_on() {
    let (dir, server, cookie, csrf) = signed_in("ws-docs-hostile", "analyst", &[]);
    let base = &server.base;
    for (name, pdf) in [
        ("nested.pdf", common::fixtures::pdf_nested_arrays(200_000)),
        ("bomb.pdf", common::fixtures::pdf_doubly_compressed_bomb(1_000)),
    ] {
        let page = upload_and_wait(base, &cookie, &csrf, &[], &[(name, &pdf)]);
        assert!(alive(base), "{name}: the server lives on");
        assert!(page.contains("class=\"file-failed\""), "{name}: refused by name, or its reader stopped: {page}");
    }
    assert_eq!(query(dir.path(), "SELECT COUNT(*) FROM documents"), ["0"]);
    let done = upload_and_wait(base, &cookie, &csrf, &[], &[("after.txt", REPORT.as_bytes())]);
    assert!(done.contains("data-state=\"done\""), "uploads go on: {done}");
}

#[test]
fn issue15_a_reader_stopped_before_its_end_keeps_nothing() {
    // Out of time at once: the child is killed, whatever it had read is not recorded.
    let (dir, server, cookie, csrf) = signed_in("ws-docs-killed", "analyst", &[("LOOKOUT_INGEST_TIMEOUT_SECS", "0")]);
    let page = upload_and_wait(&server.base, &cookie, &csrf, &[], &[("report.txt", REPORT.as_bytes())]);
    assert!(page.contains("data-state=\"stopped\"") && page.contains("nothing of this upload was kept"), "{page}");
    assert!(page.contains("class=\"file-failed\""), "{page}");
    assert!(alive(&server.base));
    assert_eq!(query(dir.path(), "SELECT COUNT(*) FROM documents"), ["0"]);
    assert_eq!(query(dir.path(), "SELECT COUNT(*) FROM audit_log WHERE action = 'document.uploaded'"), ["0"]);
}

#[test]
fn issue15_judging_a_source_changes_its_public_kind_and_is_audited() {
    let (dir, server, cookie, csrf) = signed_in("ws-sources", "analyst", &[]);
    let base = &server.base;
    let (status, found) = get(base, &cookie, "/workspace/sources?q=safeguard");
    assert_eq!(status, 200, "{found}");
    let source = first_link(&found, "/workspace/sources/");
    let id = source.trim_start_matches("/workspace/sources/");
    let (_, _, public) = http_get(base, &format!("/sources/{id}"));
    assert!(!public.contains("<dd>court</dd>"), "{public}");
    let (status, page) = get(base, &cookie, &format!("/workspace/sources/{id}"));
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("<label for=\"kind\">") && page.contains("<label for=\"reliability\">"), "{page}");
    let path = format!("/workspace/sources/{id}/judge");
    // The bundled data's sources come judged (data/sources.csv), under one entry of the import.
    let judged = query(dir.path(), "SELECT COUNT(*) FROM source_judgements");

    let (status, text) = reviewer_post(base, &cookie, "forged", &path, "kind=court&reliability=B&copy_of=");
    assert_eq!(status, 400, "{text}");
    let (status, text) = reviewer_post(base, &cookie, &csrf, &path, "kind=rumour&reliability=B&copy_of=");
    assert!(status == 400 && text.contains("kind"), "{text}");
    let (status, text) =
        reviewer_post(base, &cookie, &csrf, &path, "kind=court&reliability=B&copy_of=https%3A%2F%2Fnowhere.example%2F");
    assert!(status == 400 && text.contains("copy_of"), "{text}");
    assert_eq!(
        query(dir.path(), "SELECT COUNT(*) FROM source_judgements"),
        judged,
        "nothing judged by what was refused"
    );

    let (status, text) = reviewer_post(base, &cookie, &csrf, &path, "kind=court&reliability=B&copy_of=");
    assert_eq!(status, 303, "{text}");
    // Public pages are cached per data version, read at most once a second.
    std::thread::sleep(Duration::from_millis(1100));
    let (_, _, public) = http_get(base, &format!("/sources/{id}"));
    assert!(public.contains("<dd>court</dd>"), "the public page shows the judged kind: {public}");
    let (_, page) = get(base, &cookie, &format!("/workspace/sources/{id}"));
    assert!(page.contains("B — usually reliable") && page.contains("ana"), "{page}");
    assert!(page.contains("href=\"/workspace/record/"), "statements citing it link to the record: {page}");
    let audit = query(
        dir.path(),
        "SELECT actor, action, subject FROM audit_log WHERE action = 'source.judged' AND actor <> 'import:bundled'",
    );
    assert_eq!(audit, [format!("ana|source.judged|{id}")]);
    let verified = lookout(dir.path(), &["audit", "verify"]);
    assert!(verified.status.success(), "the judgement is covered by its entry: {}", stderr(&verified));
}

#[test]
fn issue15_every_documents_and_sources_route_sends_strangers_to_sign_in() {
    let (_dir, server, cookie, _csrf) = signed_in("ws-docs-anon", "analyst", &[]);
    let base = &server.base;
    let sha = "ab".repeat(32);
    let gets = [
        "/workspace/documents".to_string(),
        format!("/workspace/documents/{sha}"),
        format!("/workspace/documents/{sha}/original"),
        "/workspace/documents/uploads/0123".to_string(),
        "/workspace/sources".to_string(),
        "/workspace/sources/source-x".to_string(),
    ];
    for path in &gets {
        // Seen signed in first: what a signed-in account saw is never served to a stranger.
        let _ = get(base, &cookie, path);
        let (status, headers, body) = http_get(base, path);
        assert_eq!((status, header(&headers, "location")), (303, Some("/review/login")), "{path}: {body}");
    }
    for path in ["/workspace/documents", "/workspace/sources/source-x/judge"] {
        let (status, headers, _) =
            http_send(base, "POST", path, &[("Content-Type", "application/x-www-form-urlencoded")], b"csrf=x");
        assert_eq!((status, header(&headers, "location")), (303, Some("/review/login")), "POST {path}");
    }
}
