//! Reading the public record's change log (`public_changes`, written by triggers).

use sqlx::{AssertSqlSafe, Row, SqlitePool};

use super::rows::{parse, statement_from_row, STATEMENT_SELECT};
use crate::{ChangeKind, ChangeScope, PublicChange, StoreError};

/// `STATEMENT_FROM`'s tables after the log, which leads (CROSS JOIN keeps SQLite from scanning
/// statements first: the log has no index by statement); the last ON is completed by the caller.
const LOG_FROM: &str = "public_changes pc CROSS JOIN statements s ON s.id = pc.statement_id
    JOIN entities se ON se.key = s.entity_key JOIN sources ss ON ss.key = s.source_key";

/// The entity keys a scope covers, as a `WITH` clause binding `?1`.
const COUNTRY_SCOPE: &str = "WITH own(key) AS (SELECT c.entity_key FROM statements c
        WHERE c.prop IN ('country', 'jurisdiction') AND c.value = ?1 AND c.status = 'accepted'),
    scope(key) AS (SELECT key FROM own UNION SELECT l.entity_key FROM statements l JOIN entities t ON t.id = l.link_value
        WHERE l.link_value IS NOT NULL AND l.status = 'accepted' AND t.key IN own)";
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
    let sql = format!(
        "{with} SELECT pc.seq, pc.change, pc.at, se.schema AS entity_schema, {STATEMENT_SELECT}
         FROM {LOG_FROM}
         WHERE se.restricted = 0 {filter} ORDER BY pc.seq DESC LIMIT {limit_at}"
    );
    let mut query = sqlx::query(AssertSqlSafe(sql));
    if let Some(bind) = bind {
        query = query.bind(bind);
    }
    let rows = query.bind(i64::from(limit)).fetch_all(pool).await?;
    rows.iter()
        .map(|row| {
            let change: String = row.try_get("change")?;
            let schema: String = row.try_get("entity_schema")?;
            let seq: i64 = row.try_get("seq")?;
            Ok(PublicChange {
                seq,
                kind: if change == "withdrawn" { ChangeKind::Withdrawn } else { ChangeKind::Published },
                at: row.try_get("at")?,
                statement: statement_from_row(row)?,
                schema: parse("public_changes", &seq.to_string(), &schema)?,
            })
        })
        .collect()
}
