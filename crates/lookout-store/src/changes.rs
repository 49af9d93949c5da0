//! The public record's change log: when each statement became public, and when it was withdrawn.

use lookout_core::{EntityId, Schema, Statement};

/// Which changes: all of them, or those about one station or one country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeScope {
    /// Every public change.
    All,
    /// Changes to an entity and to the entities that link to it (a station's operators and
    /// hosts, responses and incidents about it).
    Entity(EntityId),
    /// Changes to the entities of a country (by `country` or `jurisdiction`, ISO 3166-1 alpha-2
    /// upper case) and to the entities that link to them.
    Country(String),
}

/// Whether a statement entered or left the public record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// It became public (recorded accepted, or confirmed).
    Published,
    /// It was withdrawn after being public.
    Withdrawn,
}

/// One change of the public record.
#[derive(Debug, Clone, PartialEq)]
pub struct PublicChange {
    /// What happened.
    pub kind: ChangeKind,
    /// When (RFC 3339, as stored).
    pub at: String,
    /// The statement, as it stands now.
    pub statement: Statement,
    /// The schema of the entity it is about.
    pub schema: Schema,
}
