//! `/api/v1/stations`.

use axum::extract::{Path, Query, State};
use axum::Json;
use lookout_core::{Schema, SourceId, StatementStatus};
use lookout_store::{status_timeline, Store};
use serde::Deserialize;
use utoipa::IntoParams;

use super::docs::{PlaceDoc, StatementDoc, StationDoc, StationSummary, TimelineStepDoc};
use super::pagination::{paginate, Page, PageParams};
use super::ApiError;
use crate::i18n::Lang;
use crate::service::stations::{list_stations, station_detail, StationQuery};
use crate::state::AppState;

/// Filters of the stations list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StationFilter {
    /// ISO 3166-1 alpha-2 code.
    pub country: Option<String>,
    /// Entity id of an operating bureau (`publicbody-fuzhou-psb`).
    pub bureau: Option<String>,
    /// A status reached at any step (`closed`, `under_investigation`…).
    pub status: Option<String>,
    /// Where first reported, exactly as the record gives it (`110 Overseas (Safeguard Defenders)`).
    pub first: Option<String>,
}

/// List reported stations.
#[utoipa::path(get, path = "/api/v1/stations", tag = "stations",
    params(StationFilter, PageParams),
    responses((status = 200, body = Page<StationSummary>), (status = 400, body = super::ErrorBody)))]
pub async fn list<S: Store>(
    State(app): State<AppState<S>>,
    Query(filter): Query<StationFilter>,
    Query(page): Query<PageParams>,
) -> Result<Json<Page<StationSummary>>, ApiError> {
    let query = StationQuery {
        country: filter.country,
        bureau: filter.bureau,
        status: filter.status,
        first: filter.first,
        sort: None,
    };
    let rows = list_stations(app.store.as_ref(), &app.localized(Lang::En), &query).await?.rows;
    let items: Vec<StationSummary> = rows.into_iter().map(StationSummary::from).collect();
    Ok(Json(paginate(items, &page, |s| s.id.as_str())?))
}

/// One station: its timeline and every accepted statement, each with its source and grade.
#[utoipa::path(get, path = "/api/v1/stations/{key}", tag = "stations",
    params(("key" = String, Path, description = "Station key (`ST001`) or entity id")),
    responses((status = 200, body = StationDoc), (status = 404, body = super::ErrorBody)))]
pub async fn get<S: Store + lookout_store::DocumentStore>(
    State(app): State<AppState<S>>,
    Path(key): Path<String>,
) -> Result<Json<StationDoc>, ApiError> {
    let store = app.store.as_ref();
    let detail = station_detail(store, &app.localized(Lang::En), &key).await?;
    let record = store
        .entity(&crate::service::station_id(&key)?)
        .await?
        .filter(|r| r.entity.schema == Schema::Station && !r.restricted)
        .ok_or_else(|| ApiError(crate::WebError::NotFound(format!("station {key:?}"))))?;
    let accepted: Vec<_> = record.statements.iter().filter(|s| s.status == StatementStatus::Accepted).collect();
    let mut ids: Vec<SourceId> = accepted.iter().map(|s| s.source_id.clone()).collect();
    ids.sort();
    ids.dedup();
    let sources = store.sources(&ids).await?;
    let timeline = status_timeline(&record.statements)
        .into_iter()
        .map(|step| TimelineStepDoc {
            status: step.status.as_str().to_string(),
            date: step.date.map(|d| d.to_string()).or(step.by.map(|b| format!("by {b}"))),
            claimant: step.claimant,
            sources: step.sources.iter().filter_map(|id| sources.get(id)).map(|s| s.url.clone()).collect(),
        })
        .collect();
    let place = detail.place.as_ref().and_then(|(name, lat, lon)| {
        Some(PlaceDoc { name: name.clone(), latitude: lat.parse().ok()?, longitude: lon.parse().ok()? })
    });
    Ok(Json(StationDoc {
        summary: StationSummary::from(detail.row),
        place,
        timeline,
        responses: detail.responses.into_iter().map(|r| r.id).collect(),
        statements: accepted.into_iter().map(|s| StatementDoc::new(s, &sources)).collect(),
    }))
}
