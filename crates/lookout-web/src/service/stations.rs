//! Stations: the list with filters, and one station with every statement and its sources.

use std::collections::{BTreeMap, HashMap};

use crate::i18n::Localized;
use lookout_core::ids::station_key;
use lookout_core::{EntityId, EntityView, Schema, Source, SourceId, Statement, StationStatus};
use lookout_store::{status_timeline, EntityFilter, EntityRecord, Store, TimelineStep};

use crate::WebError;

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
    /// Short id for the URL (`ST001`).
    pub key: String,
    /// City as the sources write it.
    pub city: String,
    /// ISO code.
    pub country: String,
    /// English country name.
    pub country_name: String,
    /// Operating bureaus.
    pub operators: Vec<OperatorRef>,
    /// Latest status step.
    pub status: Option<String>,
    /// Its date, or the date it was reached by.
    pub status_date: Option<String>,
    /// When first reported.
    pub reported_date: Option<String>,
    /// Where first reported (`110 Overseas (Safeguard Defenders)`).
    pub first_reported_in: Vec<String>,
}

/// Stations' operators (station entity id → bureaus) from accepted Operation entities.
pub(crate) async fn operators_of<S: Store>(
    store: &S,
    operations: &[EntityRecord],
) -> Result<HashMap<String, Vec<OperatorRef>>, WebError> {
    let links: Vec<(String, String)> = operations
        .iter()
        .filter(|r| r.entity.schema == Schema::Operation)
        .filter_map(|op| {
            let view = EntityView::fold(op.entity.clone(), &op.statements);
            Some((view.first("station")?.to_string(), view.first("operator")?.to_string()))
        })
        .collect();
    let mut names: HashMap<String, String> = HashMap::new();
    for (_, bureau) in &links {
        if names.contains_key(bureau) {
            continue;
        }
        let name = match EntityId::new(bureau.clone()) {
            Ok(id) => store.entity(&id).await?.map(|b| EntityView::fold(b.entity, &b.statements)),
            Err(_) => None,
        };
        names.insert(
            bureau.clone(),
            name.and_then(|v| v.first("name").map(str::to_string)).unwrap_or_else(|| bureau.clone()),
        );
    }
    let mut out: HashMap<String, Vec<OperatorRef>> = HashMap::new();
    for (station, bureau) in links {
        let list = out.entry(station).or_default();
        if !list.iter().any(|o| o.id == bureau) {
            list.push(OperatorRef { name: names[&bureau].clone(), id: bureau });
        }
    }
    Ok(out)
}

/// Every station's operators.
pub(crate) async fn all_operators<S: Store>(store: &S) -> Result<HashMap<String, Vec<OperatorRef>>, WebError> {
    let ops = store.list_entities(&EntityFilter { schema: Some(Schema::Operation), ..Default::default() }).await?;
    operators_of(store, &ops).await
}

fn step_date(step: &TimelineStep) -> Option<String> {
    match (step.date, step.by) {
        (Some(d), _) => Some(d.to_string()),
        (None, Some(by)) => Some(format!("by {by}")),
        _ => None,
    }
}

