//! Cutting a release: every export, the changes since the previous release, the citation, the
//! public key, the manifest, the checksum list and their signatures, written into a hidden
//! temporary folder that is renamed into place only once everything is on disk. A failure (a full
//! disk, a wrong key) leaves no release behind.

use std::path::{Path, PathBuf};

use lookout_core::EntityId;
use lookout_store::{DocumentStore, PublicView, Store};

use super::changes::compare;
use super::changes_md::changes_markdown;
use super::citation::{citation_cff, Publisher};
use super::files::{hash_file, sha256_hex, sync_dir, write_file, HashingFile};
use super::keys::SigningKey;
use super::listing::release_ids;
use super::manifest::{Manifest, MANIFEST_FORMAT};
use super::{ReleaseError, ReleaseId, CHANGES_JSON, CSV_FILE, MANIFEST, PUBLIC_KEY, SHA256SUMS, SIGNATURE_SUFFIX};
use crate::ExportFormat;

/// What a release is cut with.
pub struct CutOptions<'a> {
    /// The folder releases are kept in (each release is a folder inside it).
    pub releases_dir: PathBuf,
    /// The day it is cut, `YYYY-MM-DD`.
    pub day: String,
    /// The key that signs it.
    pub key: &'a SigningKey,
    /// Who publishes it, for its citation.
    pub publisher: Publisher,
}

/// A release that was cut.
#[derive(Debug)]
pub struct CutRelease {
    /// Its folder.
    pub dir: PathBuf,
    /// Its manifest.
    pub manifest: Manifest,
}

/// The exports a release holds, in the order they are written.
pub const EXPORTS: [ExportFormat; 5] =
    [ExportFormat::Csv, ExportFormat::Json, ExportFormat::GeoJson, ExportFormat::Ftm, ExportFormat::Gexf];

/// A temporary folder removed when dropped, unless it was moved into place.
struct Staging(Option<PathBuf>);

