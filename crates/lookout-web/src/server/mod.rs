//! Serving connections with limits, so that slow or idle clients cannot hold the server: at most
//! `max_connections` at once (the next wait to be accepted), a request's headers must arrive
//! within `header_timeout` (which also closes a kept-alive connection left idle that long), a body
//! must keep arriving (a gap of `body_idle` ends it), at `body_min_rate` bytes a second on average
//! after its first 15 seconds (counted from when the handler starts reading it), and be complete
//! within `body_total`; and a client that does not read its answer for `body_idle` is let go
//! ([`timing`]).

mod limits;
mod timing;

pub use limits::ConnectionLimits;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::middleware::Next;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::time::sleep;

/// Serves `app` on `listener` within `limits` until `shutdown` completes, then lets the
/// connections in progress finish (for up to ten seconds).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = app.layer(axum::middleware::from_fn(move |request: Request, next: Next| {
        timing::limit_body(limits, request, next)
    }));
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout);
    tokio::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors and the like: wait a moment rather than spin.
                Err(_) => {
                    sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let io = TokioIo::new(timing::WriteTimeout::new(stream, limits.body_idle));
        let connection = graceful.watch(http.serve_connection(io, TowerToHyperService::new(app.clone())));
        tokio::spawn(async move {
            let _ = connection.await;
            drop(slot);
        });
    }
    let _ = tokio::time::timeout(Duration::from_secs(10), graceful.shutdown()).await;
    Ok(())
}
