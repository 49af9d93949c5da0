//! `GET /workspace/documents/{sha256}`: a document's text with its mentions marked (from the
//! reading ingest wrote: the server never parses the original), its proposals, the original it
//! copies or the copies it has, its capture record and a download of the original
//! (`/original`, signed-in accounts only, restricted or not: always as an attachment of type
//! `application/octet-stream`, so that an uploaded HTML page never runs on this site).

use std::pin::Pin;
use std::task::{Context, Poll};

use askama::Template;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use lookout_core::{Document, Verdict};
use lookout_ingest::pipeline::evidence_dir;
use lookout_ingest::{Capture, Evidence, Reading};
use lookout_store::{CurationStore, PageAt, ProposalFilter, Store, WorkspaceStore};
use tokio::io::{AsyncRead, ReadBuf};

use super::marks::{runs, Run};
use super::{human_size, is_sha256};
use crate::error::WebError;
use crate::i18n::workspace::WsDocumentsText;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;
use crate::workspace::chrome::{Chrome, Section};

/// Proposals listed per state.
const PROPOSALS: u32 = 200;

/// A proposal's line.
pub struct ProposalLine {
    /// Its id.
    pub id: String,
    /// What it proposes.
    pub summary: String,
    /// `open`, `accepted` or `rejected`.
    pub state: &'static str,
}

/// Another document: a copy or the original.
pub struct DocumentLink {
    /// Its SHA-256.
    pub sha256: String,
    /// Its source's address.
    pub url: String,
}

/// A document's page.
#[derive(Template)]
#[template(path = "ws_document.html")]
pub struct DocumentPage {
    /// The frame.
    pub chrome: Chrome,
    /// The section's words.
    pub d: &'static WsDocumentsText,
    /// The document.
    pub document: Document,
    /// Its source's address.
    pub url: String,
    /// Its text in runs, mentions marked; `None` without a reading.
    pub runs: Option<Vec<Run>>,
    /// Characters of its whole text, when only the start is shown.
    pub cut: Option<(usize, u64)>,
    /// Its proposals.
    pub proposals: Vec<ProposalLine>,
    /// The original it copies.
    pub original: Option<DocumentLink>,
    /// Its copies.
    pub copies: Vec<DocumentLink>,
    /// Its capture record.
    pub capture: Option<Capture>,
    /// The capture's size, in words.
    pub size: String,
}

/// The document `sha` or not found.
async fn find<S: CurationStore>(app: &AppState<S>, sha: &str) -> Result<Document, WebError> {
    if !is_sha256(sha) {
        return Err(WebError::NotFound("this document".into()));
    }
    app.store.document(sha).await?.ok_or_else(|| WebError::NotFound("this document".into()))
}

/// The address of each document's source.
async fn links<S: Store>(app: &AppState<S>, docs: Vec<Document>) -> Result<Vec<DocumentLink>, WebError> {
    let ids: Vec<_> = docs.iter().map(|d| d.source_id.clone()).collect();
    let sources = app.store.sources(&ids).await?;
    Ok(docs
        .into_iter()
        .map(|d| DocumentLink {
            url: sources.get(&d.source_id).map(|s| s.url.clone()).unwrap_or_default(),
            sha256: d.sha256,
        })
        .collect())
}

