//! `lookout ingest`: originals kept as evidence, their text read and their mentions found.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use lookout_core::{Batch, Schema, Source, SourceKind};
use lookout_ingest::evidence::Evidence;
use lookout_ingest::registry::Registry;
use lookout_ingest::text::{extract, Format, MAX_TEXT_BYTES};
use lookout_match::{NameIndex, Named};

/// What the command line says about the source of the documents.
pub struct SourceArgs {
    /// Where the document was found.
    pub url: Option<String>,
    /// When it was published.
    pub published: Option<String>,
    /// Its kind (news, ngo-report, official…).
    pub kind: Option<String>,
    /// Its language, when detection should not decide.
    pub lang: Option<String>,
    /// Who captures it.
    pub by: String,
    /// Print JSON lines.
    pub json: bool,
}

/// Bytes of each document read for text: `LOOKOUT_INGEST_TEXT_LIMIT`, default 64 MiB.
fn text_limit() -> u64 {
    std::env::var("LOOKOUT_INGEST_TEXT_LIMIT").ok().and_then(|v| v.parse().ok()).unwrap_or(MAX_TEXT_BYTES as u64)
}

/// The files named, directories walked (in name order); other files are listed as skipped.
fn documents(paths: &[PathBuf]) -> anyhow::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let (mut docs, mut skipped) = (Vec::new(), Vec::new());
    for path in paths {
        let meta = std::fs::metadata(path).with_context(|| format!("cannot read {}", path.display()))?;
        if meta.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
            entries.sort();
            let (d, s) = documents(&entries)?;
            docs.extend(d);
            skipped.extend(s);
        } else if path.to_string_lossy().ends_with(".meta.json") {
            // a sidecar
        } else if Format::of_name(&path.to_string_lossy()).is_some() {
            docs.push(path.clone());
        } else {
            skipped.push(path.clone());
        }
    }
    Ok((docs, skipped))
}

/// A sidecar `NAME.meta.json` with `url`, `published`, `kind`, `lang`.
fn sidecar(path: &Path) -> anyhow::Result<serde_json::Value> {
    let side = PathBuf::from(format!("{}.meta.json", path.display()));
    if !side.exists() {
        return Ok(serde_json::Value::Null);
    }
    let text = std::fs::read_to_string(&side).with_context(|| format!("cannot read {}", side.display()))?;
    serde_json::from_str(&text).with_context(|| format!("{}: not a JSON object", side.display()))
}

/// The organisations and public bodies of the store, indexed by name, to link mentions to.
async fn bodies(store: &lookout_store::SqliteStore) -> anyhow::Result<NameIndex> {
    use lookout_store::Store;
    let named = store.names(&[Schema::Organization, Schema::PublicBody], true).await?;
    Ok(NameIndex::build(
        named
            .into_iter()
            .map(|e| Named { id: e.id.to_string(), schema: e.schema.as_str().to_string(), names: e.names })
            .collect(),
    ))
}

