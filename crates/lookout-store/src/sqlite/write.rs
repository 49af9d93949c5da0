//! Writing batches: multi-row inserts in one transaction.

use lookout_core::{Batch, Document, Entity, Proposal, Source, Statement};
use std::collections::HashMap;

use sqlx::sqlite::{SqliteArguments, SqliteConnection};
use sqlx::{Arguments, AssertSqlSafe, Row};

use super::rows::{statement_id_bytes, SOURCE_COLUMNS};
use crate::{StoreError, WriteReport};

/// Rows per INSERT: 500 × 19 columns stays well under SQLite's 32,766 bound parameters.
const ROWS_PER_INSERT: usize = 1_500;

/// The columns a statement row is inserted with.
const STATEMENT_COLUMNS: &str = "id, entity_key, prop, value, lang, source_key, quote, page, span_start, span_end, claimant, reliability, credibility, stance, status, valid_from, valid_to, recorded_by, recorded_at";

/// Ids looked up per query when resolving keys.
const IDS_PER_LOOKUP: usize = 20_000;

fn insert_sql(table: &str, columns: &str, rows: usize) -> String {
    let row = format!("({})", vec!["?"; columns.split(',').count()].join(","));
    format!("INSERT OR IGNORE INTO {table} ({columns}) VALUES {}", vec![row; rows].join(","))
}

/// The integer keys of the rows of `table` (`entities` or `sources`) with these ids.
async fn keys_of<'a>(
    conn: &mut SqliteConnection,
    table: &'static str,
    ids: impl Iterator<Item = &'a str>,
) -> Result<HashMap<String, i64>, StoreError> {
    let ids: Vec<&str> = ids.collect();
    let mut keys = HashMap::with_capacity(ids.len());
    let sql = format!("SELECT key, id FROM {table} WHERE id IN (SELECT value FROM json_each(?))");
    for chunk in ids.chunks(IDS_PER_LOOKUP) {
        let list = serde_json::to_string(chunk).map_err(|e| StoreError::Conflict(e.to_string()))?;
        // `table` is one of two constants; the ids are bound.
        for row in sqlx::query(AssertSqlSafe(sql.clone())).bind(list).fetch_all(&mut *conn).await? {
            keys.insert(row.try_get::<String, _>("id")?, row.try_get::<i64, _>("key")?);
        }
    }
    Ok(keys)
}

/// Inserts `items` in chunks, binding each with `bind`; returns how many rows were new.
async fn insert_all<T>(
    conn: &mut SqliteConnection,
    table: &str,
    columns: &str,
    items: &[T],
    bind: impl Fn(&T, &mut SqliteArguments) -> Result<(), sqlx::error::BoxDynError>,
) -> Result<u64, StoreError> {
    let mut added = 0;
    let mut full_sql: Option<String> = None;
    for chunk in items.chunks(ROWS_PER_INSERT) {
        let sql = if chunk.len() == ROWS_PER_INSERT {
            full_sql.get_or_insert_with(|| insert_sql(table, columns, ROWS_PER_INSERT)).clone()
        } else {
            insert_sql(table, columns, chunk.len())
        };
        let mut args = SqliteArguments::default();
        for item in chunk {
            bind(item, &mut args).map_err(sqlx::Error::Encode)?;
        }
        // The SQL holds only placeholders built here; every value is bound.
        let result = sqlx::query_with(AssertSqlSafe(sql), args).execute(&mut *conn).await?;
        added += result.rows_affected();
    }
    Ok(added)
}

fn bind_entity(e: &Entity, a: &mut SqliteArguments) -> Result<(), sqlx::error::BoxDynError> {
    a.add(e.id.as_str().to_string())?;
    a.add(e.schema.as_str())?;
    a.add(e.schema.restricted_by_default())?;
    Ok(())
}

fn bind_source(s: &Source, a: &mut SqliteArguments) -> Result<(), sqlx::error::BoxDynError> {
    a.add(s.id.as_str().to_string())?;
    a.add(s.url.clone())?;
    a.add(s.title.clone())?;
    a.add(s.publisher.clone())?;
    a.add(s.kind.as_str())?;
    a.add(s.kind_guess.clone())?;
    a.add(s.published.map(|d| d.to_string()))?;
    a.add(s.retrieved.map(|d| d.to_string()))?;
    a.add(s.lang.clone())?;
    a.add(s.sha256.clone())?;
    Ok(())
}

/// Integer keys of the batch's entities and sources.
struct Keys {
    entities: HashMap<String, i64>,
    sources: HashMap<String, i64>,
}

