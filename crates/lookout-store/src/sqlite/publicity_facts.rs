//! What the publicity rule needs of entities it was not handed: schema, restriction, whether an
//! accepted statement exists, and the ids their statements link to (accepted ones, and any), without reading
//! their statements whole.

use lookout_core::EntityId;
use sqlx::{AssertSqlSafe, Row};

use super::rows::entity_from_row;
use super::SqliteStore;
use crate::{PublicityFacts, StoreError};

/// Ids per query (SQLite's bound parameters).
const CHUNK: usize = 500;

impl SqliteStore {
    /// The facts of the stored entities among `ids`, in no particular order.
    pub(crate) async fn read_publicity_facts(&self, ids: &[EntityId]) -> Result<Vec<PublicityFacts>, StoreError> {
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(CHUNK) {
            // Ids hold no spaces (`EntityId`), so a space joins the linked ids safely.
            let sql = format!(
                "SELECT e.id, e.schema, e.restricted,
                    EXISTS (SELECT 1 FROM statements a WHERE a.entity_key = e.key AND a.status = 'accepted') AS accepted,
                    (SELECT group_concat(l.link_value, ' ') FROM statements l
                       WHERE l.entity_key = e.key AND l.status = 'accepted' AND l.link_value IS NOT NULL) AS ends,
                    (SELECT group_concat(l.link_value, ' ') FROM statements l
                       WHERE l.entity_key = e.key AND l.link_value IS NOT NULL) AS named
                 FROM entities e WHERE e.id IN ({})",
                vec!["?"; chunk.len()].join(",")
            );
            let query = chunk.iter().fold(sqlx::query(AssertSqlSafe(sql)), |q, id| q.bind(id.as_str().to_string()));
            for row in query.fetch_all(&self.pool).await? {
                let (entity, restricted) = entity_from_row(&row)?;
                let ids = |column: &str| -> Result<Vec<EntityId>, StoreError> {
                    let joined: Option<String> = row.try_get(column)?;
                    Ok(joined.unwrap_or_default().split(' ').filter_map(|end| EntityId::new(end).ok()).collect())
                };
                out.push(PublicityFacts {
                    id: entity.id,
                    schema: entity.schema,
                    restricted,
                    accepted: row.try_get("accepted")?,
                    ends: ids("ends")?,
                    named: ids("named")?,
                });
            }
        }
        Ok(out)
    }
}
