//! Confirm (stub).
use axum::extract::{Path, State};
use axum::response::Response;
use lookout_store::{ReportStore, Store, WorkspaceStore};
use crate::error::WebError;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;
pub async fn list<S: Store + ReportStore + WorkspaceStore>(State(_app): State<AppState<S>>, AnyAccount(_s): AnyAccount) -> Result<Response, WebError> { Err(WebError::NotFound("confirm".into())) }
pub async fn page<S: Store + ReportStore + WorkspaceStore>(State(_app): State<AppState<S>>, AnyAccount(_s): AnyAccount, Path(_id): Path<String>) -> Result<Response, WebError> { Err(WebError::NotFound("confirm".into())) }
pub async fn decide<S: Store + ReportStore + WorkspaceStore>(State(_app): State<AppState<S>>, AnyAccount(_s): AnyAccount, Path(_id): Path<String>) -> Result<Response, WebError> { Err(WebError::NotFound("confirm".into())) }
