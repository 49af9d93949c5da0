//! Reading the public record's changes: statements recorded accepted (public from their
//! `recorded_at`, newest by rowid), and the log of confirmations and withdrawals
//! (`public_changes`, written by triggers), merged newest first.

use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row, SqlitePool};

use super::rows::{parse, statement_from_row, STATEMENT_FROM, STATEMENT_SELECT};
use crate::{ChangeKind, ChangeScope, PublicChange, StoreError};

/// `STATEMENT_FROM`'s tables after the log, which leads (CROSS JOIN keeps SQLite from scanning
/// statements first).
const LOG_FROM: &str = "public_changes pc CROSS JOIN statements s ON s.id = pc.statement_id
    JOIN entities se ON se.key = s.entity_key JOIN sources ss ON ss.key = s.source_key";

/// Statements public since they were recorded: accepted or withdrawn after being public, and
/// never confirmed (a confirmed one is public from its confirmation, in the log).
const RECORDED_PUBLIC: &str = "s.status IN ('accepted', 'retracted')
    AND NOT EXISTS (SELECT 1 FROM public_changes p WHERE p.statement_id = s.id AND p.change = 'published')
    AND (s.status = 'accepted'
         OR EXISTS (SELECT 1 FROM public_changes p WHERE p.statement_id = s.id AND p.change = 'withdrawn'))";

/// The entity keys a country scope covers, binding `?1`: entities of the country, and entities
/// that link to them.
const COUNTRY_SCOPE: &str = "WITH own(key) AS (SELECT c.entity_key FROM statements c
        WHERE c.prop IN ('country', 'jurisdiction') AND c.value = ?1 AND c.status = 'accepted'),
    scope(key) AS (SELECT key FROM own UNION SELECT l.entity_key FROM statements l JOIN entities t ON t.id = l.link_value
        WHERE l.link_value IS NOT NULL AND l.status = 'accepted' AND t.key IN own)";
/// The entity keys an entity scope covers, binding `?1`: the entity and the entities linking to it.
const ENTITY_SCOPE: &str = "WITH scope(key) AS (SELECT k.key FROM entities k WHERE k.id = ?1
        UNION SELECT l.entity_key FROM statements l WHERE l.link_value = ?1 AND l.status = 'accepted')";

/// The latest `limit` changes of public entities in `scope`, newest first.
pub(crate) async fn public_changes(
    pool: &SqlitePool,
    scope: &ChangeScope,
    limit: u32,
) -> Result<Vec<PublicChange>, StoreError> {
    let (with, filter, bind) = match scope {
        ChangeScope::All => ("", "", None),
        ChangeScope::Entity(id) => (ENTITY_SCOPE, "AND s.entity_key IN (SELECT key FROM scope)", Some(id.to_string())),
        ChangeScope::Country(code) => {
            (COUNTRY_SCOPE, "AND s.entity_key IN (SELECT key FROM scope)", Some(code.clone()))
        }
    };
    let limit_at = if bind.is_some() { "?2" } else { "?1" };
    let recorded = format!(
        "{with} SELECT s.rowid AS seq, 'published' AS change, s.recorded_at AS at, se.schema AS entity_schema,
           {STATEMENT_SELECT} FROM {STATEMENT_FROM}
         WHERE se.restricted = 0 {filter} AND {RECORDED_PUBLIC} ORDER BY s.rowid DESC LIMIT {limit_at}"
    );
    let logged = format!(
        "{with} SELECT pc.seq, pc.change, pc.at, se.schema AS entity_schema, {STATEMENT_SELECT}
         FROM {LOG_FROM} WHERE se.restricted = 0 {filter} ORDER BY pc.seq DESC LIMIT {limit_at}"
    );
    let mut changes = Vec::new();
    // The log first: at one instant, a confirmation or withdrawal comes after the recordings.
    for sql in [logged, recorded] {
        let mut query = sqlx::query(AssertSqlSafe(sql));
        if let Some(bind) = &bind {
            query = query.bind(bind.clone());
        }
        for row in query.bind(i64::from(limit)).fetch_all(pool).await? {
            changes.push(change_of(&row)?);
        }
    }
    // Newest first (a stable sort keeps each list's order at one instant).
    changes.sort_by(|a, b| b.at.cmp(&a.at));
    changes.truncate(limit as usize);
    Ok(changes)
}

fn change_of(row: &SqliteRow) -> Result<PublicChange, StoreError> {
    let change: String = row.try_get("change")?;
    let schema: String = row.try_get("entity_schema")?;
    let statement = statement_from_row(row)?;
    Ok(PublicChange {
        kind: if change == "withdrawn" { ChangeKind::Withdrawn } else { ChangeKind::Published },
        at: row.try_get("at")?,
        schema: parse("entities", statement.entity_id.as_str(), &schema)?,
        statement,
    })
}
