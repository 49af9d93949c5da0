//! Reviewer sessions, held in memory only (a restart signs everyone out): the account's age
//! identity is unwrapped at sign-in and lives here until the session ends. Permissions are
//! extractors, so a handler's signature says who may call it; each request also checks that the
//! account is still active, so deactivating an account (from the command line, another process)
//! ends its sessions at their next request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use lookout_report::desk::SignedIn;
use lookout_store::ReportStore;
use sha2::{Digest, Sha256};

use crate::state::AppState;

/// The session cookie's name.
pub const COOKIE: &str = "lookout_review";
/// A session ends this long after sign-in.
pub const LIFETIME: Duration = Duration::from_secs(8 * 3600);

/// One signed-in reviewer.
pub struct Session {
    /// Who, with their unwrapped identity.
    pub who: SignedIn,
    /// The token every form of this session carries.
    pub csrf: String,
    expires: Instant,
}

/// Sessions by the SHA-256 of their cookie (the cookie itself is not kept).
#[derive(Default)]
pub struct Sessions {
    map: Mutex<HashMap<String, Arc<Session>>>,
}

fn digest(token: &str) -> String {
    lookout_report::hex(&Sha256::digest(token.as_bytes()))
}

impl Sessions {
    /// Starts a session; returns the cookie value.
    pub fn start(&self, who: SignedIn) -> String {
        let token = lookout_report::hex(&lookout_report::random_bytes::<32>());
        let csrf = lookout_report::hex(&lookout_report::random_bytes::<16>());
        let session = Arc::new(Session { who, csrf, expires: Instant::now() + LIFETIME });
        if let Ok(mut map) = self.map.lock() {
            let now = Instant::now();
            map.retain(|_, s| s.expires > now);
            map.insert(digest(&token), session);
        }
        token
    }

    /// The live session of a cookie value.
    pub fn get(&self, token: &str) -> Option<Arc<Session>> {
        let map = self.map.lock().ok()?;
        map.get(&digest(token)).filter(|s| s.expires > Instant::now()).cloned()
    }

    /// Ends a session.
    pub fn end(&self, token: &str) {
        if let Ok(mut map) = self.map.lock() {
            map.remove(&digest(token));
        }
    }

    /// Ends every session of the account `name` (its credentials were reset: the sessions hold
    /// the identity it no longer has).
    pub fn end_account(&self, name: &str) {
        if let Ok(mut map) = self.map.lock() {
            map.retain(|_, s| s.who.name != name);
        }
    }
}

/// The session cookie's value in a request.
pub fn cookie_token(parts: &Parts) -> Option<String> {
    cookie(&parts.headers, COOKIE)
}

/// The value of the cookie `wanted` in a request's headers.
pub fn cookie(headers: &axum::http::HeaderMap, wanted: &str) -> Option<String> {
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|c| {
        let (name, value) = c.trim().split_once('=')?;
        (name == wanted).then(|| value.to_string())
    })
}

/// Why a request is refused.
pub enum Refusal {
    /// Not signed in: to the sign-in page.
    SignIn,
    /// Signed in without the role.
    Forbidden,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        match self {
            Refusal::SignIn => Redirect::to("/review/login").into_response(),
            Refusal::Forbidden => (StatusCode::FORBIDDEN, "Your role does not allow this.").into_response(),
        }
    }
}

async fn session_with<S: ReportStore>(
    parts: &Parts,
    app: &AppState<S>,
    roles: &[&str],
) -> Result<Arc<Session>, Refusal> {
    let token = cookie_token(parts).ok_or(Refusal::SignIn)?;
    let session = app.reporting.sessions.get(&token).ok_or(Refusal::SignIn)?;
    let active = app.store.account(&session.who.name).await.ok().flatten().is_some_and(|a| a.active);
    if !active {
        app.reporting.sessions.end(&token);
        return Err(Refusal::SignIn);
    }
    if roles.contains(&session.who.role.as_str()) {
        Ok(session)
    } else {
        Err(Refusal::Forbidden)
    }
}

macro_rules! role_extractor {
    ($(#[$doc:meta])* $name:ident, $roles:expr) => {
        $(#[$doc])*
        pub struct $name(pub Arc<Session>);

        impl<S: ReportStore> FromRequestParts<AppState<S>> for $name {
            type Rejection = Refusal;

            async fn from_request_parts(parts: &mut Parts, app: &AppState<S>) -> Result<Self, Self::Rejection> {
                session_with(parts, app, $roles).await.map($name)
            }
        }
    };
}

role_extractor!(
    /// Any signed-in account: reviewer, analyst or admin.
    AnyAccount,
    &["reviewer", "analyst", "admin"]
);
role_extractor!(
    /// An account that reads and handles reports: reviewer or admin.
    ReviewerAccount,
    &["reviewer", "admin"]
);
role_extractor!(
    /// An admin.
    AdminAccount,
    &["admin"]
);
