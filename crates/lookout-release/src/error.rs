//! Export errors.

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading the store failed.
    #[error(transparent)]
    Store(#[from] lookout_store::StoreError),
    /// Writing the output failed.
    #[error("cannot write export: {0}")]
    Io(#[from] std::io::Error),
    /// Encoding failed.
    #[error("cannot encode export: {0}")]
    Json(#[from] serde_json::Error),
    /// Encoding CSV failed.
    #[error("cannot encode CSV: {0}")]
    Csv(#[from] csv::Error),
}