fn bind_statement(keys: &Keys, s: &Statement, a: &mut SqliteArguments) -> Result<(), sqlx::error::BoxDynError> {
    let entity =
        keys.entities.get(s.entity_id.as_str()).ok_or_else(|| format!("entity {} was not stored", s.entity_id))?;
    let source =
        keys.sources.get(s.source_id.as_str()).ok_or_else(|| format!("source {} was not stored", s.source_id))?;
    a.add(statement_id_bytes(&s.id).ok_or_else(|| format!("malformed statement id {}", s.id))?)?;
    a.add(*entity)?;
    a.add(s.prop.clone())?;
    a.add(s.value.clone())?;
    a.add(s.lang.clone())?;
    a.add(*source)?;
    a.add(s.locator.quote.clone())?;
    a.add(s.locator.page.clone())?;
    a.add(s.locator.span.map(|x| x.0 as i64))?;
    a.add(s.locator.span.map(|x| x.1 as i64))?;
    a.add(s.claimant.clone())?;
    a.add(s.grade.reliability.as_str())?;
    a.add(s.grade.credibility.as_str())?;
    a.add(s.stance.as_str())?;
    a.add(s.status.as_str())?;
    a.add(s.valid_from.map(|d| d.to_string()))?;
    a.add(s.valid_to.map(|d| d.to_string()))?;
    a.add(s.recorded_by.clone())?;
    a.add(s.recorded_at.to_string())?;
    Ok(())
}

/// The columns a document row is inserted with.
const DOCUMENT_COLUMNS: &str = "sha256, source_key, language, characters, simhash, copy_of, restricted";

/// The columns a proposal row is inserted with.
const PROPOSAL_COLUMNS: &str = "id, kind, source_key, document, summary, body, proposed_by, proposed_at";

fn source_key(keys: &Keys, id: &lookout_core::SourceId) -> Result<i64, sqlx::error::BoxDynError> {
    Ok(*keys.sources.get(id.as_str()).ok_or_else(|| format!("source {id} was not stored"))?)
}

fn bind_document(keys: &Keys, d: &Document, a: &mut SqliteArguments) -> Result<(), sqlx::error::BoxDynError> {
    a.add(d.sha256.clone())?;
    a.add(source_key(keys, &d.source_id)?)?;
    a.add(d.language.clone())?;
    a.add(d.characters as i64)?;
    a.add(format!("{:016x}", d.simhash))?;
    a.add(d.copy_of.clone())?;
    a.add(d.restricted)?;
    Ok(())
}

fn bind_proposal(
    keys: &Keys,
    batch: &Batch,
    p: &Proposal,
    a: &mut SqliteArguments,
) -> Result<(), sqlx::error::BoxDynError> {
    a.add(p.id.clone())?;
    a.add(p.kind.as_str())?;
    a.add(source_key(keys, &p.source_id)?)?;
    a.add(p.document.clone())?;
    a.add(p.summary.clone())?;
    a.add(serde_json::to_string(p)?)?;
    a.add(batch.recorded_by().to_string())?;
    a.add(batch.recorded_at().to_string())?;
    Ok(())
}

/// Writes the batch on `conn`, which the caller has put in a transaction.
pub(crate) async fn write_batch(conn: &mut SqliteConnection, batch: &Batch) -> Result<WriteReport, StoreError> {
    let entities_added = insert_all(conn, "entities", "id, schema, restricted", &batch.entities, bind_entity).await?;
    let sources_added = insert_all(conn, "sources", SOURCE_COLUMNS, &batch.sources, bind_source).await?;
    let keys = Keys {
        entities: keys_of(conn, "entities", batch.entities.iter().map(|e| e.id.as_str())).await?,
        sources: keys_of(conn, "sources", batch.sources.iter().map(|s| s.id.as_str())).await?,
    };
    let statements_added =
        insert_all(conn, "statements", STATEMENT_COLUMNS, &batch.statements, |s, a| bind_statement(&keys, s, a))
            .await?;
    insert_all(conn, "documents", DOCUMENT_COLUMNS, &batch.documents, |d, a| bind_document(&keys, d, a)).await?;
    let proposed = |p: &Proposal, a: &mut SqliteArguments| bind_proposal(&keys, batch, p, a);
    insert_all(conn, "proposals", PROPOSAL_COLUMNS, &batch.proposals, proposed).await?;
    let judgements_added = super::judgements::append_batch(conn, &batch.judgements, batch.recorded_by()).await?;
    Ok(WriteReport {
        entities_added,
        sources_added,
        judgements_added,
        statements_added,
        statements_present: batch.statements.len() as u64 - statements_added,
    })
}
