//! Adding a statement to an entity: a property of its schema, the value checked as imports check
//! it, an existing source or a new address with its kind, grade, quote and locator, claimant,
//! stance and validity. Recorded pending a second account when four eyes is on. The form carries
//! the entity's version: if the entity changed since (another account added, confirmed or
//! withdrawn something), nothing is added and the form is shown again, with the change and the
//! input kept.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Form;
use lookout_core::{
    Batch, Claim, Credibility, EntityId, Grade, Locator, Reliability, Source, SourceId, SourceKind, Stance,
};
use lookout_store::{ReportStore, Store, WorkspaceStore};

use super::super::forms::{
    audit, check_token, date_field, field_error, new_statement_status, see, store_refusal, text_field,
};
use super::super::values::{checked_value, property_of, web_address};
use crate::error::WebError;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::state::AppState;

/// The fields of the add form that are shown again when it is refused as stale.
const KEPT: [&str; 13] = [
    "prop",
    "value",
    "source",
    "new_url",
    "kind",
    "reliability",
    "credibility",
    "quote",
    "page",
    "claimant",
    "stance",
    "valid_from",
    "valid_to",
];

/// What an add form held, to show it again (empty for a new form).
#[derive(Debug, Default)]
pub struct AddInput(HashMap<String, String>);

impl AddInput {
    /// The form's input, its known fields only.
    fn of(form: &HashMap<String, String>) -> AddInput {
        AddInput(KEPT.iter().filter_map(|k| form.get(*k).map(|v| (k.to_string(), v.clone()))).collect())
    }

    /// A field's value ("" when not kept).
    pub fn get(&self, name: &str) -> &str {
        self.0.get(name).map_or("", String::as_str)
    }

    /// Whether `option` is the one to select for `name`: the kept value, else `default`.
    pub fn chosen(&self, name: &str, option: &str, default: &str) -> bool {
        self.0.get(name).map_or(option == default, |v| v == option)
    }
}

/// A form's field, trimmed ("" when absent).
pub(super) fn field<'a>(form: &'a HashMap<String, String>, name: &str) -> &'a str {
    form.get(name).map_or("", |v| v.trim())
}

/// The source a form cites: `source` (an id of the record) or `new_url` with `kind`.
pub(super) async fn cited_source<S: Store>(
    app: &AppState<S>,
    form: &HashMap<String, String>,
) -> Result<Source, WebError> {
    let (existing, url) = (field(form, "source"), field(form, "new_url"));
    match (existing.is_empty(), url.is_empty()) {
        (false, true) => {
            let id = SourceId::new(existing).map_err(|e| field_error("source", e))?;
            let mut found = app.store.sources(std::slice::from_ref(&id)).await?;
            found.remove(&id).ok_or_else(|| field_error("source", format!("no source {existing} in the record")))
        }
        (true, false) => {
            web_address(url).map_err(|e| field_error("new_url", e))?;
            let mut source = Source::from_url(url);
            let kind = field(form, "kind");
            if !kind.is_empty() {
                source.kind = kind.parse::<SourceKind>().map_err(|e| field_error("kind", e))?;
                source.kind_guess = None;
            }
            Ok(source)
        }
        (false, false) => Err(field_error("source", "give a source of the record or a new address, not both")),
        (true, true) => Err(field_error("source", "every statement cites a source: give one")),
    }
}

/// The grade a form gives.
pub(super) fn grade_of(form: &HashMap<String, String>) -> Result<Grade, WebError> {
    Ok(Grade {
        reliability: field(form, "reliability").parse::<Reliability>().map_err(|e| field_error("reliability", e))?,
        credibility: field(form, "credibility").parse::<Credibility>().map_err(|e| field_error("credibility", e))?,
    })
}

/// The entity's page with the add form shown again as `form` held it, saying that the entity
/// changed since the form was made (409: nothing was added).
async fn changed_since<S: Store + ReportStore + WorkspaceStore>(
    app: &AppState<S>,
    session: &crate::reporting::session::Session,
    loc: &Locale,
    id: &str,
    form: &HashMap<String, String>,
) -> Result<Response, WebError> {
    let mut page = super::entity_page(app, session, loc, id).await?;
    page.kept = AddInput::of(form);
    page.changed = true;
    let mut response = no_store(page.render()?);
    *response.status_mut() = StatusCode::CONFLICT;
    Ok(response.into_response())
}

/// `POST /workspace/record/{id}/statements`.
pub async fn add<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    crate::reporting::session::AnyAccount(session): crate::reporting::session::AnyAccount,
    loc: Locale,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, WebError> {
    check_token(&session, field(&form, "csrf"))?;
    let entity = EntityId::new(id.clone()).map_err(|_| WebError::NotFound(format!("entity {id}")))?;
    let version: u64 = field(&form, "version")
        .parse()
        .map_err(|_| field_error("version", "the form has no version: reload the page"))?;
    let now = app.store.entity_version(&entity).await?.ok_or_else(|| WebError::NotFound(format!("entity {id}")))?;
    if now != version {
        return changed_since(&app, &session, &loc, &id, &form).await;
    }
    let record = app.store.entity(&entity).await?.ok_or_else(|| WebError::NotFound(format!("entity {id}")))?;
    let schema = record.entity.schema;
    let property = property_of(schema, field(&form, "prop"), "prop")?;
    let value = checked_value(&app, property, field(&form, "value"), "value").await?;
    let source = cited_source(&app, &form).await?;
    let claim = Claim::new(&entity, property.name, value, &source.id)
        .locator(Locator {
            quote: text_field("quote", field(&form, "quote"), 5_000)?,
            page: text_field("page", field(&form, "page"), 200)?,
            span: None,
        })
        .grade(grade_of(&form)?)
        .claimant(text_field("claimant", field(&form, "claimant"), 300)?)
        .stance(field(&form, "stance").parse::<Stance>().map_err(|e| field_error("stance", e))?)
        .status(new_statement_status(&app))
        .valid_from(date_field("valid_from", field(&form, "valid_from"))?)
        .valid_to(date_field("valid_to", field(&form, "valid_to"))?);
    let mut batch = Batch::new(session.who.name.clone());
    batch.add_entity(&entity, schema).map_err(|e| field_error("entity", e))?;
    batch.add_source(source);
    let statement = batch.add_claim(claim).map_err(|e| field_error("value", e))?;
    if app.store.statement(&statement).await?.is_some() {
        return Err(field_error("value", "this source already says so: the statement is in the record"));
    }
    let event = audit(&session, "statement.added", statement.as_str());
    // Checked again in the write's transaction: a change that lands meanwhile refuses it too.
    match app.store.add_statements_at(&batch, &event, &entity, version).await.map_err(store_refusal)? {
        Some(_) => Ok(see(&app, &format!("/workspace/record/{id}"))),
        None => changed_since(&app, &session, &loc, &id, &form).await,
    }
}
