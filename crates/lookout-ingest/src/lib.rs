//! Document ingestion for Lookout: each original kept once as evidence, content-addressed by
//! SHA-256 with a capture record; its text extracted (plain text, Markdown, HTML without its
//! navigation, PDF text layers), normalised (NFKC) and its language detected; and its mentions
//! found — places (gazetteer, English and Chinese), countries (names and demonyms), organisations
//! (public security bureaus, associations, chambers), figures (a number and what it counts) and
//! dates — with character offsets; and reposts of one text grouped by SimHash.
//!
//! The tables mentions are found with are one value, built once ([`Finder`]); each worker keeps
//! its own [`Memo`]; the record's own names come as [`KnownNames`]. [`pipeline`] runs the whole
//! of ingest over files.
//!
//! ```
//! use lookout_ingest::{Finder, KnownNames, Memo, What};
//! let finder = Finder::new();
//! let text = "Safeguard Defenders counted 54 police stations in 30 countries on 12 September 2022.";
//! let m = finder.find(text, &KnownNames::default(), &mut Memo::default(), None);
//! assert!(m.iter().any(|m| matches!(m.what, What::Figure { value, .. } if value == 54.0)));
//! assert!(m.iter().any(|m| matches!(m.what, What::Date(d) if d.to_string() == "2022-09-12")));
//! ```

mod char_offsets;
mod error;
mod evidence;
mod lang;
mod mentions;
mod pdf_layout;
mod pdf_lines;
pub mod pipeline;
mod proposals;
mod reading;
mod registry;
mod sentences;
mod simhash;
pub mod text;
mod worker;

pub use error::IngestError;
pub use evidence::{Capture, Evidence};
pub use mentions::{Finder, Kind, KnownNames, Memo, Mention, MentionRecord, What};
pub use proposals::step_sentences;
pub use reading::{Reading, MAX_READING_BYTES, READING_CHARS};
pub use worker::WorkerLine;
