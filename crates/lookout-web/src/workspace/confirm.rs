//! Four eyes: the changes waiting for a second account (a change is what one account recorded at
//! one moment: a proposal's statements, a new station's facts), and a page per change showing
//! each entity's public facts before and after it is confirmed, with confirm and reject. The
//! store refuses a confirmation by the account that recorded the change, and one that comes
//! after another account's (one wins; the other is told).

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use lookout_core::{EntityId, EntityView, Source, SourceId, Statement, StatementAction, StatementId, StatementStatus};
use lookout_store::{ReportStore, Store, WorkspaceStore};
use serde::Deserialize;

use super::chrome::{Chrome, Section};
use super::forms::{audit, check_token, field_error, see, store_refusal, text_field};
use super::names::{name_of, names};
use crate::error::WebError;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;

/// Statements read at most for the list.
const LIMIT: u32 = 2_000;

/// A change waiting for a second account, as the list shows it.
pub struct Change {
    /// Its first statement's id (its address).
    pub id: String,
    /// What it says: entity name, property, value.
    pub facts: Vec<(String, String, String)>,
    /// Who recorded it, and the day.
    pub recorded: (String, String),
    /// Whether the signed-in account recorded it.
    pub own: bool,
}

/// The list.
#[derive(Template)]
#[template(path = "ws_confirm_list.html")]
pub struct ConfirmList {
    /// The frame.
    pub chrome: Chrome,
    /// What waits.
    pub changes: Vec<Change>,
}

/// One property of a public page, with its values; `changed` when confirming changes it.
pub struct FactView {
    /// Property.
    pub prop: String,
    /// Values, a conflict shown side by side.
    pub values: Vec<String>,
    /// Whether confirming changes this property.
    pub changed: bool,
}

/// One entity the change concerns, before and after.
pub struct EntityChange {
    /// Id and name.
    pub entity: (String, String),
    /// The public page's facts now.
    pub before: Vec<FactView>,
    /// The facts once confirmed.
    pub after: Vec<FactView>,
}

/// A change's confirm page.
#[derive(Template)]
#[template(path = "ws_confirm.html")]
pub struct ConfirmPage {
    /// The frame.
    pub chrome: Chrome,
    /// Its address.
    pub id: String,
    /// Who recorded it, and the day.
    pub recorded: (String, String),
    /// Its statements: property, value, source address, grade, quote.
    pub statements: Vec<(String, String, String, String, String)>,
    /// The entities it changes.
    pub entities: Vec<EntityChange>,
    /// Whether it still waits.
    pub open: bool,
    /// Whether the signed-in account recorded it.
    pub own: bool,
    /// Its status, in words.
    pub status: &'static str,
}

fn day(s: &Statement) -> String {
    s.recorded_at.day()
}

/// `GET /workspace/confirm`.
pub async fn list<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
) -> Result<Response, WebError> {
    let pending = app.store.pending_statements(LIMIT).await?;
    let ids: Vec<_> = pending.iter().map(|s| s.entity_id.clone()).collect();
    let named = names(app.store.as_ref(), &ids).await?;
    let mut changes: Vec<Change> = Vec::new();
    let mut last: Option<(String, String)> = None;
    for s in pending {
        let key = (s.recorded_by.clone(), s.recorded_at.to_string());
        let name = named.get(&s.entity_id).cloned().unwrap_or_else(|| s.entity_id.to_string());
        if last.as_ref() != Some(&key) {
            changes.push(Change {
                id: s.id.to_string(),
                facts: Vec::new(),
                recorded: (s.recorded_by.clone(), day(&s)),
                own: s.recorded_by == session.who.name,
            });
            last = Some(key);
        }
        if let Some(change) = changes.last_mut() {
            change.facts.push((name, s.prop, s.value));
        }
    }
    let page = ConfirmList { chrome: Chrome::new(&loc, &session, Section::Confirm), changes };
    Ok(no_store(page.render()?))
}

/// The public facts of a view: each value with the hosts of the sources that assert it (what a
/// reader of the public page sees next to it).
fn facts(view: &EntityView, sources: &HashMap<SourceId, Source>) -> Vec<FactView> {
    let host = |s: &Statement| {
        sources
            .get(&s.source_id)
            .and_then(|x| lookout_core::host_of(&x.url).map(str::to_string))
            .unwrap_or_else(|| s.source_id.to_string())
    };
    view.props
        .iter()
        .map(|p| FactView {
            prop: p.prop.clone(),
            values: p
                .values
                .iter()
                .filter(|v| !v.asserted_by.is_empty())
                .map(|v| {
                    let mut hosts: Vec<String> = v.asserted_by.iter().map(host).collect();
                    hosts.sort();
                    hosts.dedup();
                    format!("{} ({})", v.value, hosts.join(", "))
                })
                .collect(),
            changed: false,
        })
        .collect()
}

