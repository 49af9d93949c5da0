//! Reading: the queries the pages, exports and commands need.

use std::collections::{BTreeMap, HashMap};

use lookout_core::{Batch, EntityId, Source, SourceId, Statement};
use sqlx::sqlite::SqliteRow;
use sqlx::{AssertSqlSafe, Row};

use super::rows::{
    entity_from_row, source_from_row, statement_from_row, SOURCE_COLUMNS, STATEMENT_FROM, STATEMENT_SELECT,
};
use super::SqliteStore;
use crate::{EntityFilter, EntityRecord, Stats, Store, StoreError, WriteReport};
use lookout_core::timeline::TimelineStep;

/// Entities matching a filter; `?1` schema, `?2` country, `?3` operator (never a restricted one,
/// so the filter tells nothing of a person), `?4` status, `?5` include restricted.
const FILTERED_ENTITIES: &str = "
SELECT e.key, e.id, e.schema, e.restricted FROM entities e
WHERE (?1 IS NULL OR e.schema = ?1)
  AND (?5 OR (e.restricted = 0
       AND EXISTS (SELECT 1 FROM statements a WHERE a.entity_key = e.key AND a.status = 'accepted')))
  AND (?2 IS NULL OR EXISTS (SELECT 1 FROM statements s WHERE s.entity_key = e.key AND s.prop = 'country'
       AND s.value = ?2 AND s.status = 'accepted' AND s.stance = 'asserts'))
  AND (?3 IS NULL OR (NOT EXISTS (SELECT 1 FROM entities r WHERE r.id = ?3 AND r.restricted = 1)
       AND EXISTS (SELECT 1 FROM statements op JOIN statements st ON st.entity_key = op.entity_key
       WHERE op.link_value = ?3 AND op.prop = 'operator' AND op.status = 'accepted'
         AND st.link_value = e.id AND st.prop = 'station' AND st.status = 'accepted')))
  AND (?4 IS NULL OR EXISTS (SELECT 1 FROM statements s WHERE s.entity_key = e.key AND s.prop = 'status'
       AND s.value = ?4 AND s.status = 'accepted' AND s.stance = 'asserts'))";

/// Groups statement rows (ordered by entity) under the entity rows, keeping entity order.
fn assemble(entity_rows: Vec<SqliteRow>, statement_rows: Vec<SqliteRow>) -> Result<Vec<EntityRecord>, StoreError> {
    let mut records = Vec::with_capacity(entity_rows.len());
    let mut index = HashMap::with_capacity(entity_rows.len());
    for row in &entity_rows {
        let (entity, restricted) = entity_from_row(row)?;
        index.insert(entity.id.clone(), records.len());
        records.push(EntityRecord { entity, restricted, statements: Vec::new() });
    }
    for row in &statement_rows {
        let st = statement_from_row(row)?;
        if let Some(&i) = index.get(&st.entity_id) {
            records[i].statements.push(st);
        }
    }
    Ok(records)
}

impl SqliteStore {
    /// The entities `entity_sql` selects (it must select `key, id, schema, restricted`), with their
    /// statements (accepted ones only, or `In::Full` every one whatever its status), fetched by key
    /// in a second query.
    pub(crate) async fn records_for(
        &self,
        entity_sql: &str,
        binds: Binds<'_>,
        statements: In,
    ) -> Result<Vec<EntityRecord>, StoreError> {
        let entity_sql = format!("{entity_sql} ORDER BY id");
        // The query is fixed text from this module; every value is bound.
        let entities = binds.apply(sqlx::query(AssertSqlSafe(entity_sql))).fetch_all(&self.pool).await?;
        let keys = entities.iter().map(|r| r.try_get::<i64, _>("key")).collect::<Result<Vec<_>, _>>()?;
        let keys = format!("[{}]", keys.iter().map(i64::to_string).collect::<Vec<_>>().join(","));
        let only_accepted = match statements {
            In::Record => "AND s.status = 'accepted'",
            In::Full => "",
        };
        let statements_sql = format!(
            "SELECT {STATEMENT_SELECT} FROM {STATEMENT_FROM}
             WHERE s.entity_key IN (SELECT value FROM json_each(?)) {only_accepted} ORDER BY s.entity_key, s.rowid"
        );
        let statements = sqlx::query(AssertSqlSafe(statements_sql)).bind(keys).fetch_all(&self.pool).await?;
        assemble(entities, statements)
    }
}

impl SqliteStore {
    /// The entities with these ids, with their statements (in chunks of 500 ids).
    pub(crate) async fn records_with_ids(
        &self,
        ids: &[String],
        statements: In,
    ) -> Result<Vec<EntityRecord>, StoreError> {
        let mut out = Vec::new();
        for chunk in ids.chunks(500) {
            let sql =
                format!("SELECT key, id, schema, restricted FROM entities WHERE id IN ({})", placeholders(chunk.len()));
            out.extend(self.records_for(&sql, Binds::Ids(chunk), statements).await?);
        }
        Ok(out)
    }
}

