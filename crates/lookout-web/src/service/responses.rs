//! Government and institutional responses: listed, filtered by country and action.

use std::collections::{BTreeSet, HashMap};

use crate::i18n::Localized;
use lookout_core::{EntityId, EntityView, PartialDate, Schema, Source, SourceId};
use lookout_store::{EntityFilter, EntityRecord, Store};

use crate::error::WebError;
use lookout_core::ids::station_key;

/// A response as pages show it.
#[derive(Debug, Clone)]
pub struct ResponseView {
    /// Entity id (the page anchor).
    pub id: String,
    /// Date, where known.
    pub date: Option<PartialDate>,
    /// ISO code.
    pub country: String,
    /// Country name.
    pub country_name: String,
    /// Who acted.
    pub actor: String,
    /// What they did (action codes).
    pub actions: Vec<String>,
    /// Summary.
    pub summary: String,
    /// Stations concerned: (URL key, city in the interface's language where the record has it).
    pub stations: Vec<(String, String)>,
    /// Sources: (URL, publisher).
    pub sources: Vec<(String, String)>,
}

/// Turns response records into views, newest first.
pub(crate) async fn response_views<S: Store>(
    store: &S,
    countries: &Localized<'_>,
    records: &[EntityRecord],
) -> Result<Vec<ResponseView>, WebError> {
    let source_ids = super::source_ids_of(records.iter().flat_map(|r| &r.statements));
    let sources: HashMap<SourceId, Source> = store.sources(&source_ids).await?;
    let responses: Vec<(&EntityRecord, EntityView)> = records
        .iter()
        .filter(|r| r.entity.schema == Schema::Response)
        .map(|r| (r, EntityView::fold(r.entity.clone(), &r.statements)))
        .collect();
    // The stations concerned, read in one query, for their cities.
    let mut station_ids: Vec<EntityId> = Vec::new();
    for (_, v) in &responses {
        for station in v.values("station") {
            station_ids.push(super::station_id(station)?);
        }
    }
    let station_records = store.entities(&station_ids).await?;
    // In Chinese, a station's city by its place's Chinese name where the record has one.
    let places = super::local_names::place_names(store, &station_records, countries.lang).await?;
    let cities: HashMap<EntityId, String> = station_records
        .into_iter()
        .filter_map(|s| {
            let view = EntityView::fold(s.entity, &s.statements);
            let local = view.first("place").and_then(|p| places.get(p)).cloned();
            let city = local.or_else(|| view.first("city").map(str::to_string))?;
            Some((view.entity.id.clone(), city))
        })
        .collect();
    let mut out = Vec::new();
    for (r, v) in responses {
        let mut stations = Vec::new();
        for station in v.values("station") {
            let id = super::station_id(station)?;
            let city = cities.get(&id).map_or(station, String::as_str);
            stations.push((station_key(&id).to_string(), city.to_string()));
        }
        let urls = super::source_links(&r.statements, &sources);
        let country = v.first("country").unwrap_or("").to_string();
        out.push(ResponseView {
            id: r.entity.id.to_string(),
            date: v.first("date").and_then(|d| d.parse().ok()),
            country_name: countries.name(&country),
            country,
            actor: v.values("actor").join("; "),
            actions: v.values("action").iter().map(|a| a.to_string()).collect(),
            summary: v.values("summary").join(" "),
            stations,
            sources: urls,
        });
    }
    out.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    Ok(out)
}

/// Filters of the responses list.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ResponseQuery {
    /// ISO code.
    pub country: Option<String>,
    /// Action (snake_case).
    pub action: Option<String>,
}

/// The responses list and its filter choices.
#[derive(Debug, Clone)]
pub struct ResponseList {
    /// Matching responses, newest first.
    pub responses: Vec<ResponseView>,
    /// Countries with responses: (code, name).
    pub countries: Vec<(String, String)>,
    /// Actions (codes).
    pub actions: Vec<String>,
    /// Responses in all.
    pub total: usize,
}

/// Lists responses matching `query`.
pub async fn list_responses<S: Store>(
    store: &S,
    countries: &Localized<'_>,
    query: &ResponseQuery,
) -> Result<ResponseList, WebError> {
    let country = super::country_param(countries, &query.country)?;
    let action = super::param(&query.action);
    if let Some(a) = &action {
        if !a.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            return Err(WebError::BadRequest(format!("action: {a:?} is not an action name")));
        }
    }
    let records = store.list_entities(&EntityFilter { schema: Some(Schema::Response), ..Default::default() }).await?;
    let all = response_views(store, countries, &records).await?;
    let mut country_set: BTreeSet<(String, String)> = BTreeSet::new();
    let mut action_set: BTreeSet<String> = BTreeSet::new();
    for r in &records {
        let v = EntityView::fold(r.entity.clone(), &r.statements);
        action_set.extend(v.values("action").iter().map(|a| a.to_string()));
    }
    for r in &all {
        country_set.insert((r.country_name.clone(), r.country.clone()));
    }
    let total = all.len();

    let responses = all
        .into_iter()
        .filter(|r| country.as_ref().is_none_or(|c| &r.country == c))
        .filter(|r| action.as_ref().is_none_or(|a| r.actions.contains(a)))
        .collect();
    Ok(ResponseList {
        responses,
        countries: country_set.into_iter().map(|(name, code)| (code, name)).collect(),
        actions: action_set.into_iter().collect(),
        total,
    })
}
