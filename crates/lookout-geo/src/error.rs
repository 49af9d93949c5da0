//! Errors reading gazetteer files.

/// A gazetteer file that does not parse; names the file, line and field.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {field}: {reason}")]
pub struct GeoError {
    /// Which file.
    pub file: &'static str,
    /// 1-based line.
    pub line: usize,
    /// Which column.
    pub field: &'static str,
    /// What is wrong.
    pub reason: String,
}
