//! Protected reporting against the real binary and server: nothing readable reaches the disk or
//! the logs, attachments lose their metadata, the stock `age` decrypts offline, every route is
//! allowed or refused by role, and tampering with the audit log is detected.

mod common;

use std::process::Command;

use common::desk::*;
use common::fixtures::contains;
use common::*;

/// Every file under `dir`, recursively.
fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn age_binary() -> Option<String> {
    if Command::new("age").arg("--version").output().is_ok_and(|o| o.status.success()) {
        return Some("age".into());
    }
    assert!(std::env::var_os("CI").is_none(), "CI must have Debian's age (see .ci/run)");
    eprintln!("skipping the offline decryption check: no `age` command");
    None
}

#[test]
fn a_report_leaves_no_plaintext_anywhere_and_opens_offline_with_age() {
    let dir = TempDir::new("report-canary");
    add_account(dir.path(), "ana", "reviewer");
    let server = Server::start(dir.path());
    let text_canary = "CANARY-TEXT-4417";
    let zh_canary = "金丝雀证词九七";
    let code = submit_report(
        &server.base,
        &format!("{text_canary} {zh_canary}: two men came to my door"),
        &[&common::fixtures::jpeg_with_exif("CANARY-EXIF-7391")],
    );
    assert_eq!(code.len(), 29, "{code}");

    // Wrong and right codes: the right one opens the thread.
    let form = page_form(&server.base, "/report/follow-up");
    let (_, _, wrong) = post_form(&server.base, &form, &[("code", "11111 22222 33333 44444 55555")], &[]);
    assert!(wrong.contains("No report has this receipt code"), "{wrong}");
    let (_, _, thread) = post_form(&server.base, &form, &[("code", &code)], &[]);
    assert!(thread.contains("No reply yet"), "{thread}");
    assert!(!thread.contains(text_canary), "the reporter's own words are not shown back from the code");

    let logs = server.stop_and_logs();
    for canary in [text_canary.as_bytes(), zh_canary.as_bytes(), b"CANARY-EXIF-7391"] {
        assert!(!contains(&logs, canary), "a canary is in the server's log");
        for file in files_under(dir.path()) {
            let bytes = std::fs::read(&file).unwrap();
            assert!(!contains(&bytes, canary), "a canary is in {}", file.display());
        }
    }

    // Offline: the reviewer exports their key and the stock age command opens the report.
    let o = lookout(dir.path(), &["report", "list"]);
    let id = stdout(&o).split('\t').next().unwrap().to_string();
    let key = lookout_with_input(dir.path(), &["keys", "export", "ana"], &format!("{PASSWORD}\n"));
    assert!(key.status.success(), "{}", stderr(&key));
    assert!(stdout(&key).starts_with("AGE-SECRET-KEY-1"));
    let wrong = lookout_with_input(dir.path(), &["keys", "export", "ana"], "not the password\n");
    assert!(!wrong.status.success());
    let files = TempDir::new("report-offline");
    let key_file = files.write("key.txt", &stdout(&key));
    let sealed = Command::new(env!("CARGO_BIN_EXE_lookout"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["report", "sealed", &id])
        .output()
        .unwrap();
    assert!(sealed.status.success(), "{}", String::from_utf8_lossy(&sealed.stderr));
    assert!(sealed.stdout.starts_with(b"age-encryption.org/v1"));
    let sealed_file = files.0.join("report.age");
    std::fs::write(&sealed_file, &sealed.stdout).unwrap();
    let Some(age) = age_binary() else { return };
    let opened = Command::new(age).arg("-d").arg("-i").arg(&key_file).arg(&sealed_file).output().unwrap();
    assert!(opened.status.success(), "{}", String::from_utf8_lossy(&opened.stderr));
    let report: serde_json::Value = serde_json::from_slice(&opened.stdout).unwrap();
    assert!(report["text"].as_str().unwrap().contains(text_canary));
    assert_eq!(report["country"], "NL");
    let attachment = &report["attachments"][0];
    assert_eq!(attachment["media_type"], "image/jpeg");
    let removed: Vec<&str> =
        attachment["removed"].as_array().unwrap().iter().map(|r| r["what"].as_str().unwrap()).collect();
    assert_eq!(removed, ["exif", "gps", "text"], "{}", attachment["removed"]);
    let bytes = decode_base64(attachment["bytes"].as_str().unwrap());
    assert!(bytes.starts_with(&[0xFF, 0xD8]) && contains(&bytes, b"JFIF"));
    assert!(!contains(&bytes, b"Exif") && !contains(&bytes, b"CANARY-EXIF-7391"), "no EXIF after intake");
}

fn decode_base64(text: &str) -> Vec<u8> {
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let (mut out, mut acc, mut bits) = (Vec::new(), 0u32, 0);
    for c in text.bytes().filter(|c| *c != b'=') {
        acc = (acc << 6) | alphabet.iter().position(|a| *a == c).unwrap() as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

#[test]
fn every_route_by_every_role_and_the_audit_chain() {
    let dir = TempDir::new("report-roles");
    let totp: Vec<(&str, Vec<u8>)> = [("rev", "reviewer"), ("ana", "analyst"), ("adm", "admin")]
        .iter()
        .map(|(n, r)| (*n, add_account(dir.path(), n, r)))
        .collect();
    let server = Server::start(dir.path());
    submit_report(&server.base, "something happened", &[]);
    let id = stdout(&lookout(dir.path(), &["report", "list"])).split('\t').next().unwrap().to_string();
    let sessions: Vec<(String, String)> = totp.iter().map(|(n, secret)| sign_in(&server.base, n, secret)).collect();

    // (method, path, body, expected for: anonymous, analyst, reviewer, admin)
    let report = format!("/review/reports/{id}");
    let routes: Vec<(&str, String, &str, [u16; 4])> = vec![
        ("GET", "/review".into(), "", [303, 200, 200, 200]),
        ("GET", "/review/audit".into(), "", [303, 403, 403, 200]),
        ("GET", report.clone(), "", [303, 403, 200, 200]),
        ("GET", format!("{report}/attachments/1/1"), "", [303, 403, 404, 404]),
        ("POST", format!("{report}/reply"), "text=Thank+you", [303, 403, 303, 303]),
        ("POST", format!("{report}/status"), "status=triaged", [303, 403, 303, 303]),
        ("POST", format!("{report}/publish"), "country=NL&category=approach&month=2026-10", [303, 403, 400, 400]),
    ];
    let roles = [
        ("anonymous", None),
        ("analyst", Some(&sessions[1])),
        ("reviewer", Some(&sessions[0])),
        ("admin", Some(&sessions[2])),
    ];
    for (method, path, body, expected) in &routes {
        for (i, (role, session)) in roles.iter().enumerate() {
            let mut headers = vec![("Content-Type", "application/x-www-form-urlencoded")];
            let cookie;
            let body = match session {
                Some((c, csrf)) => {
                    cookie = c.clone();
                    headers.push(("Cookie", &cookie));
                    if body.is_empty() {
                        format!("csrf={csrf}")
                    } else {
                        format!("csrf={csrf}&{body}")
                    }
                }
                None => body.to_string(),
            };
            let (status, h, text) =
                http_send(&server.base, method, path, &headers, if *method == "GET" { b"" } else { body.as_bytes() });
            assert_eq!(status, expected[i], "{method} {path} as {role}: {text}");
            if *role == "anonymous" {
                assert_eq!(header(&h, "location"), Some("/review/login"), "{method} {path}");
            }
        }
    }
    // A form without the session's token is refused, and changes nothing.
    let (cookie, _) = &sessions[0];
    let (status, _, _) = http_send(
        &server.base,
        "POST",
        &format!("{report}/status"),
        &[("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", cookie)],
        b"csrf=forged&status=closed",
    );
    assert_eq!(status, 400);
    let (_, page) = get(&server.base, cookie, &report);
    assert!(page.contains("<strong id=\"report-status\">triaged</strong>"), "{page}");
    assert!(page.contains("Thank you"), "the reviewer reads the replies");
    // Links must name a station, bureau or organisation of the record.
    let post = |body: &str| {
        http_send(
            &server.base,
            "POST",
            &format!("{report}/status"),
            &[("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", cookie)],
            format!("csrf={}&{body}", sessions[0].1).as_bytes(),
        )
        .0
    };
    assert_eq!(post("status=linked&linked=station-NOPE"), 400);
    assert_eq!(post("status=linked"), 400, "linking needs an entity");
    assert_eq!(post("status=linked&linked=publicbody-fuzhou-psb"), 303);
    let (_, page) = get(&server.base, cookie, &report);
    assert!(page.contains("linked to publicbody-fuzhou-psb"), "{page}");
    // Signing out ends the session: its cookie no longer opens anything.
    for (cookie, csrf) in &sessions {
        let (status, h, _) = http_send(
            &server.base,
            "POST",
            "/review/logout",
            &[("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", cookie)],
            format!("csrf={csrf}").as_bytes(),
        );
        assert_eq!((status, header(&h, "location")), (303, Some("/review/login")));
        let (status, _) = get(&server.base, cookie, "/review");
        assert_eq!(status, 303, "a signed-out session is refused");
    }
    drop(server);

    // The audit chain verifies; editing one row is detected.
    let o = lookout(dir.path(), &["audit", "verify"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("chain intact"));
    let python = std::env::var("LOOKOUT_PYTHON").unwrap_or_else(|_| "python3".into());
    let db = dir.path().join("lookout.db");
    let tamper = Command::new(python)
        .args(["-c", "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute('DROP TRIGGER audit_log_is_never_updated'); c.execute(\"UPDATE audit_log SET actor='mallory' WHERE seq=3\"); c.commit()"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(tamper.status.success(), "{}", String::from_utf8_lossy(&tamper.stderr));
    let o = lookout(dir.path(), &["audit", "verify"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("audit log broken at entry 3"), "{}", stderr(&o));
}

#[test]
fn public_counts_are_released_in_batches_and_name_no_small_value() {
    let dir = TempDir::new("report-counts");
    let totp = add_account(dir.path(), "rev", "reviewer");
    let env = [("LOOKOUT_PUBLIC_K", "2"), ("LOOKOUT_COUNTS_INTERVAL_DAYS", "0")];
    let server = Server::start_with_env(dir.path(), &env);
    let (_, _, page) = http_get(&server.base, "/incidents");
    assert!(page.contains("No counts are shown yet"), "{page}");
    for _ in 0..3 {
        submit_report(&server.base, "something happened", &[]);
    }
    let ids: Vec<String> = stdout(&lookout(dir.path(), &["report", "list"]))
        .lines()
        .map(|l| l.split('\t').next().unwrap().to_string())
        .collect();
    let (cookie, csrf) = sign_in(&server.base, "rev", &totp);
    let post = |path: &str, body: &str| {
        let (status, _, text) = http_send(
            &server.base,
            "POST",
            path,
            &[("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", &cookie)],
            format!("csrf={csrf}&{body}").as_bytes(),
        );
        assert_eq!(status, 303, "{path}: {text}");
    };
    for (i, id) in ids.iter().enumerate() {
        post(&format!("/review/reports/{id}/status"), "status=verified");
        let body = if i < 2 {
            "country=NL&category=approach&month=2026-10"
        } else {
            "country=IE&category=other&month=2026-10"
        };
        post(&format!("/review/reports/{id}/publish"), body);
    }
    // Published, not yet released: the public sees nothing new.
    let (_, _, page) = http_get(&server.base, "/incidents");
    assert!(page.contains("No counts are shown yet"), "{page}");
    let o = lookout_with_env(dir.path(), &["counts", "release"], &env);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("released the public counts (release 1"), "{}", stdout(&o));
    let (_, _, page) = http_get(&server.base, "/incidents");
    assert!(page.contains("<strong id=\"incident-total\">2</strong>"), "{page}");
    assert!(!page.contains("Ireland"), "{page}");
    let (_, _, json) = http_get(&server.base, "/api/v1/incidents/counts");
    let counts: serde_json::Value = serde_json::from_str(&json).unwrap();
    // IE (1) is below k and, alone, would be an "others" of 1: it is left out of every table.
    assert_eq!(counts["total"], 2);
    assert_eq!(counts["by_country"], serde_json::json!([{"key": "NL", "count": 2}]));
    assert_eq!(counts["by_category"], serde_json::json!([{"key": "approach", "count": 2}]));
    assert_eq!(counts["by_month"], serde_json::json!([{"key": "2026-10", "count": 2}]));
    assert!(counts["released_on"].as_str().is_some_and(|d| d.len() == 10));
}
