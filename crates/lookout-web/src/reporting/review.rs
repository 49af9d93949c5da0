//! The reviewers' pages (signing in is in `sign_in.rs`): the list of reports, a report's
//! decrypted thread with its actions, and the audit log. Each handler's extractor says which roles may
//! call it; every action is in the audit log; every form carries the session's token.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::Form;
use lookout_report::desk::{self, Message, CATEGORIES, STATUSES};
use lookout_store::{ReportRecord, ReportStore, Store};
use serde::Deserialize;

use super::public::desk_error;
use super::session::{AdminAccount, AnyAccount, ReviewerAccount, Session};
use crate::error::WebError;
use crate::i18n::review::ReviewText;
use crate::i18n::{Locale, Text};
use crate::state::AppState;

/// The list of reports.
#[derive(Template)]
#[template(path = "review_list.html")]
pub struct ListPage {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// Who is signed in.
    pub name: String,
    /// Their role.
    pub role: String,
    /// Whether they may open reports.
    pub reads: bool,
    /// The session's form token.
    pub csrf: String,
    /// Reports.
    pub reports: Vec<ReportRecord>,
}

/// One message as a reviewer sees it.
pub struct MessageView {
    /// Position.
    pub seq: usize,
    /// `reporter` or `reviewer`.
    pub author: &'static str,
    /// Coarse fields, as label: value.
    pub fields: Vec<(&'static str, String)>,
    /// The text.
    pub text: String,
    /// Attachments.
    pub attachments: Vec<AttachmentView>,
}

/// An attachment as a reviewer sees it: what it is and exactly what was removed from it.
pub struct AttachmentView {
    /// Position in its message, from 1.
    pub n: usize,
    /// Media type.
    pub media_type: String,
    /// Size, bytes.
    pub size: usize,
    /// What was removed, in words.
    pub removed: Vec<String>,
}

/// A report's page.
#[derive(Template)]
#[template(path = "review_report.html")]
pub struct ReportPage {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// The session's form token.
    pub csrf: String,
    /// The report.
    pub report: ReportRecord,
    /// Its thread.
    pub messages: Vec<MessageView>,
    /// Statuses a reviewer can set.
    pub statuses: &'static [&'static str],
    /// Categories.
    pub categories: &'static [&'static str],
}

/// The audit log page.
#[derive(Template)]
#[template(path = "review_audit.html")]
pub struct AuditPage {
    /// Interface text.
    pub t: &'static Text,
    /// This page in the other language.
    pub switch_href: String,
    /// Whether the chain verifies, in words.
    pub verdict: String,
    /// Rows.
    pub rows: Vec<lookout_store::AuditRow>,
}

impl ListPage {
    /// A workflow status in words.
    pub fn status_words<'a>(&self, code: &'a str) -> &'a str {
        ReviewText::word(&self.t.review.statuses, code)
    }
}

impl ReportPage {
    /// A workflow status in words.
    pub fn status_words<'a>(&self, code: &'a str) -> &'a str {
        ReviewText::word(&self.t.review.statuses, code)
    }

    /// A message's author in words.
    pub fn author_words<'a>(&self, code: &'a str) -> &'a str {
        ReviewText::word(&self.t.review.authors, code)
    }

    /// A reporter's coarse field's name in words.
    pub fn field_words<'a>(&self, code: &'a str) -> &'a str {
        ReviewText::word(&self.t.review.fields, code)
    }

    /// A category in words.
    pub fn category_words<'a>(&self, code: &'a str) -> &'a str {
        ReviewText::word(&self.t.report.categories, code)
    }
}

pub(crate) fn no_store(html: String) -> Response {
    ([(header::CACHE_CONTROL, "no-store")], Html(html)).into_response()
}

pub(crate) fn check_csrf(session: &Session, token: &str) -> Result<(), WebError> {
    if lookout_report::constant_time_eq(session.csrf.as_bytes(), token.as_bytes()) {
        Ok(())
    } else {
        Err(WebError::BadRequest("the form's token does not match your session: reload the page".into()))
    }
}

/// `GET /review`: every report's workflow fields (never its contents).
pub async fn list<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
) -> Result<Response, WebError> {
    let reports = app.store.reports().await?;
    let page = ListPage {
        t: loc.t,
        switch_href: loc.switch_href,
        name: session.who.name.clone(),
        role: session.who.role.clone(),
        reads: matches!(session.who.role.as_str(), "reviewer" | "admin"),
        csrf: session.csrf.clone(),
        reports,
    };
    Ok(no_store(page.render()?))
}

fn view(seq: usize, message: Message) -> MessageView {
    match message {
        Message::Reviewer(reply) => MessageView {
            seq,
            author: "reviewer",
            fields: Vec::new(),
            text: reply.text.clone(),
            attachments: Vec::new(),
        },
        Message::Reporter(c) => MessageView {
            seq,
            author: "reporter",
            fields: [
                ("category", &c.category),
                ("country", &c.country),
                ("city", &c.city),
                ("month", &c.month),
                ("organisation", &c.organisation),
            ]
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| (k, v.clone()))
            .collect(),
            text: c.text.clone(),
            attachments: c
                .attachments
                .iter()
                .enumerate()
                .map(|(i, a)| AttachmentView {
                    n: i + 1,
                    media_type: a.media_type.clone(),
                    size: a.bytes.len(),
                    removed: a.removed.iter().map(|r| r.describe()).collect(),
                })
                .collect(),
        },
    }
}

