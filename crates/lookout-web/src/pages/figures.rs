//! `/figures`.

use askama::Template;
use axum::extract::State;
use axum::response::Html;
use lookout_store::Store;

use crate::service::figures::{figure_groups, FigureGroup};
use crate::{AppState, WebError};

/// The figures page.
#[derive(Template)]
#[template(path = "figures.html")]
pub struct FiguresPage {
    /// Every figure with the claims that contradict it.
    pub groups: Vec<FigureGroup>,
}

/// `GET /figures`.
pub async fn figures<S: Store>(State(app): State<AppState<S>>) -> Result<Html<String>, WebError> {
    Ok(Html(FiguresPage { groups: figure_groups(app.store.as_ref()).await? }.render()?))
}
