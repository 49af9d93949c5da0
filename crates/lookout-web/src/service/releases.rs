//! The signed releases kept in the data directory's `releases/` folder (cut by `lookout
//! release`), as `/data`, `/data/releases/…` and `/api/v1/releases` show them.

use std::path::PathBuf;

use lookout_release::release::{list_releases, ListedRelease, Manifest, ReleaseId};

use crate::error::WebError;

/// Where the releases are.
#[derive(Debug, Clone)]
pub(crate) struct Releases {
    dir: PathBuf,
}

/// A release as listed: its manifest and where its files are served.
#[derive(Debug, Clone)]
pub(crate) struct ReleaseView {
    /// The manifest.
    pub manifest: Manifest,
    /// `/data/releases/ID/`.
    pub base: String,
}

impl ReleaseView {
    /// The number of public entities of `schema` it holds.
    pub fn count(&self, schema: &str) -> u64 {
        self.manifest.counts.entities.get(schema).copied().unwrap_or(0)
    }

    /// The URL of one of its files.
    pub fn href(&self, name: &str) -> String {
        format!("{}{name}", self.base)
    }
}

impl Releases {
    /// The releases in `dir` (which need not exist yet).
    pub fn at(dir: PathBuf) -> Releases {
        Releases { dir }
    }

    /// Every release whose manifest reads, newest first. A folder whose manifest does not read is
    /// left out (and logged).
    pub fn list(&self) -> Result<Vec<ReleaseView>, WebError> {
        let (listed, unreadable) =
            list_releases(&self.dir).map_err(|e| WebError::Internal(format!("listing releases: {e}")))?;
        for e in unreadable {
            eprintln!("lookout-web: a release is not listed: {e}");
        }
        Ok(listed.into_iter().map(view).collect())
    }

    /// The path of the file `name` of release `id`, if the release is listed and the file is one
    /// of its own (a file of its manifest, the manifest, the checksum list or their signatures),
    /// with its SHA-256 where the manifest lists it.
    pub fn file(&self, id: &str, name: &str) -> Result<(PathBuf, Option<String>), WebError> {
        let not_found = || WebError::NotFound(format!("release file {id}/{name}"));
        let id: ReleaseId = id.parse().map_err(|_| not_found())?;
        let dir = self.dir.join(id.to_string());
        let manifest = Manifest::read(&dir).map_err(|_| not_found())?;
        if !manifest.owns(name) || manifest.id != id {
            return Err(not_found());
        }
        Ok((dir.join(name), manifest.file(name).map(|f| f.sha256.clone())))
    }
}

fn view(listed: ListedRelease) -> ReleaseView {
    ReleaseView { base: format!("/data/releases/{}/", listed.id), manifest: listed.manifest }
}

/// The media type of a release file, by its name.
pub(crate) fn media_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("csv") => "text/csv; charset=utf-8",
        Some("json") => "application/json",
        Some("geojson") => "application/geo+json",
        Some("jsonl") => "application/x-ndjson",
        Some("gexf") => "application/gexf+xml",
        Some("md") => "text/markdown; charset=utf-8",
        Some("cff") => "application/x-yaml; charset=utf-8",
        _ => "text/plain; charset=utf-8",
    }
}
