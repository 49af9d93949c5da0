//! The releases in a folder: every sub-folder named by a release id (a release being written is a
//! hidden `.ID.partial-PID` folder, never listed), newest first.

use std::path::{Path, PathBuf};

use super::manifest::Manifest;
use super::{ReleaseError, ReleaseId};

/// A release found in a folder.
#[derive(Debug, Clone)]
pub struct ListedRelease {
    /// Its id (the folder's name).
    pub id: ReleaseId,
    /// Its folder.
    pub dir: PathBuf,
    /// Its manifest.
    pub manifest: Manifest,
}

/// The ids of the release folders in `parent`, newest first; none when `parent` does not exist.
pub fn release_ids(parent: &Path) -> Result<Vec<ReleaseId>, ReleaseError> {
    let entries = match std::fs::read_dir(parent) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(ReleaseError::io(parent, e)),
    };
    let mut ids = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| ReleaseError::io(parent, e))?;
        let is_dir = entry.file_type().map_err(|e| ReleaseError::io(&entry.path(), e))?.is_dir();
        if let (true, Some(id)) = (is_dir, entry.file_name().to_str().and_then(|n| n.parse::<ReleaseId>().ok())) {
            ids.push(id);
        }
    }
    ids.sort_by(|a, b| b.cmp(a));
    Ok(ids)
}

/// The releases in `parent` whose manifest reads, newest first, and the folders whose manifest
/// does not (with why).
pub fn list_releases(parent: &Path) -> Result<(Vec<ListedRelease>, Vec<ReleaseError>), ReleaseError> {
    let mut listed = Vec::new();
    let mut unreadable = Vec::new();
    for id in release_ids(parent)? {
        let dir = parent.join(id.to_string());
        match Manifest::read(&dir) {
            Ok(manifest) if manifest.id == id => listed.push(ListedRelease { id, dir, manifest }),
            Ok(manifest) => unreadable.push(ReleaseError::Invalid {
                path: dir.join(super::MANIFEST),
                reason: format!("names release {} but its folder is {id}", manifest.id),
            }),
            Err(e) => unreadable.push(e),
        }
    }
    Ok((listed, unreadable))
}

/// Folders left by an interrupted release (`.ID.partial-PID`) in `parent`.
pub fn interrupted(parent: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(parent) else { return Vec::new() };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .filter(|e| e.file_name().to_str().is_some_and(|n| n.starts_with('.') && n.contains(".partial-")))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}
