//! Creating an entity: a station (its city chosen from the gazetteer by its English or Chinese
//! name, its country, the bureau said to operate it), a public body or an organisation; each fact
//! a statement citing the source the form gives, pending a second account when four eyes is on.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::Form;
use lookout_core::ids::{operation_id, slug, stable_digest};
use lookout_core::{Batch, Claim, EntityId, Locator, Schema};
use lookout_store::{ReportStore, Store, WorkspaceStore};
use serde::Deserialize;

use super::super::chrome::{Chrome, Section};
use super::super::forms::{
    audit, check_token, field_error, new_statement_status, required_text, see, store_refusal, text_field,
};
use super::super::values::checked_value;
use super::add::{cited_source, field, grade_of};
use crate::error::WebError;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;

/// What may be created here.
const CREATABLE: [Schema; 3] = [Schema::Station, Schema::PublicBody, Schema::Organization];

/// The creation form's query.
#[derive(Deserialize)]
pub struct CreateQuery {
    #[serde(default)]
    schema: String,
}

/// The creation form.
#[derive(Template)]
#[template(path = "ws_create.html")]
pub struct CreatePage {
    /// The frame.
    pub chrome: Chrome,
    /// What is created.
    pub schema: String,
    /// Whether it is a station.
    pub station: bool,
    /// Source kinds.
    pub kinds: &'static [lookout_core::SourceKind],
    /// Reliability grades.
    pub reliabilities: &'static [lookout_core::Reliability],
    /// Credibility grades.
    pub credibilities: &'static [lookout_core::Credibility],
}

fn creatable(text: &str) -> Result<Schema, WebError> {
    let schema = text.trim().parse::<Schema>().map_err(|e| field_error("schema", e))?;
    if CREATABLE.contains(&schema) {
        Ok(schema)
    } else {
        Err(field_error("schema", "a Station, PublicBody or Organization is created here"))
    }
}

/// `GET /workspace/record/new?schema=Station`.
pub async fn form<S: Store + ReportStore + WorkspaceStore>(
    State(_app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
    Query(q): Query<CreateQuery>,
) -> Result<Response, WebError> {
    let schema = creatable(&q.schema)?;
    let page = CreatePage {
        chrome: Chrome::new(&loc, &session, Section::Record),
        schema: schema.to_string(),
        station: schema == Schema::Station,
        kinds: lookout_core::SourceKind::ALL,
        reliabilities: lookout_core::Reliability::ALL,
        credibilities: lookout_core::Credibility::ALL,
    };
    Ok(no_store(page.render()?))
}

/// A new entity's id: its kind, a slug of its name and a digest of what makes it.
fn new_id(prefix: &str, name: &str, parts: &[&str]) -> Result<EntityId, WebError> {
    let digest = stable_digest(parts);
    let slug = slug(name);
    let id = if slug.is_empty() {
        format!("{prefix}-{}", &digest[..10])
    } else {
        format!("{prefix}-{slug}-{}", &digest[..6])
    };
    EntityId::new(id).map_err(|e| field_error("name", e))
}

/// The bureau a form names: a PublicBody's id, or its exact name.
async fn bureau_of<S: Store + WorkspaceStore>(app: &AppState<S>, text: &str) -> Result<EntityId, WebError> {
    if let Ok(id) = EntityId::new(text) {
        if app.store.entity(&id).await?.is_some_and(|r| r.entity.schema == Schema::PublicBody) {
            return Ok(id);
        }
    }
    let found = app.store.find_entities(text, Some(Schema::PublicBody), 20).await?;
    let exact: Vec<_> =
        found.iter().filter(|f| f.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(text))).collect();
    match exact.as_slice() {
        [one] => Ok(one.id.clone()),
        [] => Err(field_error("bureau", format!("no public body named or identified {text:?} in the record"))),
        _ => Err(field_error("bureau", format!("several public bodies are named {text:?}: give its id"))),
    }
}

