//! Protected reporting on the site: the reporter's pages (`/report`), the reviewers' pages
//! (`/review`), and the k-anonymous public counts (`/incidents`). Crypto, sanitising and the
//! workflow are in `lookout-report`; this module is the web around them.

pub(crate) mod counts;
pub(crate) mod guard;
pub(crate) mod public;
pub(crate) mod review;
pub(crate) mod sanitizer;
pub(crate) mod session;
pub(crate) mod shared;
pub(crate) mod sign_in;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use lookout_store::{ReportStore, Store};

use crate::state::AppState;

/// Largest report body: five attachments of 10 MiB, the text and the form's overhead.
pub const REPORT_BODY_LIMIT: usize = 52 * 1024 * 1024;
/// Largest body of the other reporting and review forms.
pub const FORM_BODY_LIMIT: usize = 64 * 1024;

/// The reporting and review routes.
pub fn router<S: Store + ReportStore>() -> Router<AppState<S>> {
    Router::new()
        .route(
            "/report",
            get(public::form::<S>).post(public::submit::<S>).layer(DefaultBodyLimit::max(REPORT_BODY_LIMIT)),
        )
        .route("/report/follow-up", get(public::follow_up::follow_up_form::<S>).post(public::follow_up::follow_up::<S>))
        .route(
            "/report/follow-up/send",
            post(public::follow_up::send_more::<S>).layer(DefaultBodyLimit::max(REPORT_BODY_LIMIT)),
        )
        .route("/incidents", get(counts::page::<S>))
        .route("/review/login", get(sign_in::login_form::<S>).post(sign_in::login::<S>))
        .route("/review/logout", post(sign_in::logout::<S>))
        .route("/review", get(review::list::<S>))
        .route("/review/audit", get(review::audit::<S>))
        .route("/review/reports/{id}", get(review::report::<S>))
        .route("/review/reports/{id}/attachments/{seq}/{n}", get(review::attachment::<S>))
        .route("/review/reports/{id}/reply", post(review::reply::<S>))
        .route("/review/reports/{id}/status", post(review::status::<S>))
        .route("/review/reports/{id}/publish", post(review::publish::<S>))
        .layer(DefaultBodyLimit::max(FORM_BODY_LIMIT))
}
