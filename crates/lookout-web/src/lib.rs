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
pub mod service;

use std::net::SocketAddr;
use std::sync::Arc;

use lookout_store::Store;
use tokio::net::TcpListener;

pub use app::{router, AppState};
pub use error::WebError;

/// Serves the site on `listener` until `shutdown` completes.
pub async fn serve<S: Store>(
    store: Arc<S>,
    listener: TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let countries = lookout_geo::Countries::bundled();
    let map = map_cache::MapCache::new(&countries).map_err(|e| std::io::Error::other(e.to_string()))?;
    let state = AppState {
        store,
        countries: Arc::new(countries),
        map: Arc::new(map),
        pages: Arc::default(),
        search: Arc::default(),
        matcher: Arc::default(),
    };
    axum::serve(listener, router(state).into_make_service()).with_graceful_shutdown(shutdown).await
}

/// Binds `addr`, failing with a message naming the address.
pub async fn bind(addr: SocketAddr) -> std::io::Result<TcpListener> {
    TcpListener::bind(addr).await.map_err(|e| std::io::Error::new(e.kind(), format!("cannot listen on {addr}: {e}")))
}
