//! `/search`.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Html;
use lookout_store::{DocumentStore, Store};

use crate::error::WebError;
use crate::i18n::{Locale, Text};
use crate::service::search::{search as run_search, SearchParams, SearchView};
use crate::state::AppState;

/// The search page.
#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// The words searched.
    pub q: String,
    /// The schema filter.
    pub schema: String,
    /// The country filter.
    pub country: String,
    /// Results.
    pub r: SearchView,
}

impl SearchPage {
    /// A link to these results narrowed (or widened, with "") to a schema.
    pub fn with_schema(&self, schema: &str) -> String {
        Self::href(&self.q, schema, &self.country)
    }

    /// A link to these results narrowed (or widened, with "") to a country.
    pub fn with_country(&self, country: &str) -> String {
        Self::href(&self.q, &self.schema, country)
    }

    fn href(q: &str, schema: &str, country: &str) -> String {
        let mut url = format!("/search?q={}", encode(q));
        if !schema.is_empty() {
            url.push_str(&format!("&schema={}", encode(schema)));
        }
        if !country.is_empty() {
            url.push_str(&format!("&country={}", encode(country)));
        }
        url
    }
}

/// Percent-encodes a query-string value.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `GET /search?q=&schema=&country=`.
pub async fn search<S: Store + DocumentStore>(
    State(app): State<AppState<S>>,
    loc: Locale,
    Query(params): Query<SearchParams>,
) -> Result<Html<String>, WebError> {
    let r = run_search(app.store.as_ref(), &app.localized(loc.lang), &app.search, &app.documents, &params).await?;
    let page = SearchPage {
        t: loc.t,
        switch_href: loc.switch_href,
        q: params.q.unwrap_or_default(),
        schema: params.schema.unwrap_or_default(),
        country: params.country.unwrap_or_default().to_ascii_uppercase(),
        r,
    };
    Ok(Html(page.render()?))
}

#[cfg(test)]
mod tests {
    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(super::encode("公安局 & x"), "%E5%85%AC%E5%AE%89%E5%B1%80%20%26%20x");
    }
}
