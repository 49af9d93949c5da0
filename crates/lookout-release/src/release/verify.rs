//! Checking a release as anyone who downloaded it would: the manifest's and the checksum list's
//! signatures, then every file against the signed manifest. The first file that does not match is
//! named.

use std::path::Path;

use minisign::PublicKey;

use super::files::{hash_file, sha256_hex};
use super::keys::{check_signature, public_key_of};
use super::manifest::Manifest;
use super::{ReleaseError, MANIFEST, PUBLIC_KEY, SHA256SUMS, SIGNATURE_SUFFIX};

/// A release that verified.
#[derive(Debug)]
pub struct Verified {
    /// Its manifest.
    pub manifest: Manifest,
    /// Whether the key was given by the caller; if not, the release's own key was used, which
    /// proves the files agree with each other but not who signed them.
    pub key_given: bool,
}

/// Verifies the release folder `dir` with `public_key`, or with the key the release carries.
pub fn verify_release(dir: &Path, public_key: Option<&PublicKey>) -> Result<Verified, ReleaseError> {
    let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| ReleaseError::mismatch(name, e.to_string()));
    let manifest_bytes = read(MANIFEST)?;
    let manifest = Manifest::from_bytes(&manifest_bytes, &dir.join(MANIFEST))
        .map_err(|e| ReleaseError::mismatch(MANIFEST, e.to_string()))?;
    let own_key = public_key_of(&manifest.public_key).map_err(|e| ReleaseError::mismatch(MANIFEST, e))?;
    let key = public_key.unwrap_or(&own_key);
    signed(dir, MANIFEST, &manifest_bytes, key)?;
    let sums = read(SHA256SUMS)?;
    signed(dir, SHA256SUMS, &sums, key)?;

    for entry in &manifest.files {
        let path = dir.join(&entry.name);
        let (bytes, sha256) = hash_file(&path).map_err(|e| ReleaseError::mismatch(&entry.name, e.to_string()))?;
        if bytes != entry.bytes {
            return Err(ReleaseError::mismatch(
                &entry.name,
                format!("{bytes} bytes where the manifest says {}", entry.bytes),
            ));
        }
        if sha256 != entry.sha256 {
            return Err(ReleaseError::mismatch(&entry.name, "SHA-256 differs from the manifest's"));
        }
    }
    let expected = manifest.sha256sums(&sha256_hex(&manifest_bytes));
    if sums != expected.as_bytes() {
        return Err(ReleaseError::mismatch(SHA256SUMS, "does not list what the manifest lists"));
    }
    let carried = std::fs::read_to_string(dir.join(PUBLIC_KEY)).unwrap_or_default();
    if public_key_of(&carried).map(|k| k.to_base64()).ok().as_deref() != Some(manifest.public_key.as_str()) {
        return Err(ReleaseError::mismatch(PUBLIC_KEY, "is not the key the manifest names"));
    }
    let entries = std::fs::read_dir(dir).map_err(|e| ReleaseError::io(dir, e))?;
    let mut names: Vec<String> = entries.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    for name in names {
        if !manifest.owns(&name) {
            return Err(ReleaseError::mismatch(&name, "is not part of the release"));
        }
    }
    Ok(Verified { manifest, key_given: public_key.is_some() })
}

fn signed(dir: &Path, name: &str, bytes: &[u8], key: &PublicKey) -> Result<(), ReleaseError> {
    let signature_name = format!("{name}{SIGNATURE_SUFFIX}");
    let signature = std::fs::read_to_string(dir.join(&signature_name))
        .map_err(|e| ReleaseError::mismatch(&signature_name, e.to_string()))?;
    check_signature(key, bytes, &signature).map_err(|e| ReleaseError::mismatch(name, format!("signature: {e}")))
}
