//! The reporting desk: what the site and the command line do with reports, over any
//! [`ReportStore`]. Plaintext exists only inside these functions, in memory, and is wiped on
//! return. Every change is written with its audit entry in one transaction; entries carry days,
//! never times of day.
//!
//! - [`accounts`]: adding, signing in (both factors checked before anything is unwrapped),
//!   exporting a key, deactivating;
//! - [`reports`]: a report from intake to retention;
//! - [`counts`]: releases of the k-anonymous public counts;
//! - [`audit`]: verifying the chain, its coverage and a signed head kept elsewhere.

pub mod accounts;
pub mod audit;
pub mod counts;
pub mod reports;

use lookout_core::Timestamp;
use lookout_store::{AuditEvent, ReportStore, StoreError};

pub use accounts::{
    add_account, add_account_by, check_name, export_identity, reset_credentials, set_active, sign_in, NewAccount,
    SignedIn,
};
pub use audit::{audit_head, verify_audit, AuditCheck};
pub use counts::{published_counts, release_counts, ReleaseOutcome};
pub use reports::{
    apply_retention, follow_up, open_thread, publish, read_report, reply, set_status, submit, Message, Retention,
    Thread,
};

/// The roles of accounts.
pub const ROLES: &[&str] = &["reviewer", "analyst", "admin"];

/// Workflow statuses a reviewer can set (publishing has its own step).
pub const STATUSES: &[&str] = &["new", "triaged", "needs-information", "verified", "unverified", "linked", "closed"];

/// Report categories.
pub const CATEGORIES: &[&str] =
    &["surveillance", "approach", "pressure-to-return", "family-threats", "online-harassment", "other"];

/// What went wrong at the desk.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    /// Report machinery.
    #[error(transparent)]
    Report(#[from] crate::ReportError),
    /// The store.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// No report answers this receipt code (or it was purged).
    #[error("no report has this receipt code")]
    UnknownReceipt,
    /// A request the desk refuses, with the reason.
    #[error("{0}")]
    Refused(String),
    /// A right TOTP code that was used already, or could have been before the server started.
    #[error("this code was used already, or the server started just now: wait for the next code from your app")]
    CodeUsed,
}

/// Today, `YYYY-MM-DD`.
pub fn today() -> String {
    Timestamp::now().day()
}

/// The day `days` ago, `YYYY-MM-DD`.
pub fn days_ago(days: u32) -> String {
    Timestamp::from_unix(Timestamp::now().unix() - i64::from(days) * 86_400).day()
}

/// An audit event of `actor` on `subject`, today.
fn event(actor: &str, action: &str, subject: &str) -> AuditEvent {
    AuditEvent::today(actor, action, subject)
}

/// The installation's salt for receipt digests.
pub async fn receipt_salt<S: ReportStore>(store: &S) -> Result<Vec<u8>, DeskError> {
    Ok(store.installation_secret("receipt-salt", crate::random_bytes::<32>().to_vec()).await?)
}

/// Runs CPU-heavy work (argon2id, sealing large attachments) on a blocking thread, off the
/// async workers that serve pages.
async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    tokio::task::spawn_blocking(work).await.expect("blocking work does not panic")
}
