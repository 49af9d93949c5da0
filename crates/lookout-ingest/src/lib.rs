//! Document ingestion for Lookout: each original kept once as evidence, content-addressed by
//! SHA-256 with a capture record; its text extracted (plain text, Markdown, HTML without its
//! navigation, PDF text layers), normalised (NFKC) and its language detected; and its mentions
//! found — places (gazetteer, English and Chinese), countries (names and demonyms), organisations
//! (public security bureaus, associations, chambers), figures (a number and what it counts) and
//! dates — with character offsets; and reposts of one text grouped by SimHash.
//!
//! ```
//! use lookout_ingest::{extract_mentions, Kind};
//! let m = extract_mentions("Safeguard Defenders counted 54 police stations in 30 countries on 12 September 2022.");
//! assert!(m.iter().any(|m| m.kind == Kind::Figure && m.value == Some(54.0)));
//! assert!(m.iter().any(|m| m.kind == Kind::Date && m.date.is_some_and(|d| d.to_string() == "2022-09-12")));
//! ```

mod error;
pub mod evidence;
pub mod lang;
pub mod mentions;
pub mod pipeline;
pub mod proposals;
pub mod registry;
pub mod sentences;
pub mod simhash;
pub mod text;

pub use error::IngestError;
pub use mentions::{extract_mentions, extract_mentions_knowing, Kind, KnownNames, Mention, MentionRecord};
