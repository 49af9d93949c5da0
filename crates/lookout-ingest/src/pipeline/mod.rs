//! The ingest pipeline: documents in, and for each its evidence record (the original kept once,
//! content-addressed), its text, its mentions found and linked to the record, its place among
//! reposts and the statements it proposes; all recorded in the store in one transaction and the
//! text indexed for search. Documents are analysed on every core (rayon) in the order given; the
//! caller only lists what to ingest and shows progress ([`Step`]).

mod document;
mod in_order;
mod rebuild;
mod record;
mod run;
mod stage;

use std::path::{Path, PathBuf};

pub use document::{DocumentReport, Ingested};
pub use rebuild::{rebuild_index, Rebuilt};
pub(crate) use record::Record;
pub use run::{run, run_with_stages, Step, Summary};
pub use stage::{quiet, Stage, StageSink};

use crate::text::Format;
use crate::IngestError;

/// What the command line says of the documents' source (a sidecar `NAME.meta.json` says it per
/// document, and wins).
#[derive(Debug, Clone, Default)]
pub struct SourceOptions {
    /// Where the document was found.
    pub url: Option<String>,
    /// When it was published.
    pub published: Option<String>,
    /// Its kind (news, ngo-report, official…).
    pub kind: Option<String>,
    /// Its language, when detection should not decide.
    pub lang: Option<String>,
    /// Keep the documents' text out of public search.
    pub restricted: bool,
    /// Who captures it.
    pub by: String,
    /// Keep each document's mentions in its report (to print them).
    pub keep_mentions: bool,
}

impl SourceOptions {
    /// Checks what applies to every document: a kind and a date that parse, and a URL only for
    /// one document.
    pub fn check(&self, documents: usize) -> Result<(), IngestError> {
        self.check_values()?;
        if self.url.is_some() && documents > 1 {
            return Err(IngestError::UrlOfMany { documents });
        }
        Ok(())
    }

    /// Checks the values given, before the documents are listed: a kind and a date that parse.
    pub fn check_values(&self) -> Result<(), IngestError> {
        let option = |name: &'static str, problem: String| IngestError::Option { name, problem };
        if let Some(kind) = &self.kind {
            kind.parse::<lookout_core::SourceKind>().map_err(|e| option("--kind", e.to_string()))?;
        }
        if let Some(p) = &self.published {
            p.parse::<lookout_core::PartialDate>().map_err(|e| option("--published", e.to_string()))?;
        }
        Ok(())
    }
}

/// The directory of the originals kept as evidence in a data directory.
pub fn evidence_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("evidence")
}

/// What the documents' index calls a document: its source's publisher and title, where the
/// source has them, else the file's name.
pub(crate) fn indexed_title(source: &lookout_core::Source) -> String {
    match (&source.publisher, &source.title) {
        (Some(p), Some(t)) => format!("{p} · {t}"),
        (p, t) => p.clone().or_else(|| t.clone()).unwrap_or_default(),
    }
}

/// The directory of the documents' search index in a data directory.
pub fn index_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("index").join("documents")
}

/// The documents among the files named and the directories walked (in name order), and the files
/// skipped (not a format Lookout reads; sidecars are neither).
pub fn documents(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<PathBuf>), IngestError> {
    let (mut docs, mut skipped) = (Vec::new(), Vec::new());
    for path in paths {
        let io = |cause| IngestError::Read { file: path.display().to_string(), cause };
        let meta = std::fs::metadata(path).map_err(io)?;
        if meta.is_dir() {
            let mut entries: Vec<PathBuf> =
                std::fs::read_dir(path).map_err(io)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
            entries.sort();
            let (d, s) = documents(&entries)?;
            docs.extend(d);
            skipped.extend(s);
        } else if path.to_string_lossy().ends_with(".meta.json") {
            // a sidecar
        } else if Format::of_name(&path.to_string_lossy()).is_some() {
            docs.push(path.clone());
        } else {
            skipped.push(path.clone());
        }
    }
    Ok((docs, skipped))
}
