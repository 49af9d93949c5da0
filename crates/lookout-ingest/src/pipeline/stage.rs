//! What a run is doing while it runs, for a caller that shows progress inside long documents (the
//! server's upload page): each stage as the run reaches it, told from whichever thread reaches it.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// A stage of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "stage", rename_all = "kebab-case")]
pub enum Stage {
    /// Reading what the record knows: its stations, bureaus and organisations with their names.
    ReadingRecord,
    /// Taking the text out of the `document`th file (from 1), of `bytes` bytes.
    Extracting {
        /// Which document, from 1, in the order given.
        document: usize,
        /// Its size.
        bytes: u64,
    },
    /// Finding mentions in the `document`th file's text, of `characters` characters.
    FindingMentions {
        /// Which document, from 1.
        document: usize,
        /// Characters of its text.
        characters: u64,
    },
    /// Writing the run's documents to the store and the search index.
    Recording,
}

/// Told of each stage as a run reaches it.
pub type StageSink = Arc<dyn Fn(Stage) + Send + Sync>;

/// A sink that tells no one.
pub fn quiet() -> StageSink {
    Arc::new(|_| {})
}
