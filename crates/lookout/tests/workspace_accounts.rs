//! The workspace's accounts section (issue 15), against the real binary and a real server: who
//! may use it, an analyst added from the browser who then signs in with the TOTP secret shown
//! once, deactivation ending a session, a reset replacing password and TOTP secret, the last
//! admin kept, forged tokens changing nothing, and the audit chain verifying after all of it.

mod common;

use common::desk::*;
use common::*;

const NEW_PASSWORD: &str = "a different long passphrase";

/// The base32 TOTP secret a page shows once.
fn shown_secret(page: &str) -> Vec<u8> {
    let secret = page.split("id=\"totp-secret\">").nth(1).unwrap_or_else(|| panic!("no secret in {page}"));
    base32_decode(secret.split('<').next().unwrap())
}

/// Signs in with `password` and the code of `totp` the server takes soonest from a browser that
/// signed in before (`device`, its own budget of attempts); the session cookie, or `None` when
/// refused.
fn try_session(base: &str, name: &str, password: &str, totp: &[u8], device: &str) -> Option<String> {
    session_cookie(&sign_in_as(base, name, password, totp, &[("Cookie", device)]).1)
}

fn accounts_row<'a>(page: &'a str, name: &str) -> &'a str {
    let row =
        page.split(&format!("<tr id=\"account-{name}\">")).nth(1).unwrap_or_else(|| panic!("no {name} in {page}"));
    row.split("</tr>").next().unwrap()
}

