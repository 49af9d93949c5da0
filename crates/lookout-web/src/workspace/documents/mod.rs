//! Documents (`/workspace/documents`): the list, newest first, with the upload form; uploads read
//! in a child process with their progress page (`upload.rs`, `jobs.rs`, `progress.rs`); and a
//! document's page with its text, mentions marked, its proposals, copies, capture record and
//! original (`page.rs`, `marks.rs`).

pub mod jobs;
mod marks;
pub mod page;
pub mod progress;
pub mod upload;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use lookout_core::SourceKind;
use lookout_store::CurationStore;
use serde::Deserialize;

use super::chrome::{Chrome, Section};
use crate::error::WebError;
use crate::i18n::workspace::WsDocumentsText;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;

/// Documents per page of the list.
const PAGE: u32 = 50;

/// A size in bytes as people read it (`532 B`, `14.2 KB`, `3.1 MB`).
pub fn human_size(bytes: u64) -> String {
    match bytes {
        b if b < 1_000 => format!("{b} B"),
        b if b < 1_000_000 => format!("{:.1} KB", b as f64 / 1e3),
        b if b < 1_000_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b => format!("{:.1} GB", b as f64 / 1e9),
    }
}

/// Whether `text` is a SHA-256 as the evidence names originals (64 lower-case hex digits).
pub fn is_sha256(text: &str) -> bool {
    text.len() == 64 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A row of the list.
pub struct DocumentLine {
    /// SHA-256 of the original.
    pub sha256: String,
    /// Its source's address.
    pub url: String,
    /// Its source's title.
    pub title: String,
    /// Its language.
    pub language: String,
    /// Whether it is restricted.
    pub restricted: bool,
    /// Its size, in words.
    pub size: String,
    /// Open proposals.
    pub open: u64,
}

/// The list page.
#[derive(Template)]
#[template(path = "ws_documents.html")]
pub struct DocumentsPage {
    /// The frame.
    pub chrome: Chrome,
    /// The section's words.
    pub d: &'static WsDocumentsText,
    /// The rows.
    pub rows: Vec<DocumentLine>,
    /// Documents in all.
    pub total: u64,
    /// The previous page's offset.
    pub previous: Option<u32>,
    /// The next page's offset.
    pub next: Option<u32>,
    /// The kinds of source, for the form.
    pub kinds: Vec<(&'static str, String)>,
    /// Whether this server takes uploads.
    pub uploads: bool,
}

/// The list's query.
#[derive(Deserialize, Default)]
pub struct ListQuery {
    /// Documents skipped.
    #[serde(default)]
    pub offset: u32,
}

/// `GET /workspace/documents`.
pub async fn list<S: CurationStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    let (page, total) = app.store.document_rows(q.offset, PAGE).await?;
    let evidence =
        app.uploads.data_dir().map(|d| lookout_ingest::Evidence::at(&lookout_ingest::pipeline::evidence_dir(d)));
    let mut rows = Vec::with_capacity(page.len());
    for row in page {
        let size = match &evidence {
            Some(e) => tokio::fs::metadata(e.path_of(&row.document.sha256)).await.map(|m| human_size(m.len())).ok(),
            None => None,
        };
        rows.push(DocumentLine {
            title: row.title.unwrap_or_default(),
            url: row.url,
            language: row.document.language,
            restricted: row.document.restricted,
            size: size.unwrap_or_else(|| "—".into()),
            open: row.open_proposals,
            sha256: row.document.sha256,
        });
    }
    let next = (u64::from(q.offset) + u64::from(PAGE) < total).then(|| q.offset + PAGE);
    let previous = (q.offset > 0).then(|| q.offset.saturating_sub(PAGE));
    let kinds = SourceKind::ALL.iter().map(|k| (k.as_str(), loc.t.source_kind(k))).collect();
    let page = DocumentsPage {
        chrome: Chrome::new(&loc, &session, Section::Documents),
        d: &loc.t.ws.documents,
        rows,
        total,
        previous,
        next,
        kinds,
        uploads: app.uploads.data_dir().is_some(),
    };
    Ok(no_store(page.render()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_digests() {
        assert_eq!(human_size(532), "532 B");
        assert_eq!(human_size(14_200), "14.2 KB");
        assert_eq!(human_size(52_428_800), "52.4 MB");
        assert!(is_sha256(&"ab".repeat(32)));
        assert!(!is_sha256(&"AB".repeat(32)));
        assert!(!is_sha256("../../lookout.db"));
    }
}
