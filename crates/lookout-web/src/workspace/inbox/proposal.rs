//! A proposal's page: its sentence with the mention marked, the entities it concerns, exactly
//! the statements accepting it would add, and the forms to accept it, accept it as edited
//! (entity, property, value, date, grade, claimant, stance) or reject it with a reason.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use lookout_core::{
    Acceptance, Credibility, Entity, EntityId, Grade, Proposal, ProposalEdit, ProposedClaim, Reliability, Stance,
    Verdict,
};
use lookout_store::{DocumentStore, ProposalReview, ReportStore, Store, WorkspaceStore};
use serde::Deserialize;

use super::super::chrome::{Chrome, Section};
use super::super::forms::{
    audit, check_token, date_field, field_error, new_statement_status, required_text, see, store_refusal, text_field,
};
use super::super::names::names;
use super::super::values::{checked_value, property_of};
use super::kind_words;
use crate::error::WebError;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;

/// Rows of the edit form beyond the proposal's own claims (to add a statement).
const EXTRA_ROWS: usize = 1;

/// A statement as the page shows it.
pub struct StatementPreview {
    /// The entity's id.
    pub entity: String,
    /// Its name.
    pub name: String,
    /// Property.
    pub prop: String,
    /// Value.
    pub value: String,
    /// Valid from, if said.
    pub valid_from: String,
    /// Grade.
    pub grade: String,
}

/// One row of the edit form.
pub struct EditRow {
    /// Position, from 0.
    pub n: usize,
    /// Entity id.
    pub entity: String,
    /// Property.
    pub prop: String,
    /// Value.
    pub value: String,
    /// Date.
    pub date: String,
}

/// A proposal's page.
#[derive(Template)]
#[template(path = "ws_proposal.html")]
pub struct ProposalPage {
    /// The frame.
    pub chrome: Chrome,
    /// Its id.
    pub id: String,
    /// Kind, in words.
    pub kind: &'static str,
    /// What it proposes.
    pub summary: String,
    /// The sentence before, at and after the mention.
    pub quote: (String, String, String),
    /// The rest of the sentence's paragraph, before and after it (empty when the document's
    /// reading is not kept).
    pub paragraph: (String, String),
    /// The document's SHA-256.
    pub document: String,
    /// Whether the document is restricted.
    pub restricted: bool,
    /// The entities it concerns: id, name, schema, whether stored.
    pub concerns: Vec<(String, String, String, bool)>,
    /// What accepting adds.
    pub statements: Vec<StatementPreview>,
    /// Whether they wait for a second account.
    pub pending: bool,
    /// Verdict, by, when — if reviewed.
    pub reviewed: Option<(String, String, String)>,
    /// The edit form's rows.
    pub rows: Vec<EditRow>,
    /// The grade accepting gives.
    pub grade: (String, String),
    /// Who the document says makes the claim, where extraction found one (empty: the source).
    pub claimant: String,
    /// Reliability grades.
    pub reliabilities: &'static [Reliability],
    /// Credibility grades.
    pub credibilities: &'static [Credibility],
}

/// Characters of a paragraph shown at most on either side of the sentence.
const CONTEXT: usize = 600;

/// The paragraph around `quote` in `text` (the line holding it, at most [`CONTEXT`] characters
/// either side): what comes before the sentence and what comes after.
fn paragraph_around(text: &str, quote: &str) -> Option<(String, String)> {
    let at = text.find(quote)?;
    let end = at + quote.len();
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let stop = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before: Vec<char> = text[start..at].chars().collect();
    let before: String = before[before.len().saturating_sub(CONTEXT)..].iter().collect();
    let after: String = text[end..stop].chars().take(CONTEXT).collect();
    Some((before, after))
}

/// The paragraph of a proposal's sentence, from its document's reading (read off the runtime).
async fn paragraph_of<S>(app: &AppState<S>, document: &str, quote: &str) -> (String, String) {
    let Some(dir) = app.uploads.data_dir().map(std::path::Path::to_path_buf) else { return Default::default() };
    let (document, quote) = (document.to_string(), quote.to_string());
    tokio::task::spawn_blocking(move || {
        let reading = lookout_ingest::Reading::read(&dir, &document).ok().flatten()?;
        paragraph_around(&reading.text, &quote)
    })
    .await
    .ok()
    .flatten()
    .unwrap_or_default()
}

