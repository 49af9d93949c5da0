//! The record in the workspace: finding entities (restricted ones too), an entity's page with
//! every statement whatever its status, its history, and the forms to add a statement
//! (`add.rs`), withdraw one, create a station, body or organisation (`create.rs`) and mark a
//! person a public figure (`publicity.rs`).

pub mod add;
pub mod create;
pub mod publicity;

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Form;
use lookout_core::{EntityId, PropType, Schema, StatementAction, StatementId};
use lookout_store::{FoundEntity, ReportStore, Store, WorkspaceStore};
use serde::Deserialize;

use super::chrome::{Chrome, Section};
use super::forms::{audit, check_token, field_error, required_text, see, store_refusal};
use super::names::{name_of, names};
use crate::error::WebError;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;

/// Entities listed at most by a search.
const FOUND: u32 = 100;

/// The search form.
#[derive(Debug, Default, Deserialize)]
pub struct FindQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    schema: String,
}

/// The search page.
#[derive(Template)]
#[template(path = "ws_record_find.html")]
pub struct FindPage {
    /// The frame.
    pub chrome: Chrome,
    /// The text searched.
    pub q: String,
    /// The schema chosen.
    pub schema: String,
    /// The schemata one may choose.
    pub schemata: &'static [Schema],
    /// What was found.
    pub found: Vec<FoundEntity>,
    /// Whether a search was made.
    pub searched: bool,
}

fn schema_field(text: &str) -> Result<Option<Schema>, WebError> {
    match text.trim() {
        "" => Ok(None),
        s => s.parse().map(Some).map_err(|e| field_error("schema", e)),
    }
}

/// `GET /workspace/record?q=&schema=`.
pub async fn find<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
    Query(query): Query<FindQuery>,
) -> Result<Response, WebError> {
    let schema = schema_field(&query.schema)?;
    let q = query.q.trim().to_string();
    if q.chars().count() > 200 {
        return Err(field_error("q", "at most 200 characters"));
    }
    let searched = !q.is_empty() || schema.is_some();
    let found = if searched { app.store.find_entities(&q, schema, FOUND).await? } else { Vec::new() };
    let page = FindPage {
        chrome: Chrome::new(&loc, &session, Section::Record),
        q,
        schema: schema.map_or(String::new(), |s| s.to_string()),
        schemata: Schema::ALL,
        found,
        searched,
    };
    Ok(no_store(page.render()?))
}

/// A statement as the entity page lists it.
pub struct StatementRow {
    /// Id.
    pub id: String,
    /// Property.
    pub prop: String,
    /// Value, and where it links when it names another entity.
    pub value: (String, Option<String>),
    /// Source address and id.
    pub source: (String, String),
    /// Grade and stance.
    pub grade: String,
    /// Stance.
    pub stance: String,
    /// Status code and words.
    pub status: (String, &'static str),
    /// Who recorded it and the day.
    pub recorded: (String, String),
    /// Validity, as said.
    pub valid: String,
    /// Quote, claimant.
    pub quote: String,
    /// Who makes the claim.
    pub claimant: String,
}

/// One line of an entity's history.
pub struct HistoryLine {
    /// When (RFC 3339; the day shown).
    pub at: String,
    /// Who.
    pub by: String,
    /// What, in words.
    pub what: String,
    /// The statement, as property = value.
    pub fact: String,
    /// Why, if said.
    pub reason: String,
}

/// An entity's workspace page.
#[derive(Template)]
#[template(path = "ws_entity.html")]
pub struct EntityPage {
    /// The frame.
    pub chrome: Chrome,
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Schema.
    pub schema: String,
    /// Whether it is kept out of public pages.
    pub restricted: bool,
    /// Where its public page is, if it has one.
    pub public_href: Option<String>,
    /// Statements, in the order recorded.
    pub statements: Vec<StatementRow>,
    /// History, oldest first.
    pub history: Vec<HistoryLine>,
    /// The properties of its schema (for the add form).
    pub properties: Vec<&'static str>,
    /// Source kinds (for a new source).
    pub kinds: &'static [lookout_core::SourceKind],
    /// Reliability grades.
    pub reliabilities: &'static [lookout_core::Reliability],
    /// Credibility grades.
    pub credibilities: &'static [lookout_core::Credibility],
    /// Whether the account may mark public figures (a Person, reviewers and admins).
    pub marks_public: bool,
    /// The entity's version when the page was made (the add form carries it).
    pub version: u64,
    /// What the add form holds: empty, or a refused form's input shown again.
    pub kept: add::AddInput,
    /// Whether the add form is shown again because the entity changed since it was made.
    pub changed: bool,
}

/// Where the public site shows an entity, if it does.
fn public_href(id: &EntityId, schema: Schema) -> Option<String> {
    match schema {
        Schema::Station => Some(format!("/stations/{}", lookout_core::ids::station_key(id))),
        Schema::PublicBody => Some(format!("/bureaus/{id}")),
        _ => None,
    }
}

/// `GET /workspace/record/{id}`.
pub async fn entity<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    Ok(no_store(entity_page(&app, &session, &loc, &id).await?.render()?))
}

