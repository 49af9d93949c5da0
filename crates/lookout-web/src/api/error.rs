//! API errors: always `{message, code, type, link}`, whatever went wrong.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::WebError;

/// The body of every API error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// What went wrong, for a person.
    pub message: String,
    /// A stable code, for programs (`not_found`, `invalid_parameter`, `internal`).
    pub code: &'static str,
    /// The class of error: `invalid_request` (the client can fix it) or `internal`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Where the code is documented.
    pub link: String,
}

/// An API error: a [`WebError`] answered as JSON.
#[derive(Debug)]
pub struct ApiError(pub WebError);

impl From<WebError> for ApiError {
    fn from(e: WebError) -> Self {
        ApiError(e)
    }
}

impl From<lookout_store::StoreError> for ApiError {
    fn from(e: lookout_store::StoreError) -> Self {
        ApiError(e.into())
    }
}

impl ApiError {
    /// A bad parameter.
    pub fn invalid(message: impl Into<String>) -> ApiError {
        ApiError(WebError::BadRequest(message.into()))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code, kind) = match &self.0 {
            WebError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found", "invalid_request"),
            WebError::BadRequest(_) => (StatusCode::BAD_REQUEST, "invalid_parameter", "invalid_request"),
            WebError::TooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "too_large", "invalid_request"),
            WebError::Internal(detail) => {
                eprintln!("lookout-web api: {detail}");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal", "internal")
            }
        };
        let body = ErrorBody { message: self.0.public_message(), code, kind, link: format!("/data#error-{code}") };
        (status, Json(body)).into_response()
    }
}

/// The fallback for unknown `/api` paths.
pub async fn api_not_found() -> ApiError {
    ApiError(WebError::NotFound("no such API route; see /api/openapi.json".into()))
}
