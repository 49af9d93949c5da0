//! Stations: the list with filters, its rows, and the bureaus that operate them.

use std::collections::{BTreeMap, HashMap};

use lookout_core::ids::station_key;
use lookout_core::timeline::{status_timeline, StepDate};
use lookout_core::{EntityId, EntityView, PartialDate, Schema, StationStatus};
use lookout_store::{EntityFilter, EntityRecord, Store};

use super::local_names::{name_in, place_names};
use crate::error::WebError;
use crate::i18n::{Lang, Localized, Text};

/// A bureau operating a station.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperatorRef {
    /// The bureau's entity id.
    pub id: String,
    /// Its name.
    pub name: String,
}

/// A row of the stations list.
#[derive(Debug, Clone)]
pub struct StationRow {
    /// The station's entity id (`station-ST001`).
    pub id: EntityId,
    /// Short id for the URL (`ST001`).
    pub key: String,
    /// City as the sources write it.
    pub city: String,
    /// The city in the interface's language: the Chinese name of the place it is placed at, in
    /// Chinese; else as the sources write it.
    pub place_name: String,
    /// What to call the station: its city and country, in the interface's language.
    pub title: String,
    /// ISO code.
    pub country: String,
    /// English country name.
    pub country_name: String,
    /// Operating bureaus.
    pub operators: Vec<OperatorRef>,
    /// Latest status step.
    pub status: Option<StationStatus>,
    /// Its date, or the date it was reached by.
    pub status_date: Option<StepDate>,
    /// When first reported.
    pub reported_date: Option<PartialDate>,
    /// Where first reported (`110 Overseas (Safeguard Defenders)`).
    pub first_reported_in: Vec<String>,
    /// Why no source places it at a city, for a station reported but not located (its `city`
    /// is then empty, and its `country` may be).
    pub unlocated: Option<String>,
}

/// Stations reported but not located, grouped by country and bureau, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnlocatedGroup {
    /// ISO code, empty when no source names the country.
    pub country: String,
    /// Its name.
    pub country_name: String,
    /// The bureaus said to operate them.
    pub operators: Vec<OperatorRef>,
    /// The stations' keys (`ST087`).
    pub keys: Vec<String>,
    /// Why they are not located, each reason once.
    pub reasons: Vec<String>,
}

/// Groups the stations of `rows` that are not located by country and bureau.
pub fn unlocated_groups(rows: &[StationRow]) -> Vec<UnlocatedGroup> {
    let mut groups: Vec<UnlocatedGroup> = Vec::new();
    for r in rows {
        let Some(reason) = &r.unlocated else { continue };
        let at = groups.iter().position(|g| g.country == r.country && g.operators == r.operators);
        let group = match at {
            Some(i) => &mut groups[i],
            None => {
                groups.push(UnlocatedGroup {
                    country: r.country.clone(),
                    country_name: r.country_name.clone(),
                    operators: r.operators.clone(),
                    keys: Vec::new(),
                    reasons: Vec::new(),
                });
                groups.last_mut().expect("just pushed")
            }
        };
        group.keys.push(r.key.clone());
        if !group.reasons.contains(reason) {
            group.reasons.push(reason.clone());
        }
    }
    // Known countries first, by name; then the stations no source places even in a country.
    groups.sort_by(|a, b| (a.country.is_empty(), &a.country_name).cmp(&(b.country.is_empty(), &b.country_name)));
    groups
}