/// An entity's page, its add form empty.
pub(super) async fn entity_page<S: Store + ReportStore + WorkspaceStore>(
    app: &AppState<S>,
    session: &crate::reporting::session::Session,
    loc: &Locale,
    id: &str,
) -> Result<EntityPage, WebError> {
    let entity_id = EntityId::new(id).map_err(|_| WebError::NotFound(format!("entity {id}")))?;
    // Read before the statements: a change landing between the two reads makes a form shown
    // with it refused as stale, never a stale form accepted.
    let version =
        app.store.entity_version(&entity_id).await?.ok_or_else(|| WebError::NotFound(format!("entity {id}")))?;
    let record = app
        .store
        .entities_in_full(std::slice::from_ref(&entity_id))
        .await?
        .pop()
        .ok_or_else(|| WebError::NotFound(format!("entity {id}")))?;
    let schema = record.entity.schema;
    let source_ids: Vec<_> = record.statements.iter().map(|s| s.source_id.clone()).collect();
    let sources = app.store.sources(&source_ids).await?;
    let linked: Vec<EntityId> = record
        .statements
        .iter()
        .filter(|s| schema.property(&s.prop).is_ok_and(|p| matches!(p.kind, PropType::Entity(_) | PropType::AnyEntity)))
        .filter_map(|s| EntityId::new(s.value.clone()).ok())
        .collect();
    let linked_names = names(app.store.as_ref(), &linked).await?;
    let chrome = Chrome::new(loc, session, Section::Record);
    let words = |code: &str| chrome.w.record.statuses.iter().find(|(c, _)| *c == code).map_or("", |(_, w)| *w);
    let mut statements = Vec::new();
    let mut history: Vec<HistoryLine> = Vec::new();
    let mut facts: HashMap<StatementId, String> = HashMap::new();
    for s in &record.statements {
        let link = EntityId::new(s.value.clone()).ok().filter(|v| linked_names.contains_key(v));
        let shown = link.as_ref().and_then(|v| linked_names.get(v)).cloned().unwrap_or_else(|| s.value.clone());
        facts.insert(s.id.clone(), format!("{} = {shown}", s.prop));
        history.push(HistoryLine {
            at: s.recorded_at.to_string(),
            by: s.recorded_by.clone(),
            what: chrome.w.record.recorded_event.to_string(),
            fact: format!("{} = {shown}", s.prop),
            reason: String::new(),
        });
        let day = |d: Option<lookout_core::PartialDate>| d.map(|d| d.to_string()).unwrap_or_default();
        statements.push(StatementRow {
            id: s.id.to_string(),
            prop: s.prop.clone(),
            value: (shown, link.map(|v| format!("/workspace/record/{v}"))),
            source: (
                sources.get(&s.source_id).map_or_else(|| s.source_id.to_string(), |x| x.url.clone()),
                s.source_id.to_string(),
            ),
            grade: s.grade.to_string(),
            stance: s.stance.to_string(),
            status: (s.status.to_string(), words(s.status.as_str())),
            recorded: (s.recorded_by.clone(), s.recorded_at.day()),
            valid: match (s.valid_from, s.valid_to) {
                (None, None) => String::new(),
                (from, to) => format!("{}–{}", day(from), day(to)),
            },
            quote: s.locator.quote.clone().or_else(|| s.locator.page.clone()).unwrap_or_default(),
            claimant: s.claimant.clone().unwrap_or_default(),
        });
    }
    for e in app.store.entity_events(&entity_id).await? {
        history.push(HistoryLine {
            at: e.at.clone(),
            by: e.by.clone(),
            what: words(match e.action {
                StatementAction::Confirmed => "accepted",
                StatementAction::Rejected => "rejected",
                StatementAction::Withdrawn => "retracted",
            })
            .to_string(),
            fact: facts.get(&e.statement_id).cloned().unwrap_or_default(),
            reason: e.reason.clone().unwrap_or_default(),
        });
    }
    // Decisions on whether it is the same as another entity (made or undone).
    for d in app.store.decisions().await?.into_iter().filter(|d| d.left == entity_id || d.right == entity_id) {
        let other = if d.left == entity_id { &d.right } else { &d.left };
        history.push(HistoryLine {
            at: d.decided_at.to_string(),
            by: d.decided_by.clone(),
            what: chrome
                .w
                .record
                .decisions
                .iter()
                .find(|(code, _)| *code == d.judgement.as_str())
                .map_or_else(|| d.judgement.to_string(), |(_, words)| words.to_string()),
            fact: other.to_string(),
            reason: String::new(),
        });
    }
    history.sort_by(|a, b| a.at.cmp(&b.at));
    for line in &mut history {
        line.at = lookout_core::Timestamp::day_of(&line.at);
    }
    let page = EntityPage {
        marks_public: schema == Schema::Person && chrome.reads_reports,
        chrome,
        id: entity_id.to_string(),
        name: name_of(&record),
        schema: schema.to_string(),
        restricted: record.restricted,
        public_href: if record.restricted { None } else { public_href(&entity_id, schema) },
        statements,
        history,
        properties: schema.properties().iter().map(|p| p.name).collect(),
        kinds: lookout_core::SourceKind::ALL,
        reliabilities: lookout_core::Reliability::ALL,
        credibilities: lookout_core::Credibility::ALL,
        version,
        kept: add::AddInput::default(),
        changed: false,
    };
    Ok(page)
}

/// The withdrawal form.
#[derive(Deserialize)]
pub struct WithdrawForm {
    csrf: String,
    #[serde(default)]
    statement: String,
    #[serde(default)]
    reason: String,
}

/// `POST /workspace/record/{id}/withdraw`: a new record that the statement is withdrawn and why.
pub async fn withdraw<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    Path(id): Path<String>,
    Form(form): Form<WithdrawForm>,
) -> Result<Response, WebError> {
    check_token(&session, &form.csrf)?;
    let reason = required_text("reason", &form.reason, 2_000)?;
    let statement = StatementId::new(form.statement.trim()).map_err(|e| field_error("statement", e))?;
    let stored = app.store.statement(&statement).await?.ok_or_else(|| field_error("statement", "no such statement"))?;
    if stored.entity_id.as_str() != id {
        return Err(field_error("statement", format!("it is not a statement of {id}")));
    }
    let event = audit(&session, "statement.withdrawn", statement.as_str());
    app.store
        .act_on_statements(
            std::slice::from_ref(&statement),
            StatementAction::Withdrawn,
            &session.who.name,
            Some(&reason),
            &event,
        )
        .await
        .map_err(store_refusal)?;
    Ok(see(&app, &format!("/workspace/record/{id}")))
}
