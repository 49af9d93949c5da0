//! The request log: one line per request at most, holding the route's template, never an
//! address, a user agent, a query string or a form value; `LOOKOUT_LOG` sets the level.

mod common;

use common::{http_get_with, http_send, lookout_with_env, stderr, Server, TempDir};

const MARKERS: [&str; 5] = ["qmarker7731", "uamarker7732", "pathmarker7733", "formmarker7734", "127.0.0.1"];

/// Requests carrying markers in every place a log must not copy.
fn visit(server: &Server) {
    let (status, _, _) =
        http_get_with(&server.base, "/stations?country=IE&q=qmarker7731", &[("User-Agent", "uamarker7732")]);
    assert_eq!(status, 200);
    let (status, _, _) = server.get("/review/reports/pathmarker7733");
    assert!(status == 303 || status == 401 || status == 403 || status == 404, "{status}");
    let (status, _, _) = server.get("/stations/pathmarker7733");
    assert_eq!(status, 404);
    let body = b"token=forged&what=formmarker7734&city=formmarker7734";
    let (status, _, _) =
        http_send(&server.base, "POST", "/report", &[("Content-Type", "application/x-www-form-urlencoded")], body);
    assert!((400..500).contains(&status) || status == 503, "{status}");
    std::thread::sleep(std::time::Duration::from_millis(300));
}

/// The request log's lines (other messages, such as start-up notices, are not requests).
fn lines(logs: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(logs)
        .lines()
        .filter(|l| ["lookout: error ", "lookout: warn ", "lookout: info "].iter().any(|p| l.starts_with(p)))
        .map(str::to_string)
        .collect()
}

#[test]
fn info_logs_each_request_by_route_and_nothing_that_names_a_visitor() {
    let dir = TempDir::new("log-info");
    let server = Server::start_with_env(dir.path(), &[("LOOKOUT_LOG", "info")]);
    visit(&server);
    let logs = server.stop_and_logs();
    let all = String::from_utf8_lossy(&logs).into_owned();
    for marker in MARKERS {
        assert!(!all.contains(marker), "the log holds {marker:?}:\n{all}");
    }
    let requests = lines(&logs);
    let with = |needle: &str| requests.iter().filter(|l| l.contains(needle)).count();
    assert_eq!(with("info GET /stations 200"), 1, "{all}");
    assert_eq!(with("warn GET /stations/{key} 404"), 1, "the route's template, not the path: {all}");
    assert_eq!(with(" POST /report "), 1, "{all}");
    assert_eq!(requests.len(), 4, "one line per request: {all}");
    for line in &requests {
        let ms = line.rsplit(' ').next().unwrap();
        assert!(ms.ends_with("ms") && ms.trim_end_matches("ms").parse::<f64>().is_ok(), "{line}");
    }
}

#[test]
fn the_default_logs_only_server_errors_and_off_logs_nothing() {
    // An empty LOOKOUT_LOG is the default.
    for (level, label) in [("", "default"), ("off", "off")] {
        let dir = TempDir::new(&format!("log-{label}"));
        let server = Server::start_with_env(dir.path(), &[("LOOKOUT_LOG", level)]);
        visit(&server);
        let logs = server.stop_and_logs();
        assert_eq!(lines(&logs), Vec::<String>::new(), "{label}: no request failed on the server's side");
    }
}

#[test]
fn a_level_that_is_none_stops_serve_with_a_message() {
    let dir = TempDir::new("log-bad");
    let o = lookout_with_env(dir.path(), &["serve", "--addr", "127.0.0.1:0"], &[("LOOKOUT_LOG", "verbose")]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert!(err.contains("LOOKOUT_LOG") && err.contains("verbose") && err.contains("off, error, warn, info"), "{err}");
}