fn split_at_span(quote: &str, span: Option<(u32, u32)>) -> (String, String, String) {
    let chars: Vec<char> = quote.chars().collect();
    let (start, end) = span.map_or((0, 0), |(s, e)| (s as usize, e as usize));
    if start >= end || end > chars.len() {
        return (quote.to_string(), String::new(), String::new());
    }
    let part = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    (part(0, start), part(start, end), part(end, chars.len()))
}

async fn load<S: Store + WorkspaceStore>(
    app: &AppState<S>,
    id: &str,
) -> Result<lookout_core::ProposalRecord, WebError> {
    app.store.proposal(id).await?.ok_or_else(|| WebError::NotFound(format!("proposal {id}")))
}

/// `GET /workspace/inbox/{id}`.
pub async fn proposal<S: Store + ReportStore + DocumentStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let record = load(&app, &id).await?;
    let p = &record.proposal;
    let restricted = app.store.document_of(&p.source_id).await?.is_none_or(|d| d.restricted);
    let sources = app.store.sources(std::slice::from_ref(&p.source_id)).await?;
    let source = sources.get(&p.source_id).ok_or_else(|| WebError::Internal(format!("source of {id} missing")))?;
    let status = new_statement_status(&app);
    let how = Acceptance { status, edit: None };
    let (batch, _) =
        p.accept_as(source, &session.who.name, restricted, &how).map_err(|e| WebError::Internal(e.to_string()))?;
    let ids: Vec<EntityId> = p.entities.iter().map(|e| e.id.clone()).collect();
    let known = names(app.store.as_ref(), &ids).await?;
    let name = |id: &EntityId| known.get(id).cloned().unwrap_or_else(|| id.to_string());
    let grade = batch.statements.first().map(|s| s.grade).unwrap_or(Grade::UNGRADED);
    let chrome = Chrome::new(&loc, &session, Section::Inbox);
    let page = ProposalPage {
        kind: kind_words(&chrome, p.kind),
        chrome,
        id: p.id.clone(),
        summary: p.summary.clone(),
        claimant: p.claimant.clone().unwrap_or_default(),
        quote: split_at_span(&p.quote, p.span),
        paragraph: if restricted { Default::default() } else { paragraph_of(&app, &p.document, &p.quote).await },
        document: p.document.clone(),
        restricted,
        concerns: p
            .entities
            .iter()
            .map(|e| (e.id.to_string(), name(&e.id), e.schema.to_string(), known.contains_key(&e.id)))
            .collect(),
        statements: batch
            .statements
            .iter()
            .map(|s| StatementPreview {
                entity: s.entity_id.to_string(),
                name: name(&s.entity_id),
                prop: s.prop.clone(),
                value: s.value.clone(),
                valid_from: s.valid_from.map(|d| d.to_string()).unwrap_or_default(),
                grade: s.grade.to_string(),
            })
            .collect(),
        pending: status == lookout_core::StatementStatus::Proposed,
        reviewed: record.review.clone().map(|(v, by, at)| (v.to_string(), by, lookout_core::Timestamp::day_of(&at))),
        rows: p
            .claims
            .iter()
            .map(|c| (c.entity_id.to_string(), c.prop.clone(), c.value.clone(), c.valid_from.map(|d| d.to_string())))
            .chain(std::iter::repeat_n((String::new(), String::new(), String::new(), None), EXTRA_ROWS))
            .enumerate()
            .map(|(n, (entity, prop, value, date))| EditRow { n, entity, prop, value, date: date.unwrap_or_default() })
            .collect(),
        grade: (grade.reliability.to_string(), grade.credibility.to_string()),
        reliabilities: Reliability::ALL,
        credibilities: Credibility::ALL,
    };
    Ok(no_store(page.render()?))
}

