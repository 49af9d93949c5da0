//! Signing in and out of the review pages: the password and TOTP form, whose token travels in
//! the address it posts to, with budgets per form, per account, per browser the account signed in
//! from before (a device cookie) and for the site.

use askama::Template;
use axum::extract::{FromRequest, Request, State};
use axum::http::{header, HeaderMap, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use lookout_report::desk;
use lookout_store::{ReportStore, Store};
use serde::Deserialize;

use super::guard::Budget;
use super::public::{action, token_budget};
use super::review::{check_csrf, no_store};
use super::session::{cookie, cookie_token, AnyAccount, COOKIE, LIFETIME};
use crate::error::WebError;
use crate::i18n::{Locale, Text};
use crate::state::AppState;

/// Sign-in page.
#[derive(Template)]
#[template(path = "review_login.html")]
pub struct LoginPage {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// Where the form posts, with its token.
    pub action: String,
    /// A problem.
    pub problem: Option<&'static str>,
}

fn login_page<S>(app: &AppState<S>, loc: &Locale, problem: Option<&'static str>) -> Result<Response, WebError> {
    let page = LoginPage {
        t: loc.t,
        switch_href: loc.switch_href.clone(),
        action: action(app, "/review/login", "login"),
        problem,
    };
    Ok(no_store(page.render()?))
}

/// `GET /review/login`.
pub async fn login_form<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    loc: Locale,
) -> Result<Response, WebError> {
    login_page(&app, &loc, None)
}

/// The sign-in form.
#[derive(Deserialize)]
pub struct LoginForm {
    name: String,
    password: String,
    code: String,
}

impl Drop for LoginForm {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.password.zeroize();
        self.code.zeroize();
    }
}

/// The cookie that marks a browser an account signed in from before.
pub const DEVICE_COOKIE: &str = "lookout_device";

/// `POST /review/login?form=TOKEN`. The form's token and budget are checked before the body is
/// read; then a browser this account signed in from before (its device cookie) has its own
/// budget, so that an attacker who spends the account's and the site's budgets does not lock the
/// reviewer out; only then is the password hashed.
pub async fn login<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    loc: Locale,
    uri: Uri,
    headers: HeaderMap,
    request: Request,
) -> Result<Response, WebError> {
    match token_budget(&app, &uri, "login") {
        Some((_, Budget::Allowed)) => {}
        Some(_) => return login_page(&app, &loc, Some(loc.t.review.too_many)),
        None => return login_page(&app, &loc, Some(loc.t.review.form_expired)),
    }
    let Form(form) = Form::<LoginForm>::from_request(request, &app)
        .await
        .map_err(|e| WebError::BadRequest(format!("the form could not be read ({})", e.status())))?;
    let name = form.name.trim().to_string();
    if name.is_empty()
        || name.len() > 64
        || !name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        // No account has such a name; it is not used as a key anywhere.
        return login_page(&app, &loc, Some(loc.t.review.not_accepted));
    }
    let device = cookie(&headers, DEVICE_COOKIE).and_then(|c| app.reporting.tokens.check_device(&name, &c));
    let allowed = match &device {
        Some(id) => app.reporting.device_logins.allow(id),
        None if !app.reporting.account_logins.allow(&name) => {
            return login_page(&app, &loc, Some(loc.t.review.too_many_for_account));
        }
        None => app.reporting.logins.allow(),
    };
    if !allowed {
        return login_page(&app, &loc, Some(loc.t.review.too_many));
    }
    let first_use = |account: &str, step: u64| app.reporting.first_use_of_totp(account, step);
    let who = match desk::sign_in(app.store.as_ref(), &name, &form.password, &form.code, first_use).await {
        Ok(who) => who,
        Err(desk::DeskError::CodeUsed) => return login_page(&app, &loc, Some(loc.t.review.wait)),
        Err(_) => return login_page(&app, &loc, Some(loc.t.review.not_accepted)),
    };
    let token = app.reporting.sessions.start(who);
    // Secure when a TLS-terminating proxy says the request came over HTTPS.
    let secure =
        if headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()) == Some("https") { "; Secure" } else { "" };
    let session =
        format!("{COOKIE}={token}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{secure}", LIFETIME.as_secs());
    let device = format!(
        "{DEVICE_COOKIE}={}; Path=/review; Max-Age=31536000; HttpOnly; SameSite=Strict{secure}",
        app.reporting.tokens.issue_device(&name)
    );
    let cookies = axum::response::AppendHeaders([(header::SET_COOKIE, session), (header::SET_COOKIE, device)]);
    Ok((cookies, Redirect::to("/workspace")).into_response())
}

/// A form with only the session token.
#[derive(Deserialize)]
pub struct TokenForm {
    csrf: String,
}

/// `POST /review/logout`.
pub async fn logout<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    parts: axum::http::request::Parts,
    Form(form): Form<TokenForm>,
) -> Result<Response, WebError> {
    check_csrf(&session, &form.csrf)?;
    if let Some(token) = cookie_token(&parts) {
        app.reporting.sessions.end(&token);
    }
    let cookie = format!("{COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
    Ok(([(header::SET_COOKIE, cookie)], Redirect::to("/review/login")).into_response())
}
