//! `/`: the map, headline figures and the latest responses.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use lookout_store::Store;

use crate::error::WebError;
use crate::i18n::{Locale, Text};
use crate::map_cache::RenderedMap;
use crate::service::figures::{figure_groups, FigureGroup};
use crate::service::responses::{list_responses, ResponseQuery, ResponseView};
use crate::state::AppState;

/// How many responses the home page shows.
const LATEST_RESPONSES: usize = 6;
/// How many figure groups the home page shows.
const HEADLINE_FIGURES: usize = 6;

/// The home page.
#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// Map data (its text alternative).
    pub map: crate::service::countries::MapData,
    /// The map's SVG.
    pub map_svg: std::sync::Arc<str>,
    /// Stations in all.
    pub total: usize,
    /// Headline figures.
    pub groups: Vec<FigureGroup>,
    /// Latest responses.
    pub responses: Vec<ResponseView>,
}

/// `GET /`.
pub async fn home<S: Store>(State(app): State<AppState<S>>, loc: Locale) -> Result<Html<String>, WebError> {
    let names = app.localized(loc.lang);
    let RenderedMap { svg, data } = app.map.rendered(app.store.as_ref(), &names, loc.t).await?;
    let mut groups = figure_groups(app.store.as_ref()).await?;
    groups.truncate(HEADLINE_FIGURES);
    let mut responses = list_responses(app.store.as_ref(), &names, &ResponseQuery::default()).await?.responses;
    responses.truncate(LATEST_RESPONSES);
    let total = data.countries.iter().map(|c| c.count).sum();
    let page = HomePage { t: loc.t, switch_href: loc.switch_href, map: data, map_svg: svg, total, groups, responses };
    Ok(Html(page.render()?))
}
