//! Errors of protected reporting. None of them carries report content.

/// What went wrong.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A receipt code that is not 25 digits.
    #[error("a receipt code is 25 digits (spaces and dashes are ignored)")]
    MalformedReceipt,
    /// An attachment that is not what it says, or is damaged.
    #[error("attachment {index}: {reason}")]
    Attachment {
        /// Position on the form, from 1.
        index: usize,
        /// Why it was refused (never its content).
        reason: String,
    },
    /// Sealing or opening failed.
    #[error("sealing: {0}")]
    Seal(String),
    /// A wrong password or receipt code for a sealed key.
    #[error("the key could not be unlocked")]
    WrongSecret,
    /// The audit log does not verify.
    #[error("audit log broken at entry {seq}: {reason}")]
    AuditBroken {
        /// The first entry that does not verify.
        seq: i64,
        /// Why.
        reason: String,
    },
    /// A signed head of the audit log that does not verify, or a chain that does not match it.
    #[error("audit head: {0}")]
    Head(String),
    /// Hashing failed (bad parameters).
    #[error("hashing: {0}")]
    Hash(String),
}
