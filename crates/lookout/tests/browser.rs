//! Headless Chromium with JavaScript disabled, against a real server: what a reader on Tor Browser
//! "Safest" sees. Screenshots are kept in `target/browser-artifacts/` for inspection.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::*;

/// Debian's Chromium (`LOOKOUT_CHROMIUM` overrides). `None` (skip) only outside CI.
fn chromium() -> Option<String> {
    let path = std::env::var("LOOKOUT_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if std::path::Path::new(&path).exists() {
        return Some(path);
    }
    assert!(std::env::var_os("CI").is_none(), "CI must run browser tests: install chromium (see .ci/run)");
    eprintln!("skipping browser test: no {path}");
    None
}

fn artifacts() -> PathBuf {
    let dir = workspace().join("target/browser-artifacts");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs headless Chromium with a fresh profile whose content settings block JavaScript (as Tor
/// Browser "Safest" does; `--blink-settings=scriptEnabled=false` would also stop `--dump-dom`
/// and `--screenshot` from working in new headless mode), and no background networking.
fn chromium_run(binary: &str, extra: &[&str], url: &str) -> std::process::Output {
    let profile = TempDir::new("chromium-profile");
    std::fs::create_dir_all(profile.path().join("Default")).unwrap();
    std::fs::write(
        profile.path().join("Default/Preferences"),
        r#"{"profile":{"default_content_setting_values":{"javascript":2},"managed_default_content_settings":{"javascript":2}}}"#,
    )
    .unwrap();
    Command::new(binary)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("run chromium")
}

#[test]
fn the_browser_profile_really_blocks_javascript() {
    let Some(browser) = chromium() else { return };
    let dir = TempDir::new("js-canary");
    let page = dir.write(
        "canary.html",
        "<p id=x>script blocked</p><script>document.getElementById('x').textContent='SCRIPT RAN'</script>",
    );
    let out = chromium_run(&browser, &["--dump-dom"], &format!("file://{}", page.display()));
    let dom = String::from_utf8_lossy(&out.stdout);
    // The script's own text is in the DOM either way; only the paragraph tells whether it ran.
    assert!(dom.contains("<p id=\"x\">script blocked</p>"), "{dom}");
    assert!(!dom.contains("<p id=\"x\">SCRIPT RAN</p>"), "{dom}");
}

#[test]
fn stations_render_and_link_without_javascript() {
    let Some(browser) = chromium() else { return };
    let dir = TempDir::new("browser");
    let server = Server::start(dir.path());

    let list = chromium_run(&browser, &["--dump-dom"], &format!("{}/stations", server.base));
    let dom = String::from_utf8_lossy(&list.stdout);
    assert!(dom.contains("107 of 107 reported stations"), "DOM: {dom}");
    assert!(dom.contains("href=\"/stations/ST039\""), "the Dublin station is linked");

    let station = chromium_run(&browser, &["--dump-dom"], &format!("{}/stations/ST039", server.base));
    let dom = String::from_utf8_lossy(&station.stdout);
    assert!(dom.contains("Dublin"));
    assert!(dom.contains("Status timeline"));
    assert!(dom.contains("closure ordered"));
    assert!(dom.contains("Irish Department of Foreign Affairs"));

    // A filter is a plain GET form: its result page renders without script too.
    let filtered = chromium_run(
        &browser,
        &["--dump-dom"],
        &format!("{}/stations?country=ES&status=under_investigation", server.base),
    );
    assert!(String::from_utf8_lossy(&filtered.stdout).contains("9 of 107 reported stations"));

    // The map: an inline SVG whose countries are links; following Italy's leads to its page.
    let home = chromium_run(&browser, &["--dump-dom"], &format!("{}/", server.base));
    let dom = String::from_utf8_lossy(&home.stdout);
    assert!(dom.contains("<a href=\"/countries/IT\""), "no link to Italy in the rendered map");
    let italy = chromium_run(&browser, &["--dump-dom"], &format!("{}/countries/IT", server.base));
    let dom = String::from_utf8_lossy(&italy.stdout);
    assert!(dom.contains("Reported stations (11)"), "{dom}");
    assert!(dom.contains("Italian Interior Minister"));

    // Search 公安局 through the form (a GET form: submitting it loads this address).
    let found =
        chromium_run(&browser, &["--dump-dom"], &format!("{}/search?q=%E5%85%AC%E5%AE%89%E5%B1%80", server.base));
    let dom = String::from_utf8_lossy(&found.stdout);
    assert!(dom.contains("/bureaus/publicbody-qingtian-psb") && dom.contains("<mark>公安局</mark>"), "{dom}");

    // Switch to Chinese with the visible link of the station page, as a reader would.
    let page = chromium_run(&browser, &["--dump-dom"], &format!("{}/stations/ST001", server.base));
    let dom = String::from_utf8_lossy(&page.stdout);
    let at =
        dom.find("class=\"lang-switch\" href=\"").expect("a language switch") + "class=\"lang-switch\" href=\"".len();
    let href = dom[at..at + dom[at..].find('"').unwrap()].replace("&amp;", "&");
    assert_eq!(href, "/stations/ST001?lang=zh");
    let zh = chromium_run(&browser, &["--dump-dom"], &format!("{}{href}", server.base));
    let dom = String::from_utf8_lossy(&zh.stdout);
    assert!(dom.contains("<html lang=\"zh-Hans\">") && dom.contains("状态时间线"), "{dom}");

    for (name, path, size) in [
        ("home-1280", "/", "1280,2000"),
        ("home-360", "/", "360,1400"),
        ("stations-1280", "/stations", "1280,1600"),
        ("station-360", "/stations/ST001", "360,1800"),
        ("figures-1280", "/figures", "1280,1600"),
        ("home-zh-360", "/?lang=zh", "360,1400"),
        ("search-zh-1280", "/search?q=%E5%85%AC%E5%AE%89%E5%B1%80&lang=zh", "1280,1200"),
        ("station-zh-1280", "/stations/ST033?lang=zh", "1280,1800"),
    ] {
        let png = artifacts().join(format!("{name}.png"));
        let _ = std::fs::remove_file(&png);
        let shot = chromium_run(
            &browser,
            &[&format!("--screenshot={}", png.display()), &format!("--window-size={size}"), "--hide-scrollbars"],
            &format!("{}{path}", server.base),
        );
        assert!(png.exists(), "no screenshot {}: {}", png.display(), String::from_utf8_lossy(&shot.stderr));
        let bytes = std::fs::read(&png).unwrap();
        assert_eq!(&bytes[1..4], b"PNG");
        assert!(bytes.len() > 10_000, "screenshot {name} looks empty");
    }
}

#[test]
fn ingested_documents_are_searched_and_copies_shown_without_javascript() {
    let Some(browser) = chromium() else { return };
    let dir = TempDir::new("browser-documents");
    import_bundled_csv(dir.path());
    let report = "据报道，福州市公安局在鹿特丹设立了海外警务服务站。荷兰外交部于2022年10月宣布调查，\
                  并要求该服务站立即关闭。多名侨民表示曾被要求登记个人信息，并被劝说回国。\
                  大使馆否认该处从事警务工作，称其只是帮助办理驾照更新的志愿服务点。\n";
    dir.write("docs/a.txt", report);
    dir.write("docs/a.txt.meta.json", r#"{"url": "https://nieuws.example/rotterdam", "kind": "news"}"#);
    dir.write("docs/b.txt", &format!("{report}转载自网络。\n"));
    dir.write("docs/b.txt.meta.json", r#"{"url": "https://zhuanzai.example/1", "kind": "repost"}"#);
    let o = lookout(dir.path(), &["ingest", dir.path().join("docs").to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    // Accept what the two documents propose about the Rotterdam station.
    let o = lookout(dir.path(), &["review", "list", "--json"]);
    let ids: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|p| p["kind"] == "station-mention")
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2, "{}", stdout(&o));
    let mut args = vec!["review", "accept"];
    args.extend(ids.iter().map(String::as_str));
    args.extend(["--by", "ana"]);
    let o = lookout(dir.path(), &args);
    assert!(o.status.success(), "{}", stderr(&o));

    let server = Server::start(dir.path());
    let found =
        chromium_run(&browser, &["--dump-dom"], &format!("{}/search?q=%E9%B9%BF%E7%89%B9%E4%B8%B9", server.base));
    let dom = String::from_utf8_lossy(&found.stdout);
    assert!(dom.contains("id=\"documents\"") && dom.contains("<mark>鹿特丹</mark>"), "{dom}");
    let station = chromium_run(&browser, &["--dump-dom"], &format!("{}/stations/ST033", server.base));
    let dom = String::from_utf8_lossy(&station.stdout);
    assert!(dom.contains("nieuws.example") && dom.contains("1 copies") && dom.contains("zhuanzai.example"), "{dom}");
    let png = artifacts().join("search-documents-1280.png");
    let _ = std::fs::remove_file(&png);
    chromium_run(
        &browser,
        &[&format!("--screenshot={}", png.display()), "--window-size=1280,1200", "--hide-scrollbars"],
        &format!("{}/search?q=%E9%B9%BF%E7%89%B9%E4%B8%B9", server.base),
    );
    assert!(png.exists());
}
