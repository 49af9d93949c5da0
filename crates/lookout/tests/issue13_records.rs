//! Issue 13: protected reporting under attack, the records side. Each test plays one finding of
//! the adversarial review against the real binary and server (finding numbers in the test names),
//! and each failed before its fix: public counts, times of day, the second factor, the audit chain,
//! and the smaller findings.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use common::desk::*;
use common::fixtures::*;
use common::*;

/// Finding 3: public counts publish no key of a small cell, totals add up, and publishing one
/// more incident changes nothing until a batch of at least k is released.
#[test]
fn issue13_3_public_counts_resist_differencing() {
    let dir = TempDir::new("attack-counts");
    let totp = add_account(dir.path(), "rev", "reviewer");
    let env = [("LOOKOUT_PUBLIC_K", "3"), ("LOOKOUT_COUNTS_INTERVAL_DAYS", "0")];
    let server = Server::start_with_env(dir.path(), &env);
    for _ in 0..8 {
        submit_report(&server.base, "something happened", &[]);
    }
    let ids = report_ids(dir.path());
    let (cookie, csrf) = sign_in(&server.base, "rev", &totp);
    let publish = |id: &str, country: &str| {
        let (status, text) =
            reviewer_post(&server.base, &cookie, &csrf, &format!("/review/reports/{id}/status"), "status=verified");
        assert_eq!(status, 303, "{text}");
        let body = format!("country={country}&category=approach&month=2026-10");
        let (status, text) =
            reviewer_post(&server.base, &cookie, &csrf, &format!("/review/reports/{id}/publish"), &body);
        assert_eq!(status, 303, "{text}");
    };
    for (id, country) in ids.iter().zip(["NL", "NL", "NL", "NL", "IE"]) {
        publish(id, country);
    }
    let release = || lookout_with_env(dir.path(), &["counts", "release"], &env);
    let o = release();
    assert!(o.status.success(), "{}", stderr(&o));
    let (_, _, first) = http_get(&server.base, "/api/v1/incidents/counts");
    let counts: serde_json::Value = serde_json::from_str(&first).unwrap();
    // IE (1) is below k: its key is nowhere, and every table adds up to the total shown.
    assert!(!first.contains("\"IE\""), "{first}");
    let (_, _, page) = http_get(&server.base, "/incidents");
    assert!(!page.contains("Ireland"), "{page}");
    let total = counts["total"].as_u64().unwrap_or_else(|| panic!("{first}"));
    for table in ["by_country", "by_category", "by_month"] {
        let cells = counts[table].as_array().unwrap();
        let sum: u64 = cells.iter().map(|c| c["count"].as_u64().expect("no hidden count")).sum();
        assert_eq!(sum, total, "{table}: {first}");
        assert!(cells.iter().all(|c| c["count"].as_u64().unwrap() >= 3), "{table}: {first}");
    }
    // Another query of the API gives the same numbers (no filter to difference).
    let (_, _, filtered) = http_get(&server.base, "/api/v1/incidents/counts?country=IE&category=approach");
    assert_eq!(serde_json::from_str::<serde_json::Value>(&filtered).unwrap(), counts);
    // One more incident: published, but not released alone.
    publish(&ids[5], "DE");
    let o = release();
    assert!(o.status.success());
    assert!(stdout(&o).contains("fewer than 3 incidents"), "{}", stdout(&o));
    let (_, _, second) = http_get(&server.base, "/api/v1/incidents/counts");
    assert_eq!(second, first, "one incident alone changes nothing public");
    // With two more the batch reaches k and is released.
    publish(&ids[6], "DE");
    publish(&ids[7], "DE");
    assert!(release().status.success());
    let (_, _, third) = http_get(&server.base, "/api/v1/incidents/counts");
    assert_ne!(third, first);
    assert!(third.contains("\"DE\""), "{third}");
}

