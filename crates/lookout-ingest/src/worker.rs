//! What an ingest run in a child process (`lookout ingest-worker`) tells the process that started
//! it: one JSON line per event on standard output, in the order of the documents. The server
//! reads these lines to show an upload's progress; files are named by their file name only.
//!
//! ```
//! use lookout_ingest::{pipeline::Stage, WorkerLine};
//! let line = WorkerLine::Failed { done: 1, file: "a.pdf".into(), problem: "a damaged PDF file".into() };
//! let text = line.to_line();
//! assert_eq!(WorkerLine::parse(&text), Some(line));
//! let stage = WorkerLine::Stage { at: Stage::FindingMentions { document: 2, characters: 4_000_000 } };
//! assert_eq!(
//!     stage.to_line(),
//!     r#"{"event":"stage","at":{"stage":"finding-mentions","document":2,"characters":4000000}}"#
//! );
//! assert_eq!(WorkerLine::parse(&stage.to_line()), Some(stage));
//! ```

use serde::{Deserialize, Serialize};

/// One event of an ingest run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "kebab-case")]
pub enum WorkerLine {
    /// A document was read, kept and analysed (recorded when the run finishes).
    Ingested {
        /// Documents done so far, this one included.
        done: usize,
        /// Its file name.
        file: String,
        /// The SHA-256 of its original.
        sha256: String,
        /// Statements it proposes.
        proposals: usize,
        /// Mentions found.
        mentions: usize,
        /// The original it reposts.
        near_duplicate_of: Option<String>,
        /// Whether its bytes were new to the evidence store.
        new_original: bool,
    },
    /// A document could not be read: nothing of it is kept.
    Failed {
        /// Documents done so far, this one included.
        done: usize,
        /// Its file name.
        file: String,
        /// Why, naming the file.
        problem: String,
    },
    /// The run reached a stage (inside a long document: its text taken out, its mentions found).
    Stage {
        /// Which.
        at: crate::pipeline::Stage,
    },
    /// The run is recorded: its documents are in the store and the index.
    Finished {
        /// Documents given.
        documents: usize,
        /// Documents that could not be read.
        failed: usize,
    },
    /// The run stopped (the store or the index failed): nothing of it is kept.
    Stopped {
        /// Why.
        problem: String,
    },
}

impl WorkerLine {
    /// The line as written (JSON, without its newline).
    pub fn to_line(&self) -> String {
        serde_json::to_string(self).expect("serialises")
    }

    /// A line as read; `None` when it is not one.
    pub fn parse(line: &str) -> Option<WorkerLine> {
        serde_json::from_str(line.trim()).ok()
    }
}
