//! `stations.csv`: one reported station per row.

use lookout_core::ids::{operation_id, slug};
use lookout_core::{Batch, Claim, Credibility, EntityId, Grade, PartialDate, Reliability, Schema};
use lookout_geo::{City, Geocode};

use crate::context::{geonames_source, locate, ImportContext, RowSources};
use crate::notes::{claimant, parse_bureau, parse_status, StatusStep};
use crate::table::{read_table, Record};
use crate::{ImportError, ImportReport};

/// The columns of `stations.csv`.
pub const COLUMNS: &[&str] = &[
    "id",
    "city",
    "country_iso2",
    "country",
    "operating_bureau",
    "first_reported_in",
    "reported_date",
    "status",
    "status_date",
    "address",
    "source_urls",
];
/// Columns it may have: why a station no source locates is not located (its `city` is then
/// empty, and its `country_iso2` may be).
pub const OPTIONAL: &[&str] = &["why_unlocated"];

/// The entity id of the station with dataset id `id` (`ST001` → `station-ST001`).
pub fn station_id(id: &str) -> Result<EntityId, lookout_core::ModelError> {
    EntityId::new(format!("station-{id}"))
}

/// The entity id of the public security bureau of `place` ("Fuzhou" → `publicbody-fuzhou-psb`).
pub fn bureau_id(place: &str) -> Result<EntityId, lookout_core::ModelError> {
    EntityId::new(format!("publicbody-{}-psb", slug(place)))
}

/// The entity id of a gazetteer city.
pub fn place_id(city: &City) -> EntityId {
    EntityId::of_place(city.geonameid)
}

fn date(record: &Record, column: &str) -> Result<PartialDate, ImportError> {
    record.required(column)?.parse().map_err(|e| record.error(column, e))
}

/// Imports a stations table into `batch`.
pub fn import(
    file: &str,
    text: &str,
    ctx: &ImportContext,
    batch: &mut Batch,
    report: &mut ImportReport,
) -> Result<(), ImportError> {
    let records = read_table(file, text, COLUMNS, OPTIONAL)?;
    let mut seen = std::collections::HashMap::new();
    for record in &records {
        let raw_id = record.required("id")?;
        let id = station_id(raw_id).map_err(|e| record.error("id", e))?;
        if let Some(first) = seen.insert(id.clone(), record.place.line) {
            return Err(record.error("id", format!("{raw_id} already used on line {first}")));
        }
        import_row(record, &id, ctx, batch, report)?;
        report.rows += 1;
    }
    Ok(())
}

fn import_row(
    record: &Record,
    id: &EntityId,
    ctx: &ImportContext,
    batch: &mut Batch,
    report: &mut ImportReport,
) -> Result<(), ImportError> {
    let city = record.get("city");
    let unlocated = record.get("why_unlocated");
    match (city.is_empty(), unlocated.is_empty()) {
        (true, true) => {
            return Err(record
                .error("city", "required value is missing (a station no source locates says why in why_unlocated)"))
        }
        (false, false) => return Err(record.error("why_unlocated", "a station with a city is located: leave it empty")),
        _ => {}
    }
    let country = match record.get("country_iso2") {
        "" if city.is_empty() => None,
        _ => Some(ctx.country(record, "country_iso2")?),
    };
    let first_reported_in = record.required("first_reported_in")?;
    let reported_date = date(record, "reported_date")?;
    let status_date = date(record, "status_date")?;
    let steps = parse_status(record.required("status")?).map_err(|e| record.error("status", e))?;
    batch.add_entity(id, Schema::Station).map_err(|e| record.error("id", e))?;
    let sources = RowSources::read(record, "source_urls", batch)?;

    if city.is_empty() {
        sources.state(batch, record, "why_unlocated", id, "unlocatedReason", unlocated)?;
    } else {
        sources.state(batch, record, "city", id, "city", city)?;
    }
    if let Some(country) = &country {
        sources.state(batch, record, "country_iso2", id, "country", country)?;
    }
    sources.state(batch, record, "first_reported_in", id, "firstReportedIn", first_reported_in)?;
    let located = locate(record, "reported_date", None);
    sources.claim_each(batch, record, "reported_date", |s| {
        Claim::new(id, "reportedDate", reported_date.to_string(), s)
            .locator(located.clone())
            .valid_from(Some(reported_date))
    })?;
    let address = record.get("address");
    if !address.is_empty() {
        sources.state(batch, record, "address", id, "address", address)?;
    }
    if !ctx.told_by_events.contains(id) {
        import_status(record, id, &steps, status_date, &sources, batch)?;
    }
    import_bureau(record, id, &sources, ctx, batch)?;
    match &country {
        Some(country) if !city.is_empty() => geocode(record, id, city, country, ctx, batch, report),
        _ => Ok(()),
    }
}

