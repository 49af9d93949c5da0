//! Errors of the web layer: what the user is told is separate from what is logged.

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

/// An error a handler returns. The user sees `public`; internal details are logged, never shown.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// Nothing at this address.
    #[error("not found: {0}")]
    NotFound(String),
    /// The request is malformed; the message says what to change.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// Something failed inside; the detail is logged, not shown.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<lookout_store::StoreError> for WebError {
    fn from(e: lookout_store::StoreError) -> Self {
        WebError::Internal(e.to_string())
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> Self {
        WebError::Internal(format!("template: {e}"))
    }
}

impl WebError {
    fn status(&self) -> StatusCode {
        match self {
            WebError::NotFound(_) => StatusCode::NOT_FOUND,
            WebError::BadRequest(_) => StatusCode::BAD_REQUEST,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the user is told.
    pub fn public_message(&self) -> String {
        match self {
            WebError::NotFound(what) => format!("Not found: {what}"),
            WebError::BadRequest(why) => format!("Bad request: {why}"),
            WebError::Internal(_) => "Something went wrong on the server. The error has been logged.".into(),
        }
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if let WebError::Internal(detail) = &self {
            eprintln!("lookout-web: {detail}");
        }
        let page = crate::pages::ErrorPage {
            t: &crate::i18n::EN,
            switch_href: "/?lang=zh".into(),
            title: self.status().canonical_reason().unwrap_or("Error").to_string(),
            message: self.public_message(),
        };
        let body = askama::Template::render(&page).unwrap_or_else(|_| page.message.clone());
        (self.status(), Html(body)).into_response()
    }
}
