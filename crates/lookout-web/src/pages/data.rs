//! `/data` (downloads, licence, how to cite), the downloads themselves, `/about` and `/map.svg`.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use lookout_release::ExportFormat;
use lookout_store::Store;

use crate::error::WebError;
use crate::i18n::{Locale, Text};
use crate::service::releases::{media_type, ReleaseView};
use crate::state::AppState;

/// The downloads page.
#[derive(Template)]
#[template(path = "data.html")]
pub struct DataPage {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// The signed releases, newest first.
    pub releases: Vec<ReleaseView>,
}

/// The methodology page.
#[derive(Template)]
#[template(path = "about.html")]
pub struct AboutPage {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
}

/// `GET /data`.
pub async fn data<S: Store>(State(app): State<AppState<S>>, loc: Locale) -> Result<Html<String>, WebError> {
    let releases = app.releases.list()?;
    Ok(Html(DataPage { t: loc.t, switch_href: loc.switch_href, releases }.render()?))
}

/// `GET /data/releases/{id}/{file}`: a file of a signed release, as it was written, streamed from
/// disk (releases never change, so it may be cached for good; its ETag is its SHA-256 where the
/// manifest has it).
pub async fn release_file<S: Store>(
    State(app): State<AppState<S>>,
    Path((id, name)): Path<(String, String)>,
) -> Result<Response, WebError> {
    let (path, sha256) = app.releases.file(&id, &name)?;
    let unreadable = |e: std::io::Error| WebError::Internal(format!("{}: {e}", path.display()));
    let file = tokio::fs::File::open(&path).await.map_err(unreadable)?;
    let len = file.metadata().await.map_err(unreadable)?.len();
    let body = axum::body::Body::new(crate::file_body::FileBody::new(file, len));
    let disposition = format!("inline; filename=\"{name}\"");
    let mut response = (
        [
            (header::CONTENT_TYPE, media_type(&name).to_string()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable".to_string()),
        ],
        body,
    )
        .into_response();
    if let Some(etag) = sha256.and_then(|sha| header::HeaderValue::from_str(&format!("\"{sha}\"")).ok()) {
        response.headers_mut().insert(header::ETAG, etag);
    }
    Ok(response)
}

/// `GET /about`.
pub async fn about(loc: Locale) -> Result<Html<String>, WebError> {
    Ok(Html(AboutPage { t: loc.t, switch_href: loc.switch_href }.render()?))
}

/// `GET /data/{file}`: `lookout.csv`, `lookout.json`, `lookout.geojson`, `lookout.ftm.jsonl`, `lookout.gexf`.
pub async fn download<S: Store + lookout_store::DocumentStore>(
    State(app): State<AppState<S>>,
    Path(file): Path<String>,
) -> Result<Response, WebError> {
    let (format, media_type) = match file.as_str() {
        "lookout.csv" => (ExportFormat::Csv, "text/csv; charset=utf-8"),
        "lookout.json" => (ExportFormat::Json, "application/json"),
        "lookout.geojson" => (ExportFormat::GeoJson, "application/geo+json"),
        "lookout.ftm.jsonl" => (ExportFormat::Ftm, "application/x-ndjson"),
        "lookout.gexf" => (ExportFormat::Gexf, "application/gexf+xml"),
        _ => return Err(WebError::NotFound(format!("download {file:?}"))),
    };
    let mut body = Vec::new();
    lookout_release::export(app.store.as_ref(), format, &mut body)
        .await
        .map_err(|e| WebError::Internal(e.to_string()))?;
    let disposition = format!("attachment; filename=\"{file}\"");
    Ok(([(header::CONTENT_TYPE, media_type.to_string()), (header::CONTENT_DISPOSITION, disposition)], body)
        .into_response())
}

/// `GET /map.svg`: the map on its own, from the cache.
pub async fn map_svg<S: Store>(State(app): State<AppState<S>>, loc: Locale) -> Result<Response, WebError> {
    let rendered = app.map.rendered(app.store.as_ref(), &app.localized(loc.lang), loc.t).await?;
    Ok((
        [(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=300")],
        rendered.svg.to_string(),
    )
        .into_response())
}
