//! Storage of protected reporting: accounts, sealed reports and their messages, published
//! (pseudonymous, coarse) incidents, installation secrets and the hash-chained audit log. Report
//! contents reach this layer only as ciphertext.

use std::future::Future;

use crate::StoreError;

/// A reviewer, analyst or admin account. The TOTP secret and the age identity are sealed under
/// the account's password.
#[derive(Clone)]
pub struct Account {
    /// Login name.
    pub name: String,
    /// `reviewer`, `analyst` or `admin`.
    pub role: String,
    /// argon2id PHC string.
    pub password_hash: String,
    /// TOTP secret, sealed.
    pub totp_sealed: Vec<u8>,
    /// age identity, sealed.
    pub identity_sealed: Vec<u8>,
    /// age recipient (`age1…`).
    pub recipient: String,
    /// Whether reports are sealed to it.
    pub active: bool,
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Account({}, {})", self.name, self.role)
    }
}

/// A report's record: workflow fields only; contents are in its sealed messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRecord {
    /// Random id.
    pub id: String,
    /// Workflow status.
    pub status: String,
    /// A linked station, bureau or organisation.
    pub linked_entity: Option<String>,
    /// Day received.
    pub received_on: String,
    /// Day closed.
    pub closed_on: Option<String>,
    /// Day its contents were deleted under the retention rule.
    pub purged_on: Option<String>,
    /// The reply recipient (`age1…`).
    pub reply_recipient: String,
}

/// A new report: its record, the reply key sealed under the receipt, and the first message.
#[derive(Debug, Clone)]
pub struct NewReport {
    /// Random id.
    pub id: String,
    /// Digest of the receipt code.
    pub lookup: String,
    /// The reply identity, sealed under the receipt's unlock key.
    pub reply_key_sealed: Vec<u8>,
    /// The reply recipient.
    pub reply_recipient: String,
    /// Day received.
    pub received_on: String,
    /// The report, sealed to the reviewers.
    pub sealed: Vec<u8>,
}

/// A sealed message of a report's thread.
#[derive(Debug, Clone)]
pub struct SealedMessage {
    /// Position in the thread, from 1.
    pub seq: i64,
    /// `reporter` or `reviewer`.
    pub author: String,
    /// age ciphertext.
    pub sealed: Vec<u8>,
}

/// A published incident: coarse fields only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishedIncident {
    /// Pseudonymous id.
    pub id: String,
    /// Country code.
    pub country: String,
    /// Category.
    pub category: String,
    /// `YYYY-MM`.
    pub month: String,
}

/// One audit log row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRow {
    /// Position from 1.
    pub seq: i64,
    /// When.
    pub at: String,
    /// Who.
    pub actor: String,
    /// What.
    pub action: String,
    /// On what.
    pub subject: String,
    /// The previous row's hash.
    pub prev_hash: String,
    /// This row's hash.
    pub hash: String,
}

/// A report with its reply key sealed under the receipt code (`None` once purged).
pub type ReportWithReplyKey = (ReportRecord, Option<Vec<u8>>);

/// The "previous hash" of the first audit row.
pub const AUDIT_GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Computes an audit row's hash from (previous hash, seq, at, actor, action, subject).
pub type AuditHasher = fn(&str, i64, &str, &str, &str, &str) -> String;

/// Persistence of protected reporting.
pub trait ReportStore: Send + Sync + 'static {
    /// The installation secret `name`, created with `fresh` the first time.
    fn installation_secret(
        &self,
        name: &str,
        fresh: Vec<u8>,
    ) -> impl Future<Output = Result<Vec<u8>, StoreError>> + Send;
    /// Adds an account; an existing name is a conflict.
    fn add_account(&self, account: &Account, today: &str) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// An account by name.
    fn account(&self, name: &str) -> impl Future<Output = Result<Option<Account>, StoreError>> + Send;
    /// The recipients of every active account that can read reports (reviewers and admins).
    fn report_recipients(&self) -> impl Future<Output = Result<Vec<String>, StoreError>> + Send;
    /// Stores a new report and its first message in one transaction.
    fn insert_report(&self, report: &NewReport) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// A report by its receipt digest, with its sealed reply key.
    fn report_by_lookup(
        &self,
        lookup: &str,
    ) -> impl Future<Output = Result<Option<ReportWithReplyKey>, StoreError>> + Send;
    /// A report by id.
    fn report(&self, id: &str) -> impl Future<Output = Result<Option<ReportRecord>, StoreError>> + Send;
    /// Every report, newest first.
    fn reports(&self) -> impl Future<Output = Result<Vec<ReportRecord>, StoreError>> + Send;
    /// A report's thread.
    fn messages(&self, report_id: &str) -> impl Future<Output = Result<Vec<SealedMessage>, StoreError>> + Send;
    /// Appends a sealed message to a report's thread; returns its position.
    fn add_message(
        &self,
        report_id: &str,
        author: &str,
        sealed: &[u8],
    ) -> impl Future<Output = Result<i64, StoreError>> + Send;
    /// Sets a report's status (and linked entity, and closing day when closed).
    fn set_status(
        &self,
        report_id: &str,
        status: &str,
        linked_entity: Option<&str>,
        today: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Publishes a report as a pseudonymous incident.
    fn publish_incident(
        &self,
        report_id: &str,
        incident: &PublishedIncident,
        today: &str,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Every published incident.
    fn published_incidents(&self) -> impl Future<Output = Result<Vec<PublishedIncident>, StoreError>> + Send;
    /// Deletes the sealed contents of reports closed on or before `closed_by`; returns their ids.
    fn purge_closed(
        &self,
        closed_by: &str,
        today: &str,
    ) -> impl Future<Output = Result<Vec<String>, StoreError>> + Send;
    /// Appends an audit row, chained to the last one.
    fn append_audit(
        &self,
        at: &str,
        actor: &str,
        action: &str,
        subject: &str,
        hasher: AuditHasher,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// The whole audit log, in order.
    fn audit_log(&self) -> impl Future<Output = Result<Vec<AuditRow>, StoreError>> + Send;
}
