//! The reporter's pages: the form and its receipt ([`submit`]), and coming back with the receipt
//! code ([`follow_up`]). Nothing about the request (address, browser) is read or kept; what the
//! reporter writes is sealed before the handler returns and is never logged.
//!
//! Every post is checked in this order, each step before any cost of the next: the form's token
//! (in the address, so a post without one is refused before its body is read), the token's own
//! budget, then the site-wide rate. A refusal for load still reads the words, to give them back.

pub(crate) mod follow_up;
mod intake;

pub(crate) use intake::Values;

use askama::Template;
use axum::extract::{Multipart, State};
use axum::http::Uri;
use axum::response::{Html, IntoResponse, Response};
use lookout_report::content::{Attachment, ReportContent};
use lookout_report::desk::{self, DeskError, CATEGORIES};
use lookout_store::{ReportStore, Store};

use super::guard::{form_parameter, Budget};
use crate::error::WebError;
use crate::i18n::ReportText;
use crate::i18n::{Locale, Text};
use crate::state::AppState;

/// Most characters of free text.
const MAX_TEXT: usize = 20_000;
/// Longest a report waits for one of the intake slots (which bound the memory that reports being
/// received and cleaned hold) before it is refused for load, its words kept.
pub(super) const INTAKE_WAIT: std::time::Duration = std::time::Duration::from_secs(20);

/// The report form.
#[derive(Template)]
#[template(path = "report_form.html")]
pub struct FormPage {
    /// Interface text.
    pub t: &'static Text,
    /// Reporting text.
    pub r: &'static ReportText,
    /// This page in the other language.
    pub switch_href: String,
    /// Where the form posts, with its token.
    pub action: String,
    /// Countries (code, name), by name.
    pub countries: Vec<(String, String)>,
    /// What was wrong with the last try.
    pub problem: Option<String>,
    /// The values entered, kept on a retry.
    pub values: Values,
    /// Whether a reviewer can receive reports; if not, the form is not shown (no one could read
    /// what would be written in it).
    pub receiving: bool,
}

/// The receipt.
#[derive(Template)]
#[template(path = "report_receipt.html")]
pub struct ReceiptPage {
    /// Interface text.
    pub t: &'static Text,
    /// Reporting text.
    pub r: &'static ReportText,
    /// This page in the other language (the form: the receipt is shown once).
    pub switch_href: String,
    /// The code, grouped.
    pub code: String,
}

fn no_store(html: String) -> Response {
    ([(axum::http::header::CACHE_CONTROL, "no-store")], Html(html)).into_response()
}

fn countries<S>(app: &AppState<S>, loc: &Locale) -> Vec<(String, String)> {
    let names = app.localized(loc.lang);
    let mut out: Vec<(String, String)> = app.countries.iter().map(|c| (c.iso2.clone(), names.name(&c.iso2))).collect();
    out.sort_by(|a, b| a.1.cmp(&b.1));
    out
}

/// `path?form=TOKEN`, a fresh token of `purpose`.
pub(super) fn action<S>(app: &AppState<S>, path: &str, purpose: &str) -> String {
    format!("{path}?form={}", app.reporting.tokens.issue(purpose))
}

async fn form_page<S: ReportStore>(
    app: &AppState<S>,
    loc: &Locale,
    problem: Option<String>,
    values: Values,
) -> Result<Response, WebError> {
    let receiving = receiving(app).await?;
    let page = FormPage {
        t: loc.t,
        r: &Text::of(loc.lang).report,
        switch_href: loc.switch_href.clone(),
        action: action(app, "/report", "report"),
        countries: countries(app, loc),
        problem,
        values,
        receiving,
    };
    Ok(no_store(page.render()?))
}

/// Whether any account can read reports (an active reviewer or admin with a key).
pub(crate) async fn receiving<S: ReportStore>(app: &AppState<S>) -> Result<bool, WebError> {
    Ok(!app.store.report_recipients().await?.is_empty())
}

/// `GET /report`.
pub async fn form<S: Store + ReportStore>(State(app): State<AppState<S>>, loc: Locale) -> Result<Response, WebError> {
    form_page(&app, &loc, None, Values::default()).await
}

/// The token of a public form's post and what its budget allows; `None` when there is no valid
/// token of `purpose`.
pub(super) fn token_budget<S>(app: &AppState<S>, uri: &Uri, purpose: &str) -> Option<(String, Budget)> {
    let nonce = app.reporting.tokens.check(purpose, form_parameter(uri.query())?)?;
    let budget = app.reporting.budgets.take(&nonce);
    Some((nonce, budget))
}

/// A refusal of a post that carries no valid form token, answered without reading its body: the
/// form again (with a fresh token) and a 403, asking the client to close the connection rather
/// than send the rest.
pub(super) fn unread(page: Result<Response, WebError>) -> Result<Response, WebError> {
    let mut response = page?;
    *response.status_mut() = axum::http::StatusCode::FORBIDDEN;
    response.headers_mut().insert(axum::http::header::CONNECTION, axum::http::HeaderValue::from_static("close"));
    Ok(response)
}

