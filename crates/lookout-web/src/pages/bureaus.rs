//! `/bureaus/{id}`.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use lookout_store::Store;

use crate::error::WebError;
use crate::i18n::{Locale, Text};
use crate::service::bureaus::{bureau_page, BureauPage};
use crate::state::AppState;

/// A bureau's page.
#[derive(Template)]
#[template(path = "bureau.html")]
pub struct BureauTemplate {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// The bureau.
    pub b: BureauPage,
}

/// `GET /bureaus/{id}`.
pub async fn bureau<S: Store>(
    State(app): State<AppState<S>>,
    loc: Locale,
    Path(id): Path<String>,
) -> Result<Html<String>, WebError> {
    let b = bureau_page(app.store.as_ref(), &app.localized(loc.lang), &id).await?;
    Ok(Html(BureauTemplate { t: loc.t, switch_href: loc.switch_href, b }.render()?))
}
