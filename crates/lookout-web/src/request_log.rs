//! The request log: at most one line per request on standard error, holding the method, the
//! route's template (`/report/{receipt}`, never the path a visitor asked for), the status and the
//! time taken. Never an address, a user agent, a query string, a header or a form value: the
//! log of a site people report to must not say who came or what they looked for.
//! `LOOKOUT_LOG` sets how much is written (`off`, `error`, `warn`, `info`; default `error`).
//!
//! Lines are handed to a writer thread through a bounded queue and dropped, and counted, when it
//! is full: a slow or blocked standard error (a full pipe, a stalled journal) never holds up a
//! response.

use std::fmt;
use std::sync::mpsc::{sync_channel, SyncSender, TrySendError};
use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

/// Lines waiting for the writer at most.
const QUEUED_LINES: usize = 4096;

/// How much the request log writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LogLevel {
    /// Nothing.
    Off,
    /// Requests answered with a server error (5xx).
    Error,
    /// And requests refused (4xx).
    Warn,
    /// Every request.
    Info,
}

/// `LOOKOUT_LOG` holds no level.
#[derive(Debug, thiserror::Error)]
#[error("LOOKOUT_LOG: {0:?} is not a log level (off, error, warn, info)")]
pub struct BadLogLevel(pub String);

impl LogLevel {
    /// Reads a level's name (any case).
    pub fn parse(text: &str) -> Result<LogLevel, BadLogLevel> {
        match text.trim().to_ascii_lowercase().as_str() {
            "off" | "none" => Ok(LogLevel::Off),
            "error" => Ok(LogLevel::Error),
            "warn" | "warning" => Ok(LogLevel::Warn),
            "info" => Ok(LogLevel::Info),
            _ => Err(BadLogLevel(text.to_string())),
        }
    }

    /// The level `LOOKOUT_LOG` sets; `error` when it is unset.
    pub fn from_env() -> Result<LogLevel, BadLogLevel> {
        match std::env::var("LOOKOUT_LOG") {
            Ok(v) if !v.trim().is_empty() => LogLevel::parse(&v),
            _ => Ok(LogLevel::Error),
        }
    }

    /// The level a response's status is logged at.
    fn of(status: StatusCode) -> LogLevel {
        if status.is_server_error() {
            LogLevel::Error
        } else if status.is_client_error() {
            LogLevel::Warn
        } else {
            LogLevel::Info
        }
    }
}

impl fmt::Display for LogLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LogLevel::Off => "off",
            LogLevel::Error => "error",
            LogLevel::Warn => "warn",
            LogLevel::Info => "info",
        })
    }
}

/// The queue to the writer thread, started on first use.
fn writer() -> &'static SyncSender<String> {
    static WRITER: OnceLock<SyncSender<String>> = OnceLock::new();
    WRITER.get_or_init(|| {
        let (tx, rx) = sync_channel::<String>(QUEUED_LINES);
        std::thread::spawn(move || {
            use std::io::Write;
            let stderr = std::io::stderr();
            for line in rx {
                let _ = writeln!(stderr.lock(), "{line}");
            }
        });
        tx
    })
}

/// Lines dropped because the queue was full, written with the next line that fits.
static DROPPED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

fn write_line(line: String) {
    use std::sync::atomic::Ordering;
    let dropped = DROPPED.swap(0, Ordering::Relaxed);
    let line = if dropped > 0 { format!("{line} ({dropped} earlier lines dropped)") } else { line };
    if let Err(TrySendError::Full(_) | TrySendError::Disconnected(_)) = writer().try_send(line) {
        DROPPED.fetch_add(dropped + 1, Ordering::Relaxed);
    }
}

/// Logs a request after it is answered, if its status is at or above `level`.
pub(crate) async fn log_requests(State(level): State<LogLevel>, request: Request, next: Next) -> Response {
    if level == LogLevel::Off {
        return next.run(request).await;
    }
    let method = request.method().clone();
    let route = request.extensions().get::<MatchedPath>().map(|p| p.as_str().to_string());
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status();
    let at = LogLevel::of(status);
    if at <= level {
        let route = route.as_deref().unwrap_or("(no route)");
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        write_line(format!("lookout: {at} {method} {route} {} {ms:.1}ms", status.as_u16()));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_read_and_ordered() {
        assert_eq!(LogLevel::parse(" INFO ").unwrap(), LogLevel::Info);
        assert_eq!(LogLevel::parse("warning").unwrap(), LogLevel::Warn);
        assert_eq!(LogLevel::parse("off").unwrap(), LogLevel::Off);
        let e = LogLevel::parse("verbose").unwrap_err().to_string();
        assert!(e.contains("LOOKOUT_LOG") && e.contains("verbose"), "{e}");
        assert_eq!(LogLevel::of(StatusCode::INTERNAL_SERVER_ERROR), LogLevel::Error);
        assert_eq!(LogLevel::of(StatusCode::NOT_FOUND), LogLevel::Warn);
        assert_eq!(LogLevel::of(StatusCode::OK), LogLevel::Info);
        assert!(LogLevel::Error <= LogLevel::Warn && LogLevel::Warn <= LogLevel::Info);
    }
}
