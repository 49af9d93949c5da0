//! Ingestion errors, each naming the file, the option or the step. Each message says its cause
//! itself (the cause is not also given as a `source`, so that a chain of errors printed whole does
//! not say it twice).

/// What went wrong with a document or a run.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// A file given (a document, its sidecar, a directory) could not be read.
    #[error("cannot read {file}: {cause}")]
    Read {
        /// The file.
        file: String,
        /// The cause.
        cause: std::io::Error,
    },
    /// A file could not be written (the evidence store, standard output).
    #[error("{file}: {cause}")]
    Io {
        /// The file.
        file: String,
        /// The cause.
        cause: std::io::Error,
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
    #[error("{doing}: {cause}")]
    Store {
        /// What the run was doing.
        doing: &'static str,
        /// The cause.
        cause: lookout_store::StoreError,
    },
    /// The search index failed.
    #[error("{doing}: {cause}")]
    Search {
        /// What the run was doing.
        doing: String,
        /// The cause.
        cause: lookout_search::SearchError,
    },
    /// A document's records do not hold together.
    #[error("recording the documents: {0}")]
    Record(String),
}