/// Links each organisation mention to the stored body whose name matches it best, if any does.
fn link(doc: &mut serde_json::Value, index: &NameIndex) {
    let Some(mentions) = doc["mentions"].as_array_mut() else { return };
    for m in mentions.iter_mut().filter(|m| m["kind"] == "organisation") {
        let Some(text) = m["text"].as_str().map(str::to_string) else { continue };
        let best = index
            .candidates(&[&text], 500)
            .into_iter()
            .filter_map(|i| {
                let e = &index.entities()[i];
                let score = e
                    .names
                    .iter()
                    .map(|n| lookout_match::match_names(&text, n, Some(&e.schema)).score)
                    .fold(0.0, f64::max);
                (score >= lookout_match::THRESHOLD).then_some((score, e.id.clone()))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((_, id)) = best {
            m["entity_id"] = serde_json::Value::String(id);
        }
    }
}

/// The source record of an ingested document: its URL when given, else the file by its SHA-256.
fn source_of(doc: &serde_json::Value, capture_name: &str, args: &SourceArgs) -> anyhow::Result<Source> {
    let sha = doc["id"].as_str().unwrap_or_default().to_string();
    let mut source = match doc["url"].as_str() {
        Some(url) => Source::from_url(url),
        None => {
            let mut s = Source::from_url(&format!("sha256:{sha}"));
            s.url = format!("file:{capture_name}");
            s.publisher = None;
            s.kind = SourceKind::File;
            s.kind_guess = None;
            s
        }
    };
    source.title = Some(capture_name.to_string());
    source.sha256 = Some(sha);
    source.lang = doc["language"].as_str().filter(|l| *l == "en" || *l == "zh").map(str::to_string);
    if let Some(p) = doc["published"].as_str() {
        source.published = Some(p.parse().map_err(|e| anyhow::anyhow!("--published / published: {e}"))?);
    }
    if let Some(kind) = doc["kind"].as_str().or(args.kind.as_deref()) {
        source.kind = kind.parse().map_err(|e| anyhow::anyhow!("--kind / kind: {e}"))?;
        source.kind_guess = None;
    }
    Ok(source)
}

/// Ingests the files and directories named; each document also becomes a source in the store
/// (all in one transaction at the end).
pub async fn run(data_dir: &Path, paths: &[PathBuf], args: &SourceArgs) -> anyhow::Result<()> {
    if let Some(kind) = &args.kind {
        kind.parse::<SourceKind>().map_err(|e| anyhow::anyhow!("--kind: {e}"))?;
    }
    if let Some(p) = &args.published {
        p.parse::<lookout_core::PartialDate>().map_err(|e| anyhow::anyhow!("--published: {e}"))?;
    }
    let store = super::open_store(data_dir).await?;
    let index = bodies(&store).await?;
    let mut batch = Batch::new("lookout ingest");
    let (docs, skipped) = documents(paths)?;
    for s in &skipped {
        eprintln!("skipped {}: not .txt, .md, .html or .pdf", s.display());
    }
    let evidence = Evidence::at(&data_dir.join("evidence"));
    std::fs::create_dir_all(data_dir.join("evidence"))
        .with_context(|| format!("cannot create {}", data_dir.display()))?;
    let mut registry = Registry::open(&data_dir.join("evidence"))?;
    let progress = std::io::stderr().is_terminal();
    let started = std::time::Instant::now();
    let now = lookout_core::Timestamp::now().to_string();
    let (mut failed, mut new, mut bytes_read, mut mentions) = (0usize, 0usize, 0u64, 0usize);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (i, path) in docs.iter().enumerate() {
        if progress {
            eprint!("\r\x1b[2K[{}/{}] {}", i + 1, docs.len(), path.display());
        }
        match ingest_one(&evidence, &mut registry, path, args, &now).and_then(|(mut doc, was_new, size)| {
            link(&mut doc, &index);
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            batch.add_source(source_of(&doc, &name, args)?);
            Ok((doc, was_new, size))
        }) {
            Ok((doc, was_new, size)) => {
                new += usize::from(was_new);
                bytes_read += size;
                mentions += doc["mentions"].as_array().map_or(0, Vec::len);
                if args.json {
                    writeln!(out, "{doc}")?;
                } else {
                    writeln!(
                        out,
                        "{} {} ({}, {}): {} mentions{}{}",
                        &doc["id"].as_str().unwrap_or("")[..12],
                        path.display(),
                        doc["language"].as_str().unwrap_or(""),
                        doc["media_type"].as_str().unwrap_or(""),
                        doc["mentions"].as_array().map_or(0, Vec::len),
                        if was_new { "" } else { " (already kept)" },
                        doc["near_duplicate_of"]
                            .as_str()
                            .map(|o| format!("; a near-duplicate of {}", &o[..12]))
                            .unwrap_or_default()
                    )?;
                }
            }
            Err(e) => {
                failed += 1;
                if progress {
                    eprintln!();
                }
                eprintln!("error: {e:#}");
            }
        }
    }
    out.flush()?;
    if progress {
        eprintln!();
    }
    {
        use lookout_store::Store;
        store.write_batch(&batch).await.context("recording the documents as sources")?;
    }
    store.close().await;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "ingested {} of {} documents ({new} new), {mentions} mentions, in {secs:.2} s ({:.1} MB/s)",
        docs.len() - failed,
        docs.len(),
        bytes_read as f64 / 1e6 / secs.max(1e-9)
    );
    if failed > 0 {
        anyhow::bail!("{failed} document(s) could not be read; nothing was kept of them");
    }
    Ok(())
}

/// One document: text first (so that an unreadable file leaves nothing behind), then the
/// original kept, then mentions.
fn ingest_one(
    evidence: &Evidence,
    registry: &mut Registry,
    path: &Path,
    args: &SourceArgs,
    now: &str,
) -> anyhow::Result<(serde_json::Value, bool, u64)> {
    let format = Format::of_name(&path.to_string_lossy()).context("unknown format")?;
    let mut head = Vec::new();
    std::fs::File::open(path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .take(text_limit())
        .read_to_end(&mut head)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let text = extract(&head, format).map_err(|problem| anyhow::anyhow!("{}: {problem}", path.display()))?;
    let size = std::fs::metadata(path)?.len();
    let (capture, was_new) = evidence.store(path, format.media_type(), &args.by, now)?;
    let side = sidecar(path)?;
    let pick = |key: &str, arg: &Option<String>| side[key].as_str().map(str::to_string).or_else(|| arg.clone());
    let language = pick("lang", &args.lang).unwrap_or_else(|| lookout_ingest::lang::detect(&text).to_string());
    let found = lookout_ingest::extract_mentions(&text);
    let registered = registry.register(&capture.sha256, lookout_ingest::simhash::fingerprint(&text))?;
    let mut doc = serde_json::json!({
        "id": capture.sha256,
        "file": path.display().to_string(),
        "media_type": capture.media_type,
        "size": size,
        "language": language,
        "truncated": size > text_limit(),
        "mentions": found,
    });
    if let Some(original) = registered.duplicate_of {
        doc["near_duplicate_of"] = serde_json::Value::String(original);
    }
    for (key, arg) in [("url", &args.url), ("published", &args.published), ("kind", &args.kind)] {
        if let Some(v) = pick(key, arg) {
            doc[key] = serde_json::Value::String(v);
        }
    }
    Ok((doc, was_new, size.min(text_limit())))
}
