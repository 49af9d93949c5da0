//! `/api/v1/entities/{id}` and `/api/v1/statements`.

use axum::extract::{Path, State};
use axum::Json;
use lookout_core::{EntityId, StatementStatus};
use lookout_store::Store;
use serde::Deserialize;
use utoipa::IntoParams;

use super::docs::{EntityDoc, StatementDoc};
use super::error::ApiError;
use super::extract::ApiQuery;
use super::pagination::{paginate, Page, PageParams};
use crate::error::WebError;
use crate::state::AppState;

async fn public_entity<S: Store>(store: &S, id: &str) -> Result<EntityDoc, ApiError> {
    let not_found = || ApiError(WebError::NotFound(format!("entity {id:?}")));
    let entity_id = EntityId::new(id).map_err(|_| not_found())?;
    let record = lookout_store::public_entity(store, &entity_id).await?.ok_or_else(not_found)?;
    let accepted: Vec<_> = record.statements.iter().filter(|s| s.status == StatementStatus::Accepted).collect();
    let ids = crate::service::source_ids_of(accepted.iter().copied());
    let sources = store.sources(&ids).await?;
    Ok(EntityDoc {
        id: record.entity.id.to_string(),
        schema: record.entity.schema.to_string(),
        statements: accepted.into_iter().map(|s| StatementDoc::new(s, &sources)).collect(),
    })
}

/// Any public entity (station, bureau, place, response, figure, link) with its accepted statements.
/// Restricted entities (persons not marked public) are not found, nor are links to them.
#[utoipa::path(get, path = "/api/v1/entities/{id}", tag = "entities",
    params(("id" = String, Path, description = "Entity id")),
    responses((status = 200, body = EntityDoc), (status = 404, body = super::error::ErrorBody)))]
pub async fn get<S: Store>(
    State(app): State<AppState<S>>,
    Path(id): Path<String>,
) -> Result<Json<EntityDoc>, ApiError> {
    Ok(Json(public_entity(app.store.as_ref(), &id).await?))
}

/// Which statements to list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatementFilter {
    /// The entity whose statements to list.
    #[param(example = "station-ST039")]
    pub entity: String,
}

/// The accepted statements about one entity, a page at a time.
#[utoipa::path(get, path = "/api/v1/statements", tag = "entities",
    params(StatementFilter, PageParams),
    responses((status = 200, body = Page<StatementDoc>), (status = 400, body = super::error::ErrorBody), (status = 404, body = super::error::ErrorBody)))]
pub async fn statements<S: Store>(
    State(app): State<AppState<S>>,
    ApiQuery(filter): ApiQuery<StatementFilter>,
    ApiQuery(page): ApiQuery<PageParams>,
) -> Result<Json<Page<StatementDoc>>, ApiError> {
    super::contract::check("entity", &Some(filter.entity.clone()))?;
    let entity = public_entity(app.store.as_ref(), &filter.entity).await?;
    Ok(Json(paginate(entity.statements, &page, |s| s.id.as_str())?))
}
