//! Reading a reporter's multipart message: its text fields, and its files held (wiped when
//! dropped) until they are cleaned in child processes. Nothing here parses a file.

use axum::extract::multipart::Field;
use axum::extract::Multipart;
use lookout_report::content::Attachment;
use lookout_report::sanitize::MAX_ATTACHMENT_BYTES;
use lookout_report::wipe::WipingBuffer;
use lookout_store::ReportStore;
use zeroize::{Zeroize, Zeroizing};

use crate::state::AppState;

/// Values of the form (kept when the form comes back with a problem); wiped when dropped.
#[derive(Default, Clone)]
pub struct Values {
    /// Category code.
    pub category: String,
    /// Country code.
    pub country: String,
    /// City.
    pub city: String,
    /// Month.
    pub month: String,
    /// Organisation.
    pub organisation: String,
    /// Details.
    pub details: String,
}

impl Drop for Values {
    fn drop(&mut self) {
        self.details.zeroize();
        self.city.zeroize();
        self.organisation.zeroize();
        self.month.zeroize();
        self.country.zeroize();
        self.category.zeroize();
    }
}

/// Most attachments per message.
pub const MAX_ATTACHMENTS: usize = 5;

/// A multipart message as received.
pub struct Received {
    /// The first problem (the other fields are still read, to fill the form again).
    pub problem: Option<String>,
    /// The receipt code (follow-ups).
    pub code: Zeroizing<String>,
    /// The form's fields.
    pub values: Values,
    /// Files as sent, not yet cleaned.
    pub files: Vec<Zeroizing<Vec<u8>>>,
}

/// Reads one file field whole, up to the size limit; `None` when it is larger (what was read is
/// wiped, the rest drained).
async fn read_file(field: &mut Field<'_>) -> Result<Option<Zeroizing<Vec<u8>>>, String> {
    let mut bytes = WipingBuffer::with_capacity(256 * 1024);
    let mut too_large = false;
    while let Some(chunk) =
        field.chunk().await.map_err(|e| format!("an attachment could not be read ({})", e.status()))?
    {
        too_large |= bytes.len() + chunk.len() > MAX_ATTACHMENT_BYTES;
        if !too_large {
            bytes.extend_from_slice(&chunk);
        }
    }
    Ok((!too_large).then(|| bytes.into_inner()))
}

/// Reads a text field of at most `limit` bytes; `None` (the rest drained, what was read wiped)
/// when it is longer, so that no field can hold more memory than its words need.
async fn read_text(field: &mut Field<'_>, limit: usize) -> Result<Option<String>, String> {
    let mut bytes = WipingBuffer::with_capacity(limit.min(4096));
    let mut too_long = false;
    while let Some(chunk) = field.chunk().await.map_err(|e| format!("the form could not be read ({})", e.status()))? {
        too_long |= bytes.len() + chunk.len() > limit;
        if !too_long {
            bytes.extend_from_slice(&chunk);
        }
    }
    if too_long {
        return Ok(None);
    }
    let bytes = bytes.into_inner();
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(Some(text.to_string())),
        Err(_) => Err("a field is not text (UTF-8)".into()),
    }
}

/// Reads a multipart body. With `files` false (a refusal for load), files are drained unread and
/// only the words are kept, to fill the form again.
pub async fn receive(mut multipart: Multipart, files: bool) -> Result<Received, String> {
    let mut out = Received { problem: None, code: Zeroizing::default(), values: Values::default(), files: Vec::new() };
    let mut count = 0;
    while let Some(mut field) =
        multipart.next_field().await.map_err(|e| format!("the form could not be read ({})", e.status()))?
    {
        let name = field.name().unwrap_or("").to_string();
        if name == "attachment" {
            if !files {
                while let Ok(Some(_)) = field.chunk().await {}
                continue;
            }
            let Some(bytes) = read_file(&mut field).await? else {
                count += 1;
                out.problem.get_or_insert(format!("attachment {count}: larger than 10 MB"));
                continue;
            };
            if bytes.is_empty() {
                continue; // an empty file input
            }
            count += 1;
            if count > MAX_ATTACHMENTS {
                out.problem.get_or_insert(format!("at most {MAX_ATTACHMENTS} attachments"));
                continue;
            }
            out.files.push(bytes);
            continue;
        }
        let limit = match name.as_str() {
            "details" => 128 * 1024,
            "city" | "organisation" => 2048,
            "code" | "category" | "country" | "month" => 256,
            _ => 0,
        };
        let Some(text) = read_text(&mut field, limit).await? else {
            if limit > 0 {
                out.problem.get_or_insert(format!("{name}: too long"));
            }
            continue;
        };
        let slot = match name.as_str() {
            "code" => &mut *out.code,
            "category" => &mut out.values.category,
            "country" => &mut out.values.country,
            "city" => &mut out.values.city,
            "month" => &mut out.values.month,
            "organisation" => &mut out.values.organisation,
            "details" => &mut out.values.details,
            _ => continue, // a field the form does not have
        };
        *slot = text;
    }
    Ok(out)
}

/// Whether cleaned `attachments` fit in the storage quota for sealed reports, given what is
/// stored (words alone always fit).
pub async fn fits_quota<S: ReportStore>(app: &AppState<S>, attachments: &[Attachment]) -> Result<bool, String> {
    if attachments.is_empty() {
        return Ok(true);
    }
    let stored = app.store.sealed_bytes().await.map_err(|e| e.to_string())?;
    // Sealed attachments travel in base64: four bytes for three.
    let incoming: u64 = attachments.iter().map(|a| a.bytes.len() as u64 / 3 * 4 + 4).sum();
    Ok(stored + incoming <= app.reporting.quota_bytes)
}

/// Cleans each file in a child process; the first refusal names its attachment.
pub async fn clean_files<S>(app: &AppState<S>, files: Vec<Zeroizing<Vec<u8>>>) -> Result<Vec<Attachment>, String> {
    let mut out = Vec::with_capacity(files.len());
    for (i, file) in files.into_iter().enumerate() {
        match app.reporting.sanitizer.clean(file).await {
            Ok(cleaned) => out.push(Attachment::from(cleaned)),
            Err(reason) => return Err(format!("attachment {}: {reason}", i + 1)),
        }
    }
    Ok(out)
}
