//! Sources (`/workspace/sources`): find them by address or host; a source's page with its kind
//! (guessed, or judged by a person), the judgement in force, the original it copies and its
//! copies, the document that captures it, every statement citing it (any status, linked to the
//! record), and the form to judge it (`judge.rs`).

pub mod judge;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use lookout_core::{Source, SourceId, SourceKind};
use lookout_store::{CurationStore, DocumentStore, SourceJudgement, Store};
use serde::Deserialize;

use super::chrome::{Chrome, Section};
use crate::error::WebError;
use crate::i18n::workspace::SourcesText;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;

/// Sources listed at most.
const FOUND: u32 = 100;
/// Statements citing a source listed at most.
const CITING: u32 = 500;

/// The finder's query.
#[derive(Deserialize, Default)]
pub struct FindQuery {
    /// An address, part of one, or a host.
    #[serde(default)]
    pub q: String,
}

/// The sources found.
#[derive(Template)]
#[template(path = "ws_sources.html")]
pub struct SourcesPage {
    /// The frame.
    pub chrome: Chrome,
    /// The section's words.
    pub s: &'static SourcesText,
    /// The query.
    pub q: String,
    /// The sources found.
    pub sources: Vec<Source>,
}

/// `GET /workspace/sources`.
pub async fn find<S: CurationStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
    Query(query): Query<FindQuery>,
) -> Result<Response, WebError> {
    let q: String = query.q.trim().chars().take(200).collect();
    let sources = app.store.find_sources(&q, FOUND).await?;
    let page = SourcesPage { chrome: Chrome::new(&loc, &session, Section::Sources), s: &loc.t.ws.sources, q, sources };
    Ok(no_store(page.render()?))
}

/// A statement citing the source, as its line shows it.
pub struct CitingLine {
    /// The entity.
    pub entity: String,
    /// The property.
    pub prop: String,
    /// The value.
    pub value: String,
    /// Its status code.
    pub status: &'static str,
}

/// A source's page.
#[derive(Template)]
#[template(path = "ws_source.html")]
pub struct SourcePage {
    /// The frame.
    pub chrome: Chrome,
    /// The section's words.
    pub s: &'static SourcesText,
    /// The source.
    pub source: Source,
    /// The judgement in force.
    pub judgement: Option<SourceJudgement>,
    /// The source it copies (id, address).
    pub original: Option<(String, String)>,
    /// Its copies (id, address).
    pub copies: Vec<(String, String)>,
    /// The document capturing it.
    pub document: Option<String>,
    /// The statements citing it.
    pub citing: Vec<CitingLine>,
    /// Whether the list of statements was cut.
    pub more: bool,
    /// The kinds, for the form.
    pub kinds: Vec<(&'static str, String)>,
}

impl SourcePage {
    /// The reliability in force, as its code (`""` when not judged).
    pub fn reliability(&self) -> &'static str {
        self.judgement.as_ref().and_then(|j| j.reliability).map_or("", |r| r.as_str())
    }
}

/// The source `id`, or not found.
pub(crate) async fn source<S: Store>(app: &AppState<S>, id: &str) -> Result<Source, WebError> {
    let id = SourceId::new(id.to_string()).map_err(|_| WebError::NotFound("this source".into()))?;
    app.store
        .sources(std::slice::from_ref(&id))
        .await?
        .remove(&id)
        .ok_or_else(|| WebError::NotFound("this source".into()))
}

/// `GET /workspace/sources/{id}`.
pub async fn page<S: Store + DocumentStore + CurationStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
    Path(id): Path<String>,
) -> Result<Response, WebError> {
    let source = source(&app, &id).await?;
    let judgement = app.store.source_judgement(&source.id).await?;
    let original_id = app.store.originals_of(std::slice::from_ref(&source.id)).await?.remove(&source.id);
    let copy_ids = app.store.copies_of(&source.id).await?;
    let mut ids = copy_ids.clone();
    ids.extend(original_id.clone());
    let known = app.store.sources(&ids).await?;
    let address = |id: &SourceId| (id.to_string(), known.get(id).map(|s| s.url.clone()).unwrap_or_default());
    let original = original_id.as_ref().map(address);
    let copies = copy_ids.iter().map(address).collect();
    let document = app.store.document_of(&source.id).await?.map(|d| d.sha256);
    let mut statements = app.store.statements_citing(&source.id, CITING + 1).await?;
    let more = statements.len() > CITING as usize;
    statements.truncate(CITING as usize);
    let citing = statements
        .into_iter()
        .map(|s| CitingLine {
            entity: s.entity_id.to_string(),
            prop: s.prop,
            value: s.value,
            status: s.status.as_str(),
        })
        .collect();
    let kinds = SourceKind::ALL.iter().map(|k| (k.as_str(), loc.t.source_kind(k))).collect();
    let page = SourcePage {
        chrome: Chrome::new(&loc, &session, Section::Sources),
        s: &loc.t.ws.sources,
        source,
        judgement,
        original,
        copies,
        document,
        citing,
        more,
        kinds,
    };
    Ok(no_store(page.render()?))
}
