//! `GET /workspace`: what waits, and the sections the account's role opens.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use lookout_store::{PageAt, ProposalFilter, ReportStore, Store, WorkspaceStore};

use super::chrome::{Chrome, Section};
use crate::error::WebError;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;

/// The workspace's home page.
#[derive(Template)]
#[template(path = "ws_home.html")]
pub struct HomePage {
    /// The frame.
    pub chrome: Chrome,
    /// Open proposals.
    pub open_proposals: u64,
    /// Statements waiting for a second account.
    pub waiting: u64,
    /// Whether four eyes is on.
    pub four_eyes: bool,
}

/// `GET /workspace`.
pub async fn home<S: Store + ReportStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
) -> Result<Response, WebError> {
    let open_proposals = app.store.proposal_page(&ProposalFilter::default(), &PageAt::First, 0).await?.total;
    let waiting = app.store.pending_count().await?;
    let page = HomePage {
        chrome: Chrome::new(&loc, &session, Section::Home),
        open_proposals,
        waiting,
        four_eyes: app.four_eyes,
    };
    Ok(no_store(page.render()?))
}
