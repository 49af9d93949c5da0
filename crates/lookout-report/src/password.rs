//! Account passwords: argon2id PHC strings.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;

use crate::ReportError;

/// A valid hash of a password nobody has, checked when an account does not exist so that the
/// answer takes the same time.
pub const DUMMY: &str = "$argon2id$v=19$m=19456,t=2,p=1$bG9va291dC1kdW1teQ$0PDeZ0v5u7F6w0b0cI6wZb3Vr3b0fQ6sWqQf0k1sHkE";

/// Hashes a password (argon2id, default parameters, random salt).
pub fn hash(password: &str) -> Result<String, ReportError> {
    let salt = SaltString::encode_b64(&crate::random_bytes::<16>()).map_err(|e| ReportError::Hash(e.to_string()))?;
    Ok(Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| ReportError::Hash(e.to_string()))?
        .to_string())
}

/// Whether `password` is the one hashed.
pub fn verify(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(password.as_bytes(), &h).is_ok())
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashes_verify_only_their_password() {
        let h = super::hash("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(super::verify(&h, "correct horse battery"));
        assert!(!super::verify(&h, "wrong"));
        assert!(argon2::password_hash::PasswordHash::new(super::DUMMY).is_ok(), "the dummy must cost a real check");
        assert!(!super::verify(super::DUMMY, "anything"));
    }
}
