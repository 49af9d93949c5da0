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

/// The keys of a judgement's source and of the original it names, checked.
async fn keys_of(conn: &mut SqliteConnection, judgement: &SourceJudgement) -> Result<(i64, Option<i64>), StoreError> {
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
    Ok((key, copy_key))
}

/// Whether the same judge already judged the source with the same kind, reliability and original.
async fn already_made(
    conn: &mut SqliteConnection,
    judgement: &SourceJudgement,
    (key, copy_key): (i64, Option<i64>),
) -> Result<bool, StoreError> {
    let made: Option<i64> = sqlx::query_scalar(
        "SELECT seq FROM source_judgements WHERE source_key = ? AND kind = ? AND reliability IS ?
         AND copy_of IS ? AND judged_by = ? LIMIT 1",
    )
    .bind(key)
    .bind(judgement.kind.as_str())
    .bind(judgement.reliability.map(|r| r.as_str()))
    .bind(copy_key)
    .bind(&judgement.by)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(made.is_some())
}

/// Appends `judgement` (its `at` is set here) on `conn`, in the caller's transaction, and returns
/// the row's position with the judgement as written.
async fn insert(
    conn: &mut SqliteConnection,
    judgement: &SourceJudgement,
    (key, copy_key): (i64, Option<i64>),
) -> Result<(i64, SourceJudgement), StoreError> {
    let at = Timestamp::now().to_string();
    let seq = sqlx::query(
        "INSERT INTO source_judgements (source_key, kind, reliability, copy_of, judged_by, judged_at)
         VALUES (?, ?, ?, ?, ?, ?)",
    )
    .bind(key)
    .bind(judgement.kind.as_str())
    .bind(judgement.reliability.map(|r| r.as_str()))
    .bind(copy_key)
    .bind(&judgement.by)
    .bind(&at)
    .execute(&mut *conn)
    .await?
    .last_insert_rowid();
    Ok((seq, SourceJudgement { at, ..judgement.clone() }))
}

/// Appends one judgement with its audit entry `event`.
pub(crate) async fn append_one(
    conn: &mut SqliteConnection,
    judgement: &SourceJudgement,
    event: &AuditEvent,
) -> Result<SourceJudgement, StoreError> {
    let keys = keys_of(conn, judgement).await?;
    let (seq, written) = insert(conn, judgement, keys).await?;
    append_rows(conn, event, AppendOnly::SourceJudgements, &[seq]).await?;
    Ok(written)
}

/// Appends a batch's judgements not already made, all under one audit entry (`source.judged` by
/// the batch's recorder); returns how many were appended. A judgement the same judge already made
/// of a source is left out: an import run again repeats nothing, and does not undo a later
/// judgement made in the workspace.
pub(crate) async fn append_batch(
    conn: &mut SqliteConnection,
    judgements: &[SourceJudgement],
    recorded_by: &str,
) -> Result<u64, StoreError> {
    let mut seqs = Vec::new();
    for judgement in judgements {
        let keys = keys_of(conn, judgement).await?;
        if !already_made(conn, judgement, keys).await? {
            seqs.push(insert(conn, judgement, keys).await?.0);
        }
    }
    if !seqs.is_empty() {
        let event = AuditEvent::today(recorded_by, "source.judged", &format!("{} sources", seqs.len()));
        append_rows(conn, &event, AppendOnly::SourceJudgements, &seqs).await?;
    }
    Ok(seqs.len() as u64)
}
