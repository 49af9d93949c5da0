//! The SQLite implementation: one file in the data directory, WAL journal, migrations on open.

mod accounts;
mod audit_log;
mod backup;
pub use backup::{check_file, FileCheck};
mod batches;
pub use batches::BatchWriter;
mod curation;
mod documents;
mod glance;
mod inbox;
mod judgements;
mod public_changes;
mod public_sources;
mod publicity_facts;
mod read;
mod record_counts;
mod reports;
mod resolution;
mod rows;
mod workspace;
mod write;

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use lookout_core::Batch;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous};

use crate::{StoreError, WriteReport};

/// The store over an embedded SQLite database.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    /// The inbox's totals, each with the version of the proposals it was counted at.
    proposal_counts: std::sync::Arc<inbox::ProposalCounts>,
}

impl SqliteStore {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date. The
    /// file and its write-ahead log are readable by their owner only (SQLite gives the log the
    /// database file's permissions); deleted content is overwritten (`secure_delete`).
    pub async fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        owner_only(path)?;
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .pragma("cache_size", "-16000")
            .pragma("secure_delete", "ON");
        let pool = SqlitePoolOptions::new().max_connections(4).connect_with(options).await?;
        Self::migrated(pool).await
    }

    /// A private in-memory database, for tests.
    pub async fn open_in_memory() -> Result<SqliteStore, StoreError> {
        let options = SqliteConnectOptions::from_str("sqlite::memory:")?.foreign_keys(true);
        let pool = SqlitePoolOptions::new().max_connections(1).connect_with(options).await?;
        Self::migrated(pool).await
    }

    async fn migrated(pool: SqlitePool) -> Result<SqliteStore, StoreError> {
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        Ok(SqliteStore { pool, proposal_counts: Default::default() })
    }

    /// Closes the pool, checkpointing the WAL.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    pub(crate) async fn write(&self, batch: &Batch) -> Result<WriteReport, StoreError> {
        let mut conn = self.pool.acquire().await?;
        // The writer looks up the integer key of every entity and source it refers to inside the
        // transaction, so each reference is proven by construction; checking foreign keys again
        // row by row would cost a third of the write time. They stay on for every other query.
        sqlx::query("PRAGMA foreign_keys = OFF").execute(&mut *conn).await?;
        // A large batch inserts into indexes keyed by hashes, i.e. at random places: give this
        // connection a cache big enough to keep them in memory while it writes, then shrink it.
        let big = batch.statements.len() > 50_000;
        if big {
            sqlx::query("PRAGMA cache_size = -262144").execute(&mut *conn).await?;
        }
        let result = self.write_on(&mut conn, batch).await;
        if big {
            sqlx::query("PRAGMA cache_size = -16000").execute(&mut *conn).await?;
            sqlx::query("PRAGMA shrink_memory").execute(&mut *conn).await?;
        }
        sqlx::query("PRAGMA foreign_keys = ON").execute(&mut *conn).await?;
        result
    }

    async fn write_on(&self, conn: &mut sqlx::SqliteConnection, batch: &Batch) -> Result<WriteReport, StoreError> {
        let mut tx = sqlx::Connection::begin(conn).await?;
        match write::write_batch(&mut tx, batch).await {
            Ok(report) => {
                tx.commit().await?;
                Ok(report)
            }
            Err(e) => {
                tx.rollback().await?;
                Err(self.explain_write_error(e, batch).await)
            }
        }
    }

    /// Turns a constraint failure into a message that names the offending entity.
    async fn explain_write_error(&self, error: StoreError, batch: &Batch) -> StoreError {
        let StoreError::Database(db) = &error else { return error };
        if !db.to_string().contains("entity schema conflict") {
            return error;
        }
        for e in &batch.entities {
            let stored: Option<String> = sqlx::query_scalar("SELECT schema FROM entities WHERE id = ?")
                .bind(e.id.as_str())
                .fetch_optional(&self.pool)
                .await
                .ok()
                .flatten();
            if let Some(stored) = stored.filter(|s| s != e.schema.as_str()) {
                return StoreError::Conflict(format!(
                    "entity {} is stored as a {stored}; the import gives it as a {}",
                    e.id, e.schema
                ));
            }
        }
        error
    }
}

/// Creates the database file readable and writable by its owner only, or makes an existing one
/// (and its write-ahead log and shared-memory index) so.
fn owner_only(path: &Path) -> Result<(), StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let io = |e: std::io::Error| StoreError::Io(format!("{}: {e}", path.display()));
        if !path.exists() {
            std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path).map_err(io)?;
        }
        for side in ["", "-wal", "-shm"] {
            let file = std::path::PathBuf::from(format!("{}{side}", path.display()));
            if let Ok(meta) = std::fs::metadata(&file) {
                if meta.permissions().mode() & 0o077 != 0 {
                    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).map_err(io)?;
                }
            }
        }
    }
    Ok(())
}
