//! What the workspace's documents and sources sections read and write: documents listed newest
//! first with their proposals counted, one document by its SHA-256, the audit entries of an
//! upload, sources found by address or host, and people's judgements of sources (kind,
//! reliability, the original a source copies), appended with their audit entry in one
//! transaction.

use std::future::Future;

use lookout_core::{Document, Source, SourceId, SourceJudgement, Statement};

use crate::{AuditEvent, StoreError};

/// A document as the documents list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentRow {
    /// The document.
    pub document: Document,
    /// Its source's address (`file:NAME` for a file without one).
    pub url: String,
    /// Its source's title (the file's name).
    pub title: Option<String>,
    /// Its proposals not yet reviewed.
    pub open_proposals: u64,
    /// All its proposals.
    pub proposals: u64,
}

/// The workspace's documents and sources.
pub trait CurationStore: Send + Sync + 'static {
    /// A page of documents, newest first, and how many there are.
    fn document_rows(
        &self,
        offset: u32,
        limit: u32,
    ) -> impl Future<Output = Result<(Vec<DocumentRow>, u64), StoreError>> + Send;

    /// One document by the SHA-256 of its original.
    fn document(&self, sha256: &str) -> impl Future<Output = Result<Option<Document>, StoreError>> + Send;

    /// The documents that copy the document `sha256` (ingest's reposts), in the order ingested.
    fn document_copies(&self, sha256: &str) -> impl Future<Output = Result<Vec<Document>, StoreError>> + Send;

    /// Appends `events` (one per document uploaded) to the audit log in one transaction.
    fn record_upload(&self, events: &[AuditEvent]) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Sources whose address or host contains `query` (any case), by address; with an empty
    /// query, the newest. At most `limit`.
    fn find_sources(&self, query: &str, limit: u32) -> impl Future<Output = Result<Vec<Source>, StoreError>> + Send;

    /// Appends `judgement` (its `at` is now) and `event`'s audit entry in one transaction. The
    /// source's kind becomes the judged one; a `copy_of` that names the source itself or no
    /// stored source is refused, and nothing is written.
    fn judge_source(
        &self,
        judgement: &SourceJudgement,
        event: &AuditEvent,
    ) -> impl Future<Output = Result<SourceJudgement, StoreError>> + Send;

    /// The judgement of a source in force (the latest), if any.
    fn source_judgement(
        &self,
        source: &SourceId,
    ) -> impl Future<Output = Result<Option<SourceJudgement>, StoreError>> + Send;

    /// Every statement citing a source, any status, restricted entities included (for signed-in
    /// accounts), at most `limit`, by entity.
    fn statements_citing(
        &self,
        source: &SourceId,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<Statement>, StoreError>> + Send;
}
