//! `responses.csv`: government and institutional actions, linked to their country and stations.

use lookout_core::ids::stable_digest;
use lookout_core::{Batch, Claim, EntityId, PartialDate, Schema};

use crate::context::{locate, ImportContext, RowSources};
use crate::stations::station_id;
use crate::table::read_table;
use crate::{ImportError, ImportReport, Reference};

/// Required columns of `responses.csv`.
pub const COLUMNS: &[&str] = &["date", "country_iso2", "actor", "action", "summary", "source_urls"];
/// Optional columns: the stations (dataset ids, ` | `-separated) a response concerns.
pub const OPTIONAL: &[&str] = &["station_ids"];

/// Imports a responses table into `batch`.
pub fn import(
    file: &str,
    text: &str,
    ctx: &ImportContext,
    batch: &mut Batch,
    report: &mut ImportReport,
) -> Result<(), ImportError> {
    for record in read_table(file, text, COLUMNS, OPTIONAL)? {
        let date: PartialDate = record.required("date")?.parse().map_err(|e| record.error("date", e))?;
        let country = ctx.country(&record, "country_iso2")?;
        let actor = record.required("actor")?;
        let action = record.required("action")?;
        let summary = record.required("summary")?;
        let digest = stable_digest(&[&date.to_string(), &country, actor, action, summary]);
        let id = EntityId::new(format!("response-{}", &digest[..16])).map_err(|e| record.error("date", e))?;
        batch.add_entity(&id, Schema::Response).map_err(|e| record.error("date", e))?;
        let sources = RowSources::read(&record, "source_urls", batch)?;
        let located = locate(&record, "date", None);
        sources.claim_each(batch, &record, "date", |s| {
            Claim::new(&id, "date", date.to_string(), s).locator(located.clone()).valid_from(Some(date))
        })?;
        sources.state(batch, &record, "country_iso2", &id, "country", &country)?;
        sources.state(batch, &record, "actor", &id, "actor", actor)?;
        for action in action.split(';').map(str::trim).filter(|a| !a.is_empty()) {
            if !action.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                return Err(record.error("action", format!("{action:?} is not a snake_case action name")));
            }
            sources.state(batch, &record, "action", &id, "action", action)?;
        }
        sources.state(batch, &record, "summary", &id, "summary", summary)?;
        for station in record.list("station_ids") {
            let target = station_id(station).map_err(|e| record.error("station_ids", e))?;
            sources.state(batch, &record, "station_ids", &id, "station", target.as_str())?;
            report.references.push(Reference {
                target,
                schema: Some(Schema::Station),
                place: record.place.clone(),
                field: "station_ids",
                added_here: false,
            });
        }
        report.rows += 1;
    }
    Ok(())
}
