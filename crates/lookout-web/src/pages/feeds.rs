//! Atom feeds (RFC 4287) of confirmed changes to the public record: `/changes.atom`, and one per
//! station and per country, so that people can follow them without an account.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use lookout_store::{ChangeScope, Store};

use crate::error::WebError;
use crate::i18n::Lang;
use crate::service::changes::{feed_entries, FeedEntry};
use crate::state::AppState;

/// An Atom feed.
#[derive(Template)]
#[template(path = "changes.xml")]
pub struct Feed {
    /// The feed's permanent id (an IRI).
    pub id: String,
    /// Its title.
    pub title: String,
    /// When its newest entry changed (the Unix epoch when it has none).
    pub updated: String,
    /// Its own path.
    pub self_href: String,
    /// The page it follows.
    pub page_href: String,
    /// Newest first.
    pub entries: Vec<FeedEntry>,
}

async fn render<S: Store>(
    app: &AppState<S>,
    scope: ChangeScope,
    id: String,
    title: String,
    page_href: String,
) -> Result<Response, WebError> {
    let entries = feed_entries(app.store.as_ref(), &scope).await?;
    let updated = entries.first().map_or_else(|| "1970-01-01T00:00:00Z".to_string(), |e| e.updated.clone());
    let self_href = if page_href == "/" { "/changes.atom".to_string() } else { format!("{page_href}/changes.atom") };
    let feed = Feed { id, title, updated, self_href, page_href, entries };
    Ok(([(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")], feed.render()?).into_response())
}

/// `GET /changes.atom`: every change.
pub async fn all<S: Store>(State(app): State<AppState<S>>) -> Result<Response, WebError> {
    let title = "Lookout: changes to the public record".to_string();
    render(&app, ChangeScope::All, "urn:lookout:changes".into(), title, "/".into()).await
}

/// `GET /stations/{key}/changes.atom`: changes to a station and to what links to it.
pub async fn station<S: Store>(State(app): State<AppState<S>>, Path(key): Path<String>) -> Result<Response, WebError> {
    let id = crate::service::station_id(&key)?;
    if app.store.entity(&id).await?.is_none_or(|r| !r.is_public()) {
        return Err(WebError::NotFound(format!("station {key:?}")));
    }
    let key = lookout_core::ids::station_key(&id);
    let title = format!("Lookout: changes to station {key}");
    render(
        &app,
        ChangeScope::Entity(id.clone()),
        format!("urn:lookout:changes:{id}"),
        title,
        format!("/stations/{key}"),
    )
    .await
}

/// `GET /countries/{code}/changes.atom`: changes to a country's stations and responses and to
/// what links to them.
pub async fn country<S: Store>(State(app): State<AppState<S>>, Path(code): Path<String>) -> Result<Response, WebError> {
    let names = app.localized(Lang::En);
    let country =
        names.get(&code).filter(|_| code.len() == 2).ok_or_else(|| WebError::NotFound(format!("country {code:?}")))?;
    let iso2 = country.iso2.to_ascii_uppercase();
    let title = format!("Lookout: changes about {}", names.name(&iso2));
    let page = format!("/countries/{iso2}");
    render(&app, ChangeScope::Country(iso2.clone()), format!("urn:lookout:changes:country:{iso2}"), title, page).await
}
