//! Release signing keys: minisign key pairs whose secret key is encrypted with a password (the
//! format of the stock `minisign -G`), and signatures that stock `minisign -V` checks.

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use minisign::{PublicKey, PublicKeyBox, SecretKey, SecretKeyBox, SignatureBox};
use zeroize::Zeroizing;

use super::ReleaseError;

/// A password, wiped from memory when dropped and never printed.
pub struct Password(Zeroizing<String>);

impl Password {
    /// A password; an empty one is refused (minisign would then ask on the terminal).
    pub fn new(text: String) -> Result<Password, ReleaseError> {
        let text = Zeroizing::new(text);
        if text.is_empty() {
            return Err(ReleaseError::EmptyPassword);
        }
        Ok(Password(text))
    }

    fn to_minisign(&self) -> Option<String> {
        Some(self.0.as_str().to_string())
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(…)")
    }
}

/// The public key file written next to a secret key: the secret key's path with `.pub`.
pub fn public_key_path(secret_key: &Path) -> PathBuf {
    let mut name = secret_key.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".pub");
    secret_key.with_file_name(name)
}

/// Writes a new key pair: the secret key, encrypted with `password`, at `secret_key` (readable
/// by its owner only) and the public key next to it ([`public_key_path`]). Refuses to overwrite
/// either. Returns the public key file's path.
pub fn generate(secret_key: &Path, password: &Password) -> Result<PathBuf, ReleaseError> {
    let public_path = public_key_path(secret_key);
    for path in [secret_key, public_path.as_path()] {
        if path.exists() {
            return Err(ReleaseError::KeyExists(path.to_path_buf()));
        }
    }
    let pair = minisign::KeyPair::generate_encrypted_keypair(password.to_minisign()).map_err(sign_error)?;
    let secret_box = pair.sk.to_box(Some("lookout release signing key (encrypted)")).map_err(sign_error)?;
    let public_box = pair.pk.to_box().map_err(sign_error)?;
    write_new(secret_key, secret_box.to_string().as_bytes(), 0o600)?;
    write_new(&public_path, public_box.to_string().as_bytes(), 0o644)?;
    Ok(public_path)
}

fn write_new(path: &Path, bytes: &[u8], mode: u32) -> Result<(), ReleaseError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, mode);
    #[cfg(not(unix))]
    let _ = mode;
    let mut file = options.open(path).map_err(|e| ReleaseError::io(path, e))?;
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(|e| ReleaseError::io(path, e))
}

/// A secret key opened with its password, ready to sign.
pub struct SigningKey {
    secret: SecretKey,
    public: PublicKey,
}

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SigningKey({})", self.public.to_base64())
    }
}

impl SigningKey {
    /// Opens the encrypted secret key at `path`.
    pub fn open(path: &Path, password: &Password) -> Result<SigningKey, ReleaseError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ReleaseError::KeyMissing(path.to_path_buf()))
            }
            Err(e) => return Err(ReleaseError::io(path, e)),
        };
        let not_a_key = |reason: String| ReleaseError::NotAKey { path: path.to_path_buf(), reason };
        let secret_box = SecretKeyBox::from_string(&text).map_err(|e| not_a_key(e.to_string()))?;
        let secret = SecretKey::from_box(secret_box, password.to_minisign()).map_err(|e| match e.kind() {
            minisign::ErrorKind::Verify => ReleaseError::WrongPassword(path.to_path_buf()),
            _ => not_a_key(e.to_string()),
        })?;
        let public = PublicKey::from_secret_key(&secret).map_err(|e| not_a_key(e.to_string()))?;
        Ok(SigningKey { secret, public })
    }

    /// The public key, base64 (what `minisign -P` takes).
    pub fn public_key(&self) -> String {
        self.public.to_base64()
    }

    /// The public key file (what `minisign -p` reads).
    pub fn public_key_file(&self) -> String {
        self.public.to_box().map(|b| b.to_string()).unwrap_or_default()
    }

    /// A minisign signature file of `bytes`, with `trusted_comment` signed along.
    pub fn sign(&self, bytes: &[u8], trusted_comment: &str) -> Result<String, ReleaseError> {
        let signature = minisign::sign(
            Some(&self.public),
            &self.secret,
            Cursor::new(bytes),
            Some(trusted_comment),
            Some("signature from lookout release (minisign)"),
        )
        .map_err(sign_error)?;
        Ok(signature.to_string())
    }
}

fn sign_error(e: minisign::PError) -> ReleaseError {
    ReleaseError::Signing(e.to_string())
}

/// Reads a public key: a minisign public key file, or the base64 key itself.
pub fn read_public_key(path: &Path) -> Result<PublicKey, ReleaseError> {
    let text = std::fs::read_to_string(path).map_err(|e| ReleaseError::io(path, e))?;
    public_key_of(&text).map_err(|reason| ReleaseError::NotAKey { path: path.to_path_buf(), reason })
}

/// Parses a public key file's text, or the base64 key alone.
pub fn public_key_of(text: &str) -> Result<PublicKey, String> {
    let trimmed = text.trim();
    if trimmed.starts_with("untrusted comment:") {
        let boxed = PublicKeyBox::from_string(trimmed).map_err(|e| e.to_string())?;
        boxed.into_public_key().map_err(|e| e.to_string())
    } else {
        PublicKey::from_base64(trimmed).map_err(|e| e.to_string())
    }
}

/// Whether `signature` (a minisign signature file's text) signs `bytes` with `public_key`.
pub fn check_signature(public_key: &PublicKey, bytes: &[u8], signature: &str) -> Result<(), String> {
    let signature = SignatureBox::from_string(signature).map_err(|e| e.to_string())?;
    minisign::verify(public_key, &signature, Cursor::new(bytes), true, false, false).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_signs_with_its_password_and_refuses_a_wrong_one() {
        let dir = tempdir();
        let secret = dir.join("release.key");
        let public_path = generate(&secret, &Password::new("correct horse".into()).unwrap()).unwrap();
        assert_eq!(public_path, dir.join("release.key.pub"));
        let again = generate(&secret, &Password::new("x".into()).unwrap());
        assert!(matches!(again, Err(ReleaseError::KeyExists(_))), "never overwrites a key");
        let wrong = SigningKey::open(&secret, &Password::new("wrong".into()).unwrap());
        assert!(matches!(wrong, Err(ReleaseError::WrongPassword(_))), "{wrong:?}");
        let key = SigningKey::open(&secret, &Password::new("correct horse".into()).unwrap()).unwrap();
        let signature = key.sign(b"manifest", "lookout release test").unwrap();
        let public = read_public_key(&public_path).unwrap();
        assert_eq!(public.to_base64(), key.public_key());
        assert!(check_signature(&public, b"manifest", &signature).is_ok());
        assert!(check_signature(&public, b"manifesT", &signature).is_err(), "a changed byte fails");
        let missing = SigningKey::open(&dir.join("none.key"), &Password::new("x".into()).unwrap());
        assert!(matches!(missing, Err(ReleaseError::KeyMissing(_))));
        assert!(Password::new(String::new()).is_err());
        std::fs::remove_dir_all(dir).unwrap();
    }

    fn tempdir() -> PathBuf {
        let dir = std::env::temp_dir().join(format!("lookout-keys-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
