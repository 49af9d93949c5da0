//! Protected reporting on the site: the reporter's pages (`/report`), the reviewers' pages
//! (`/review`), and the k-anonymous public counts (`/incidents`). Crypto, sanitising and the
//! workflow are in `lookout-report`; this module is the web around them.

pub mod counts;
pub mod guard;
pub mod public;
pub mod review;
pub mod session;
pub mod text;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use lookout_store::{ReportStore, Store};

use crate::AppState;

/// Largest report body: five attachments of 10 MiB, the text and the form's overhead.
pub const REPORT_BODY_LIMIT: usize = 52 * 1024 * 1024;
/// Largest body of the other reporting and review forms.
pub const FORM_BODY_LIMIT: usize = 64 * 1024;

/// What the reporting pages keep while the server runs.
pub struct Reporting {
    /// Signs anonymous form tokens.
    pub tokens: guard::FormTokens,
    /// Reviewer sessions.
    pub sessions: session::Sessions,
    /// Reports and follow-ups accepted, globally.
    pub submissions: guard::GlobalLimit,
    /// Receipt-code attempts, globally.
    pub code_attempts: guard::GlobalLimit,
    /// Sign-in attempts, globally.
    pub logins: guard::GlobalLimit,
    /// k of the public counts.
    pub k: u64,
    /// The last TOTP step each account signed in with: a code is accepted once.
    pub used_totp: std::sync::Mutex<std::collections::HashMap<String, u64>>,
}

impl Reporting {
    /// Records a TOTP step for an account; false if it (or a later one) was used already.
    pub fn first_use_of_totp(&self, account: &str, step: u64) -> bool {
        let Ok(mut used) = self.used_totp.lock() else { return false };
        match used.get(account) {
            Some(last) if *last >= step => false,
            _ => {
                used.insert(account.to_string(), step);
                true
            }
        }
    }
}

impl Reporting {
    /// With the installation's form key; `k` for the public counts.
    pub fn new(form_key: [u8; 32], k: u64) -> Reporting {
        Reporting {
            tokens: guard::FormTokens::new(form_key),
            sessions: session::Sessions::default(),
            submissions: guard::GlobalLimit::new(20, 20),
            code_attempts: guard::GlobalLimit::new(30, 30),
            logins: guard::GlobalLimit::new(10, 10),
            k,
            used_totp: Default::default(),
        }
    }
}

/// The reporting and review routes.
pub fn router<S: Store + ReportStore>() -> Router<AppState<S>> {
    Router::new()
        .route(
            "/report",
            get(public::form::<S>).post(public::submit::<S>).layer(DefaultBodyLimit::max(REPORT_BODY_LIMIT)),
        )
        .route("/report/follow-up", get(public::follow_up_form::<S>).post(public::follow_up::<S>))
        .route("/report/follow-up/send", post(public::send_more::<S>).layer(DefaultBodyLimit::max(REPORT_BODY_LIMIT)))
        .route("/incidents", get(counts::page::<S>))
        .route("/review/login", get(review::login_form::<S>).post(review::login::<S>))
        .route("/review/logout", post(review::logout::<S>))
        .route("/review", get(review::list::<S>))
        .route("/review/audit", get(review::audit::<S>))
        .route("/review/reports/{id}", get(review::report::<S>))
        .route("/review/reports/{id}/attachments/{seq}/{n}", get(review::attachment::<S>))
        .route("/review/reports/{id}/reply", post(review::reply::<S>))
        .route("/review/reports/{id}/status", post(review::status::<S>))
        .route("/review/reports/{id}/publish", post(review::publish::<S>))
        .layer(DefaultBodyLimit::max(FORM_BODY_LIMIT))
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_totp_step_is_accepted_once() {
        let r = super::Reporting::new([0; 32], 5);
        assert!(r.first_use_of_totp("ana", 100));
        assert!(!r.first_use_of_totp("ana", 100));
        assert!(!r.first_use_of_totp("ana", 99));
        assert!(r.first_use_of_totp("ana", 101));
        assert!(r.first_use_of_totp("ben", 100));
    }
}
