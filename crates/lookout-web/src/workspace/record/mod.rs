//! Record (stub).
pub mod add;
pub mod create;
use axum::extract::{Path, State};
use axum::response::Response;
use lookout_store::{ReportStore, Store, WorkspaceStore};
use crate::error::WebError;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;
pub async fn find<S: Store + ReportStore + WorkspaceStore>(State(_app): State<AppState<S>>, AnyAccount(_s): AnyAccount) -> Result<Response, WebError> { Err(WebError::NotFound("record".into())) }
pub async fn entity<S: Store + ReportStore + WorkspaceStore>(State(_app): State<AppState<S>>, AnyAccount(_s): AnyAccount, Path(_id): Path<String>) -> Result<Response, WebError> { Err(WebError::NotFound("record".into())) }
pub async fn withdraw<S: Store + ReportStore + WorkspaceStore>(State(_app): State<AppState<S>>, AnyAccount(_s): AnyAccount, Path(_id): Path<String>) -> Result<Response, WebError> { Err(WebError::NotFound("record".into())) }
