//! Names for matching, and analysts' decisions on pairs of entities.

use futures_util::TryStreamExt;
use lookout_core::{Decision, EntityId, Judgement, Schema, Timestamp};
use sqlx::{AssertSqlSafe, Row, SqliteConnection};

use super::audit_log::{append, begin_write};
use super::SqliteStore;
use crate::{AuditEvent, NamedEntity, StoreError};

/// The entity keys of a decision's pair; not found names the entity the store lacks.
async fn pair_keys(conn: &mut SqliteConnection, d: &Decision) -> Result<(i64, i64), StoreError> {
    let mut keys = [0; 2];
    for (slot, id) in keys.iter_mut().zip([&d.left, &d.right]) {
        let key: Option<i64> = sqlx::query_scalar("SELECT key FROM entities WHERE id = ?")
            .bind(id.as_str())
            .fetch_optional(&mut *conn)
            .await?;
        *slot = key.ok_or_else(|| StoreError::NotFound(format!("no entity {id} in the store")))?;
    }
    Ok((keys[0], keys[1]))
}

async fn insert(conn: &mut SqliteConnection, d: &Decision, (left, right): (i64, i64)) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO decisions (left_key, right_key, judgement, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(left)
    .bind(right)
    .bind(d.judgement.as_str())
    .bind(&d.decided_by)
    .bind(d.decided_at.to_string())
    .execute(conn)
    .await?;
    Ok(())
}

impl SqliteStore {
    pub(crate) async fn names_of(
        &self,
        schemata: &[Schema],
        include_restricted: bool,
    ) -> Result<Vec<NamedEntity>, StoreError> {
        if schemata.is_empty() {
            return Ok(Vec::new());
        }
        let marks = vec!["?"; schemata.len()].join(", ");
        let sql = format!(
            "SELECT e.id, e.schema, s.value FROM entities e JOIN statements s ON s.entity_key = e.key
             WHERE e.schema IN ({marks}) AND (? OR e.restricted = 0)
               AND s.prop IN ('name', 'alias') AND s.status = 'accepted' AND s.stance = 'asserts'
             ORDER BY e.id, s.rowid"
        );
        let mut query = sqlx::query(AssertSqlSafe(sql));
        for schema in schemata {
            query = query.bind(schema.as_str());
        }
        // Row by row: a large record has hundreds of thousands of names, and every row held at
        // once would cost several times the names themselves.
        let mut rows = query.bind(include_restricted).fetch(&self.pool);
        let mut out: Vec<NamedEntity> = Vec::new();
        while let Some(row) = rows.try_next().await? {
            let id: String = row.try_get("id")?;
            let value: String = row.try_get("value")?;
            if out.last().is_none_or(|last| last.id.as_str() != id) {
                let schema: String = row.try_get("schema")?;
                let corrupt = |reason: String| StoreError::Corrupt { table: "entities", id: id.clone(), reason };
                out.push(NamedEntity {
                    id: EntityId::new(&id).map_err(|e| corrupt(e.to_string()))?,
                    schema: schema.parse().map_err(|e: lookout_core::ModelError| corrupt(e.to_string()))?,
                    names: Vec::new(),
                });
            }
            let last = out.last_mut().expect("pushed above");
            if !last.names.contains(&value) {
                last.names.push(value);
            }
        }
        Ok(out)
    }

    pub(crate) async fn insert_decision(&self, d: &Decision) -> Result<(), StoreError> {
        let mut conn = self.pool.acquire().await?;
        let keys = pair_keys(&mut conn, d).await?;
        insert(&mut conn, d, keys).await
    }

