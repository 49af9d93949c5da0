//! What the workspace's handlers share: checking a form's token, reading its fields with errors
//! that name them, the status four eyes gives new statements, and audit events.

use axum::response::{IntoResponse, Redirect, Response};
use lookout_core::{PartialDate, StatementStatus};
use lookout_store::AuditEvent;

use crate::error::WebError;
use crate::reporting::session::Session;
use crate::state::AppState;

/// Refuses a form whose token is not the session's (forged, or from an ended session).
pub fn check_token(session: &Session, token: &str) -> Result<(), WebError> {
    crate::reporting::review::check_csrf(session, token)
}

/// A refusal that names the field and says what to change; nothing was written.
pub fn field_error(field: &str, why: impl std::fmt::Display) -> WebError {
    WebError::BadRequest(format!("{field}: {why}. Nothing was changed."))
}

/// An optional date field: empty is none; otherwise `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a
/// real day.
pub fn date_field(field: &str, text: &str) -> Result<Option<PartialDate>, WebError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse().map(Some).map_err(|e| field_error(field, e))
}

/// An optional free-text field: trimmed, empty is none, at most `max` characters.
pub fn text_field(field: &str, text: &str, max: usize) -> Result<Option<String>, WebError> {
    let text = text.trim();
    if text.chars().count() > max {
        return Err(field_error(field, format!("at most {max} characters")));
    }
    Ok((!text.is_empty()).then(|| text.to_string()))
}

/// A required free-text field.
pub fn required_text(field: &str, text: &str, max: usize) -> Result<String, WebError> {
    text_field(field, text, max)?.ok_or_else(|| field_error(field, "required"))
}

/// The status a statement an account adds or accepts is recorded in.
pub fn new_statement_status<S>(app: &AppState<S>) -> StatementStatus {
    if app.four_eyes {
        StatementStatus::Proposed
    } else {
        StatementStatus::Accepted
    }
}

/// An audit event of the signed-in account.
pub fn audit(session: &Session, action: &str, subject: &str) -> AuditEvent {
    AuditEvent::today(&session.who.name, action, subject)
}

/// After a form that wrote to the store: back to `to` (303, so a reload does not post again),
/// with the public pages' cache told to read the data version again, so that they show the
/// change at once.
pub fn see<S>(app: &AppState<S>, to: &str) -> Response {
    app.pages.forget_version();
    Redirect::to(to).into_response()
}

/// A store refusal of an action out of turn (reviewed meanwhile), told to the user.
pub fn store_refusal(e: lookout_store::StoreError) -> WebError {
    match e {
        lookout_store::StoreError::Conflict(why) | lookout_store::StoreError::NotFound(why) => {
            WebError::BadRequest(format!("{why}. Nothing was changed."))
        }
        other => other.into(),
    }
}
