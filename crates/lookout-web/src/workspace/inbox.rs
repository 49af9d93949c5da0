//! The inbox (stub).
use axum::extract::{Path, State};
use axum::response::Response;
use lookout_store::{ReportStore, Store, WorkspaceStore};
use crate::error::WebError;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;
pub async fn list<S: Store + ReportStore + WorkspaceStore>(State(_app): State<AppState<S>>, AnyAccount(_s): AnyAccount) -> Result<Response, WebError> { Err(WebError::NotFound("inbox".into())) }
pub async fn accept_all<S: Store + ReportStore + WorkspaceStore>(State(_app): State<AppState<S>>, AnyAccount(_s): AnyAccount) -> Result<Response, WebError> { Err(WebError::NotFound("inbox".into())) }
pub async fn proposal<S: Store + ReportStore + WorkspaceStore>(State(_app): State<AppState<S>>, AnyAccount(_s): AnyAccount, Path(_id): Path<String>) -> Result<Response, WebError> { Err(WebError::NotFound("inbox".into())) }
pub async fn accept<S: Store + ReportStore + WorkspaceStore>(State(_app): State<AppState<S>>, AnyAccount(_s): AnyAccount, Path(_id): Path<String>) -> Result<Response, WebError> { Err(WebError::NotFound("inbox".into())) }
pub async fn reject<S: Store + ReportStore + WorkspaceStore>(State(_app): State<AppState<S>>, AnyAccount(_s): AnyAccount, Path(_id): Path<String>) -> Result<Response, WebError> { Err(WebError::NotFound("inbox".into())) }
