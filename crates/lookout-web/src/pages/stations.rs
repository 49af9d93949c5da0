//! `/stations` and `/stations/{key}`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Html;
use lookout_core::StationStatus;
use lookout_store::{DocumentStore, Store};

use crate::error::WebError;
use crate::i18n::{Locale, Text};
use crate::service::station::{station_detail, StationDetail};
use crate::service::stations::{list_stations, StationList, StationQuery, StationRow};
use crate::state::AppState;

/// The stations list page.
#[derive(Template)]
#[template(path = "stations.html")]
pub struct StationsPage {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// Stations and filter choices.
    pub list: StationList,
    /// The matching stations (the shared table's rows).
    pub rows: Vec<StationRow>,
    /// Selected country.
    pub country: String,
    /// Selected bureau.
    pub bureau: String,
    /// Selected status.
    pub status: String,
    /// Selected first report.
    pub first: String,
    /// Selected order.
    pub sort: String,
}

impl StationsPage {
    /// Whether `s` is the selected status.
    pub fn is_status(&self, s: &StationStatus) -> bool {
        self.status == s.as_str()
    }

    /// Whether `s` is the selected order.
    pub fn is_sort(&self, s: &str) -> bool {
        self.sort == s
    }

    /// The orders offered.
    pub fn sorts(&self) -> &'static [&'static str] {
        crate::service::stations::SORTS
    }
}

/// One station's page.
#[derive(Template)]
#[template(path = "station.html")]
pub struct StationPage {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// The station.
    pub d: StationDetail,
}

/// `GET /stations`.
pub async fn stations<S: Store>(
    State(app): State<AppState<S>>,
    loc: Locale,
    Query(query): Query<StationQuery>,
) -> Result<Html<String>, WebError> {
    let list = list_stations(app.store.as_ref(), &app.localized(loc.lang), &query).await?;
    let page = StationsPage {
        t: loc.t,
        switch_href: loc.switch_href,
        rows: list.rows.clone(),
        list,
        country: query.country.clone().unwrap_or_default().to_ascii_uppercase(),
        bureau: query.bureau.clone().unwrap_or_default(),
        status: query.status.clone().unwrap_or_default(),
        first: query.first.clone().unwrap_or_default(),
        sort: query.sort.clone().unwrap_or_default(),
    };
    Ok(Html(page.render()?))
}

/// `GET /stations/{key}`.
pub async fn station<S: Store + DocumentStore>(
    State(app): State<AppState<S>>,
    loc: Locale,
    Path(key): Path<String>,
) -> Result<Html<String>, WebError> {
    let d = station_detail(app.store.as_ref(), &app.localized(loc.lang), &key).await?;
    Ok(Html(StationPage { t: loc.t, switch_href: loc.switch_href, d }.render()?))
}
