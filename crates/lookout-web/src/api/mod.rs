//! The JSON API under `/api/v1`, documented by the OpenAPI 3.1 document at `/api/openapi.json`
//! (generated from the handlers; a test keeps the routes and the document in step and the
//! checked-in `openapi.json` current). Lists use cursor pagination; every response has an ETag and
//! answers `If-None-Match` with 304; every error is `{message, code, type, link}`.

mod contract;
mod countries;
mod docs;
mod entities;
mod error;
mod extract;
mod figures;
mod incidents;
mod match_schema;
mod matching;
mod pagination;
mod releases;
mod search;
mod sources;
mod stations;
mod yente;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use lookout_store::{DocumentStore, ReportStore, Store};
use sha2::{Digest, Sha256};
use utoipa::OpenApi;

use contract::TableBound;
use error::{ApiError, ErrorBody};

use crate::state::AppState;

/// The OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    info(title = "Lookout API", description = "The public record of reported overseas police service stations: stations, entities, statements with their sources and grades, sources, figures, responses and countries; the signed releases of the record; and name matching against it in yente's /match shape. Persons are never included."),
    paths(
        stations::list, stations::get, entities::get, entities::statements, sources::list, sources::get,
        figures::figures, figures::responses, countries::list, countries::get, search::search,
        matching::match_entities, incidents::api_counts, releases::list, yente::match_dataset, yente::entity,
    ),
    components(schemas(ErrorBody)),
    modifiers(&TableBound),
    tags((name = "stations"), (name = "entities"), (name = "sources"), (name = "figures"), (name = "responses"), (name = "countries"), (name = "search"), (name = "match"), (name = "incidents"), (name = "releases"))
)]
pub struct ApiDoc;

/// Collects routes and their paths, so that a test can compare them with the OpenAPI document.
struct Routes<S> {
    router: Router<AppState<S>>,
    paths: Vec<&'static str>,
}

impl<S: Store + ReportStore + DocumentStore> Routes<S> {
    fn route(mut self, path: &'static str, handler: MethodRouter<AppState<S>>) -> Self {
        self.paths.push(path);
        self.router = self.router.route(path, handler);
        self
    }
}

fn routes<S: Store + ReportStore + DocumentStore>() -> Routes<S> {
    Routes { router: Router::new(), paths: Vec::new() }
        .route("/api/v1/stations", get(stations::list::<S>))
        .route("/api/v1/stations/{key}", get(stations::get::<S>))
        .route("/api/v1/entities/{id}", get(entities::get::<S>))
        .route("/api/v1/statements", get(entities::statements::<S>))
        .route("/api/v1/sources", get(sources::list::<S>))
        .route("/api/v1/sources/{id}", get(sources::get::<S>))
        .route("/api/v1/figures", get(figures::figures::<S>))
        .route("/api/v1/responses", get(figures::responses::<S>))
        .route("/api/v1/countries", get(countries::list::<S>))
        .route("/api/v1/countries/{code}", get(countries::get::<S>))
        .route("/api/v1/search", get(search::search::<S>))
        .route("/api/v1/incidents/counts", get(incidents::api_counts::<S>))
        .route("/api/v1/releases", get(releases::list::<S>))
        .route(
            "/api/v1/match",
            post(matching::match_entities::<S>).layer(axum::extract::DefaultBodyLimit::max(matching::MATCH_BODY_LIMIT)),
        )
        .route(
            "/match/{dataset}",
            post(yente::match_dataset::<S>).layer(axum::extract::DefaultBodyLimit::max(matching::MATCH_BODY_LIMIT)),
        )
        .route("/entities/{id}", get(yente::entity::<S>))
}

/// The paths the API serves (for the test that checks they are all documented).
#[cfg(test)]
fn served_paths<S: Store + ReportStore + DocumentStore>() -> Vec<&'static str> {
    routes::<S>().paths
}

async fn openapi_json() -> Response {
    Json(ApiDoc::openapi()).into_response()
}

/// Strong ETags from the body, and 304 for a matching `If-None-Match`.
async fn etag(request: Request, next: Next) -> Response {
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    if response.status() != StatusCode::OK {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 << 20).await else {
        return ApiError(crate::error::WebError::Internal("response body unreadable".into())).into_response();
    };
    let digest = Sha256::digest(&bytes);
    let tag = format!("\"{}\"", digest[..16].iter().map(|b| format!("{b:02x}")).collect::<String>());
    let value = HeaderValue::from_str(&tag).expect("hex is a valid header value");
    parts.headers.insert(header::ETAG, value.clone());
    parts.headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    let matches = if_none_match.and_then(|v| v.to_str().ok().map(str::to_string)).is_some_and(|v| {
        v.split(',').any(|t| t.trim() == tag || t.trim() == "*" || t.trim().trim_start_matches("W/") == tag)
    });
    if matches {
        parts.status = StatusCode::NOT_MODIFIED;
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The API routes, with ETags, JSON errors for unknown paths, and the OpenAPI document.
pub fn router<S: Store + ReportStore + DocumentStore>() -> Router<AppState<S>> {
    routes::<S>()
        .router
        .route("/api/openapi.json", get(openapi_json))
        .route("/api/{*rest}", get(error::api_not_found))
        .layer(middleware::from_fn(etag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_is_in_the_openapi_document_and_back() {
        let doc = ApiDoc::openapi();
        let mut documented: Vec<&str> = doc.paths.paths.keys().map(String::as_str).collect();
        documented.sort();
        let mut served = served_paths::<lookout_store::SqliteStore>();
        served.sort();
        assert_eq!(served, documented);
    }

    #[test]
    fn the_checked_in_openapi_document_is_current() {
        let generated = ApiDoc::openapi().to_pretty_json().unwrap() + "\n";
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.json");
        if std::env::var_os("UPDATE_OPENAPI").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "crates/lookout-web/openapi.json is out of date: run `UPDATE_OPENAPI=1 cargo test -p lookout-web openapi` and commit it"
        );
        assert!(generated.contains("\"openapi\": \"3.1.0\""));
    }
}