impl Drop for Staging {
    fn drop(&mut self) {
        if let Some(dir) = self.0.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Cuts a release of `store` into `options.releases_dir`; `progress` hears of each file as it is
/// written.
pub async fn cut_release<S: Store + DocumentStore>(
    store: &S,
    options: &CutOptions<'_>,
    mut progress: impl FnMut(&str),
) -> Result<CutRelease, ReleaseError> {
    let parent = &options.releases_dir;
    std::fs::create_dir_all(parent).map_err(|e| ReleaseError::io(parent, e))?;
    let existing = release_ids(parent)?;
    let id = ReleaseId::next(&options.day, &existing)
        .map_err(|e| ReleaseError::Invalid { path: parent.clone(), reason: e.to_string() })?;
    if let Some(newest) = existing.first().filter(|newest| **newest >= id) {
        return Err(ReleaseError::Invalid {
            path: parent.join(newest.to_string()),
            reason: format!("the newest release is dated after today ({}): is the clock right?", options.day),
        });
    }
    let previous = match existing.first() {
        Some(previous) => Some((previous.clone(), intact_csv(&parent.join(previous.to_string()))?)),
        None => None,
    };
    let final_dir = parent.join(id.to_string());
    if final_dir.exists() {
        return Err(ReleaseError::Exists(final_dir));
    }
    let staging_dir = parent.join(format!(".{id}.partial-{}", std::process::id()));
    std::fs::create_dir(&staging_dir).map_err(|e| ReleaseError::io(&staging_dir, e))?;
    let mut staging = Staging(Some(staging_dir.clone()));

    let data_version = store.data_version().await?;
    let mut files = Vec::new();
    for format in EXPORTS {
        let name = format!("lookout.{}", format.extension());
        progress(&name);
        let path = staging_dir.join(&name);
        let mut file = HashingFile::create(&path)?;
        crate::export(store, format, &mut file).await.map_err(|source| match source {
            crate::ExportError::Io(e) => ReleaseError::io(&path, e),
            source => ReleaseError::Export { file: name.clone(), source },
        })?;
        files.push(file.finish(&path, &name)?);
    }
    let after = store.data_version().await?;
    if after != data_version {
        return Err(ReleaseError::RecordChanged { before: data_version, after });
    }

    progress("changes");
    let current_csv = staging_dir.join(CSV_FILE);
    let open = |path: &Path| std::fs::File::open(path).map_err(|e| ReleaseError::io(path, e));
    let previous_input = match &previous {
        Some((previous_id, path)) => Some((previous_id, open(path)?)),
        None => None,
    };
    let (mut changes, counts) = compare(&id, previous_input, open(&current_csv)?)
        .map_err(|e| ReleaseError::Invalid { path: current_csv.clone(), reason: e.to_string() })?;
    // What the previous release told and this one no longer may: a person restricted again, or a
    // link to one the previous release gave out.
    let asked: Vec<EntityId> = changes.withdrawn_ids().into_iter().filter_map(|i| EntityId::new(i).ok()).collect();
    let view = PublicView::of_ids(store, &asked).await?;
    changes.withhold(|entity, prop, value| {
        EntityId::new(entity).map_or(true, |e| view.is_private(&e) || view.names_private(&e, prop, value))
    });
    let changes_json = {
        let mut bytes = serde_json::to_vec_pretty(&changes).expect("changes serialise");
        bytes.push(b'\n');
        bytes
    };
    files.push(write_file(&staging_dir, CHANGES_JSON, &changes_json)?);
    files.push(write_file(&staging_dir, "CHANGES.md", changes_markdown(&changes).as_bytes())?);
    files.push(write_file(&staging_dir, PUBLIC_KEY, options.key.public_key_file().as_bytes())?);

    let mut manifest = Manifest {
        format: MANIFEST_FORMAT.into(),
        id: id.clone(),
        date: id.day().to_string(),
        data_version,
        previous: previous.map(|(previous_id, _)| previous_id),
        public_key: options.key.public_key(),
        counts,
        changes: changes.summary,
        files,
    };
    add_citation(&staging_dir, &mut manifest, &options.publisher)?;
    manifest.files.sort_by(|a, b| a.name.cmp(&b.name));

    progress(MANIFEST);
    let manifest_bytes = manifest.to_bytes();
    write_file(&staging_dir, MANIFEST, &manifest_bytes)?;
    let trusted = format!("lookout release {id} {MANIFEST}");
    let signature = options.key.sign(&manifest_bytes, &trusted)?;
    write_file(&staging_dir, &format!("{MANIFEST}{SIGNATURE_SUFFIX}"), signature.as_bytes())?;
    let sums = manifest.sha256sums(&sha256_hex(&manifest_bytes));
    write_file(&staging_dir, SHA256SUMS, sums.as_bytes())?;
    let trusted = format!("lookout release {id} {SHA256SUMS}");
    let signature = options.key.sign(sums.as_bytes(), &trusted)?;
    write_file(&staging_dir, &format!("{SHA256SUMS}{SIGNATURE_SUFFIX}"), signature.as_bytes())?;
    sync_dir(&staging_dir)?;

    if final_dir.exists() {
        return Err(ReleaseError::Exists(final_dir));
    }
    std::fs::rename(&staging_dir, &final_dir).map_err(|e| ReleaseError::io(&final_dir, e))?;
    staging.0 = None;
    sync_dir(parent)?;
    Ok(CutRelease { dir: final_dir, manifest })
}

fn add_citation(dir: &Path, manifest: &mut Manifest, publisher: &Publisher) -> Result<(), ReleaseError> {
    let cff = citation_cff(manifest, publisher);
    manifest.files.push(write_file(dir, "CITATION.cff", cff.as_bytes())?);
    Ok(())
}

/// The previous release's `lookout.csv`, after checking it against its manifest (the changes are
/// counted from what was published, not from a file changed since).
fn intact_csv(dir: &Path) -> Result<PathBuf, ReleaseError> {
    let manifest = Manifest::read(dir)?;
    let entry = manifest
        .file(CSV_FILE)
        .ok_or_else(|| ReleaseError::Invalid { path: dir.join(MANIFEST), reason: format!("lists no {CSV_FILE}") })?;
    let path = dir.join(CSV_FILE);
    let (bytes, sha256) = hash_file(&path)?;
    if bytes != entry.bytes || sha256 != entry.sha256 {
        return Err(ReleaseError::Invalid {
            path,
            reason: "the previous release's file does not match its manifest (run `lookout release verify` on it)"
                .into(),
        });
    }
    Ok(path)
}
