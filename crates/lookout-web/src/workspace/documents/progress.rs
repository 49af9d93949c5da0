//! `GET /workspace/documents/uploads/{id}`: where an upload stands, file by file. While it is
//! read the page refreshes itself (`<meta http-equiv="refresh">`, no JavaScript); once done it
//! links each document read to its page and its proposals in the inbox. Only the account that
//! uploaded sees it.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lookout_store::CurationStore;

use super::human_size;
use super::jobs::{FileOutcome, JobState};
use crate::error::WebError;
use crate::i18n::workspace::WsDocumentsText;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;
use crate::workspace::chrome::{Chrome, RefreshQuery, Section};

/// A file's line on the page.
pub struct FileLine {
    /// Its name.
    pub name: String,
    /// Its size, in words.
    pub size: String,
    /// `waiting`, `reading`, `read` or `failed`.
    pub state: &'static str,
    /// Its document, once read.
    pub sha256: Option<String>,
    /// Proposals, once read.
    pub proposals: usize,
    /// Mentions, once read.
    pub mentions: usize,
    /// Why it failed.
    pub problem: String,
}

/// The upload's page.
#[derive(Template)]
#[template(path = "ws_upload.html")]
pub struct UploadPage {
    /// The frame.
    pub chrome: Chrome,
    /// The section's words.
    pub d: &'static WsDocumentsText,
    /// `queued`, `running`, `done` or `stopped`.
    pub state: &'static str,
    /// Why it stopped.
    pub problem: String,
    /// Its files.
    pub files: Vec<FileLine>,
    /// Seconds since it was received.
    pub elapsed: u64,
    /// Whether the work runs (the page may refresh itself).
    pub refresh: bool,
    /// Whether the reader lets it refresh itself.
    pub auto_refresh: bool,
}

/// `GET /workspace/documents/uploads/{id}`.
pub async fn page<S: CurationStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
    Path(id): Path<String>,
    axum::extract::Query(choice): axum::extract::Query<RefreshQuery>,
) -> Result<Response, WebError> {
    let job = app.uploads.job(&id, &session.who.name).ok_or_else(|| WebError::NotFound("this upload".into()))?;
    let (state, problem) = match &job.state {
        JobState::Queued => ("queued", String::new()),
        JobState::Running => ("running", String::new()),
        JobState::Done => ("done", String::new()),
        JobState::Stopped(why) => ("stopped", why.clone()),
    };
    let mut reading_marked = false;
    let files = job
        .files
        .iter()
        .map(|f| {
            let mut line = FileLine {
                name: f.name.clone(),
                size: human_size(f.size),
                state: "waiting",
                sha256: None,
                proposals: 0,
                mentions: 0,
                problem: String::new(),
            };
            match &f.outcome {
                FileOutcome::Waiting if state == "running" && !reading_marked => {
                    reading_marked = true;
                    line.state = "reading";
                }
                FileOutcome::Waiting => {}
                FileOutcome::Read { sha256, proposals, mentions } => {
                    line.state = "read";
                    line.sha256 = Some(sha256.clone());
                    (line.proposals, line.mentions) = (*proposals, *mentions);
                }
                FileOutcome::Failed(why) => {
                    line.state = "failed";
                    line.problem = why.clone();
                }
            }
            line
        })
        .collect();
    let page = UploadPage {
        chrome: Chrome::new(&loc, &session, Section::Documents),
        d: &loc.t.ws.documents,
        refresh: matches!(state, "queued" | "running"),
        auto_refresh: choice.auto(),
        state,
        problem,
        files,
        elapsed: job.received.elapsed().as_secs(),
    };
    Ok(no_store(page.render()?))
}
