//! [`DocumentStore`] over SQLite.

use std::collections::HashMap;

use lookout_core::{Document, Proposal, ProposalRecord, SourceId, Verdict};
use sqlx::Row;

use super::SqliteStore;
use crate::documents::DocumentStore;
use crate::workspace::ProposalReview;
use crate::{StoreError, WriteReport};

fn corrupt(table: &'static str, id: &str, reason: impl ToString) -> StoreError {
    StoreError::Corrupt { table, id: id.to_string(), reason: reason.to_string() }
}

fn source_id(table: &'static str, id: &str, text: String) -> Result<SourceId, StoreError> {
    SourceId::new(text).map_err(|e| corrupt(table, id, e))
}

const DOCUMENT_SELECT: &str =
    "SELECT d.sha256, s.id AS source_id, d.language, d.characters, d.simhash, d.copy_of, d.restricted
     FROM documents d JOIN sources s ON s.key = d.source_key";

fn document_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Document, StoreError> {
    let sha: String = row.try_get("sha256")?;
    let simhash: String = row.try_get("simhash")?;
    Ok(Document {
        source_id: source_id("documents", &sha, row.try_get("source_id")?)?,
        language: row.try_get("language")?,
        characters: row.try_get::<i64, _>("characters")? as u64,
        simhash: u64::from_str_radix(&simhash, 16).map_err(|e| corrupt("documents", &sha, e))?,
        copy_of: row.try_get("copy_of")?,
        restricted: row.try_get("restricted")?,
        sha256: sha,
    })
}

pub(super) const PROPOSAL_SELECT: &str = "SELECT p.body, p.proposed_at, r.verdict, r.reviewed_by, r.reviewed_at
     FROM proposals p LEFT JOIN proposal_reviews r ON r.seq =
         (SELECT MAX(seq) FROM proposal_reviews WHERE proposal_key = p.key)";

pub(super) fn proposal_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<ProposalRecord, StoreError> {
    let body: String = row.try_get("body")?;
    let proposal: Proposal = serde_json::from_str(&body).map_err(|e| corrupt("proposals", "?", e))?;
    let verdict: Option<String> = row.try_get("verdict")?;
    let review = match verdict {
        Some(v) => Some((
            v.parse::<Verdict>().map_err(|e| corrupt("proposal_reviews", &proposal.id, e))?,
            row.try_get("reviewed_by")?,
            row.try_get("reviewed_at")?,
        )),
        None => None,
    };
    Ok(ProposalRecord { proposal, proposed_at: row.try_get("proposed_at")?, review })
}

impl DocumentStore for SqliteStore {
    async fn documents(&self) -> Result<Vec<Document>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!("{DOCUMENT_SELECT} ORDER BY d.rowid")))
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(document_from_row).collect()
    }

    async fn document_of(&self, source: &SourceId) -> Result<Option<Document>, StoreError> {
        let row =
            sqlx::query(sqlx::AssertSqlSafe(format!("{DOCUMENT_SELECT} WHERE s.id = ? ORDER BY d.rowid LIMIT 1")))
                .bind(source.as_str())
                .fetch_optional(&self.pool)
                .await?;
        row.as_ref().map(document_from_row).transpose()
    }

    async fn originals_of(&self, sources: &[SourceId]) -> Result<HashMap<SourceId, SourceId>, StoreError> {
        let ids: Vec<&str> = sources.iter().map(SourceId::as_str).collect();
        let list = serde_json::to_string(&ids).map_err(|e| StoreError::Conflict(e.to_string()))?;
        let rows = sqlx::query(
            "SELECT cs.id AS copy, os.id AS original
             FROM documents c JOIN sources cs ON cs.key = c.source_key
             JOIN documents o ON o.sha256 = c.copy_of JOIN sources os ON os.key = o.source_key
             WHERE cs.id IN (SELECT value FROM json_each(?)) AND cs.key <> os.key",
        )
        .bind(list)
        .fetch_all(&self.pool)
        .await?;
        let mut out = HashMap::new();
        for row in rows {
            let copy: String = row.try_get("copy")?;
            let original = source_id("documents", &copy, row.try_get("original")?)?;
            out.insert(source_id("documents", &copy, copy.clone())?, original);
        }
        Ok(out)
    }

    async fn copies_of(&self, source: &SourceId) -> Result<Vec<SourceId>, StoreError> {
        let rows: Vec<String> = sqlx::query_scalar(
            "SELECT DISTINCT cs.id FROM sources os JOIN documents o ON o.source_key = os.key
             JOIN documents c ON c.copy_of = o.sha256 JOIN sources cs ON cs.key = c.source_key
             WHERE os.id = ? AND cs.key <> os.key ORDER BY c.rowid",
        )
        .bind(source.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(|id| source_id("documents", source.as_str(), id)).collect()
    }

    async fn proposals(&self, status: Option<&str>) -> Result<Vec<ProposalRecord>, StoreError> {
        let rows =
            sqlx::query(sqlx::AssertSqlSafe(format!("{PROPOSAL_SELECT} ORDER BY p.key"))).fetch_all(&self.pool).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let record = proposal_from_row(row)?;
            if status.is_none_or(|s| s == record.status()) {
                out.push(record);
            }
        }
        Ok(out)
    }

    async fn review_proposal(&self, id: &str, verdict: Verdict, by: &str) -> Result<WriteReport, StoreError> {
        let review = ProposalReview { id, verdict, by, reason: None, acceptance: Default::default() };
        self.review(std::slice::from_ref(&review), None).await
    }
}
