//! One document: its text read first (so that an unreadable file leaves nothing behind), then its
//! original kept, its mentions found and linked, its repost group and proposals worked out.

use std::io::Read;
use std::path::{Path, PathBuf};

use lookout_core::{Document, PartialDate, Proposal, Source, SourceKind};
use serde::Serialize;

use super::{Record, SourceOptions};
use crate::evidence::Evidence;
use crate::proposals::DocumentRef;
use crate::registry::Registry;
use crate::text::{extract, Format, MAX_TEXT_BYTES};
use crate::{Finder, IngestError, Memo, MentionRecord, Reading};

/// An error reading `file`.
fn read(file: &Path) -> impl FnOnce(std::io::Error) -> IngestError + '_ {
    move |cause| IngestError::Read { file: file.display().to_string(), cause }
}

/// A problem with `file`.
fn unreadable(file: &Path, problem: impl Into<String>) -> IngestError {
    IngestError::Unreadable { file: file.display().to_string(), problem: problem.into() }
}

/// Bytes of each document read for text: `LOOKOUT_INGEST_TEXT_LIMIT`, default 64 MiB.
pub(crate) fn text_limit() -> u64 {
    std::env::var("LOOKOUT_INGEST_TEXT_LIMIT").ok().and_then(|v| v.parse().ok()).unwrap_or(MAX_TEXT_BYTES as u64)
}

/// What `--json` prints of a document.
#[derive(Debug, Serialize)]
pub struct DocumentReport {
    /// SHA-256 of the original.
    pub id: String,
    /// The file read.
    pub file: String,
    /// Its media type.
    pub media_type: String,
    /// Its size in bytes.
    pub size: u64,
    /// Its language.
    pub language: String,
    /// Whether only the first bytes were read for text.
    pub truncated: bool,
    /// Kept out of public search.
    pub restricted: bool,
    /// What it mentions (kept only for `--json`; the count is always kept).
    pub mentions: Vec<MentionRecord>,
    /// How many mentions it has.
    #[serde(skip)]
    pub mention_count: usize,
    /// How many statements it proposes.
    pub proposals: usize,
    /// What it proposes (kept only for `--json`, like the mentions).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub proposed: Vec<Proposal>,
    /// The original it reposts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub near_duplicate_of: Option<String>,
    /// Where it was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Its kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

/// A document read: what to report, to store and to index.
pub struct Ingested {
    /// What `--json` prints.
    pub report: DocumentReport,
    /// Whether the original was new to the evidence store.
    pub new_original: bool,
    /// Bytes read.
    pub bytes: u64,
    /// Its source.
    pub source: Source,
    /// Its document record.
    pub document: Document,
    /// What it proposes.
    pub proposals: Vec<Proposal>,
    /// Its text (for the search index).
    pub text: String,
    /// The start of its text with its mentions (for a document's page).
    pub reading: Reading,
}

/// A sidecar `NAME.meta.json` with `url`, `published`, `kind`, `lang`, `restricted`.
fn sidecar(path: &Path) -> Result<serde_json::Value, IngestError> {
    let side = PathBuf::from(format!("{}.meta.json", path.display()));
    if !side.exists() {
        return Ok(serde_json::Value::Null);
    }
    let text = std::fs::read_to_string(&side).map_err(read(&side))?;
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(value) if value.is_object() => Ok(value),
        Ok(_) => Err(unreadable(&side, "not a JSON object")),
        Err(e) => Err(unreadable(&side, format!("not a JSON object: {e}"))),
    }
}

/// The source record: its URL when given, else the file by its SHA-256.
fn source_of(sha: &str, url: Option<&str>, capture_name: &str) -> Source {
    match url {
        Some(url) => {
            let mut s = Source::from_url(url);
            s.title = Some(capture_name.to_string());
            s
        }
        None => {
            let mut s = Source::from_url(&format!("sha256:{sha}"));
            s.url = format!("file:{capture_name}");
            s.title = Some(capture_name.to_string());
            s.publisher = None;
            s.kind = SourceKind::File;
            s.kind_guess = None;
            s
        }
    }
}

/// A document read and analysed, before it is placed among the documents known.
pub(crate) struct Analysed {
    ingested: Ingested,
    simhash: u64,
}

/// Places an analysed document among those known (in the order given): a near copy of an
/// original is marked as such.
pub(crate) fn register(analysed: Analysed, registry: &mut Registry) -> Ingested {
    let Analysed { mut ingested, simhash } = analysed;
    let registered = registry.register(&ingested.document.sha256, simhash);
    ingested.document.copy_of = registered.copy_of.clone();
    ingested.report.near_duplicate_of = registered.copy_of;
    ingested
}

