//! `/figures`.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use lookout_store::Store;

use crate::error::WebError;
use crate::i18n::{Locale, Text};
use crate::service::figures::{figure_groups, FigureGroup};
use crate::state::AppState;

/// The figures page.
#[derive(Template)]
#[template(path = "figures.html")]
pub struct FiguresPage {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// Every figure with the claims that contradict it.
    pub groups: Vec<FigureGroup>,
}

/// `GET /figures`.
pub async fn figures<S: Store>(State(app): State<AppState<S>>, loc: Locale) -> Result<Html<String>, WebError> {
    let groups = figure_groups(app.store.as_ref()).await?;
    Ok(Html(FiguresPage { t: loc.t, switch_href: loc.switch_href, groups }.render()?))
}
