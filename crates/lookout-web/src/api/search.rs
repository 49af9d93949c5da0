//! `/api/v1/search`.

use axum::extract::{Query, State};
use axum::Json;
use lookout_store::Store;
use serde::Serialize;
use utoipa::ToSchema;

use super::error::ApiError;
use crate::i18n::Lang;
use crate::service::search::{search as run_search, SearchParams};
use crate::state::AppState;

/// One search hit.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHitDoc {
    /// Entity or source id.
    pub id: String,
    /// Schema (`Source` for sources).
    pub schema: String,
    /// Country code.
    pub country: Option<String>,
    /// Label.
    pub title: String,
    /// The best matching passage, HTML-escaped, matches wrapped in `<mark>`.
    pub snippet_html: String,
    /// Its page on this site.
    pub href: String,
}

/// A facet value and how many matches have it.
#[derive(Debug, Serialize, ToSchema)]
pub struct FacetCount {
    /// The value.
    pub value: String,
    /// Matches.
    pub count: usize,
}

/// Search results.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchDoc {
    /// All matches.
    pub total: usize,
    /// The best hits (at most 100).
    pub hits: Vec<SearchHitDoc>,
    /// Matches per schema.
    pub by_schema: Vec<FacetCount>,
    /// Matches per country.
    pub by_country: Vec<FacetCount>,
    /// Public ingested documents that match (none under a country filter).
    pub documents_total: usize,
    /// The best of them, each with its best passage.
    pub documents: Vec<DocumentHitDoc>,
}

/// A matching document.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentHitDoc {
    /// Its title (or file name).
    pub title: String,
    /// Its language.
    pub language: String,
    /// The best passage, HTML-escaped, matches wrapped in `<mark>`.
    pub passage_html: String,
    /// Its source's page on this site.
    pub href: String,
}

/// Full-text search over entities, their statements and sources, and the text of public ingested
/// documents, in English and Chinese.
#[utoipa::path(get, path = "/api/v1/search", tag = "search",
    params(SearchParams),
    responses((status = 200, body = SearchDoc), (status = 400, body = super::error::ErrorBody)))]
pub async fn search<S: Store>(
    State(app): State<AppState<S>>,
    Query(params): Query<SearchParams>,
) -> Result<Json<SearchDoc>, ApiError> {
    if params.q.as_deref().unwrap_or("").trim().is_empty() {
        return Err(ApiError::invalid("q: the query is empty"));
    }
    let r = run_search(app.store.as_ref(), &app.localized(Lang::En), &app.search, &app.documents, &params).await?;
    Ok(Json(SearchDoc {
        total: r.total,
        hits: r
            .hits
            .into_iter()
            .map(|h| SearchHitDoc {
                id: h.id,
                schema: h.schema,
                country: h.country,
                title: h.title,
                snippet_html: h.snippet_html,
                href: h.href,
            })
            .collect(),
        by_schema: r.by_schema.into_iter().map(|(value, count)| FacetCount { value, count }).collect(),
        by_country: r.by_country.into_iter().map(|(value, _, count)| FacetCount { value, count }).collect(),
        documents_total: r.documents_total,
        documents: r
            .documents
            .into_iter()
            .map(|d| DocumentHitDoc {
                title: d.title,
                language: d.language,
                passage_html: d.passage_html,
                href: d.href,
            })
            .collect(),
    }))
}
