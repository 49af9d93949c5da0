//! Protections that keep no data about anyone: form tokens signed with an installation key, and
//! global (not per-address) rate limits.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How long a public form stays valid.
pub const FORM_LIFETIME: Duration = Duration::from_secs(3 * 3600);

/// Signs and checks anonymous form tokens: `issued.nonce.mac`.
pub struct FormTokens {
    key: [u8; 32],
}

fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

impl FormTokens {
    /// With the installation's key.
    pub fn new(key: [u8; 32]) -> FormTokens {
        FormTokens { key }
    }

    fn mac(&self, message: &str) -> String {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.key).expect("any key length");
        mac.update(message.as_bytes());
        lookout_report::hex(&mac.finalize().into_bytes())
    }

    /// A fresh token for a form of `purpose` (`report`, `follow-up`).
    pub fn issue(&self, purpose: &str) -> String {
        let message = format!("{}.{}", unix_now(), lookout_report::hex(&lookout_report::random_bytes::<8>()));
        let mac = self.mac(&format!("{purpose}.{message}"));
        format!("{message}.{mac}")
    }

    /// Whether a token was issued by this installation for `purpose`, within the form's lifetime.
    pub fn check(&self, purpose: &str, token: &str) -> bool {
        let mut parts = token.rsplitn(2, '.');
        let (Some(mac), Some(message)) = (parts.next(), parts.next()) else { return false };
        let Some(issued) = message.split('.').next().and_then(|t| t.parse::<u64>().ok()) else { return false };
        let fresh = unix_now().saturating_sub(issued) <= FORM_LIFETIME.as_secs();
        let expected = self.mac(&format!("{purpose}.{message}"));
        fresh && lookout_report::constant_time_eq(expected.as_bytes(), mac.as_bytes())
    }
}

/// A token bucket shared by everyone: at most `burst` events, refilled at `per_minute`.
pub struct GlobalLimit {
    state: Mutex<(f64, Instant)>,
    burst: f64,
    per_minute: f64,
}

impl GlobalLimit {
    /// A full bucket.
    pub fn new(burst: u32, per_minute: u32) -> GlobalLimit {
        GlobalLimit {
            state: Mutex::new((f64::from(burst), Instant::now())),
            burst: f64::from(burst),
            per_minute: f64::from(per_minute),
        }
    }

    /// Takes one event if the bucket allows it.
    pub fn allow(&self) -> bool {
        let Ok(mut state) = self.state.lock() else { return false };
        let now = Instant::now();
        let refill = now.duration_since(state.1).as_secs_f64() / 60.0 * self.per_minute;
        state.0 = (state.0 + refill).min(self.burst);
        state.1 = now;
        if state.0 >= 1.0 {
            state.0 -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_bound_to_key_and_purpose() {
        let tokens = FormTokens::new([1; 32]);
        let t = tokens.issue("report");
        assert!(tokens.check("report", &t));
        assert!(!tokens.check("follow-up", &t));
        assert!(!FormTokens::new([2; 32]).check("report", &t));
        assert!(!tokens.check("report", "123.abc.def"));
        assert!(!tokens.check("report", ""));
        let old = format!("1.00.{}", tokens.mac("report.1.00"));
        assert!(!tokens.check("report", &old), "expired");
    }

    #[test]
    fn the_bucket_empties() {
        let limit = GlobalLimit::new(3, 1);
        assert!(limit.allow() && limit.allow() && limit.allow());
        assert!(!limit.allow());
    }
}
