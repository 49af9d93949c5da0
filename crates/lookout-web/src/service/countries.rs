//! Countries: the stations and responses of one country, and the counts the map shows.

use std::collections::{BTreeMap, HashMap};

use lookout_core::{EntityView, Schema};
use lookout_geo::MapDot;

use crate::i18n::Localized;
use lookout_store::{EntityFilter, Store};

use crate::error::WebError;
use crate::service::responses::{response_views, ResponseView};
use crate::service::stations::{list_stations, StationQuery, StationRow};

/// A country's page.
#[derive(Debug, Clone)]
pub struct CountryPage {
    /// English name.
    pub name: String,
    /// Chinese name (simplified).
    pub name_zh: Option<String>,
    /// Reported stations.
    pub stations: Vec<StationRow>,
    /// Responses, oldest first (a timeline).
    pub responses: Vec<ResponseView>,
}

/// Loads a country's page; an unknown code is not found.
pub async fn country_page<S: Store>(store: &S, countries: &Localized<'_>, code: &str) -> Result<CountryPage, WebError> {
    let country = countries
        .get(code)
        .filter(|_| code.len() == 2)
        .ok_or_else(|| WebError::NotFound(format!("country {code:?}")))?;
    let query = StationQuery { country: Some(country.iso2.clone()), ..Default::default() };
    let stations = list_stations(store, countries, &query).await?.rows;
    let filter =
        EntityFilter { schema: Some(Schema::Response), country: Some(country.iso2.clone()), ..Default::default() };
    let records = store.list_entities(&filter).await?;
    let mut responses = response_views(store, countries, &records).await?;
    responses.reverse();
    Ok(CountryPage { name: countries.name(&country.iso2), name_zh: country.zh_hans.clone(), stations, responses })
}

/// One country's line in the map's text alternative.
#[derive(Debug, Clone)]
pub struct CountryCount {
    /// ISO code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Stations.
    pub count: usize,
    /// Its stations: (URL key, city).
    pub stations: Vec<(String, String)>,
}

/// What the map shows: stations per country (most first), and dots for the places.
#[derive(Debug, Clone)]
pub struct MapData {
    /// Per country.
    pub countries: Vec<CountryCount>,
    /// One dot per place with stations.
    pub dots: Vec<MapDot>,
    /// Every station, counted in a country or not.
    pub stations: usize,
}

/// Counts stations per country and places them at their gazetteer cities.
pub async fn map_data<S: Store>(store: &S, countries: &Localized<'_>) -> Result<MapData, WebError> {
    let rows = list_stations(store, countries, &StationQuery::default()).await?.rows;
    let stations = store.list_entities(&EntityFilter { schema: Some(Schema::Station), ..Default::default() }).await?;
    let places = store.list_entities(&EntityFilter { schema: Some(Schema::Place), ..Default::default() }).await?;
    let coordinates: HashMap<String, (f64, f64, String)> = places
        .into_iter()
        .filter_map(|p| {
            let v = EntityView::fold(p.entity, &p.statements);
            let lat = v.first("latitude")?.parse().ok()?;
            let lon = v.first("longitude")?.parse().ok()?;
            Some((v.entity.id.to_string(), (lon, lat, v.first("name").unwrap_or("").to_string())))
        })
        .collect();
    let place_of: HashMap<String, String> = stations
        .into_iter()
        .filter_map(|s| {
            let v = EntityView::fold(s.entity, &s.statements);
            Some((lookout_core::ids::station_key(&v.entity.id).to_string(), v.first("place")?.to_string()))
        })
        .collect();
    let mut per_country: BTreeMap<String, CountryCount> = BTreeMap::new();
    let mut per_place: BTreeMap<String, Vec<&StationRow>> = BTreeMap::new();
    // A station no source places even in a country is counted in no country.
    for r in rows.iter().filter(|r| !r.country.is_empty()) {
        let c = per_country.entry(r.country.clone()).or_insert_with(|| CountryCount {
            code: r.country.clone(),
            name: r.country_name.clone(),
            count: 0,
            stations: Vec::new(),
        });
        c.count += 1;
        c.stations.push((r.key.clone(), r.place_name.clone()));
        if let Some(place) = place_of.get(&r.key) {
            per_place.entry(place.clone()).or_default().push(r);
        }
    }
    let dots = per_place
        .iter()
        .filter_map(|(place, rows)| {
            let (lon, lat, name) = coordinates.get(place)?;
            let (href, label) = match rows.as_slice() {
                [one] => (format!("/stations/{}", one.key), format!("{name}: station {}", one.key)),
                many => (format!("/countries/{}", many[0].country), format!("{name}: {} stations", many.len())),
            };
            Some(MapDot { lon: *lon, lat: *lat, href, label })
        })
        .collect();
    let mut countries: Vec<CountryCount> = per_country.into_values().collect();
    countries.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    Ok(MapData { countries, dots, stations: rows.len() })
}
