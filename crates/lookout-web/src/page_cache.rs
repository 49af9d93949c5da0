//! Rendered pages kept in memory per data version: a page is rendered once per version of the
//! store, language and URL, then served from memory. The version is read from the store at most
//! once a second, so an import by another process shows within a second.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use lookout_store::Store;

use crate::i18n::Lang;

/// Bytes of pages kept at most; past this the cache is emptied and refilled (pages are cheap to
/// render again). A bound on bytes, not entries, so that requests for many distinct URLs cannot
/// make the server hold more than this.
const MAX_BYTES: usize = 32 << 20;
/// How long a read of the data version is trusted.
const VERSION_TTL: Duration = Duration::from_secs(1);
/// Bodies larger than this are not kept (downloads).
const MAX_BODY: usize = 1 << 20;

struct Cached {
    version: i64,
    headers: HeaderMap,
    body: Bytes,
}

/// The cache of rendered pages.
#[derive(Default)]
pub struct PageCache {
    version: Mutex<Option<(Instant, i64)>>,
    pages: Mutex<Pages>,
}

#[derive(Default)]
struct Pages {
    entries: HashMap<(Lang, String), Cached>,
    bytes: usize,
}

impl PageCache {
    /// Forgets the data version read last, so that the next page reads it again: called after
    /// this server writes to the store, so that a change shows at once, not after the version's
    /// time to live.
    pub fn forget_version(&self) {
        if let Ok(mut guard) = self.version.lock() {
            *guard = None;
        }
    }

    async fn version<S: Store>(&self, store: &S) -> Option<i64> {
        if let Ok(guard) = self.version.lock() {
            if let Some((at, v)) = *guard {
                if at.elapsed() < VERSION_TTL {
                    return Some(v);
                }
            }
        }
        let v = store.data_version().await.ok()?;
        if let Ok(mut guard) = self.version.lock() {
            *guard = Some((Instant::now(), v));
        }
        Some(v)
    }
}

/// Whether an `If-None-Match` header names `tag` (or is `*`).
fn etag_matches(asked: &axum::http::HeaderValue, tag: &axum::http::HeaderValue) -> bool {
    let (Ok(asked), Ok(tag)) = (asked.to_str(), tag.to_str()) else { return false };
    asked.split(',').map(str::trim).any(|t| t == "*" || t == tag || t.trim_start_matches("W/") == tag)
}

/// Serves GET pages and API answers from the cache, or renders and keeps them; a cached answer
/// with an ETag (the API's) answers a matching `If-None-Match` with 304. Downloads and search
/// results are not cached; responses that set a cookie, are not 200, or are large pass through
/// untouched.
pub async fn cached_pages<S: Store>(
    State((cache, store)): State<(Arc<PageCache>, Arc<S>)>,
    request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path();
    // Never cached: downloads, search (pages and API: any words make a new address), the
    // reporting and review pages (form tokens, sessions, no-store), the workspace (signed-in
    // pages), the incident counts (publishing does not change the data version), and /data and
    // the releases (cutting a release does not either).
    if request.method() != Method::GET
        || path == "/data"
        || path.starts_with("/data/")
        || path == "/search"
        || path == "/api/v1/search"
        || path.starts_with("/api/v1/incidents")
        || path.starts_with("/api/v1/releases")
        || path.starts_with("/report")
        || path.starts_with("/review")
        || path.starts_with("/workspace")
        || path == "/incidents"
    {
        return next.run(request).await;
    }
    let Some(version) = cache.version(store.as_ref()).await else { return next.run(request).await };
    let lang = Lang::of_request(request.uri().query(), request.headers());
    let sets_cookie = request.uri().query().and_then(crate::i18n::query_lang).is_some();
    let key = (lang, request.uri().to_string());
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    if !sets_cookie {
        if let Ok(pages) = cache.pages.lock() {
            if let Some(c) = pages.entries.get(&key).filter(|c| c.version == version) {
                let etag = c.headers.get(header::ETAG);
                let fresh = matches!((etag, &if_none_match), (Some(tag), Some(asked)) if etag_matches(asked, tag));
                let status = if fresh { StatusCode::NOT_MODIFIED } else { StatusCode::OK };
                let body = if fresh { Bytes::new() } else { c.body.clone() };
                let mut response = (status, body).into_response();
                *response.headers_mut() = c.headers.clone();
                return response;
            }
        }
    }
    let response = next.run(request).await;
    // A page marked no-store is someone's own (a signed-in page): never kept, whatever its path.
    let private = response.headers().get(header::CACHE_CONTROL).is_some_and(|v| v.as_bytes().starts_with(b"no-store"));
    if sets_cookie
        || private
        || response.status() != StatusCode::OK
        || response.headers().contains_key(header::SET_COOKIE)
    {
        return response;
    }
    let (parts, body) = response.into_parts();
    // A large answer (an API page of 500 items) is served as it is, not kept.
    let size = http_body::Body::size_hint(&body).exact();
    if size.is_none_or(|n| n > MAX_BODY as u64) {
        return Response::from_parts(parts, body);
    }
    let Ok(bytes) = axum::body::to_bytes(body, MAX_BODY).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "response too large to buffer").into_response();
    };
    if let Ok(mut pages) = cache.pages.lock() {
        if pages.bytes + bytes.len() > MAX_BYTES {
            pages.entries.clear();
            pages.bytes = 0;
        }
        pages.bytes += bytes.len();
        if let Some(old) =
            pages.entries.insert(key, Cached { version, headers: parts.headers.clone(), body: bytes.clone() })
        {
            pages.bytes -= old.body.len();
        }
    }
    Response::from_parts(parts, Body::from(bytes))
}
