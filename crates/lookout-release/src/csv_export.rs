//! CSV: one row per accepted public statement, with its source (and the original a copy copies)
//! and grade.

use std::io::Write;

use lookout_store::{DocumentStore, Store};

use crate::walk::{for_each_public_entity, originals_by_id, sources_by_id};
use crate::ExportError;

/// The CSV header.
pub const COLUMNS: &[&str] = &[
    "statement_id",
    "entity_id",
    "schema",
    "prop",
    "value",
    "lang",
    "stance",
    "claimant",
    "valid_from",
    "valid_to",
    "reliability",
    "credibility",
    "source_id",
    "source_url",
    "source_kind",
    "source_kind_guess",
    "source_copy_of",
    "quote",
    "locator",
    "recorded_by",
    "recorded_at",
];

/// Writes every accepted statement about public entities as CSV; returns the number of rows.
pub async fn export_csv<S: Store + DocumentStore>(store: &S, out: impl Write) -> Result<u64, ExportError> {
    let sources = sources_by_id(store).await?;
    let originals = originals_by_id(store, &sources).await?;
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(COLUMNS)?;
    let mut rows = 0;
    for_each_public_entity(store, |record| {
        for s in &record.statements {
            let source = sources.get(&s.source_id);
            let opt = |o: Option<String>| o.unwrap_or_default();
            writer.write_record([
                s.id.to_string(),
                s.entity_id.to_string(),
                record.entity.schema.to_string(),
                s.prop.clone(),
                s.value.clone(),
                opt(s.lang.clone()),
                s.stance.to_string(),
                opt(s.claimant.clone()),
                opt(s.valid_from.map(|d| d.to_string())),
                opt(s.valid_to.map(|d| d.to_string())),
                s.grade.reliability.to_string(),
                s.grade.credibility.to_string(),
                s.source_id.to_string(),
                opt(source.map(|x| x.url.clone())),
                opt(source.map(|x| x.kind.to_string())),
                opt(source.and_then(|x| x.kind_guess.clone())),
                opt(originals.get(&s.source_id).and_then(|o| sources.get(o)).map(|o| o.url.clone())),
                opt(s.locator.quote.clone()),
                opt(s.locator.page.clone()),
                s.recorded_by.clone(),
                s.recorded_at.to_string(),
            ])?;
            rows += 1;
        }
        Ok(())
    })
    .await?;
    writer.flush()?;
    Ok(rows)
}
