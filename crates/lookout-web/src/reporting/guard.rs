//! Protections that keep no data about anyone (no address, no browser): form tokens signed with
//! the installation's key, each with a small budget of its own; global token buckets spent only by
//! requests that carry a valid token; buckets per account name and per device cookie for sign-in.
//!
//! A form's token travels in the address the form posts to (`/report?form=…`), so that a request
//! without a valid token is refused before any of its body is read.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use sha2::Sha256;

/// How long a public form stays valid.
pub const FORM_LIFETIME: Duration = Duration::from_secs(3 * 3600);
/// Tries one form token allows (a reporter correcting a mistake; a few mistyped codes).
pub const TRIES_PER_FORM: u32 = 5;
/// Most tokens whose budgets are remembered at once (about 10 MB).
const MAX_TRACKED: usize = 100_000;

fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0)
}

/// Signs and checks anonymous form tokens (`issued.nonce.mac`) and device cookies
/// (`name.nonce.mac`).
pub struct FormTokens {
    key: [u8; 32],
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

    /// A fresh token for a form of `purpose` (`report`, `follow-up`, `login`).
    pub fn issue(&self, purpose: &str) -> String {
        let message = format!("{}.{}", unix_now(), lookout_report::hex(&lookout_report::random_bytes::<8>()));
        let mac = self.mac(&format!("{purpose}.{message}"));
        format!("{message}.{mac}")
    }

    /// The token's nonce if it was issued by this installation for `purpose`, within the form's
    /// lifetime.
    pub fn check(&self, purpose: &str, token: &str) -> Option<String> {
        let mut parts = token.rsplitn(2, '.');
        let (mac, message) = (parts.next()?, parts.next()?);
        let (issued, nonce) = message.split_once('.')?;
        let issued: u64 = issued.parse().ok()?;
        let fresh = unix_now().saturating_sub(issued) <= FORM_LIFETIME.as_secs();
        let expected = self.mac(&format!("{purpose}.{message}"));
        (fresh && lookout_report::constant_time_eq(expected.as_bytes(), mac.as_bytes())).then(|| nonce.to_string())
    }

    /// A device cookie for an account that signed in from this browser.
    pub fn issue_device(&self, account: &str) -> String {
        let message = format!("{account}.{}", lookout_report::hex(&lookout_report::random_bytes::<16>()));
        let mac = self.mac(&format!("device.{message}"));
        format!("{message}.{mac}")
    }

    /// The device cookie's id if it was issued by this installation for `account`.
    pub fn check_device(&self, account: &str, cookie: &str) -> Option<String> {
        let mut parts = cookie.rsplitn(2, '.');
        let (mac, message) = (parts.next()?, parts.next()?);
        let (name, id) = message.rsplit_once('.')?;
        let expected = self.mac(&format!("device.{message}"));
        (name == account && lookout_report::constant_time_eq(expected.as_bytes(), mac.as_bytes()))
            .then(|| id.to_string())
    }
}

/// What a form token's budget allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// One more try.
    Allowed,
    /// The form's tries are used up.
    Exhausted,
    /// The form was already sent (a report is taken once per form).
    Spent,
}

/// One form's tries: how many were taken, whether it was sent, when it expires.
#[derive(Clone, Copy)]
struct Tries {
    taken: u32,
    sent: bool,
    expires: Instant,
}

/// The tries each form token has left, remembered until the form expires. When it remembers
/// [`MAX_TRACKED`] forms, the oldest not yet sent are forgotten first (a forgotten form gets its
/// tries back), so that nobody can fill it to refuse everyone's forms.
#[derive(Default)]
pub struct TokenBudgets {
    map: Mutex<HashMap<String, Tries>>,
}

impl TokenBudgets {
    fn with_entry<T>(&self, nonce: &str, f: impl FnOnce(&mut Tries) -> T) -> Option<T> {
        let mut map = self.map.lock().ok()?;
        if map.len() >= MAX_TRACKED && !map.contains_key(nonce) {
            let now = Instant::now();
            map.retain(|_, t| t.expires > now);
            if map.len() >= MAX_TRACKED {
                // Forget the oldest quarter of the forms not sent (a sent form stays sent, so that
                // a flood cannot make one form's report be taken twice).
                let mut expiries: Vec<Instant> = map.values().filter(|t| !t.sent).map(|t| t.expires).collect();
                if expiries.is_empty() {
                    expiries = map.values().map(|t| t.expires).collect();
                }
                let cut = (expiries.len() / 4).min(expiries.len() - 1);
                expiries.select_nth_unstable(cut);
                let oldest = expiries[cut];
                let keep_sent = map.values().any(|t| !t.sent);
                map.retain(|_, t| (t.sent && keep_sent) || t.expires > oldest);
            }
        }
        let entry = map.entry(nonce.to_string()).or_insert(Tries {
            taken: 0,
            sent: false,
            expires: Instant::now() + FORM_LIFETIME,
        });
        Some(f(entry))
    }

    /// Takes one try of the token `nonce`.
    pub fn take(&self, nonce: &str) -> Budget {
        self.with_entry(nonce, |t| {
            if t.sent {
                Budget::Spent
            } else if t.taken >= TRIES_PER_FORM {
                Budget::Exhausted
            } else {
                t.taken += 1;
                Budget::Allowed
            }
        })
        .unwrap_or(Budget::Exhausted)
    }

    /// Marks the token's form as sent; false if it already was (two posts of one form at once:
    /// only the first is taken).
    pub fn claim(&self, nonce: &str) -> bool {
        self.with_entry(nonce, |t| !std::mem::replace(&mut t.sent, true)).unwrap_or(false)
    }