fn import_status(
    record: &Record,
    id: &EntityId,
    steps: &[StatusStep],
    status_date: PartialDate,
    sources: &RowSources,
    batch: &mut Batch,
) -> Result<(), ImportError> {
    let last_state = steps.iter().rposition(|s| matches!(s, StatusStep::State { .. }));
    for (i, step) in steps.iter().enumerate() {
        match step {
            StatusStep::State { state, note, span } => {
                let locator = locate(record, "status", Some(*span));
                let dated = (Some(i) == last_state).then_some(status_date);
                let who = note.as_deref().and_then(claimant);
                sources.claim_each(batch, record, "status", |s| {
                    Claim::new(id, "status", state.as_str(), s)
                        .locator(locator.clone())
                        .valid_from(dated)
                        .claimant(who.clone())
                })?;
            }
            StatusStep::Prose { text, span } => {
                let locator = locate(record, "status", Some(*span));
                sources.claim_each(batch, record, "status", |s| {
                    Claim::new(id, "statusNote", text.as_str(), s).locator(locator.clone()).claimant(claimant(text))
                })?;
            }
        }
    }
    Ok(())
}

fn import_bureau(
    record: &Record,
    station: &EntityId,
    sources: &RowSources,
    ctx: &ImportContext,
    batch: &mut Batch,
) -> Result<(), ImportError> {
    let cell = record.get("operating_bureau");
    if cell.is_empty() {
        return Ok(());
    }
    let Some((place, note)) = parse_bureau(cell) else {
        return sources.state(batch, record, "operating_bureau", station, "operatorNote", cell);
    };
    let bureau = bureau_id(&place).map_err(|e| record.error("operating_bureau", e))?;
    batch.add_entity(&bureau, Schema::PublicBody).map_err(|e| record.error("operating_bureau", e))?;
    sources.state(batch, record, "operating_bureau", &bureau, "name", &format!("{place} Public Security Bureau"))?;
    sources.state(batch, record, "operating_bureau", &bureau, "alias", &format!("{place} PSB"))?;
    sources.state(batch, record, "operating_bureau", &bureau, "country", "CN")?;
    let operation = operation_id(station, &bureau).map_err(|e| record.error("operating_bureau", e))?;
    batch.add_entity(&operation, Schema::Operation).map_err(|e| record.error("operating_bureau", e))?;
    let who = note.as_deref().and_then(claimant);
    let locator = locate(record, "operating_bureau", None);
    for (prop, value) in [("station", station.as_str()), ("operator", bureau.as_str())] {
        sources.claim_each(batch, record, "operating_bureau", |s| {
            Claim::new(&operation, prop, value, s).locator(locator.clone()).claimant(who.clone())
        })?;
    }
    if let Some(note) = &note {
        sources.state(batch, record, "operating_bureau", &operation, "notes", note)?;
    }
    // The bureau's home city, from the gazetteer: gives its Chinese name.
    let candidates = ctx.gazetteer.cities_named(&place, "CN");
    if let Some(city) = candidates.first() {
        let geonames = batch.add_source(geonames_source());
        add_place(batch, city).map_err(|e| record.error("operating_bureau", e))?;
        let how = if candidates.len() > 1 {
            format!("most populous of {} Chinese cities named {place}", candidates.len())
        } else {
            format!("the only Chinese city named {place}")
        };
        let claim = Claim::new(&bureau, "jurisdiction", place_id(city).as_str(), &geonames)
            .locator(lookout_core::Locator { quote: Some(how), ..locate(record, "operating_bureau", None) })
            .grade(place_grade(candidates.len()));
        batch.add_claim(claim).map_err(|e| record.error("operating_bureau", e))?;
    }
    Ok(())
}

fn place_grade(candidates: usize) -> Grade {
    let credibility = if candidates == 1 { Credibility::Probable } else { Credibility::Possible };
    Grade { reliability: Reliability::B, credibility }
}