/// `POST /workspace/record/new`.
pub async fn create<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, WebError> {
    check_token(&session, field(&form, "csrf"))?;
    let schema = creatable(field(&form, "schema"))?;
    let source = cited_source(&app, &form).await?;
    let grade = grade_of(&form)?;
    let status = new_statement_status(&app);
    let locator = Locator { quote: text_field("quote", field(&form, "quote"), 5_000)?, page: None, span: None };
    let country_property = schema.property("country").map_err(|e| WebError::Internal(e.to_string()))?;
    let country = checked_value(&app, country_property, field(&form, "country"), "country").await?;
    let mut batch = Batch::new(session.who.name.clone());
    let src = batch.add_source(source.clone());
    let claim = |id: &EntityId, prop: &str, value: &str| {
        Claim::new(id, prop, value, &src).locator(locator.clone()).grade(grade).status(status)
    };
    let id = if schema == Schema::Station {
        let city_name = required_text("city", field(&form, "city"), 200)?;
        let gazetteer = lookout_geo::Gazetteer::shared();
        let city = gazetteer
            .cities_named(&city_name, &country)
            .first()
            .copied()
            .or_else(|| gazetteer.alias(&city_name, &country).map(|(c, _)| c))
            .ok_or_else(|| field_error("city", format!("the gazetteer has no city {city_name:?} in {country}")))?;
        let name = text_field("name", field(&form, "name"), 300)?;
        let geonameid = city.geonameid.to_string();
        let id = new_id("station", &city.name, &[&country, &geonameid, name.as_deref().unwrap_or(""), &source.url])?;
        batch.add_entity(&id, Schema::Station).map_err(|e| field_error("name", e))?;
        let place = lookout_import::stations::add_place(&mut batch, city).map_err(|e| field_error("city", e))?;
        for (prop, value) in [("city", city.name.as_str()), ("country", country.as_str()), ("place", place.as_str())] {
            batch.add_claim(claim(&id, prop, value)).map_err(|e| field_error(prop, e))?;
        }
        if let Some(name) = &name {
            batch.add_claim(claim(&id, "name", name)).map_err(|e| field_error("name", e))?;
        }
        let bureau = field(&form, "bureau");
        if !bureau.is_empty() {
            let bureau = bureau_of(&app, bureau).await?;
            let operation = operation_id(&id, &bureau).map_err(|e| field_error("bureau", e))?;
            batch.add_entity(&bureau, Schema::PublicBody).map_err(|e| field_error("bureau", e))?;
            batch.add_entity(&operation, Schema::Operation).map_err(|e| field_error("bureau", e))?;
            batch.add_claim(claim(&operation, "station", id.as_str())).map_err(|e| field_error("bureau", e))?;
            batch.add_claim(claim(&operation, "operator", bureau.as_str())).map_err(|e| field_error("bureau", e))?;
        }
        id
    } else {
        let name = required_text("name", field(&form, "name"), 300)?;
        let prefix = if schema == Schema::PublicBody { "publicbody" } else { "organization" };
        let id = new_id(prefix, &name, &[&country, &name, &source.url])?;
        batch.add_entity(&id, schema).map_err(|e| field_error("name", e))?;
        batch.add_claim(claim(&id, "name", &name)).map_err(|e| field_error("name", e))?;
        batch.add_claim(claim(&id, "country", &country)).map_err(|e| field_error("country", e))?;
        if let Some(zh) = text_field("name_zh", field(&form, "name_zh"), 300)? {
            batch.add_claim(claim(&id, "name", &zh).lang("zh-Hans")).map_err(|e| field_error("name_zh", e))?;
        }
        id
    };
    if app.store.entity(&id).await?.is_some() {
        return Err(field_error("name", format!("{id} is in the record already: add statements to it instead")));
    }
    app.store.add_statements(&batch, &audit(&session, "entity.created", id.as_str())).await.map_err(store_refusal)?;
    Ok(see(&app, &format!("/workspace/record/{id}")))
}
