//! `POST /workspace/sources/{id}/judge`: a person's judgement of a source — its kind (no longer
//! guessed), its reliability (A–F) and the original it copies (an address or a source id; empty:
//! it copies nothing) — appended with its audit entry (`source.judged`) in one transaction. The
//! public pages show the judged kind at once (the source's cached kind, and the data version, change).

use axum::extract::{Path, State};
use axum::response::Response;
use axum::Form;
use lookout_core::{Reliability, SourceId, SourceKind};
use lookout_store::{CurationStore, SourceJudgement, Store, StoreError};
use serde::Deserialize;

use crate::error::WebError;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;
use crate::workspace::forms::{self, field_error};

/// The judging form.
#[derive(Deserialize)]
pub struct JudgeForm {
    /// The session's token.
    #[serde(default)]
    pub csrf: String,
    /// The kind.
    #[serde(default)]
    pub kind: String,
    /// The reliability (`A`–`F`, or empty).
    #[serde(default)]
    pub reliability: String,
    /// The original's address or source id (or empty).
    #[serde(default)]
    pub copy_of: String,
}

/// The source a `copy_of` field names: a source id as written, else an address.
fn original_named(text: &str) -> Result<Option<SourceId>, WebError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.starts_with("source-") {
        return SourceId::new(text.to_string()).map(Some).map_err(|e| field_error("copy_of", e));
    }
    Ok(Some(SourceId::for_url(text)))
}

/// `POST /workspace/sources/{id}/judge`.
pub async fn judge<S: Store + CurationStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    Path(id): Path<String>,
    Form(form): Form<JudgeForm>,
) -> Result<Response, WebError> {
    forms::check_token(&session, &form.csrf)?;
    let source = super::source(&app, &id).await?;
    let kind: SourceKind = form.kind.trim().parse().map_err(|e| field_error("kind", e))?;
    let reliability = match form.reliability.trim() {
        "" => None,
        r => Some(r.parse::<Reliability>().map_err(|e| field_error("reliability", e))?),
    };
    let copy_of = original_named(&form.copy_of)?;
    if copy_of.as_ref() == Some(&source.id) {
        return Err(field_error("copy_of", "a source is not a copy of itself"));
    }
    let judgement = SourceJudgement {
        source: source.id.clone(),
        kind,
        reliability,
        copy_of,
        by: session.who.name.clone(),
        at: String::new(),
    };
    let event = forms::audit(&session, "source.judged", source.id.as_str());
    match app.store.judge_source(&judgement, &event).await {
        Ok(_) => Ok(forms::see(&app, &format!("/workspace/sources/{}", source.id))),
        Err(StoreError::NotFound(why)) => Err(field_error("copy_of", format!("{why} in the record"))),
        Err(e) => Err(forms::store_refusal(e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_original_is_named_by_id_or_address() {
        assert_eq!(original_named("  ").unwrap(), None);
        let by_url = original_named("https://nos.nl/artikel/1").unwrap().unwrap();
        assert_eq!(by_url, SourceId::for_url("https://nos.nl/artikel/1"));
        assert_eq!(original_named(by_url.as_str()).unwrap(), Some(by_url));
    }
}
