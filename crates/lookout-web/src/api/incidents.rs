//! `/api/v1/incidents/counts`: the public counts of published incidents, from the latest release
//! (the same the page `/incidents` shows).

use axum::extract::State;
use axum::Json;
use lookout_report::kanon::Cell;
use lookout_store::{ReportStore, Store};
use serde::Serialize;
use utoipa::ToSchema;

use super::error::ApiError;
use crate::reporting::counts::latest;
use crate::state::AppState;

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
