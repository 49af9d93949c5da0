//! How long clients may take, and how many are served at once.

use std::time::Duration;

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
