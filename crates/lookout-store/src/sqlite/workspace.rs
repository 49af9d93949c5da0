//! [`WorkspaceStore`] over SQLite. Each write takes the write lock up front (`BEGIN IMMEDIATE`)
//! and appends its audit entry in the same transaction.

use lookout_core::{
    EntityId, ProposalRecord, Statement, StatementAction, StatementEvent, StatementId, Timestamp, Verdict,
};
use sqlx::{AssertSqlSafe, Row};

use super::audit_log::{append, begin_write};
use super::documents::{proposal_from_row, PROPOSAL_SELECT};
use super::rows::{statement_from_row, statement_id_bytes, STATEMENT_FROM, STATEMENT_SELECT};
use super::SqliteStore;
use crate::workspace::{ProposalFilter, ProposalReview, WorkspaceStore};
use crate::{AuditEvent, Store, StoreError, WriteReport};

fn id_bytes(id: &StatementId) -> Result<Vec<u8>, StoreError> {
    statement_id_bytes(id).ok_or_else(|| StoreError::NotFound(format!("no statement {id}")))
}

/// The proposals a filter selects: `?1` document, `?2` kind, `?3` verdict (NULL: open ones).
const PROPOSAL_FILTER: &str = "(?1 IS NULL OR p.document = ?1) AND (?2 IS NULL OR p.kind = ?2)
     AND ((?3 IS NULL AND r.verdict IS NULL) OR r.verdict = ?3)";

impl SqliteStore {
    /// Reviews a proposal; with `event`, appends its audit entry in the same transaction.
    pub(crate) async fn review(
        &self,
        review: &ProposalReview<'_>,
        event: Option<&AuditEvent>,
    ) -> Result<WriteReport, StoreError> {
        let id = review.id;
        if review.by.trim().is_empty() {
            return Err(StoreError::Conflict("a review needs the name of its reviewer".into()));
        }
        let record = self.proposal(id).await?.ok_or_else(|| StoreError::NotFound(format!("no proposal {id}")))?;
        if let Some((v, who, when)) = &record.review {
            return Err(StoreError::Conflict(format!("proposal {id} was already {v} by {who} at {when}")));
        }
        let batch = match review.verdict {
            Verdict::Accepted => {
                let p = &record.proposal;
                let sources = self.sources(std::slice::from_ref(&p.source_id)).await?;
                let source = sources.get(&p.source_id).ok_or_else(|| StoreError::Corrupt {
                    table: "proposals",
                    id: id.to_string(),
                    reason: format!("source {} is missing", p.source_id),
                })?;
                let restricted: bool = sqlx::query_scalar("SELECT restricted FROM documents WHERE sha256 = ?")
                    .bind(&p.document)
                    .fetch_optional(&self.pool)
                    .await?
                    .unwrap_or(true);
                let (batch, _) = p
                    .accept_as(source, review.by, restricted, &review.acceptance)
                    .map_err(|e| StoreError::Conflict(format!("proposal {id}: {e}")))?;
                Some(batch)
            }
            Verdict::Rejected => None,
        };
        let mut tx = begin_write(self).await?;
        let report = match &batch {
            Some(batch) => super::write::write_batch(&mut tx, batch).await?,
            None => WriteReport::default(),
        };
        // Reviewed once: the insert finds nothing to add when a review slipped in meanwhile.
        let added = sqlx::query(
            "INSERT INTO proposal_reviews (proposal_key, verdict, reviewed_by, reviewed_at, reason)
             SELECT p.key, ?, ?, ?, ? FROM proposals p WHERE p.id = ?
               AND NOT EXISTS (SELECT 1 FROM proposal_reviews r WHERE r.proposal_key = p.key)",
        )
        .bind(review.verdict.as_str())
        .bind(review.by)
        .bind(Timestamp::now().to_string())
        .bind(review.reason)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if added != 1 {
            tx.rollback().await?;
            return Err(StoreError::Conflict(format!("proposal {id} was reviewed meanwhile")));
        }
        if let Some(event) = event {
            append(&mut tx, event, &[]).await?;
        }
        tx.commit().await?;
        Ok(report)
    }
}

impl WorkspaceStore for SqliteStore {
    async fn add_statements(&self, batch: &lookout_core::Batch, event: &AuditEvent) -> Result<WriteReport, StoreError> {
        let mut tx = begin_write(self).await?;
        let report = super::write::write_batch(&mut tx, batch).await?;
        append(&mut tx, event, &[]).await?;
        tx.commit().await?;
        Ok(report)
    }