/// Finding 4: nothing a reporter does is kept with a time of day, in any table.
#[test]
fn issue13_4_no_time_of_day_is_kept_for_reporting() {
    let dir = TempDir::new("attack-times");
    let totp = add_account(dir.path(), "rev", "reviewer");
    let server = Server::start(dir.path());
    let code = submit_report(&server.base, "what happened", &[]);
    let form = page_form(&server.base, "/report/follow-up");
    let (_, _, thread) = post_form(&server.base, &form, &[("code", &code)], &[]);
    let more = form_in(&thread);
    let (kind, body) = multipart(
        &more.hidden.iter().map(|(k, v)| (k.as_str(), v.as_str())).chain([("details", "more")]).collect::<Vec<_>>(),
        &[],
    );
    let (status, _, page) = http_send(&server.base, "POST", &more.action, &[("Content-Type", &kind)], &body);
    assert_eq!(status, 200, "{page}");
    let id = report_ids(dir.path()).remove(0);
    let (cookie, csrf) = sign_in(&server.base, "rev", &totp);
    reviewer_post(&server.base, &cookie, &csrf, &format!("/review/reports/{id}/reply"), "text=Thanks");
    drop(server);
    // Tables of the public record (imports, ingest, judged sources, its change log) are not about
    // reporters; every other table is checked, including any added later.
    let found = python(
        r#"
import re, sqlite3, sys, time
public = {'entities', 'sources', 'source_judgements', 'statements', 'public_changes', 'decisions', 'documents', 'proposals', 'proposal_reviews', '_sqlx_migrations'}
db = sqlite3.connect(sys.argv[1])
now = time.time()
for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"):
    if table in public:
        continue
    for row in db.execute(f'SELECT * FROM "{table}"'):
        for value in row:
            if isinstance(value, str) and re.search(r'\d{2}:\d{2}', value):
                print(f'{table}: {value}')
            if isinstance(value, int) and (abs(value - now) < 3 * 86400 or abs(value - now / 30) < 3 * 2880):
                print(f'{table}: {value}')
"#,
        &dir.path().join("lookout.db"),
    );
    assert_eq!(found, "", "times of day kept for reporting");
}

/// Finding 7: a right password with a wrong code looks like a wrong password; weak passwords
/// are refused; the password hash costs as much as the wrapped identity.
#[test]
fn issue13_7_the_second_factor_cannot_be_skipped() {
    let dir = TempDir::new("attack-factors");
    let weak = lookout_with_input(dir.path(), &["account", "add", "weak", "--role", "reviewer"], "password1234\n");
    assert!(!weak.status.success(), "a guessable password is refused");
    assert!(stderr(&weak).contains("too easy to guess"), "{}", stderr(&weak));
    add_account(dir.path(), "rev", "reviewer");
    add_account(dir.path(), "ana", "reviewer");
    let server = Server::start(dir.path());
    let time = |name: &str, password: &str| {
        let started = Instant::now();
        let (status, _, _) = try_sign_in(&server.base, name, password, "000000", &[]);
        assert_eq!(status, 200, "refused");
        started.elapsed().as_secs_f64()
    };
    time("ana", "warming up the server");
    // Interleaved, so that a busy machine slows both alike.
    let (mut right, mut wrong) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        right.push(time("rev", PASSWORD));
        wrong.push(time("ana", "a wrong password here"));
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[1]
    };
    let (r, w) = (median(&mut right), median(&mut wrong));
    assert!(r / w < 2.0 && w / r < 2.0, "right password {r:.3}s vs wrong {w:.3}s");
    drop(server);
    let hash = python(
        "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT password_hash FROM accounts WHERE name = 'rev'\").fetchone()[0])",
        &dir.path().join("lookout.db"),
    );
    let param = |name: &str| -> u64 {
        hash.split([',', '$']).find_map(|p| p.strip_prefix(&format!("{name}="))).unwrap().parse().unwrap()
    };
    assert!(param("m") >= 65536 && param("t") >= 3, "{hash}");
}

