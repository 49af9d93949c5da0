//! Lookout's web server: plain server-rendered HTML over the store, every page usable without
//! JavaScript, no request to any other host (`Content-Security-Policy: default-src 'self'`).
//! No request data (addresses, user agents) is logged or stored.
//!
//! Handlers call the functions of [`service`]; templates only lay out what those return.

pub mod api;
mod app;
mod error;
pub mod i18n;
pub mod map_cache;
pub mod page_cache;
pub mod pages;
pub mod reporting;
pub mod service;

use std::net::SocketAddr;
use std::sync::Arc;

use lookout_store::{DocumentStore, ReportStore, Store};
use tokio::net::TcpListener;

pub use app::{router, AppState};
pub use error::WebError;

/// Serves the site on `listener` until `shutdown` completes; ingested documents are searched in
/// the index in `documents_dir` (written by `lookout ingest`) once it exists.
pub async fn serve<S: Store + ReportStore + DocumentStore>(
    store: Arc<S>,
    listener: TcpListener,
    documents_dir: std::path::PathBuf,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let countries = lookout_geo::Countries::bundled();
    let map = map_cache::MapCache::new(&countries).map_err(|e| std::io::Error::other(e.to_string()))?;
    let store_ref = store.as_ref();
    let state = AppState {
        store: store.clone(),
        countries: Arc::new(countries),
        map: Arc::new(map),
        pages: Arc::default(),
        search: Arc::default(),
        documents: Arc::new(service::documents::DocumentSearch::at(documents_dir)),
        matcher: Arc::default(),
        reporting: Arc::new(reporting::Reporting::new(form_key(store_ref).await?, public_k())),
    };
    spawn_retention(state.store.clone());
    axum::serve(listener, router(state).into_make_service()).with_graceful_shutdown(shutdown).await
}

/// Binds `addr`, failing with a message naming the address.
pub async fn bind(addr: SocketAddr) -> std::io::Result<TcpListener> {
    TcpListener::bind(addr).await.map_err(|e| std::io::Error::new(e.kind(), format!("cannot listen on {addr}: {e}")))
}

/// The installation's key for signing anonymous form tokens (created on first start).
async fn form_key<S: ReportStore>(store: &S) -> std::io::Result<[u8; 32]> {
    let key = store
        .installation_secret("form-key", lookout_report::random_bytes::<32>().to_vec())
        .await
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    key.try_into().map_err(|_| std::io::Error::other("the stored form key is not 32 bytes"))
}

/// k of the public counts: `LOOKOUT_PUBLIC_K`, default 5 (never below 2).
fn public_k() -> u64 {
    std::env::var("LOOKOUT_PUBLIC_K").ok().and_then(|v| v.parse().ok()).unwrap_or(5).max(2)
}

/// Days after closing that a report's sealed contents are deleted: `LOOKOUT_RETENTION_DAYS`,
/// default 365.
pub fn retention_days() -> u32 {
    std::env::var("LOOKOUT_RETENTION_DAYS").ok().and_then(|v| v.parse().ok()).unwrap_or(365)
}

/// Applies the retention rule now and then once a day while the server runs.
fn spawn_retention<S: ReportStore>(store: Arc<S>) {
    tokio::spawn(async move {
        loop {
            if let Err(e) = lookout_report::desk::apply_retention(store.as_ref(), retention_days()).await {
                eprintln!("lookout-web: retention: {e}");
            }
            tokio::time::sleep(std::time::Duration::from_secs(86_400)).await;
        }
    });
}
