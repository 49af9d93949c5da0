//! `manifest.json`: what a release holds, each file with its size and SHA-256. Its minisign
//! signature (`manifest.json.minisig`) is what makes a release verifiable.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::{ReleaseError, ReleaseId};

/// The manifest's format tag.
pub const MANIFEST_FORMAT: &str = "lookout-release/1";

/// A release's manifest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`MANIFEST_FORMAT`].
    pub format: String,
    /// The release's id.
    pub id: ReleaseId,
    /// The day it was cut, `YYYY-MM-DD`.
    pub date: String,
    /// The store's data version when it was cut.
    pub data_version: i64,
    /// The release before it in the same folder, which its changes are counted from.
    pub previous: Option<ReleaseId>,
    /// The minisign public key (base64) whose secret key signed it.
    pub public_key: String,
    /// What it counts.
    pub counts: Counts,
    /// How many statements were added, withdrawn and changed since `previous`.
    pub changes: ChangeCounts,
    /// Every file of the release but the manifest, the checksum list and their signatures, by name.
    pub files: Vec<FileEntry>,
}

/// Counts of the public record in a release.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Public entities with at least one statement, by schema.
    pub entities: BTreeMap<String, u64>,
    /// Accepted statements.
    pub statements: u64,
    /// Sources cited by them.
    pub sources: u64,
}

/// How many statements changed since the previous release.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeCounts {
    /// New in this release.
    pub added: u64,
    /// In the previous release, not in this one.
    pub withdrawn: u64,
    /// In both, with something about them (their source's kind, the original it copies) changed.
    pub changed: u64,
    /// In the previous release, not in this one, and about a person who is not public (or a link
    /// to one): counted, never listed (`Changes::withhold`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub withheld: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// One file of a release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// File name inside the release folder.
    pub name: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256, lower-case hex.
    pub sha256: String,
}

impl Manifest {
    /// The manifest as written: pretty JSON with a final newline (what the signature covers).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("a manifest serialises");
        bytes.push(b'\n');
        bytes
    }

    /// Reads `manifest.json` of the release folder `dir`.
    pub fn read(dir: &Path) -> Result<Manifest, ReleaseError> {
        let path = dir.join(super::MANIFEST);
        let bytes = std::fs::read(&path).map_err(|e| ReleaseError::io(&path, e))?;
        Manifest::from_bytes(&bytes, &path)
    }

    /// Parses a manifest read from `path`.
    pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Manifest, ReleaseError> {
        let manifest: Manifest = serde_json::from_slice(bytes)
            .map_err(|e| ReleaseError::Invalid { path: path.to_path_buf(), reason: e.to_string() })?;
        if manifest.format != MANIFEST_FORMAT {
            return Err(ReleaseError::Invalid {
                path: path.to_path_buf(),
                reason: format!("format {:?} is not {MANIFEST_FORMAT:?}", manifest.format),
            });
        }
        Ok(manifest)
    }

    /// The entry of the file `name`.
    pub fn file(&self, name: &str) -> Option<&FileEntry> {
        self.files.iter().find(|f| f.name == name)
    }

    /// Whether `name` is a file of the release: one the manifest lists, the manifest itself, the
    /// checksum list, or the signature of either.
    pub fn owns(&self, name: &str) -> bool {
        let signed = [super::MANIFEST, super::SHA256SUMS];
        self.file(name).is_some()
            || signed.iter().any(|k| name == *k || name.strip_suffix(super::SIGNATURE_SUFFIX) == Some(k))
    }

    /// `SHA256SUMS` in the format of coreutils' `sha256sum` (two spaces, text mode), listing every
    /// file of the manifest and the manifest itself.
    pub fn sha256sums(&self, manifest_sha256: &str) -> String {
        let mut lines: Vec<(String, &str)> = self.files.iter().map(|f| (f.name.clone(), f.sha256.as_str())).collect();
        lines.push((super::MANIFEST.to_string(), manifest_sha256));
        lines.sort();
        lines.iter().map(|(name, sha)| format!("{sha}  {name}\n")).collect()
    }
}
