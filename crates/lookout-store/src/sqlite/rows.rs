//! Turning SQLite rows into model values.

use lookout_core::{Entity, EntityId, Grade, Locator, PartialDate, Source, SourceId, Statement, StatementId};
use sqlx::sqlite::SqliteRow;
use sqlx::Row;

use crate::StoreError;

/// A statement with its entity's and source's ids, as [`statement_from_row`] reads it:
/// `SELECT {STATEMENT_SELECT} FROM {STATEMENT_FROM} WHERE …`.
pub(crate) const STATEMENT_SELECT: &str = "'stmt-' || lower(hex(s.id)) AS id, se.id AS entity_id, s.prop, s.value, s.lang, ss.id AS source_id, s.quote, s.page, s.span_start, s.span_end, s.claimant, s.reliability, s.credibility, s.stance, s.status, s.valid_from, s.valid_to, s.recorded_by, s.recorded_at";

/// The tables behind [`STATEMENT_SELECT`]: `s` statements, `se` its entity, `ss` its source.
pub(crate) const STATEMENT_FROM: &str =
    "statements s JOIN entities se ON se.key = s.entity_key JOIN sources ss ON ss.key = s.source_key";

/// The columns of `sources`.
pub(crate) const SOURCE_COLUMNS: &str =
    "id, url, title, publisher, kind, kind_guess, published, retrieved, lang, sha256";

/// The stored form of a statement id: the 16 digest bytes behind `stmt-` and 32 hex digits.
pub(crate) fn statement_id_bytes(id: &StatementId) -> Option<Vec<u8>> {
    let hex = id.as_str().strip_prefix("stmt-")?;
    if hex.len() != 32 {
        return None;
    }
    (0..16).map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()).collect()
}

fn corrupt(table: &'static str, id: &str, reason: impl ToString) -> StoreError {
    StoreError::Corrupt { table, id: id.to_string(), reason: reason.to_string() }
}

pub(crate) fn parse<T: std::str::FromStr>(table: &'static str, id: &str, text: &str) -> Result<T, StoreError>
where
    T::Err: std::fmt::Display,
{
    text.parse::<T>().map_err(|e| corrupt(table, id, e))
}

fn date(table: &'static str, id: &str, text: Option<String>) -> Result<Option<PartialDate>, StoreError> {
    text.map(|t| parse(table, id, &t)).transpose()
}

pub(crate) fn entity_from_row(row: &SqliteRow) -> Result<(Entity, bool), StoreError> {
    let id: String = row.try_get("id")?;
    let schema: String = row.try_get("schema")?;
    let restricted: bool = row.try_get("restricted")?;
    let entity = Entity {
        id: EntityId::new(id.clone()).map_err(|e| corrupt("entities", &id, e))?,
        schema: parse("entities", &id, &schema)?,
    };
    Ok((entity, restricted))
}

pub(crate) fn statement_from_row(row: &SqliteRow) -> Result<Statement, StoreError> {
    let id: String = row.try_get("id")?;
    let t = "statements";
    let span = match (row.try_get::<Option<i64>, _>("span_start")?, row.try_get::<Option<i64>, _>("span_end")?) {
        (Some(a), Some(b)) => Some((a as u32, b as u32)),
        _ => None,
    };
    Ok(Statement {
        entity_id: EntityId::new(row.try_get::<String, _>("entity_id")?).map_err(|e| corrupt(t, &id, e))?,
        prop: row.try_get("prop")?,
        value: row.try_get("value")?,
        lang: row.try_get("lang")?,
        source_id: SourceId::new(row.try_get::<String, _>("source_id")?).map_err(|e| corrupt(t, &id, e))?,
        locator: Locator { quote: row.try_get("quote")?, page: row.try_get("page")?, span },
        claimant: row.try_get("claimant")?,
        grade: Grade {
            reliability: parse(t, &id, &row.try_get::<String, _>("reliability")?)?,
            credibility: parse(t, &id, &row.try_get::<String, _>("credibility")?)?,
        },
        stance: parse(t, &id, &row.try_get::<String, _>("stance")?)?,
        status: parse(t, &id, &row.try_get::<String, _>("status")?)?,
        valid_from: date(t, &id, row.try_get("valid_from")?)?,
        valid_to: date(t, &id, row.try_get("valid_to")?)?,
        recorded_by: row.try_get("recorded_by")?,
        recorded_at: parse(t, &id, &row.try_get::<String, _>("recorded_at")?)?,
        id: StatementId::new(id.clone()).map_err(|e| corrupt(t, &id, e))?,
    })
}

pub(crate) fn source_from_row(row: &SqliteRow) -> Result<Source, StoreError> {
    let id: String = row.try_get("id")?;
    let t = "sources";
    Ok(Source {
        url: row.try_get("url")?,
        title: row.try_get("title")?,
        publisher: row.try_get("publisher")?,
        kind: parse(t, &id, &row.try_get::<String, _>("kind")?)?,
        kind_guess: row.try_get("kind_guess")?,
        published: date(t, &id, row.try_get("published")?)?,
        retrieved: date(t, &id, row.try_get("retrieved")?)?,
        lang: row.try_get("lang")?,
        sha256: row.try_get("sha256")?,
        id: SourceId::new(id.clone()).map_err(|e| corrupt(t, &id, e))?,
    })
}
