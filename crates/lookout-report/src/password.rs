//! Account passwords. One argon2id computation of the password gives two keys: a verifier (kept,
//! to check the password) and a wrapping key (never kept) under which the account's TOTP secret
//! and age identity are sealed. So checking both factors costs one password hash, the same
//! whichever factor is wrong, and an offline guess against the database costs exactly what a guess
//! against the wrapped identity costs.
//!
//! Stored form: `lookout-v2$argon2id$v=19$m=65536,t=3,p=1$SALT$VERIFIER` (hex). Accounts made
//! before it (a PHC `$argon2id$…` string, secrets sealed under the password itself) still sign in
//! and are re-sealed in the new form on their next sign-in.

use argon2::password_hash::{PasswordHash, PasswordVerifier};
use argon2::Argon2;
use zeroize::Zeroizing;

use crate::ReportError;

/// The cost of the password hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PasswordCost {
    /// Memory, KiB.
    pub memory_kib: u32,
    /// Passes.
    pub passes: u32,
}

impl PasswordCost {
    /// What accounts get: 64 MiB, 3 passes (above OWASP's argon2id minimums; a whole password
    /// check takes 0.17 s on the machine in BENCHMARKS.md).
    pub const STANDARD: PasswordCost = PasswordCost { memory_kib: 64 * 1024, passes: 3 };
    /// For tests of the logic around it only: cheap, and never accepted as an account's cost by
    /// the command line.
    pub const FOR_TESTS: PasswordCost = PasswordCost { memory_kib: 256, passes: 1 };
}

/// The two keys a password derives.
pub struct PasswordKeys {
    /// Kept: proves the password.
    pub verifier: [u8; 32],
    /// Never kept: seals the account's secrets.
    pub wrap: Zeroizing<[u8; 32]>,
}

impl std::fmt::Debug for PasswordKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordKeys(…)")
    }
}

/// A stored password check.
#[derive(Clone, PartialEq, Eq)]
pub struct StoredPassword {
    cost: PasswordCost,
    salt: [u8; 16],
    verifier: [u8; 32],
}

impl std::fmt::Debug for StoredPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "StoredPassword(m={}, t={})", self.cost.memory_kib, self.cost.passes)
    }
}

const PREFIX: &str = "lookout-v2$argon2id$v=19$";

fn derive(password: &str, cost: PasswordCost, salt: &[u8; 16]) -> Result<PasswordKeys, ReportError> {
    let labels = [b"lookout password verifier".as_slice(), b"lookout password wrap"];
    let keys = crate::kdf::two_keys(password.as_bytes(), salt, cost.memory_kib, cost.passes, labels)?;
    Ok(PasswordKeys { verifier: keys.kept, wrap: keys.secret })
}

impl StoredPassword {
    /// A new check of `password` with a random salt, and the keys it derives.
    pub fn new(password: &str, cost: PasswordCost) -> Result<(StoredPassword, PasswordKeys), ReportError> {
        let salt = crate::random_bytes::<16>();
        let keys = derive(password, cost, &salt)?;
        Ok((StoredPassword { cost, salt, verifier: keys.verifier }, keys))
    }

    /// Reads the stored form; `None` for anything else (an account of the earlier form).
    pub fn parse(text: &str) -> Option<StoredPassword> {
        let mut parts = text.strip_prefix(PREFIX)?.split('$');
        let (params, salt, verifier) = (parts.next()?, parts.next()?, parts.next()?);
        let mut memory_kib = None;
        let mut passes = None;
        for p in params.split(',') {
            match p.split_once('=')? {
                ("m", v) => memory_kib = v.parse().ok(),
                ("t", v) => passes = v.parse().ok(),
                ("p", "1") => {}
                _ => return None,
            }
        }
        Some(StoredPassword {
            cost: PasswordCost { memory_kib: memory_kib?, passes: passes? },
            salt: unhex(salt)?,
            verifier: unhex(verifier)?,
        })
    }

    /// The stored form.
    pub fn to_text(&self) -> String {
        format!(
            "{PREFIX}m={},t={},p=1${}${}",
            self.cost.memory_kib,
            self.cost.passes,
            crate::hex(&self.salt),
            crate::hex(&self.verifier)
        )
    }

    /// The cost it was made with.
    pub fn cost(&self) -> PasswordCost {
        self.cost
    }

    /// Derives the keys of `password` (always the full cost) and says, in constant time,
    /// whether it is the password.
    pub fn check(&self, password: &str) -> Result<(bool, PasswordKeys), ReportError> {
        let keys = derive(password, self.cost, &self.salt)?;
        Ok((crate::constant_time_eq(&keys.verifier, &self.verifier), keys))
    }
}

fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.len() != 2 * N {
        return None;
    }
    let mut out = [0u8; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

/// Whether `password` is the one in an account of the earlier form (a PHC argon2id string).
pub fn verify_earlier_form(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

/// Refuses a password that is short or easy to guess: at least 12 characters, and a strength of
/// at least 3 of 4 by zxcvbn (guessable only with more than 10^10 tries), counting the account's
/// name and the words of the site as known to an attacker.
pub fn check_strength(password: &str, account: &str) -> Result<(), String> {
    if password.chars().count() < 12 {
        return Err("a password has at least 12 characters".into());
    }
    let estimate = zxcvbn::zxcvbn(password, &[account, "lookout", "reviewer", "analyst", "admin"]);
    let score = u8::from(estimate.score());
    if score >= 3 {
        return Ok(());
    }
    let why = estimate.feedback().and_then(|f| f.warning()).map(|w| format!(" ({w})")).unwrap_or_default();
    Err(format!(
        "the password is too easy to guess{why}: strength {score} of 4, at least 3 needed; \
         a passphrase of four or more unrelated words is strong and easy to remember"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_derivation_checks_the_password_and_gives_a_key_only_the_password_gives() {
        let (stored, keys) = StoredPassword::new("correct horse battery", PasswordCost::FOR_TESTS).unwrap();
        let text = stored.to_text();
        assert!(text.starts_with("lookout-v2$argon2id$v=19$m=256,t=1,p=1$"), "{text}");
        let back = StoredPassword::parse(&text).unwrap();
        assert_eq!(back, stored);
        let (ok, again) = back.check("correct horse battery").unwrap();
        assert!(ok);
        assert_eq!(*again.wrap, *keys.wrap);
        let (ok, other) = back.check("wrong").unwrap();
        assert!(!ok);
        assert_ne!(*other.wrap, *keys.wrap);
        assert_ne!(keys.verifier, *keys.wrap, "the kept verifier is not the wrapping key");
        assert!(!text.contains(&crate::hex(keys.wrap.as_ref())));
        assert!(StoredPassword::parse("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA").is_none());
        assert!(StoredPassword::parse(&format!("{PREFIX}m=1,t=1,p=4$00$00")).is_none());
        assert_eq!(PasswordCost::STANDARD.memory_kib, 65536);
    }

    #[test]
    fn guessable_passwords_are_refused_whatever_their_length() {
        assert!(check_strength("short", "ana").unwrap_err().contains("12 characters"));
        for weak in ["password1234", "qwertyuiop123", "iloveyou1234", "aaaaaaaaaaaaaaaa", "reviewer12345"] {
            let e = check_strength(weak, "ana").unwrap_err();
            assert!(e.contains("too easy to guess"), "{weak}: {e}");
        }
        for strong in ["correct horse battery staple", "Vt9#qLm2!xR7&wZp", "藍色的河流流過安靜的山谷"] {
            assert_eq!(check_strength(strong, "ana"), Ok(()), "{strong}");
        }
    }
}
