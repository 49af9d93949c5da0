//! Marking a Person a public figure (an official, a defendant named in court records), or
//! restricting them again: reviewers and admins only, citing the source that makes them one,
//! audited. Until marked, a person stays out of every public page, API response and export.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use lookout_core::EntityId;
use lookout_store::{ReportStore, Store, WorkspaceStore};

use super::super::forms::{audit, check_token, field_error, see, store_refusal};
use super::add::{cited_source, field};
use crate::error::WebError;
use crate::reporting::session::ReviewerAccount;
use crate::state::AppState;

/// `POST /workspace/record/{id}/public-figure`: `public` is `1` (mark) or `0` (restrict again).
pub async fn mark<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    ReviewerAccount(session): ReviewerAccount,
    Path(id): Path<String>,
    Form(form): Form<HashMap<String, String>>,
) -> Result<Response, WebError> {
    check_token(&session, field(&form, "csrf"))?;
    let entity = EntityId::new(id.clone()).map_err(|_| WebError::NotFound(format!("entity {id}")))?;
    let public = match field(&form, "public") {
        "1" => true,
        "0" => false,
        other => return Err(field_error("public", format!("{other:?} is neither 1 nor 0"))),
    };
    let source = cited_source(&app, &form).await?;
    let action = if public { "person.marked-public-figure" } else { "person.restricted" };
    app.store
        .mark_public_figure(&entity, public, &source, &session.who.name, &audit(&session, action, &id))
        .await
        .map_err(store_refusal)?;
    Ok(see(&app, &format!("/workspace/record/{id}")))
}
