//! Lookout's web server: plain server-rendered HTML over the store, every page usable without
//! JavaScript, no request to any other host (`Content-Security-Policy: default-src 'self'`).
//! No request data (addresses, user agents) is logged or stored.
//!
//! Handlers call the functions of [`service`]; templates only lay out what those return.

mod api;
mod error;
mod file_body;
mod i18n;
mod map_cache;
mod page_cache;
mod pages;
mod reporting;
mod request_log;
mod router;
mod server;
mod service;
mod state;
mod workspace;

use std::net::SocketAddr;
use std::sync::Arc;

use lookout_store::{CurationStore, DocumentStore, ReportStore, Store, WorkspaceStore};
use tokio::net::TcpListener;

pub use reporting::sanitizer::SanitizerCommand;
pub use request_log::{BadLogLevel, LogLevel};
pub use server::ConnectionLimits;
pub use workspace::documents::jobs::IngestCommand;

use router::router;
use state::AppState;

/// How the server runs besides its store.
pub struct ServeOptions {
    /// The ingested documents' index (written by `lookout ingest`), searched once it exists.
    pub documents_dir: std::path::PathBuf,
    /// The command that cleans attachments in a child process; without one, attachments are refused.
    pub sanitizer: Option<SanitizerCommand>,
    /// Limits on connections.
    pub limits: ConnectionLimits,
    /// Whether what one account adds or accepts in the workspace waits for a different account's
    /// confirmation (`LOOKOUT_FOUR_EYES`, see [`four_eyes`]).
    pub four_eyes: bool,
    /// The command that reads uploaded documents in a child process; without one, uploads are
    /// refused (and documents' pages show no text).
    pub ingest: Option<IngestCommand>,
    /// Where `lookout release` keeps the signed releases, listed on `/data`.
    pub releases_dir: std::path::PathBuf,
    /// How much the request log writes (`LOOKOUT_LOG`, see [`LogLevel::from_env`]).
    pub log: LogLevel,
}

/// Serves the site on `listener` until `shutdown` completes.
pub async fn serve<S: Store + ReportStore + DocumentStore + WorkspaceStore + CurationStore>(
    store: Arc<S>,
    listener: TcpListener,
    options: ServeOptions,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let countries = lookout_geo::Countries::bundled();
    let map = map_cache::MapCache::new(&countries).map_err(|e| std::io::Error::other(e.to_string()))?;
    let sanitizer = match options.sanitizer {
        Some(command) => reporting::sanitizer::Sanitizer::new(command, 2, std::time::Duration::from_secs(30)),
        None => reporting::sanitizer::Sanitizer::refusing(),
    };
    let config = reporting::shared::ReportingConfig {
        form_key: form_key(store.as_ref()).await?,
        k: public_k(),
        counts_interval_days: counts_interval_days(),
        quota_bytes: report_quota_bytes(),
        sanitizer,
    };
    let state = AppState {
        store: store.clone(),
        countries: Arc::new(countries),
        map: Arc::new(map),
        pages: Arc::default(),
        search: Arc::default(),
        documents: Arc::new(service::documents::DocumentSearch::at(options.documents_dir)),
        matcher: Arc::default(),
        duplicates: Arc::default(),
        reporting: Arc::new(reporting::shared::Reporting::new(config)),
        four_eyes: options.four_eyes,
        uploads: Arc::new(workspace::documents::jobs::Uploads::new(options.ingest)),
        releases: Arc::new(service::releases::Releases::at(options.releases_dir)),
    };
    let readers = store.report_recipients().await.map_err(|e| std::io::Error::other(e.to_string()))?;
    if readers.is_empty() {
        eprintln!(
            "lookout: no reviewer can receive reports yet: /report says so and takes none; add one with \
             `lookout account add NAME --role reviewer`"
        );
    }
    spawn_daily(state.store.clone(), state.reporting.k, state.reporting.counts_interval_days);
    server::serve(listener, router(state, options.log), options.limits, shutdown).await
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

/// The environment a limited child process (`sanitize-worker`, `ingest-worker`) starts with:
/// nothing of the server's, but mimalloc told to reserve address space 64 MiB at a time. Its
/// default, 1 GiB at once, against the children's 1 GiB data limit made about one start in twenty
/// fail an allocation of a few kilobytes, so that a reporter's valid photo was refused as
/// "damaged, or too large or complex" (found by the soak run, `scripts/soak.sh`).
pub const CHILD_ENV: [(&str, &str); 1] = [("MIMALLOC_ARENA_RESERVE", "64MiB")];

/// k of the public counts: `LOOKOUT_PUBLIC_K`, default 5 (never below 2).
pub fn public_k() -> u64 {
    std::env::var("LOOKOUT_PUBLIC_K").ok().and_then(|v| v.parse().ok()).unwrap_or(5).max(2)
}

/// Whether the workspace's four eyes rule is on: `LOOKOUT_FOUR_EYES`, default true; `false`,
/// `0`, `no` or `off` turn it off (a one-person installation).
pub fn four_eyes() -> bool {
    !matches!(
        std::env::var("LOOKOUT_FOUR_EYES").map(|v| v.trim().to_ascii_lowercase()).as_deref(),
        Ok("false" | "0" | "no" | "off")
    )
}

/// Days after closing that a report's sealed contents are deleted: `LOOKOUT_RETENTION_DAYS`,
/// default 365.
fn retention_days() -> u32 {
    std::env::var("LOOKOUT_RETENTION_DAYS").ok().and_then(|v| v.parse().ok()).unwrap_or(365)
}

/// Days between releases of the public counts: `LOOKOUT_COUNTS_INTERVAL_DAYS`, default 30.
pub fn counts_interval_days() -> u32 {
    std::env::var("LOOKOUT_COUNTS_INTERVAL_DAYS").ok().and_then(|v| v.parse().ok()).unwrap_or(30)
}

/// Most bytes of sealed report messages kept: `LOOKOUT_REPORT_QUOTA_BYTES`, default 10 GiB.
/// Attachments that would go beyond it are refused (the words are still taken).
fn report_quota_bytes() -> u64 {
    std::env::var("LOOKOUT_REPORT_QUOTA_BYTES").ok().and_then(|v| v.parse().ok()).unwrap_or(10 << 30)
}

/// Applies the retention rule and releases the public counts if a release is due, now and then
/// once a day while the server runs.
fn spawn_daily<S: ReportStore>(store: Arc<S>, k: u64, interval_days: u32) {
    tokio::spawn(async move {
        loop {
            match lookout_report::desk::apply_retention(store.as_ref(), retention_days()).await {
                Ok(run) => {
                    for id in run.refused {
                        eprintln!("lookout-web: retention: kept {id}: its closing is not in the audit log as stored");
                    }
                }
                Err(e) => eprintln!("lookout-web: retention: {e}"),
            }
            if let Err(e) = lookout_report::desk::release_counts(store.as_ref(), "system", k, interval_days).await {
                eprintln!("lookout-web: public counts: {e}");
            }
            tokio::time::sleep(std::time::Duration::from_secs(86_400)).await;
        }
    });
}
