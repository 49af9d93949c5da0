//! `hosts.csv`: the organisations a source names as hosting or running a station — each an
//! `Organization` with its names, and a `Hosting` link from it to the station, cited to the
//! sources that name it with their words. Only organisations: a private person is never a host
//! in the public record.

use lookout_core::ids::{hosting_id, organization_id};
use lookout_core::{Batch, Claim, Locator, Schema};

use crate::context::{locate, RowSources};
use crate::stations::station_id;
use crate::table::read_table;
use crate::{ImportError, ImportReport, Reference};

/// The columns of `hosts.csv`.
pub const COLUMNS: &[&str] = &["station_id", "host_name", "source_urls"];
/// Columns it may have.
pub const OPTIONAL: &[&str] = &["host_name_zh", "host_kind", "quote", "notes"];

/// Imports a hosts table into `batch`.
pub fn import(file: &str, text: &str, batch: &mut Batch, report: &mut ImportReport) -> Result<(), ImportError> {
    for record in read_table(file, text, COLUMNS, OPTIONAL)? {
        let station = station_id(record.required("station_id")?).map_err(|e| record.error("station_id", e))?;
        let name = record.required("host_name")?;
        let host = organization_id(name).map_err(|e| record.error("host_name", e))?;
        let link = hosting_id(&station, &host).map_err(|e| record.error("host_name", e))?;
        let sources = RowSources::read(&record, "source_urls", batch)?;
        batch.add_entity(&host, Schema::Organization).map_err(|e| record.error("host_name", e))?;
        batch.add_entity(&link, Schema::Hosting).map_err(|e| record.error("host_name", e))?;
        sources.state(batch, &record, "host_name", &host, "name", name)?;
        let zh = record.get("host_name_zh");
        if !zh.is_empty() {
            let located = locate(&record, "host_name_zh", None);
            sources.claim_each(batch, &record, "host_name_zh", |s| {
                Claim::new(&host, "name", zh, s).lang("zh").locator(located.clone())
            })?;
        }
        let kind = record.get("host_kind");
        if !kind.is_empty() {
            sources.state(batch, &record, "host_kind", &host, "legalForm", kind)?;
        }
        let quote = record.get("quote");
        let said = Locator {
            quote: Some(if quote.is_empty() { name.to_string() } else { quote.to_string() }),
            page: Some(format!("{} line {}", record.place.file, record.place.line)),
            span: None,
        };
        for (prop, value) in [("station", station.as_str()), ("host", host.as_str())] {
            sources
                .claim_each(batch, &record, "host_name", |s| Claim::new(&link, prop, value, s).locator(said.clone()))?;
        }
        report.references.push(Reference {
            target: station,
            schema: Some(Schema::Station),
            place: record.place.clone(),
            field: "station_id",
            added_here: false,
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
ST900,New York,US,United States,Fuzhou PSB,110 Overseas,2022-09-12,reported,2022-09-12,,https://news.example/a
";
    const HOSTS: &str = "station_id,host_name,host_name_zh,host_kind,source_urls,quote,notes
ST900,America ChangLe Association NY Inc.,美国长乐公会,association,https://news.example/b | https://house.example/letter,\"the station is hosted at the association\",
";

    #[test]
    fn a_host_is_an_organisation_linked_to_its_station_and_cited() {
        let (batch, report) = import(&[("hosts.csv", HOSTS), ("stations.csv", STATIONS)]).unwrap();
        report.check_references(&batch, |_| None).unwrap();
        let host = "organization-america-changle-association-ny-inc";
        let link = "hosting-ST900-america-changle-association-ny-inc";
        assert_eq!(batch.schema_of(&lookout_core::EntityId::new(host).unwrap()), Some(Schema::Organization));
        let of = |entity: &str, prop: &str| -> Vec<(String, String)> {
            batch
                .statements
                .iter()
                .filter(|s| s.entity_id.as_str() == entity && s.prop == prop)
                .map(|s| (s.value.clone(), batch.source(&s.source_id).unwrap().url.clone()))
                .collect()
        };
        assert_eq!(of(link, "station").len(), 2, "each source of the row says it");
        assert!(of(link, "host").iter().all(|(v, _)| v == host));
        let names: Vec<String> = of(host, "name").into_iter().map(|(v, _)| v).collect();
        assert!(
            names.contains(&"美国长乐公会".to_string())
                && names.contains(&"America ChangLe Association NY Inc.".into())
        );
        assert_eq!(of(host, "legalForm")[0].0, "association");
        let said = batch.statements.iter().find(|s| s.entity_id.as_str() == link && s.prop == "host").unwrap();
        assert_eq!(said.locator.quote.as_deref(), Some("the station is hosted at the association"));
    }

    #[test]
    fn a_host_of_no_station_or_without_a_source_is_refused() {
        let lone = "station_id,host_name,source_urls\nST999,Some Association,https://news.example/b\n";
        let (batch, report) = import(&[("hosts.csv", lone)]).unwrap();
        let error = report.check_references(&batch, |_| None).unwrap_err().to_string();
        assert!(error.contains("hosts.csv:2") && error.contains("station-ST999"), "{error}");
        let unsourced = "station_id,host_name,source_urls\nST900,Some Association,\n";
        let error = import(&[("stations.csv", STATIONS), ("hosts.csv", unsourced)]).unwrap_err().to_string();
        assert!(error.contains("hosts.csv:2: field `source_urls`"), "{error}");
    }
}
