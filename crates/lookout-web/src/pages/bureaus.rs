//! `/bureaus/{id}`.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use lookout_store::Store;

use crate::service::bureaus::{bureau_page, BureauPage};
use crate::{AppState, WebError};

/// A bureau's page.
#[derive(Template)]
#[template(path = "bureau.html")]
pub struct BureauTemplate {
    /// The bureau.
    pub b: BureauPage,
}

/// `GET /bureaus/{id}`.
pub async fn bureau<S: Store>(
    State(app): State<AppState<S>>,
    Path(id): Path<String>,
) -> Result<Html<String>, WebError> {
    let b = bureau_page(app.store.as_ref(), &app.countries, &id).await?;
    Ok(Html(BureauTemplate { b }.render()?))
}
