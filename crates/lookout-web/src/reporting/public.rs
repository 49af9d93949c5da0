//! The reporter's pages: the form, the receipt, and coming back with the receipt code. Nothing
//! about the request (address, browser) is read or kept; what the reporter writes is sealed
//! before the handler returns and is never logged.

use askama::Template;
use axum::extract::{Multipart, State};
use axum::response::{Html, IntoResponse, Response};
use axum::Form;
use lookout_report::content::{Attachment, ReportContent};
use lookout_report::desk::{self, DeskError, CATEGORIES};
use lookout_report::receipt::ReceiptCode;
use lookout_store::{ReportStore, Store};
use serde::Deserialize;
use zeroize::Zeroize;

use super::text::{status_label, ReportText};
use crate::i18n::{Locale, Text};
use crate::{AppState, WebError};

/// Most attachments per message.
pub const MAX_ATTACHMENTS: usize = 5;
/// Most characters of free text.
const MAX_TEXT: usize = 20_000;

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
    /// Form token.
    pub token: String,
    /// Countries (code, name), by name.
    pub countries: Vec<(String, String)>,
    /// What was wrong with the last try.
    pub problem: Option<String>,
    /// The values entered, kept on a retry.
    pub values: Values,
}

/// Values of the form (kept when the form comes back with a problem).
#[derive(Default, Clone)]
pub struct Values {
    /// Category code.
    pub category: String,
    /// Country code.
    pub country: String,
    /// City.
    pub city: String,
    /// Month.
    pub month: String,
    /// Organisation.
    pub organisation: String,
    /// Details.
    pub details: String,
}

