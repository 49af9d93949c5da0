//! Import errors: each names the file, the line and, where there is one, the field.

use std::fmt;

/// Why an import stopped. Nothing is written when an import fails.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ImportError {
    /// The file (as given on the command line, or the bundled file's name).
    pub file: String,
    /// 1-based line where the bad record starts; 0 for the file as a whole.
    pub line: u64,
    /// The column or JSON field, where the problem is in one.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Where in an input file a value came from; makes errors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The file.
    pub file: String,
    /// 1-based line.
    pub line: u64,
}

impl Place {
    /// An error about `field` at this place.
    pub fn error(&self, field: &str, message: impl fmt::Display) -> ImportError {
        ImportError {
            file: self.file.clone(),
            line: self.line,
            field: Some(field.to_string()),
            message: message.to_string(),
        }
    }

    /// An error about the record as a whole.
    pub fn record_error(&self, message: impl fmt::Display) -> ImportError {
        ImportError { file: self.file.clone(), line: self.line, field: None, message: message.to_string() }
    }
}
