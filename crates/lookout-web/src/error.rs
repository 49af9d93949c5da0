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
    /// The request body is larger than the route accepts; the message gives the limit.
    #[error("payload too large: {0}")]
    TooLarge(String),
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
            WebError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// What the user is told.
    pub fn public_message(&self) -> String {
        match self {
            WebError::NotFound(what) => format!("Not found: {what}"),
            WebError::BadRequest(why) => format!("Bad request: {why}"),
            WebError::TooLarge(why) => format!("Too large: {why}"),
            WebError::Internal(_) => "Something went wrong on the server. The error has been logged.".into(),
        }
    }
}

/// What an error page says, left on the response for [`localize_error_pages`] to render in the
/// reader's language.
#[derive(Debug, Clone)]
pub struct ErrorPageInfo {
    /// The status.
    pub status: StatusCode,
    /// The detail (for not found and bad request; none for internal errors).
    pub detail: Option<String>,
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        if let WebError::Internal(detail) = &self {
            eprintln!("lookout-web: {detail}");
        }
        let detail = match &self {
            WebError::NotFound(d) | WebError::BadRequest(d) | WebError::TooLarge(d) => Some(d.clone()),
            WebError::Internal(_) => None,
        };
        let mut response = render_error(&crate::i18n::EN, "/?lang=zh", self.status(), detail.as_deref());
        response.extensions_mut().insert(ErrorPageInfo { status: self.status(), detail });
        response
    }
}

/// The error page in one language.
fn render_error(
    t: &'static crate::i18n::Text,
    switch_href: &str,
    status: StatusCode,
    detail: Option<&str>,
) -> Response {
    let (title, lead) = match status {
        StatusCode::NOT_FOUND => (t.chrome.not_found, t.chrome.not_found),
        StatusCode::BAD_REQUEST => (t.chrome.bad_request, t.chrome.bad_request),
        _ => (t.chrome.server_error, t.chrome.server_error_detail),
    };
    let message = match detail {
        Some(d) => format!("{lead}: {d}"),
        None => lead.to_string(),
    };
    let page = crate::pages::ErrorPage { t, switch_href: switch_href.to_string(), title: title.to_string(), message };
    let body = askama::Template::render(&page).unwrap_or_else(|_| page.message.clone());
    (status, Html(body)).into_response()
}

/// Renders error pages again in the language of the request.
pub async fn localize_error_pages(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let lang = crate::i18n::Lang::of_request(request.uri().query(), request.headers());
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    match response.extensions().get::<ErrorPageInfo>() {
        Some(info) if lang != crate::i18n::Lang::En && !path.starts_with("/api/") => {
            let switch = format!("{path}?lang={}", lang.other().code());
            render_error(crate::i18n::Text::of(lang), &switch, info.status, info.detail.as_deref())
        }
        _ => response,
    }
}