/// Adds a gazetteer city as a Place entity with its names and coordinates, cited to GeoNames.
pub fn add_place(batch: &mut Batch, city: &City) -> Result<EntityId, lookout_core::ModelError> {
    let id = place_id(city);
    if batch.schema_of(&id).is_some() {
        return Ok(id);
    }
    batch.add_entity(&id, Schema::Place)?;
    let geonames = batch.add_source(geonames_source());
    let grade = Grade { reliability: Reliability::B, credibility: Credibility::Probable };
    let mut say = |prop: &str, value: String, lang: Option<&str>| {
        let mut claim = Claim::new(&id, prop, value, &geonames).grade(grade);
        if let Some(lang) = lang {
            claim = claim.lang(lang);
        }
        batch.add_claim(claim).map(|_| ())
    };
    say("name", city.name.clone(), Some("en"))?;
    for n in &city.zh_hans {
        say("name", n.clone(), Some("zh-Hans"))?;
    }
    for n in &city.zh_hant {
        say("name", n.clone(), Some("zh-Hant"))?;
    }
    say("country", city.country.clone(), None)?;
    say("latitude", city.latitude.to_string(), None)?;
    say("longitude", city.longitude.to_string(), None)?;
    say("geonamesId", city.geonameid.to_string(), None)?;
    if !city.admin1.is_empty() {
        say("admin1", city.admin1.clone(), None)?;
    }
    say("population", city.population.to_string(), None)?;
    Ok(id)
}

fn geocode(
    record: &Record,
    id: &EntityId,
    city: &str,
    country: &str,
    ctx: &ImportContext,
    batch: &mut Batch,
    report: &mut ImportReport,
) -> Result<(), ImportError> {
    match ctx.gazetteer.geocode(city, country) {
        Geocode::City { city: found, matched, alias_note } => {
            let place = add_place(batch, found).map_err(|e| record.error("city", e))?;
            let geonames = batch.add_source(geonames_source());
            let candidates = ctx.gazetteer.cities_named(&matched, country).len().max(1);
            let how = match &alias_note {
                Some(note) => format!("{city} → {matched}: {note}"),
                None if candidates > 1 => {
                    format!("{city} → {matched}: most populous of {candidates} cities of that name")
                }
                None => format!("{city} → {matched}"),
            };
            let mut grade = place_grade(candidates);
            if alias_note.is_some() {
                grade.credibility = Credibility::Possible;
            }
            let claim = Claim::new(id, "place", place.as_str(), &geonames)
                .locator(lookout_core::Locator { quote: Some(how), ..locate(record, "city", None) })
                .grade(grade);
            batch.add_claim(claim).map_err(|e| record.error("city", e))?;
            report.geocoded += 1;
        }
        Geocode::CountryOnly { reason } => {
            report.warnings.push(format!(
                "{}:{}: station {} ({city:?}, {country}) is placed at country level only: {reason}",
                record.place.file,
                record.place.line,
                record.get("id")
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::import_texts as import;

    const HEADER: &str = "id,city,country_iso2,country,operating_bureau,first_reported_in,reported_date,status,status_date,address,source_urls,why_unlocated\n";

    #[test]
    fn a_station_no_source_locates_says_why_and_is_not_placed() {
        let rows = "ST900,,IL,Israel,Nantong PSB,Patrol and Persuade,2022-12-05,reported_count_only,2022-12-05,,https://news.example/a,no source names the city
ST901,,,,,Patrol and Persuade,2022-12-05,reported_count_only,2022-12-05,,https://news.example/a,one of 29 Nantong stations; none names where
";
        let (batch, report) = import(&[("stations.csv", &format!("{HEADER}{rows}"))]).unwrap();
        let of = |entity: &str, prop: &str| -> Vec<String> {
            batch
                .statements
                .iter()
                .filter(|s| s.entity_id.as_str() == entity && s.prop == prop)
                .map(|s| s.value.clone())
                .collect()
        };
        assert_eq!(of("station-ST900", "unlocatedReason"), ["no source names the city"]);
        assert_eq!(of("station-ST900", "country"), ["IL"]);
        assert!(of("station-ST900", "city").is_empty() && of("station-ST900", "place").is_empty());
        assert!(of("station-ST901", "country").is_empty(), "no country when no source names one");
        assert_eq!(report.geocoded, 0);
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    }

    #[test]
    fn a_station_is_located_or_says_why_not() {
        let cases = [
            ("ST900,,IL,Israel,,P,2022-12-05,reported,2022-12-05,,https://n.example/a,", "city"),
            ("ST900,Haifa,IL,Israel,,P,2022-12-05,reported,2022-12-05,,https://n.example/a,no city", "why_unlocated"),
            ("ST900,Haifa,,,,P,2022-12-05,reported,2022-12-05,,https://n.example/a,", "country_iso2"),
            ("ST900,,XX,,,P,2022-12-05,reported,2022-12-05,,https://n.example/a,no city", "country_iso2"),
        ];
        for (row, field) in cases {
            let error = import(&[("s.csv", &format!("{HEADER}{row}\n"))]).unwrap_err().to_string();
            assert!(error.contains("s.csv:2") && error.contains(&format!("`{field}`")), "{row}: {error}");
        }
    }
}
