//! One station: every statement with its sources, its status timeline, its place, the responses
//! concerning it. Loaded once for the page and the API alike.

use std::collections::HashMap;

use lookout_core::timeline::{status_timeline, StepDate};
use lookout_core::{
    EntityId, EntityView, PartialDate, PropType, Schema, Source, SourceId, SourceKind, Statement, StationStatus,
};
use lookout_store::{DocumentStore, Store};

use super::documents::{group_sources, SourceGroup};
use super::hosts::{hosts_of, HostView};
use super::responses::{response_views, ResponseView};
use super::stations::{operators_of, row, StationRow};
use crate::error::WebError;
use crate::i18n::{Lang, Localized, Text};

/// One statement as the page shows it.
#[derive(Debug, Clone)]
pub struct Evidence {
    /// The source's URL.
    pub url: String,
    /// Publisher or host.
    pub publisher: String,
    /// Source kind, where the source is known.
    pub kind: Option<SourceKind>,
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
    pub date: Option<PartialDate>,
    /// The source's page on this site.
    pub source_id: String,
}

/// A value with the statements behind it.
#[derive(Debug, Clone)]
pub struct ValueEvidence {
    /// The value as shown: a status or a date in the interface's words, a country by name, a
    /// place by its names, anything else as the source gives it.
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
    pub status: StationStatus,
    /// Its date, or the date it was reached by, if known.
    pub date: Option<StepDate>,
    /// Who says so.
    pub claimant: Option<String>,
    /// The step as the source words it.
    pub quote: Option<String>,
    /// Sources: (address, label).
    pub sources: Vec<(String, String)>,
    /// Sources: their ids.
    pub source_ids: Vec<SourceId>,
}

/// Where a station is placed, from the gazetteer.
#[derive(Debug, Clone)]
pub struct Place {
    /// Its names, joined (`Fuzhou / 福州`).
    pub name: String,
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
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
    pub responses: Vec<ResponseView>,
    /// The organisations sources name as hosting it.
    pub hosts: Vec<HostView>,
    /// Coordinates and place name, where geocoded.
    pub place: Option<Place>,
    /// Every source cited, each original with the reposts of it.
    pub sources: Vec<SourceGroup>,
    /// The station's statements, in the order recorded.
    pub statements: Vec<Statement>,
    /// The sources of its statements and of the entities linking to it, by id.
    pub source_map: HashMap<SourceId, Source>,
}

/// The words of the source a statement rests on (its span of the quote, if it has one).
fn quote_of(s: &Statement) -> Option<String> {
    let quote = s.locator.quote.as_ref()?;
    Some(match s.locator.span {
        Some((a, z)) => quote.chars().skip(a as usize).take(z.saturating_sub(a) as usize).collect(),
        None => quote.clone(),
    })
}

/// A statement as the page shows it.
fn evidence(s: &Statement, sources: &HashMap<SourceId, Source>) -> Evidence {
    let src = sources.get(&s.source_id);
    Evidence {
        url: src.map(super::source_address).unwrap_or_default(),
        publisher: src.map(super::source_label).unwrap_or_else(|| s.source_id.to_string()),
        kind: src.map(|x| x.kind),
        kind_guess: src.and_then(|x| x.kind_guess.clone()),
        grade: s.grade.to_string(),
        claimant: s.claimant.clone(),
        quote: quote_of(s),
        locator: s.locator.page.clone(),
        date: s.valid_from,
        source_id: s.source_id.to_string(),
    }
}

/// Loads one station with all it takes to show its evidence.
pub async fn station_detail<S: Store + DocumentStore>(
    store: &S,
    countries: &Localized<'_>,
    key: &str,
) -> Result<StationDetail, WebError> {
    let id = super::station_id(key)?;
    let record = lookout_store::public_entity(store, &id)
        .await?
        .filter(|r| r.entity.schema == Schema::Station)
        .ok_or_else(|| WebError::NotFound(format!("station {key:?}")))?;
    let referencing = store.referencing(&id).await?;
    let operators = operators_of(store, &referencing, countries.lang).await?;
    let source_ids =
        super::source_ids_of(record.statements.iter().chain(referencing.iter().flat_map(|r| &r.statements)));
    let sources = store.sources(&source_ids).await?;
    let view = EntityView::fold(record.entity.clone(), &record.statements);

    // Names of linked entities (the place), to show instead of ids.
    let mut linked_names: HashMap<String, String> = HashMap::new();
    let mut places: HashMap<String, String> = HashMap::new();
    let mut place = None;
    if let Some(place_id) = view.first("place") {
        if let Some(p) = store.entity(&EntityId::new(place_id).map_err(|e| WebError::Internal(e.to_string()))?).await? {
            let pv = EntityView::fold(p.entity, &p.statements);
            let names = pv.values("name").join(" / ");
            linked_names.insert(place_id.to_string(), names.clone());
            if countries.lang == Lang::Zh {
                if let Some(zh) = pv.values("name").into_iter().find(|n| n.chars().any(lookout_text::is_han)) {
                    places.insert(place_id.to_string(), zh.to_string());
                }
            }
            let coordinate = |prop: &str| pv.first(prop).and_then(|v| v.parse::<f64>().ok());
            if let (Some(latitude), Some(longitude)) = (coordinate("latitude"), coordinate("longitude")) {
                place = Some(Place { name: names, latitude, longitude });
            }
        }
    }
    let t = Text::of(countries.lang);
    let props = view
        .props
        .iter()
        .map(|p| {
            let kind = Schema::Station.property(&p.prop).map(|q| q.kind).ok();
            let is_link = kind.is_some_and(|k| k.is_entity());
            let is_country = kind == Some(PropType::Country);
            PropertyEvidence {
                prop: p.prop.clone(),
                conflict: p.is_conflict(),
                values: p
                    .values
                    .iter()
                    .map(|v| ValueEvidence {
                        value: match kind {
                            _ if is_link => linked_names.get(&v.value).cloned().unwrap_or_else(|| v.value.clone()),
                            _ if is_country => format!("{} ({})", countries.name(&v.value), v.value),
                            Some(PropType::StationStatus) => v
                                .value
                                .parse::<StationStatus>()
                                .map(|s| t.status(s))
                                .unwrap_or_else(|_| v.value.clone()),
                            Some(PropType::Date) => {
                                v.value.parse::<PartialDate>().map(|d| t.date(d)).unwrap_or_else(|_| v.value.clone())
                            }
                            _ => v.value.clone(),
                        },
                        lang: match kind {
                            Some(PropType::StationStatus | PropType::Date | PropType::Country) => {
                                Some(countries.lang.tag().to_string())
                            }
                            _ => v.asserted_by.first().and_then(|s| s.lang.clone()),
                        },
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
            status: step.status,
            date: step.when(),
            claimant: step.claimant.clone(),
            quote: step.statements.first().and_then(quote_of),
            sources: step
                .sources
                .iter()
                .filter_map(|id| sources.get(id))
                .map(|s| (super::source_address(s), super::source_label(s)))
                .collect(),
            source_ids: step.sources.clone(),
        })
        .collect();
    let mut responses = response_views(store, countries, &referencing).await?;
    responses.reverse();
    let source_groups = group_sources(store, &sources, &source_ids).await?;
    let hosts = hosts_of(store, &referencing, &sources).await?;
    Ok(StationDetail {
        row: row(&record, countries, &operators, &places),
        id: id.to_string(),
        props,
        timeline,
        responses,
        hosts,
        place,
        sources: source_groups,
        statements: record.statements,
        source_map: sources,
    })
}
