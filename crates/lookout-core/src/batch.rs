//! A batch: entities, sources and statements checked against the model and written in one transaction.

use std::collections::{HashMap, HashSet};

use crate::{
    EntityId, Grade, Locator, ModelError, PartialDate, Schema, Source, SourceId, SourceJudgement, Stance, Statement,
    StatementId, StatementStatus, Timestamp,
};

/// A statement being made: what a [`Batch`] checks and turns into a [`Statement`].
#[derive(Debug, Clone)]
pub struct Claim {
    entity: EntityId,
    prop: String,
    value: String,
    source: SourceId,
    lang: Option<String>,
    locator: Locator,
    claimant: Option<String>,
    grade: Grade,
    stance: Stance,
    status: StatementStatus,
    valid_from: Option<PartialDate>,
    valid_to: Option<PartialDate>,
}

impl Claim {
    /// `source` says that `prop` of `entity` is `value`; accepted, ungraded, asserted, until said otherwise.
    pub fn new(entity: &EntityId, prop: &str, value: impl Into<String>, source: &SourceId) -> Claim {
        Claim {
            entity: entity.clone(),
            prop: prop.to_string(),
            value: value.into(),
            source: source.clone(),
            lang: None,
            locator: Locator::default(),
            claimant: None,
            grade: Grade::UNGRADED,
            stance: Stance::Asserts,
            status: StatementStatus::Accepted,
            valid_from: None,
            valid_to: None,
        }
    }

    /// Language of the value.
    pub fn lang(mut self, lang: impl Into<String>) -> Claim {
        self.lang = Some(lang.into());
        self
    }

    /// Where in the source.
    pub fn locator(mut self, locator: Locator) -> Claim {
        self.locator = locator;
        self
    }

    /// Who makes the claim, when the source reports someone else's.
    pub fn claimant(mut self, claimant: Option<String>) -> Claim {
        self.claimant = claimant.filter(|c| !c.trim().is_empty());
        self
    }

    /// The grade.
    pub fn grade(mut self, grade: Grade) -> Claim {
        self.grade = grade;
        self
    }

    /// Asserts or denies.
    pub fn stance(mut self, stance: Stance) -> Claim {
        self.stance = stance;
        self
    }

    /// Review status.
    pub fn status(mut self, status: StatementStatus) -> Claim {
        self.status = status;
        self
    }

    /// From when the value holds.
    pub fn valid_from(mut self, date: Option<PartialDate>) -> Claim {
        self.valid_from = date;
        self
    }

    /// Until when the value holds.
    pub fn valid_to(mut self, date: Option<PartialDate>) -> Claim {
        self.valid_to = date;
        self
    }
}

/// Entities, sources and statements to be stored together, or not at all.
#[derive(Debug, Clone)]
pub struct Batch {
    recorded_by: String,
    recorded_at: Timestamp,
    schemata: HashMap<EntityId, Schema>,
    /// Each source's position in `sources`.
    source_at: HashMap<SourceId, usize>,
    statement_ids: HashSet<StatementId>,
    /// Entities in the order first added.
    pub entities: Vec<crate::Entity>,
    /// Sources in the order first added.
    pub sources: Vec<Source>,
    /// Statements in the order first added, without duplicates.
    pub statements: Vec<Statement>,
    /// Ingested documents, each the capture of one of the batch's sources.
    pub documents: Vec<crate::Document>,
    /// Proposals from ingested documents, awaiting review.
    pub proposals: Vec<crate::Proposal>,
    /// People's judgements of the batch's sources (kind, the original a copy copies), as a table
    /// of sources states them.
    pub judgements: Vec<SourceJudgement>,
}

impl Batch {
    /// An empty batch whose statements are recorded by `recorded_by` now.
    pub fn new(recorded_by: impl Into<String>) -> Batch {
        Batch {
            recorded_by: recorded_by.into(),
            recorded_at: Timestamp::now(),
            schemata: HashMap::new(),
            source_at: HashMap::new(),
            statement_ids: HashSet::new(),
            entities: Vec::new(),
            sources: Vec::new(),
            statements: Vec::new(),
            documents: Vec::new(),
            proposals: Vec::new(),
            judgements: Vec::new(),
        }
    }

    /// Who records the batch's statements.
    pub fn recorded_by(&self) -> &str {
        &self.recorded_by
    }

    /// When they are recorded.
    pub fn recorded_at(&self) -> Timestamp {
        self.recorded_at
    }

    /// Adds an entity; adding it again is a no-op, adding it with another schema an error.
    pub fn add_entity(&mut self, id: &EntityId, schema: Schema) -> Result<(), ModelError> {
        match self.schemata.get(id) {
            Some(existing) if *existing == schema => Ok(()),
            Some(existing) => Err(ModelError::InvalidValue {
                prop: "schema".into(),
                reason: format!("entity {id} is already a {existing}, not a {schema}"),
            }),
            None => {
                self.schemata.insert(id.clone(), schema);
                self.entities.push(crate::Entity { id: id.clone(), schema });
                Ok(())
            }
        }
    }

    /// The schema of an entity added to this batch.
    pub fn schema_of(&self, id: &EntityId) -> Option<Schema> {
        self.schemata.get(id).copied()
    }

    /// Adds a source unless one with the same id is already in the batch.
    pub fn add_source(&mut self, source: Source) -> SourceId {
        let id = source.id.clone();
        if !self.source_at.contains_key(&id) {
            self.source_at.insert(id.clone(), self.sources.len());
            self.sources.push(source);
        }
        id
    }