/// Which statements of an entity a read returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum In {
    /// The record: accepted statements only (what every reader of the `Store` trait gets).
    Record,
    /// Everything recorded, whatever its status (the workspace's view).
    Full,
}

/// Values bound, in order, to the entity query of [`SqliteStore::records_for`].
#[derive(Clone, Copy)]
pub(crate) enum Binds<'a> {
    Filter(&'a EntityFilter),
    Ids(&'a [String]),
    Page(Option<&'a str>, u32, bool),
}

type Query<'q> = sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments>;

impl Binds<'_> {
    fn apply<'q>(self, q: Query<'q>) -> Query<'q> {
        match self {
            Binds::Filter(f) => q
                .bind(f.schema.map(|s| s.as_str()))
                .bind(f.country.clone())
                .bind(f.operator.as_ref().map(|o| o.to_string()))
                .bind(f.status.map(|s| s.as_str()))
                .bind(f.include_restricted),
            Binds::Ids(ids) => ids.iter().fold(q, |q, id| q.bind(id.clone())),
            Binds::Page(after, limit, restricted) => {
                q.bind(after.map(str::to_string)).bind(restricted).bind(i64::from(limit))
            }
        }
    }
}

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(",")
}

impl Store for SqliteStore {
    async fn write_batch(&self, batch: &Batch) -> Result<WriteReport, StoreError> {
        self.write(batch).await
    }

    async fn is_empty(&self) -> Result<bool, StoreError> {
        let any: Option<i64> = sqlx::query_scalar("SELECT 1 FROM entities LIMIT 1").fetch_optional(&self.pool).await?;
        Ok(any.is_none())
    }

    async fn entity(&self, id: &EntityId) -> Result<Option<EntityRecord>, StoreError> {
        let ids = [id.to_string()];
        let mut records = self
            .records_for("SELECT key, id, schema, restricted FROM entities WHERE id = ?", Binds::Ids(&ids), In::Record)
            .await?;
        Ok(records.pop())
    }

    async fn publicity_facts(&self, ids: &[EntityId]) -> Result<Vec<crate::PublicityFacts>, StoreError> {
        self.read_publicity_facts(ids).await
    }

    async fn list_entities(&self, filter: &EntityFilter) -> Result<Vec<EntityRecord>, StoreError> {
        let records = self.records_for(FILTERED_ENTITIES, Binds::Filter(filter), In::Record).await?;
        if filter.include_restricted {
            return Ok(records);
        }
        crate::public_records(self, records).await
    }