fn statement_id(id: &str) -> Result<StatementId, WebError> {
    StatementId::new(id).map_err(|_| WebError::NotFound(format!("statement {id}")))
}

/// The statements of the change `id` addresses: its pending change, or the statement alone
/// once reviewed.
async fn change<S: Store + WorkspaceStore>(app: &AppState<S>, id: &str) -> Result<Vec<Statement>, WebError> {
    let statement = statement_id(id)?;
    let pending = app.store.pending_change(&statement).await?;
    if !pending.is_empty() {
        return Ok(pending);
    }
    let alone = app.store.statement(&statement).await?.ok_or_else(|| WebError::NotFound(format!("statement {id}")))?;
    Ok(vec![alone])
}

/// `GET /workspace/confirm/{id}`.
pub async fn page<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let statements = change(&app, &id).await?;
    let first = statements[0].clone();
    let mut by_entity: BTreeMap<EntityId, Vec<&Statement>> = BTreeMap::new();
    for s in &statements {
        by_entity.entry(s.entity_id.clone()).or_default().push(s);
    }
    let records = app.store.entities_in_full(&by_entity.keys().cloned().collect::<Vec<_>>()).await?;
    let all_sources: Vec<SourceId> =
        records.iter().flat_map(|r| r.statements.iter().map(|s| s.source_id.clone())).collect();
    let sources = app.store.sources(&all_sources).await?;
    let mut entities = Vec::new();
    for record in &records {
        let before = facts(&EntityView::fold(record.entity.clone(), &record.statements), &sources);
        let mut confirmed = record.statements.clone();
        for s in confirmed
            .iter_mut()
            .filter(|s| statements.iter().any(|c| c.id == s.id && c.status == StatementStatus::Proposed))
        {
            s.status = StatementStatus::Accepted;
        }
        let mut after = facts(&EntityView::fold(record.entity.clone(), &confirmed), &sources);
        for f in &mut after {
            f.changed = before.iter().find(|b| b.prop == f.prop).is_none_or(|b| b.values != f.values);
        }
        entities.push(EntityChange { entity: (record.entity.id.to_string(), name_of(record)), before, after });
    }
    let chrome = Chrome::new(&loc, &session, Section::Confirm);
    let status = chrome.w.record.statuses.iter().find(|(c, _)| *c == first.status.as_str()).map_or("", |(_, w)| *w);
    let page = ConfirmPage {
        status,
        chrome,
        id: first.id.to_string(),
        recorded: (first.recorded_by.clone(), day(&first)),
        own: first.recorded_by == session.who.name,
        open: first.status == StatementStatus::Proposed,
        statements: statements
            .iter()
            .map(|s| {
                let url = sources.get(&s.source_id).map_or_else(|| s.source_id.to_string(), |x| x.url.clone());
                (s.prop.clone(), s.value.clone(), url, s.grade.to_string(), s.locator.quote.clone().unwrap_or_default())
            })
            .collect(),
        entities,
    };
    Ok(no_store(page.render()?))
}

/// The confirm form.
#[derive(Deserialize)]
pub struct DecideForm {
    csrf: String,
    #[serde(default)]
    action: String,
    #[serde(default)]
    reason: String,
}

/// `POST /workspace/confirm/{id}`: `action` is `confirm` or `reject` (with a reason); the whole
/// change, in one transaction.
pub async fn decide<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    Path(id): Path<String>,
    Form(form): Form<DecideForm>,
) -> Result<Response, WebError> {
    check_token(&session, &form.csrf)?;
    let (action, audited) = match form.action.as_str() {
        "confirm" => (StatementAction::Confirmed, "change.confirmed"),
        "reject" => (StatementAction::Rejected, "change.rejected"),
        other => return Err(field_error("action", format!("{other:?} is neither confirm nor reject"))),
    };
    let reason = text_field("reason", &form.reason, 2_000)?;
    if action == StatementAction::Rejected && reason.is_none() {
        return Err(field_error("reason", "a rejection says why"));
    }
    let ids: Vec<StatementId> = change(&app, &id).await?.into_iter().map(|s| s.id).collect();
    let event = audit(&session, audited, &id);
    app.store
        .act_on_statements(&ids, action, &session.who.name, reason.as_deref(), &event)
        .await
        .map_err(store_refusal)?;
    Ok(see(&app, &format!("/workspace/confirm/{id}")))
}
