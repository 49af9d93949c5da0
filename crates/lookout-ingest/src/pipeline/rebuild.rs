//! Rebuilding the documents' index from what it is derived from: the documents the store records
//! and the originals kept as evidence. Every document is read again and the index replaced whole
//! in one commit, so a running server keeps answering from the old index until the new one is
//! complete, and a rebuild that fails leaves the old one as it was. An index too damaged to open
//! is set aside (renamed, not deleted) and a new one made.

use std::io::Read;
use std::path::{Path, PathBuf};

use lookout_search::{DocumentIndex, IndexedDocument};
use lookout_store::{DocumentStore, SqliteStore, Store};

use super::document::text_limit;
use super::{evidence_dir, index_dir, indexed_title};
use crate::evidence::Evidence;
use crate::text::{extract, Format};
use crate::IngestError;

/// What a rebuild did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Rebuilt {
    /// Documents indexed.
    pub indexed: usize,
    /// Documents whose original is not kept (or cannot be read): (SHA-256, why).
    pub missing: Vec<(String, String)>,
    /// Where a damaged index was set aside, if one was.
    pub set_aside: Option<PathBuf>,
}

/// Opens the index of `dir`, or sets a damaged one aside and makes a new one.
fn open_or_replace(dir: &Path) -> Result<(DocumentIndex, Option<PathBuf>), IngestError> {
    let search = |doing: String| move |cause| IngestError::Search { doing, cause };
    match DocumentIndex::open_or_create(dir) {
        Ok(index) => Ok((index, None)),
        Err(_) => {
            let aside = dir.with_file_name(format!(
                "{}.damaged-{}",
                dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
                std::process::id()
            ));
            std::fs::rename(dir, &aside)
                .map_err(|cause| IngestError::Io { file: format!("cannot set aside {}", dir.display()), cause })?;
            let index = DocumentIndex::open_or_create(dir)
                .map_err(search(format!("cannot create the search index in {}", dir.display())))?;
            Ok((index, Some(aside)))
        }
    }
}

/// The text of a kept original, or why there is none.
fn text_of(evidence: &Evidence, sha256: &str) -> Result<String, String> {
    let capture = evidence.capture(sha256).map_err(|e| e.to_string())?.ok_or("the original is not kept")?;
    let format = Format::of_name(&capture.original_name)
        .ok_or_else(|| format!("{:?} is not a format Lookout reads", capture.original_name))?;
    let path = evidence.path_of(sha256);
    let mut head = Vec::new();
    std::fs::File::open(&path)
        .and_then(|f| f.take(text_limit()).read_to_end(&mut head))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    extract(&head, format)
}

/// Rebuilds the documents' index of `data_dir`, telling `progress` of each document (done, of).
/// A document whose original is missing or unreadable is left out and listed; an error of the
/// store or the index ends the rebuild with the old index untouched.
pub async fn rebuild_index(
    data_dir: &Path,
    store: &SqliteStore,
    mut progress: impl FnMut(usize, usize),
) -> Result<Rebuilt, IngestError> {
    let documents =
        store.documents().await.map_err(|cause| IngestError::Store { doing: "reading the documents", cause })?;
    let ids: Vec<_> = documents.iter().map(|d| d.source_id.clone()).collect();
    let sources =
        store.sources(&ids).await.map_err(|cause| IngestError::Store { doing: "reading the sources", cause })?;
    let dir = index_dir(data_dir);
    let (index, set_aside) = open_or_replace(&dir)?;
    let index_error = |cause| IngestError::Search { doing: "rebuilding the search index".into(), cause };
    let mut writer = index.writer().map_err(|cause| IngestError::Search {
        doing: "cannot open the search index for writing (is an ingest running?)".into(),
        cause,
    })?;
    writer.clear().map_err(index_error)?;
    let evidence = Evidence::at(&evidence_dir(data_dir));
    let mut rebuilt = Rebuilt { set_aside, ..Rebuilt::default() };
    for (done, d) in documents.iter().enumerate() {
        progress(done + 1, documents.len());
        let text = match text_of(&evidence, &d.sha256) {
            Ok(text) => text,
            Err(why) => {
                rebuilt.missing.push((d.sha256.clone(), why));
                continue;
            }
        };
        writer
            .add(IndexedDocument {
                sha256: d.sha256.clone(),
                source_id: d.source_id.to_string(),
                title: sources.get(&d.source_id).map(indexed_title).unwrap_or_default(),
                language: d.language.clone(),
                text,
                restricted: d.restricted,
            })
            .map_err(index_error)?;
        rebuilt.indexed += 1;
    }
    writer.commit().map_err(index_error)?;
    Ok(rebuilt)
}
