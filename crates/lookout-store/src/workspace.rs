//! What the analysts' workspace writes and reads beyond the record itself: statements an account
//! adds (pending a second account's confirmation, or at once), the events of a statement's
//! history (confirmed, rejected, withdrawn), reviews of proposals as edited, and the inbox's
//! filtered pages of proposals. Every write appends its audit entry in the same transaction.

use std::future::Future;

use lookout_core::{
    Acceptance, EntityId, ProposalKind, ProposalRecord, Statement, StatementAction, StatementEvent, StatementId,
    Verdict,
};

use crate::{AuditEvent, StoreError, WriteReport};

/// Which proposals the inbox shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ProposalFilter {
    /// Only those of this document (its SHA-256).
    pub document: Option<String>,
    /// Only those of this kind.
    pub kind: Option<ProposalKind>,
    /// Only those in this state: `None` open ones, `Some(verdict)` those reviewed so.
    pub reviewed: Option<Verdict>,
}

/// Where a page of proposals starts: at the first, or next to a proposal (named by its id) of
/// the page before or after. Pages are cut by position in the list, not by counting rows to
/// skip, so that the hundredth page costs what the first does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum PageAt {
    /// The first page.
    #[default]
    First,
    /// The proposals after this one.
    After(String),
    /// The proposals before this one.
    Before(String),
}

/// One page of the proposals a filter selects.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProposalPage {
    /// The page's proposals, oldest first.
    pub records: Vec<ProposalRecord>,
    /// How many proposals the filter selects in all.
    pub total: u64,
    /// Whether some come before this page.
    pub earlier: bool,
    /// Whether some come after it.
    pub later: bool,
}

/// A review of a proposal as the workspace records it.
#[derive(Debug, Clone)]
pub struct ProposalReview<'a> {
    /// The proposal's id.
    pub id: &'a str,
    /// Accept or reject.
    pub verdict: Verdict,
    /// The reviewing account.
    pub by: &'a str,
    /// Why (a rejection says why).
    pub reason: Option<&'a str>,
    /// How an accepted proposal becomes statements.
    pub acceptance: Acceptance,
}

/// An entity found by [`WorkspaceStore::find_entities`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundEntity {
    /// Its id.
    pub id: EntityId,
    /// Its schema.
    pub schema: lookout_core::Schema,
    /// Its first name, if it has one.
    pub name: Option<String>,
    /// Whether it is kept out of public pages.
    pub restricted: bool,
}

/// An entity and the values it is named by ([`WorkspaceStore::namings`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Naming {
    /// Its id.
    pub id: EntityId,
    /// Its `name` and `city` statements, whatever their status, in the order recorded.
    pub values: Vec<NamingValue>,
}

/// One statement an entity may be named by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamingValue {
    /// `name` or `city`.
    pub prop: String,
    /// The value.
    pub value: String,
    /// The statement's status.
    pub status: lookout_core::StatementStatus,
}

