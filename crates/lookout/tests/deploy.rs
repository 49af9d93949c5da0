//! `deploy/lookout.service` is a valid unit (`systemd-analyze verify`, no warning) and sandboxed
//! (`systemd-analyze security`, exposure at most 2.0: `--threshold` counts tenths), with its `ExecStart` pointed at the binary
//! just built. `.ci/run` installs systemd's tools where they are missing.

mod common;

use std::process::{Command, Output};

use common::*;

fn systemd_analyze() -> bool {
    let ok = Command::new("systemd-analyze").arg("--version").output().is_ok_and(|o| o.status.success());
    assert!(ok || std::env::var_os("CI").is_none(), "CI must have systemd-analyze (see .ci/run)");
    if !ok {
        eprintln!("skipping the unit checks: systemd-analyze is not installed");
    }
    ok
}

fn analyze(args: &[&str], unit: &std::path::Path) -> Output {
    Command::new("systemd-analyze").args(args).arg(unit).output().unwrap()
}

#[test]
fn the_systemd_unit_verifies_and_is_sandboxed() {
    if !systemd_analyze() {
        return;
    }
    let text = std::fs::read_to_string(workspace().join("deploy/lookout.service")).unwrap();
    assert!(text.contains("ExecStart=/usr/local/bin/lookout serve --addr 127.0.0.1:8080"));
    let dir = TempDir::new("deploy-unit");
    let unit = dir.write("lookout.service", &text.replace("/usr/local/bin/lookout", env!("CARGO_BIN_EXE_lookout")));
    let o = analyze(&["verify"], &unit);
    assert!(o.status.success() && o.stderr.is_empty() && o.stdout.is_empty(), "{}{}", stdout(&o), stderr(&o));
    let o = analyze(&["security", "--offline=true", "--threshold=20"], &unit);
    assert!(o.status.success(), "exposure above 2.0:\n{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).contains("Overall exposure level for lookout.service"), "{}", stdout(&o));

    // The checks catch what they are for: a misspelt key warns, a service without its sandbox
    // is exposed.
    let typo = dir.write("typo.service", &text.replace("NoNewPrivileges=", "NoNewPrivilege="));
    let typo = std::fs::read_to_string(&typo).unwrap();
    let typo = dir.write("typo.service", &typo.replace("/usr/local/bin/lookout", env!("CARGO_BIN_EXE_lookout")));
    let o = analyze(&["verify"], &typo);
    assert!(String::from_utf8_lossy(&o.stderr).contains("Unknown key"), "{}", stderr(&o));
    let bare: String = text
        .lines()
        .filter(|l| {
            !l.starts_with("Protect")
                && !l.starts_with("Restrict")
                && !l.starts_with("SystemCall")
                && !l.starts_with("Private")
                && !l.starts_with("CapabilityBoundingSet")
        })
        .map(|l| format!("{l}\n"))
        .collect();
    let bare = dir.write("bare.service", &bare.replace("/usr/local/bin/lookout", env!("CARGO_BIN_EXE_lookout")));
    let o = analyze(&["security", "--offline=true", "--threshold=20"], &bare);
    assert!(!o.status.success(), "an unsandboxed unit is rated above 2.0: {}", stdout(&o));
}