pub(crate) fn row(
    record: &EntityRecord,
    countries: &Localized<'_>,
    operators: &HashMap<String, Vec<OperatorRef>>,
) -> StationRow {
    let view = EntityView::fold(record.entity.clone(), &record.statements);
    let timeline = status_timeline(&record.statements);
    let country = view.first("country").unwrap_or("").to_string();
    StationRow {
        key: station_key(&record.entity.id).to_string(),
        city: view.first("city").unwrap_or("").to_string(),
        country_name: countries.name(&country),
        country,
        operators: operators.get(record.entity.id.as_str()).cloned().unwrap_or_default(),
        status: timeline.last().map(|s| s.status.as_str().to_string()),
        status_date: timeline.last().and_then(step_date),
        reported_date: view.first("reportedDate").map(str::to_string),
        first_reported_in: view.values("firstReportedIn").iter().map(|s| s.to_string()).collect(),
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
    pub statuses: Vec<&'static str>,
    /// Where stations were first reported, with counts.
    pub first_reports: Vec<(String, usize)>,
    /// Stations in total, before filtering.
    pub total: usize,
}

/// Lists stations matching `query`.
pub async fn list_stations<S: Store>(
    store: &S,
    countries: &Localized<'_>,
    query: &StationQuery,
) -> Result<StationList, WebError> {
    let filter = query.to_filter(countries)?;
    let operators = all_operators(store).await?;
    let all = store.list_entities(&EntityFilter { schema: Some(Schema::Station), ..Default::default() }).await?;
    let all_rows: Vec<StationRow> = all.iter().map(|r| row(r, countries, &operators)).collect();
    let mut per_country: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for r in &all_rows {
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
        store.list_entities(&filter).await?.iter().map(|r| row(r, countries, &operators)).collect()
    };
    if let Some(first) = query.first.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        rows.retain(|r| r.first_reported_in.iter().any(|f| f == first));
    }
    match sort {
        Some("city") => rows.sort_by_key(|r| r.city.to_lowercase()),
        Some("country") => rows.sort_by(|a, b| a.country_name.cmp(&b.country_name).then(a.city.cmp(&b.city))),
        Some("reported") => rows.sort_by(|a, b| b.reported_date.cmp(&a.reported_date).then(a.key.cmp(&b.key))),
        Some("status") => rows.sort_by(|a, b| a.status.cmp(&b.status).then(a.key.cmp(&b.key))),
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
        statuses: StationStatus::ALL.iter().map(|s| s.as_str()).collect(),
        first_reports: first_reports.into_iter().collect(),
        total: all_rows.len(),
    })
}

/// One statement as the page shows it.
#[derive(Debug, Clone)]
pub struct Evidence {
    /// The source's URL.
    pub url: String,
    /// Publisher or host.
    pub publisher: String,
    /// Source kind (its code).
    pub kind: String,
    /// Why the kind was guessed, if it was.
    pub kind_guess: Option<String>,
    /// Grade, e.g. `C2`.
    pub grade: String,
    /// Who made the claim.
    pub claimant: Option<String>,
    /// The supporting words.
    pub quote: Option<String>,
    /// Where in the source.
    pub locator: Option<String>,
    /// The statement's own date.
    pub date: Option<String>,
    /// The source's page on this site.
    pub source_id: String,
}

/// A value with the statements behind it.
#[derive(Debug, Clone)]
pub struct ValueEvidence {
    /// The value as shown.
    pub value: String,
    /// Language tag.
    pub lang: Option<String>,
    /// Statements asserting it.
    pub asserted: Vec<Evidence>,
    /// Statements denying it.
    pub denied: Vec<Evidence>,
}

/// A property with its values.
#[derive(Debug, Clone)]
pub struct PropertyEvidence {
    /// Property name.
    pub prop: String,
    /// Several values of a single-valued property.
    pub conflict: bool,
    /// Values.
    pub values: Vec<ValueEvidence>,
}

/// A timeline step as shown.
#[derive(Debug, Clone)]
pub struct TimelineEntry {
    /// The state.
    pub status: String,
    /// Its date, or the date it was reached by ("by 2023"), if known.
    pub date: Option<String>,
    /// Who says so.
    pub claimant: Option<String>,
    /// The step as the source words it.
    pub quote: Option<String>,
    /// Sources.
    pub sources: Vec<(String, String)>,
}

/// Everything the station page shows.
#[derive(Debug, Clone)]
pub struct StationDetail {
    /// The row facts.
    pub row: StationRow,
    /// Full entity id.
    pub id: String,
    /// Every property with every statement.
    pub props: Vec<PropertyEvidence>,
    /// Status timeline.
    pub timeline: Vec<TimelineEntry>,
    /// Related responses, oldest first.
    pub responses: Vec<crate::service::responses::ResponseView>,
    /// Coordinates and place name, where geocoded.
    pub place: Option<(String, String, String)>,
    /// Every source cited, each original with the reposts of it.
    pub sources: Vec<crate::service::documents::SourceGroup>,
}

fn quote_of(s: &Statement) -> Option<String> {
    let quote = s.locator.quote.as_ref()?;
    Some(match s.locator.span {
        Some((a, z)) => quote.chars().skip(a as usize).take(z.saturating_sub(a) as usize).collect(),
        None => quote.clone(),
    })
}

