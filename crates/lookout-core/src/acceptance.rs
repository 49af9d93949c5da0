//! How a proposal is accepted: as extraction proposed it or as an analyst edited it (entity,
//! property, value, date, grade, claimant, stance), its statements public at once or pending a
//! second account's confirmation.

use crate::grading::{corroboration, default_reliability};
use crate::{
    Batch, Claim, Entity, Grade, Locator, ModelError, Proposal, ProposedClaim, Source, Stance, StatementId,
    StatementStatus,
};

/// An analyst's changes to a proposal before accepting it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalEdit {
    /// The statements to make instead of the proposal's.
    pub claims: Vec<ProposedClaim>,
    /// Entities the edited claims name that the proposal does not (stored ones, with their schema).
    pub entities: Vec<Entity>,
    /// The grade instead of the one the source's kind gives.
    pub grade: Option<Grade>,
    /// Who makes the claim, when the document reports someone else's.
    pub claimant: Option<String>,
    /// Asserts or denies.
    pub stance: Stance,
}

/// How a proposal is accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acceptance {
    /// The status its statements are recorded in: `Accepted`, or `Proposed` until a second
    /// account confirms them.
    pub status: StatementStatus,
    /// The analyst's changes, if any.
    pub edit: Option<ProposalEdit>,
}

impl Default for Acceptance {
    fn default() -> Acceptance {
        Acceptance { status: StatementStatus::Accepted, edit: None }
    }
}

impl Proposal {
    /// The statements of an accepted proposal, recorded by `reviewer`, graded by the kind of its
    /// `source` (the proposal's), each quoting the whole sentence — unless the document is
    /// `restricted`: then the statements cite it without its words.
    pub fn accept(
        &self,
        source: &Source,
        reviewer: &str,
        restricted: bool,
    ) -> Result<(Batch, Vec<StatementId>), ModelError> {
        self.accept_as(source, reviewer, restricted, &Acceptance::default())
    }

    /// [`Proposal::accept`], as `how` says: edited, and in the status it gives.
    pub fn accept_as(
        &self,
        source: &Source,
        reviewer: &str,
        restricted: bool,
        how: &Acceptance,
    ) -> Result<(Batch, Vec<StatementId>), ModelError> {
        if source.id != self.source_id {
            return Err(ModelError::InvalidValue {
                prop: "source".into(),
                reason: format!("proposal {} is from source {}, not {}", self.id, self.source_id, source.id),
            });
        }
        let mut batch = Batch::new(reviewer);
        batch.add_source(source.clone());
        let edit = how.edit.as_ref();
        for e in self.entities.iter().chain(edit.map_or(&[][..], |e| &e.entities)) {
            batch.add_entity(&e.id, e.schema)?;
        }
        let default_grade =
            Grade { reliability: default_reliability(source.kind), credibility: corroboration(&[source]) };
        let grade = edit.and_then(|e| e.grade).unwrap_or(default_grade);
        // The whole sentence is the quote (pages show a span's words only, and a mention's words
        // alone — "Rotterdam" — would not say what the document says of it).
        let locator = if restricted {
            Locator { quote: None, page: Some(Self::RESTRICTED_LOCATOR.to_string()), span: None }
        } else {
            Locator { quote: Some(self.quote.clone()), page: None, span: None }
        };
        let claims = edit.map_or(&self.claims, |e| &e.claims);
        if claims.is_empty() {
            return Err(ModelError::InvalidValue { prop: "claims".into(), reason: "nothing to accept".into() });
        }
        let mut ids = Vec::new();
        for c in claims {
            let claim = Claim::new(&c.entity_id, &c.prop, c.value.clone(), &self.source_id)
                .locator(locator.clone())
                .grade(grade)
                .valid_from(c.valid_from)
                .status(how.status)
                // The claimant extraction read from a restricted document's words stays with them;
                // an analyst may still name one.
                .claimant(
                    edit.and_then(|e| e.claimant.clone()).or_else(|| self.claimant.clone().filter(|_| !restricted)),
                )
                .stance(edit.map_or(Stance::Asserts, |e| e.stance));
            ids.push(batch.add_claim(claim)?);
        }
        Ok((batch, ids))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EntityId, ProposalKind, Schema, SourceKind};

    #[test]
    fn an_edited_acceptance_makes_the_edited_statements_pending() {
        let mut source = Source::from_url("https://nos.nl/artikel/1");
        source.kind = SourceKind::News;
        let station = EntityId::new("station-ST033").unwrap();
        let p = Proposal {
            id: "proposal-x".into(),
            kind: ProposalKind::StationMention,
            source_id: source.id.clone(),
            document: "ab".repeat(32),
            summary: "s".into(),
            claimant: None,
            quote: "The Rotterdam station was closed, the ministry said.".into(),
            span: None,
            entities: vec![Entity { id: station.clone(), schema: Schema::Station }],
            claims: vec![ProposedClaim {
                entity_id: station.clone(),
                prop: "city".into(),
                value: "Rotterdam".into(),
                valid_from: None,
            }],
        };
        let edit = ProposalEdit {
            claims: vec![ProposedClaim {
                entity_id: station.clone(),
                prop: "status".into(),
                value: "closed".into(),
                valid_from: Some("2022-11".parse().unwrap()),
            }],
            entities: Vec::new(),
            grade: Some(Grade { reliability: "B".parse().unwrap(), credibility: "2".parse().unwrap() }),
            claimant: Some("the ministry".into()),
            stance: Stance::Asserts,
        };
        let how = Acceptance { status: StatementStatus::Proposed, edit: Some(edit.clone()) };
        let (batch, ids) = p.accept_as(&source, "ana", false, &how).unwrap();
        assert_eq!(ids.len(), 1);
        let s = &batch.statements[0];
        assert_eq!((s.prop.as_str(), s.value.as_str()), ("status", "closed"));
        assert_eq!((s.status, s.grade.to_string()), (StatementStatus::Proposed, "B2".to_string()));
        assert_eq!(s.claimant.as_deref(), Some("the ministry"));
        assert_eq!(s.locator.quote.as_deref(), Some(p.quote.as_str()));
        let mut bad = edit;
        bad.claims[0].value = "vanished".into();
        let how = Acceptance { status: StatementStatus::Proposed, edit: Some(bad) };
        assert!(p.accept_as(&source, "ana", false, &how).unwrap_err().to_string().contains("status"));
    }
}
