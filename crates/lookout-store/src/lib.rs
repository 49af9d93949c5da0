//! Lookout's persistence. Callers use the [`Store`] trait; [`SqliteStore`] keeps everything in one
//! SQLite file (WAL) with its own migrations, and a PostgreSQL backend can follow the same trait.
//!
//! ```
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! use lookout_core::{Batch, Claim, EntityId, Schema, Source};
//! use lookout_store::{SqliteStore, Store};
//!
//! let store = SqliteStore::open_in_memory().await.unwrap();
//! let mut batch = Batch::new("example");
//! let id = EntityId::new("station-X").unwrap();
//! batch.add_entity(&id, Schema::Station).unwrap();
//! let src = batch.add_source(Source::from_url("https://example.org/report"));
//! batch.add_claim(Claim::new(&id, "country", "NL", &src)).unwrap();
//! assert_eq!(store.write_batch(&batch).await.unwrap().statements_added, 1);
//! assert_eq!(store.write_batch(&batch).await.unwrap().statements_added, 0);
//! assert_eq!(store.entity(&id).await.unwrap().unwrap().statements.len(), 1);
//! # });
//! ```

pub mod audit;
mod changes;
mod curation;
mod documents;
mod error;
mod publicity;
mod query;
mod reports;
mod sqlite;
mod store;
mod workspace;

pub use audit::{AppendOnly, AuditEvent, AuditRow, AUDIT_GENESIS};
pub use changes::{ChangeKind, ChangeScope, PublicChange};
pub use curation::{CurationStore, DocumentRow};
pub use documents::DocumentStore;
pub use error::StoreError;
pub use lookout_core::SourceJudgement;
/// The status timeline is domain logic, in `lookout_core::timeline`; re-exported for the callers
/// that read it through the store.
pub use publicity::{public_entity, public_records, PublicView, PublicityFacts};
pub use query::{EntityFilter, EntityRecord, NamedEntity, RecordCounts, Stats, WriteReport};
pub use reports::{
    Account, AccountSummary, AuditView, CountRelease, NewReport, PublishedIncident, ReportRecord, ReportStore,
    ReportWithReplyKey, SealedMessage,
};
pub use sqlite::{check_file, BatchWriter, FileCheck, SqliteStore};
pub use store::Store;
pub use workspace::{
    FoundEntity, Naming, NamingValue, PageAt, ProposalFilter, ProposalPage, ProposalReview, WorkspaceStore,
};