/// Checks the fields of a report or follow-up; names the first problem.
pub(super) fn check<S>(app: &AppState<S>, v: &Values, first: bool) -> Result<(), String> {
    if first && !CATEGORIES.contains(&v.category.as_str()) {
        return Err("category: choose what happened".into());
    }
    if first && !v.country.is_empty() && app.countries.get(&v.country).is_none() {
        return Err("country: not a country".into());
    }
    if !v.month.is_empty() && (v.month.len() != 7 || v.month.parse::<lookout_core::PartialDate>().is_err()) {
        return Err("month: YYYY-MM".into());
    }
    if v.city.chars().count() > 100 || v.organisation.chars().count() > 200 {
        return Err("city or organisation: too long".into());
    }
    if v.details.trim().is_empty() {
        return Err("details: tell what happened".into());
    }
    if v.details.chars().count() > MAX_TEXT {
        return Err(format!("details: at most {MAX_TEXT} characters"));
    }
    Ok(())
}

pub(super) fn content(values: &Values, attachments: Vec<Attachment>) -> ReportContent {
    let mut c = ReportContent::default();
    c.category = values.category.clone();
    c.country = values.country.clone();
    c.city = values.city.trim().to_string();
    c.month = values.month.clone();
    c.organisation = values.organisation.trim().to_string();
    c.text = values.details.clone();
    c.attachments = attachments;
    c
}

/// `POST /report?form=TOKEN`: seals the report and shows the receipt code once.
pub async fn submit<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    loc: Locale,
    uri: Uri,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let r = &Text::of(loc.lang).report;
    if !receiving(&app).await? {
        // No one could read it: refused before its body is read, with the notice the form shows.
        let mut response = form_page(&app, &loc, None, Values::default()).await?;
        *response.status_mut() = axum::http::StatusCode::SERVICE_UNAVAILABLE;
        response.headers_mut().insert(axum::http::header::CONNECTION, axum::http::HeaderValue::from_static("close"));
        return Ok(response);
    }
    let Some((nonce, budget)) = token_budget(&app, &uri, "report") else {
        return unread(form_page(&app, &loc, Some(r.expired.into()), Values::default()).await);
    };
    match budget {
        Budget::Allowed => {}
        Budget::Spent => return form_page(&app, &loc, Some(r.already_sent.into()), Values::default()).await,
        Budget::Exhausted => return form_page(&app, &loc, Some(r.busy.into()), Values::default()).await,
    }
    let slot = tokio::time::timeout(INTAKE_WAIT, app.reporting.intake.acquire()).await.ok().and_then(Result::ok);
    if slot.is_none() || !app.reporting.submissions.allow() {
        let received = intake::receive(multipart, false).await.map_err(WebError::BadRequest)?;
        return form_page(&app, &loc, Some(r.busy_kept.into()), received.values.clone()).await;
    }
    let received = match intake::receive(multipart, true).await {
        Ok(received) => received,
        Err(problem) => return form_page(&app, &loc, Some(problem), Values::default()).await,
    };
    if let Some(problem) = received.problem.clone() {
        return form_page(&app, &loc, Some(problem), received.values.clone()).await;
    }
    if let Err(problem) = check(&app, &received.values, true) {
        return form_page(&app, &loc, Some(problem), received.values.clone()).await;
    }
    let intake::Received { values, files, .. } = received;
    let attachments = match intake::clean_files(&app, files).await {
        Ok(attachments) => attachments,
        Err(problem) => return form_page(&app, &loc, Some(problem), values).await,
    };
    if !intake::fits_quota(&app, &attachments).await.map_err(WebError::Internal)? {
        return form_page(&app, &loc, Some(r.storage_full.into()), values).await;
    }
    // One report per form, even when it is sent twice at once.
    if !app.reporting.budgets.claim(&nonce) {
        return form_page(&app, &loc, Some(r.already_sent.into()), Values::default()).await;
    }
    let report = content(&values, attachments);
    drop(slot);
    match desk::submit(app.store.as_ref(), report).await {
        Ok(code) => {
            let page = ReceiptPage { t: loc.t, r, switch_href: "/report".into(), code: code.display() };
            Ok(no_store(page.render()?))
        }
        Err(e) => {
            app.reporting.budgets.release(&nonce);
            form_page(&app, &loc, Some(not_stored(r, e)), values).await
        }
    }
}

/// What a reporter is told when their report could not be stored: the reason when the desk
/// refused it, else that it could not be stored just now (the error is logged, without content).
pub(super) fn not_stored(r: &ReportText, e: DeskError) -> String {
    match e {
        DeskError::Refused(why) => why,
        other => {
            eprintln!("lookout-web: a report could not be stored: {other}");
            r.not_stored.to_string()
        }
    }
}

/// Desk failures as the site shows them: never with report content (desk errors carry none).
pub fn desk_error(e: DeskError) -> WebError {
    match e {
        DeskError::Refused(why) => WebError::BadRequest(why),
        other => WebError::Internal(other.to_string()),
    }
}
