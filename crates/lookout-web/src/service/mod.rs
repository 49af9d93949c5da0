//! What pages (and, later, the JSON API) show, computed from the store. No HTML here.

use std::collections::HashMap;

use lookout_core::{Source, SourceId, Statement};

use crate::i18n::Localized;
use crate::WebError;

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

/// The (URL, publisher) of the sources of `statements`, sorted, without repeats.
pub(crate) fn source_links(statements: &[Statement], sources: &HashMap<SourceId, Source>) -> Vec<(String, String)> {
    let mut links: Vec<(String, String)> = statements
        .iter()
        .filter_map(|s| sources.get(&s.source_id))
        .map(|s| (s.url.clone(), s.publisher.clone().unwrap_or_default()))
        .collect();
    links.sort();
    links.dedup();
    links
}

pub mod bureaus;
pub mod countries;
pub mod documents;
pub mod figures;
pub mod matching;
pub mod responses;
pub mod search;
pub mod sources;
pub mod stations;
