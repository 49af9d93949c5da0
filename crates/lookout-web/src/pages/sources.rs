//! `/sources/{id}`.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use lookout_store::{DocumentStore, Store};

use crate::error::WebError;
use crate::i18n::{Locale, Text};
use crate::service::sources::{source_page, SourcePage};
use crate::state::AppState;

/// A source's page.
#[derive(Template)]
#[template(path = "source.html")]
pub struct SourceTemplate {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// The source.
    pub p: SourcePage,
}

/// `GET /sources/{id}`.
pub async fn source<S: Store + DocumentStore>(
    State(app): State<AppState<S>>,
    loc: Locale,
    Path(id): Path<String>,
) -> Result<Html<String>, WebError> {
    let p = source_page(app.store.as_ref(), &id).await?;
    Ok(Html(SourceTemplate { t: loc.t, switch_href: loc.switch_href, p }.render()?))
}