/// Finding 8: a signed head kept elsewhere detects a rewritten or cut audit log, and the chain
/// covers the reports and their messages.
#[test]
fn issue13_8_the_audit_chain_cannot_be_rewritten_unnoticed() {
    let dir = TempDir::new("attack-audit");
    let totp = add_account(dir.path(), "rev", "reviewer");
    let server = Server::start(dir.path());
    submit_report(&server.base, "first", &[]);
    submit_report(&server.base, "second", &[]);
    let (cookie, csrf) = sign_in(&server.base, "rev", &totp);
    let id = report_ids(dir.path()).remove(0);
    reviewer_post(&server.base, &cookie, &csrf, &format!("/review/reports/{id}/reply"), "text=Thanks");
    drop(server);
    let head = lookout(dir.path(), &["audit", "head"]);
    assert!(head.status.success(), "{}", stderr(&head));
    let files = TempDir::new("attack-audit-head");
    let head_file = files.write("head.txt", &stdout(&head));
    let verify = |args: &[&str]| lookout(dir.path(), &[&["audit", "verify"], args].concat());
    let o = verify(&["--head", head_file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let db = dir.path().join("lookout.db");
    python("import sqlite3,sys; sqlite3.connect(sys.argv[1]).execute('PRAGMA wal_checkpoint(TRUNCATE)')", &db);
    let backup = std::fs::read(&db).unwrap();
    let restore = || {
        std::fs::write(&db, &backup).unwrap();
        for side in ["lookout.db-wal", "lookout.db-shm"] {
            let _ = std::fs::remove_file(dir.path().join(side));
        }
    };

    // Rewrite: drop the triggers, edit an entry, rehash every entry after it.
    python(
        r#"
import hashlib, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute('DROP TRIGGER audit_log_is_never_updated')
rows = db.execute('SELECT seq, at, actor, action, subject, detail FROM audit_log ORDER BY seq').fetchall()
prev = '0' * 64
for seq, at, actor, action, subject, detail in rows:
    if seq == 2:
        actor = 'mallory'
    h = hashlib.sha256()
    parts = [prev, str(seq), at, actor, action, subject] + ([detail] if detail else [])
    for p in parts:
        b = p.encode()
        h.update(len(b).to_bytes(8, 'big')); h.update(b)
    digest = h.hexdigest()
    db.execute('UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?', (actor, prev, digest, seq))
    prev = digest
db.commit()
"#,
        &db,
    );
    assert!(verify(&[]).status.success(), "a rehashed chain verifies on its own");
    let o = verify(&["--head", head_file.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("does not match the head"), "{}", stderr(&o));

    // Cut: the last entries deleted.
    restore();
    python(
        "import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); db.execute('DROP TRIGGER audit_log_is_never_deleted'); db.execute('DELETE FROM audit_log WHERE seq > 3'); db.commit()",
        &db,
    );
    let o = verify(&["--head", head_file.to_str().unwrap()]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("entries"), "{}", stderr(&o));

    // A message swapped for another: the chain covers messages.
    restore();
    python(
        "import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); m=db.execute('SELECT sealed FROM report_messages ORDER BY rowid LIMIT 1').fetchone()[0]; db.execute('UPDATE report_messages SET sealed = ? WHERE rowid = (SELECT MAX(rowid) FROM report_messages)', (m,)); db.commit()",
        &db,
    );
    let o = verify(&[]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("message"), "{}", stderr(&o));

    // A report marked closed long ago behind the server's back: the chain says otherwise, and
    // retention keeps it.
    restore();
    python(
        "import sqlite3,sys; db=sqlite3.connect(sys.argv[1]); db.execute(\"UPDATE reports SET status = 'closed', closed_on = '2020-01-01'\"); db.commit()",
        &db,
    );
    let o = verify(&[]);
    assert!(!o.status.success() && stderr(&o).contains("the status of report"), "{}", stderr(&o));
    let o = lookout(dir.path(), &["retention", "--days", "30"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("0 report(s)") && stdout(&o).contains("kept r-"), "{}", stdout(&o));
}

/// Finding 9: files private to the server's user; receipt digests gone with retention; TOTP
/// codes not replayable across a restart; deactivated accounts signed out; idle connections
/// closed; a storage quota for attachments.
#[test]
fn issue13_9_smaller_findings() {
    let dir = TempDir::new("attack-smaller");
    let totp = add_account(dir.path(), "rev", "reviewer");
    let env = [("LOOKOUT_HEADER_TIMEOUT_SECS", "2"), ("LOOKOUT_REPORT_QUOTA_BYTES", "20000")];
    let server = Server::start_with_env(dir.path(), &env);
    let code = submit_report(&server.base, "first", &[]);

    // Files of the data directory are the server's user's alone.
    use std::os::unix::fs::PermissionsExt;
    let mut stack = vec![dir.path().to_path_buf()];
    while let Some(path) = stack.pop() {
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o077, 0, "{} is {mode:o}", path.display());
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        }
    }

    // An idle connection is closed.
    let host = server.base.trim_start_matches("http://");
    let mut idle = TcpStream::connect(host).unwrap();
    idle.write_all(b"GET / HTTP/1.1\r\nHost: slow\r\n").unwrap();
    idle.set_read_timeout(Some(Duration::from_secs(8))).unwrap();
    let started = Instant::now();
    let mut buf = [0u8; 256];
    let closed = idle.read(&mut buf).is_ok() && started.elapsed() < Duration::from_secs(7);
    assert!(closed, "a connection that never finishes its headers is closed");

    // Quota: attachments refused when the store is over it, the text kept; text still accepted.
    let big = plain_jpeg(600, 400, 77);
    let form = page_form(&server.base, "/report");
    let (_, _, page) = post_report(&server.base, &form, "words with a photo", &[&big, &big]);
    assert!(receipt_in(&page).is_none() && page.contains("storage"), "{page}");
    assert!(page.contains("words with a photo"));
    submit_report(&server.base, "text alone is still taken", &[]);

    // A TOTP code used once is refused while the server runs; its session is live.
    let used = next_code(&server.base, "rev", &totp);
    let (status, headers, text) = try_sign_in(&server.base, "rev", PASSWORD, &used, &[]);
    assert_eq!(status, 303, "a fresh code: {text}");
    let cookie = session_cookie(&headers).expect("a session cookie");
    let (status, _, text) = try_sign_in(&server.base, "rev", PASSWORD, &used, &[]);
    assert_eq!(status, 200, "a code used a moment ago is refused");
    assert!(text.contains("wait for the next code"), "{text}");

    // Deactivation ends live sessions.
    let csrf = form_token(&read_page(&server.base, &cookie, "/review"));
    let id = report_ids(dir.path()).pop().unwrap();
    let (status, text) =
        reviewer_post(&server.base, &cookie, &csrf, &format!("/review/reports/{id}/status"), "status=closed");
    assert_eq!(status, 303, "{text}");
    let o = lookout(dir.path(), &["account", "deactivate", "rev"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (status, _) = get(&server.base, &cookie, "/review");
    assert_eq!(status, 303, "a deactivated account's session is over");

    // Active again, the account's used code is still refused after a restart: as a code that
    // may have been used (it is still within the window of codes taken), not as a wrong one.
    let o = lookout(dir.path(), &["account", "activate", "rev"]);
    assert!(o.status.success(), "{}", stderr(&o));
    drop(server);
    let server = Server::start_with_env(dir.path(), &env);
    let (status, _, text) = try_sign_in(&server.base, "rev", PASSWORD, &used, &[]);
    assert_eq!(status, 200, "a replayed code is refused after a restart");
    assert!(text.contains("wait for the next code"), "{text}");
    drop(server);

    // Retention: the receipt's digest goes with the contents.
    let lookup = python(
        &format!("import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT lookup FROM reports WHERE id = '{id}'\").fetchone()[0])"),
        &dir.path().join("lookout.db"),
    );
    let o = lookout(dir.path(), &["retention", "--days", "0"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for file in ["lookout.db", "lookout.db-wal"] {
        let bytes = std::fs::read(dir.path().join(file)).unwrap_or_default();
        assert!(!contains(&bytes, lookup.trim().as_bytes()), "the receipt digest survives in {file}");
    }
    assert_eq!(code.len(), 29);
}

/// Finding 9: the password prompt does not echo on a terminal.
#[test]
fn issue13_9_password_prompt_does_not_echo() {
    let dir = TempDir::new("attack-echo");
    let python = std::env::var("LOOKOUT_PYTHON").unwrap_or_else(|_| "python3".into());
    let program = r#"
import os, pty, sys, time
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], '--data-dir', sys.argv[2], 'account', 'add', 'ana', '--role', 'reviewer'])
out = b''
def read_for(seconds):
    global out
    end = time.time() + seconds
    while time.time() < end:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            return
        if not chunk:
            return
        out += chunk
        if b'password' in out.lower():
            return
read_for(10)
os.write(fd, b'Correct-Horse-Battery-Staple-42\n')
# A second prompt (to confirm) gets the same answer; without one, anything left is read below.
out_before = len(out)
end = time.time() + 5
while time.time() < end and b'again' not in out[out_before:].lower():
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
if b'again' in out[out_before:].lower():
    os.write(fd, b'Correct-Horse-Battery-Staple-42\n')
end = time.time() + 20
while time.time() < end:
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    out += chunk
os.waitpid(pid, 0)
sys.stdout.write(out.decode('utf-8', 'replace'))
"#;
    let o = Command::new(python).args(["-c", program, env!("CARGO_BIN_EXE_lookout")]).arg(dir.path()).output().unwrap();
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(shown.contains("account ana (reviewer) added"), "{shown}");
    assert!(!shown.contains("Correct-Horse"), "the password was echoed: {shown}");
}
