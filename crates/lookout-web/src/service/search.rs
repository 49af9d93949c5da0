//! Search: the public record turned into search documents, indexed once per data version.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use lookout_core::{EntityView, Schema};
use lookout_search::{SearchDoc, SearchIndex};
use lookout_store::{EntityFilter, Store};

use crate::error::WebError;
use crate::i18n::Localized;

const BUREAU_NAMES_ZH: &str = include_str!("../../../../data/bureau_names_zh.tsv");

/// Chinese names of bureaus, by entity id (search keywords, see `data/NOTICE`).
fn bureau_names_zh() -> HashMap<&'static str, &'static str> {
    BUREAU_NAMES_ZH
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').collect::<Vec<_>>().get(..2).map(|c| (c[0], c[1])))
        .collect()
}

/// The label of an entity for results.
fn title(view: &EntityView) -> String {
    match view.schema() {
        // A station no source locates is named by its id (the index is shared by both languages).
        Schema::Station => match view.first("city") {
            Some(city) => city.to_string(),
            None => format!("{}: not located", lookout_core::ids::station_key(&view.entity.id)),
        },
        Schema::Response => format!("{}: {}", view.first("date").unwrap_or(""), view.values("actor").join("; ")),
        Schema::Place => view.values("name").join(" / "),
        _ => view.first("name").unwrap_or(view.entity.id.as_str()).to_string(),
    }
}

/// Every public entity and source as a search document. Entity references are replaced by the
/// referenced entity's label and names (so a station is found by its city's Chinese name), and
/// country codes by the country's names in English and Chinese.
pub async fn search_docs<S: Store>(store: &S, names: &Localized<'_>) -> Result<Vec<SearchDoc>, WebError> {
    let records = store.list_entities(&EntityFilter::default()).await?;
    let views: Vec<EntityView> = records.into_iter().map(|r| EntityView::fold(r.entity, &r.statements)).collect();
    let labels: HashMap<String, String> = views
        .iter()
        .map(|v| {
            let names = v.values("name").join(" ");
            (v.entity.id.to_string(), format!("{} {names}", title(v)))
        })
        .collect();
    let zh = bureau_names_zh();
    let mut docs = Vec::with_capacity(views.len());
    for v in &views {
        let mut body: Vec<String> = Vec::new();
        for p in &v.props {
            let is_link = v.schema().property(&p.prop).is_ok_and(|q| q.kind.is_entity());
            for value in &p.values {
                if value.asserted_by.is_empty() {
                    continue;
                }
                let text = if is_link {
                    labels.get(&value.value).cloned().unwrap_or_default()
                } else {
                    value.value.replace('_', " ")
                };
                body.push(text);
                body.extend(value.asserted_by.iter().filter_map(|s| s.claimant.clone()));
            }
        }
        let country = v.first("country").map(str::to_string);
        if let Some(c) = names.get(country.as_deref().unwrap_or("")) {
            body.push(c.name.clone());
            body.extend(c.zh_hans.clone());
            body.extend(c.zh_hant.clone());
        }
        if let Some(name) = zh.get(v.entity.id.as_str()) {
            body.push((*name).to_string());
        }
        body.dedup();
        docs.push(SearchDoc {
            id: v.entity.id.to_string(),
            schema: v.schema().to_string(),
            country,
            title: title(v),
            body: body.join(" · "),
        });
    }
    for s in store.all_sources().await? {
        let body = [Some(s.url.clone()), s.title.clone(), s.publisher.clone(), s.kind_guess.clone()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        docs.push(SearchDoc {
            id: s.id.to_string(),
            schema: "Source".into(),
            country: None,
            title: s.publisher.clone().unwrap_or_else(|| s.url.clone()),
            body,
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
    /// Label.
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
                country: h.country,
                title: h.title,
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
