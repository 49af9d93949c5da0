//! `POST /workspace/documents`: an upload of several documents with the fields `lookout ingest`
//! takes. The form's token comes first and is checked before any file is written; each file is
//! streamed to a private file under the data directory (never held whole in memory), refused
//! past 50 MB or when it is not .txt, .md, .html or .pdf. Any problem names the field or file,
//! removes what was written, and changes nothing; otherwise the upload is read in a child
//! process ([`super::jobs`]) and the browser is sent to its progress page.

use std::path::{Path, PathBuf};
use std::time::Instant;

use axum::extract::multipart::Field;
use axum::extract::{Multipart, State};
use axum::response::Response;
use lookout_core::{PartialDate, SourceKind};
use lookout_ingest::text::Format;
use lookout_store::CurationStore;
use tokio::io::AsyncWriteExt;

use super::jobs::{FileOutcome, Job, JobState, UploadFile, UploadOptions};
use crate::error::WebError;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;
use crate::workspace::forms::{self, field_error};
use crate::workspace::values::web_address;

/// Largest file taken.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Most files in one upload.
pub const MAX_FILES: usize = 10;
/// Largest upload body: the files and the form's fields.
pub const UPLOAD_BODY_LIMIT: usize = MAX_FILES * MAX_FILE_BYTES as usize + (1 << 20);
/// Largest text field.
const MAX_FIELD_BYTES: usize = 4096;

/// The text fields as sent.
#[derive(Default)]
struct Fields {
    url: String,
    published: String,
    kind: String,
    lang: String,
    restricted: bool,
}

/// A file's name as the evidence keeps it: its last path component, without control characters,
/// at most 120 characters (its extension kept).
fn safe_name(sent: &str) -> String {
    let last = sent.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = last.chars().filter(|c| !c.is_control()).collect::<String>().trim().to_string();
    let clean = clean.trim_start_matches('.').to_string();
    if clean.chars().count() <= 120 {
        return clean;
    }
    let (stem, ext) = clean.rsplit_once('.').unwrap_or((&clean, ""));
    format!("{}.{ext}", stem.chars().take(110).collect::<String>())
}

/// Reads a small text field whole.
async fn text_of(field: &mut Field<'_>, name: &str) -> Result<String, WebError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = field.chunk().await.map_err(|e| field_error(name, format!("could not be read ({e})")))? {
        bytes.extend_from_slice(&chunk);
        if bytes.len() > MAX_FIELD_BYTES {
            return Err(field_error(name, format!("at most {MAX_FIELD_BYTES} bytes")));
        }
    }
    String::from_utf8(bytes).map_err(|_| field_error(name, "not UTF-8 text"))
}

/// Streams one file field into `dir/N/NAME`; `None` for the empty part a browser sends when no
/// file was chosen.
async fn save_file(field: &mut Field<'_>, dir: &Path, n: usize) -> Result<Option<UploadFile>, WebError> {
    let sent = field.file_name().unwrap_or_default().to_string();
    let name = safe_name(&sent);
    let label = if name.is_empty() { "files".to_string() } else { format!("files: {name}") };
    let first = field.chunk().await.map_err(|e| field_error(&label, format!("could not be read ({e})")))?;
    let Some(first) = first else {
        if sent.is_empty() {
            return Ok(None);
        }
        return Err(field_error(&label, "the file is empty"));
    };
    if Format::of_name(&name).is_none() {
        return Err(field_error(&label, "only .txt, .md, .html and .pdf files are read"));
    }
    let folder = dir.join(n.to_string());
    let io = |e: std::io::Error| WebError::Internal(format!("upload: {e}"));
    tokio::fs::create_dir_all(&folder).await.map_err(io)?;
    let path = folder.join(&name);
    let mut file = tokio::fs::File::create(&path).await.map_err(io)?;
    let mut size = first.len() as u64;
    file.write_all(&first).await.map_err(io)?;
    while let Some(chunk) = field.chunk().await.map_err(|e| field_error(&label, format!("could not be read ({e})")))? {
        size += chunk.len() as u64;
        if size > MAX_FILE_BYTES {
            return Err(field_error(&label, "larger than 50 MB"));
        }
        file.write_all(&chunk).await.map_err(io)?;
    }
    file.flush().await.map_err(io)?;
    Ok(Some(UploadFile { name, size, path, outcome: FileOutcome::Waiting }))
}

