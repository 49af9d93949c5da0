//! The storage trait. Callers depend on it, not on a backend; each backend has its own migrations.

use std::collections::HashMap;
use std::future::Future;

use lookout_core::{Batch, Decision, EntityId, Schema, Source, SourceId, Statement};

use crate::{EntityFilter, EntityRecord, NamedEntity, Stats, StoreError, WriteReport};
use lookout_core::timeline::TimelineStep;

/// Persistence of entities, sources and statements.
///
/// Writes are atomic per batch: all of it or none. Nothing is ever updated in place: a statement
/// with an id the store already has is left as it was.
pub trait Store: Send + Sync + 'static {
    /// Writes a batch in one transaction. Statements must refer to entities and sources in the batch
    /// or already stored; otherwise nothing is written.
    fn write_batch(&self, batch: &Batch) -> impl Future<Output = Result<WriteReport, StoreError>> + Send;

    /// Whether the store holds no entity at all.
    fn is_empty(&self) -> impl Future<Output = Result<bool, StoreError>> + Send;

    /// An entity with its accepted statements (the record; the workspace reads every status
    /// through `WorkspaceStore::entities_in_full`), restricted or not: a public page reads it
    /// through [`crate::public_entity`].
    fn entity(&self, id: &EntityId) -> impl Future<Output = Result<Option<EntityRecord>, StoreError>> + Send;

    /// The entities with these ids that are stored (restricted or not), in id order, each with
    /// its accepted statements: one call however many ids (a backend may split a long list into
    /// a few statements: SQLite's reads 500 ids a time).
    fn entities(&self, ids: &[EntityId]) -> impl Future<Output = Result<Vec<EntityRecord>, StoreError>> + Send;

    /// What [`crate::PublicView`] needs of the stored entities among `ids` (any order): schema,
    /// restriction, whether one of their statements is accepted, and what those statements link.
    fn publicity_facts(
        &self,
        ids: &[EntityId],
    ) -> impl Future<Output = Result<Vec<crate::PublicityFacts>, StoreError>> + Send;

    /// Entities matching the filter, by id, with their statements; unless the filter includes
    /// restricted ones, as the public may see them ([`crate::PublicView`]: no link to an entity
    /// that is not public).
    fn list_entities(
        &self,
        filter: &EntityFilter,
    ) -> impl Future<Output = Result<Vec<EntityRecord>, StoreError>> + Send;

    /// Entities with an accepted statement whose value is `id` (links to it: operations, responses…),
    /// as the public may see them ([`crate::PublicView`]).
    fn referencing(&self, id: &EntityId) -> impl Future<Output = Result<Vec<EntityRecord>, StoreError>> + Send;

    /// Up to `limit` entities with ids after `after`, in id order, for exports that page through
    /// everything; each judged alone ([`EntityRecord::is_public`]), so an export passes each page
    /// through [`crate::PublicView`] (after taking its cursor from the page as read).
    fn entity_page(
        &self,
        after: Option<&EntityId>,
        limit: u32,
        include_restricted: bool,
    ) -> impl Future<Output = Result<Vec<EntityRecord>, StoreError>> + Send;

    /// Sources by id.
    fn sources(&self, ids: &[SourceId]) -> impl Future<Output = Result<HashMap<SourceId, Source>, StoreError>> + Send;

    /// Every source the public may see, in id order: one that supports an accepted statement
    /// telling nothing of a private entity (a restricted person, or a link joining one), or that no
    /// accepted statement cites, no statement of any status about a private entity cites, and no
    /// restricted document came from. So a source only private statements cite is not listed, nor
    /// a restricted document's source unless a public statement cites it.
    fn public_sources(&self) -> impl Future<Output = Result<Vec<Source>, StoreError>> + Send;

    /// The source `id`, if the public may see it (as [`Store::public_sources`] has it).
    fn public_source(&self, id: &SourceId) -> impl Future<Output = Result<Option<Source>, StoreError>> + Send;

    /// The statements a source supports that the public may see ([`crate::PublicView`]).
    fn statements_of_source(&self, id: &SourceId) -> impl Future<Output = Result<Vec<Statement>, StoreError>> + Send;

    /// A station's status timeline.
    fn status_timeline(&self, station: &EntityId)
        -> impl Future<Output = Result<Vec<TimelineStep>, StoreError>> + Send;

    /// A number that grows with every write (statements are never deleted), for caches of
    /// anything computed from the store.
    fn data_version(&self) -> impl Future<Output = Result<i64, StoreError>> + Send;

    /// The latest `limit` changes of the public record in `scope`, newest first: statements that
    /// became public and statements withdrawn, about unrestricted entities.
    fn public_changes(
        &self,
        scope: &crate::ChangeScope,
        limit: u32,
    ) -> impl Future<Output = Result<Vec<crate::PublicChange>, StoreError>> + Send;

    /// Every entity of these schemata with its accepted names (`name` and `alias`), in id order.
    fn names(
        &self,
        schemata: &[Schema],
        include_restricted: bool,
    ) -> impl Future<Output = Result<Vec<NamedEntity>, StoreError>> + Send;

    /// Records an analyst's decision on a pair of entities; both must be stored. Decisions are
    /// appended, never changed or removed.
    fn record_decision(&self, decision: &Decision) -> impl Future<Output = Result<(), StoreError>> + Send;

    /// Every decision, oldest first.
    fn decisions(&self) -> impl Future<Output = Result<Vec<Decision>, StoreError>> + Send;

    /// Counts.
    fn stats(&self) -> impl Future<Output = Result<Stats, StoreError>> + Send;
}
