//! `/api/v1/sources`.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::Json;
use lookout_core::{SourceId, StatementStatus};
use lookout_store::Store;

use super::docs::{SourceDoc, SourceWithStatements, StatementDoc};
use super::error::ApiError;
use super::extract::ApiQuery;
use super::pagination::{paginate, Page, PageParams};
use crate::error::WebError;
use crate::state::AppState;

/// List sources.
#[utoipa::path(get, path = "/api/v1/sources", tag = "sources",
    params(PageParams),
    responses((status = 200, body = Page<SourceDoc>), (status = 400, body = super::error::ErrorBody)))]
pub async fn list<S: Store>(
    State(app): State<AppState<S>>,
    ApiQuery(page): ApiQuery<PageParams>,
) -> Result<Json<Page<SourceDoc>>, ApiError> {
    let sources: Vec<SourceDoc> = app.store.public_sources().await?.iter().map(SourceDoc::from).collect();
    Ok(Json(paginate(sources, &page, |s| s.id.as_str())?))
}

/// A source and every accepted statement about a public entity that cites it.
#[utoipa::path(get, path = "/api/v1/sources/{id}", tag = "sources",
    params(("id" = String, Path, description = "Source id")),
    responses((status = 200, body = SourceWithStatements), (status = 404, body = super::error::ErrorBody)))]
pub async fn get<S: Store>(
    State(app): State<AppState<S>>,
    Path(id): Path<String>,
) -> Result<Json<SourceWithStatements>, ApiError> {
    let not_found = || ApiError(WebError::NotFound(format!("source {id:?}")));
    let source_id = SourceId::new(id.clone()).map_err(|_| not_found())?;
    let source = app.store.public_source(&source_id).await?.ok_or_else(not_found)?;
    let sources = HashMap::from([(source_id.clone(), source.clone())]);
    let statements = app.store.statements_of_source(&source_id).await?;
    Ok(Json(SourceWithStatements {
        source: SourceDoc::from(&source),
        statements: statements
            .iter()
            .filter(|s| s.status == StatementStatus::Accepted)
            .map(|s| StatementDoc::new(s, &sources))
            .collect(),
    }))
}
