//! What pages (and, later, the JSON API) show, computed from the store. No HTML here.

use std::collections::HashMap;

use lookout_core::{EntityId, Source, SourceId, Statement};

use crate::error::WebError;
use crate::i18n::Localized;

/// The entity id of a station from its URL key (or full id); not found when it cannot be one.
pub(crate) fn station_id(key: &str) -> Result<EntityId, WebError> {
    lookout_core::ids::station_id(key).map_err(|_| WebError::NotFound(format!("station {key:?}")))
}

/// A query parameter with surrounding space removed, `None` when empty.
pub(crate) fn param(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
}

/// A `country` parameter checked against the country table (any case), as its ISO code.
pub(crate) fn country_param(names: &Localized<'_>, value: &Option<String>) -> Result<Option<String>, WebError> {
    match param(value) {
        Some(c) => names
            .get(&c)
            .map(|c| Some(c.iso2.clone()))
            .ok_or_else(|| WebError::BadRequest(format!("country: unknown country code {c:?}"))),
        None => Ok(None),
    }
}

/// Where a page links for a source: its address, or for a captured file (which has none) its
/// page here.
pub(crate) fn source_address(source: &Source) -> String {
    if source.url.starts_with("file:") {
        format!("/sources/{}", source.id)
    } else {
        source.url.clone()
    }
}

/// What a page calls a source: its publisher, else its title, else its address.
pub(crate) fn source_label(source: &Source) -> String {
    source.publisher.clone().or_else(|| source.title.clone()).unwrap_or_else(|| source.url.clone())
}

/// The ids of the sources of `statements`, sorted, without repeats.
pub(crate) fn source_ids_of<'a>(statements: impl IntoIterator<Item = &'a Statement>) -> Vec<SourceId> {
    let mut ids: Vec<SourceId> = statements.into_iter().map(|s| s.source_id.clone()).collect();
    ids.sort();
    ids.dedup();
    ids
}

/// The (address, label) of the sources of `statements`, sorted, without repeats.
pub(crate) fn source_links(statements: &[Statement], sources: &HashMap<SourceId, Source>) -> Vec<(String, String)> {
    let mut links: Vec<(String, String)> = statements
        .iter()
        .filter_map(|s| sources.get(&s.source_id))
        .map(|s| (source_address(s), source_label(s)))
        .collect();
    links.sort();
    links.dedup();
    links
}

pub(crate) mod bureaus;
pub(crate) mod changes;
pub(crate) mod countries;
pub(crate) mod documents;
pub(crate) mod duplicates;
pub(crate) mod figures;
pub(crate) mod hosts;
pub(crate) mod local_names;
pub(crate) mod matching;
pub(crate) mod releases;
pub(crate) mod responses;
pub(crate) mod search;
pub(crate) mod search_docs;
pub(crate) mod sources;
pub(crate) mod station;
pub(crate) mod stations;
