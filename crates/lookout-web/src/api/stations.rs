//! `/api/v1/stations`.

use axum::extract::{Path, State};
use axum::Json;
use lookout_core::StatementStatus;
use lookout_store::Store;
use serde::Deserialize;
use utoipa::IntoParams;

use super::docs::{HostDoc, PlaceDoc, StatementDoc, StationDoc, StationSummary, TimelineStepDoc};
use super::error::ApiError;
use super::extract::ApiQuery;
use super::pagination::{paginate, Page, PageParams};
use crate::i18n::Lang;
use crate::service::station::station_detail;
use crate::service::stations::{list_stations, StationQuery};
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
    responses((status = 200, body = Page<StationSummary>), (status = 400, body = super::error::ErrorBody)))]
pub async fn list<S: Store>(
    State(app): State<AppState<S>>,
    ApiQuery(filter): ApiQuery<StationFilter>,
    ApiQuery(page): ApiQuery<PageParams>,
) -> Result<Json<Page<StationSummary>>, ApiError> {
    for (name, value) in [("country", &filter.country), ("bureau", &filter.bureau), ("status", &filter.status)] {
        super::contract::check(name, value)?;
    }
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
    responses((status = 200, body = StationDoc), (status = 404, body = super::error::ErrorBody)))]
pub async fn get<S: Store + lookout_store::DocumentStore>(
    State(app): State<AppState<S>>,
    Path(key): Path<String>,
) -> Result<Json<StationDoc>, ApiError> {
    let detail = station_detail(app.store.as_ref(), &app.localized(Lang::En), &key).await?;
    let timeline = detail
        .timeline
        .iter()
        .map(|step| TimelineStepDoc {
            status: step.status.as_str().to_string(),
            date: step.date.map(|d| d.to_string()),
            claimant: step.claimant.clone(),
            sources: step.source_ids.iter().filter_map(|id| detail.source_map.get(id)).map(|s| s.url.clone()).collect(),
        })
        .collect();
    let place =
        detail.place.as_ref().map(|p| PlaceDoc { name: p.name.clone(), latitude: p.latitude, longitude: p.longitude });
    let statements = detail
        .statements
        .iter()
        .filter(|s| s.status == StatementStatus::Accepted)
        .map(|s| StatementDoc::new(s, &detail.source_map))
        .collect();
    Ok(Json(StationDoc {
        summary: StationSummary::from(detail.row),
        place,
        timeline,
        hosts: detail.hosts.into_iter().map(HostDoc::from).collect(),
        responses: detail.responses.into_iter().map(|r| r.id).collect(),
        statements,
    }))
}