/// Stations' operators (station entity id → bureaus) from accepted Operation entities.
pub(crate) async fn operators_of<S: Store>(
    store: &S,
    operations: &[EntityRecord],
    lang: Lang,
) -> Result<HashMap<String, Vec<OperatorRef>>, WebError> {
    let links: Vec<(String, String)> = operations
        .iter()
        .filter(|r| r.entity.schema == Schema::Operation)
        .filter_map(|op| {
            let view = EntityView::fold(op.entity.clone(), &op.statements);
            Some((view.first("station")?.to_string(), view.first("operator")?.to_string()))
        })
        .collect();
    // The bureaus' names, read in one query (an id that cannot be one is named by itself).
    let ids: Vec<EntityId> = links.iter().filter_map(|(_, bureau)| EntityId::new(bureau.clone()).ok()).collect();
    let names: HashMap<String, String> = store
        .entities(&ids)
        .await?
        .into_iter()
        .filter_map(|b| {
            let view = EntityView::fold(b.entity, &b.statements);
            Some((view.entity.id.to_string(), name_in(&view, lang)?))
        })
        .collect();
    let mut out: HashMap<String, Vec<OperatorRef>> = HashMap::new();
    for (station, bureau) in links {
        let list = out.entry(station).or_default();
        if !list.iter().any(|o| o.id == bureau) {
            list.push(OperatorRef { name: names.get(&bureau).unwrap_or(&bureau).clone(), id: bureau });
        }
    }
    Ok(out)
}

/// Every station's operators.
pub(crate) async fn all_operators<S: Store>(
    store: &S,
    lang: Lang,
) -> Result<HashMap<String, Vec<OperatorRef>>, WebError> {
    let ops = store.list_entities(&EntityFilter { schema: Some(Schema::Operation), ..Default::default() }).await?;
    operators_of(store, &ops, lang).await
}

/// A station's row: its facts, its operators from `operators`, its place's name from `places`
/// ([`super::local_names::place_names`]), its latest status step.
pub(crate) fn row(
    record: &EntityRecord,
    countries: &Localized<'_>,
    operators: &HashMap<String, Vec<OperatorRef>>,
    places: &HashMap<String, String>,
) -> StationRow {
    let view = EntityView::fold(record.entity.clone(), &record.statements);
    let timeline = status_timeline(&record.statements);
    let country = view.first("country").unwrap_or("").to_string();
    let city = view.first("city").unwrap_or("").to_string();
    let place_name = view.first("place").and_then(|p| places.get(p)).cloned().unwrap_or_else(|| city.clone());
    let country_name = countries.name(&country);
    let t = Text::of(countries.lang);
    let sep = if countries.lang == Lang::Zh { "，" } else { ", " };
    let title = match (place_name.is_empty(), country.is_empty()) {
        (false, false) => format!("{place_name}{sep}{country_name}"),
        (false, true) => place_name.clone(),
        (true, false) => format!("{}{sep}{country_name}", t.list.not_located),
        (true, true) => t.list.not_located.to_string(),
    };
    StationRow {
        id: record.entity.id.clone(),
        key: station_key(&record.entity.id).to_string(),
        city,
        place_name,
        title,
        country_name,
        country,
        operators: operators.get(record.entity.id.as_str()).cloned().unwrap_or_default(),
        status: timeline.last().map(|s| s.status),
        status_date: timeline.last().and_then(|s| s.when()),
        reported_date: view.first("reportedDate").and_then(|d| d.parse().ok()),
        first_reported_in: view.values("firstReportedIn").iter().map(|s| s.to_string()).collect(),
        unlocated: view.first("unlocatedReason").map(str::to_string),
    }
}

/// Filters of the stations list, as given in the query string.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct StationQuery {
    /// ISO country code.
    pub country: Option<String>,
    /// Bureau entity id.
    pub bureau: Option<String>,
    /// A status reached at any step.
    pub status: Option<String>,
    /// Where first reported (exactly as the record gives it).
    pub first: Option<String>,
    /// Order: `city`, `country`, `reported` (newest first), `status`; by id when absent.
    pub sort: Option<String>,
}

/// The orders the stations list offers.
pub const SORTS: &[&str] = &["city", "country", "reported", "status"];

impl StationQuery {
    /// The store filter, or a message naming the bad parameter.
    pub fn to_filter(&self, countries: &Localized<'_>) -> Result<EntityFilter, WebError> {
        let nonempty = super::param;
        let country = super::country_param(countries, &self.country)?;
        let operator = match nonempty(&self.bureau) {
            Some(b) => Some(
                EntityId::new(b.clone())
                    .map_err(|_| WebError::BadRequest(format!("bureau: {b:?} is not an entity id")))?,
            ),
            None => None,
        };
        let status = match nonempty(&self.status) {
            Some(s) => Some(
                s.parse::<StationStatus>()
                    .map_err(|_| WebError::BadRequest(format!("status: unknown status {s:?}")))?,
            ),
            None => None,
        };
        Ok(EntityFilter { schema: Some(Schema::Station), country, operator, status, include_restricted: false })
    }
}

