//! Create (stub).
use axum::extract::State;
use axum::response::Response;
use lookout_store::{ReportStore, Store, WorkspaceStore};
use crate::error::WebError;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;
pub async fn form<S: Store + ReportStore + WorkspaceStore>(State(_app): State<AppState<S>>, AnyAccount(_s): AnyAccount) -> Result<Response, WebError> { Err(WebError::NotFound("record".into())) }
pub async fn create<S: Store + ReportStore + WorkspaceStore>(State(_app): State<AppState<S>>, AnyAccount(_s): AnyAccount) -> Result<Response, WebError> { Err(WebError::NotFound("record".into())) }
