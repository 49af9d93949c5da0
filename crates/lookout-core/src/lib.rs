//! Lookout's data model: everything Lookout knows is a [`Statement`] — one value of one property of
//! one [`Entity`], said by one [`Source`], with an Admiralty [`Grade`] and a review status.
//! Conflicting statements are kept side by side; nothing is overwritten.
//!
//! This crate does no I/O. Ids are deterministic, so the same facts imported twice are the same rows.
//!
//! ```
//! use lookout_core::{Batch, Claim, EntityId, Schema, Source};
//!
//! let mut batch = Batch::new("example");
//! let station = EntityId::new("station-ST033").unwrap();
//! batch.add_entity(&station, Schema::Station).unwrap();
//! let source = batch.add_source(Source::from_url("https://www.rijksoverheid.nl/x"));
//! batch.add_claim(Claim::new(&station, "status", "closed", &source)).unwrap();
//! assert_eq!(batch.statements.len(), 1);
//! assert!(batch.add_claim(Claim::new(&station, "status", "vanished", &source)).is_err());
//! ```

mod acceptance;
mod batch;
mod date;
mod document;
mod error;
mod fold;
mod grade;
pub mod grading;
pub mod ids;
mod proposal;
mod resolution;
mod review;
mod schema;
mod source;
mod statement;
pub mod timeline;
mod timestamp;
mod vocabulary;

pub use acceptance::{Acceptance, ProposalEdit};
pub use batch::{Batch, Claim};
pub use date::{DatePrecision, PartialDate};
pub use document::Document;
pub use error::ModelError;
pub use fold::{EntityView, PropertyView, ValueView};
pub use grade::{Credibility, Grade, Reliability};
pub use ids::{EntityId, SourceId, StatementId};
pub use proposal::{Proposal, ProposalKind, ProposalRecord, ProposedClaim, Verdict};
pub use resolution::{Decision, Judgement, Resolution};
pub use review::{StatementAction, StatementEvent};
pub use schema::{PropType, Property, Schema, StationStatus};
pub use source::{guess_kind, host_of, Source, SourceJudgement, SourceKind};
pub use statement::{Entity, Locator, Stance, Statement, StatementStatus};
pub use timestamp::Timestamp;
