//! Signed, versioned releases of the public record: a folder per release holding every export,
//! `changes.json` and `CHANGES.md` (statements added, withdrawn and changed since the previous
//! release), `CITATION.cff`, the public key, `manifest.json` (every file with size and SHA-256)
//! and `SHA256SUMS`, both signed with minisign. Stock `minisign -V` and `sha256sum -c` check a
//! release; so does [`verify_release`]. Releases are never rewritten.

mod changes;
mod changes_md;
mod citation;
mod cut;
mod error;
mod files;
mod id;
mod keys;
mod listing;
mod manifest;
mod verify;

pub use changes::{Changes, EntityChanges, FieldChange, StatementChange};
pub use citation::Publisher;
pub use cut::{cut_release, CutOptions, CutRelease, EXPORTS};
pub use error::ReleaseError;
pub use files::{hash_file, sync_dir, HashingFile};
pub use id::{InvalidReleaseId, ReleaseId};
pub use keys::{generate as generate_key, public_key_of, public_key_path, read_public_key, Password, SigningKey};
pub use listing::{interrupted, list_releases, release_ids, ListedRelease};
pub use manifest::{ChangeCounts, Counts, FileEntry, Manifest, MANIFEST_FORMAT};
pub use verify::{verify_release, Verified};

/// The signed manifest's file name.
pub const MANIFEST: &str = "manifest.json";
/// The checksum list's file name (coreutils `sha256sum` format).
pub const SHA256SUMS: &str = "SHA256SUMS";
/// What a minisign signature file adds to the name of the file it signs.
pub const SIGNATURE_SUFFIX: &str = ".minisig";
/// The public key file carried in every release.
pub const PUBLIC_KEY: &str = "lookout.pub";
/// The CSV export, which changes are counted from.
pub const CSV_FILE: &str = "lookout.csv";
/// The changes file.
pub const CHANGES_JSON: &str = "changes.json";
