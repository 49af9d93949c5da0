//! A run: documents analysed on every core, a few at a time and handed on in the order given;
//! each placed among the reposts known, recorded in the store a batch at a time in the run's one
//! transaction (committed at its end), and its text indexed (committed after the store).

use std::path::{Path, PathBuf};
use std::sync::Arc;

use lookout_core::{Batch, Timestamp};
use lookout_search::{DocumentIndex, IndexedDocument};
use lookout_store::{DocumentStore, SqliteStore};

use super::document::{self, Analyser, Ingested};
use super::in_order::InOrder;
use super::{evidence_dir, index_dir, Record, SourceOptions};
use crate::evidence::Evidence;
use crate::registry::Registry;
use crate::{Finder, IngestError};

/// Documents recorded in the store per batch of the run's one transaction.
const DOCUMENTS_PER_BATCH: usize = 16;

/// What happened to one document, in the order given.
pub enum Step<'a> {
    /// It was read, kept and analysed.
    Ingested {
        /// Documents done so far, this one included.
        done: usize,
        /// Its file.
        path: &'a Path,
        /// What came of it.
        document: &'a Ingested,
    },
    /// It could not be read: nothing of it is kept.
    Failed {
        /// Documents done so far, this one included.
        done: usize,
        /// Its file.
        path: &'a Path,
        /// Why.
        error: &'a IngestError,
    },
}

/// What a run did.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Documents given.
    pub documents: usize,
    /// Documents that could not be read.
    pub failed: usize,
    /// Originals new to the evidence store.
    pub new: usize,
    /// Bytes read for text.
    pub bytes: u64,
    /// Mentions found.
    pub mentions: usize,
    /// Statements proposed.
    pub proposed: usize,
}

