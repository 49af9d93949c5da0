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

pub(super) const DOCUMENT_SELECT: &str =
    "SELECT d.sha256, s.id AS source_id, d.language, d.characters, d.simhash, d.copy_of, d.restricted
     FROM documents d JOIN sources s ON s.key = d.source_key";

pub(super) fn document_from_row(row: &sqlx::sqlite::SqliteRow) -> Result<Document, StoreError> {
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

/// Which source copies which (`pairs`: `copy_key`, `original_key`, `ord`): a person's judgement
/// in force decides for the source it judges (a judgement without `copy_of` says it copies
/// nothing); the sources no one has judged copy what ingest found their documents to repost.
pub(super) const COPY_PAIRS: &str = "WITH judged AS (
        SELECT j.source_key, j.copy_of, j.seq FROM source_judgements j
        WHERE j.seq = (SELECT MAX(seq) FROM source_judgements WHERE source_key = j.source_key)),
    pairs AS (
        SELECT c.source_key AS copy_key, o.source_key AS original_key, c.rowid AS ord
        FROM documents c JOIN documents o ON o.sha256 = c.copy_of
        WHERE c.source_key NOT IN (SELECT source_key FROM judged)
        UNION ALL
        SELECT source_key, copy_of, (1 << 40) + seq FROM judged WHERE copy_of IS NOT NULL)";

pub(super) const PROPOSAL_SELECT: &str = "SELECT p.body, p.proposed_at, r.verdict, r.reviewed_by, r.reviewed_at
     FROM proposals p LEFT JOIN proposal_reviews r ON r.proposal_key = p.key
         AND NOT EXISTS (SELECT 1 FROM proposal_reviews later WHERE later.proposal_key = p.key AND later.seq > r.seq)";

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
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{COPY_PAIRS} SELECT cs.id AS copy, os.id AS original
             FROM pairs p JOIN sources cs ON cs.key = p.copy_key JOIN sources os ON os.key = p.original_key
             WHERE cs.id IN (SELECT value FROM json_each(?)) AND cs.key <> os.key"
        )))
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
        let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "{COPY_PAIRS} SELECT cs.id FROM pairs p JOIN sources cs ON cs.key = p.copy_key
             JOIN sources os ON os.key = p.original_key
             WHERE os.id = ? AND cs.key <> os.key GROUP BY cs.key ORDER BY MIN(p.ord)"
        )))
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
