//! Batches written one after another inside one transaction: a long import or ingest is stored
//! all or nothing without holding all of it in memory at once.

use lookout_core::Batch;
use sqlx::{Sqlite, Transaction};

use super::SqliteStore;
use crate::{StoreError, WriteReport};

/// An open transaction taking batches. Dropped without [`BatchWriter::commit`], it writes nothing.
pub struct BatchWriter {
    tx: Transaction<'static, Sqlite>,
    report: WriteReport,
}

impl SqliteStore {
    /// Opens a transaction for batches written in turn.
    pub async fn begin_batches(&self) -> Result<BatchWriter, StoreError> {
        Ok(BatchWriter { tx: self.pool.begin().await?, report: WriteReport::default() })
    }
}

impl BatchWriter {
    /// Writes a batch (its statements may refer to entities and sources of earlier batches).
    pub async fn write(&mut self, batch: &Batch) -> Result<(), StoreError> {
        let r = super::write::write_batch(&mut self.tx, batch).await?;
        self.report.entities_added += r.entities_added;
        self.report.sources_added += r.sources_added;
        self.report.statements_added += r.statements_added;
        self.report.statements_present += r.statements_present;
        Ok(())
    }

    /// Makes every batch written durable, at once.
    pub async fn commit(self) -> Result<WriteReport, StoreError> {
        self.tx.commit().await?;
        Ok(self.report)
    }
}