/// The workspace's writes and reads.
pub trait WorkspaceStore: Send + Sync + 'static {
    /// Writes the statements (and any new entities and sources) an account adds, with `event`'s
    /// audit entry, in one transaction.
    fn add_statements(
        &self,
        batch: &lookout_core::Batch,
        event: &AuditEvent,
    ) -> impl Future<Output = Result<WriteReport, StoreError>> + Send;

    /// Writes `batch` with `event`'s audit entry, as [`WorkspaceStore::add_statements`], only if
    /// `entity` is still at `version` ([`WorkspaceStore::entity_version`]), checked in the same
    /// transaction: `None`, and nothing written, when it changed since (a form made stale).
    fn add_statements_at(
        &self,
        batch: &lookout_core::Batch,
        event: &AuditEvent,
        entity: &EntityId,
        version: u64,
    ) -> impl Future<Output = Result<Option<WriteReport>, StoreError>> + Send;

    /// Appends `action` by `by` to the history of each statement, in one transaction, and returns
    /// them as they now stand; a conflict naming why when the action is out of turn for any of
    /// them (reviewed meanwhile, or a confirmation by the account that recorded it): then none is
    /// changed.
    fn act_on_statements(
        &self,
        ids: &[StatementId],
        action: StatementAction,
        by: &str,
        reason: Option<&str>,
        event: &AuditEvent,
    ) -> impl Future<Output = Result<Vec<Statement>, StoreError>> + Send;

    /// The change a pending statement belongs to: every statement still pending that the same
    /// account recorded at the same moment (a proposal's statements, a new station's facts).
    fn pending_change(&self, id: &StatementId) -> impl Future<Output = Result<Vec<Statement>, StoreError>> + Send;

    /// The entities with these ids that are stored, in id order, each with every statement
    /// recorded of it whatever its status (pending, rejected and withdrawn ones too).
    fn entities_in_full(
        &self,
        ids: &[EntityId],
    ) -> impl Future<Output = Result<Vec<crate::EntityRecord>, StoreError>> + Send;

    /// One statement, any status.
    fn statement(&self, id: &StatementId) -> impl Future<Output = Result<Option<Statement>, StoreError>> + Send;

    /// Statements awaiting a second account, oldest first (by when recorded), at most `limit`.
    fn pending_statements(&self, limit: u32) -> impl Future<Output = Result<Vec<Statement>, StoreError>> + Send;

    /// How many statements wait for a second account (counted in an index, none read).
    fn pending_count(&self) -> impl Future<Output = Result<u64, StoreError>> + Send;

    /// A number that grows with every change to an entity (a statement recorded of it, an event
    /// of one of them, a public figure mark), for forms that must not act on what has changed
    /// since they were shown; `None` when no such entity is stored.
    fn entity_version(&self, id: &EntityId) -> impl Future<Output = Result<Option<u64>, StoreError>> + Send;

    /// The stored entities among `ids`, in id order, each with the values it is named by (its
    /// `name` and `city` statements, whatever their status), without the rest of its statements.
    fn namings(&self, ids: &[EntityId]) -> impl Future<Output = Result<Vec<Naming>, StoreError>> + Send;

    /// Every event of the statements of an entity, oldest first.
    fn entity_events(&self, entity: &EntityId) -> impl Future<Output = Result<Vec<StatementEvent>, StoreError>> + Send;

    /// Reviews a proposal as `review` says, with its audit entry; accepting writes its statements
    /// in the same transaction. A proposal is reviewed once: a second review is a conflict.
    fn review_proposal_as(
        &self,
        review: &ProposalReview<'_>,
        event: &AuditEvent,
    ) -> impl Future<Output = Result<WriteReport, StoreError>> + Send;

    /// Reviews every one of `reviews` in one transaction with one audit entry (accepting all of
    /// a document's proposals in one step): if any was reviewed meanwhile, none is.
    fn review_proposals_as(
        &self,
        reviews: &[ProposalReview<'_>],
        event: &AuditEvent,
    ) -> impl Future<Output = Result<WriteReport, StoreError>> + Send;

    /// Entities whose id or name contains `text` (any case), of `schema` if given, by id, at most
    /// `limit`: each with its first name (accepted names first).
    fn find_entities(
        &self,
        text: &str,
        schema: Option<lookout_core::Schema>,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<FoundEntity>, StoreError>> + Send;

    /// Marks a Person a public figure (or restricts them again), citing `source`, with its audit
    /// entry; only Persons are marked.
    fn mark_public_figure(
        &self,
        entity: &EntityId,
        public: bool,
        source: &lookout_core::Source,
        by: &str,
        event: &AuditEvent,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// One proposal with where it stands.
    fn proposal(&self, id: &str) -> impl Future<Output = Result<Option<ProposalRecord>, StoreError>> + Send;

    /// A page of at most `limit` of the proposals `filter` selects, oldest first, starting `at`,
    /// and how many the filter selects in all. A page next to a proposal that does not exist is
    /// `NotFound`.
    fn proposal_page(
        &self,
        filter: &ProposalFilter,
        at: &PageAt,
        limit: u32,
    ) -> impl Future<Output = Result<ProposalPage, StoreError>> + Send;

    /// Records an analyst's decision on a pair of entities (or the undo of the one in force) with
    /// `event`'s audit entry, in one transaction. A decision on a pair that has one in force, or
    /// an undo of a pair that has none, is a conflict saying so: decided meanwhile by someone else.
    fn decide(
        &self,
        decision: &lookout_core::Decision,
        event: &AuditEvent,
    ) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// A number that grows with every decision recorded (the record's data version does not
    /// count decisions), for caches of what decisions filter.
    fn decisions_version(&self) -> impl Future<Output = Result<i64, StoreError>> + Send;
}