/// Reads the edit form: each filled row a statement, checked as imports check values.
async fn edit_of<S: Store>(
    app: &AppState<S>,
    p: &Proposal,
    form: &HashMap<String, String>,
) -> Result<ProposalEdit, WebError> {
    let field = |name: String| form.get(&name).map_or("", |v| v.trim());
    let mut claims = Vec::new();
    let mut entities: Vec<Entity> = Vec::new();
    for n in 0..p.claims.len() + EXTRA_ROWS {
        let (entity, prop, value) =
            (field(format!("entity_{n}")), field(format!("prop_{n}")), field(format!("value_{n}")));
        if entity.is_empty() && prop.is_empty() && value.is_empty() {
            continue;
        }
        let label = |what: &str| format!("statement {}: {what}", n + 1);
        let id = EntityId::new(entity).map_err(|e| field_error(&label("entity"), e))?;
        let schema = match p.entities.iter().chain(&entities).find(|e| e.id == id) {
            Some(e) => e.schema,
            None => {
                let stored = app.store.entity(&id).await?;
                let schema = stored
                    .map(|r| r.entity.schema)
                    .ok_or_else(|| field_error(&label("entity"), format!("no entity {id} in the record")))?;
                entities.push(Entity { id: id.clone(), schema });
                schema
            }
        };
        let property = property_of(schema, prop, &label("property"))?;
        let value = checked_value(app, property, value, &label("value")).await?;
        let valid_from = date_field(&label("date"), field(format!("date_{n}")))?;
        claims.push(ProposedClaim { entity_id: id, prop: property.name.to_string(), value, valid_from });
    }
    if claims.is_empty() {
        return Err(field_error("statements", "an accepted proposal makes at least one statement"));
    }
    let reliability = field("reliability".into()).parse::<Reliability>().map_err(|e| field_error("reliability", e))?;
    let credibility = field("credibility".into()).parse::<Credibility>().map_err(|e| field_error("credibility", e))?;
    Ok(ProposalEdit {
        claims,
        entities,
        grade: Some(Grade { reliability, credibility }),
        claimant: text_field("claimant", field("claimant".into()), 300)?,
        stance: field("stance".into()).parse::<Stance>().map_err(|e| field_error("stance", e))?,
    })
}

/// `POST /workspace/inbox/{id}/accept`: as proposed, or as edited when the form says `edited`.
pub async fn accept<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, WebError> {
    check_token(&session, form.get("csrf").map_or("", String::as_str))?;
    let record = load(&app, &id).await?;
    let edit = match form.get("edited").map(String::as_str) {
        Some("1") => Some(edit_of(&app, &record.proposal, &form).await?),
        _ => None,
    };
    let action = if edit.is_some() { "proposal.accepted-edited" } else { "proposal.accepted" };
    let review = ProposalReview {
        id: &id,
        verdict: Verdict::Accepted,
        by: &session.who.name,
        reason: None,
        acceptance: Acceptance { status: new_statement_status(&app), edit },
    };
    app.store.review_proposal_as(&review, &audit(&session, action, &id)).await.map_err(store_refusal)?;
    Ok(see(&app, &format!("/workspace/inbox/{id}")))
}

/// The rejection form.
#[derive(Deserialize)]
pub struct RejectForm {
    csrf: String,
    #[serde(default)]
    reason: String,
}

/// `POST /workspace/inbox/{id}/reject`: with a reason.
pub async fn reject<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    Path(id): Path<String>,
    Form(form): Form<RejectForm>,
) -> Result<Response, WebError> {
    check_token(&session, &form.csrf)?;
    let reason = required_text("reason", &form.reason, 2_000)?;
    let review = ProposalReview {
        id: &id,
        verdict: Verdict::Rejected,
        by: &session.who.name,
        reason: Some(&reason),
        acceptance: Acceptance::default(),
    };
    app.store.review_proposal_as(&review, &audit(&session, "proposal.rejected", &id)).await.map_err(store_refusal)?;
    Ok(see(&app, &format!("/workspace/inbox/{id}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_is_shown_in_its_paragraph() {
        let text = "Title\nFirst sentence. The station in Rotterdam closed. Last one.\nNext paragraph.";
        let (before, after) = paragraph_around(text, "The station in Rotterdam closed.").unwrap();
        assert_eq!((before.as_str(), after.as_str()), ("First sentence. ", " Last one."));
        assert_eq!(paragraph_around(text, "not there"), None);
        assert_eq!(
            split_at_span("The station in Rotterdam closed.", Some((15, 24))),
            ("The station in ".into(), "Rotterdam".into(), " closed.".into())
        );
        assert_eq!(split_at_span("short", Some((3, 99))).0, "short", "a span past the end marks nothing");
    }
}
