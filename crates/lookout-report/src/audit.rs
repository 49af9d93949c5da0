//! The audit log: every action is an entry whose hash covers the previous entry's hash, so that
//! editing or deleting any entry breaks every hash after it; each entry also records digests of
//! what its event wrote, so that the accounts, reports, messages, statuses, published incidents,
//! count releases and the rows of the workspace's append-only tables (statement events, source
//! judgements, public figure marks) in the store can be checked against the chain
//! ([`verify_coverage`]).
//!
//! Someone holding the database can still drop the triggers and rewrite the whole chain, hashes
//! and all. A signed head kept outside the server ([`crate::head`]) catches that: the chain must
//! still contain the entry the head names, with the hash it names.

use std::collections::{HashMap, HashSet};

use lookout_store::audit::{AppendOnly, Written};
use lookout_store::AuditView;

use crate::ReportError;

/// The hash of an entry (the store's).
pub use lookout_store::audit::entry_hash;
/// One entry, as the store keeps it.
pub use lookout_store::AuditRow as AuditEntry;
/// The hash before the first entry (the store's).
pub use lookout_store::AUDIT_GENESIS as GENESIS;

/// Checks the whole chain: positions without gaps, each entry linked to the one before, each
/// hash right. The first entry that fails is named.
pub fn verify(entries: &[AuditEntry]) -> Result<usize, ReportError> {
    let mut prev = GENESIS.to_string();
    let mut day = "";
    for (i, e) in entries.iter().enumerate() {
        let broken = |reason: &str| ReportError::AuditBroken { seq: e.seq, reason: reason.to_string() };
        if e.seq != i as i64 + 1 {
            return Err(broken(&format!("expected entry {}: an entry is missing", i + 1)));
        }
        if e.prev_hash != prev {
            return Err(broken("it does not follow the entry before it"));
        }
        if entry_hash(&e.prev_hash, e.seq, &e.at, &e.actor, &e.action, &e.subject, &e.detail) != e.hash {
            return Err(broken("its content does not match its hash (edited)"));
        }
        // Entries are appended as days go by: one dated before the entry it follows was forged.
        let this_day = e.at.get(..10).unwrap_or(&e.at);
        if this_day < day {
            return Err(broken("its day is earlier than the entry before it (added with a false date)"));
        }
        day = this_day;
        prev = e.hash.clone();
    }
    Ok(entries.len())
}

/// What the chain says was written, by kind of digest.
#[derive(Default)]
struct Recorded<'a> {
    /// Every digest, by kind.
    all: HashMap<&'a str, HashSet<&'a str>>,
    /// The last digest of a kind for a subject (`active:` per account, `status:` per report).
    last: HashMap<(&'a str, &'a str), &'a str>,
    /// `message:` and `incident:` digests, with their subjects (reports).
    by_subject: Vec<(&'a str, &'a str, &'a str)>,
    /// Subjects added before entries recorded digests: accounts and reports (and their messages,
    /// statuses and incidents) not covered.
    earlier: HashSet<&'a str>,
}

fn recorded(entries: &[AuditEntry]) -> Recorded<'_> {
    let mut r = Recorded::default();
    // Entries recorded digests from the first that has one on: an entry without digests after it
    // exempts nothing (otherwise one appended entry would exempt a report from the check).
    let cutover = entries.iter().position(|e| !e.detail.is_empty()).unwrap_or(entries.len());
    for (n, e) in entries.iter().enumerate() {
        if n < cutover && matches!(e.action.as_str(), "report.received" | "account.added") {
            // Entries of the first form named an account "name (role)".
            r.earlier.insert(e.subject.split(" (").next().unwrap_or(&e.subject));
        }
        for word in e.detail.split_whitespace() {
            let (kind, _) = word.split_once(':').unwrap_or((word, ""));
            r.all.entry(kind).or_default().insert(word);
            r.last.insert((kind, e.subject.as_str()), word);
            if matches!(kind, "message" | "incident") {
                r.by_subject.push((kind, e.subject.as_str(), word));
            }
        }
    }
    r
}