    async fn referencing(&self, id: &EntityId) -> Result<Vec<EntityRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT DISTINCT e.id AS entity_id, s.prop, e.schema FROM statements s JOIN entities e ON e.key = s.entity_key
             WHERE s.link_value = ? AND s.status = 'accepted' AND e.restricted = 0",
        )
        .bind(id.as_str())
        .fetch_all(&self.pool)
        .await?;
        let mut ids: Vec<String> = Vec::new();
        for row in rows {
            let schema: String = row.try_get("schema")?;
            let prop: String = row.try_get("prop")?;
            let is_link = schema
                .parse::<lookout_core::Schema>()
                .ok()
                .and_then(|s| s.property(&prop).ok())
                .is_some_and(|p| p.kind.is_entity());
            let entity_id: String = row.try_get("entity_id")?;
            if is_link && !ids.contains(&entity_id) {
                ids.push(entity_id);
            }
        }
        let links = self.records_with_ids(&ids, In::Record).await?;
        crate::public_records(self, links).await
    }

    async fn entities(&self, ids: &[EntityId]) -> Result<Vec<EntityRecord>, StoreError> {
        let mut ids: Vec<String> = ids.iter().map(|id| id.to_string()).collect();
        ids.sort();
        ids.dedup();
        self.records_with_ids(&ids, In::Record).await
    }

    async fn entity_page(
        &self,
        after: Option<&EntityId>,
        limit: u32,
        include_restricted: bool,
    ) -> Result<Vec<EntityRecord>, StoreError> {
        let sql = "SELECT key, id, schema, restricted FROM (SELECT key, id, schema, restricted FROM entities
                   WHERE (?1 IS NULL OR id > ?1) AND (?2 OR (restricted = 0 AND EXISTS (SELECT 1 FROM statements a
                     WHERE a.entity_key = entities.key AND a.status = 'accepted'))) ORDER BY id LIMIT ?3)";
        self.records_for(sql, Binds::Page(after.map(|a| a.as_str()), limit, include_restricted), In::Record).await
    }

    async fn sources(&self, ids: &[SourceId]) -> Result<HashMap<SourceId, Source>, StoreError> {
        let mut out = HashMap::new();
        for chunk in ids.chunks(500) {
            let sql = format!("SELECT {SOURCE_COLUMNS} FROM sources WHERE id IN ({})", placeholders(chunk.len()));
            let q = chunk.iter().fold(sqlx::query(AssertSqlSafe(sql)), |q, id| q.bind(id.as_str().to_string()));
            for row in q.fetch_all(&self.pool).await? {
                let s = source_from_row(&row)?;
                out.insert(s.id.clone(), s);
            }
        }
        Ok(out)
    }

    async fn public_sources(&self) -> Result<Vec<Source>, StoreError> {
        self.read_public_sources().await
    }

    async fn public_source(&self, id: &SourceId) -> Result<Option<Source>, StoreError> {
        self.read_public_source(id).await
    }

    async fn statements_of_source(&self, id: &SourceId) -> Result<Vec<Statement>, StoreError> {
        let sql = format!(
            "SELECT {STATEMENT_SELECT} FROM {STATEMENT_FROM}
             WHERE s.source_key = (SELECT k.key FROM sources k WHERE k.id = ?) AND se.restricted = 0 ORDER BY se.id, s.rowid"
        );
        let rows = sqlx::query(AssertSqlSafe(sql)).bind(id.as_str()).fetch_all(&self.pool).await?;
        let statements = rows.iter().map(statement_from_row).collect::<Result<Vec<_>, _>>()?;
        // Only what the public may see: no statement of a link to a restricted person, none naming one.
        let mut ids: Vec<EntityId> = statements.iter().map(|s| s.entity_id.clone()).collect();
        ids.sort();
        ids.dedup();
        let view = crate::PublicView::of_ids(self, &ids).await?;
        Ok(statements.into_iter().filter(|s| view.keeps(s)).collect())
    }

    async fn status_timeline(&self, station: &EntityId) -> Result<Vec<TimelineStep>, StoreError> {
        let sql = format!(
            "SELECT {STATEMENT_SELECT} FROM {STATEMENT_FROM}
             WHERE s.entity_key = (SELECT k.key FROM entities k WHERE k.id = ?) AND s.prop = 'status' ORDER BY s.rowid"
        );
        let rows = sqlx::query(AssertSqlSafe(sql)).bind(station.as_str()).fetch_all(&self.pool).await?;
        let statements = rows.iter().map(statement_from_row).collect::<Result<Vec<_>, _>>()?;
        Ok(lookout_core::timeline::status_timeline(&statements))
    }

    async fn public_changes(
        &self,
        scope: &crate::ChangeScope,
        limit: u32,
    ) -> Result<Vec<crate::PublicChange>, StoreError> {
        super::public_changes::public_changes(&self.pool, scope, limit).await
    }

    async fn data_version(&self) -> Result<i64, StoreError> {
        let version: i64 = sqlx::query_scalar(
            "SELECT COALESCE((SELECT MAX(rowid) FROM statements), 0) + (SELECT COUNT(*) FROM entities)
                  + (SELECT COUNT(*) FROM sources) + (SELECT COUNT(*) FROM documents)
                  + COALESCE((SELECT MAX(seq) FROM statement_events), 0)
                  + COALESCE((SELECT MAX(seq) FROM source_judgements), 0)
                  + COALESCE((SELECT MAX(seq) FROM public_figure_marks), 0)",
        )
        .fetch_one(&self.pool)
        .await?;
        Ok(version)
    }

    async fn names(
        &self,
        schemata: &[lookout_core::Schema],
        include_restricted: bool,
    ) -> Result<Vec<crate::NamedEntity>, StoreError> {
        self.names_of(schemata, include_restricted).await
    }

    async fn record_decision(&self, decision: &lookout_core::Decision) -> Result<(), StoreError> {
        self.insert_decision(decision).await
    }

    async fn decisions(&self) -> Result<Vec<lookout_core::Decision>, StoreError> {
        self.all_decisions().await
    }

    async fn stats(&self) -> Result<Stats, StoreError> {
        let mut stats = Stats::default();
        for row in
            sqlx::query("SELECT schema, COUNT(*) AS n FROM entities GROUP BY schema").fetch_all(&self.pool).await?
        {
            stats.entities_by_schema.insert(row.try_get("schema")?, row.try_get::<i64, _>("n")? as u64);
        }
        let mut by_status = BTreeMap::new();
        for row in
            sqlx::query("SELECT status, COUNT(*) AS n FROM statements GROUP BY status").fetch_all(&self.pool).await?
        {
            by_status.insert(row.try_get("status")?, row.try_get::<i64, _>("n")? as u64);
        }
        stats.statements = by_status.values().sum();
        stats.statements_by_status = by_status;
        stats.sources =
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM sources").fetch_one(&self.pool).await? as u64;
        stats.countries = sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(DISTINCT value) FROM statements WHERE prop = 'country' AND status = 'accepted'",
        )
        .fetch_one(&self.pool)
        .await? as u64;
        stats.record = super::record_counts::record_counts(&self.pool).await?;
        Ok(stats)
    }
}
