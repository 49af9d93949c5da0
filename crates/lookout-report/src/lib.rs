//! Protected reporting for Lookout: what a person who is targeted tells, sealed on receipt to the
//! reviewers' `age` keys, with nothing of it ever written in the clear.
//!
//! - [`receipt`]: receipt codes (25 digits, 83 bits) and the argon2id digest that is all the server keeps;
//! - [`seal`]: sealing to reviewers (age X25519), the per-report reply key unlocked by the receipt
//!   code, and reviewers' identities wrapped under their password's key (age passphrase files);
//! - [`sanitize`]: attachments cleaned by allow-list (images re-encoded from their pixels, PDFs
//!   rebuilt from their pages), run in a child process with limits by the server;
//! - [`content`]: what a report holds, never printable by `Debug`;
//! - [`totp`]: RFC 6238 one-time codes for reviewers' second factor;
//! - [`audit`]: the hash-chained audit log, its verification and what it covers;
//! - [`head`]: signed heads of the audit log, kept outside the server;
//! - [`kanon`]: k-anonymous public counts (small values folded or left out, tables that add up);
//! - [`password`]: account passwords (one derivation: a kept verifier, a never-kept key) and
//!   their strength;
//! - [`kdf`]: one argon2id derivation split into a kept key and a secret one;
//! - [`desk`]: the operations the site and the command line perform, over any `ReportStore`;
//! - [`wipe`]: a growing buffer that wipes every allocation it outgrows.

pub mod audit;
pub mod content;
pub mod desk;
mod error;
pub mod head;
pub mod kanon;
pub mod kdf;
pub mod password;
pub mod receipt;
pub mod sanitize;
pub mod seal;
pub mod totp;
pub mod wipe;

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

pub use lookout_core::ids::hex;
