//! `lookout serve`.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use lookout_store::Store;

/// Imports the bundled dataset into an empty store, then serves until interrupted. The data
/// directory is made private to this user first, and the process cannot be dumped.
pub async fn run(data_dir: &Path, addr: SocketAddr) -> anyhow::Result<()> {
    super::hardening::no_dumps();
    let log = lookout_web::LogLevel::from_env()?;
    let store = super::open_store(data_dir).await?;
    let tightened = super::hardening::tighten_data_dir(data_dir)?;
    if tightened > 0 {
        eprintln!("{tightened} file(s) of {} were readable by others: now by their owner only", data_dir.display());
    }
    if store.is_empty().await? {
        eprintln!("{} is empty: importing the bundled dataset", data_dir.display());
        super::import::import_bundled(&store).await?;
    }
    let listener = lookout_web::bind(addr).await?;
    let local = listener.local_addr()?;
    println!("Lookout is serving at http://{local}/");
    let store = Arc::new(store);
    let options = lookout_web::ServeOptions {
        documents_dir: super::ingest::index_dir(data_dir),
        sanitizer: Some(lookout_web::SanitizerCommand {
            program: std::env::current_exe().context("cannot find the lookout binary to clean attachments with")?,
            args: vec!["sanitize-worker".into()],
        }),
        limits: lookout_web::ConnectionLimits::from_env(),
        four_eyes: lookout_web::four_eyes(),
        ingest: Some(lookout_web::IngestCommand {
            program: std::env::current_exe().context("cannot find the lookout binary to read uploads with")?,
            data_dir: data_dir.to_path_buf(),
        }),
        releases_dir: super::release::releases_dir(data_dir),
        log,
    };
    lookout_web::serve(store.clone(), listener, options, shutdown_signal()).await?;
    store.close().await;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
