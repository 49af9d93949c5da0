//! `POST /workspace/duplicates/decide` and `POST /workspace/duplicates/undo`: an analyst's
//! decision on a pair, or its undo, recorded with its audit entry in one transaction, in turn
//! (a pair decided meanwhile by someone else is refused, and nothing changes).

use axum::extract::State;
use axum::response::Response;
use axum::Form;
use lookout_core::{Decision, EntityId, Judgement};
use lookout_store::{ReportStore, Store, WorkspaceStore};
use serde::Deserialize;

use super::super::forms::{audit, check_token, field_error, see, store_refusal};
use crate::error::WebError;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;

/// A decision form.
#[derive(Deserialize)]
pub struct DecideForm {
    csrf: String,
    left: String,
    right: String,
    judgement: String,
    #[serde(default)]
    page: String,
}

/// An undo form.
#[derive(Deserialize)]
pub struct UndoForm {
    csrf: String,
    left: String,
    right: String,
    #[serde(default)]
    page: String,
}

fn entity(field: &str, text: &str) -> Result<EntityId, WebError> {
    EntityId::new(text.trim()).map_err(|e| field_error(field, e))
}

/// The page to go back to: the form's, when it is a number.
fn back(path: &str, page: &str) -> String {
    match page.trim().parse::<usize>() {
        Ok(n) if n > 1 => format!("{path}?page={n}"),
        _ => path.to_string(),
    }
}

/// Records `decision` and its audit entry.
async fn record<S: WorkspaceStore>(
    app: &AppState<S>,
    session: &crate::reporting::session::Session,
    decision: &Decision,
) -> Result<(), WebError> {
    let action = format!("decision.{}", decision.judgement);
    let subject = format!("{} {}", decision.left, decision.right);
    app.store.decide(decision, &audit(session, &action, &subject)).await.map_err(store_refusal)
}

/// `POST /workspace/duplicates/decide`: match, no match or unsure.
pub async fn decide<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    Form(form): Form<DecideForm>,
) -> Result<Response, WebError> {
    check_token(&session, &form.csrf)?;
    let (left, right) = (entity("left", &form.left)?, entity("right", &form.right)?);
    let judgement = match form.judgement.parse::<Judgement>() {
        Ok(j) if j != Judgement::Undone => j,
        _ => return Err(field_error("judgement", "one of match, no-match, unsure")),
    };
    let decision = Decision::new(&left, &right, judgement, &session.who.name).map_err(|e| field_error("right", e))?;
    record(&app, &session, &decision).await?;
    Ok(see(&app, &back("/workspace/duplicates", &form.page)))
}

/// `POST /workspace/duplicates/undo`: withdraws the decision in force on a pair.
pub async fn undo<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    Form(form): Form<UndoForm>,
) -> Result<Response, WebError> {
    check_token(&session, &form.csrf)?;
    let (left, right) = (entity("left", &form.left)?, entity("right", &form.right)?);
    let decision =
        Decision::new(&left, &right, Judgement::Undone, &session.who.name).map_err(|e| field_error("right", e))?;
    record(&app, &session, &decision).await?;
    Ok(see(&app, &back("/workspace/duplicates/decided", &form.page)))
}
