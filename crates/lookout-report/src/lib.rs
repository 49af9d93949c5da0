//! Protected reporting for Lookout: what a person who is targeted tells, sealed on receipt to the
//! reviewers' `age` keys, with nothing of it ever written in the clear.
//!
//! - [`receipt`]: receipt codes (25 digits, 83 bits) and the argon2id digest that is all the server keeps;
//! - [`seal`]: sealing to reviewers (age X25519), the per-report reply key unlocked by the receipt
//!   code, and reviewers' identities wrapped under their passwords (age passphrase files, so the
//!   stock `age` command opens them offline);
//! - [`sanitize`]: metadata removed from JPEG, PNG and PDF attachments in memory;
//! - [`content`]: what a report holds, never printable by `Debug`;
//! - [`totp`]: RFC 6238 one-time codes for reviewers' second factor;
//! - [`audit`]: the hash-chained audit log and its verification;
//! - [`kanon`]: k-anonymous public counts with complementary suppression;
//! - [`password`]: argon2id account passwords;
//! - [`desk`]: the operations the site and the command line perform, over any `ReportStore`.

pub mod audit;
pub mod content;
pub mod desk;
mod error;
pub mod kanon;
pub mod password;
pub mod receipt;
pub mod sanitize;
pub mod seal;
pub mod totp;

pub use error::ReportError;

/// Random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    getrandom::fill(&mut out).expect("the operating system's random number generator is available");
    out
}

/// Whether two byte strings are equal, in time that does not depend on where they differ.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
