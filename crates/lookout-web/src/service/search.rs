//! Search: the public record turned into search documents, indexed once per data version.

use std::sync::{Arc, Mutex};

use lookout_core::Schema;
use lookout_search::{SearchDoc, SearchIndex};
use lookout_store::Store;

use crate::error::WebError;
use crate::i18n::Localized;

/// Every public entity a visitor can open ([`super::search_docs::entity_docs`]) and every source,
/// as search documents.
pub async fn search_docs<S: Store>(store: &S, names: &Localized<'_>) -> Result<Vec<SearchDoc>, WebError> {
    let mut docs = super::search_docs::entity_docs(store, names).await?;
    for s in store.public_sources().await? {
        let body = [Some(s.url.clone()), s.title.clone(), s.publisher.clone(), s.kind_guess.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n");
        docs.push(SearchDoc {
            id: s.id.to_string(),
            schema: "Source".into(),
            country: None,
            title: s.title.clone().or_else(|| s.publisher.clone()).unwrap_or_else(|| s.url.clone()),
            body,
            ..Default::default()
        });
    }
    Ok(docs)
}

/// The index for the current data version, built off the async runtime when the data changed.
#[derive(Default)]
pub struct SearchCache {
    index: Mutex<Option<(i64, Arc<SearchIndex>)>>,
}

impl SearchCache {
    /// The current index.
    pub async fn index<S: Store>(&self, store: &S, names: &Localized<'_>) -> Result<Arc<SearchIndex>, WebError> {
        let version = store.data_version().await?;
        let poisoned = || WebError::Internal("search cache poisoned".into());
        if let Some((v, index)) = self.index.lock().map_err(|_| poisoned())?.as_ref() {
            if *v == version {
                return Ok(index.clone());
            }
        }
        let docs = search_docs(store, names).await?;
        let index = tokio::task::spawn_blocking(move || SearchIndex::build(docs))
            .await
            .map_err(|e| WebError::Internal(e.to_string()))?
            .map_err(|e| WebError::Internal(e.to_string()))?;
        let index = Arc::new(index);
        *self.index.lock().map_err(|_| poisoned())? = Some((version, index.clone()));
        Ok(index)
    }
}

/// A hit as pages and the API show it.
#[derive(Debug, Clone)]
pub struct HitView {
    /// Entity or source id.
    pub id: String,
    /// Schema (`Source` for sources).
    pub schema: String,
    /// Country code.
    pub country: Option<String>,
    /// The country's name in the page's language.
    pub country_name: Option<String>,
    /// Label, in the page's language where the record has it.
    pub title: String,
    /// Escaped passage with `<mark>`ed matches.
    pub snippet_html: String,
    /// Its page.
    pub href: String,
}

/// Search results with facet counts.
#[derive(Debug, Clone, Default)]
pub struct SearchView {
    /// Hits.
    pub hits: Vec<HitView>,
    /// All matches.
    pub total: usize,
    /// Matches per schema.
    pub by_schema: Vec<(String, usize)>,
    /// Matches per country: (code, name, count).
    pub by_country: Vec<(String, String, usize)>,
    /// Matching ingested documents (public ones), with their best passages.
    pub documents: Vec<DocumentHitView>,
    /// How many public documents match.
    pub documents_total: usize,
}

/// A matching document as pages and the API show it.
#[derive(Debug, Clone)]
pub struct DocumentHitView {
    /// Its source's page.
    pub href: String,
    /// Its title.
    pub title: String,
    /// Its language.
    pub language: String,
    /// Escaped passage with `<mark>`ed matches.
    pub passage_html: String,
}

/// The schema filter that shows ingested documents.
pub const DOCUMENT_SCHEMA: &str = "Document";

/// Parameters of a search.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The words (English or Chinese), at most 200 characters.
    pub q: Option<String>,
    /// Only this kind of record (`Station`, `PublicBody`, `Response`, `Figure`, `Place`, `Source`…,
    /// or `Document` for ingested documents only).
    pub schema: Option<String>,
    /// Only this country (ISO code).
    pub country: Option<String>,
}

