//! Store errors.

/// What went wrong in the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened, read or written.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// The database file could not be created or its permissions set.
    #[error("database file {0}")]
    Io(String),
    /// A migration failed.
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    /// A row in the database does not fit the model (a bug, or a database edited by hand).
    #[error("corrupt row in {table} ({id}): {reason}")]
    Corrupt {
        /// Which table.
        table: &'static str,
        /// The row's id.
        id: String,
        /// What does not fit.
        reason: String,
    },
    /// Something asked for is not in the store.
    #[error("{0}")]
    NotFound(String),
    /// A batch conflicts with what is stored (an entity id stored under another schema).
    #[error("{0}")]
    Conflict(String),
}
