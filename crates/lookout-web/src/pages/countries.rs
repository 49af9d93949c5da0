//! `/countries/{iso2}`.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Html;
use lookout_store::Store;

use crate::error::WebError;
use crate::i18n::{Locale, Text};
use crate::service::countries::{country_page, CountryPage};
use crate::state::AppState;

/// A country's page.
#[derive(Template)]
#[template(path = "country.html")]
pub struct CountryTemplate {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// The country.
    pub c: CountryPage,
    /// Its Atom feed.
    pub feed: String,
}

/// `GET /countries/{iso2}`.
pub async fn country<S: Store>(
    State(app): State<AppState<S>>,
    loc: Locale,
    Path(code): Path<String>,
) -> Result<Html<String>, WebError> {
    let c = country_page(app.store.as_ref(), &app.localized(loc.lang), &code).await?;
    let feed = format!("/countries/{}/changes.atom", code.to_ascii_uppercase());
    Ok(Html(CountryTemplate { t: loc.t, switch_href: loc.switch_href, c, feed }.render()?))
}