/// `GET /workspace/documents/{sha256}`.
pub async fn page<S: Store + CurationStore + WorkspaceStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
    Path(sha): Path<String>,
) -> Result<Response, WebError> {
    let document = find(&app, &sha).await?;
    let data_dir = app.uploads.data_dir().map(std::path::Path::to_path_buf);
    let (reading, capture) = match data_dir {
        Some(dir) => {
            let sha = sha.clone();
            tokio::task::spawn_blocking(move || {
                let reading = Reading::read(&dir, &sha).unwrap_or_else(|e| {
                    eprintln!("lookout-web: {e}");
                    None
                });
                let capture = Evidence::at(&evidence_dir(&dir)).capture(&sha).unwrap_or_else(|e| {
                    eprintln!("lookout-web: {e}");
                    None
                });
                (reading, capture)
            })
            .await
            .map_err(|e| WebError::Internal(e.to_string()))?
        }
        None => (None, None),
    };
    let cut = reading.as_ref().and_then(|r| {
        let shown = r.text.chars().count();
        (r.characters > shown as u64).then_some((shown, r.characters))
    });
    let runs = reading.map(|r| runs(&r.text, &r.mentions));
    let mut proposals = Vec::new();
    for (reviewed, state) in
        [(None, "open"), (Some(Verdict::Accepted), "accepted"), (Some(Verdict::Rejected), "rejected")]
    {
        let filter = ProposalFilter { document: Some(sha.clone()), kind: None, reviewed };
        let page = app.store.proposal_page(&filter, &PageAt::First, PROPOSALS).await?;
        proposals.extend(page.records.into_iter().map(|p| ProposalLine {
            id: p.proposal.id,
            summary: p.proposal.summary,
            state,
        }));
    }
    let original = match &document.copy_of {
        Some(o) => links(&app, app.store.document(o).await?.into_iter().collect()).await?.pop(),
        None => None,
    };
    let copies = links(&app, app.store.document_copies(&sha).await?).await?;
    let url =
        app.store.sources(std::slice::from_ref(&document.source_id)).await?.remove(&document.source_id).map(|s| s.url);
    let page = DocumentPage {
        chrome: Chrome::new(&loc, &session, Section::Documents),
        d: &loc.t.ws.documents,
        url: url.unwrap_or_default(),
        size: capture.as_ref().map(|c| human_size(c.size)).unwrap_or_default(),
        document,
        runs,
        cut,
        proposals,
        original,
        copies,
        capture,
    };
    Ok(no_store(page.render()?))
}

/// An open file as a response body, read a chunk at a time.
struct FileBody {
    file: tokio::fs::File,
    buffer: Box<[u8]>,
}

impl http_body::Body for FileBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        let this = &mut *self;
        let mut read = ReadBuf::new(&mut this.buffer);
        match Pin::new(&mut this.file).poll_read(cx, &mut read) {
            Poll::Ready(Ok(())) if read.filled().is_empty() => Poll::Ready(None),
            Poll::Ready(Ok(())) => Poll::Ready(Some(Ok(http_body::Frame::data(Bytes::copy_from_slice(read.filled()))))),
            Poll::Ready(Err(e)) => Poll::Ready(Some(Err(e))),
            Poll::Pending => Poll::Pending,
        }
    }
}

/// A file name for `Content-Disposition`: ASCII letters, digits, `.`, `-` and `_` only.
fn attachment_name(name: &str, sha: &str) -> String {
    let clean: String =
        name.chars().map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' }).collect();
    if clean.trim_matches(['_', '.']).is_empty() {
        sha.to_string()
    } else {
        clean
    }
}

/// `GET /workspace/documents/{sha256}/original`.
pub async fn original<S: CurationStore>(
    State(app): State<AppState<S>>,
    AnyAccount(_session): AnyAccount,
    Path(sha): Path<String>,
) -> Result<Response, WebError> {
    find(&app, &sha).await?;
    let dir = app.uploads.data_dir().ok_or_else(|| WebError::NotFound("the original".into()))?;
    let evidence = Evidence::at(&evidence_dir(dir));
    let file =
        tokio::fs::File::open(evidence.path_of(&sha)).await.map_err(|_| WebError::NotFound("the original".into()))?;
    let name = evidence.capture(&sha).ok().flatten().map(|c| c.original_name).unwrap_or_default();
    let length = file.metadata().await.map(|m| m.len().to_string()).unwrap_or_default();
    let body = Body::new(FileBody { file, buffer: vec![0u8; 64 * 1024].into_boxed_slice() });
    let mut response = (
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_string()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}\"", attachment_name(&name, &sha))),
            (header::CACHE_CONTROL, "no-store".to_string()),
        ],
        body,
    )
        .into_response();
    if let Ok(v) = length.parse() {
        response.headers_mut().insert(header::CONTENT_LENGTH, v);
    }
    Ok(response)
}
