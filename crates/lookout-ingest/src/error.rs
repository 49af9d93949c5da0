//! Ingestion errors, each naming the file.

/// What went wrong with one document.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be read or the evidence written.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The document is not one Lookout reads, or is damaged.
    #[error("{file}: {problem}")]
    Unreadable {
        /// The file.
        file: String,
        /// What is wrong.
        problem: String,
    },
}
