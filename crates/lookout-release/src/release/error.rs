//! Why a release could not be cut, read or verified: each error names the file or folder.

use std::path::{Path, PathBuf};

/// Why a release could not be cut, read or verified.
#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    /// Reading or writing a file failed (a full disk, a missing folder, no permission).
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// Exporting the record failed.
    #[error("exporting {file}: {source}")]
    Export {
        /// The export being written.
        file: String,
        /// Why.
        source: crate::ExportError,
    },
    /// The store could not be read.
    #[error(transparent)]
    Store(#[from] lookout_store::StoreError),
    /// The record changed while the release was being cut, so its files would not agree.
    #[error("the record changed while the release was being cut (data version {before} → {after}); nothing was kept, run it again")]
    RecordChanged {
        /// Data version at the start.
        before: i64,
        /// Data version at the end.
        after: i64,
    },
    /// The release folder is already there; releases are never rewritten.
    #[error("{}: a release with this id already exists; releases are never rewritten", .0.display())]
    Exists(PathBuf),
    /// No secret key at the path.
    #[error("{}: no such key file (create one with `lookout release keygen --key {}`)", .0.display(), .0.display())]
    KeyMissing(PathBuf),
    /// The password does not open the secret key.
    #[error("{}: wrong password for this key", .0.display())]
    WrongPassword(PathBuf),
    /// A key file would be overwritten.
    #[error("{}: already exists; a key is never overwritten", .0.display())]
    KeyExists(PathBuf),
    /// The file is not a minisign key of the expected kind.
    #[error("{}: not a minisign key: {reason}", path.display())]
    NotAKey {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// An empty password.
    #[error("the password is empty: give one on standard input")]
    EmptyPassword,
    /// Signing failed.
    #[error("cannot sign: {0}")]
    Signing(String),
    /// A release file is not what Lookout writes (a manifest that does not parse, a CSV without its columns).
    #[error("{}: {reason}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// Verification found a file that does not match the signed manifest, or a bad signature.
    #[error("{file}: {reason}")]
    Mismatch {
        /// The first file that does not match (a name inside the release folder).
        file: String,
        /// How it differs.
        reason: String,
    },
}

impl ReleaseError {
    /// An I/O error at `path`.
    pub fn io(path: &Path, source: std::io::Error) -> ReleaseError {
        ReleaseError::Io { path: path.to_path_buf(), source }
    }

    /// A verification failure of `file`.
    pub fn mismatch(file: &str, reason: impl Into<String>) -> ReleaseError {
        ReleaseError::Mismatch { file: file.to_string(), reason: reason.into() }
    }
}