/// Checks the store's rows against the chain: every account, report, message, status, published
/// incident, release and row of the workspace's append-only tables is as an entry recorded it,
/// and nothing an entry recorded is missing (except contents deleted under the retention rule,
/// whose deletion is itself an entry). Analysts' decisions on pairs are not covered: `lookout
/// xref` records them without an entry.
pub fn verify_coverage(view: &AuditView) -> Result<(), ReportError> {
    let r = recorded(&view.entries);
    let has = |kind: &str, digest: &str| r.all.get(kind).is_some_and(|s| s.contains(digest));
    let off = |what: String| ReportError::AuditBroken {
        seq: view.entries.len() as i64,
        reason: format!("{what}: not as the audit log recorded it (added, edited or swapped behind the server's back)"),
    };
    for (name, account, active) in &view.accounts {
        if r.earlier.contains(name.as_str()) {
            continue;
        }
        if !has("account", account) {
            return Err(off(format!("account {name}")));
        }
        if r.last.get(&("active", name.as_str())) != Some(&active.as_str()) {
            return Err(off(format!("whether account {name} is active")));
        }
    }
    let purged: HashSet<&str> = view.reports.iter().filter(|r| r.3).map(|r| r.0.as_str()).collect();
    for (id, record, status, is_purged) in &view.reports {
        if r.earlier.contains(id.as_str()) {
            continue;
        }
        if *is_purged {
            if !r.last.contains_key(&("purged", id.as_str())) {
                return Err(off(format!("report {id}, marked purged")));
            }
        } else if !has("report", record) {
            return Err(off(format!("report {id}")));
        }
        let first = Written::Status { report_id: id, status: "new", linked: None, closed_on: None }.detail();
        let expected = r.last.get(&("status", id.as_str())).copied().unwrap_or(first.as_str());
        if status != expected {
            return Err(off(format!("the status of report {id}")));
        }
    }
    let stored: HashSet<&str> = view.messages.iter().map(|m| m.2.as_str()).collect();
    for (report, seq, digest) in &view.messages {
        if !r.earlier.contains(report.as_str()) && !has("message", digest) {
            return Err(off(format!("report {report} message {seq}")));
        }
    }
    let incidents: HashSet<&str> = view.incidents.iter().map(|i| i.1.as_str()).collect();
    for (kind, subject, digest) in &r.by_subject {
        let missing = match *kind {
            "message" => !purged.contains(subject) && !stored.contains(digest),
            _ => !incidents.contains(digest),
        };
        if missing {
            return Err(ReportError::AuditBroken {
                seq: view.entries.len() as i64,
                reason: format!("a {kind} of report {subject} recorded in the audit log is missing from the store"),
            });
        }
    }
    for (report, digest) in &view.incidents {
        if !r.earlier.contains(report.as_str()) && !has("incident", digest) {
            return Err(off(format!("the published incident of report {report}")));
        }
    }
    for (seq, digest) in &view.releases {
        if !has("release", digest) {
            return Err(off(format!("release {seq} of the public counts")));
        }
    }
    // The workspace's tables were written with digests from the first: no row is exempt.
    for (table, seq, digest) in &view.appended {
        if !has(table.kind(), digest) {
            return Err(off(format!("{} row {seq}", table.table())));
        }
    }
    let rows: HashSet<&str> = view.appended.iter().map(|a| a.2.as_str()).collect();
    for table in AppendOnly::ALL {
        if let Some(digest) = r.all.get(table.kind()).and_then(|d| d.iter().find(|d| !rows.contains(**d))) {
            return Err(ReportError::AuditBroken {
                seq: view.entries.len() as i64,
                reason: format!(
                    "a row of {} recorded in the audit log ({digest}) is missing from the store",
                    table.table()
                ),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditEntry> {
        let mut out: Vec<AuditEntry> = Vec::new();
        for seq in 1..=n {
            let prev = out.last().map_or(GENESIS.to_string(), |e| e.hash.clone());
            let (at, actor, action, subject) = ("2026-11-29", "ana", "report.triaged", format!("r{seq}"));
            let hash = entry_hash(&prev, seq, at, actor, action, &subject, "");
            out.push(AuditEntry {
                seq,
                at: at.into(),
                actor: actor.into(),
                action: action.into(),
                subject,
                detail: String::new(),
                prev_hash: prev,
                hash,
            });
        }
        out
    }

    fn entry(seq: i64, action: &str, subject: &str, detail: &str) -> AuditEntry {
        AuditEntry {
            seq,
            at: "2026-11-29".into(),
            actor: "a".into(),
            action: action.into(),
            subject: subject.into(),
            detail: detail.into(),
            prev_hash: String::new(),
            hash: String::new(),
        }
    }

    /// Rows written before entries recorded digests pass; an entry without digests appended later
    /// exempts nothing.
    #[test]
    fn coverage_of_an_upgraded_store() {
        let report = |id: &str| {
            Written::Report {
                id,
                lookup: "l",
                reply_recipient: "age1x",
                reply_key_sealed: b"k",
                received_on: "2026-11-29",
            }
            .detail()
        };
        let status =
            |id: &str| Written::Status { report_id: id, status: "new", linked: None, closed_on: None }.detail();
        let incident = |id: &str| {
            Written::Incident { id: "i", report_id: id, country: "NL", category: "approach", month: "2026-10" }.detail()
        };
        let mut view = AuditView {
            entries: vec![
                entry(1, "report.received", "r-old", ""),
                entry(2, "report.published", "r-old", ""),
                entry(3, "report.received", "r-new", &report("r-new")),
            ],
            reports: vec![
                ("r-old".into(), report("r-old"), status("r-old"), false),
                ("r-new".into(), report("r-new"), status("r-new"), false),
            ],
            incidents: vec![("r-old".into(), incident("r-old"))],
            ..AuditView::default()
        };
        verify_coverage(&view).unwrap();
        // A report slipped in, and an entry without digests appended to exempt it.
        view.reports.push(("r-fake".into(), report("r-fake"), status("r-fake"), false));
        view.entries.push(entry(4, "report.received", "r-fake", ""));
        assert!(verify_coverage(&view).unwrap_err().to_string().contains("report r-fake"));
    }

    /// A row of a workspace table needs the entry that recorded it, and an entry's row must be
    /// there.
    #[test]
    fn coverage_of_the_workspace_tables() {
        let row = |table: AppendOnly, seq: i64, by: &str| {
            let columns = [Some("0a".to_string()), Some("confirmed".into()), Some(by.to_string()), None, None];
            Written::Row { table, seq, columns: &columns }.detail()
        };
        let account = Written::Account { name: "ana", role: "analyst", recipient: "age1x" }.detail();
        let active = Written::Active { name: "ana", active: true }.detail();
        let event = row(AppendOnly::StatementEvents, 1, "rui");
        let mut view = AuditView {
            entries: vec![
                entry(1, "account.added", "ana", &format!("{account} {active}")),
                entry(2, "change.confirmed", "stmt-0a", &event),
            ],
            accounts: vec![("ana".into(), account, active)],
            appended: vec![(AppendOnly::StatementEvents, 1, event.clone())],
            ..AuditView::default()
        };
        verify_coverage(&view).unwrap();
        // A confirmation slipped in behind the server's back.
        view.appended.push((AppendOnly::StatementEvents, 2, row(AppendOnly::StatementEvents, 2, "mallory")));
        let err = verify_coverage(&view).unwrap_err().to_string();
        assert!(err.contains("statement_events row 2"), "{err}");
        // A mark taken out of the store.
        view.appended.pop();
        view.entries.push(entry(3, "person.restricted", "person-x", &row(AppendOnly::PublicFigureMarks, 1, "rui")));
        let err = verify_coverage(&view).unwrap_err().to_string();
        assert!(err.contains("public_figure_marks") && err.contains("missing from the store"), "{err}");
        // The same columns in another table are another row.
        view.entries.pop();
        view.appended.push((AppendOnly::SourceJudgements, 1, row(AppendOnly::StatementEvents, 1, "rui")));
        assert!(verify_coverage(&view).unwrap_err().to_string().contains("source_judgements row 1"));
    }

    #[test]
    fn edits_and_deletions_are_detected() {
        assert_eq!(verify(&chain(5)).unwrap(), 5);
        let mut edited = chain(5);
        edited[2].actor = "mallory".into();
        assert!(matches!(verify(&edited), Err(ReportError::AuditBroken { seq: 3, .. })));
        let mut deleted = chain(5);
        deleted.remove(3);
        assert!(matches!(verify(&deleted), Err(ReportError::AuditBroken { seq: 5, .. })));
        let mut backdated = chain(2);
        backdated[1].at = "2026-11-01".into();
        backdated[1].hash = entry_hash(&backdated[1].prev_hash, 2, "2026-11-01", "ana", "report.triaged", "r2", "");
        assert!(verify(&backdated).unwrap_err().to_string().contains("earlier than the entry before it"));
        let mut rehashed = chain(5);
        rehashed[1].subject = "other".into();
        rehashed[1].hash = entry_hash(&rehashed[1].prev_hash, 2, &rehashed[1].at, "ana", "report.triaged", "other", "");
        assert!(matches!(verify(&rehashed), Err(ReportError::AuditBroken { seq: 3, .. })));
    }
}
