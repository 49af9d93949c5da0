//! Storage of ingested documents (which source each captures, which original a repost copies) and
//! of the statements extraction proposes from them, with their reviews.

use std::collections::HashMap;
use std::future::Future;

use lookout_core::{Document, ProposalRecord, SourceId, Verdict};

use crate::{StoreError, WriteReport};

/// Documents and proposals. Written with [`crate::Store::write_batch`] (a batch carries them);
/// reviews are appended here, each with the statements it accepts, in one transaction.
pub trait DocumentStore: Send + Sync + 'static {
    /// Every document, in the order ingested.
    fn documents(&self) -> impl Future<Output = Result<Vec<Document>, StoreError>> + Send;

    /// The (first) document a source captures.
    fn document_of(&self, source: &SourceId) -> impl Future<Output = Result<Option<Document>, StoreError>> + Send;

    /// For each of `sources` that captures a repost, the source of the original it copies.
    fn originals_of(
        &self,
        sources: &[SourceId],
    ) -> impl Future<Output = Result<HashMap<SourceId, SourceId>, StoreError>> + Send;

    /// The sources of the documents that copy the document(s) of `source`.
    fn copies_of(&self, source: &SourceId) -> impl Future<Output = Result<Vec<SourceId>, StoreError>> + Send;

    /// Proposals, oldest first; with `status` (`proposed`, `accepted`, `rejected`) only those.
    fn proposals(&self, status: Option<&str>) -> impl Future<Output = Result<Vec<ProposalRecord>, StoreError>> + Send;

    /// Records a review of proposal `id` by `by`. Accepting writes the proposal's statements in
    /// the same transaction. A proposal is reviewed once: a second review is refused.
    fn review_proposal(
        &self,
        id: &str,
        verdict: Verdict,
        by: &str,
    ) -> impl Future<Output = Result<WriteReport, StoreError>> + Send;
}