impl Drop for Values {
    fn drop(&mut self) {
        self.details.zeroize();
        self.city.zeroize();
        self.organisation.zeroize();
    }
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
    /// Form token.
    pub token: String,
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
    /// Form token.
    pub token: String,
    /// The code, carried in the send-more form.
    pub code: String,
    /// Status, in words.
    pub status: &'static str,
    /// Messages sent.
    pub sent: usize,
    /// Replies.
    pub replies: Vec<String>,
    /// A confirmation to show.
    pub notice: Option<&'static str>,
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

fn form_page<S>(
    app: &AppState<S>,
    loc: &Locale,
    problem: Option<String>,
    values: Values,
) -> Result<Response, WebError> {
    let page = FormPage {
        t: loc.t,
        r: ReportText::of(loc.lang),
        switch_href: loc.switch_href.clone(),
        token: app.reporting.tokens.issue("report"),
        countries: countries(app, loc),
        problem,
        values,
    };
    Ok(no_store(page.render()?))
}

/// `GET /report`.
pub async fn form<S: Store + ReportStore>(State(app): State<AppState<S>>, loc: Locale) -> Result<Response, WebError> {
    form_page(&app, &loc, None, Values::default())
}

/// A multipart message as received: its fields and sanitised attachments.
struct Received {
    /// The first attachment refused (the other fields are still read, to fill the form again).
    problem: Option<String>,
    token: String,
    code: String,
    values: Values,
    attachments: Vec<Attachment>,
}

/// Reads one attachment field whole, up to the size limit; `None` when it is larger.
async fn read_attachment(field: &mut axum::extract::multipart::Field<'_>) -> Result<Option<Vec<u8>>, String> {
    let mut bytes = Vec::new();
    let mut too_large = false;
    while let Some(chunk) =
        field.chunk().await.map_err(|e| format!("an attachment could not be read ({})", e.status()))?
    {
        too_large |= bytes.len() + chunk.len() > lookout_report::sanitize::MAX_ATTACHMENT_BYTES;
        if !too_large {
            bytes.extend_from_slice(&chunk);
        }
    }
    if too_large {
        bytes.zeroize();
        return Ok(None);
    }
    Ok(Some(bytes))
}

/// Reads a multipart body, sanitising attachments as they arrive. A refused attachment is noted
/// (by its position) and the other fields are still read.
async fn receive(mut multipart: Multipart) -> Result<Received, String> {
    let mut out = Received {
        problem: None,
        token: String::new(),
        code: String::new(),
        values: Values::default(),
        attachments: Vec::new(),
    };
    let mut files = 0;
    while let Some(mut field) =
        multipart.next_field().await.map_err(|e| format!("the form could not be read ({})", e.status()))?
    {
        let name = field.name().unwrap_or("").to_string();
        if name == "attachment" {
            let Some(mut bytes) = read_attachment(&mut field).await? else {
                files += 1;
                out.problem.get_or_insert(format!("attachment {files}: larger than 10 MB"));
                continue;
            };
            if bytes.is_empty() {
                continue; // an empty file input
            }
            files += 1;
            if files > MAX_ATTACHMENTS {
                bytes.zeroize();
                out.problem.get_or_insert(format!("at most {MAX_ATTACHMENTS} attachments"));
                continue;
            }
            let result = lookout_report::sanitize::sanitize(files, &bytes);
            bytes.zeroize();
            match result {
                Ok((media_type, clean, removed)) => {
                    out.attachments.push(Attachment { media_type: media_type.to_string(), removed, bytes: clean });
                }
                Err(e) => {
                    out.problem.get_or_insert(e.to_string());
                }
            }
            continue;
        }
        let text = field.text().await.map_err(|_| format!("field {name} is not text"))?;
        let slot = match name.as_str() {
            "csrf" => &mut out.token,
            "code" => &mut out.code,
            "category" => &mut out.values.category,
            "country" => &mut out.values.country,
            "city" => &mut out.values.city,
            "month" => &mut out.values.month,
            "organisation" => &mut out.values.organisation,
            "details" => &mut out.values.details,
            _ => continue,
        };
        *slot = text;
    }
    Ok(out)
}

/// Checks the fields of a first report; names the first problem.
fn check<S>(app: &AppState<S>, v: &Values, first: bool) -> Result<(), String> {
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

fn content(values: &Values, attachments: Vec<Attachment>) -> ReportContent {
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

/// `POST /report`: seals the report and shows the receipt code once.
pub async fn submit<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    loc: Locale,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let r = ReportText::of(loc.lang);
    if !app.reporting.submissions.allow() {
        return form_page(&app, &loc, Some(r.busy.into()), Values::default());
    }
    let received = match receive(multipart).await {
        Ok(received) => received,
        Err(problem) => return form_page(&app, &loc, Some(problem), Values::default()),
    };
    if !app.reporting.tokens.check("report", &received.token) {
        return form_page(&app, &loc, Some(r.expired.into()), received.values.clone());
    }
    if let Some(problem) = received.problem.clone() {
        return form_page(&app, &loc, Some(problem), received.values.clone());
    }
    if let Err(problem) = check(&app, &received.values, true) {
        return form_page(&app, &loc, Some(problem), received.values.clone());
    }
    let report = content(&received.values, received.attachments.clone());
    drop(received);
    let code = desk::submit(app.store.as_ref(), report).await.map_err(desk_error)?;
    let page = ReceiptPage { t: loc.t, r, switch_href: "/report".into(), code: code.display() };
    Ok(no_store(page.render()?))
}

/// Desk failures as the site shows them: never with report content (desk errors carry none).
pub fn desk_error(e: DeskError) -> WebError {
    match e {
        DeskError::Refused(why) => WebError::BadRequest(why),
        other => WebError::Internal(other.to_string()),
    }
}

fn follow_up_page<S>(app: &AppState<S>, loc: &Locale, problem: Option<&'static str>) -> Result<Response, WebError> {
    let page = FollowUpPage {
        t: loc.t,
        r: ReportText::of(loc.lang),
        switch_href: loc.switch_href.clone(),
        token: app.reporting.tokens.issue("follow-up"),
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
    csrf: String,
    code: String,
}

async fn thread_page<S: Store + ReportStore>(
    app: &AppState<S>,
    loc: &Locale,
    code: &ReceiptCode,
    notice: Option<&'static str>,
) -> Result<Response, WebError> {
    let r = ReportText::of(loc.lang);
    match desk::open_thread(app.store.as_ref(), code).await {
        Ok((_, thread)) => {
            let page = ThreadPage {
                t: loc.t,
                r,
                switch_href: "/report/follow-up".into(),
                token: app.reporting.tokens.issue("follow-up"),
                code: code.display(),
                status: status_label(loc.lang, &thread.status),
                sent: thread.sent,
                replies: thread.replies.iter().map(|x| x.text.clone()).collect(),
                notice,
            };
            Ok(no_store(page.render()?))
        }
        Err(DeskError::UnknownReceipt | DeskError::Report(lookout_report::ReportError::WrongSecret)) => {
            follow_up_page(app, loc, Some(r.bad_code))
        }
        Err(e) => Err(desk_error(e)),
    }
}

/// `POST /report/follow-up`: opens the thread of a receipt code.
pub async fn follow_up<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    loc: Locale,
    Form(form): Form<CodeForm>,
) -> Result<Response, WebError> {
    let r = ReportText::of(loc.lang);
    if !app.reporting.code_attempts.allow() {
        return follow_up_page(&app, &loc, Some(r.busy));
    }
    if !app.reporting.tokens.check("follow-up", &form.csrf) {
        return follow_up_page(&app, &loc, Some(r.expired));
    }
    let Ok(code) = ReceiptCode::parse(&form.code) else { return follow_up_page(&app, &loc, Some(r.bad_code)) };
    thread_page(&app, &loc, &code, None).await
}

/// `POST /report/follow-up/send`: adds a message to the thread of a receipt code.
pub async fn send_more<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    loc: Locale,
    multipart: Multipart,
) -> Result<Response, WebError> {
    let r = ReportText::of(loc.lang);
    if !app.reporting.submissions.allow() || !app.reporting.code_attempts.allow() {
        return follow_up_page(&app, &loc, Some(r.busy));
    }
    let received = match receive(multipart).await {
        Ok(received) => received,
        Err(problem) => return Err(WebError::BadRequest(problem)),
    };
    if !app.reporting.tokens.check("follow-up", &received.token) {
        return follow_up_page(&app, &loc, Some(r.expired));
    }
    let Ok(code) = ReceiptCode::parse(&received.code) else { return follow_up_page(&app, &loc, Some(r.bad_code)) };
    if let Some(problem) = received.problem.clone() {
        return Err(WebError::BadRequest(problem));
    }
    check(&app, &received.values, false).map_err(WebError::BadRequest)?;
    let message = content(&received.values, received.attachments.clone());
    drop(received);
    match desk::follow_up(app.store.as_ref(), &code, message).await {
        Ok(()) => thread_page(&app, &loc, &code, Some(r.sent_ok)).await,
        Err(DeskError::UnknownReceipt | DeskError::Report(lookout_report::ReportError::WrongSecret)) => {
            follow_up_page(&app, &loc, Some(r.bad_code))
        }
        Err(e) => Err(desk_error(e)),
    }
}
