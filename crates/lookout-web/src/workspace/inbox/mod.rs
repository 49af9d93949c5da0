//! The inbox: proposals from ingested documents, filtered by document, kind and status, a page
//! at a time; and accepting all of one document's open proposals in one step. A proposal's own
//! page, with accepting, rejecting and editing, is `proposal.rs`.

pub(super) mod proposal;

pub use proposal::{accept, proposal, reject};

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::Form;
use lookout_core::{Acceptance, ProposalKind, ProposalRecord, Verdict};
use lookout_store::{PageAt, ProposalFilter, ProposalReview, ReportStore, Store, StoreError, WorkspaceStore};
use serde::Deserialize;

use super::chrome::{Chrome, Section};
use super::forms::{audit, check_token, field_error, new_statement_status, see, store_refusal};
use crate::error::WebError;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;

/// Proposals per page.
const PAGE: u32 = 50;

/// The inbox's filters, as the query gives them.
#[derive(Debug, Default, Deserialize)]
pub struct InboxQuery {
    #[serde(default)]
    document: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    status: String,
    /// The page after this proposal (its id).
    #[serde(default)]
    after: String,
    /// The page before this proposal.
    #[serde(default)]
    before: String,
    /// The position of the page's first proposal, from 1, as the link to it says: shown only.
    #[serde(default)]
    from: Option<u64>,
}

/// One proposal in the list.
pub struct Row {
    /// Its id.
    pub id: String,
    /// Its kind, in words.
    pub kind: &'static str,
    /// What it proposes.
    pub summary: String,
    /// Its document's SHA-256.
    pub document: String,
    /// Who reviewed it and how, if anyone did.
    pub reviewed: Option<(String, String, String)>,
}

/// The inbox page.
#[derive(Template)]
#[template(path = "ws_inbox.html")]
pub struct InboxPage {
    /// The frame.
    pub chrome: Chrome,
    /// The document filter (a SHA-256), as given.
    pub document: String,
    /// The kind filter (a code), as given.
    pub kind: String,
    /// The status filter: `open`, `accepted` or `rejected`.
    pub status: String,
    /// The page's proposals.
    pub rows: Vec<Row>,
    /// First shown, from 1.
    pub first: u64,
    /// Last shown.
    pub last: u64,
    /// Proposals the filters select.
    pub total: u64,
    /// Link to the page before, if any.
    pub previous: Option<String>,
    /// Link to the next page.
    pub next: Option<String>,
}

/// Words for a proposal kind.
pub(super) fn kind_words(chrome: &Chrome, kind: ProposalKind) -> &'static str {
    chrome.w.inbox.kinds.iter().find(|(code, _)| *code == kind.as_str()).map_or("", |(_, w)| w)
}

fn filter_of(q: &InboxQuery) -> Result<ProposalFilter, WebError> {
    let document = q.document.trim();
    if !document.is_empty() && (document.len() != 64 || !document.bytes().all(|b| b.is_ascii_hexdigit())) {
        return Err(field_error("document", "a document is named by its SHA-256 (64 hexadecimal digits)"));
    }
    let kind = match q.kind.trim() {
        "" => None,
        k => Some(k.parse::<ProposalKind>().map_err(|e| field_error("kind", e))?),
    };
    let reviewed = match q.status.trim() {
        "" | "open" => None,
        s => Some(s.parse::<Verdict>().map_err(|e| field_error("status", e))?),
    };
    Ok(ProposalFilter { document: (!document.is_empty()).then(|| document.to_ascii_lowercase()), kind, reviewed })
}

fn row(chrome: &Chrome, r: ProposalRecord) -> Row {
    Row {
        kind: kind_words(chrome, r.proposal.kind),
        id: r.proposal.id,
        summary: r.proposal.summary,
        document: r.proposal.document,
        reviewed: r.review.map(|(v, by, at)| (v.to_string(), by, lookout_core::Timestamp::day_of(&at))),
    }
}

