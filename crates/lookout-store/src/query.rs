//! What the store is asked for and what it answers.

use std::collections::BTreeMap;

use lookout_core::{Entity, EntityId, Schema, Statement, StationStatus};

/// Which entities a listing returns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityFilter {
    /// Only this schema.
    pub schema: Option<Schema>,
    /// Only entities with an accepted `country` statement of this ISO code.
    pub country: Option<String>,
    /// Only stations an accepted `Operation` links to this operator (a bureau's entity id).
    pub operator: Option<EntityId>,
    /// Only entities with an accepted `status` statement of this value at any step of their timeline.
    pub status: Option<StationStatus>,
    /// Include restricted entities (persons not marked public); never for public pages or exports.
    pub include_restricted: bool,
}

/// An entity and its statements.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityRecord {
    /// The entity.
    pub entity: Entity,
    /// Whether it is restricted (kept out of public pages and exports).
    pub restricted: bool,
    /// Its statements, in the order recorded.
    pub statements: Vec<Statement>,
}

impl EntityRecord {
    /// Whether the public may see it, judged alone: not restricted, and with at least one accepted
    /// statement (an entity created in the workspace is public once a second account confirms a
    /// fact of it). A link is public only if what it links is too: [`crate::PublicView`].
    pub fn is_public(&self) -> bool {
        !self.restricted && self.statements.iter().any(|s| s.status == lookout_core::StatementStatus::Accepted)
    }
}

/// What writing a batch changed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteReport {
    /// Entities new to the store.
    pub entities_added: u64,
    /// Sources new to the store.
    pub sources_added: u64,
    /// Judgements of sources new to the store (a table of sources imported again adds none).
    pub judgements_added: u64,
    /// Statements new to the store.
    pub statements_added: u64,
    /// Statements of the batch the store already had (same id).
    pub statements_present: u64,
}

/// Counts for `lookout stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// Entities per schema.
    pub entities_by_schema: BTreeMap<String, u64>,
    /// Distinct country codes among accepted `country` statements.
    pub countries: u64,
    /// Sources.
    pub sources: u64,
    /// Statements.
    pub statements: u64,
    /// Statements per review status.
    pub statements_by_status: BTreeMap<String, u64>,
    /// How far the record rests on originals.
    pub record: RecordCounts,
}

/// How far the record rests on originals (accepted statements only).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RecordCounts {
    /// Stations with at least one accepted statement.
    pub stations: u64,
    /// Stations with a city.
    pub stations_located: u64,
    /// Stations no source locates (they say why).
    pub stations_not_located: u64,
    /// Stations whose city (or, for one not located, the reason) cites at least one source that
    /// is not a copy (nor a reference work): a source that establishes the station itself.
    pub stations_with_original: u64,
    /// Stations an organisation is cited as hosting.
    pub stations_with_host: u64,
    /// Status steps: one per station, state, date and claimant.
    pub status_steps: u64,
    /// Status steps with a date of their own.
    pub status_steps_dated: u64,
    /// Sources judged by a person (kind, and the original of a copy).
    pub sources_judged: u64,
}

/// An entity's names, for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedEntity {
    /// The entity.
    pub id: lookout_core::EntityId,
    /// Its schema.
    pub schema: lookout_core::Schema,
    /// Its accepted names and aliases, first recorded first.
    pub names: Vec<String>,
}
