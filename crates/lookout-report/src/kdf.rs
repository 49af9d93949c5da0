//! One argon2id derivation of a secret (a password, a receipt code), split into two keys by
//! labelled SHA-256: one that may be stored (to check or find) and one that never is (to unlock).

use argon2::{Algorithm, Argon2, Params, Version};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::ReportError;

/// The two keys of one derivation.
pub struct TwoKeys {
    /// The key that may be stored.
    pub kept: [u8; 32],
    /// The key that is never stored.
    pub secret: Zeroizing<[u8; 32]>,
}

/// Derives `secret` with argon2id (`memory_kib`, `passes`, one lane) and `salt`, then splits the
/// result into the keys labelled `kept` and `secret`.
pub fn two_keys(
    secret: &[u8],
    salt: &[u8],
    memory_kib: u32,
    passes: u32,
    labels: [&[u8]; 2],
) -> Result<TwoKeys, ReportError> {
    let params = Params::new(memory_kib, passes, 1, Some(32)).map_err(|e| ReportError::Hash(e.to_string()))?;
    let mut master = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(secret, salt, master.as_mut())
        .map_err(|e| ReportError::Hash(e.to_string()))?;
    let part = |label: &[u8]| -> [u8; 32] {
        let mut h = Sha256::new();
        h.update(label);
        h.update(master.as_ref());
        h.finalize().into()
    };
    Ok(TwoKeys { kept: part(labels[0]), secret: Zeroizing::new(part(labels[1])) })
}