    /// A source of this batch.
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.source_at.get(id).map(|&at| &self.sources[at])
    }

    /// Adds a person's judgement of one of the batch's sources; the original it names as copied
    /// must be in the batch too, and not the source itself.
    pub fn add_judgement(&mut self, judgement: SourceJudgement) -> Result<(), ModelError> {
        let misfit = |reason: String| ModelError::InvalidValue { prop: "copy_of".into(), reason };
        if !self.source_at.contains_key(&judgement.source) {
            return Err(misfit(format!("source {} is not in the batch", judgement.source)));
        }
        match &judgement.copy_of {
            Some(original) if *original == judgement.source => {
                Err(misfit(format!("source {original} cannot be a copy of itself")))
            }
            Some(original) if !self.source_at.contains_key(original) => {
                Err(misfit(format!("the original {original} is not in the batch")))
            }
            _ => {
                self.judgements.push(judgement);
                Ok(())
            }
        }
    }

    /// Adds an ingested document; its source must already be in the batch.
    pub fn add_document(&mut self, document: crate::Document) -> Result<(), ModelError> {
        if !self.source_at.contains_key(&document.source_id) {
            return Err(ModelError::InvalidValue {
                prop: "document".into(),
                reason: format!("source {} is not in the batch", document.source_id),
            });
        }
        if !self.documents.iter().any(|d| d.sha256 == document.sha256) {
            self.documents.push(document);
        }
        Ok(())
    }

    /// Adds a proposal; its source must already be in the batch, and its claims must fit the
    /// schemata of the entities it names (they are checked again when it is accepted).
    pub fn add_proposal(&mut self, proposal: crate::Proposal) -> Result<(), ModelError> {
        if !self.source_at.contains_key(&proposal.source_id) {
            return Err(ModelError::InvalidValue {
                prop: "proposal".into(),
                reason: format!("source {} is not in the batch", proposal.source_id),
            });
        }
        for c in &proposal.claims {
            let schema = proposal.entities.iter().find(|e| e.id == c.entity_id).map(|e| e.schema).ok_or_else(|| {
                ModelError::InvalidValue {
                    prop: c.prop.clone(),
                    reason: format!("entity {} is not among the proposal's entities", c.entity_id),
                }
            })?;
            schema.property(&c.prop)?.check(&c.value)?;
        }
        if !self.proposals.iter().any(|p| p.id == proposal.id) {
            self.proposals.push(proposal);
        }
        Ok(())
    }

    /// Checks a claim against its entity's schema and adds it as a statement; a duplicate is dropped.
    /// The entity and the source must already be in the batch.
    pub fn add_claim(&mut self, claim: Claim) -> Result<StatementId, ModelError> {
        let schema = self.schemata.get(&claim.entity).copied().ok_or_else(|| ModelError::InvalidValue {
            prop: claim.prop.clone(),
            reason: format!("entity {} is not in the batch", claim.entity),
        })?;
        if !self.source_at.contains_key(&claim.source) {
            return Err(ModelError::InvalidValue {
                prop: claim.prop.clone(),
                reason: format!("source {} is not in the batch", claim.source),
            });
        }
        let property = schema.property(&claim.prop)?;
        let value = property.check(&claim.value)?;
        let id = Statement::compute_id(
            &claim.entity,
            property.name,
            &value,
            claim.lang.as_deref(),
            &claim.source,
            claim.valid_from,
            claim.stance,
        );
        if self.statement_ids.insert(id.clone()) {
            self.statements.push(Statement {
                id: id.clone(),
                entity_id: claim.entity,
                prop: property.name.to_string(),
                value,
                lang: claim.lang,
                source_id: claim.source,
                locator: claim.locator,
                claimant: claim.claimant,
                grade: claim.grade,
                stance: claim.stance,
                status: claim.status,
                valid_from: claim.valid_from,
                valid_to: claim.valid_to,
                recorded_by: self.recorded_by.clone(),
                recorded_at: self.recorded_at,
            });
        }
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn station_batch() -> (Batch, EntityId, SourceId) {
        let mut b = Batch::new("test");
        let e = EntityId::new("station-X").unwrap();
        b.add_entity(&e, Schema::Station).unwrap();
        let s = b.add_source(Source::from_url("https://example.org/a"));
        (b, e, s)
    }

    #[test]
    fn same_claim_twice_is_one_statement_with_a_stable_id() {
        let (mut b, e, s) = station_batch();
        let a = b.add_claim(Claim::new(&e, "country", "nl", &s)).unwrap();
        let again = b.add_claim(Claim::new(&e, "country", "NL", &s)).unwrap();
        assert_eq!(a, again);
        assert_eq!(b.statements.len(), 1);
        let (mut other, _, _) = station_batch();
        assert_eq!(other.add_claim(Claim::new(&e, "country", "NL", &s)).unwrap(), a);
    }

    #[test]
    fn claims_are_checked_against_the_schema() {
        let (mut b, e, s) = station_batch();
        assert!(b.add_claim(Claim::new(&e, "colour", "red", &s)).is_err());
        assert!(b.add_claim(Claim::new(&e, "reportedDate", "2022-13", &s)).is_err());
        let unknown = EntityId::new("nope").unwrap();
        assert!(b.add_claim(Claim::new(&unknown, "name", "x", &s)).is_err());
        assert!(b.add_entity(&e, Schema::Place).is_err());
        assert!(b.statements.is_empty());
    }
}