    async fn act_on_statement(
        &self,
        id: &StatementId,
        action: StatementAction,
        by: &str,
        reason: Option<&str>,
        event: &AuditEvent,
    ) -> Result<Statement, StoreError> {
        let bytes = id_bytes(id)?;
        let mut tx = begin_write(self).await?;
        let sql = format!("SELECT {STATEMENT_SELECT} FROM {STATEMENT_FROM} WHERE s.id = ?");
        let row = sqlx::query(AssertSqlSafe(sql.clone()))
            .bind(&bytes)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("no statement {id}")))?;
        let statement = statement_from_row(&row)?;
        // Checked here to say why; the table's trigger refuses the same cases whoever writes.
        action
            .apply(statement.status, &statement.recorded_by, by)
            .map_err(|e| StoreError::Conflict(format!("statement {id} cannot be {action}: {e}")))?;
        sqlx::query(
            "INSERT INTO statement_events (statement_id, action, acted_by, acted_at, reason) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(&bytes)
        .bind(action.as_str())
        .bind(by)
        .bind(Timestamp::now().to_string())
        .bind(reason)
        .execute(&mut *tx)
        .await?;
        append(&mut tx, event, &[]).await?;
        let row = sqlx::query(AssertSqlSafe(sql)).bind(&bytes).fetch_one(&mut *tx).await?;
        let statement = statement_from_row(&row)?;
        tx.commit().await?;
        Ok(statement)
    }

    async fn statement(&self, id: &StatementId) -> Result<Option<Statement>, StoreError> {
        let Some(bytes) = statement_id_bytes(id) else { return Ok(None) };
        let sql = format!("SELECT {STATEMENT_SELECT} FROM {STATEMENT_FROM} WHERE s.id = ?");
        let row = sqlx::query(AssertSqlSafe(sql)).bind(bytes).fetch_optional(&self.pool).await?;
        row.as_ref().map(statement_from_row).transpose()
    }

    async fn pending_statements(&self, limit: u32) -> Result<Vec<Statement>, StoreError> {
        let sql = format!(
            "SELECT {STATEMENT_SELECT} FROM {STATEMENT_FROM} WHERE s.status = 'proposed' ORDER BY s.rowid LIMIT ?"
        );
        let rows = sqlx::query(AssertSqlSafe(sql)).bind(limit).fetch_all(&self.pool).await?;
        rows.iter().map(statement_from_row).collect()
    }

    async fn entity_events(&self, entity: &EntityId) -> Result<Vec<StatementEvent>, StoreError> {
        let rows = sqlx::query(
            "SELECT 'stmt-' || lower(hex(e.statement_id)) AS id, e.action, e.acted_by, e.acted_at, e.reason
             FROM statement_events e JOIN statements s ON s.id = e.statement_id
             WHERE s.entity_key = (SELECT key FROM entities WHERE id = ?) ORDER BY e.seq",
        )
        .bind(entity.as_str())
        .fetch_all(&self.pool)
        .await?;
        let corrupt =
            |reason: String| StoreError::Corrupt { table: "statement_events", id: entity.to_string(), reason };
        rows.iter()
            .map(|r| {
                Ok(StatementEvent {
                    statement_id: StatementId::new(r.try_get::<String, _>("id")?)
                        .map_err(|e| corrupt(e.to_string()))?,
                    action: r
                        .try_get::<String, _>("action")?
                        .parse()
                        .map_err(|e: lookout_core::ModelError| corrupt(e.to_string()))?,
                    by: r.try_get("acted_by")?,
                    at: r.try_get("acted_at")?,
                    reason: r.try_get("reason")?,
                })
            })
            .collect()
    }

    async fn review_proposal_as(
        &self,
        review: &ProposalReview<'_>,
        event: &AuditEvent,
    ) -> Result<WriteReport, StoreError> {
        self.review(review, Some(event)).await
    }

    async fn proposal(&self, id: &str) -> Result<Option<ProposalRecord>, StoreError> {
        let row = sqlx::query(AssertSqlSafe(format!("{PROPOSAL_SELECT} WHERE p.id = ?")))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(proposal_from_row).transpose()
    }

    async fn proposal_page(
        &self,
        filter: &ProposalFilter,
        offset: u32,
        limit: u32,
    ) -> Result<(Vec<ProposalRecord>, u64), StoreError> {
        let kind = filter.kind.map(|k| k.as_str());
        let verdict = filter.reviewed.map(|v| v.as_str());
        let rows = sqlx::query(AssertSqlSafe(format!(
            "{PROPOSAL_SELECT} WHERE {PROPOSAL_FILTER} ORDER BY p.key LIMIT ?4 OFFSET ?5"
        )))
        .bind(&filter.document)
        .bind(kind)
        .bind(verdict)
        .bind(limit)
        .bind(offset)
        .fetch_all(&self.pool)
        .await?;
        let total: i64 = sqlx::query(AssertSqlSafe(format!(
            "SELECT COUNT(*) AS n FROM ({PROPOSAL_SELECT} WHERE {PROPOSAL_FILTER})"
        )))
        .bind(&filter.document)
        .bind(kind)
        .bind(verdict)
        .fetch_one(&self.pool)
        .await?
        .try_get("n")?;
        let page = rows.iter().map(proposal_from_row).collect::<Result<Vec<_>, _>>()?;
        Ok((page, total as u64))
    }

    async fn decide(&self, decision: &lookout_core::Decision, event: &AuditEvent) -> Result<(), StoreError> {
        self.decide_audited(decision, event).await
    }

    async fn decisions_version(&self) -> Result<i64, StoreError> {
        self.decisions_seen().await
    }
}
