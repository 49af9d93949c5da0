//! API documents: the JSON shapes of the public record. Kept apart from the services' types so
//! that the API stays stable while pages change.

use std::collections::HashMap;

use lookout_core::{Source, SourceId, Statement};
use serde::Serialize;
use utoipa::ToSchema;

/// One statement with its source and grade.
#[derive(Debug, Serialize, ToSchema)]
pub struct StatementDoc {
    /// Statement id.
    pub id: String,
    /// The entity it is about.
    pub entity_id: String,
    /// Property.
    pub prop: String,
    /// Value.
    pub value: String,
    /// Language of the value.
    pub lang: Option<String>,
    /// `asserts` or `denies`.
    pub stance: String,
    /// Who makes the claim, when the source reports someone else's.
    pub claimant: Option<String>,
    /// From when the value holds (ISO, partial).
    pub valid_from: Option<String>,
    /// Until when the value holds.
    pub valid_to: Option<String>,
    /// Source reliability, A–F.
    pub reliability: String,
    /// Information credibility, 1–6.
    pub credibility: String,
    /// Source id.
    pub source_id: String,
    /// Source URL.
    pub source_url: Option<String>,
    /// Source kind.
    pub source_kind: Option<String>,
    /// The supporting words of the source.
    pub quote: Option<String>,
    /// Where in the source.
    pub locator: Option<String>,
}

impl StatementDoc {
    /// The document of a statement, with its source looked up in `sources`.
    pub fn new(s: &Statement, sources: &HashMap<SourceId, Source>) -> StatementDoc {
        let src = sources.get(&s.source_id);
        StatementDoc {
            id: s.id.to_string(),
            entity_id: s.entity_id.to_string(),
            prop: s.prop.clone(),
            value: s.value.clone(),
            lang: s.lang.clone(),
            stance: s.stance.to_string(),
            claimant: s.claimant.clone(),
            valid_from: s.valid_from.map(|d| d.to_string()),
            valid_to: s.valid_to.map(|d| d.to_string()),
            reliability: s.grade.reliability.to_string(),
            credibility: s.grade.credibility.to_string(),
            source_id: s.source_id.to_string(),
            source_url: src.map(|x| x.url.clone()),
            source_kind: src.map(|x| x.kind.to_string()),
            quote: s.locator.quote.clone(),
            locator: s.locator.page.clone(),
        }
    }
}

/// A bureau operating a station.
#[derive(Debug, Serialize, ToSchema)]
pub struct OperatorDoc {
    /// Entity id.
    pub id: String,
    /// Name.
    pub name: String,
}

/// A station in a list.
#[derive(Debug, Serialize, ToSchema)]
pub struct StationSummary {
    /// Entity id (`station-ST001`).
    pub id: String,
    /// Short key used in URLs (`ST001`).
    pub key: String,
    /// City as the sources write it.
    pub city: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Country name.
    pub country_name: String,
    /// Operating bureaus.
    pub operators: Vec<OperatorDoc>,
    /// Latest status step.
    pub status: Option<String>,
    /// Its date, or "by DATE" when only the latest possible date is known.
    pub status_date: Option<String>,
    /// When first reported.
    pub reported_date: Option<String>,
    /// Where first reported.
    pub first_reported_in: Vec<String>,
    /// Why no source places it at a city, for a station reported but not located (its `city`
    /// is then empty, and its `country` may be).
    pub unlocated_reason: Option<String>,
}

impl From<crate::service::stations::StationRow> for StationSummary {
    fn from(r: crate::service::stations::StationRow) -> Self {
        StationSummary {
            id: r.id.to_string(),
            key: r.key,
            city: r.city,
            country: r.country,
            country_name: r.country_name,
            operators: r.operators.into_iter().map(|o| OperatorDoc { id: o.id, name: o.name }).collect(),
            status: r.status.map(|s| s.as_str().to_string()),
            status_date: r.status_date.map(|d| d.to_string()),
            reported_date: r.reported_date.map(|d| d.to_string()),
            first_reported_in: r.first_reported_in,
            unlocated_reason: r.unlocated,
        }
    }
}

/// One step of a station's status timeline.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineStepDoc {
    /// The status.
    pub status: String,
    /// Its date (or "by DATE").
    pub date: Option<String>,
    /// Who says so.
    pub claimant: Option<String>,
    /// Source URLs.
    pub sources: Vec<String>,
}

/// A station with its timeline and every statement.
#[derive(Debug, Serialize, ToSchema)]
pub struct StationDoc {
    /// The summary.
    #[serde(flatten)]
    pub summary: StationSummary,
    /// Where it is placed: (name, latitude, longitude), from GeoNames.
    pub place: Option<PlaceDoc>,
    /// Status timeline.
    pub timeline: Vec<TimelineStepDoc>,
    /// The organisations sources name as hosting it.
    pub hosts: Vec<HostDoc>,
    /// Ids of the responses concerning it.
    pub responses: Vec<String>,
    /// Every accepted statement about it.
    pub statements: Vec<StatementDoc>,
}

