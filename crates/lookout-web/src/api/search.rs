//! `/api/v1/search`.

use axum::extract::State;
use axum::Json;
use lookout_store::Store;
use serde::Serialize;
use utoipa::ToSchema;

use super::error::ApiError;
use super::extract::ApiQuery;
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

/// Parameters of a search through the API: the words are required.
#[derive(Debug, Clone, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ApiSearchParams {
    /// The words (English or Chinese; a name in either script also finds the other): 1 to 200
    /// characters, not all spaces.
    #[param(min_length = 1, max_length = 200, pattern = "[^\\s\\u0085]")]
    pub q: String,
    /// Only this kind of record (`Station`, `PublicBody`, `Response`, `Figure`, `Organization`,
    /// `Source`…, or `Document` for ingested documents only); another gives no results.
    pub schema: Option<String>,
    /// Only this country (ISO code); documents have none, so a country leaves them out.
    pub country: Option<String>,
}

/// Full-text search over entities, their statements and sources, and the text of public ingested
/// documents, in English and Chinese.
#[utoipa::path(get, path = "/api/v1/search", tag = "search",
    params(ApiSearchParams),
    responses((status = 200, body = SearchDoc), (status = 400, body = super::error::ErrorBody)))]
pub async fn search<S: Store>(
    State(app): State<AppState<S>>,
    ApiQuery(params): ApiQuery<ApiSearchParams>,
) -> Result<Json<SearchDoc>, ApiError> {
    // As the document's pattern and length read it (length in characters before trimming).
    if super::match_schema::blank(&params.q) {
        return Err(ApiError::invalid("q: the query is empty"));
    }
    if params.q.chars().count() > lookout_search::MAX_QUERY_CHARS {
        return Err(ApiError::invalid(format!("q: longer than {} characters", lookout_search::MAX_QUERY_CHARS)));
    }
    super::contract::check("country", &params.country)?;
    let params = SearchParams { q: Some(params.q), schema: params.schema, country: params.country };
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
