//! The analysts' workspace (`/workspace`): one signed-in area where documents come in, proposals
//! are reviewed, statements are added, confirmed and withdrawn, sources judged and duplicates
//! decided. Sections open by role (analysts and up; reports for reviewers and admins; accounts
//! for admins); the sessions, form tokens and rate limits are protected reporting's
//! (`reporting/session.rs`, `reporting/sign_in.rs`). Every write is one store transaction with
//! its audit entry. Four eyes (`LOOKOUT_FOUR_EYES`, on by default): what one account adds or
//! accepts is recorded pending, and becomes public when a different account confirms it.

mod accounts;
mod chrome;
mod confirm;
pub(crate) mod documents;
mod duplicates;
mod forms;
mod home;
mod inbox;
mod names;
mod record;
mod sources;
mod values;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use lookout_store::{CurationStore, DocumentStore, ReportStore, Store, WorkspaceStore};

use crate::state::AppState;

/// The workspace's routes.
pub(crate) fn router<S: Store + ReportStore + DocumentStore + WorkspaceStore + CurationStore>() -> Router<AppState<S>> {
    Router::new()
        .route("/workspace", get(home::home::<S>))
        .route("/workspace/inbox", get(inbox::list::<S>))
        .route("/workspace/inbox/accept-all", post(inbox::accept_all::<S>))
        .route("/workspace/inbox/{id}", get(inbox::proposal::<S>))
        .route("/workspace/inbox/{id}/accept", post(inbox::accept::<S>))
        .route("/workspace/inbox/{id}/reject", post(inbox::reject::<S>))
        .route("/workspace/confirm", get(confirm::list::<S>))
        .route("/workspace/confirm/{id}", get(confirm::page::<S>).post(confirm::decide::<S>))
        .route("/workspace/record", get(record::find::<S>))
        .route("/workspace/record/new", get(record::create::form::<S>).post(record::create::create::<S>))
        .route("/workspace/record/{id}", get(record::entity::<S>))
        .route("/workspace/record/{id}/statements", post(record::add::add::<S>))
        .route("/workspace/record/{id}/withdraw", post(record::withdraw::<S>))
        .route("/workspace/record/{id}/public-figure", post(record::publicity::mark::<S>))
        .route(
            "/workspace/documents",
            get(documents::list::<S>)
                .post(documents::upload::upload::<S>)
                .layer(DefaultBodyLimit::max(documents::upload::UPLOAD_BODY_LIMIT)),
        )
        .route("/workspace/documents/uploads/{id}", get(documents::progress::page::<S>))
        .route("/workspace/documents/{sha256}", get(documents::page::page::<S>))
        .route("/workspace/documents/{sha256}/original", get(documents::page::original::<S>))
        .route("/workspace/sources", get(sources::find::<S>))
        .route("/workspace/sources/{id}", get(sources::page::<S>))
        .route("/workspace/sources/{id}/judge", post(sources::judge::judge::<S>))
        .route("/workspace/duplicates", get(duplicates::candidates::<S>))
        .route("/workspace/duplicates/decide", post(duplicates::decide::<S>))
        .route("/workspace/duplicates/undo", post(duplicates::undo::<S>))
        .route("/workspace/duplicates/decided", get(duplicates::decided::<S>))
        .route("/workspace/duplicates/clusters", get(duplicates::clusters::<S>))
        .route("/workspace/accounts", get(accounts::list::<S>).post(accounts::add::<S>))
        .route("/workspace/accounts/{name}/active", post(accounts::set_active::<S>))
        .route("/workspace/accounts/{name}/reset", get(accounts::reset_form::<S>).post(accounts::reset::<S>))
}
