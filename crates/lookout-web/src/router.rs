//! The application's routes and the headers every response carries.

use axum::extract::Request;
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use lookout_store::{CurationStore, DocumentStore, ReportStore, Store, WorkspaceStore};

use crate::error::WebError;
use crate::i18n::{query_lang, Lang};
use crate::pages;
use crate::state::AppState;

const STYLE: &str = include_str!("../assets/style.css");

/// Security headers on every response: no third-party requests, no framing, no referrer.
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, k: &'static str, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(
        h,
        "content-security-policy",
        "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    set(h, "x-content-type-options", "nosniff");
    set(h, "x-frame-options", "DENY");
    set(h, "referrer-policy", "no-referrer");
    set(h, "cross-origin-opener-policy", "same-origin");
    set(h, "permissions-policy", "geolocation=(), camera=(), microphone=(), interest-cohort=()");
    response
}

/// Marks responses with their language and, when `?lang=` chose it, remembers the choice in a
/// preference cookie (no identifier: only `en` or `zh`).
async fn language(request: Request, next: Next) -> Response {
    let lang = Lang::of_request(request.uri().query(), request.headers());
    let chosen = request.uri().query().and_then(query_lang);
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(lang.tag()));
    h.insert(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
    if let Some(chosen) = chosen {
        let cookie = format!("lang={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly", chosen.code());
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            h.insert(header::SET_COOKIE, v);
        }
    }
    response
}

async fn stylesheet() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "public, max-age=3600")], STYLE)
}

async fn not_found() -> WebError {
    WebError::NotFound("this page".into())
}

/// The application's routes.
pub(crate) fn router<S: Store + ReportStore + DocumentStore + WorkspaceStore + CurationStore>(
    state: AppState<S>,
    log: crate::request_log::LogLevel,
) -> Router {
    Router::new()
        .route("/", get(pages::home::home::<S>))
        .route("/stations", get(pages::stations::stations::<S>))
        .route("/stations/{key}", get(pages::stations::station::<S>))
        .route("/stations/{key}/changes.atom", get(pages::feeds::station::<S>))
        .route("/countries/{code}", get(pages::countries::country::<S>))
        .route("/countries/{code}/changes.atom", get(pages::feeds::country::<S>))
        .route("/changes.atom", get(pages::feeds::all::<S>))
        .route("/bureaus/{id}", get(pages::bureaus::bureau::<S>))
        .route("/figures", get(pages::figures::figures::<S>))
        .route("/search", get(pages::search::search::<S>))
        .route("/responses", get(pages::responses::responses::<S>))
        .route("/sources/{id}", get(pages::sources::source::<S>))
        .route("/data", get(pages::data::data::<S>))
        .route("/data/releases/{id}/{file}", get(pages::data::release_file::<S>))
        .route("/data/{file}", get(pages::data::download::<S>))
        .route("/about", get(pages::data::about))
        .route("/map.svg", get(pages::data::map_svg::<S>))
        .route("/assets/style.css", get(stylesheet))
        .route("/healthz", get(|| async { (StatusCode::OK, "ok") }))
        .merge(crate::api::router::<S>())
        .merge(crate::reporting::router::<S>())
        .merge(crate::workspace::router::<S>())
        .fallback(not_found)
        .layer(middleware::from_fn_with_state(
            (state.pages.clone(), state.store.clone()),
            crate::page_cache::cached_pages::<S>,
        ))
        .layer(middleware::from_fn(crate::error::localize_error_pages))
        .layer(middleware::from_fn(language))
        .layer(middleware::from_fn(security_headers))
        .layer(middleware::from_fn_with_state(log, crate::request_log::log_requests))
        .with_state(state)
}
