//! `lookout serve`.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use lookout_store::Store;

/// Imports the bundled dataset into an empty store, then serves until interrupted.
pub async fn run(data_dir: &Path, addr: SocketAddr) -> anyhow::Result<()> {
    let store = super::open_store(data_dir).await?;
    if store.is_empty().await? {
        eprintln!("{} is empty: importing the bundled dataset", data_dir.display());
        super::import::import_bundled(&store).await?;
    }
    let listener = lookout_web::bind(addr).await?;
    let local = listener.local_addr()?;
    println!("Lookout is serving at http://{local}/");
    let store = Arc::new(store);
    let documents = super::ingest::index_dir(data_dir);
    lookout_web::serve(store.clone(), listener, documents, shutdown_signal()).await?;
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
