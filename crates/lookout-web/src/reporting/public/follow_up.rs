//! Coming back with the receipt code: entering it, reading the replies, sending more. Each form
//! carries its token in the address it posts to; a token allows a few codes, so that nobody can
//! spend everyone's attempts.

use askama::Template;
use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::Uri;
use axum::response::Response;
use axum::Form;
use lookout_report::desk::{self, DeskError};
use lookout_report::receipt::ReceiptCode;
use lookout_store::{ReportStore, Store};
use serde::Deserialize;
use zeroize::Zeroize;

use super::{action, check, content, desk_error, intake, no_store, not_stored, token_budget, unread, INTAKE_WAIT};
use crate::error::WebError;
use crate::i18n::ReportText;
use crate::i18n::{Locale, Text};
use crate::reporting::guard::Budget;
use crate::state::AppState;

/// Entering the receipt code.
#[derive(Template)]
#[template(path = "report_follow_up.html")]
pub struct FollowUpPage {
    /// Interface text.
    pub t: &'static Text,
    /// Reporting text.
    pub r: &'static ReportText,
    /// This page in the other language.
    pub switch_href: String,
    /// Where the form posts, with its token.
    pub action: String,
    /// A problem to show.
    pub problem: Option<&'static str>,
}

/// A reporter's thread.
#[derive(Template)]
#[template(path = "report_thread.html")]
pub struct ThreadPage {
    /// Interface text.
    pub t: &'static Text,
    /// Reporting text.
    pub r: &'static ReportText,
    /// This page in the other language.
    pub switch_href: String,
    /// Where the send-more form posts, with its token.
    pub action: String,
    /// The code, carried in the send-more form.
    pub code: String,
    /// Status, in words.
    pub status: &'static str,
    /// Messages sent.
    pub sent: usize,
    /// Replies.
    pub replies: Vec<String>,
    /// A confirmation or a problem to show.
    pub notice: Option<String>,
    /// Words kept from a message that could not be taken.
    pub details: String,
}

impl Drop for ThreadPage {
    fn drop(&mut self) {
        self.details.zeroize();
        self.code.zeroize();
        self.replies.iter_mut().for_each(Zeroize::zeroize);
    }
}

fn follow_up_page<S>(app: &AppState<S>, loc: &Locale, problem: Option<&'static str>) -> Result<Response, WebError> {
    let page = FollowUpPage {
        t: loc.t,
        r: &Text::of(loc.lang).report,
        switch_href: loc.switch_href.clone(),
        action: action(app, "/report/follow-up", "follow-up"),
        problem,
    };
    Ok(no_store(page.render()?))
}

/// `GET /report/follow-up`.
pub async fn follow_up_form<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    loc: Locale,
) -> Result<Response, WebError> {
    follow_up_page(&app, &loc, None)
}

/// The code form.
#[derive(Deserialize)]
pub struct CodeForm {
    code: String,
}

impl Drop for CodeForm {
    fn drop(&mut self) {
        self.code.zeroize();
    }
}

async fn thread_page<S: Store + ReportStore>(
    app: &AppState<S>,
    loc: &Locale,
    code: &ReceiptCode,
    notice: Option<String>,
    details: &str,
) -> Result<Response, WebError> {
    let r = &Text::of(loc.lang).report;
    let Some(turn) = code_turn(app).await else { return follow_up_page(app, loc, Some(r.busy)) };
    let opened = desk::open_thread(app.store.as_ref(), code).await;
    drop(turn);
    match opened {
        Ok((_, thread)) => show_thread(app, loc, code, &thread, notice, details),
        Err(DeskError::UnknownReceipt | DeskError::Report(lookout_report::ReportError::WrongSecret)) => {
            follow_up_page(app, loc, Some(r.bad_code))
        }
        Err(e) => Err(desk_error(e)),
    }
}

fn show_thread<S>(
    app: &AppState<S>,
    loc: &Locale,
    code: &ReceiptCode,
    thread: &desk::Thread,
    notice: Option<String>,
    details: &str,
) -> Result<Response, WebError> {
    let page = ThreadPage {
        t: loc.t,
        r: &Text::of(loc.lang).report,
        switch_href: "/report/follow-up".into(),
        action: action(app, "/report/follow-up/send", "follow-up"),
        code: code.display(),
        status: Text::of(loc.lang).report_status(&thread.status),
        sent: thread.sent,
        replies: thread.replies.iter().map(|x| x.text.clone()).collect(),
        notice,
        details: details.to_string(),
    };
    Ok(no_store(page.render()?))
}

/// Why a post of these forms is not admitted.
enum NotAdmitted {
    /// No valid token.
    Expired,
    /// The token's or the site's budget is spent.
    Busy,
}