/// `GET /workspace/inbox`.
pub async fn list<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
    Query(q): Query<InboxQuery>,
) -> Result<Response, WebError> {
    let filter = filter_of(&q)?;
    let at = match (q.after.trim(), q.before.trim()) {
        ("", "") => PageAt::First,
        (after, "") => PageAt::After(after.to_string()),
        ("", before) => PageAt::Before(before.to_string()),
        _ => return Err(field_error("after", "a page comes either after a proposal or before one, not both")),
    };
    let found = app.store.proposal_page(&filter, &at, PAGE).await.map_err(|e| match e {
        StoreError::NotFound(why) => field_error(if q.after.trim().is_empty() { "before" } else { "after" }, why),
        other => other.into(),
    })?;
    let chrome = Chrome::new(&loc, &session, Section::Inbox);
    let shown = found.records.len() as u64;
    // The position is carried by the links for display; the first page is at 1 whatever a link says.
    let first = if found.earlier { q.from.unwrap_or(1).clamp(1, found.total.max(1)) } else { 1 };
    let status = filter.reviewed.map_or("open", |v| v.as_str()).to_string();
    let kind = filter.kind.map_or("", |k| k.as_str()).to_string();
    let document = filter.document.clone().unwrap_or_default();
    let link = |cut: &str, id: &str, from: u64| {
        format!("/workspace/inbox?document={document}&kind={kind}&status={status}&{cut}={id}&from={from}")
    };
    // An empty page after the last proposal (the rest reviewed meanwhile) links to the first.
    let previous = found.earlier.then(|| match found.records.first() {
        Some(r) => link("before", &r.proposal.id, first.saturating_sub(u64::from(PAGE)).max(1)),
        None => format!("/workspace/inbox?document={document}&kind={kind}&status={status}"),
    });
    let next = found.records.last().filter(|_| found.later).map(|r| link("after", &r.proposal.id, first + shown));
    let page = InboxPage {
        rows: found.records.into_iter().map(|r| row(&chrome, r)).collect(),
        chrome,
        first: if shown == 0 { 0 } else { first },
        last: if shown == 0 { 0 } else { first + shown - 1 },
        total: found.total,
        previous,
        next,
        document: document.clone(),
        kind: kind.clone(),
        status: status.clone(),
    };
    Ok(no_store(page.render()?))
}

/// The form that accepts all of a document's open proposals.
#[derive(Deserialize)]
pub struct AcceptAllForm {
    csrf: String,
    #[serde(default)]
    document: String,
}

/// `POST /workspace/inbox/accept-all`: every open proposal of one document, in one transaction.
pub async fn accept_all<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    Form(form): Form<AcceptAllForm>,
) -> Result<Response, WebError> {
    check_token(&session, &form.csrf)?;
    let filter = filter_of(&InboxQuery { document: form.document.clone(), ..Default::default() })?;
    let Some(document) = filter.document.clone() else {
        return Err(field_error("document", "required"));
    };
    // A document has at most 200 proposals (ingest's bound).
    let open = app.store.proposal_page(&filter, &PageAt::First, 1_000).await?.records;
    if open.is_empty() {
        return Err(field_error("document", "it has no open proposals (reviewed meanwhile?)"));
    }
    let acceptance = Acceptance { status: new_statement_status(&app), edit: None };
    let reviews: Vec<ProposalReview<'_>> = open
        .iter()
        .map(|r| ProposalReview {
            id: &r.proposal.id,
            verdict: Verdict::Accepted,
            by: &session.who.name,
            reason: None,
            acceptance: acceptance.clone(),
        })
        .collect();
    let event = audit(&session, "proposals.accepted-all", &document);
    app.store.review_proposals_as(&reviews, &event).await.map_err(store_refusal)?;
    Ok(see(&app, &format!("/workspace/inbox?document={document}&status=accepted")))
}
