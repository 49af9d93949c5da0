//! `status_events.csv`: a station's story one step a row — the step, the date its own sources give
//! it (as precise as they are), who claims it, the sources that report that step and the words
//! they use. A station with rows here is told by them alone: the status chain of its
//! `stations.csv` row (one date and one list of sources for every step) is not imported for it.
//! A step without a date says why in `notes` ("undated in source").

use std::collections::HashSet;

use lookout_core::{Batch, Claim, EntityId, Locator, PartialDate, Schema, StationStatus};

use crate::context::RowSources;
use crate::stations::station_id;
use crate::table::{read_table, Record};
use crate::{ImportError, ImportReport, Reference};

/// The columns of `status_events.csv`.
pub const COLUMNS: &[&str] = &["station_id", "date", "status", "claimant", "source_urls"];
/// Columns it may have.
pub const OPTIONAL: &[&str] = &["quote", "notes"];

/// The stations a status events table tells the story of (rows that name no valid station are
/// left to [`import`] to refuse).
pub fn stations_told(file: &str, text: &str) -> HashSet<EntityId> {
    read_table(file, text, COLUMNS, OPTIONAL)
        .map(|records| records.iter().filter_map(|r| station_id(r.get("station_id")).ok()).collect())
        .unwrap_or_default()
}

fn step_date(record: &Record) -> Result<Option<PartialDate>, ImportError> {
    match record.get("date") {
        "" if record.get("notes").to_lowercase().contains("undated") => Ok(None),
        "" => Err(record.error("date", "a step without a date says why in notes (\"undated in source\")")),
        date => date.parse().map(Some).map_err(|e| record.error("date", e)),
    }
}

/// Imports a status events table into `batch`: one `status` statement per row and source, dated
/// from the row, claimed by the row's claimant, quoting the row's quote.
pub fn import(file: &str, text: &str, batch: &mut Batch, report: &mut ImportReport) -> Result<(), ImportError> {
    for record in read_table(file, text, COLUMNS, OPTIONAL)? {
        let station = station_id(record.required("station_id")?).map_err(|e| record.error("station_id", e))?;
        let status: StationStatus = record.required("status")?.parse().map_err(|e| record.error("status", e))?;
        let date = step_date(&record)?;
        let claimant = record.required("claimant")?.to_string();
        let quote = record.get("quote");
        let locator = Locator {
            quote: (!quote.is_empty()).then(|| quote.to_string()),
            page: Some(format!("{} line {}", record.place.file, record.place.line)),
            span: None,
        };
        // A station of this import, or of the store (then added here to state its steps).
        let added_here = batch.schema_of(&station).is_none();
        if added_here {
            batch.add_entity(&station, Schema::Station).map_err(|e| record.error("station_id", e))?;
        }
        let sources = RowSources::read(&record, "source_urls", batch)?;
        sources.claim_each(batch, &record, "status", |s| {
            Claim::new(&station, "status", status.as_str(), s)
                .locator(locator.clone())
                .valid_from(date)
                .claimant(Some(claimant.clone()))
        })?;
        report.references.push(Reference {
            target: station,
            schema: Some(Schema::Station),
            place: record.place.clone(),
            field: "station_id",
            added_here,
        });
        report.rows += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import_texts as import;

    const STATIONS: &str = "id,city,country_iso2,country,operating_bureau,first_reported_in,reported_date,status,status_date,address,source_urls
ST900,Markham,CA,Canada,Fuzhou PSB,110 Overseas,2022-09-12,under_investigation; reported_closed (per Minister),2023,,https://news.example/a | https://news.example/b
ST901,Rotterdam,NL,Netherlands,Fuzhou PSB,110 Overseas,2022-09-12,closure_ordered,2022-11-01,,https://news.example/c
";

    const EVENTS: &str = "station_id,date,status,claimant,source_urls,quote,notes
ST900,2022-10-26,under_investigation,RCMP,https://rcmp.example/release,\"The RCMP is investigating\",
ST900,2023-04-27,reported_closed,Public Safety Minister,https://news.example/b,\"the stations have been closed\",
ST900,,denied,Chinese embassy,https://news.example/d,,undated in source
";

    fn steps<'b>(batch: &'b Batch, station: &str) -> Vec<&'b lookout_core::Statement> {
        batch.statements.iter().filter(|s| s.entity_id.as_str() == station && s.prop == "status").collect()
    }

    #[test]
    fn each_step_has_its_own_date_sources_claimant_and_quote() {
        let (batch, report) = import(&[("status_events.csv", EVENTS), ("stations.csv", STATIONS)]).unwrap();
        report.check_references(&batch, |_| None).unwrap();
        let told = steps(&batch, "station-ST900");
        assert_eq!(told.len(), 3, "the events alone, not the row's chain: {told:#?}");
        let source_of = |s: &lookout_core::Statement| {
            batch.sources.iter().find(|x| x.id == s.source_id).map(|x| x.url.clone()).unwrap()
        };
        let first = told.iter().find(|s| s.value == "under_investigation").unwrap();
        assert_eq!(first.valid_from.map(|d| d.to_string()).as_deref(), Some("2022-10-26"));
        assert_eq!(source_of(first), "https://rcmp.example/release");
        assert_eq!(first.claimant.as_deref(), Some("RCMP"));
        assert_eq!(first.locator.quote.as_deref(), Some("The RCMP is investigating"));
        assert_eq!(first.locator.page.as_deref(), Some("status_events.csv line 2"));
        let closed = told.iter().find(|s| s.value == "reported_closed").unwrap();
        assert_eq!(source_of(closed), "https://news.example/b", "only the source that reports that step");
        let denied = told.iter().find(|s| s.value == "denied").unwrap();
        assert_eq!(denied.valid_from, None);
        // A station without events keeps its row's chain.
        assert_eq!(steps(&batch, "station-ST901").len(), 1);
        let timeline = lookout_core::timeline::status_timeline(
            &batch.statements.iter().filter(|s| s.entity_id.as_str() == "station-ST900").cloned().collect::<Vec<_>>(),
        );
        let undated = timeline.iter().find(|t| t.status == StationStatus::Denied).unwrap();
        assert_eq!(undated.when(), None, "an undated step borrows no other step's date");
    }

    #[test]
    fn a_bad_row_is_named_and_a_station_must_exist() {
        let cases = [
            ("ST900,,closed,RCMP,https://x.example/1,,", "e.csv:2", "date"),
            ("ST900,2022-02-30,closed,RCMP,https://x.example/1,,", "e.csv:2", "date"),
            ("ST900,2022,vanished,RCMP,https://x.example/1,,", "e.csv:2", "status"),
            ("ST900,2022,closed,,https://x.example/1,,", "e.csv:2", "claimant"),
            ("ST900,2022,closed,RCMP,,,", "e.csv:2", "source_urls"),
        ];
        for (row, line, field) in cases {
            let events = format!("station_id,date,status,claimant,source_urls,quote,notes\n{row}\n");
            let error = import(&[("stations.csv", STATIONS), ("e.csv", &events)]).unwrap_err().to_string();
            assert!(error.contains(line) && error.contains(field), "{row}: {error}");
        }
        let elsewhere = "station_id,date,status,claimant,source_urls\nST999,2022,closed,RCMP,https://x.example/1\n";
        let (batch, report) = import(&[("e.csv", elsewhere)]).unwrap();
        let error = report.check_references(&batch, |_| None).unwrap_err().to_string();
        assert!(error.contains("station-ST999") && error.contains("station_id"), "{error}");
        report.check_references(&batch, |_| Some(Schema::Station)).expect("a station of the store");
    }
}
