//! `/responses`.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use lookout_store::Store;

use crate::error::WebError;
use crate::i18n::{Locale, Text};
use crate::service::responses::{list_responses, ResponseList, ResponseQuery};
use crate::state::AppState;

/// The responses page.
#[derive(Template)]
#[template(path = "responses.html")]
pub struct ResponsesPage {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// Responses and filter choices.
    pub list: ResponseList,
    /// Selected country.
    pub country: String,
    /// Selected action.
    pub action: String,
}

/// `GET /responses`.
pub async fn responses<S: Store>(
    State(app): State<AppState<S>>,
    loc: Locale,
    Query(q): Query<ResponseQuery>,
) -> Result<Html<String>, WebError> {
    let list = list_responses(app.store.as_ref(), &app.localized(loc.lang), &q).await?;
    let page = ResponsesPage {
        t: loc.t,
        switch_href: loc.switch_href,
        list,
        country: q.country.unwrap_or_default().to_ascii_uppercase(),
        action: q.action.unwrap_or_default(),
    };
    Ok(Html(page.render()?))
}
