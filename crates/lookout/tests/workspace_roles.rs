//! Issue 15: every workspace route for the anonymous, an analyst, a reviewer and an admin,
//! allowed and forbidden as designed. A POST that passes the role check is then refused for its
//! forged token (400), so 403 and 400 tell the two checks apart; nothing is written.

mod common;

use common::desk::*;
use common::*;

/// (path, whether analysts, reviewers and admins may GET it).
const PAGES: &[(&str, [bool; 3])] = &[
    ("/workspace", [true, true, true]),
    ("/workspace/inbox", [true, true, true]),
    ("/workspace/confirm", [true, true, true]),
    ("/workspace/record", [true, true, true]),
    ("/workspace/record/new?schema=Station", [true, true, true]),
    ("/workspace/record/station-ST001", [true, true, true]),
    ("/workspace/documents", [true, true, true]),
    ("/workspace/sources", [true, true, true]),
    ("/workspace/duplicates?refresh=off", [true, true, true]),
    ("/workspace/duplicates/decided", [true, true, true]),
    ("/workspace/duplicates/clusters", [true, true, true]),
    ("/workspace/accounts", [false, false, true]),
    ("/review", [true, true, true]),
    ("/review/audit", [false, false, true]),
];

/// (path, whether analysts, reviewers and admins pass the role check of this POST).
const ACTIONS: &[(&str, [bool; 3])] = &[
    ("/workspace/inbox/accept-all", [true, true, true]),
    ("/workspace/record/station-ST001/statements", [true, true, true]),
    ("/workspace/record/station-ST001/withdraw", [true, true, true]),
    ("/workspace/record/new", [true, true, true]),
    ("/workspace/record/station-ST001/public-figure", [false, true, true]),
    ("/workspace/duplicates/decide", [true, true, true]),
    ("/workspace/duplicates/undo", [true, true, true]),
    ("/workspace/accounts", [false, false, true]),
    ("/workspace/accounts/ana/active", [false, false, true]),
];

#[test]
fn every_route_for_every_role() {
    let dir = TempDir::new("ws-roles");
    import_bundled_csv(dir.path());
    let server = Server::start(dir.path());
    let secrets = [
        add_account(dir.path(), "ana", "analyst"),
        add_account(dir.path(), "rui", "reviewer"),
        add_account(dir.path(), "lin", "admin"),
    ];
    let base = &server.base;
    let before = stats(dir.path());
    let sessions: Vec<String> =
        ["ana", "rui", "lin"].iter().zip(&secrets).map(|(name, totp)| sign_in(base, name, totp).0).collect();
    for (path, allowed) in PAGES {
        let (status, headers, _) = http_get(base, path);
        assert_eq!((status, header(&headers, "location")), (303, Some("/review/login")), "anonymous GET {path}");
        for (role, cookie) in ["analyst", "reviewer", "admin"].iter().zip(&sessions) {
            let (status, _) = get(base, cookie, path);
            let i = ["analyst", "reviewer", "admin"].iter().position(|r| r == role).unwrap();
            assert_eq!(status, if allowed[i] { 200 } else { 403 }, "{role} GET {path}");
        }
    }
    for (path, allowed) in ACTIONS {
        let form = [("Content-Type", "application/x-www-form-urlencoded")];
        let (status, _, _) = http_send(base, "POST", path, &form, b"csrf=forged");
        assert_eq!(status, 303, "anonymous POST {path} is sent to sign in");
        for (i, cookie) in sessions.iter().enumerate() {
            let headers = [form[0], ("Cookie", cookie.as_str())];
            // Every field these forms read, so that only the role and the token decide.
            let fields = b"csrf=forged&reason=x&public=1&document=&statement=&action=confirm&left=a&right=b\
                &judgement=match&page=1&name=x&role=analyst&password=x&password_again=x&active=1";
            let (status, _, body) = http_send(base, "POST", path, &headers, fields);
            assert_eq!(status, if allowed[i] { 400 } else { 403 }, "role {i} POST {path}: {body}");
        }
    }
    assert_eq!(stats(dir.path()), before, "nothing was written");
}
