//! What handlers share. Imports no handler: every handler imports it.

use std::sync::Arc;

use lookout_geo::Countries;

use crate::i18n::{Lang, Localized};
use crate::map_cache::MapCache;
use crate::page_cache::PageCache;
use crate::reporting::shared::Reporting;
use crate::service::documents::DocumentSearch;
use crate::service::duplicates::DuplicateCache;
use crate::service::matching::MatchCache;
use crate::service::releases::Releases;
use crate::service::search::SearchCache;
use crate::workspace::documents::jobs::Uploads;

/// What handlers share.
pub(crate) struct AppState<S> {
    /// The store.
    pub store: Arc<S>,
    /// Country names.
    pub countries: Arc<Countries>,
    /// The world map.
    pub map: Arc<MapCache>,
    /// Rendered pages.
    pub pages: Arc<PageCache>,
    /// The search index.
    pub search: Arc<SearchCache>,
    /// The ingested documents' index.
    pub documents: Arc<DocumentSearch>,
    /// The name index for matching.
    pub matcher: Arc<MatchCache>,
    /// The workspace's candidate duplicates, ranked per data version.
    pub duplicates: Arc<DuplicateCache>,
    /// Protected reporting: form tokens, sessions, limits.
    pub reporting: Arc<Reporting>,
    /// Whether what one account adds or accepts waits for a different account's confirmation.
    pub four_eyes: bool,
    /// Uploads of documents being read in child processes.
    pub uploads: Arc<Uploads>,
    /// The signed releases.
    pub releases: Arc<Releases>,
}

impl<S> AppState<S> {
    /// The country table in a language.
    pub fn localized(&self, lang: Lang) -> Localized<'_> {
        Localized { countries: &self.countries, lang }
    }
}

impl<S> Clone for AppState<S> {
    fn clone(&self) -> Self {
        AppState {
            store: self.store.clone(),
            countries: self.countries.clone(),
            map: self.map.clone(),
            pages: self.pages.clone(),
            documents: self.documents.clone(),
            search: self.search.clone(),
            matcher: self.matcher.clone(),
            duplicates: self.duplicates.clone(),
            reporting: self.reporting.clone(),
            four_eyes: self.four_eyes,
            uploads: self.uploads.clone(),
            releases: self.releases.clone(),
        }
    }
}
