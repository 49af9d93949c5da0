//! Public counts of published incidents: the latest release, on the page `/incidents` and in the
//! API. Both show the same release and take no parameters, so no two queries can be differenced.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use axum::Json;
use lookout_report::kanon::{Cell, PublicCounts};
use lookout_store::{ReportStore, Store};
use serde::Serialize;
use utoipa::ToSchema;

use super::public::desk_error;
use crate::api::ApiError;
use crate::i18n::{Locale, Text};
use crate::{AppState, WebError};

/// The counts as the API gives them.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentCountsDoc {
    /// No value is named, and no cell is shown, below this count.
    pub k: u64,
    /// The day of the release these counts come from (null before the first release).
    pub released_on: Option<String>,
    /// Incidents counted: every table adds up to it. Incidents that would change a cell by fewer
    /// than k wait for a later release.
    pub total: u64,
    /// By country (ISO code).
    pub by_country: Vec<CellDoc>,
    /// By category.
    pub by_category: Vec<CellDoc>,
    /// By month (`YYYY-MM`).
    pub by_month: Vec<CellDoc>,
}

/// A cell.
#[derive(Debug, Serialize, ToSchema)]
pub struct CellDoc {
    /// What is counted; null for the others together (values each counted fewer than k times).
    pub key: Option<String>,
    /// How many (at least k).
    pub count: u64,
}

async fn latest<S: Store + ReportStore>(app: &AppState<S>) -> Result<(Option<String>, PublicCounts), WebError> {
    let empty =
        || PublicCounts { k: app.reporting.k, total: 0, by_country: vec![], by_category: vec![], by_month: vec![] };
    let latest = lookout_report::desk::published_counts(app.store.as_ref()).await.map_err(desk_error)?;
    Ok(match latest {
        Some((day, counts)) => (Some(day), counts),
        None => (None, empty()),
    })
}

fn cells(cells: Vec<Cell>) -> Vec<CellDoc> {
    cells.into_iter().map(|c| CellDoc { key: c.key, count: c.count }).collect()
}

/// Counts of published reports of transnational repression by country, category and month, from
/// the latest release. Every count is at least k, every table adds up to the total, and values
/// counted fewer than k times are never named (they are counted together, key null). Releases only
/// add, and each adds a batch of new incidents in which every cell grows by 0 or at least k, so that
/// comparing two releases never isolates fewer than k incidents. Takes no parameters.
#[utoipa::path(get, path = "/api/v1/incidents/counts", tag = "incidents",
    responses((status = 200, body = IncidentCountsDoc)))]
pub async fn api_counts<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
) -> Result<Json<IncidentCountsDoc>, ApiError> {
    let (released_on, c) = latest(&app).await?;
    Ok(Json(IncidentCountsDoc {
        k: c.k,
        released_on,
        total: c.total,
        by_country: cells(c.by_country),
        by_category: cells(c.by_category),
        by_month: cells(c.by_month),
    }))
}

/// The counts page.
#[derive(Template)]
#[template(path = "incidents.html")]
pub struct IncidentsPage {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// The day of the release shown.
    pub released_on: Option<String>,
    /// The counts.
    pub counts: PublicCounts,
    /// Country names by code.
    pub country_names: Vec<(String, String)>,
}

impl IncidentsPage {
    /// A cell's label: a country's name, a category, a month, or "others".
    pub fn label(&self, key: &Option<String>) -> String {
        match key {
            None if self.t.zh => format!("其他（每项少于 {}）", self.counts.k),
            None => format!("Others (each fewer than {})", self.counts.k),
            Some(code) => {
                self.country_names.iter().find(|(c, _)| c == code).map_or_else(|| code.clone(), |(_, n)| n.clone())
            }
        }
    }
}

/// `GET /incidents`.
pub async fn page<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    loc: Locale,
) -> Result<Html<String>, WebError> {
    let (released_on, counts) = latest(&app).await?;
    let names = app.localized(loc.lang);
    let country_names =
        counts.by_country.iter().filter_map(|c| c.key.clone()).map(|code| (code.clone(), names.name(&code))).collect();
    Ok(Html(IncidentsPage { t: loc.t, switch_href: loc.switch_href, released_on, counts, country_names }.render()?))
}
