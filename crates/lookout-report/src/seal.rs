//! Sealing with `age`: reports to every active reviewer's X25519 key; each report's reply key
//! wrapped under its receipt code's key; reviewers' identities and TOTP secrets wrapped under
//! their password's key. Wrapped secrets are age passphrase files (the key in hex is the
//! passphrase), which the stock `age -d` opens; `lookout keys export` prints an identity.

use std::io::Write;
use std::str::FromStr;

use age::secrecy::{ExposeSecret, SecretString};
use age::x25519;
use zeroize::Zeroizing;

use crate::ReportError;

/// Seals `plaintext` to every recipient: any one of their identities opens it.
pub fn seal(plaintext: &[u8], recipients: &[x25519::Recipient]) -> Result<Vec<u8>, ReportError> {
    if recipients.is_empty() {
        return Err(ReportError::Seal("no reviewer key to seal to: add a reviewer first".into()));
    }
    let encryptor = age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
        .map_err(|e| ReportError::Seal(e.to_string()))?;
    let mut out = Vec::with_capacity(plaintext.len() + 256);
    let mut writer = encryptor.wrap_output(&mut out).map_err(|e| ReportError::Seal(e.to_string()))?;
    writer.write_all(plaintext).map_err(|e| ReportError::Seal(e.to_string()))?;
    writer.finish().map_err(|e| ReportError::Seal(e.to_string()))?;
    Ok(out)
}

/// Opens what [`seal`] sealed, with one identity; the plaintext is wiped when dropped.
pub fn open(ciphertext: &[u8], identity: &dyn age::Identity) -> Result<Zeroizing<Vec<u8>>, ReportError> {
    let decryptor = age::Decryptor::new_buffered(ciphertext).map_err(|e| ReportError::Seal(e.to_string()))?;
    let mut reader = decryptor.decrypt(std::iter::once(identity)).map_err(|_| ReportError::WrongSecret)?;
    let mut out = crate::wipe::WipingBuffer::with_capacity(ciphertext.len());
    std::io::copy(&mut reader, &mut out).map_err(|e| ReportError::Seal(e.to_string()))?;
    Ok(out.into_inner())
}

/// Reads an `age1…` recipient.
pub fn recipient(text: &str) -> Result<x25519::Recipient, ReportError> {
    x25519::Recipient::from_str(text.trim()).map_err(|e| ReportError::Seal(format!("not an age X25519 recipient: {e}")))
}

/// Reads an `AGE-SECRET-KEY-1…` identity.
pub fn identity(text: &str) -> Result<x25519::Identity, ReportError> {
    x25519::Identity::from_str(text.trim()).map_err(|_| ReportError::WrongSecret)
}

/// The identity as its `AGE-SECRET-KEY-1…` text, wiped when dropped.
pub fn identity_text(identity: &x25519::Identity) -> Zeroizing<String> {
    Zeroizing::new(identity.to_string().expose_secret().to_string())
}

/// Seals bytes under a passphrase: an age passphrase file, which `age -d` opens. `work_factor`
/// is scrypt's log2 N (age calibrates about one second when `None`).
pub fn wrap_bytes(bytes: &[u8], passphrase: &str, work_factor: Option<u8>) -> Result<Vec<u8>, ReportError> {
    let mut recipient = age::scrypt::Recipient::new(SecretString::from(passphrase.to_string()));
    if let Some(n) = work_factor {
        recipient.set_work_factor(n);
    }
    let encryptor = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        .map_err(|e| ReportError::Seal(e.to_string()))?;
    let mut out = Vec::new();
    let mut writer = encryptor.wrap_output(&mut out).map_err(|e| ReportError::Seal(e.to_string()))?;
    writer.write_all(bytes).map_err(|e| ReportError::Seal(e.to_string()))?;
    writer.finish().map_err(|e| ReportError::Seal(e.to_string()))?;
    Ok(out)
}

