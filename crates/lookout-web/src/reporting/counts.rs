//! Public counts of published incidents: the latest release, on the page `/incidents` (here) and
//! in the API (`crate::api`). Both show the same release and take no parameters, so no two queries
//! can be differenced.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use lookout_report::kanon::PublicCounts;
use lookout_store::{ReportStore, Store};

use super::public::desk_error;
use crate::error::WebError;
use crate::i18n::{Locale, Text};
use crate::state::AppState;

/// The latest release of the counts: its day (none before the first) and the counts.
pub(crate) async fn latest<S: Store + ReportStore>(
    app: &AppState<S>,
) -> Result<(Option<String>, PublicCounts), WebError> {
    let empty =
        || PublicCounts { k: app.reporting.k, total: 0, by_country: vec![], by_category: vec![], by_month: vec![] };
    let latest = lookout_report::desk::published_counts(app.store.as_ref()).await.map_err(desk_error)?;
    Ok(match latest {
        Some((day, counts)) => (Some(day), counts),
        None => (None, empty()),
    })
}

/// The counts page.
#[derive(Template)]
#[template(path = "incidents.html")]
pub struct IncidentsPage {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// The day of the release shown.
    pub released_on: Option<String>,
    /// The counts.
    pub counts: PublicCounts,
    /// Country names by code.
    pub country_names: Vec<(String, String)>,
}

impl IncidentsPage {
    /// A cell's label: a country's name, a category, a month, or "others".
    pub fn label(&self, key: &Option<String>) -> String {
        match key {
            None if self.t.zh => format!("其他（每项少于 {}）", self.counts.k),
            None => format!("Others (each fewer than {})", self.counts.k),
            Some(code) => {
                self.country_names.iter().find(|(c, _)| c == code).map_or_else(|| code.clone(), |(_, n)| n.clone())
            }
        }
    }
}

/// `GET /incidents`.
pub async fn page<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    loc: Locale,
) -> Result<Html<String>, WebError> {
    let (released_on, counts) = latest(&app).await?;
    let names = app.localized(loc.lang);
    let country_names =
        counts.by_country.iter().filter_map(|c| c.key.clone()).map(|code| (code.clone(), names.name(&code))).collect();
    Ok(Html(IncidentsPage { t: loc.t, switch_href: loc.switch_href, released_on, counts, country_names }.render()?))
}