/// `GET /review/reports/{id}`: the decrypted thread, with the reviewer's identity in memory.
pub async fn report<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    ReviewerAccount(session): ReviewerAccount,
    loc: Locale,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let (report, messages) = desk::read_report(app.store.as_ref(), &session.who, &id).await.map_err(|e| match e {
        desk::DeskError::Refused(why) => WebError::NotFound(why),
        other => desk_error(other),
    })?;
    let page = ReportPage {
        t: loc.t,
        switch_href: loc.switch_href,
        csrf: session.csrf.clone(),
        report,
        messages: messages.into_iter().enumerate().map(|(i, m)| view(i + 1, m)).collect(),
        statuses: STATUSES,
        categories: CATEGORIES,
    };
    Ok(no_store(page.render()?))
}

/// `GET /review/reports/{id}/attachments/{seq}/{n}`: one sanitised attachment, decrypted in memory.
pub async fn attachment<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    ReviewerAccount(session): ReviewerAccount,
    Path((id, seq, n)): Path<(String, usize, usize)>,
) -> Result<Response, WebError> {
    let (_, messages) = desk::read_report(app.store.as_ref(), &session.who, &id).await.map_err(desk_error)?;
    let Some(Message::Reporter(content)) = messages.into_iter().nth(seq.wrapping_sub(1)) else {
        return Err(WebError::NotFound("no such message".into()));
    };
    let a =
        content.attachments.get(n.wrapping_sub(1)).ok_or_else(|| WebError::NotFound("no such attachment".into()))?;
    let extension = match a.media_type.as_str() {
        "image/jpeg" => "jpg",
        "image/png" => "png",
        _ => "pdf",
    };
    Ok((
        [
            (header::CONTENT_TYPE, a.media_type.clone()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{id}-{seq}-{n}.{extension}\"")),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        axum::body::Body::from(axum::body::Bytes::from_owner(a.bytes.clone())),
    )
        .into_response())
}

/// The reply form.
#[derive(Deserialize)]
pub struct ReplyForm {
    csrf: String,
    text: String,
}

/// `POST /review/reports/{id}/reply`.
pub async fn reply<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    ReviewerAccount(session): ReviewerAccount,
    Path(id): Path<String>,
    Form(form): Form<ReplyForm>,
) -> Result<Response, WebError> {
    check_csrf(&session, &form.csrf)?;
    if form.text.trim().is_empty() || form.text.chars().count() > 20_000 {
        return Err(WebError::BadRequest("text: 1 to 20,000 characters".into()));
    }
    desk::reply(app.store.as_ref(), &session.who, &id, form.text.trim()).await.map_err(desk_error)?;
    Ok(Redirect::to(&format!("/review/reports/{id}")).into_response())
}

/// The status form.
#[derive(Deserialize)]
pub struct StatusForm {
    csrf: String,
    status: String,
    #[serde(default)]
    linked: String,
}

/// `POST /review/reports/{id}/status`.
pub async fn status<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    ReviewerAccount(session): ReviewerAccount,
    Path(id): Path<String>,
    Form(form): Form<StatusForm>,
) -> Result<Response, WebError> {
    check_csrf(&session, &form.csrf)?;
    let linked = form.linked.trim();
    if !linked.is_empty() {
        // A link names a station, bureau or organisation of the record.
        let entity = lookout_core::EntityId::new(linked).map_err(|e| WebError::BadRequest(format!("linked: {e}")))?;
        let schema = app.store.entity(&entity).await?.map(|r| r.entity.schema);
        if !matches!(
            schema,
            Some(lookout_core::Schema::Station | lookout_core::Schema::PublicBody | lookout_core::Schema::Organization)
        ) {
            return Err(WebError::BadRequest(format!("linked: no station, bureau or organisation {linked}")));
        }
    }
    desk::set_status(app.store.as_ref(), &session.who, &id, &form.status, Some(linked)).await.map_err(desk_error)?;
    Ok(Redirect::to(&format!("/review/reports/{id}")).into_response())
}

/// The publish form.
#[derive(Deserialize)]
pub struct PublishForm {
    csrf: String,
    country: String,
    category: String,
    month: String,
}

/// `POST /review/reports/{id}/publish`: a pseudonymous incident with coarse fields only.
pub async fn publish<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    ReviewerAccount(session): ReviewerAccount,
    Path(id): Path<String>,
    Form(form): Form<PublishForm>,
) -> Result<Response, WebError> {
    check_csrf(&session, &form.csrf)?;
    desk::publish(app.store.as_ref(), &session.who, &id, form.country.trim(), &form.category, form.month.trim())
        .await
        .map_err(desk_error)?;
    Ok(Redirect::to(&format!("/review/reports/{id}")).into_response())
}

/// `GET /review/audit`: the audit log and whether its chain verifies.
pub async fn audit<S: Store + ReportStore>(
    State(app): State<AppState<S>>,
    AdminAccount(_session): AdminAccount,
    loc: Locale,
) -> Result<Response, WebError> {
    let words = &loc.t.review;
    let verdict = match desk::verify_audit(app.store.as_ref(), None).await {
        Ok(check) => format!("{}{}{}", words.verifies[0], check.entries, words.verifies[1]),
        Err(e) => format!("{} {e}", words.broken),
    };
    let rows = app.store.audit_log().await?;
    let page = AuditPage { t: loc.t, switch_href: loc.switch_href, verdict, rows };
    Ok(no_store(page.render()?))
}
