//! Validation errors of the core model.

/// A value that does not fit the model: the message names what was wrong and with which value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    /// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or names a day that does not exist.
    #[error("invalid date {0:?}: expected YYYY, YYYY-MM or YYYY-MM-DD naming a real day")]
    InvalidDate(String),
    /// An id that is empty, too long or has characters outside `[A-Za-z0-9._:-]`.
    #[error("invalid id {0:?}: expected 1-128 characters of A-Z, a-z, 0-9, '.', '_', ':' or '-'")]
    InvalidId(String),
    /// A schema name Lookout does not know.
    #[error("unknown schema {0:?}")]
    UnknownSchema(String),
    /// A property the schema does not have.
    #[error("schema {schema} has no property {prop:?}")]
    UnknownProperty {
        /// The schema's name.
        schema: &'static str,
        /// The property that was asked for.
        prop: String,
    },
    /// A value that does not fit its property's type.
    #[error("property {prop}: {reason}")]
    InvalidValue {
        /// The property.
        prop: String,
        /// Why the value does not fit.
        reason: String,
    },
    /// A decision that cannot be recorded (an entity paired with itself, no decider).
    #[error("{0}")]
    InvalidDecision(String),
    /// A value of one of the model's vocabularies (grade, stance, status, source kind) that is not in it.
    #[error("unknown {what} {value:?}")]
    UnknownTerm {
        /// Which vocabulary.
        what: &'static str,
        /// The value given.
        value: String,
    },
}