/// An organisation a station's sources name as hosting it.
#[derive(Debug, Serialize, ToSchema)]
pub struct HostDoc {
    /// Its names (the first as the sources write it).
    pub names: Vec<String>,
    /// Its kind (`association`, `business`), where a source gives one.
    pub kind: Option<String>,
    /// The words of a source that names it as the host.
    pub quote: Option<String>,
    /// The addresses of the sources that name it.
    pub sources: Vec<String>,
}

impl From<crate::service::hosts::HostView> for HostDoc {
    fn from(h: crate::service::hosts::HostView) -> Self {
        HostDoc {
            names: h.names,
            kind: h.kind,
            quote: h.quote,
            sources: h.sources.into_iter().map(|(url, _)| url).collect(),
        }
    }
}

/// A place on the map.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlaceDoc {
    /// Names (English, Chinese).
    pub name: String,
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
}

/// Any public entity with its statements.
#[derive(Debug, Serialize, ToSchema)]
pub struct EntityDoc {
    /// Entity id.
    pub id: String,
    /// Schema.
    pub schema: String,
    /// Accepted statements.
    pub statements: Vec<StatementDoc>,
}

/// A source and what it supports.
#[derive(Debug, Serialize, ToSchema)]
pub struct SourceDoc {
    /// Source id.
    pub id: String,
    /// URL.
    pub url: String,
    /// Title.
    pub title: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Kind.
    pub kind: String,
    /// Why the kind was guessed, while it is a guess.
    pub kind_guess: Option<String>,
    /// SHA-256 of the captured original.
    pub sha256: Option<String>,
}

/// A source with the statements it supports.
#[derive(Debug, Serialize, ToSchema)]
pub struct SourceWithStatements {
    /// The source.
    #[serde(flatten)]
    pub source: SourceDoc,
    /// Statements about public entities that cite it.
    pub statements: Vec<StatementDoc>,
}

impl From<&Source> for SourceDoc {
    fn from(s: &Source) -> Self {
        SourceDoc {
            id: s.id.to_string(),
            url: s.url.clone(),
            title: s.title.clone(),
            publisher: s.publisher.clone(),
            kind: s.kind.to_string(),
            kind_guess: s.kind_guess.clone(),
            sha256: s.sha256.clone(),
        }
    }
}

/// A claimed figure.
#[derive(Debug, Serialize, ToSchema)]
pub struct FigureDoc {
    /// Entity id.
    pub id: String,
    /// What is counted.
    pub name: String,
    /// The value as the source words it.
    pub value: String,
    /// As of when.
    pub as_of: String,
    /// Note on the date.
    pub as_of_note: Option<String>,
    /// Who claims it.
    pub claimed_by: String,
    /// Ids of the figures it contradicts.
    pub contradicts: Vec<String>,
    /// Source URLs.
    pub sources: Vec<String>,
}

impl From<crate::service::figures::FigureView> for FigureDoc {
    fn from(f: crate::service::figures::FigureView) -> Self {
        FigureDoc {
            id: f.id,
            name: f.name,
            value: f.value,
            as_of: f.as_of.map(|d| d.to_string()).unwrap_or_default(),
            as_of_note: f.as_of_note,
            claimed_by: f.claimed_by,
            contradicts: f.contradicts,
            sources: f.sources.into_iter().map(|s| s.0).collect(),
        }
    }
}

/// A government or institutional response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResponseDoc {
    /// Entity id.
    pub id: String,
    /// Date (ISO, partial).
    pub date: String,
    /// ISO code (`EU` for EU institutions).
    pub country: String,
    /// Who acted.
    pub actor: String,
    /// Action codes.
    pub actions: Vec<String>,
    /// Summary.
    pub summary: String,
    /// Keys of the stations concerned.
    pub stations: Vec<String>,
    /// Source URLs.
    pub sources: Vec<String>,
}

impl From<crate::service::responses::ResponseView> for ResponseDoc {
    fn from(r: crate::service::responses::ResponseView) -> Self {
        ResponseDoc {
            id: r.id,
            date: r.date.map(|d| d.to_string()).unwrap_or_default(),
            country: r.country,
            actor: r.actor,
            actions: r.actions,
            summary: r.summary,
            stations: r.stations.into_iter().map(|s| s.0).collect(),
            sources: r.sources.into_iter().map(|s| s.0).collect(),
        }
    }
}

/// A country with reported stations.
#[derive(Debug, Serialize, ToSchema)]
pub struct CountryDoc {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    /// English name.
    pub name: String,
    /// Reported stations.
    pub stations: usize,
    /// Their keys.
    pub station_keys: Vec<String>,
}