/// The token check every post of these forms starts with: the token's nonce, or why not.
fn admit<S>(app: &AppState<S>, uri: &Uri) -> Result<String, NotAdmitted> {
    match token_budget(app, uri, "follow-up") {
        None => Err(NotAdmitted::Expired),
        Some((nonce, Budget::Allowed)) => Ok(nonce),
        Some(_) => Err(NotAdmitted::Busy),
    }
}

/// Longest a receipt code waits for its turn to be checked.
const CODE_WAIT: std::time::Duration = std::time::Duration::from_secs(45);

/// Waits for a turn to check a receipt code (first come, first served).
async fn code_turn<S>(app: &AppState<S>) -> Option<tokio::sync::SemaphorePermit<'_>> {
    tokio::time::timeout(CODE_WAIT, app.reporting.code_checks.acquire()).await.ok()?.ok()
}

fn not_admitted<S>(app: &AppState<S>, loc: &Locale, why: NotAdmitted) -> Result<Response, WebError> {
    let r = &Text::of(loc.lang).report;
    match why {
        NotAdmitted::Expired => unread(follow_up_page(app, loc, Some(r.expired))),
        NotAdmitted::Busy => follow_up_page(app, loc, Some(r.busy)),
    }
}

/// `POST /report/follow-up?form=TOKEN`: opens the thread of a receipt code.
pub async fn follow_up<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    loc: Locale,
    uri: Uri,
    request: Request,
) -> Result<Response, WebError> {
    let r = &Text::of(loc.lang).report;
    if let Err(why) = admit(&app, &uri) {
        return not_admitted(&app, &loc, why);
    }
    let Form(form) = Form::<CodeForm>::from_request(request, &app)
        .await
        .map_err(|e| WebError::BadRequest(format!("the form could not be read ({})", e.status())))?;
    let Ok(code) = ReceiptCode::parse(&form.code) else { return follow_up_page(&app, &loc, Some(r.bad_code)) };
    thread_page(&app, &loc, &code, None, "").await
}

/// `POST /report/follow-up/send?form=TOKEN`: adds a message to the thread of a receipt code.
pub async fn send_more<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    loc: Locale,
    uri: Uri,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let r = &Text::of(loc.lang).report;
    let nonce = match admit(&app, &uri) {
        Ok(nonce) => nonce,
        Err(why) => return not_admitted(&app, &loc, why),
    };
    let slot = tokio::time::timeout(INTAKE_WAIT, app.reporting.intake.acquire()).await.ok().and_then(Result::ok);
    let loaded = slot.is_none() || !app.reporting.submissions.allow();
    let received = intake::receive(multipart, !loaded).await.map_err(WebError::BadRequest)?;
    let Ok(code) = ReceiptCode::parse(&received.code) else { return follow_up_page(&app, &loc, Some(r.bad_code)) };
    let problem = if loaded {
        Some(r.busy_kept.to_string())
    } else if let Some(problem) = received.problem.clone() {
        Some(problem)
    } else {
        check(&app, &received.values, false).err()
    };
    if let Some(problem) = problem {
        return thread_page(&app, &loc, &code, Some(problem), &received.values.details).await;
    }
    let intake::Received { values, files, .. } = received;
    let attachments = match intake::clean_files(&app, files).await {
        Ok(attachments) => attachments,
        Err(problem) => return thread_page(&app, &loc, &code, Some(problem), &values.details).await,
    };
    if !intake::fits_quota(&app, &attachments).await.map_err(WebError::Internal)? {
        return thread_page(&app, &loc, &code, Some(r.storage_full.to_string()), &values.details).await;
    }
    if !app.reporting.budgets.claim(&nonce) {
        return thread_page(&app, &loc, &code, Some(r.already_sent.to_string()), "").await;
    }
    let message = content(&values, attachments);
    drop(slot);
    let sent = match code_turn(&app).await {
        Some(_turn) => desk::follow_up(app.store.as_ref(), &code, message).await,
        None => Err(DeskError::Refused(r.busy_kept.to_string())),
    };
    match sent {
        Ok(thread) => show_thread(&app, &loc, &code, &thread, Some(r.sent_ok.to_string()), ""),
        Err(DeskError::UnknownReceipt | DeskError::Report(lookout_report::ReportError::WrongSecret)) => {
            app.reporting.budgets.release(&nonce);
            follow_up_page(&app, &loc, Some(r.bad_code))
        }
        Err(e) => {
            app.reporting.budgets.release(&nonce);
            thread_page(&app, &loc, &code, Some(not_stored(r, e)), &values.details).await
        }
    }
}
