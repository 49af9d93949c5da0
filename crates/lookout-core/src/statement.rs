//! Statements: one value of one property of one entity, said by one source.

use serde::{Deserialize, Serialize};

use crate::ids::stable_digest;
use crate::vocabulary::vocabulary;
use crate::{EntityId, Grade, PartialDate, Schema, SourceId, StatementId, Timestamp};

vocabulary!(
    /// Whether the source asserts or denies the value.
    Stance, "stance" {
        /// The source says it is so.
        Asserts => "asserts",
        /// The source says it is not so.
        Denies => "denies",
    }
);

vocabulary!(
    /// Where a statement stands in review.
    StatementStatus, "statement status" {
        /// Suggested (by extraction or a contributor), not yet reviewed.
        Proposed => "proposed",
        /// Reviewed and part of the record.
        Accepted => "accepted",
        /// Reviewed and not part of the record.
        Rejected => "rejected",
        /// Withdrawn after having been accepted.
        Retracted => "retracted",
    }
);

/// An entity: an id and a schema. Everything else about it is statements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// Deterministic id.
    pub id: EntityId,
    /// What it is.
    pub schema: Schema,
}

/// Where in the source the statement is found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Locator {
    /// The words of the source that support the statement.
    pub quote: Option<String>,
    /// Page, line, or field of the source.
    pub page: Option<String>,
    /// Character span of the supported value inside `quote`, `[start, end)`.
    pub span: Option<(u32, u32)>,
}

/// One value of one property of one entity, said by one source, with its grade and review status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Digest of entity, property, value, language, source and validity start ([`Statement::compute_id`]).
    pub id: StatementId,
    /// The entity it is about.
    pub entity_id: EntityId,
    /// The property.
    pub prop: String,
    /// The value, in the property type's canonical form.
    pub value: String,
    /// Language of the value (BCP 47), where it matters.
    pub lang: Option<String>,
    /// The source that says it.
    pub source_id: SourceId,
    /// Where in the source.
    pub locator: Locator,
    /// Who makes the claim, when the source reports someone else's claim ("per Public Safety Minister").
    pub claimant: Option<String>,
    /// Admiralty grade.
    pub grade: Grade,
    /// Asserts or denies.
    pub stance: Stance,
    /// Review status.
    pub status: StatementStatus,
    /// From when the value holds, where known.
    pub valid_from: Option<PartialDate>,
    /// Until when the value holds, where known.
    pub valid_to: Option<PartialDate>,
    /// Who recorded it (a user, or an importer such as `import:stations.csv`).
    pub recorded_by: String,
    /// When it was recorded.
    pub recorded_at: Timestamp,
}

impl Statement {
    /// The deterministic id of a statement. The same claim from the same source gets the same id,
    /// so re-importing adds nothing. The validity start is part of the claim ("closed in 2023" and
    /// "closed in 2024" are two statements), as are language and stance.
    pub fn compute_id(
        entity_id: &EntityId,
        prop: &str,
        value: &str,
        lang: Option<&str>,
        source_id: &SourceId,
        valid_from: Option<PartialDate>,
        stance: Stance,
    ) -> StatementId {
        let from = valid_from.map(|d| d.to_string()).unwrap_or_default();
        let digest = stable_digest(&[
            entity_id.as_str(),
            prop,
            value,
            lang.unwrap_or(""),
            source_id.as_str(),
            &from,
            stance.as_str(),
        ]);
        StatementId::new(format!("stmt-{digest}")).expect("digest ids are valid")
    }
}
