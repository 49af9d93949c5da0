//! Proposals: statements suggested by extraction from a document ("the document mentions station S
//! in city C", "figure F is claimed by source D"), each quoting the sentence it comes from. A
//! proposal becomes statements of the record only when someone accepts it; a review is recorded,
//! never changed.

use serde::{Deserialize, Serialize};

use crate::ids::stable_digest;
use crate::vocabulary::vocabulary;
use crate::{Entity, PartialDate, SourceId};

vocabulary!(
    /// What a proposal suggests.
    ProposalKind, "proposal kind" {
        /// A document mentions a known station in its city.
        StationMention => "station-mention",
        /// A document mentions a known bureau or organisation.
        BodyMention => "body-mention",
        /// A document names a bureau or organisation the record does not have yet.
        NewBody => "new-body",
        /// A document claims a figure.
        Figure => "figure",
        /// A document reports a step of a known station's status (raided, ordered closed, charges
        /// filed …), with its date and who says so.
        StatusStep => "status-step",
    }
);

vocabulary!(
    /// What a reviewer decided.
    Verdict, "verdict" {
        /// The proposal's statements join the record.
        Accepted => "accepted",
        /// The proposal is set aside.
        Rejected => "rejected",
    }
);

/// One statement a proposal would make.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedClaim {
    /// The entity it is about (one of the proposal's `entities`).
    pub entity_id: crate::EntityId,
    /// The property.
    pub prop: String,
    /// The value.
    pub value: String,
    /// From when the value holds, where the document says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<PartialDate>,
}

/// A suggestion, from one document, of statements for the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proposal {
    /// `proposal-` and a digest of source, kind and claims: the same suggestion twice is one.
    pub id: String,
    /// What it suggests.
    pub kind: ProposalKind,
    /// The source (the ingested document's).
    pub source_id: SourceId,
    /// The SHA-256 of the document.
    pub document: String,
    /// One line saying what is proposed.
    pub summary: String,
    /// The sentence of the document that says it: the locator of every statement.
    pub quote: String,
    /// Where in `quote` the mention is, in characters.
    pub span: Option<(u32, u32)>,
    /// Every entity the claims are about, with its schema (new ones are created on acceptance).
    pub entities: Vec<Entity>,
    /// The statements it would make.
    pub claims: Vec<ProposedClaim>,
    /// Who makes the claim, where the document reports someone else's ("the Justice Department
    /// said"): the claimant of its statements unless an analyst says otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
}

impl Proposal {
    /// The proposal with its `id` computed from what it says (source, kind, sentence, claims).
    pub fn identified(mut self) -> Proposal {
        let mut parts: Vec<String> = vec![self.source_id.to_string(), self.kind.to_string(), self.quote.clone()];
        for c in &self.claims {
            parts.extend([c.entity_id.to_string(), c.prop.clone(), c.value.clone()]);
        }
        let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
        self.id = format!("proposal-{}", &stable_digest(&refs)[..20]);
        self
    }

    /// What the statements of an accepted proposal say of where they come from: the sentence, or
    /// for a restricted document (whose text is not public) only that it is one.
    pub const RESTRICTED_LOCATOR: &'static str = "a restricted document (its words are not public)";
}

/// A proposal with where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProposalRecord {
    /// The proposal.
    pub proposal: Proposal,
    /// When it was proposed (by `lookout ingest`).
    pub proposed_at: String,
    /// The latest review, if any: verdict, by whom, when.
    pub review: Option<(Verdict, String, String)>,
}

impl ProposalRecord {
    /// `proposed`, `accepted` or `rejected`.
    pub fn status(&self) -> &'static str {
        self.review.as_ref().map_or("proposed", |(v, _, _)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EntityId, Schema, Source, SourceKind, StatementStatus};

    fn proposal(source: &Source) -> Proposal {
        let station = EntityId::new("station-ST033").unwrap();
        Proposal {
            id: String::new(),
            kind: ProposalKind::StationMention,
            source_id: source.id.clone(),
            document: "ab".repeat(32),
            summary: "mentions station ST033 in Rotterdam".into(),
            claimant: Some("the ministry".into()),
            quote: "A police station in Rotterdam was closed.".into(),
            span: Some((21, 30)),
            entities: vec![Entity { id: station.clone(), schema: Schema::Station }],
            claims: vec![ProposedClaim {
                entity_id: station,
                prop: "city".into(),
                value: "Rotterdam".into(),
                valid_from: None,
            }],
        }
        .identified()
    }

    #[test]
    fn accepting_makes_graded_quoted_accepted_statements() {
        let mut source = Source::from_url("https://nos.nl/artikel/1");
        source.kind = SourceKind::News;
        let p = proposal(&source);
        assert_eq!(p.id, proposal(&source).id, "ids are stable");
        assert!(p.id.starts_with("proposal-"));
        let (batch, ids) = p.accept(&source, "alice", false).unwrap();
        assert_eq!(ids.len(), 1);
        let s = &batch.statements[0];
        assert_eq!((s.prop.as_str(), s.value.as_str(), s.status), ("city", "Rotterdam", StatementStatus::Accepted));
        assert_eq!(s.claimant.as_deref(), Some("the ministry"), "the claimant extraction found");
        assert_eq!(s.locator.quote.as_deref(), Some("A police station in Rotterdam was closed."));
        assert_eq!(s.locator.span, None, "the whole sentence is shown");
        assert_eq!(s.recorded_by, "alice");
        assert_eq!(s.grade.to_string(), "C3");
        let other = Source::from_url("https://example.org/x");
        assert!(p.accept(&other, "alice", false).is_err(), "a proposal is accepted with its own source only");
        let (private, _) = p.accept(&source, "alice", true).unwrap();
        let s = &private.statements[0];
        assert_eq!(s.locator.quote, None, "a restricted document's words stay out of the record");
        assert_eq!(s.claimant, None, "so does a claimant read from them");
        assert_eq!(s.locator.page.as_deref(), Some(Proposal::RESTRICTED_LOCATOR));
    }

    #[test]
    fn a_bad_claim_is_refused_on_acceptance() {
        let source = Source::from_url("https://nos.nl/artikel/1");
        let mut p = proposal(&source);
        p.claims[0].prop = "colour".into();
        assert!(p.accept(&source, "alice", false).is_err());
    }
}