/// Ingests `docs` into the data directory whose store is `store`, telling `observe` of each
/// document in turn. A failed document is told and skipped; an error of the store or the index
/// ends the run, and then nothing of it is kept.
pub async fn run(
    data_dir: &Path,
    store: &SqliteStore,
    docs: &[PathBuf],
    options: &SourceOptions,
    observe: impl FnMut(Step<'_>) -> Result<(), IngestError>,
) -> Result<Summary, IngestError> {
    run_with_stages(data_dir, store, docs, options, super::quiet(), observe).await
}

/// [`run`], telling `stages` of each stage as the run reaches it (inside long documents too).
pub async fn run_with_stages(
    data_dir: &Path,
    store: &SqliteStore,
    docs: &[PathBuf],
    options: &SourceOptions,
    stages: super::StageSink,
    mut observe: impl FnMut(Step<'_>) -> Result<(), IngestError>,
) -> Result<Summary, IngestError> {
    options.check(docs.len())?;
    stages(super::Stage::ReadingRecord);
    let record =
        Record::read(store).await.map_err(|cause| IngestError::Store { doing: "reading the record", cause })?;
    let known =
        store.documents().await.map_err(|cause| IngestError::Store { doing: "reading the documents", cause })?;
    let mut registry = Registry::new(known.into_iter().map(|d| (d.sha256, d.simhash, d.copy_of)));
    let index_dir = index_dir(data_dir);
    let search = DocumentIndex::open_or_create(&index_dir).map_err(|cause| IngestError::Search {
        doing: format!("cannot open the search index in {}", index_dir.display()),
        cause,
    })?;
    let mut writer = search.writer().map_err(|cause| IngestError::Search {
        doing: "cannot open the search index for writing (is another ingest running?)".into(),
        cause,
    })?;
    let evidence_dir = evidence_dir(data_dir);
    std::fs::create_dir_all(&evidence_dir)
        .map_err(|cause| IngestError::Io { file: format!("cannot create {}", evidence_dir.display()), cause })?;
    let analyser = Arc::new(Analyser {
        evidence: Evidence::at(&evidence_dir),
        record,
        finder: Finder::new(),
        options: options.clone(),
        now: Timestamp::now().to_string(),
        text_limit: document::text_limit(),
        stages: stages.clone(),
    });

    let recorded_by = format!("lookout ingest ({})", options.by);
    let store_error = |cause| IngestError::Store { doing: "recording the documents", cause };
    let index_error = |cause| IngestError::Search { doing: "indexing the documents".into(), cause };
    let mut records = store.begin_batches().await.map_err(store_error)?;
    let mut batch = Batch::new(recorded_by.as_str());
    let mut summary = Summary { documents: docs.len(), ..Summary::default() };
    let mut analysed = InOrder::start(analyser, docs);
    let mut done = 0;
    while let Some(result) = analysed.next().await {
        let path = &docs[done];
        done += 1;
        let doc = match result {
            Ok(analysed) => document::register(analysed, &mut registry),
            Err(error) => {
                summary.failed += 1;
                observe(Step::Failed { done, path, error: &error })?;
                continue;
            }
        };
        observe(Step::Ingested { done, path, document: &doc })?;
        doc.reading.write(data_dir, &doc.document.sha256)?;
        summary.new += usize::from(doc.new_original);
        summary.bytes += doc.bytes;
        summary.mentions += doc.report.mention_count;
        summary.proposed += doc.proposals.len();
        if !search.contains(&doc.document.sha256).map_err(index_error)? {
            writer
                .add(IndexedDocument {
                    sha256: doc.document.sha256.clone(),
                    source_id: doc.source.id.to_string(),
                    title: super::indexed_title(&doc.source),
                    language: doc.document.language.clone(),
                    text: doc.text,
                    restricted: doc.document.restricted,
                })
                .map_err(index_error)?;
        }
        batch.add_source(doc.source);
        batch.add_document(doc.document).map_err(|e| IngestError::Record(e.to_string()))?;
        for p in doc.proposals {
            batch.add_proposal(p).map_err(|e| IngestError::Record(e.to_string()))?;
        }
        if batch.documents.len() >= DOCUMENTS_PER_BATCH {
            records.write(&batch).await.map_err(store_error)?;
            batch = Batch::new(recorded_by.as_str());
        }
    }
    // Dropped on an error above, the transaction and the index writer keep nothing.
    stages(super::Stage::Recording);
    records.write(&batch).await.map_err(store_error)?;
    records.commit().await.map_err(store_error)?;
    writer.commit().map_err(|cause| IngestError::Search { doing: "committing the search index".into(), cause })?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::super::Stage;
    use super::*;

    /// A directory of its own under the system's temporary directory, removed at the end.
    struct Scratch(PathBuf);

    impl Drop for Scratch {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn documents_come_back_in_the_order_given_and_failures_in_their_place() {
        let dir = Scratch(std::env::temp_dir().join(format!("lookout-run-{}", std::process::id())));
        let docs_dir = dir.0.join("docs");
        std::fs::create_dir_all(&docs_dir).unwrap();
        // Long documents first, so that the short ones after them finish before them.
        let mut docs = Vec::new();
        for i in 0..12 {
            let path = docs_dir.join(format!("{i:02}.txt"));
            let text = match i {
                5 => String::new(),
                _ if i % 4 == 0 => {
                    format!("Document {i}. ") + &"The Fuzhou PSB opened 2 stations in Prato. ".repeat(20_000)
                }
                _ => format!("Document {i}: the Qingtian PSB in Rotterdam, 12 September 2022."),
            };
            std::fs::write(&path, text).unwrap();
            docs.push(path);
        }
        let store = SqliteStore::open_in_memory().await.unwrap();
        let mut seen = Vec::new();
        let told = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let sink = told.clone();
        let stages: super::super::StageSink = std::sync::Arc::new(move |stage| sink.lock().unwrap().push(stage));
        let options = SourceOptions { by: "test".into(), ..Default::default() };
        let summary = run_with_stages(&dir.0, &store, &docs, &options, stages, |step| {
            seen.push(match step {
                Step::Ingested { done, path, .. } => (done, path.to_path_buf(), None),
                Step::Failed { done, path, error } => (done, path.to_path_buf(), Some(error.to_string())),
            });
            Ok(())
        })
        .await
        .unwrap();
        let told = told.lock().unwrap().clone();
        assert_eq!(told.first(), Some(&Stage::ReadingRecord));
        assert_eq!(told.last(), Some(&Stage::Recording));
        for (i, doc) in docs.iter().enumerate() {
            let bytes = std::fs::metadata(doc).unwrap().len();
            let number = i + 1;
            let extracting = told.iter().position(|s| *s == Stage::Extracting { document: number, bytes });
            let finding = told.iter().position(
                // The texts are ASCII: as many characters as bytes, less the trailing space trimmed.
                |s| matches!(s, Stage::FindingMentions { document, characters } if *document == number && bytes - *characters <= 1),
            );
            assert!(extracting.is_some(), "document {number} told before its text is taken out: {told:?}");
            // The empty file fails when its text is taken out; every other is searched for mentions after.
            assert_eq!(finding.is_some(), i != 5, "document {number}: {told:?}");
            assert!(finding.is_none_or(|f| f > extracting.unwrap()));
        }
        assert_eq!(seen.iter().map(|(_, p, _)| p.clone()).collect::<Vec<_>>(), docs, "in the order given");
        assert_eq!(seen.iter().map(|(done, ..)| *done).collect::<Vec<_>>(), (1..=12).collect::<Vec<_>>());
        let failed: Vec<&(usize, PathBuf, Option<String>)> = seen.iter().filter(|s| s.2.is_some()).collect();
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].0, 6);
        assert!(failed[0].2.as_deref().unwrap().ends_with("05.txt: the file is empty"), "{:?}", failed[0].2);
        assert_eq!((summary.documents, summary.failed, summary.new), (12, 1, 11));
        assert_eq!(store.documents().await.unwrap().len(), 11, "every document read is recorded");
        let sha = &store.documents().await.unwrap()[1].sha256;
        let reading = crate::Reading::read(&dir.0, sha).unwrap().expect("a reading for each document");
        assert!(reading.mentions.iter().any(|m| m.text == "Rotterdam"), "{reading:?}");
    }
}
