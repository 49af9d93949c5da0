//! [`WorkspaceStore`] over SQLite. Each write takes the write lock up front (`BEGIN IMMEDIATE`)
//! and appends its audit entry in the same transaction.

use lookout_core::{
    Batch, EntityId, ProposalRecord, Statement, StatementAction, StatementEvent, StatementId, Timestamp, Verdict,
};
use sqlx::{AssertSqlSafe, Row};

use super::audit_log::{append, append_rows, begin_write};
use super::documents::{proposal_from_row, PROPOSAL_SELECT};
use super::rows::{statement_from_row, statement_id_bytes, STATEMENT_FROM, STATEMENT_SELECT};
use super::SqliteStore;
use crate::audit::AppendOnly;
use crate::workspace::{FoundEntity, PageAt, ProposalFilter, ProposalPage, ProposalReview, WorkspaceStore};
use crate::{AuditEvent, Store, StoreError, WriteReport};

fn id_bytes(id: &StatementId) -> Result<Vec<u8>, StoreError> {
    statement_id_bytes(id).ok_or_else(|| StoreError::NotFound(format!("no statement {id}")))
}

impl SqliteStore {
    /// What accepting `review` writes (none for a rejection), read before the write lock is taken;
    /// a conflict if the proposal was reviewed already.
    async fn prepare(&self, review: &ProposalReview<'_>) -> Result<Option<Batch>, StoreError> {
        let id = review.id;
        if review.by.trim().is_empty() {
            return Err(StoreError::Conflict("a review needs the name of its reviewer".into()));
        }
        let record = self.proposal(id).await?.ok_or_else(|| StoreError::NotFound(format!("no proposal {id}")))?;
        if let Some((v, who, when)) = &record.review {
            return Err(StoreError::Conflict(format!("proposal {id} was already {v} by {who} at {when}")));
        }
        if review.verdict == Verdict::Rejected {
            return Ok(None);
        }
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
        Ok(Some(batch))
    }