/// Opens what [`wrap_bytes`] sealed; a wrong passphrase is [`ReportError::WrongSecret`].
pub fn unwrap_bytes(wrapped: &[u8], passphrase: &str) -> Result<Zeroizing<Vec<u8>>, ReportError> {
    let mut key = age::scrypt::Identity::new(SecretString::from(passphrase.to_string()));
    key.set_max_work_factor(22);
    open(wrapped, &key)
}

/// Unwraps an identity wrapped under a passphrase (accounts of the earlier form); a wrong
/// passphrase is [`ReportError::WrongSecret`].
pub fn unwrap_identity(wrapped: &[u8], passphrase: &str) -> Result<x25519::Identity, ReportError> {
    let text = unwrap_bytes(wrapped, passphrase)?;
    identity(std::str::from_utf8(&text).map_err(|_| ReportError::WrongSecret)?)
}

/// Seals bytes under a 256-bit key that already cost what it should (a receipt code's or a
/// password's argon2id output), so scrypt's own work factor stays low; an age passphrase file.
pub fn wrap_under_key(bytes: &[u8], key: &[u8; 32]) -> Result<Vec<u8>, ReportError> {
    wrap_bytes(bytes, &crate::hex(key), Some(10))
}

/// Opens what [`wrap_under_key`] sealed; a wrong key is [`ReportError::WrongSecret`].
pub fn unwrap_under_key(wrapped: &[u8], key: &[u8; 32]) -> Result<Zeroizing<Vec<u8>>, ReportError> {
    unwrap_bytes(wrapped, &crate::hex(key))
}

/// Wraps an identity under a key ([`wrap_under_key`]): an account's under its password's key, a
/// report's reply key under its receipt code's.
pub fn wrap_identity_under_key(identity: &x25519::Identity, key: &[u8; 32]) -> Result<Vec<u8>, ReportError> {
    wrap_under_key(identity_text(identity).as_bytes(), key)
}

/// Unwraps what [`wrap_identity_under_key`] wrapped.
pub fn unwrap_identity_under_key(wrapped: &[u8], key: &[u8; 32]) -> Result<x25519::Identity, ReportError> {
    let text = unwrap_under_key(wrapped, key)?;
    identity(std::str::from_utf8(&text).map_err(|_| ReportError::WrongSecret)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sealed_to_each_reviewer_and_to_no_one_else() {
        let (a, b, c) = (x25519::Identity::generate(), x25519::Identity::generate(), x25519::Identity::generate());
        let sealed = seal(b"visited by two men", &[a.to_public(), b.to_public()]).unwrap();
        assert!(!sealed.windows(7).any(|w| w == b"visited"));
        assert_eq!(&open(&sealed, &a).unwrap()[..], b"visited by two men");
        assert_eq!(&open(&sealed, &b).unwrap()[..], b"visited by two men");
        assert!(matches!(open(&sealed, &c), Err(ReportError::WrongSecret)));
        assert!(seal(b"x", &[]).is_err());
        assert_eq!(recipient(&a.to_public().to_string()).unwrap().to_string(), a.to_public().to_string());
    }

    #[test]
    fn identities_unwrap_only_with_their_passphrase_or_key() {
        let id = x25519::Identity::generate();
        let wrapped = wrap_bytes(identity_text(&id).as_bytes(), "correct horse", Some(10)).unwrap();
        let back = unwrap_identity(&wrapped, "correct horse").unwrap();
        assert_eq!(back.to_public().to_string(), id.to_public().to_string());
        assert!(matches!(unwrap_identity(&wrapped, "wrong"), Err(ReportError::WrongSecret)));
        let key = [9u8; 32];
        let reply = wrap_identity_under_key(&id, &key).unwrap();
        assert_eq!(
            unwrap_identity_under_key(&reply, &key).unwrap().to_public().to_string(),
            id.to_public().to_string()
        );
        assert!(matches!(unwrap_identity_under_key(&reply, &[8u8; 32]), Err(ReportError::WrongSecret)));
    }
}