/// What every document of a run is analysed with.
pub(crate) struct Analyser {
    /// Where originals are kept.
    pub evidence: Evidence,
    /// What the record knows.
    pub record: Record,
    /// The tables mentions are found with.
    pub finder: Finder,
    /// What the command line says of the documents.
    pub options: SourceOptions,
    /// When the run captures them.
    pub now: String,
    /// Bytes of each document read for text ([`text_limit`]).
    pub text_limit: u64,
    /// Told of each document's stages.
    pub stages: super::StageSink,
}

impl Analyser {
    /// Reads, keeps and analyses one document, the `number`th of the run (from 1; any number at
    /// once, on several threads), with the calling worker's `memo`.
    pub(crate) fn analyse(&self, path: &Path, number: usize, memo: &mut Memo) -> Result<Analysed, IngestError> {
        let Analyser { evidence, record, finder, options: args, now, text_limit, stages } = self;
        let text_limit = *text_limit;
        let format = Format::of_name(&path.to_string_lossy()).ok_or_else(|| unreadable(path, "unknown format"))?;
        let side = sidecar(path)?;
        let pick = |key: &str, arg: &Option<String>| side[key].as_str().map(str::to_string).or_else(|| arg.clone());
        let (url, published, kind) =
            (pick("url", &args.url), pick("published", &args.published), pick("kind", &args.kind));
        let published_date: Option<PartialDate> = published
            .as_deref()
            .map(|p| p.parse())
            .transpose()
            .map_err(|e| unreadable(path, format!("published: {e}")))?;
        let kind_value: Option<SourceKind> =
            kind.as_deref().map(|k| k.parse()).transpose().map_err(|e| unreadable(path, format!("kind: {e}")))?;

        let mut head = Vec::new();
        let bytes = std::fs::metadata(path).map_err(read(path))?.len();
        stages(super::Stage::Extracting { document: number, bytes });
        std::fs::File::open(path).map_err(read(path))?.take(text_limit).read_to_end(&mut head).map_err(read(path))?;
        let text = extract(&head, format).map_err(|problem| unreadable(path, problem))?;
        drop(head);
        let size = bytes;
        let (capture, new_original) = evidence.store(path, format.media_type(), &args.by, now)?;
        let language = pick("lang", &args.lang).unwrap_or_else(|| crate::lang::detect(&text).to_string());

        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let mut source = source_of(&capture.sha256, url.as_deref(), &name);
        source.sha256 = Some(capture.sha256.clone());
        source.lang = Some(language.clone()).filter(|l| l == "en" || l == "zh");
        source.published = published_date;
        if let Some(k) = kind_value {
            source.kind = k;
            source.kind_guess = None;
        }
        // Whose text the public may search: a testimony never; one marked restricted never; one the
        // sidecar marks `"restricted": false` yes; otherwise one published at an address, and not a
        // file without one (it may be private material: an analyst opens it with its sidecar).
        let restricted = source.kind == SourceKind::Testimony
            || args.restricted
            || match side["restricted"].as_bool() {
                Some(marked) => marked,
                None => url.is_none(),
            };

        stages(super::Stage::FindingMentions { document: number, characters: text.chars().count() as u64 });
        let mut mentions = finder.find(&text, &record.names, memo, published_date);
        record.link(&text, &mut mentions);
        let reading = Reading::of(&text, &mentions);
        let simhash = crate::simhash::fingerprint(&text);
        let doc_ref = DocumentRef {
            source_id: source.id.clone(),
            sha256: capture.sha256.clone(),
            claimant: source.publisher.clone().unwrap_or_else(|| name.clone()),
            published: published_date,
        };
        let proposals = crate::proposals::propose(&text, &mentions, &record.known, &doc_ref);
        let document = Document {
            sha256: capture.sha256.clone(),
            source_id: source.id.clone(),
            language: language.clone(),
            characters: text.chars().count() as u64,
            simhash,
            copy_of: None,
            restricted,
        };
        let report = DocumentReport {
            id: capture.sha256,
            file: path.display().to_string(),
            media_type: capture.media_type,
            size,
            language,
            truncated: size > text_limit,
            restricted,
            mention_count: mentions.len(),
            // Without --json the mentions are not printed: they are dropped here rather than held
            // while the document waits for its turn to be recorded.
            mentions: if args.keep_mentions { mentions.iter().map(|m| m.record(&text)).collect() } else { Vec::new() },
            proposals: proposals.len(),
            proposed: if args.keep_mentions { proposals.clone() } else { Vec::new() },
            near_duplicate_of: None,
            url,
            published,
            kind,
        };
        let ingested =
            Ingested { report, new_original, bytes: size.min(text_limit), source, document, proposals, text, reading };
        Ok(Analysed { ingested, simhash })
    }
}