    /// Records `d` with `event`'s audit entry in one transaction, in turn: a decision only on a
    /// pair with none in force, an undo only of a decision in force (a form shown before another
    /// account decided the pair changes nothing).
    pub(crate) async fn decide_audited(&self, d: &Decision, event: &AuditEvent) -> Result<(), StoreError> {
        let mut tx = begin_write(self).await?;
        let keys = pair_keys(&mut tx, d).await?;
        let latest: Option<(String, String)> = sqlx::query_as(
            "SELECT judgement, decided_by FROM decisions WHERE left_key = ? AND right_key = ? ORDER BY seq DESC LIMIT 1",
        )
        .bind(keys.0)
        .bind(keys.1)
        .fetch_optional(&mut *tx)
        .await?;
        let in_force = latest.filter(|(j, _)| j != Judgement::Undone.as_str());
        let (a, b) = (&d.left, &d.right);
        match (&in_force, d.judgement) {
            (None, Judgement::Undone) => {
                return Err(StoreError::Conflict(format!("there is no decision on {a} and {b} to undo")));
            }
            (Some((j, by)), judgement) if judgement != Judgement::Undone => {
                return Err(StoreError::Conflict(format!(
                    "{a} and {b} were already decided ({j}, by {by}): undo that decision first"
                )));
            }
            _ => {}
        }
        insert(&mut tx, d, keys).await?;
        append(&mut tx, event, &[]).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A number that grows with every decision recorded.
    pub(crate) async fn decisions_seen(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM decisions").fetch_one(&self.pool).await?)
    }

    pub(crate) async fn all_decisions(&self) -> Result<Vec<Decision>, StoreError> {
        let rows = sqlx::query(
            "SELECT d.seq, l.id AS left_id, r.id AS right_id, d.judgement, d.decided_by, d.decided_at
             FROM decisions d JOIN entities l ON l.key = d.left_key JOIN entities r ON r.key = d.right_key
             ORDER BY d.seq",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let seq: i64 = row.try_get("seq")?;
                let corrupt = |reason: String| StoreError::Corrupt { table: "decisions", id: seq.to_string(), reason };
                let id = |column: &str| -> Result<EntityId, StoreError> {
                    let text: String = row.try_get(column)?;
                    EntityId::new(&text).map_err(|e| corrupt(e.to_string()))
                };
                let judgement: String = row.try_get("judgement")?;
                let at: String = row.try_get("decided_at")?;
                Ok(Decision {
                    left: id("left_id")?,
                    right: id("right_id")?,
                    judgement: judgement.parse().map_err(|e: lookout_core::ModelError| corrupt(e.to_string()))?,
                    decided_by: row.try_get("decided_by")?,
                    decided_at: at.parse::<Timestamp>().map_err(corrupt)?,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use lookout_core::{Batch, Claim, Decision, EntityId, Judgement, Schema, Source};

    use crate::{SqliteStore, Store, StoreError};

    #[tokio::test]
    async fn decisions_are_appended_and_never_changed() {
        let store = SqliteStore::open_in_memory().await.unwrap();
        let mut batch = Batch::new("test");
        let source = batch.add_source(Source::from_url("https://example.org/a"));
        let (a, b) = (EntityId::new("psb-a").unwrap(), EntityId::new("psb-b").unwrap());
        for (id, name) in [(&a, "Fuzhou PSB"), (&b, "福州市公安局")] {
            batch.add_entity(id, Schema::PublicBody).unwrap();
            batch.add_claim(Claim::new(id, "name", name, &source)).unwrap();
        }
        store.write_batch(&batch).await.unwrap();
        let names = store.names(&[Schema::PublicBody], false).await.unwrap();
        assert_eq!(names.iter().map(|n| n.names[0].as_str()).collect::<Vec<_>>(), ["Fuzhou PSB", "福州市公安局"]);

        store.record_decision(&Decision::new(&a, &b, Judgement::Match, "ana").unwrap()).await.unwrap();
        store.record_decision(&Decision::new(&b, &a, Judgement::Undone, "ben").unwrap()).await.unwrap();
        let log = store.decisions().await.unwrap();
        assert_eq!(log.iter().map(|d| d.judgement).collect::<Vec<_>>(), [Judgement::Match, Judgement::Undone]);
        assert_eq!((log[1].left.as_str(), log[1].decided_by.as_str()), ("psb-a", "ben"));

        for sql in ["UPDATE decisions SET judgement = 'no-match'", "DELETE FROM decisions"] {
            let err = sqlx::query(sql).execute(&store.pool).await.unwrap_err();
            assert!(err.to_string().contains("append-only"), "{err}");
        }
        let ghost = EntityId::new("psb-ghost").unwrap();
        let err =
            store.record_decision(&Decision::new(&a, &ghost, Judgement::Match, "ana").unwrap()).await.unwrap_err();
        assert!(matches!(err, StoreError::NotFound(ref m) if m.contains("psb-ghost")), "{err}");
        assert_eq!(store.decisions().await.unwrap().len(), 2);
    }
}
