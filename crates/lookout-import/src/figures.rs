//! `figures.csv`: claimed numbers, who claims them, and which claims contradict which.

use lookout_core::ids::stable_digest;
use lookout_core::{Batch, Claim, EntityId, PartialDate, Schema};

use crate::context::{locate, RowSources};
use crate::table::{read_table, Record};
use crate::{ImportError, ImportReport, Reference};

/// Required columns of `figures.csv`.
pub const COLUMNS: &[&str] = &["figure", "value", "as_of", "claimed_by", "source_urls"];
/// Optional columns: a stable `id` (F01…) and the ids of the figures a row `contradicts`.
pub const OPTIONAL: &[&str] = &["id", "contradicts"];

const CONFLICTING: &str = "CONFLICTING:";

/// The entity id of figure `id`.
pub fn figure_id(id: &str) -> Result<EntityId, lookout_core::ModelError> {
    EntityId::new(format!("figure-{id}"))
}

/// Splits an `as_of` cell into its date and the note after it ("2022-06 (late June)", "2016-").
fn as_of(record: &Record) -> Result<(PartialDate, Option<String>), ImportError> {
    let cell = record.required("as_of")?;
    let end = cell.find(|c: char| !(c.is_ascii_digit() || c == '-')).unwrap_or(cell.len());
    let (date, rest) = cell.split_at(end);
    let open_ended = date.ends_with('-') && date.len() == 5;
    let date: PartialDate = date.trim_end_matches('-').parse().map_err(|e| record.error("as_of", e))?;
    let mut note = rest.trim().trim_start_matches('(').trim_end_matches(')').trim().to_string();
    if open_ended {
        note = if note.is_empty() { "onwards".into() } else { format!("onwards; {note}") };
    }
    Ok((date, (!note.is_empty()).then_some(note)))
}

/// Imports a figures table into `batch`.
pub fn import(file: &str, text: &str, batch: &mut Batch, report: &mut ImportReport) -> Result<(), ImportError> {
    let records = read_table(file, text, COLUMNS, OPTIONAL)?;
    let mut ids = std::collections::HashMap::new();
    for record in &records {
        let figure = record.required("figure")?;
        let raw_id = match record.get("id") {
            "" => stable_digest(&[figure])[..12].to_string(),
            given => given.to_string(),
        };
        let id = figure_id(&raw_id).map_err(|e| record.error("id", e))?;
        if let Some(first) = ids.insert(id.clone(), record.place.line) {
            return Err(record.error("id", format!("{raw_id} already used on line {first}")));
        }
        let value = record.required("value")?;
        let claimed_by = record.required("claimed_by")?;
        let (date, note) = as_of(record)?;
        let conflicting = figure.starts_with(CONFLICTING);
        let name = figure.trim_start_matches(CONFLICTING).trim();
        batch.add_entity(&id, Schema::Figure).map_err(|e| record.error("figure", e))?;
        let sources = RowSources::read(record, "source_urls", batch)?;
        sources.state(batch, record, "figure", &id, "name", name)?;
        sources.state(batch, record, "value", &id, "value", value)?;
        let located = locate(record, "as_of", None);
        sources.claim_each(batch, record, "as_of", |s| {
            Claim::new(&id, "asOf", date.to_string(), s).locator(located.clone()).valid_from(Some(date))
        })?;
        if let Some(note) = &note {
            sources.state(batch, record, "as_of", &id, "asOfNote", note)?;
        }
        sources.state(batch, record, "claimed_by", &id, "claimedBy", claimed_by)?;
        let contradicts = record.list("contradicts");
        for other in &contradicts {
            let target = figure_id(other).map_err(|e| record.error("contradicts", e))?;
            if target == id {
                return Err(record.error("contradicts", "a figure cannot contradict itself"));
            }
            sources.state(batch, record, "contradicts", &id, "contradicts", target.as_str())?;
            report.references.push(Reference {
                target,
                schema: Some(Schema::Figure),
                place: record.place.clone(),
                field: "contradicts",
                added_here: false,
            });
        }
        if conflicting && contradicts.is_empty() && !value.contains(" vs ") {
            report.warnings.push(format!(
                "{}:{}: figure {raw_id} is marked CONFLICTING but names no figure it contradicts",
                record.place.file, record.place.line
            ));
        }
        report.rows += 1;
    }
    Ok(())
}