/// Reads the form into `dir`: the token first, then the fields and files in any order.
async fn receive(
    multipart: &mut Multipart,
    session: &crate::reporting::session::Session,
    dir: &Path,
) -> Result<(Fields, Vec<UploadFile>), WebError> {
    let mut fields = Fields::default();
    let mut files = Vec::new();
    let mut token_checked = false;
    loop {
        let field = multipart.next_field().await.map_err(|e| field_error("form", format!("could not be read ({e})")));
        let Some(mut field) = field? else { break };
        let name = field.name().unwrap_or_default().to_string();
        if !token_checked {
            // Nothing is written before the form is known to be the session's.
            let token = if name == "csrf" { text_of(&mut field, "csrf").await? } else { String::new() };
            forms::check_token(session, &token)?;
            token_checked = true;
            continue;
        }
        match name.as_str() {
            "url" => fields.url = text_of(&mut field, "url").await?,
            "published" => fields.published = text_of(&mut field, "published").await?,
            "kind" => fields.kind = text_of(&mut field, "kind").await?,
            "lang" => fields.lang = text_of(&mut field, "lang").await?,
            "restricted" => fields.restricted = !text_of(&mut field, "restricted").await?.is_empty(),
            "files" => {
                if files.len() == MAX_FILES {
                    return Err(field_error("files", format!("at most {MAX_FILES} files at once")));
                }
                if let Some(file) = save_file(&mut field, dir, files.len()).await? {
                    files.push(file);
                }
            }
            other => return Err(field_error(other, "not a field of this form")),
        }
    }
    if !token_checked {
        forms::check_token(session, "")?;
    }
    if files.is_empty() {
        return Err(field_error("files", "choose at least one file"));
    }
    Ok((fields, files))
}

/// The fields checked, as the worker takes them.
fn options(fields: Fields, files: usize) -> Result<UploadOptions, WebError> {
    let opt = |s: String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    let url = opt(fields.url);
    if let Some(u) = &url {
        web_address(u).map_err(|e| field_error("url", e))?;
        if files > 1 {
            return Err(field_error("url", "an address names one document: upload the files one at a time"));
        }
    }
    let published = opt(fields.published);
    if let Some(p) = &published {
        p.parse::<PartialDate>().map_err(|e| field_error("published", e))?;
    }
    let kind = opt(fields.kind);
    if let Some(k) = &kind {
        k.parse::<SourceKind>().map_err(|e| field_error("kind", e))?;
    }
    let lang = opt(fields.lang);
    if let Some(l) = &lang {
        if !matches!(l.as_str(), "en" | "zh" | "mixed") {
            return Err(field_error("lang", "en, zh or mixed"));
        }
    }
    Ok(UploadOptions { url, published, kind, lang, restricted: fields.restricted })
}

/// `POST /workspace/documents`.
pub async fn upload<S: CurationStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    mut multipart: Multipart,
) -> Result<Response, WebError> {
    let (id, dir): (String, PathBuf) = app
        .uploads
        .new_upload_dir()
        .ok_or_else(|| WebError::BadRequest("uploads are not accepted by this server".into()))?;
    let received = receive(&mut multipart, &session, &dir).await.and_then(|(fields, files)| {
        let options = options(fields, files.len())?;
        Ok((options, files))
    });
    let (options, files) = match received {
        Ok(received) => received,
        Err(e) => {
            let _ = tokio::fs::remove_dir_all(&dir).await;
            // The rest of the body is read and dropped, so that the browser gets the message
            // rather than a connection closed while it still sends (the route bounds the body).
            while let Ok(Some(_)) = multipart.next_field().await {}
            return Err(e);
        }
    };
    let job =
        Job { by: session.who.name.clone(), files, state: JobState::Queued, stage: None, received: Instant::now() };
    app.uploads.start(app.store.clone(), id.clone(), dir, job, options);
    Ok(forms::see(&app, &format!("/workspace/documents/uploads/{id}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_their_last_component_and_extension() {
        assert_eq!(safe_name("../../etc/passwd.txt"), "passwd.txt");
        assert_eq!(safe_name("C:\\Users\\ana\\report.pdf"), "report.pdf");
        assert_eq!(safe_name(".hidden.md"), "hidden.md");
        assert_eq!(safe_name("a\u{7}b.html"), "ab.html");
        let long = format!("{}.pdf", "x".repeat(300));
        assert_eq!(safe_name(&long), format!("{}.pdf", "x".repeat(110)));
    }
}
