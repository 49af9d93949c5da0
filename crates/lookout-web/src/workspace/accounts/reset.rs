//! Resetting an account whose password or TOTP device is lost (`/workspace/accounts/{name}/reset`).
//!
//! The account's TOTP secret and age identity are sealed under a key derived from its password,
//! which the admin does not know: a reset cannot re-seal them, so it gives the account a new
//! password (typed by the admin, handed over like an initial one), a new TOTP secret (shown once)
//! and a new identity, and ends the account's sessions. Reports that arrived before stay sealed
//! to the old identity, which is gone: this account no longer reads them, every other reviewer
//! or admin active when they arrived still does. When no other active account reads reports,
//! the form says that those reports would be readable by nobody and asks to be acknowledged.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use lookout_report::desk;
use lookout_report::password::PasswordCost;
use lookout_store::{ReportStore, Store, WorkspaceStore};
use serde::Deserialize;
use zeroize::Zeroize;

use super::super::chrome::{Chrome, Section};
use super::super::forms::{check_token, field_error};
use super::{new_password, refusal, SecretPage};
use crate::error::WebError;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::reporting::session::AdminAccount;
use crate::state::AppState;

/// The reset form.
#[derive(Template)]
#[template(path = "ws_account_reset.html")]
pub struct ResetPage {
    /// The frame.
    pub chrome: Chrome,
    /// The account.
    pub name: String,
    /// Whether no other active account reads the reports already received.
    pub sole_reader: bool,
}

/// Whether resetting `name` would leave earlier reports readable by nobody: it reads reports,
/// there are reports, and no other active account reads them.
async fn sole_reader<S: ReportStore>(store: &S, name: &str) -> Result<bool, WebError> {
    let account = store.account(name).await?.ok_or_else(|| WebError::NotFound(format!("account {name}")))?;
    if !account.active || !matches!(account.role.as_str(), "reviewer" | "admin") {
        return Ok(false);
    }
    let others = store.report_recipients().await?.into_iter().filter(|r| *r != account.recipient).count();
    Ok(others == 0 && !store.reports().await?.is_empty())
}

/// `GET /workspace/accounts/{name}/reset`.
pub async fn reset_form<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AdminAccount(session): AdminAccount,
    loc: Locale,
    Path(name): Path<String>,
) -> Result<Response, WebError> {
    let sole_reader = sole_reader(app.store.as_ref(), &name).await?;
    let page = ResetPage { chrome: Chrome::new(&loc, &session, Section::Accounts), name, sole_reader };
    Ok(no_store(page.render()?))
}

/// The reset form's fields.
#[derive(Deserialize)]
pub struct ResetForm {
    csrf: String,
    password: String,
    password_again: String,
    #[serde(default)]
    ack: Option<String>,
}

impl Drop for ResetForm {
    fn drop(&mut self) {
        self.password.zeroize();
        self.password_again.zeroize();
    }
}

/// `POST /workspace/accounts/{name}/reset`: new password, TOTP secret (shown once) and identity;
/// the account's sessions end.
pub async fn reset<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AdminAccount(session): AdminAccount,
    loc: Locale,
    Path(name): Path<String>,
    Form(form): Form<ResetForm>,
) -> Result<Response, WebError> {
    check_token(&session, &form.csrf)?;
    let password = new_password(&name, &form.password, &form.password_again)?;
    if form.ack.is_none() && sole_reader(app.store.as_ref(), &name).await? {
        return Err(field_error(
            "ack",
            "no other account can read the reports received so far; acknowledge that they will be unreadable",
        ));
    }
    let secret =
        desk::reset_credentials(app.store.as_ref(), &session.who.name, &name, password, PasswordCost::STANDARD)
            .await
            .map_err(|e| refusal("name", e))?;
    app.reporting.sessions.end_account(&name);
    let chrome = Chrome::new(&loc, &session, Section::Accounts);
    Ok(no_store(SecretPage { chrome, reset: true, name, secret }.render()?))
}
