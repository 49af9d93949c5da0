//! GeoJSON (RFC 7946): stations as points at their gazetteer city, with their public properties.
//! A station known only at country level is kept, with a `null` geometry, never dropped.
//! Only the bureaus, organisations and places the stations refer to are read, and features are
//! written as they are made, so memory follows the stations, not the whole record.

use std::collections::HashMap;
use std::io::Write;

use lookout_core::timeline::status_timeline;
use lookout_core::{EntityId, EntityView, Schema};
use lookout_store::{public_records, EntityFilter, Store};
use serde_json::{json, Value};

use crate::ExportError;

async fn views<S: Store>(
    store: &S,
    schema: Schema,
) -> Result<Vec<(EntityView, Vec<lookout_core::Statement>)>, ExportError> {
    let filter = EntityFilter { schema: Some(schema), ..Default::default() };
    Ok(store
        .list_entities(&filter)
        .await?
        .into_iter()
        .map(|r| (EntityView::fold(r.entity, &r.statements), r.statements))
        .collect())
}

/// The public entities with these ids (of any schema), by id.
async fn public_by_id<S: Store>(store: &S, ids: Vec<EntityId>) -> Result<HashMap<String, EntityView>, ExportError> {
    let records = store.entities(&ids).await?;
    Ok(public_records(store, records)
        .await?
        .into_iter()
        .map(|r| (r.entity.id.to_string(), EntityView::fold(r.entity, &r.statements)))
        .collect())
}

/// The entity ids that `prop` of `links` names.
fn linked(links: &[(EntityView, Vec<lookout_core::Statement>)], prop: &str) -> Vec<EntityId> {
    links.iter().filter_map(|(l, _)| EntityId::new(l.first(prop)?).ok()).collect()
}

/// Writes a FeatureCollection of all public stations; returns the number of features.
pub async fn export_geojson<S: Store>(store: &S, mut out: impl Write) -> Result<u64, ExportError> {
    let sources = crate::walk::sources_by_id(store).await?;
    let operations = views(store, Schema::Operation).await?;
    let bureaus = public_by_id(store, linked(&operations, "operator")).await?;
    let mut operators: HashMap<String, Vec<String>> = HashMap::new();
    for (op, _) in &operations {
        if let (Some(station), Some(operator)) = (op.first("station"), op.first("operator")) {
            let name = bureaus.get(operator).and_then(|b| b.first("name")).unwrap_or(operator);
            operators.entry(station.to_string()).or_default().push(name.to_string());
        }
    }
    // The organisations cited as hosting each station.
    let hostings = views(store, Schema::Hosting).await?;
    let organisations = public_by_id(store, linked(&hostings, "host")).await?;
    let mut hosts: HashMap<String, Vec<String>> = HashMap::new();
    for (link, _) in &hostings {
        if let (Some(station), Some(host)) = (link.first("station"), link.first("host")) {
            if let Some(name) = organisations.get(host).and_then(|o| o.first("name")) {
                hosts.entry(station.to_string()).or_default().push(name.to_string());
            }
        }
    }
    let stations = views(store, Schema::Station).await?;
    let places = public_by_id(store, linked(&stations, "place")).await?;
    // serde_json writes an object's keys in order: "features", then "type".
    out.write_all(b"{\"features\":[")?;
    let mut n = 0u64;
    for (station, statements) in &stations {
        let id = station.entity.id.to_string();
        let place = station.first("place").and_then(|p| places.get(p));
        let coordinates = place.and_then(|p| {
            let lat: f64 = p.first("latitude")?.parse().ok()?;
            let lon: f64 = p.first("longitude")?.parse().ok()?;
            Some([lon, lat])
        });
        let timeline = status_timeline(statements);
        let latest = timeline.last();
        let mut urls: Vec<&str> = statements
            .iter()
            .filter(|s| s.prop != "place")
            .filter_map(|s| sources.get(&s.source_id).map(|x| x.url.as_str()))
            .collect();
        urls.sort();
        urls.dedup();
        let geometry = match coordinates {
            Some(c) => json!({"type": "Point", "coordinates": c}),
            None => Value::Null,
        };
        if n > 0 {
            out.write_all(b",")?;
        }
        n += 1;
        serde_json::to_writer(
            &mut out,
            &json!({
                "type": "Feature",
                "id": id,
                "geometry": geometry,
                "properties": {
                    "id": id,
                    "city": station.first("city"),
                    "country": station.first("country"),
                    "operators": operators.get(&id).cloned().unwrap_or_default(),
                    "hosts": hosts.get(&id).cloned().unwrap_or_default(),
                    "status": latest.map(|s| s.status.as_str()),
                    "status_date": latest.and_then(|s| s.date.or(s.by)).map(|d| d.to_string()),
                    "reported_date": station.first("reportedDate"),
                    "first_reported_in": station.values("firstReportedIn"),
                    "place": place.and_then(|p| p.first("name")),
                    "geonames_id": place.and_then(|p| p.first("geonamesId")),
                    "location_precision": match (coordinates.is_some(), station.first("country").is_some()) {
                        (true, _) => "city",
                        (false, true) => "country",
                        (false, false) => "none",
                    },
                    "unlocated_reason": station.first("unlocatedReason"),
                    "sources": urls,
                }
            }),
        )?;
    }
    out.write_all(b"],\"type\":\"FeatureCollection\"}\n")?;
    out.flush()?;
    Ok(n)
}
