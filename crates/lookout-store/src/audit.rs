//! The audit chain's arithmetic, written once for the store that appends entries and for the
//! verifier that checks them: how an entry is hashed, and the digests of what each event wrote.
//!
//! An entry's `detail` lists what its event wrote as `kind:digest` words (`account:…`,
//! `report:…`, `message:…`, `status:…`, `active:…`, `incident:…`, `purged:…`, `release:…`, and
//! the workspace's `event:…`, `judgement:…`, `mark:…`), so that the rows of accounts, reports,
//! messages, releases and the workspace's append-only tables can be checked against the chain:
//! a row with no entry was added behind the server's back, an entry with no row was deleted, and
//! a row whose digest differs was edited.

use sha2::{Digest, Sha256};

/// The "previous hash" of the first audit entry.
pub const AUDIT_GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Who did what to what, on which day. Days only: nothing a reporter does is kept with a time of
/// day, and reviewers' entries are kept no finer, so that their times cannot bracket a reporter's
/// entry between them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEvent {
    /// `YYYY-MM-DD`.
    pub day: String,
    /// Who: an account name, `reporter` or `system`.
    pub actor: String,
    /// What: `report.received`, `account.signed-in`, …
    pub action: String,
    /// On what: a report id or an account name.
    pub subject: String,
}

impl AuditEvent {
    /// An event of `actor` on `subject` today.
    pub fn today(actor: &str, action: &str, subject: &str) -> AuditEvent {
        AuditEvent {
            day: lookout_core::Timestamp::now().day(),
            actor: actor.to_string(),
            action: action.to_string(),
            subject: subject.to_string(),
        }
    }
}

/// One audit log row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    /// Position from 1.
    pub seq: i64,
    /// The day (older entries: the second).
    pub at: String,
    /// Who.
    pub actor: String,
    /// What.
    pub action: String,
    /// On what.
    pub subject: String,
    /// Digests of what the event wrote (`kind:hex` words), empty for events that wrote nothing.
    pub detail: String,
    /// The previous row's hash.
    pub prev_hash: String,
    /// This row's hash.
    pub hash: String,
}

/// The hash of an entry after `prev_hash`: SHA-256 over its length-prefixed fields (`detail`
/// only when it is not empty, so that entries written before it existed keep their hashes).
pub fn entry_hash(
    prev_hash: &str,
    seq: i64,
    at: &str,
    actor: &str,
    action: &str,
    subject: &str,
    detail: &str,
) -> String {
    let mut h = Sha256::new();
    let seq = seq.to_string();
    let parts = [prev_hash, &seq, at, actor, action, subject, detail];
    let count = if detail.is_empty() { 6 } else { 7 };
    for part in &parts[..count] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    lookout_core::ids::hex(&h.finalize())
}

/// SHA-256 over length-prefixed parts, in hex.
fn digest(parts: &[&[u8]]) -> String {
    let mut h = Sha256::new();
    for part in parts {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part);
    }
    lookout_core::ids::hex(&h.finalize())
}

/// Something an event wrote, whose digest goes into its entry's `detail`.
#[derive(Debug, Clone, Copy)]
pub enum Written<'a> {
    /// An account's name, role and public key (what reports are sealed to).
    Account {
        /// Name.
        name: &'a str,
        /// Role.
        role: &'a str,
        /// `age1…` recipient.
        recipient: &'a str,
    },
    /// Whether an account is active.
    Active {
        /// Name.
        name: &'a str,
        /// Active.
        active: bool,
    },
    /// A report's record.
    Report {
        /// Id.
        id: &'a str,
        /// Receipt digest.
        lookup: &'a str,
        /// Reply recipient.
        reply_recipient: &'a str,
        /// Reply key, sealed under the receipt.
        reply_key_sealed: &'a [u8],
        /// Day received.
        received_on: &'a str,
    },
    /// A sealed message of a report's thread.
    Message {
        /// Report id.
        report_id: &'a str,
        /// Position.
        seq: i64,
        /// `reporter` or `reviewer`.
        author: &'a str,
        /// The age ciphertext.
        sealed: &'a [u8],
    },
    /// A report's workflow status, link and closing day (which decides when retention purges it).
    Status {
        /// Report id.
        report_id: &'a str,
        /// Status.
        status: &'a str,
        /// Linked entity.
        linked: Option<&'a str>,
        /// Day closed.
        closed_on: Option<&'a str>,
    },
    /// A published incident.
    Incident {
        /// Pseudonymous id.
        id: &'a str,
        /// Report id.
        report_id: &'a str,
        /// Country.
        country: &'a str,
        /// Category.
        category: &'a str,
        /// Month.
        month: &'a str,
    },
    /// A report's contents deleted under the retention rule.
    Purged {
        /// Report id.
        report_id: &'a str,
        /// Day purged.
        purged_on: &'a str,
    },
    /// A row appended to one of the workspace's event tables, with its columns as
    /// [`AppendOnly::columns`] reads them.
    Row {
        /// The table.
        table: AppendOnly,
        /// Its position in the table.
        seq: i64,
        /// Its columns.
        columns: &'a [Option<String>],
    },
    /// A release of public counts.
    Release {
        /// Position.
        seq: i64,
        /// Day released.
        released_on: &'a str,
        /// The tables, as JSON.
        counts: &'a str,
        /// What it counts and names, as JSON.
        state: &'a str,
    },
}

