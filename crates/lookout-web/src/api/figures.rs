//! `/api/v1/figures` and `/api/v1/responses`.

use axum::extract::State;
use axum::Json;
use lookout_store::Store;
use serde::Deserialize;
use utoipa::IntoParams;

use super::docs::{FigureDoc, ResponseDoc};
use super::error::ApiError;
use super::extract::ApiQuery;
use super::pagination::{paginate, Page, PageParams};
use crate::i18n::Lang;
use crate::service::figures::figure_groups;
use crate::service::responses::{list_responses, ResponseQuery};
use crate::state::AppState;

/// Every claimed figure; `contradicts` links a conflicting claim to the figure it contradicts.
#[utoipa::path(get, path = "/api/v1/figures", tag = "figures",
    params(PageParams),
    responses((status = 200, body = Page<FigureDoc>), (status = 400, body = super::error::ErrorBody)))]
pub async fn figures<S: Store>(
    State(app): State<AppState<S>>,
    ApiQuery(page): ApiQuery<PageParams>,
) -> Result<Json<Page<FigureDoc>>, ApiError> {
    let mut docs: Vec<FigureDoc> = Vec::new();
    for group in figure_groups(app.store.as_ref()).await? {
        for f in std::iter::once(group.figure).chain(group.conflicting) {
            if !docs.iter().any(|d| d.id == f.id) {
                docs.push(f.into());
            }
        }
    }
    Ok(Json(paginate(docs, &page, |f| f.id.as_str())?))
}

/// Filters of the responses list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ResponseFilter {
    /// ISO 3166-1 alpha-2 code (`EU` for EU institutions).
    pub country: Option<String>,
    /// Action code (`closure_ordered`, `official_denial`…).
    pub action: Option<String>,
}

/// Government and institutional responses.
#[utoipa::path(get, path = "/api/v1/responses", tag = "responses",
    params(ResponseFilter, PageParams),
    responses((status = 200, body = Page<ResponseDoc>), (status = 400, body = super::error::ErrorBody)))]
pub async fn responses<S: Store>(
    State(app): State<AppState<S>>,
    ApiQuery(filter): ApiQuery<ResponseFilter>,
    ApiQuery(page): ApiQuery<PageParams>,
) -> Result<Json<Page<ResponseDoc>>, ApiError> {
    super::contract::check("country", &filter.country)?;
    super::contract::check("action", &filter.action)?;
    let query = ResponseQuery { country: filter.country, action: filter.action };
    let list = list_responses(app.store.as_ref(), &app.localized(Lang::En), &query).await?;
    let docs: Vec<ResponseDoc> = list.responses.into_iter().map(ResponseDoc::from).collect();
    Ok(Json(paginate(docs, &page, |r| r.id.as_str())?))
}
