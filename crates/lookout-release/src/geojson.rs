//! GeoJSON (RFC 7946): stations as points at their gazetteer city, with their public properties.
//! A station known only at country level is kept, with a `null` geometry, never dropped.

use std::collections::HashMap;
use std::io::Write;

use lookout_core::timeline::status_timeline;
use lookout_core::{EntityView, Schema};
use lookout_store::{EntityFilter, Store};
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

/// Writes a FeatureCollection of all public stations; returns the number of features.
pub async fn export_geojson<S: Store>(store: &S, mut out: impl Write) -> Result<u64, ExportError> {
    let sources = crate::walk::sources_by_id(store).await?;
    let places: HashMap<String, EntityView> =
        views(store, Schema::Place).await?.into_iter().map(|(v, _)| (v.entity.id.to_string(), v)).collect();
    let bureaus: HashMap<String, EntityView> =
        views(store, Schema::PublicBody).await?.into_iter().map(|(v, _)| (v.entity.id.to_string(), v)).collect();
    let mut operators: HashMap<String, Vec<String>> = HashMap::new();
    for (op, _) in views(store, Schema::Operation).await? {
        if let (Some(station), Some(operator)) = (op.first("station"), op.first("operator")) {
            let name = bureaus.get(operator).and_then(|b| b.first("name")).unwrap_or(operator);
            operators.entry(station.to_string()).or_default().push(name.to_string());
        }
    }
    // The organisations cited as hosting each station.
    let organisations: HashMap<String, EntityView> =
        views(store, Schema::Organization).await?.into_iter().map(|(v, _)| (v.entity.id.to_string(), v)).collect();
    let mut hosts: HashMap<String, Vec<String>> = HashMap::new();
    for (link, _) in views(store, Schema::Hosting).await? {
        if let (Some(station), Some(host)) = (link.first("station"), link.first("host")) {
            if let Some(name) = organisations.get(host).and_then(|o| o.first("name")) {
                hosts.entry(station.to_string()).or_default().push(name.to_string());
            }
        }
    }
    let mut features = Vec::new();
    for (station, statements) in views(store, Schema::Station).await? {
        let id = station.entity.id.to_string();
        let place = station.first("place").and_then(|p| places.get(p));
        let coordinates = place.and_then(|p| {
            let lat: f64 = p.first("latitude")?.parse().ok()?;
            let lon: f64 = p.first("longitude")?.parse().ok()?;
            Some([lon, lat])
        });
        let timeline = status_timeline(&statements);
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
        features.push(json!({
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
        }));
    }
    let n = features.len() as u64;
    serde_json::to_writer(&mut out, &json!({"type": "FeatureCollection", "features": features}))?;
    writeln!(out)?;
    out.flush()?;
    Ok(n)
}