    /// Reviews proposals in one transaction; with `event`, appends its audit entry in it.
    pub(crate) async fn review(
        &self,
        reviews: &[ProposalReview<'_>],
        event: Option<&AuditEvent>,
    ) -> Result<WriteReport, StoreError> {
        let mut prepared = Vec::with_capacity(reviews.len());
        for review in reviews {
            prepared.push(self.prepare(review).await?);
        }
        let mut tx = begin_write(self).await?;
        let mut total = WriteReport::default();
        for (review, batch) in reviews.iter().zip(&prepared) {
            if let Some(batch) = batch {
                let report = super::write::write_batch(&mut tx, batch).await?;
                total.entities_added += report.entities_added;
                total.sources_added += report.sources_added;
                total.statements_added += report.statements_added;
                total.statements_present += report.statements_present;
            }
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
            .bind(review.id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if added != 1 {
                tx.rollback().await?;
                return Err(StoreError::Conflict(format!("proposal {} was reviewed meanwhile", review.id)));
            }
        }
        if let Some(event) = event {
            append(&mut tx, event, &[]).await?;
        }
        tx.commit().await?;
        Ok(total)
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

    async fn add_statements_at(
        &self,
        batch: &lookout_core::Batch,
        event: &AuditEvent,
        entity: &EntityId,
        version: u64,
    ) -> Result<Option<WriteReport>, StoreError> {
        self.add_if_unchanged(batch, event, entity, version).await
    }

    async fn act_on_statements(
        &self,
        ids: &[StatementId],
        action: StatementAction,
        by: &str,
        reason: Option<&str>,
        event: &AuditEvent,
    ) -> Result<Vec<Statement>, StoreError> {
        let sql = format!("SELECT {STATEMENT_SELECT} FROM {STATEMENT_FROM} WHERE s.id = ?");
        let mut tx = begin_write(self).await?;
        let mut keys = Vec::with_capacity(ids.len());
        let mut seqs = Vec::with_capacity(ids.len());
        for id in ids {
            let bytes = id_bytes(id)?;
            let row = sqlx::query(AssertSqlSafe(sql.clone()))
                .bind(&bytes)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or_else(|| StoreError::NotFound(format!("no statement {id}")))?;
            let statement = statement_from_row(&row)?;
            // Checked here to say why; the table's trigger refuses the same cases whoever writes.
            if let Err(e) = action.apply(statement.status, &statement.recorded_by, by) {
                tx.rollback().await?;
                return Err(StoreError::Conflict(format!("statement {id} cannot be {action}: {e}")));
            }
            let seq = sqlx::query(
                "INSERT INTO statement_events (statement_id, action, acted_by, acted_at, reason) VALUES (?, ?, ?, ?, ?)",
            )
            .bind(&bytes)
            .bind(action.as_str())
            .bind(by)
            .bind(Timestamp::now().to_string())
            .bind(reason)
            .execute(&mut *tx)
            .await?
            .last_insert_rowid();
            seqs.push(seq);
            keys.push(bytes);
        }
        append_rows(&mut tx, event, AppendOnly::StatementEvents, &seqs).await?;
        let mut out = Vec::with_capacity(keys.len());
        for bytes in keys {
            let row = sqlx::query(AssertSqlSafe(sql.clone())).bind(bytes).fetch_one(&mut *tx).await?;
            out.push(statement_from_row(&row)?);
        }
        tx.commit().await?;
        Ok(out)
    }

    async fn pending_change(&self, id: &StatementId) -> Result<Vec<Statement>, StoreError> {
        let Some(bytes) = statement_id_bytes(id) else { return Ok(Vec::new()) };
        let sql = format!(
            "SELECT {STATEMENT_SELECT} FROM {STATEMENT_FROM}
             JOIN statements o ON o.id = ? AND o.status = 'proposed'
             WHERE s.status = 'proposed' AND s.recorded_at = o.recorded_at AND s.recorded_by = o.recorded_by
             ORDER BY s.rowid"
        );
        let rows = sqlx::query(AssertSqlSafe(sql)).bind(bytes).fetch_all(&self.pool).await?;
        rows.iter().map(statement_from_row).collect()
    }

    async fn entities_in_full(&self, ids: &[EntityId]) -> Result<Vec<crate::EntityRecord>, StoreError> {
        let mut ids: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
        ids.sort();
        ids.dedup();
        self.records_with_ids(&ids, super::read::In::Full).await
    }

    async fn statement(&self, id: &StatementId) -> Result<Option<Statement>, StoreError> {
        let Some(bytes) = statement_id_bytes(id) else { return Ok(None) };
        let sql = format!("SELECT {STATEMENT_SELECT} FROM {STATEMENT_FROM} WHERE s.id = ?");
        let row = sqlx::query(AssertSqlSafe(sql)).bind(bytes).fetch_optional(&self.pool).await?;
        row.as_ref().map(statement_from_row).transpose()
    }

    async fn pending_statements(&self, limit: u32) -> Result<Vec<Statement>, StoreError> {
        let sql = format!(
            "SELECT {STATEMENT_SELECT} FROM {STATEMENT_FROM} WHERE s.status = 'proposed' ORDER BY s.recorded_at, s.rowid LIMIT ?"
        );
        let rows = sqlx::query(AssertSqlSafe(sql)).bind(limit).fetch_all(&self.pool).await?;
        rows.iter().map(statement_from_row).collect()
    }

    async fn pending_count(&self) -> Result<u64, StoreError> {
        self.count_pending().await
    }

    async fn entity_version(&self, id: &EntityId) -> Result<Option<u64>, StoreError> {
        self.version_of(id).await
    }

    async fn namings(&self, ids: &[EntityId]) -> Result<Vec<crate::workspace::Naming>, StoreError> {
        self.namings_of(ids).await
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
        self.review(std::slice::from_ref(review), Some(event)).await
    }

    async fn review_proposals_as(
        &self,
        reviews: &[ProposalReview<'_>],
        event: &AuditEvent,
    ) -> Result<WriteReport, StoreError> {
        self.review(reviews, Some(event)).await
    }

    async fn find_entities(
        &self,
        text: &str,
        schema: Option<lookout_core::Schema>,
        limit: u32,
    ) -> Result<Vec<FoundEntity>, StoreError> {
        // LIKE's own wildcards in the text are taken literally.
        let escaped = text.trim().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        let pattern = format!("%{escaped}%");
        let rows = sqlx::query(
            "SELECT e.id, e.schema, e.restricted,
                    (SELECT s.value FROM statements s WHERE s.entity_key = e.key AND s.prop = 'name'
                     ORDER BY s.status = 'accepted' DESC, s.rowid LIMIT 1) AS name
             FROM entities e
             WHERE (?1 IS NULL OR e.schema = ?1)
               AND (e.id LIKE ?2 ESCAPE '\\' OR EXISTS (SELECT 1 FROM statements s WHERE s.entity_key = e.key
                    AND s.prop IN ('name', 'alias') AND s.value LIKE ?2 ESCAPE '\\'))
             ORDER BY e.id LIMIT ?3",
        )
        .bind(schema.map(|s| s.as_str()))
        .bind(pattern)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get("id")?;
                let corrupt = |reason: String| StoreError::Corrupt { table: "entities", id: id.clone(), reason };
                let schema: String = r.try_get("schema")?;
                Ok(FoundEntity {
                    id: EntityId::new(id.clone()).map_err(|e| corrupt(e.to_string()))?,
                    schema: schema.parse().map_err(|e: lookout_core::ModelError| corrupt(e.to_string()))?,
                    name: r.try_get("name")?,
                    restricted: r.try_get("restricted")?,
                })
            })
            .collect()
    }

    async fn mark_public_figure(
        &self,
        entity: &EntityId,
        public: bool,
        source: &lookout_core::Source,
        by: &str,
        event: &AuditEvent,
    ) -> Result<(), StoreError> {
        let mut batch = Batch::new(by);
        batch.add_source(source.clone());
        let mut tx = begin_write(self).await?;
        super::write::write_batch(&mut tx, &batch).await?;
        let added = sqlx::query(
            "INSERT INTO public_figure_marks (entity_key, public, source_key, marked_by, marked_at)
             SELECT e.key, ?, s.key, ?, ? FROM entities e, sources s
             WHERE e.id = ? AND s.id = ? AND e.schema = 'Person'",
        )
        .bind(public)
        .bind(by)
        .bind(Timestamp::now().to_string())
        .bind(entity.as_str())
        .bind(source.id.as_str())
        .execute(&mut *tx)
        .await?;
        if added.rows_affected() != 1 {
            tx.rollback().await?;
            return Err(StoreError::NotFound(format!("no person {entity}: only a Person is marked a public figure")));
        }
        append_rows(&mut tx, event, AppendOnly::PublicFigureMarks, &[added.last_insert_rowid()]).await?;
        tx.commit().await?;
        Ok(())
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
        at: &PageAt,
        limit: u32,
    ) -> Result<ProposalPage, StoreError> {
        self.proposals_at(filter, at, limit).await
    }

    async fn decide(&self, decision: &lookout_core::Decision, event: &AuditEvent) -> Result<(), StoreError> {
        self.decide_audited(decision, event).await
    }

    async fn decisions_version(&self) -> Result<i64, StoreError> {
        self.decisions_seen().await
    }
}
