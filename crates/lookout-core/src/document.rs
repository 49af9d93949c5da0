//! Ingested documents: the captured original behind a source, the fingerprint of its text, and the
//! original it reposts.

use serde::{Deserialize, Serialize};

use crate::SourceId;

/// A document kept as evidence and read by `lookout ingest`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// SHA-256 of the original bytes (hex); the evidence file's name.
    pub sha256: String,
    /// The source it is the capture of.
    pub source_id: SourceId,
    /// Language detected or declared (`en`, `zh`, `und`…).
    pub language: String,
    /// Characters of extracted text.
    pub characters: u64,
    /// SimHash of the text: near-identical texts differ in few bits.
    pub simhash: u64,
    /// The SHA-256 of the original this document reposts, when its text is nearly the same.
    pub copy_of: Option<String>,
    /// Whether its text stays out of public search (testimony, or ingested with `--restricted`).
    pub restricted: bool,
}
