//! Add (stub).
use axum::extract::{Path, State};
use axum::response::Response;
use lookout_store::{ReportStore, Store, WorkspaceStore};
use crate::error::WebError;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;
pub async fn add<S: Store + ReportStore + WorkspaceStore>(State(_app): State<AppState<S>>, AnyAccount(_s): AnyAccount, Path(_id): Path<String>) -> Result<Response, WebError> { Err(WebError::NotFound("record".into())) }
