//! The flags of running an installation: backups and the search index.

use std::path::PathBuf;

use clap::Subcommand;

/// Backup commands.
#[derive(Debug, Subcommand)]
pub enum BackupAction {
    /// Check a backup: its manifest, every file's size and SHA-256, that it holds nothing else,
    /// and its database (read without writing a byte). Names the first problem.
    Verify {
        /// The backup folder.
        dir: PathBuf,
    },
}

/// Search index commands.
#[derive(Debug, Subcommand)]
pub enum IndexAction {
    /// Make the documents' search index again from the store and the originals kept as evidence
    /// (after a restore, an upgrade that changes how text is indexed, or a damaged index). A
    /// running server keeps searching the old index until the new one is committed whole.
    Rebuild,
}
