//! Storage of protected reporting: accounts, sealed reports and their messages, published
//! (pseudonymous, coarse) incidents, releases of public counts, installation secrets and the
//! hash-chained audit log. Report contents reach this layer only as ciphertext.
//!
//! Every write takes the write lock up front and appends its audit entry (with the digests of what
//! it wrote) in the same transaction: a report is stored with its entry or not at all.

use std::future::Future;

use crate::audit::{AuditEvent, AuditRow};
use crate::StoreError;

/// A reviewer, analyst or admin account. The TOTP secret and the age identity are sealed under
/// a key derived from the account's password.
#[derive(Clone)]
pub struct Account {
    /// Login name.
    pub name: String,
    /// `reviewer`, `analyst` or `admin`.
    pub role: String,
    /// How the password is checked (see `lookout_report::password`).
    pub password_hash: String,
    /// TOTP secret, sealed.
    pub totp_sealed: Vec<u8>,
    /// age identity, sealed.
    pub identity_sealed: Vec<u8>,
    /// age recipient (`age1…`).
    pub recipient: String,
    /// Whether it may sign in, and reports are sealed to it.
    pub active: bool,
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Account({}, {})", self.name, self.role)
    }
}

/// An account as a list of accounts shows it: no password check, no sealed secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountSummary {
    /// Login name.
    pub name: String,
    /// `reviewer`, `analyst` or `admin`.
    pub role: String,
    /// Whether it may sign in.
    pub active: bool,
    /// The day it was added.
    pub created_on: String,
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

/// A release of the public counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountRelease {
    /// Position from 1.
    pub seq: i64,
    /// Day released.
    pub released_on: String,
    /// k at the time.
    pub k: u64,
    /// Incidents published when it was made (counted in its tables or not).
    pub published: u64,
    /// The public tables, as JSON.
    pub counts: String,
    /// Which incidents it counts and which values it names, as JSON (never public).
    pub state: String,
}

/// A report with its reply key sealed under the receipt code (`None` once purged).
pub type ReportWithReplyKey = (ReportRecord, Option<Vec<u8>>);

/// Everything the audit chain covers, read in one transaction, for verification.
#[derive(Debug, Clone, Default)]
pub struct AuditView {
    /// The chain.
    pub entries: Vec<AuditRow>,
    /// `detail` words of each account as stored: its `account:` digest and `active:` digest.
    pub accounts: Vec<(String, String, String)>,
    /// Each report: (id, its `report:` digest, its `status:` digest, purged).
    pub reports: Vec<(String, String, String, bool)>,
    /// Each message: (report id, seq, its `message:` digest).
    pub messages: Vec<(String, i64, String)>,
    /// Each published incident: (report id, its `incident:` digest).
    pub incidents: Vec<(String, String)>,
    /// Each release: (seq, its `release:` digest).
    pub releases: Vec<(i64, String)>,
    /// Each row of the workspace's append-only tables: (table, seq, its digest).
    pub appended: Vec<(crate::audit::AppendOnly, i64, String)>,
}

/// Persistence of protected reporting.
pub trait ReportStore: Send + Sync + 'static {
    /// The installation secret `name`, created with `fresh` the first time.
    fn installation_secret(
        &self,
        name: &str,
        fresh: Vec<u8>,
    ) -> impl Future<Output = Result<Vec<u8>, StoreError>> + Send;
    /// Adds an account; an existing name is a conflict.
    fn add_account(&self, account: &Account, event: &AuditEvent)
        -> impl Future<Output = Result<(), StoreError>> + Send;
    /// An account by name.
    fn account(&self, name: &str) -> impl Future<Output = Result<Option<Account>, StoreError>> + Send;
    /// Every account, by name.
    fn accounts(&self) -> impl Future<Output = Result<Vec<AccountSummary>, StoreError>> + Send;
    /// Activates or deactivates an account. Deactivating the last active admin is a conflict:
    /// nobody could then manage accounts from the browser.
    fn set_account_active(
        &self,
        name: &str,
        active: bool,
        event: &AuditEvent,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Replaces an account's password check and sealed secrets (same identity, new wrapping).
    fn rewrap_account(
        &self,
        account: &Account,
        event: &AuditEvent,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Gives an account new credentials: a new password check, TOTP secret and age identity
    /// (its `recipient` changes), keeping its name, role and whether it is active. The audit
    /// entry records the new key.
    fn reset_account(
        &self,
        account: &Account,
        event: &AuditEvent,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// The recipients of every active account that can read reports (reviewers and admins).
    fn report_recipients(&self) -> impl Future<Output = Result<Vec<String>, StoreError>> + Send;
    /// Stores a new report and its first message.
    fn insert_report(
        &self,
        report: &NewReport,
        event: &AuditEvent,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
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
        event: &AuditEvent,
    ) -> impl Future<Output = Result<i64, StoreError>> + Send;
    /// Bytes of sealed messages stored (for the storage quota).
    fn sealed_bytes(&self) -> impl Future<Output = Result<u64, StoreError>> + Send;
    /// Sets a report's status (and linked entity, and closing day when closed).
    fn set_status(
        &self,
        report_id: &str,
        status: &str,
        linked_entity: Option<&str>,
        event: &AuditEvent,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Publishes a report as a pseudonymous incident.
    fn publish_incident(
        &self,
        report_id: &str,
        incident: &PublishedIncident,
        event: &AuditEvent,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Every published incident.
    fn published_incidents(&self) -> impl Future<Output = Result<Vec<PublishedIncident>, StoreError>> + Send;
    /// Ids of reports closed on or before `closed_by` whose contents are still kept.
    fn reports_closed_by(&self, closed_by: &str) -> impl Future<Output = Result<Vec<String>, StoreError>> + Send;
    /// Deletes a report's sealed contents, its reply key and its receipt digest.
    fn purge_report(&self, report_id: &str, event: &AuditEvent) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// Moves everything into the database file and empties the write-ahead log, so that no old
    /// copy of deleted content stays in it (deleted content is overwritten in the file itself);
    /// false when readers kept it from emptying now (it empties at a later checkpoint).
    fn compact(&self) -> impl Future<Output = Result<bool, StoreError>> + Send;
    /// The latest release of public counts.
    fn latest_count_release(&self) -> impl Future<Output = Result<Option<CountRelease>, StoreError>> + Send;
    /// Appends a release of public counts (its `seq` is assigned); returns it.
    fn add_count_release(
        &self,
        release: &CountRelease,
        event: &AuditEvent,
    ) -> impl Future<Output = Result<CountRelease, StoreError>> + Send;
    /// Appends an audit entry for an event that writes nothing else (a report read, a key exported).
    fn append_audit(&self, event: &AuditEvent) -> impl Future<Output = Result<(), StoreError>> + Send;
    /// The whole audit log, in order.
    fn audit_log(&self) -> impl Future<Output = Result<Vec<AuditRow>, StoreError>> + Send;
    /// The chain and the digests of every row it covers, read in one transaction.
    fn audit_view(&self) -> impl Future<Output = Result<AuditView, StoreError>> + Send;
}