/// Runs a search over the record and the public documents; an empty query gives no results (not
/// an error), a bad one a message. Documents have no country: a country filter leaves them out.
pub async fn search<S: Store>(
    store: &S,
    names: &Localized<'_>,
    cache: &SearchCache,
    documents: &crate::service::documents::DocumentSearch,
    params: &SearchParams,
) -> Result<SearchView, WebError> {
    let schema = params.schema.clone().filter(|s| !s.is_empty());
    let only_documents = schema.as_deref() == Some(DOCUMENT_SCHEMA);
    let record_params = SearchParams { schema: schema.filter(|_| !only_documents), ..params.clone() };
    let mut view = search_record(store, names, cache, &record_params).await?;
    if only_documents {
        view.hits.clear();
        view.total = 0;
    }
    let text = params.q.as_deref().unwrap_or("").trim();
    let country = params.country.as_deref().unwrap_or("").trim();
    if text.is_empty() || !country.is_empty() {
        return Ok(view);
    }
    let found = documents.search(text, lookout_search::MAX_RESULTS).await?;
    view.documents_total = found.total;
    if found.total > 0 {
        view.by_schema.push((DOCUMENT_SCHEMA.to_string(), found.total));
    }
    if params.schema.as_deref().is_none_or(|s| s.is_empty() || s == DOCUMENT_SCHEMA) {
        view.documents = found
            .hits
            .into_iter()
            .map(|h| DocumentHitView {
                href: format!("/sources/{}", h.source_id),
                title: h.title,
                language: h.language,
                passage_html: h.passage_html,
            })
            .collect();
    }
    Ok(view)
}

/// Searches the record (entities and sources).
async fn search_record<S: Store>(
    store: &S,
    names: &Localized<'_>,
    cache: &SearchCache,
    params: &SearchParams,
) -> Result<SearchView, WebError> {
    let text = params.q.as_deref().unwrap_or("").trim();
    if text.is_empty() {
        return Ok(SearchView::default());
    }
    let index = cache.index(store, names).await?;
    let query = lookout_search::SearchQuery {
        text: text.to_string(),
        schema: params.schema.clone().filter(|s| !s.is_empty()),
        country: params.country.clone().filter(|s| !s.is_empty()).map(|c| c.to_ascii_uppercase()),
        limit: lookout_search::MAX_RESULTS,
    };
    let results = index.search(&query).map_err(|e| match e {
        lookout_search::SearchError::BadQuery(m) => WebError::BadRequest(format!("q: {m}")),
        other => WebError::Internal(other.to_string()),
    })?;
    let hits = results
        .hits
        .into_iter()
        .map(|h| {
            let href = match h.schema.parse::<Schema>() {
                Ok(schema) => lookout_core::EntityId::new(h.id.clone())
                    .ok()
                    .and_then(|id| crate::service::sources::entity_href(schema, &id))
                    .unwrap_or_else(|| format!("/api/v1/entities/{}", h.id)),
                Err(_) => format!("/sources/{}", h.id),
            };
            HitView {
                id: h.id,
                schema: h.schema,
                country_name: h.country.as_deref().map(|c| names.name(c)),
                country: h.country,
                title: if names.lang == crate::i18n::Lang::Zh && !h.title_zh.is_empty() { h.title_zh } else { h.title },
                snippet_html: h.snippet_html,
                href,
            }
        })
        .collect();
    let mut by_country: Vec<(String, String, usize)> =
        results.by_country.into_iter().map(|(code, n)| (code.clone(), names.name(&code), n)).collect();
    by_country.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
    let mut by_schema: Vec<(String, usize)> = results.by_schema.into_iter().collect();
    by_schema.sort_by_key(|f| std::cmp::Reverse(f.1));
    Ok(SearchView { hits, total: results.total, by_schema, by_country, ..Default::default() })
}
