//! Serving connections with limits, so that slow or idle clients cannot hold the server: at most
//! `max_connections` at once (the next wait to be accepted), a request's headers must arrive
//! within `header_timeout` (which also closes a kept-alive connection left idle that long), a body
//! must keep arriving (a gap of `body_idle` ends it), at `body_min_rate` bytes a second on average
//! after its first 15 seconds, and be complete within `body_total`; and no connection lives longer
//! than `body_total` and two header timeouts (a client that never reads its answer is let go).

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::time::{sleep, Instant, Sleep};

/// How long clients may take.
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// Connections served at once.
    pub max_connections: usize,
    /// Longest wait for a request's headers (and for the next request on an idle connection).
    pub header_timeout: Duration,
    /// Longest gap while a body arrives.
    pub body_idle: Duration,
    /// Longest a whole body may take (a 50 MB report over a slow Tor circuit included).
    pub body_total: Duration,
    /// Least average rate of a body, bytes a second, after its first 15 seconds.
    pub body_min_rate: u64,
}

impl ConnectionLimits {
    /// From `LOOKOUT_MAX_CONNECTIONS` (512), `LOOKOUT_HEADER_TIMEOUT_SECS` (30),
    /// `LOOKOUT_BODY_IDLE_SECS` (60), `LOOKOUT_BODY_TOTAL_SECS` (1800) and
    /// `LOOKOUT_BODY_MIN_RATE` (1000 bytes a second).
    pub fn from_env() -> ConnectionLimits {
        let var =
            |name: &str, default: u64| std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default).max(1);
        ConnectionLimits {
            max_connections: var("LOOKOUT_MAX_CONNECTIONS", 512) as usize,
            header_timeout: Duration::from_secs(var("LOOKOUT_HEADER_TIMEOUT_SECS", 30)),
            body_idle: Duration::from_secs(var("LOOKOUT_BODY_IDLE_SECS", 60)),
            body_total: Duration::from_secs(var("LOOKOUT_BODY_TOTAL_SECS", 1800)),
            body_min_rate: var("LOOKOUT_BODY_MIN_RATE", 1000),
        }
    }
}

/// Serves `app` on `listener` within `limits` until `shutdown` completes, then lets the
/// connections in progress finish (for up to ten seconds).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app =
        app.layer(axum::middleware::from_fn(move |request: Request, next: Next| limit_body(limits, request, next)));
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
        let connection = http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        let connection = graceful.watch(connection);
        let lifetime = limits.body_total + 2 * limits.header_timeout;
        tokio::spawn(async move {
            let _ = tokio::time::timeout(lifetime, connection).await;
            drop(slot);
        });
    }
    let _ = tokio::time::timeout(Duration::from_secs(10), graceful.shutdown()).await;
    Ok(())
}

async fn limit_body(limits: ConnectionLimits, request: Request, next: Next) -> Response {
    use http_body::Body as _;
    if request.body().is_end_stream() {
        return next.run(request).await; // no body (most GETs): nothing to time
    }
    next.run(request.map(|body| Body::new(TimedBody::new(body, limits)))).await
}

/// A request body that fails when it stalls, trickles or takes too long.
struct TimedBody {
    inner: Body,
    idle: Pin<Box<Sleep>>,
    deadline: Pin<Box<Sleep>>,
    idle_after: Duration,
    started: Instant,
    received: u64,
    min_rate: u64,
}

/// How long a body may arrive at any rate before its average rate counts.
const GRACE: Duration = Duration::from_secs(15);

impl TimedBody {
    fn new(inner: Body, limits: ConnectionLimits) -> TimedBody {
        TimedBody {
            inner,
            idle: Box::pin(sleep(limits.body_idle)),
            deadline: Box::pin(sleep(limits.body_total)),
            idle_after: limits.body_idle,
            started: Instant::now(),
            received: 0,
            min_rate: limits.body_min_rate,
        }
    }
}

impl http_body::Body for TimedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        let late = |what: &str| {
            Poll::Ready(Some(Err(axum::Error::new(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                what.to_string(),
            )))))
        };
        if this.deadline.as_mut().poll(cx).is_ready() {
            return late("the body took too long");
        }
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(frame) => {
                let now = Instant::now();
                if let Some(Ok(data)) = frame.as_ref().map(|f| f.as_ref().map(http_body::Frame::data_ref)) {
                    this.received += data.map_or(0, |d| d.len() as u64);
                }
                let elapsed = now.duration_since(this.started);
                if elapsed > GRACE && (this.received as f64) < this.min_rate as f64 * elapsed.as_secs_f64() {
                    return late("the body arrives too slowly");
                }
                this.idle.as_mut().reset(now + this.idle_after);
                Poll::Ready(frame)
            }
            Poll::Pending if this.idle.as_mut().poll(cx).is_ready() => late("the body stopped arriving"),
            Poll::Pending => Poll::Pending,
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}