    /// Gives a claimed form back (its report could not be stored).
    pub fn release(&self, nonce: &str) {
        self.with_entry(nonce, |t| t.sent = false);
    }
}

/// A token bucket: at most `burst` events, refilled at `per_minute`.
#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    at: Instant,
}

impl Bucket {
    fn take(&mut self, burst: f64, per_minute: f64) -> bool {
        let now = Instant::now();
        self.tokens = (self.tokens + now.duration_since(self.at).as_secs_f64() / 60.0 * per_minute).min(burst);
        self.at = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// A token bucket shared by everyone.
pub struct GlobalLimit {
    state: Mutex<Bucket>,
    burst: f64,
    per_minute: f64,
}

impl GlobalLimit {
    /// A full bucket.
    pub fn new(burst: u32, per_minute: u32) -> GlobalLimit {
        let bucket = Bucket { tokens: f64::from(burst), at: Instant::now() };
        GlobalLimit { state: Mutex::new(bucket), burst: f64::from(burst), per_minute: f64::from(per_minute) }
    }

    /// Takes one event if the bucket allows it.
    pub fn allow(&self) -> bool {
        self.state.lock().is_ok_and(|mut b| b.take(self.burst, self.per_minute))
    }
}

/// A token bucket per key (an account name, a device cookie's id), for at most [`MAX_TRACKED`]
/// keys; when there are more, the least recently used are forgotten.
pub struct KeyedLimit {
    map: Mutex<HashMap<String, Bucket>>,
    burst: f64,
    per_minute: f64,
}

impl KeyedLimit {
    /// `burst` events per key, refilled at `per_minute`.
    pub fn new(burst: u32, per_minute: f64) -> KeyedLimit {
        KeyedLimit { map: Mutex::default(), burst: f64::from(burst), per_minute }
    }

    /// Takes one event for `key` if its bucket allows it.
    pub fn allow(&self, key: &str) -> bool {
        let Ok(mut map) = self.map.lock() else { return false };
        if map.len() >= MAX_TRACKED {
            // Forget the quarter least recently used (a forgotten key starts full again).
            let mut used: Vec<Instant> = map.values().map(|b| b.at).collect();
            let cut = MAX_TRACKED / 4;
            used.select_nth_unstable(cut);
            let oldest = used[cut];
            map.retain(|_, b| b.at > oldest);
        }
        // Keys are kept as digests, whatever their length.
        let key = lookout_report::hex(&<Sha256 as sha2::Digest>::digest(key.as_bytes()));
        let bucket = map.entry(key).or_insert(Bucket { tokens: self.burst, at: Instant::now() });
        bucket.take(self.burst, self.per_minute)
    }
}

/// The `form=` parameter of a query string.
pub fn form_parameter(query: Option<&str>) -> Option<&str> {
    query?.split('&').find_map(|pair| pair.strip_prefix("form="))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_bound_to_key_and_purpose() {
        let tokens = FormTokens::new([1; 32]);
        let t = tokens.issue("report");
        assert!(tokens.check("report", &t).is_some());
        assert!(tokens.check("follow-up", &t).is_none());
        assert!(FormTokens::new([2; 32]).check("report", &t).is_none());
        assert!(tokens.check("report", "123.abc.def").is_none());
        assert!(tokens.check("report", "").is_none());
        let old = format!("1.00.{}", tokens.mac("report.1.00"));
        assert!(tokens.check("report", &old).is_none(), "expired");
        let device = tokens.issue_device("ana");
        assert!(tokens.check_device("ana", &device).is_some());
        assert!(tokens.check_device("ben", &device).is_none());
        assert!(tokens.check_device("ana", &device.replace("ana.", "ben.")).is_none());
        assert_eq!(form_parameter(Some("lang=zh&form=1.ab.cd")), Some("1.ab.cd"));
        assert_eq!(form_parameter(None), None);
    }

    #[test]
    fn budgets_and_buckets_run_out() {
        let limit = GlobalLimit::new(3, 1);
        assert!(limit.allow() && limit.allow() && limit.allow());
        assert!(!limit.allow());
        let budgets = TokenBudgets::default();
        for _ in 0..TRIES_PER_FORM {
            assert_eq!(budgets.take("n1"), Budget::Allowed);
        }
        assert_eq!(budgets.take("n1"), Budget::Exhausted);
        assert_eq!(budgets.take("n2"), Budget::Allowed, "each form has its own budget");
        assert!(budgets.claim("n2"));
        assert!(!budgets.claim("n2"), "a form is sent once");
        assert_eq!(budgets.take("n2"), Budget::Spent);
        budgets.release("n2");
        assert_eq!(budgets.take("n2"), Budget::Allowed);
        let per_account = KeyedLimit::new(2, 0.1);
        assert!(per_account.allow("ana") && per_account.allow("ana"));
        assert!(!per_account.allow("ana"));
        assert!(per_account.allow("ben"));
    }
}

#[cfg(test)]
mod flood {
    use super::*;

    #[test]
    fn a_full_table_forgets_the_oldest_forms_instead_of_refusing() {
        let budgets = TokenBudgets::default();
        for i in 0..MAX_TRACKED {
            assert_eq!(budgets.take(&format!("flood-{i}")), Budget::Allowed);
        }
        assert!(budgets.claim("flood-0"), "the oldest form, sent");
        assert_eq!(budgets.take("a-real-form"), Budget::Allowed, "a new form is still taken");
        assert!(budgets.map.lock().unwrap().len() <= MAX_TRACKED);
        assert_eq!(budgets.take("flood-0"), Budget::Spent, "a sent form stays sent through the eviction");
    }
}
