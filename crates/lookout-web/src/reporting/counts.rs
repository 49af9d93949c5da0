//! Public counts of published incidents, k-anonymous: the page `/incidents` and the API.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use axum::Json;
use lookout_report::kanon::{public_counts, Cell, PublicCounts, Published};
use lookout_store::{ReportStore, Store};
use serde::Serialize;
use utoipa::ToSchema;

use crate::api::ApiError;
use crate::i18n::{Locale, Text};
use crate::{AppState, WebError};

/// The counts as the API gives them.
#[derive(Debug, Serialize, ToSchema)]
pub struct IncidentCountsDoc {
    /// Cells below this are hidden.
    pub k: u64,
    /// All published incidents, or null when fewer than k.
    pub total: Option<u64>,
    /// By country (ISO code); a null count is hidden.
    pub by_country: Vec<CellDoc>,
    /// By category.
    pub by_category: Vec<CellDoc>,
    /// By month (`YYYY-MM`).
    pub by_month: Vec<CellDoc>,
}

/// A cell.
#[derive(Debug, Serialize, ToSchema)]
pub struct CellDoc {
    /// What is counted.
    pub key: String,
    /// How many, or null when hidden.
    pub count: Option<u64>,
}

async fn counts<S: Store + ReportStore>(app: &AppState<S>) -> Result<PublicCounts, WebError> {
    let published: Vec<Published> = app
        .store
        .published_incidents()
        .await?
        .into_iter()
        .map(|i| Published { country: i.country, category: i.category, month: i.month })
        .collect();
    Ok(public_counts(&published, app.reporting.k))
}

fn cells(cells: Vec<Cell>) -> Vec<CellDoc> {
    cells.into_iter().map(|c| CellDoc { key: c.key, count: c.count }).collect()
}

/// Counts of published reports of transnational repression by country, category and month.
/// Counts below k are hidden, with at least one other cell of the same table, so that no hidden
/// count can be worked out by subtraction; when fewer than k are published, nothing is shown.
#[utoipa::path(get, path = "/api/v1/incidents/counts", tag = "incidents",
    responses((status = 200, body = IncidentCountsDoc)))]
pub async fn api_counts<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
) -> Result<Json<IncidentCountsDoc>, ApiError> {
    let c = counts(&app).await?;
    Ok(Json(IncidentCountsDoc {
        k: c.k,
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
    /// The counts.
    pub counts: PublicCounts,
    /// Country names by code.
    pub country_names: Vec<(String, String)>,
}

impl IncidentsPage {
    /// A country's name.
    pub fn country(&self, code: &str) -> String {
        self.country_names.iter().find(|(c, _)| c == code).map_or_else(|| code.to_string(), |(_, n)| n.clone())
    }
}

/// `GET /incidents`.
pub async fn page<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    loc: Locale,
) -> Result<Html<String>, WebError> {
    let counts = counts(&app).await?;
    let names = app.localized(loc.lang);
    let country_names = counts.by_country.iter().map(|c| (c.key.clone(), names.name(&c.key))).collect();
    Ok(Html(IncidentsPage { t: loc.t, switch_href: loc.switch_href, counts, country_names }.render()?))
}
