//! [`CurationStore`] over SQLite. A judgement is appended to `source_judgements` (whose trigger
//! sets the source's cached kind) with its audit entry, in one `BEGIN IMMEDIATE` transaction.

use lookout_core::{Document, Source, SourceId, SourceJudgement, Statement};
use sqlx::{AssertSqlSafe, Row};

use super::audit_log::{append, begin_write};
use super::documents::{document_from_row, DOCUMENT_SELECT};
use super::rows::{source_from_row, statement_from_row, SOURCE_COLUMNS, STATEMENT_FROM, STATEMENT_SELECT};
use super::SqliteStore;
use crate::curation::{CurationStore, DocumentRow};
use crate::{AuditEvent, StoreError};

fn corrupt(id: &str, reason: impl ToString) -> StoreError {
    StoreError::Corrupt { table: "source_judgements", id: id.to_string(), reason: reason.to_string() }
}

/// `%query%` for LIKE, its wildcards escaped (with `\`).
fn like_pattern(query: &str) -> String {
    let escaped: String = query
        .chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    format!("%{escaped}%")
}

impl CurationStore for SqliteStore {
    async fn document_rows(&self, offset: u32, limit: u32) -> Result<(Vec<DocumentRow>, u64), StoreError> {
        // DOCUMENT_SELECT is `SELECT … FROM …`: the counts go before its FROM.
        let (select, from) = DOCUMENT_SELECT.split_once(" FROM ").expect("a SELECT … FROM …");
        let sql = format!(
            "{select}, s.url, s.title,
                (SELECT COUNT(*) FROM proposals p WHERE p.document = d.sha256) AS proposals,
                (SELECT COUNT(*) FROM proposals p WHERE p.document = d.sha256
                   AND NOT EXISTS (SELECT 1 FROM proposal_reviews r WHERE r.proposal_key = p.key)) AS open
             FROM {from} ORDER BY d.rowid DESC LIMIT ? OFFSET ?"
        );
        let rows = sqlx::query(AssertSqlSafe(sql)).bind(limit).bind(offset).fetch_all(&self.pool).await?;
        let total: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM documents").fetch_one(&self.pool).await?;
        let page = rows
            .iter()
            .map(|row| {
                Ok(DocumentRow {
                    document: document_from_row(row)?,
                    url: row.try_get("url")?,
                    title: row.try_get("title")?,
                    open_proposals: row.try_get::<i64, _>("open")? as u64,
                    proposals: row.try_get::<i64, _>("proposals")? as u64,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok((page, total as u64))
    }

    async fn document(&self, sha256: &str) -> Result<Option<Document>, StoreError> {
        let row = sqlx::query(AssertSqlSafe(format!("{DOCUMENT_SELECT} WHERE d.sha256 = ?")))
            .bind(sha256)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(document_from_row).transpose()
    }

    async fn document_copies(&self, sha256: &str) -> Result<Vec<Document>, StoreError> {
        let rows = sqlx::query(AssertSqlSafe(format!("{DOCUMENT_SELECT} WHERE d.copy_of = ? ORDER BY d.rowid")))
            .bind(sha256)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(document_from_row).collect()
    }

    async fn record_upload(&self, events: &[AuditEvent]) -> Result<(), StoreError> {
        let mut tx = begin_write(self).await?;
        for event in events {
            append(&mut tx, event, &[]).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn find_sources(&self, query: &str, limit: u32) -> Result<Vec<Source>, StoreError> {
        let query = query.trim();
        let rows = if query.is_empty() {
            let sql = format!("SELECT {SOURCE_COLUMNS} FROM sources ORDER BY key DESC LIMIT ?");
            sqlx::query(AssertSqlSafe(sql)).bind(limit).fetch_all(&self.pool).await?
        } else {
            let sql = format!(
                "SELECT {SOURCE_COLUMNS} FROM sources
                 WHERE url LIKE ?1 ESCAPE '\\' OR publisher LIKE ?1 ESCAPE '\\' OR id = ?2 ORDER BY url LIMIT ?3"
            );
            sqlx::query(AssertSqlSafe(sql))
                .bind(like_pattern(query))
                .bind(query)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?
        };
        rows.iter().map(source_from_row).collect()
    }

    async fn judge_source(
        &self,
        judgement: &SourceJudgement,
        event: &AuditEvent,
    ) -> Result<SourceJudgement, StoreError> {
        let mut tx = begin_write(self).await?;
        let written = super::judgements::append_one(&mut tx, judgement, event).await?;
        tx.commit().await?;
        Ok(written)
    }

    async fn source_judgement(&self, source: &SourceId) -> Result<Option<SourceJudgement>, StoreError> {
        let row = sqlx::query(
            "SELECT j.kind, j.reliability, o.id AS copy_of, j.judged_by, j.judged_at
             FROM source_judgements j JOIN sources s ON s.key = j.source_key
             LEFT JOIN sources o ON o.key = j.copy_of
             WHERE s.id = ? ORDER BY j.seq DESC LIMIT 1",
        )
        .bind(source.as_str())
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let id = source.as_str();
        let reliability: Option<String> = row.try_get("reliability")?;
        let copy_of: Option<String> = row.try_get("copy_of")?;
        Ok(Some(SourceJudgement {
            source: source.clone(),
            kind: row.try_get::<String, _>("kind")?.parse().map_err(|e| corrupt(id, e))?,
            reliability: reliability.map(|r| r.parse()).transpose().map_err(|e| corrupt(id, e))?,
            copy_of: copy_of.map(SourceId::new).transpose().map_err(|e| corrupt(id, e))?,
            by: row.try_get("judged_by")?,
            at: row.try_get("judged_at")?,
        }))
    }

    async fn statements_citing(&self, source: &SourceId, limit: u32) -> Result<Vec<Statement>, StoreError> {
        let sql = format!(
            "SELECT {STATEMENT_SELECT} FROM {STATEMENT_FROM}
             WHERE s.source_key = (SELECT k.key FROM sources k WHERE k.id = ?) ORDER BY se.id, s.rowid LIMIT ?"
        );
        let rows = sqlx::query(AssertSqlSafe(sql)).bind(source.as_str()).bind(limit).fetch_all(&self.pool).await?;
        rows.iter().map(statement_from_row).collect()
    }
}
