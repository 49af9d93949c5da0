//! Accounts (`/workspace/accounts`, admins only): the list, adding an account (its TOTP secret
//! shown once, as `lookout account add` prints it), deactivating and reactivating, and resetting
//! an account's password and TOTP secret (`reset.rs`). Each action is one store transaction with
//! its audit entry, so `lookout audit verify` keeps verifying.

mod reset;

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use lookout_report::desk::{self, DeskError, NewAccount, ROLES};
use lookout_report::password::PasswordCost;
use lookout_store::{AccountSummary, ReportStore, Store, StoreError, WorkspaceStore};
use serde::Deserialize;
use zeroize::Zeroize;

pub use reset::{reset, reset_form};

use super::chrome::{Chrome, Section};
use super::forms::{check_token, field_error, see};
use crate::error::WebError;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::reporting::session::AdminAccount;
use crate::state::AppState;

/// The list of accounts, with the form that adds one.
#[derive(Template)]
#[template(path = "ws_accounts.html")]
pub struct AccountsPage {
    /// The frame.
    pub chrome: Chrome,
    /// Every account, by name.
    pub accounts: Vec<AccountSummary>,
    /// The roles an account can have.
    pub roles: &'static [&'static str],
}

impl AccountsPage {
    /// A role in words.
    pub fn role_words(&self, code: &str) -> &'static str {
        self.chrome.w.chrome.roles.iter().find(|(c, _)| *c == code).map_or("", |(_, w)| w)
    }

    /// Whether the form offers `role` first (the least privileged that curates: analyst).
    pub fn is_default_role(&self, role: &str) -> bool {
        role == "analyst"
    }
}

/// The page that shows a new TOTP secret, once.
#[derive(Template)]
#[template(path = "ws_account_secret.html")]
pub struct SecretPage {
    /// The frame.
    pub chrome: Chrome,
    /// Whether the account was reset (else added).
    pub reset: bool,
    /// The account.
    pub name: String,
    /// Its TOTP secret.
    pub secret: NewAccount,
}

/// `GET /workspace/accounts`.
pub async fn list<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AdminAccount(session): AdminAccount,
    loc: Locale,
) -> Result<Response, WebError> {
    let accounts = app.store.accounts().await?;
    let page = AccountsPage { chrome: Chrome::new(&loc, &session, Section::Accounts), accounts, roles: ROLES };
    Ok(no_store(page.render()?))
}

/// The form that adds an account.
#[derive(Deserialize)]
pub struct AddForm {
    csrf: String,
    name: String,
    role: String,
    password: String,
    password_again: String,
}

impl Drop for AddForm {
    fn drop(&mut self) {
        self.password.zeroize();
        self.password_again.zeroize();
    }
}

/// The new password of a form, checked: typed twice alike, and hard to guess.
pub(crate) fn new_password<'a>(name: &str, password: &'a str, again: &str) -> Result<&'a str, WebError> {
    if password != again {
        return Err(field_error("password_again", "the two passwords differ"));
    }
    lookout_report::password::check_strength(password, name).map_err(|why| field_error("password", why))?;
    Ok(password)
}

/// A refusal of the desk or the store, told to the admin and naming `field` when it is about it.
pub(crate) fn refusal(field: &str, e: DeskError) -> WebError {
    match e {
        DeskError::Refused(why) | DeskError::Store(StoreError::Conflict(why) | StoreError::NotFound(why)) => {
            field_error(field, why)
        }
        other => WebError::Internal(other.to_string()),
    }
}

/// `POST /workspace/accounts`: adds an account and shows its TOTP secret once.
pub async fn add<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AdminAccount(session): AdminAccount,
    loc: Locale,
    Form(form): Form<AddForm>,
) -> Result<Response, WebError> {
    check_token(&session, &form.csrf)?;
    let name = form.name.trim();
    desk::check_name(name).map_err(|why| field_error("name", why))?;
    if !ROLES.contains(&form.role.as_str()) {
        return Err(field_error("role", format!("one of {}", ROLES.join(", "))));
    }
    let password = new_password(name, &form.password, &form.password_again)?;
    let by = &session.who.name;
    let secret = desk::add_account_by(app.store.as_ref(), by, name, &form.role, password, PasswordCost::STANDARD)
        .await
        .map_err(|e| refusal("name", e))?;
    let chrome = Chrome::new(&loc, &session, Section::Accounts);
    let page = SecretPage { chrome, reset: false, name: name.to_string(), secret };
    Ok(no_store(page.render()?))
}

/// The form that activates or deactivates an account.
#[derive(Deserialize)]
pub struct ActiveForm {
    csrf: String,
    active: String,
}

/// `POST /workspace/accounts/{name}/active`: `active` is `true` or `false`. Deactivating ends the
/// account's sessions at their next request; the last active admin is never deactivated.
pub async fn set_active<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AdminAccount(session): AdminAccount,
    Path(name): Path<String>,
    Form(form): Form<ActiveForm>,
) -> Result<Response, WebError> {
    check_token(&session, &form.csrf)?;
    let active = match form.active.as_str() {
        "true" => true,
        "false" => false,
        _ => return Err(field_error("active", "true or false")),
    };
    desk::set_active(app.store.as_ref(), &session.who.name, &name, active).await.map_err(|e| refusal("active", e))?;
    Ok(see(&app, "/workspace/accounts"))
}