#[test]
fn admins_manage_accounts_from_the_browser() {
    let dir = TempDir::new("ws-accounts");
    let server = Server::start(dir.path());
    let root_totp = add_account(dir.path(), "root", "admin");
    let ana_totp = add_account(dir.path(), "ana", "analyst");
    let base = server.base.as_str();
    let routes_get = ["/workspace/accounts", "/workspace/accounts/ana/reset"];
    let routes_post = ["/workspace/accounts", "/workspace/accounts/ana/active", "/workspace/accounts/ana/reset"];
    let body = "name=mallory&role=admin&password=x&password_again=x&active=false";

    // Anonymous: to the sign-in page. An analyst: refused.
    for path in routes_get {
        let (status, headers, _) = http_get(base, path);
        assert_eq!((status, header(&headers, "location")), (303, Some("/review/login")), "{path}");
    }
    for path in routes_post {
        let (status, headers, _) = http_send(
            base,
            "POST",
            path,
            &[("Content-Type", "application/x-www-form-urlencoded")],
            format!("csrf=x&{body}").as_bytes(),
        );
        assert_eq!((status, header(&headers, "location")), (303, Some("/review/login")), "{path}");
    }
    let (root, root_csrf) = sign_in(base, "root", &root_totp);
    let (status, headers, text) = sign_in_with(base, "ana", &ana_totp, &[]);
    assert_eq!(status, 303, "{text}");
    let ana = session_cookie(&headers).unwrap();
    let device = device_cookies(&headers).into_iter().next().expect("a device cookie");
    let ana_csrf = form_token(&get(base, &ana, "/review").1);
    for path in routes_get {
        assert_eq!(get(base, &ana, path).0, 403, "{path}");
    }
    for path in routes_post {
        assert_eq!(reviewer_post(base, &ana, &ana_csrf, path, body).0, 403, "{path}");
    }
    let (_, ws) = get(base, &ana, "/workspace");
    assert!(!ws.contains("href=\"/workspace/accounts\""), "the section is not offered to analysts");

    // The list.
    let (status, page) = get(base, &root, "/workspace/accounts");
    assert_eq!(status, 200, "{page}");
    assert!(accounts_row(&page, "root").contains("(you)") && accounts_row(&page, "ana").contains("active"));
    let (_, zh) = get(base, &root, "/workspace/accounts?lang=zh");
    assert!(zh.contains("添加账户") && zh.contains("分析员"), "the page in Chinese");

    // Adding: a forged token, a weak password and two different passwords change nothing.
    let add = |csrf: &str, password: &str, again: &str| {
        reviewer_post(
            base,
            &root,
            csrf,
            "/workspace/accounts",
            &format!(
                "name=eve&role=analyst&password={}&password_again={}",
                password.replace(' ', "+"),
                again.replace(' ', "+")
            ),
        )
    };
    assert_eq!(add("forged", PASSWORD, PASSWORD).0, 400);
    let (status, text) = add(&root_csrf, "password1234", "password1234");
    assert!(status == 400 && text.contains("password: "), "{status} {text}");
    let (status, text) = add(&root_csrf, PASSWORD, NEW_PASSWORD);
    assert!(status == 400 && text.contains("password_again"), "{status} {text}");
    assert!(!get(base, &root, "/workspace/accounts").1.contains("account-eve"));

    // An analyst added in the browser signs in with the secret shown once.
    let (status, page) = add(&root_csrf, PASSWORD, PASSWORD);
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("otpauth://totp/"), "{page}");
    let eve_totp = shown_secret(&page);
    let (status, text) = add(&root_csrf, PASSWORD, PASSWORD);
    assert!(status == 400 && text.contains("name: an account named eve exists"), "{status} {text}");
    let (eve, _) = sign_in(base, "eve", &eve_totp);
    assert_eq!(get(base, &eve, "/workspace").0, 200);
    assert_eq!(get(base, &eve, "/workspace/accounts").0, 403);

    // Deactivating ends the session at its next request; activating lets it sign in again.
    assert_eq!(reviewer_post(base, &root, "forged", "/workspace/accounts/eve/active", "active=false").0, 400);
    assert_eq!(get(base, &eve, "/workspace").0, 200, "a forged form changed nothing");
    assert_eq!(reviewer_post(base, &root, &root_csrf, "/workspace/accounts/eve/active", "active=false").0, 303);
    assert!(accounts_row(&get(base, &root, "/workspace/accounts").1, "eve").contains("deactivated"));
    let (status, headers, _) = http_get_with(base, "/workspace", &[("Cookie", &eve)]);
    assert_eq!((status, header(&headers, "location")), (303, Some("/review/login")));
    assert_eq!(reviewer_post(base, &root, &root_csrf, "/workspace/accounts/eve/active", "active=true").0, 303);
    assert!(!accounts_row(&get(base, &root, "/workspace/accounts").1, "eve").contains("deactivated"));

    // The last active admin is not deactivated, not even by itself.
    let (status, text) = reviewer_post(base, &root, &root_csrf, "/workspace/accounts/root/active", "active=false");
    assert!(status == 400 && text.contains("last active admin"), "{status} {text}");
    assert_eq!(get(base, &root, "/workspace/accounts").0, 200);

    // A reset: new password and TOTP secret; the old ones stop working and the session ends.
    let (status, form) = get(base, &root, "/workspace/accounts/ana/reset");
    assert!(status == 200 && form.contains("can no longer read them"), "{form}");
    let reset_body =
        format!("password={}&password_again={}", NEW_PASSWORD.replace(' ', "+"), NEW_PASSWORD.replace(' ', "+"));
    assert_eq!(reviewer_post(base, &root, "forged", "/workspace/accounts/ana/reset", &reset_body).0, 400);
    assert_eq!(get(base, &ana, "/workspace").0, 200, "a forged reset changed nothing");
    let (status, page) = reviewer_post(base, &root, &root_csrf, "/workspace/accounts/ana/reset", &reset_body);
    assert_eq!(status, 200, "{page}");
    let new_totp = shown_secret(&page);
    assert_ne!(new_totp, ana_totp);
    let (status, headers, _) = http_get_with(base, "/workspace", &[("Cookie", &ana)]);
    assert_eq!((status, header(&headers, "location")), (303, Some("/review/login")), "the reset ended the session");
    assert!(try_session(base, "ana", PASSWORD, &new_totp, &device).is_none(), "the old password");
    assert!(try_session(base, "ana", NEW_PASSWORD, &ana_totp, &device).is_none(), "the old TOTP secret");
    let ana = try_session(base, "ana", NEW_PASSWORD, &new_totp, &device).expect("the new password and secret");
    assert_eq!(get(base, &ana, "/workspace").0, 200);

    // Every action is audited, and the chain and what it covers verify.
    let (_, log) = get(base, &root, "/review/audit");
    for expected in [
        "<td>root</td><td>account.added</td><td>eve</td>",
        "<td>root</td><td>account.deactivated</td><td>eve</td>",
        "<td>root</td><td>account.activated</td><td>eve</td>",
        "<td>root</td><td>account.reset</td><td>ana</td>",
    ] {
        assert!(log.contains(expected), "{expected} missing from {log}");
    }
    assert_eq!(log.matches("account.added").count(), 3, "refused forms add no entry");
    // The reviewers' pages speak Chinese too.
    let (_, _, login) = http_get(base, "/review/login?lang=zh");
    assert!(login.contains("审核员登录") && login.contains("身份验证器应用中的验证码"), "{login}");
    assert!(get(base, &root, "/review?lang=zh").1.contains("<h1>举报</h1>"));
    assert!(get(base, &root, "/review/audit?lang=zh").1.contains("哈希链验证通过"));
    drop(server);
    let o = lookout(dir.path(), &["audit", "verify"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
}

/// Resetting the only account that reads reports would leave earlier reports unreadable: the
/// form says so and asks for an acknowledgement.
#[test]
fn resetting_the_only_reader_of_reports_must_be_acknowledged() {
    let dir = TempDir::new("ws-accounts-sole");
    let server = Server::start(dir.path());
    let root_totp = add_account(dir.path(), "root", "admin");
    submit_report(&server.base, "what happened", &[]);
    let (root, csrf) = sign_in(&server.base, "root", &root_totp);
    let (_, form) = get(&server.base, &root, "/workspace/accounts/root/reset");
    assert!(form.contains("id=\"sole-reader\"") && form.contains("name=\"ack\""), "{form}");
    let body = format!("password={}&password_again={}", NEW_PASSWORD.replace(' ', "+"), NEW_PASSWORD.replace(' ', "+"));
    let (status, text) = reviewer_post(&server.base, &root, &csrf, "/workspace/accounts/root/reset", &body);
    assert!(status == 400 && text.contains("ack: "), "{status} {text}");
    let (status, page) =
        reviewer_post(&server.base, &root, &csrf, "/workspace/accounts/root/reset", &format!("{body}&ack=yes"));
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("id=\"totp-secret\""));
    assert_eq!(get(&server.base, &root, "/workspace").0, 303, "its own session ended too");
    drop(server);
    let o = lookout(dir.path(), &["audit", "verify"]);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
}
