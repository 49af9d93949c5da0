//! The sources the public may see: those supporting an accepted statement that tells nothing of a
//! private entity, and those no accepted statement cites yet (a bibliography's entry, an original
//! known from its copies) unless a restricted document was ingested from them or a statement of
//! any status (proposed, withdrawn) tells of a private entity. So a source only
//! a restricted person's statements cite, or a restricted document's, is not listed: its address
//! or title could name the person. Private, as [`crate::PublicView`] has it: a restricted entity,
//! or a link that ever named a private one, whatever its statement's status (a membership of a
//! restricted person, a link to that membership…), here found by a recursive query over the whole record, to list every source at once.

use lookout_core::{Schema, Source, SourceId};
use sqlx::AssertSqlSafe;

use super::rows::{source_from_row, SOURCE_COLUMNS};
use super::SqliteStore;
use crate::StoreError;

/// The query of the public sources (`src`), with `condition` a further condition on `src`. The
/// recursive step names its index: SQLite 3.51's planner otherwise builds an automatic index of
/// every accepted statement at each step (minutes on a million statements, against 0.36 s).
fn public_sources_sql(condition: &str) -> String {
    let links = Schema::ALL.iter().filter(|s| s.is_link()).map(|s| format!("'{}'", s.as_str())).collect::<Vec<_>>();
    let columns = SOURCE_COLUMNS.split(", ").map(|c| format!("src.{c}")).collect::<Vec<_>>().join(", ");
    format!(
        "WITH RECURSIVE private(key, id) AS (
             SELECT key, id FROM entities WHERE restricted = 1
             UNION
             SELECT e.key, e.id FROM private p
               JOIN statements l INDEXED BY statements_link
                 ON l.link_value = p.id AND l.link_value IS NOT NULL
               JOIN entities e ON e.key = l.entity_key AND e.schema IN ({links}))
         SELECT {columns} FROM sources src
         WHERE (EXISTS (SELECT 1 FROM statements s WHERE s.source_key = src.key AND s.status = 'accepted'
                  AND s.entity_key NOT IN (SELECT key FROM private)
                  AND (s.link_value IS NULL OR s.link_value NOT IN (SELECT id FROM private)))
             OR (NOT EXISTS (SELECT 1 FROM statements s WHERE s.source_key = src.key AND (s.status = 'accepted'
                       OR s.entity_key IN (SELECT key FROM private) OR s.link_value IN (SELECT id FROM private)))
                 AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.source_key = src.key AND d.restricted = 1)))
           {condition}
         ORDER BY src.id",
        links = links.join(", ")
    )
}

impl SqliteStore {
    /// Every source the public may see, by id.
    pub(crate) async fn read_public_sources(&self) -> Result<Vec<Source>, StoreError> {
        let rows = sqlx::query(AssertSqlSafe(public_sources_sql(""))).fetch_all(&self.pool).await?;
        rows.iter().map(source_from_row).collect()
    }

    /// The source `id`, if the public may see it.
    pub(crate) async fn read_public_source(&self, id: &SourceId) -> Result<Option<Source>, StoreError> {
        let sql = public_sources_sql("AND src.id = ?");
        let row = sqlx::query(AssertSqlSafe(sql)).bind(id.as_str()).fetch_optional(&self.pool).await?;
        row.as_ref().map(source_from_row).transpose()
    }
}
