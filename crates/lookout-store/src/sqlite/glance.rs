//! The workspace's small reads over SQLite: how many statements wait, an entity's version (what
//! a form was made from, and a write only if it still stands) and the values entities are named
//! by, each one query over an index rather than a read of whole records.

use lookout_core::{Batch, EntityId, StatementStatus};
use sqlx::{Row, SqliteConnection};

use super::audit_log::{append, begin_write};
use super::SqliteStore;
use crate::workspace::{Naming, NamingValue};
use crate::{AuditEvent, StoreError, WriteReport};

/// The number of rows recorded about an entity: its statements, their events and its public
/// figure marks. All three tables are append-only (triggers refuse updates and deletions), so
/// every change to the entity makes it grow. `None` when no such entity is stored.
async fn version_in(conn: &mut SqliteConnection, id: &EntityId) -> Result<Option<u64>, StoreError> {
    let n: Option<i64> = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM statements s WHERE s.entity_key = e.key)
              + (SELECT COUNT(*) FROM statements s JOIN statement_events v ON v.statement_id = s.id
                 WHERE s.entity_key = e.key)
              + (SELECT COUNT(*) FROM public_figure_marks m WHERE m.entity_key = e.key)
         FROM entities e WHERE e.id = ?",
    )
    .bind(id.as_str())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(n.map(|n| n as u64))
}

impl SqliteStore {
    /// How many statements wait for a second account, counted in the `statements_pending`
    /// partial index.
    pub(crate) async fn count_pending(&self) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM statements INDEXED BY statements_pending WHERE status = 'proposed'",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(n as u64)
    }

    /// The number of rows recorded about an entity ([`version_in`]).
    pub(crate) async fn version_of(&self, id: &EntityId) -> Result<Option<u64>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        version_in(&mut conn, id).await
    }

    /// Writes `batch` with `event`'s audit entry only if `entity` is still at `version`, checked
    /// in the write's own transaction; `None` (nothing written) if it changed since.
    pub(crate) async fn add_if_unchanged(
        &self,
        batch: &Batch,
        event: &AuditEvent,
        entity: &EntityId,
        version: u64,
    ) -> Result<Option<WriteReport>, StoreError> {
        let mut tx = begin_write(self).await?;
        let now = version_in(&mut tx, entity).await?;
        if now != Some(version) {
            tx.rollback().await?;
            return Ok(None);
        }
        let report = super::write::write_batch(&mut tx, batch).await?;
        append(&mut tx, event, &[]).await?;
        tx.commit().await?;
        Ok(Some(report))
    }

    /// Each stored entity among `ids`, in id order, with its `name` and `city` statements
    /// (whatever their status) in the order recorded.
    pub(crate) async fn namings_of(&self, ids: &[EntityId]) -> Result<Vec<Naming>, StoreError> {
        let json = serde_json::to_string(&ids.iter().map(EntityId::as_str).collect::<Vec<_>>())
            .map_err(|e| StoreError::Corrupt { table: "entities", id: String::new(), reason: e.to_string() })?;
        let rows = sqlx::query(
            "SELECT e.id, s.prop, s.value, s.status FROM entities e
             LEFT JOIN statements s ON s.entity_key = e.key AND s.prop IN ('name', 'city')
             WHERE e.id IN (SELECT value FROM json_each(?))
             ORDER BY e.id, s.rowid",
        )
        .bind(json)
        .fetch_all(&self.pool)
        .await?;
        let mut out: Vec<Naming> = Vec::new();
        for row in &rows {
            let id: String = row.try_get("id")?;
            let corrupt = |reason: String| StoreError::Corrupt { table: "statements", id: id.clone(), reason };
            if out.last().is_none_or(|n| n.id.as_str() != id) {
                let entity = EntityId::new(id.clone()).map_err(|e| corrupt(e.to_string()))?;
                out.push(Naming { id: entity, values: Vec::new() });
            }
            let Some(prop) = row.try_get::<Option<String>, _>("prop")? else { continue };
            let status: String = row.try_get("status")?;
            let value = NamingValue {
                prop,
                value: row.try_get("value")?,
                status: status.parse::<StatementStatus>().map_err(|e| corrupt(e.to_string()))?,
            };
            if let Some(last) = out.last_mut() {
                last.values.push(value);
            }
        }
        Ok(out)
    }
}