pub(crate) fn evidence(s: &Statement, sources: &HashMap<SourceId, Source>) -> Evidence {
    let src = sources.get(&s.source_id);
    Evidence {
        url: src.map(super::source_address).unwrap_or_default(),
        publisher: src.map(super::source_label).unwrap_or_else(|| s.source_id.to_string()),
        kind: src.map(|x| x.kind.as_str().to_string()).unwrap_or_default(),
        kind_guess: src.and_then(|x| x.kind_guess.clone()),
        grade: s.grade.to_string(),
        claimant: s.claimant.clone(),
        quote: quote_of(s),
        locator: s.locator.page.clone(),
        date: s.valid_from.map(|d| d.to_string()),
        source_id: s.source_id.to_string(),
    }
}

/// Loads one station with all it takes to show its evidence.
pub async fn station_detail<S: Store + lookout_store::DocumentStore>(
    store: &S,
    countries: &Localized<'_>,
    key: &str,
) -> Result<StationDetail, WebError> {
    let id = super::station_id(key)?;
    let record = store
        .entity(&id)
        .await?
        .filter(|r| r.entity.schema == Schema::Station && !r.restricted)
        .ok_or_else(|| WebError::NotFound(format!("station {key:?}")))?;
    let referencing = store.referencing(&id).await?;
    let operators = operators_of(store, &referencing).await?;
    let mut source_ids: Vec<SourceId> = record.statements.iter().map(|s| s.source_id.clone()).collect();
    source_ids.extend(referencing.iter().flat_map(|r| r.statements.iter().map(|s| s.source_id.clone())));
    source_ids.sort();
    source_ids.dedup();
    let sources = store.sources(&source_ids).await?;
    let view = EntityView::fold(record.entity.clone(), &record.statements);

    // Names of linked entities (the place), to show instead of ids.
    let mut linked_names: HashMap<String, String> = HashMap::new();
    let mut place = None;
    if let Some(place_id) = view.first("place") {
        if let Some(p) = store.entity(&EntityId::new(place_id).map_err(|e| WebError::Internal(e.to_string()))?).await? {
            let pv = EntityView::fold(p.entity, &p.statements);
            let names = pv.values("name").join(" / ");
            linked_names.insert(place_id.to_string(), names.clone());
            if let (Some(lat), Some(lon)) = (pv.first("latitude"), pv.first("longitude")) {
                place = Some((names, lat.to_string(), lon.to_string()));
            }
        }
    }
    let props = view
        .props
        .iter()
        .map(|p| {
            let kind = Schema::Station.property(&p.prop).map(|q| q.kind).ok();
            let is_link = kind.is_some_and(|k| k.is_entity());
            let is_country = kind == Some(lookout_core::PropType::Country);
            PropertyEvidence {
                prop: p.prop.clone(),
                conflict: p.is_conflict(),
                values: p
                    .values
                    .iter()
                    .map(|v| ValueEvidence {
                        value: if is_link {
                            linked_names.get(&v.value).cloned().unwrap_or_else(|| v.value.clone())
                        } else if is_country {
                            format!("{} ({})", countries.name(&v.value), v.value)
                        } else {
                            v.value.clone()
                        },
                        lang: v.asserted_by.first().and_then(|s| s.lang.clone()),
                        asserted: v.asserted_by.iter().map(|s| evidence(s, &sources)).collect(),
                        denied: v.denied_by.iter().map(|s| evidence(s, &sources)).collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    let timeline = status_timeline(&record.statements)
        .iter()
        .map(|step| TimelineEntry {
            status: step.status.as_str().to_string(),
            date: step_date(step),
            claimant: step.claimant.clone(),
            quote: step.statements.first().and_then(quote_of),
            sources: step
                .sources
                .iter()
                .filter_map(|id| sources.get(id))
                .map(|s| (super::source_address(s), super::source_label(s)))
                .collect(),
        })
        .collect();
    let mut responses = crate::service::responses::response_views(store, countries, &referencing).await?;
    responses.reverse();
    let source_groups = crate::service::documents::group_sources(store, &sources, &source_ids).await?;
    Ok(StationDetail {
        row: row(&record, countries, &operators),
        id: id.to_string(),
        props,
        timeline,
        responses,
        place,
        sources: source_groups,
    })
}
