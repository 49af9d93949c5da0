//! Writing batches: multi-row inserts in one transaction.

use lookout_core::{Batch, Entity, Source, Statement};
use sqlx::sqlite::{SqliteArguments, SqliteConnection};
use sqlx::{AssertSqlSafe, Arguments};

use super::rows::{SOURCE_COLUMNS, STATEMENT_COLUMNS};
use crate::{StoreError, WriteReport};

/// Rows per INSERT: 500 × 19 columns stays well under SQLite's 32,766 bound parameters.
const ROWS_PER_INSERT: usize = 500;

fn insert_sql(table: &str, columns: &str, rows: usize) -> String {
    let width = columns.split(',').count();
    let one = format!("({})", vec!["?"; width].join(","));
    format!("INSERT OR IGNORE INTO {table} ({columns}) VALUES {}", vec![one; rows].join(","))
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

fn bind_statement(s: &Statement, a: &mut SqliteArguments) -> Result<(), sqlx::error::BoxDynError> {
    a.add(s.id.as_str().to_string())?;
    a.add(s.entity_id.as_str().to_string())?;
    a.add(s.prop.clone())?;
    a.add(s.value.clone())?;
    a.add(s.lang.clone())?;
    a.add(s.source_id.as_str().to_string())?;
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

/// Writes the batch on `conn`, which the caller has put in a transaction.
pub(crate) async fn write_batch(conn: &mut SqliteConnection, batch: &Batch) -> Result<WriteReport, StoreError> {
    let entities_added = insert_all(conn, "entities", "id, schema, restricted", &batch.entities, bind_entity).await?;
    let sources_added = insert_all(conn, "sources", SOURCE_COLUMNS, &batch.sources, bind_source).await?;
    let statements_added = insert_all(conn, "statements", STATEMENT_COLUMNS, &batch.statements, bind_statement).await?;
    Ok(WriteReport {
        entities_added,
        sources_added,
        statements_added,
        statements_present: batch.statements.len() as u64 - statements_added,
    })
}