/// The stations list and the choices its filters offer.
#[derive(Debug, Clone)]
pub struct StationList {
    /// Matching stations.
    pub rows: Vec<StationRow>,
    /// Countries with stations: (code, name, count).
    pub countries: Vec<(String, String, usize)>,
    /// Bureaus operating stations: (id, name).
    pub bureaus: Vec<OperatorRef>,
    /// All status values.
    pub statuses: &'static [StationStatus],
    /// Where stations were first reported, with counts.
    pub first_reports: Vec<(String, usize)>,
    /// Stations in total, before filtering.
    pub total: usize,
    /// The stations reported but not located, by country and bureau.
    pub unlocated: Vec<UnlocatedGroup>,
}

/// Lists stations matching `query`.
pub async fn list_stations<S: Store>(
    store: &S,
    countries: &Localized<'_>,
    query: &StationQuery,
) -> Result<StationList, WebError> {
    let filter = query.to_filter(countries)?;
    let operators = all_operators(store, countries.lang).await?;
    let all = store.list_entities(&EntityFilter { schema: Some(Schema::Station), ..Default::default() }).await?;
    let places = place_names(store, &all, countries.lang).await?;
    let all_rows: Vec<StationRow> = all.iter().map(|r| row(r, countries, &operators, &places)).collect();
    let mut per_country: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for r in all_rows.iter().filter(|r| !r.country.is_empty()) {
        per_country.entry(r.country.clone()).or_insert_with(|| (r.country_name.clone(), 0)).1 += 1;
    }
    let mut bureaus: Vec<OperatorRef> = operators.values().flatten().cloned().collect();
    bureaus.sort_by(|a, b| a.name.cmp(&b.name));
    bureaus.dedup();
    let sort = query.sort.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if let Some(s) = sort.filter(|s| !SORTS.contains(s)) {
        return Err(WebError::BadRequest(format!("sort: {s:?} is not one of {}", SORTS.join(", "))));
    }
    let mut rows: Vec<StationRow> = if filter == (EntityFilter { schema: Some(Schema::Station), ..Default::default() })
    {
        all_rows.clone()
    } else {
        store.list_entities(&filter).await?.iter().map(|r| row(r, countries, &operators, &places)).collect()
    };
    if let Some(first) = query.first.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        rows.retain(|r| r.first_reported_in.iter().any(|f| f == first));
    }
    match sort {
        Some("city") => rows.sort_by_key(|r| r.place_name.to_lowercase()),
        Some("country") => {
            rows.sort_by(|a, b| a.country_name.cmp(&b.country_name).then(a.place_name.cmp(&b.place_name)))
        }
        Some("reported") => rows.sort_by(|a, b| b.reported_date.cmp(&a.reported_date).then(a.key.cmp(&b.key))),
        // By the status's text, as the list has always been ordered.
        Some("status") => {
            rows.sort_by(|a, b| a.status.map(|s| s.as_str()).cmp(&b.status.map(|s| s.as_str())).then(a.key.cmp(&b.key)))
        }
        _ => {}
    }
    let mut first_reports: BTreeMap<String, usize> = BTreeMap::new();
    for f in all_rows.iter().flat_map(|r| r.first_reported_in.iter()) {
        *first_reports.entry(f.clone()).or_default() += 1;
    }
    let mut country_list: Vec<(String, String, usize)> = per_country.into_iter().map(|(k, (n, c))| (k, n, c)).collect();
    country_list.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(StationList {
        rows,
        countries: country_list,
        bureaus,
        statuses: StationStatus::ALL,
        first_reports: first_reports.into_iter().collect(),
        total: all_rows.len(),
        unlocated: unlocated_groups(&all_rows),
    })
}
