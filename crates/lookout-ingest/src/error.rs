//! Ingestion errors, each naming the file, the option or the step.

/// What went wrong with a document or a run.
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
    /// An option given for every document is wrong.
    #[error("{name}: {problem}")]
    Option {
        /// The option (`--kind`).
        name: &'static str,
        /// What is wrong.
        problem: String,
    },
    /// One address was given for several documents.
    #[error("--url names the place of one document, but {documents} were given; use a NAME.meta.json per document")]
    UrlOfMany {
        /// How many were given.
        documents: usize,
    },
    /// The store failed.
    #[error("{doing}: {source}")]
    Store {
        /// What the run was doing.
        doing: &'static str,
        /// The cause.
        source: lookout_store::StoreError,
    },
    /// The search index failed.
    #[error("{doing}: {source}")]
    Search {
        /// What the run was doing.
        doing: String,
        /// The cause.
        source: lookout_search::SearchError,
    },
    /// A document's records do not hold together.
    #[error("recording the documents: {0}")]
    Record(String),
}
