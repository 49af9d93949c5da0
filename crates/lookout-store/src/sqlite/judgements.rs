//! Appending people's judgements of sources: one written the same way whether it comes from the
//! workspace's form or from a table of sources in an import, each with its audit entry.

use lookout_core::{SourceJudgement, Timestamp};
use sqlx::sqlite::SqliteConnection;

use super::audit_log::append_rows;
use crate::audit::AppendOnly;
use crate::{AuditEvent, StoreError};

async fn key_of(conn: &mut SqliteConnection, id: &lookout_core::SourceId) -> Result<i64, StoreError> {
    sqlx::query_scalar("SELECT key FROM sources WHERE id = ?")
        .bind(id.as_str())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("no source {id}")))
}

/// Appends `judgement` (its `at` is set here) on `conn`, in the caller's transaction, and returns
/// the row's position with the judgement as written. `only_if_new` leaves out a judgement that
/// the same judge already made of the source with the same kind, reliability and original: an
/// import run again repeats nothing, and does not undo a later judgement made in the workspace.
async fn insert(
    conn: &mut SqliteConnection,
    judgement: &SourceJudgement,
    only_if_new: bool,
) -> Result<Option<(i64, SourceJudgement)>, StoreError> {
    if judgement.by.trim().is_empty() {
        return Err(StoreError::Conflict("a judgement needs the name of who judged".into()));
    }
    if judgement.copy_of.as_ref() == Some(&judgement.source) {
        return Err(StoreError::Conflict(format!("source {} cannot be a copy of itself", judgement.source)));
    }
    let key = key_of(conn, &judgement.source).await?;
    let copy_key = match &judgement.copy_of {
        Some(original) => Some(key_of(conn, original).await?),
        None => None,
    };
    let reliability = judgement.reliability.map(|r| r.as_str());
    if only_if_new {
        let made: Option<i64> = sqlx::query_scalar(
            "SELECT seq FROM source_judgements WHERE source_key = ? AND kind = ? AND reliability IS ?
             AND copy_of IS ? AND judged_by = ? LIMIT 1",
        )
        .bind(key)
        .bind(judgement.kind.as_str())
        .bind(reliability)
        .bind(copy_key)
        .bind(&judgement.by)
        .fetch_optional(&mut *conn)
        .await?;
        if made.is_some() {
            return Ok(None);
        }
    }
    let at = Timestamp::now().to_string();
    let seq = sqlx::query(
        "INSERT INTO source_judgements (source_key, kind, reliability, copy_of, judged_by, judged_at)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(key)
    .bind(judgement.kind.as_str())
    .bind(reliability)
    .bind(copy_key)
    .bind(&judgement.by)
    .bind(&at)
    .execute(&mut *conn)
    .await?
    .last_insert_rowid();
    Ok(Some((seq, SourceJudgement { at, ..judgement.clone() })))
}

/// Appends one judgement with its audit entry `event`.
pub(crate) async fn append_one(
    conn: &mut SqliteConnection,
    judgement: &SourceJudgement,
    event: &AuditEvent,
) -> Result<SourceJudgement, StoreError> {
    let (seq, written) = insert(conn, judgement, false).await?.expect("always written");
    append_rows(conn, event, AppendOnly::SourceJudgements, &[seq]).await?;
    Ok(written)
}

/// Appends a batch's judgements not already made, all under one audit entry (`source.judged` by
/// the batch's recorder); returns how many were appended.
pub(crate) async fn append_batch(
    conn: &mut SqliteConnection,
    judgements: &[SourceJudgement],
    recorded_by: &str,
) -> Result<u64, StoreError> {
    let mut seqs = Vec::new();
    for judgement in judgements {
        if let Some((seq, _)) = insert(conn, judgement, true).await? {
            seqs.push(seq);
        }
    }
    if !seqs.is_empty() {
        let event = AuditEvent::today(recorded_by, "source.judged", &format!("{} sources", seqs.len()));
        append_rows(conn, &event, AppendOnly::SourceJudgements, &seqs).await?;
    }
    Ok(seqs.len() as u64)
}