/// The workspace's append-only tables whose every row an audit entry records ([`Written::Row`]).
/// (`decisions` is not one: `lookout xref` records decisions without an entry.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AppendOnly {
    /// `statement_events`: a statement confirmed, rejected or withdrawn.
    StatementEvents,
    /// `source_judgements`: a source judged.
    SourceJudgements,
    /// `public_figure_marks`: a person marked a public figure, or restricted again.
    PublicFigureMarks,
}

impl AppendOnly {
    /// Every one.
    pub const ALL: [AppendOnly; 3] =
        [AppendOnly::StatementEvents, AppendOnly::SourceJudgements, AppendOnly::PublicFigureMarks];

    /// The table's name.
    pub fn table(self) -> &'static str {
        match self {
            AppendOnly::StatementEvents => "statement_events",
            AppendOnly::SourceJudgements => "source_judgements",
            AppendOnly::PublicFigureMarks => "public_figure_marks",
        }
    }

    /// The kind of its digests in an entry's `detail`.
    pub fn kind(self) -> &'static str {
        match self {
            AppendOnly::StatementEvents => "event",
            AppendOnly::SourceJudgements => "judgement",
            AppendOnly::PublicFigureMarks => "mark",
        }
    }

    /// Its columns as text (`NULL` kept), after `seq`, as the writer and the verifier read them.
    pub fn columns(self) -> &'static str {
        match self {
            AppendOnly::StatementEvents => "hex(statement_id), action, acted_by, acted_at, reason",
            AppendOnly::SourceJudgements => {
                "CAST(source_key AS TEXT), kind, reliability, CAST(copy_of AS TEXT), judged_by, judged_at"
            }
            AppendOnly::PublicFigureMarks => {
                "CAST(entity_key AS TEXT), CAST(public AS TEXT), CAST(source_key AS TEXT), marked_by, marked_at"
            }
        }
    }
}

impl Written<'_> {
    /// `kind:digest`.
    pub fn detail(&self) -> String {
        let (kind, hex) = match *self {
            Written::Account { name, role, recipient } => {
                ("account", digest(&[name.as_bytes(), role.as_bytes(), recipient.as_bytes()]))
            }
            Written::Active { name, active } => ("active", digest(&[name.as_bytes(), &[u8::from(active)]])),
            Written::Report { id, lookup, reply_recipient, reply_key_sealed, received_on } => (
                "report",
                digest(&[
                    id.as_bytes(),
                    lookup.as_bytes(),
                    reply_recipient.as_bytes(),
                    &Sha256::digest(reply_key_sealed),
                    received_on.as_bytes(),
                ]),
            ),
            Written::Message { report_id, seq, author, sealed } => (
                "message",
                digest(&[report_id.as_bytes(), &seq.to_be_bytes(), author.as_bytes(), &Sha256::digest(sealed)]),
            ),
            Written::Status { report_id, status, linked, closed_on } => (
                "status",
                digest(&[
                    report_id.as_bytes(),
                    status.as_bytes(),
                    linked.unwrap_or("").as_bytes(),
                    closed_on.unwrap_or("").as_bytes(),
                ]),
            ),
            Written::Incident { id, report_id, country, category, month } => (
                "incident",
                digest(&[
                    id.as_bytes(),
                    report_id.as_bytes(),
                    country.as_bytes(),
                    category.as_bytes(),
                    month.as_bytes(),
                ]),
            ),
            Written::Purged { report_id, purged_on } => {
                ("purged", digest(&[report_id.as_bytes(), purged_on.as_bytes()]))
            }
            Written::Row { table, seq, columns } => {
                // NULL as a byte no text holds, so that it differs from every value.
                let seq = seq.to_be_bytes();
                let mut parts: Vec<&[u8]> = vec![table.table().as_bytes(), &seq];
                parts.extend(columns.iter().map(|c| c.as_deref().map_or(&[0xff_u8][..], str::as_bytes)));
                (table.kind(), digest(&parts))
            }
            Written::Release { seq, released_on, counts, state } => {
                ("release", digest(&[&seq.to_be_bytes(), released_on.as_bytes(), counts.as_bytes(), state.as_bytes()]))
            }
        };
        format!("{kind}:{hex}")
    }
}

/// The `detail` of an event that wrote `written`.
pub fn detail_of(written: &[Written<'_>]) -> String {
    written.iter().map(Written::detail).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_without_detail_hash_as_before_and_detail_counts() {
        let a = entry_hash(AUDIT_GENESIS, 1, "2026-11-29", "ana", "report.read", "r-1", "");
        let b = entry_hash(AUDIT_GENESIS, 1, "2026-11-29", "ana", "report.read", "r-1", "message:00");
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        let m = |sealed: &[u8]| Written::Message { report_id: "r-1", seq: 1, author: "reporter", sealed }.detail();
        assert!(m(b"x").starts_with("message:"));
        assert_ne!(m(b"x"), m(b"y"));
        let s = |linked| Written::Status { report_id: "r-1", status: "linked", linked, closed_on: None }.detail();
        assert_ne!(s(None), s(Some("station-X")));
    }
}
