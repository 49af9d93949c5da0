//! Time limits on what clients send and read: a request body that stalls, trickles or takes too
//! long fails; a connection whose client does not read what it is sent fails.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{sleep, Instant, Sleep};

use super::limits::ConnectionLimits;

/// Wraps every request body that has one in a [`TimedBody`].
pub(super) async fn limit_body(limits: ConnectionLimits, request: Request, next: Next) -> Response {
    use http_body::Body as _;
    if request.body().is_end_stream() {
        return next.run(request).await; // no body (most GETs): nothing to time
    }
    next.run(request.map(|body| Body::new(TimedBody::new(body, limits)))).await
}

/// How long a body may arrive at any rate before its average rate counts.
const GRACE: Duration = Duration::from_secs(15);

/// A request body that fails when it stalls, trickles or takes too long. Its clocks start when
/// the handler first reads it (a report may wait for a slot before its body is read).
struct TimedBody {
    inner: Body,
    limits: ConnectionLimits,
    clocks: Option<Clocks>,
}

struct Clocks {
    started: Instant,
    received: u64,
    idle: Pin<Box<Sleep>>,
    deadline: Pin<Box<Sleep>>,
}

impl TimedBody {
    fn new(inner: Body, limits: ConnectionLimits) -> TimedBody {
        TimedBody { inner, limits, clocks: None }
    }
}

fn late(what: &str) -> Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
    Poll::Ready(Some(Err(axum::Error::new(std::io::Error::new(std::io::ErrorKind::TimedOut, what.to_string())))))
}

impl http_body::Body for TimedBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        let limits = this.limits;
        let clocks = this.clocks.get_or_insert_with(|| Clocks {
            started: Instant::now(),
            received: 0,
            idle: Box::pin(sleep(limits.body_idle)),
            deadline: Box::pin(sleep(limits.body_total)),
        });
        if clocks.deadline.as_mut().poll(cx).is_ready() {
            return late("the body took too long");
        }
        match Pin::new(&mut this.inner).poll_frame(cx) {
            Poll::Ready(frame) => {
                let now = Instant::now();
                if let Some(Ok(Some(data))) = frame.as_ref().map(|f| f.as_ref().map(http_body::Frame::data_ref)) {
                    clocks.received += data.len() as u64;
                }
                let elapsed = now.duration_since(clocks.started);
                if elapsed > GRACE && (clocks.received as f64) < limits.body_min_rate as f64 * elapsed.as_secs_f64() {
                    return late("the body arrives too slowly");
                }
                clocks.idle.as_mut().reset(now + limits.body_idle);
                Poll::Ready(frame)
            }
            Poll::Pending if clocks.idle.as_mut().poll(cx).is_ready() => late("the body stopped arriving"),
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

/// A connection whose writes fail when the client has read nothing for `limit`: a client that
/// asks and never reads the answer does not hold a connection slot for ever.
pub(super) struct WriteTimeout<S> {
    inner: S,
    limit: Duration,
    blocked: Option<Pin<Box<Sleep>>>,
}

impl<S> WriteTimeout<S> {
    pub(super) fn new(inner: S, limit: Duration) -> WriteTimeout<S> {
        WriteTimeout { inner, limit, blocked: None }
    }

    /// A write that cannot go on: pending while the clock (started now if it is not running)
    /// runs, failed once it has run out.
    fn blocked<T>(&mut self, cx: &mut Context<'_>) -> Poll<std::io::Result<T>> {
        let limit = self.limit;
        let blocked = self.blocked.get_or_insert_with(|| Box::pin(sleep(limit)));
        match blocked.as_mut().poll(cx) {
            Poll::Ready(()) => {
                Poll::Ready(Err(std::io::Error::new(std::io::ErrorKind::TimedOut, "the client stopped reading")))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for WriteTimeout<S> {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for WriteTimeout<S> {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write(cx, buf) {
            Poll::Pending => self.blocked(cx),
            ready => {
                self.blocked = None;
                ready
            }
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match Pin::new(&mut self.inner).poll_flush(cx) {
            Poll::Pending => self.blocked(cx),
            ready => {
                self.blocked = None;
                ready
            }
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
