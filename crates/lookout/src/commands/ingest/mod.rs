//! `lookout ingest`: originals kept as evidence, their text read, their mentions found and linked
//! to the record, reposts grouped, statements proposed, and the text indexed for search. The store
//! records every document (as a source), its repost group and its proposals in one transaction,
//! written as the run goes and committed at its end; the search index is committed after it.

mod document;
mod known;
mod workers;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use lookout_core::{Batch, SourceKind};
use lookout_ingest::evidence::Evidence;
use lookout_ingest::registry::Registry;
use lookout_ingest::text::Format;
use lookout_search::{DocumentIndex, IndexedDocument};
use lookout_store::DocumentStore;

/// What the command line says about the source of the documents.
#[derive(Clone)]
pub struct SourceArgs {
    /// Where the document was found.
    pub url: Option<String>,
    /// When it was published.
    pub published: Option<String>,
    /// Its kind (news, ngo-report, official…).
    pub kind: Option<String>,
    /// Its language, when detection should not decide.
    pub lang: Option<String>,
    /// Keep the documents' text out of public search.
    pub restricted: bool,
    /// Who captures it.
    pub by: String,
    /// Print JSON lines.
    pub json: bool,
}

/// The directory of the documents' search index.
pub fn index_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("index").join("documents")
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

/// What a run has done so far.
#[derive(Default)]
struct Tally {
    failed: usize,
    new: usize,
    bytes: u64,
    mentions: usize,
    proposed: usize,
}

/// Documents recorded in the store per batch of the run's one transaction.
const DOCUMENTS_PER_BATCH: usize = 16;

/// Ingests the files and directories named.
pub async fn run(data_dir: &Path, paths: &[PathBuf], args: &SourceArgs) -> anyhow::Result<()> {
    if let Some(kind) = &args.kind {
        kind.parse::<SourceKind>().map_err(|e| anyhow::anyhow!("--kind: {e}"))?;
    }
    if let Some(p) = &args.published {
        p.parse::<lookout_core::PartialDate>().map_err(|e| anyhow::anyhow!("--published: {e}"))?;
    }
    let (docs, skipped) = documents(paths)?;
    if args.url.is_some() && docs.len() > 1 {
        anyhow::bail!(
            "--url names the place of one document, but {} were given; use a NAME.meta.json per document",
            docs.len()
        );
    }
    for s in &skipped {
        eprintln!("skipped {}: not .txt, .md, .html or .pdf", s.display());
    }
    let store = super::open_store(data_dir).await?;
    let record = Arc::new(known::read(&store).await?);
    let mut registry = Registry::new(store.documents().await?.into_iter().map(|d| (d.sha256, d.simhash, d.copy_of)));
    let search = DocumentIndex::open_or_create(&index_dir(data_dir))
        .with_context(|| format!("cannot open the search index in {}", index_dir(data_dir).display()))?;
    let mut writer =
        search.writer().context("cannot open the search index for writing (is another ingest running?)")?;
    std::fs::create_dir_all(data_dir.join("evidence"))
        .with_context(|| format!("cannot create {}", data_dir.display()))?;
    let started = std::time::Instant::now();
    let job: workers::Job<document::Analysed> = {
        let (evidence, record, args) = (Evidence::at(&data_dir.join("evidence")), record.clone(), args.clone());
        let now = lookout_core::Timestamp::now().to_string();
        Arc::new(move |path: &Path| document::analyse(&evidence, &record, path, &args, &now))
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut analysed = workers::Workers::start(threads, docs.clone(), job);

    // One transaction for the whole run, written a batch of documents at a time; the search
    // index is committed once the store has committed.
    let recorded_by = format!("lookout ingest ({})", args.by);
    let mut records = store.begin_batches().await?;
    let mut batch = Batch::new(recorded_by.as_str());
    let progress = std::io::stderr().is_terminal();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut tally = Tally::default();
    let mut done = 0;
    while let Some((path, result)) = analysed.next().await {
        done += 1;
        if progress {
            eprint!("\r\x1b[2K[{done}/{}] {}", docs.len(), path.display());
        }
        let doc = match result {
            Ok(a) => document::register(a, &mut registry),
            Err(e) => {
                tally.failed += 1;
                if progress {
                    eprintln!();
                }
                eprintln!("error: {e:#}");
                continue;
            }
        };
        report(&mut out, &path, &doc, args.json)?;
        tally.new += usize::from(doc.new_original);
        tally.bytes += doc.bytes;
        tally.mentions += doc.report.mention_count;
        tally.proposed += doc.proposals.len();
        if !search.contains(&doc.document.sha256)? {
            writer.add(IndexedDocument {
                sha256: doc.document.sha256.clone(),
                source_id: doc.source.id.to_string(),
                // The publisher, where the source has an address, then the file's name.
                title: match (&doc.source.publisher, &doc.source.title) {
                    (Some(p), Some(t)) => format!("{p} · {t}"),
                    (p, t) => p.clone().or_else(|| t.clone()).unwrap_or_default(),
                },
                language: doc.document.language.clone(),
                text: doc.text,
                restricted: doc.document.restricted,
            })?;
        }
        batch.add_source(doc.source);
        batch.add_document(doc.document)?;
        for p in doc.proposals {
            batch.add_proposal(p)?;
        }
        if batch.documents.len() >= DOCUMENTS_PER_BATCH {
            records.write(&batch).await.context("recording the documents")?;
            batch = Batch::new(recorded_by.as_str());
        }
    }
    drop(analysed);
    out.flush()?;
    if progress {
        eprintln!();
    }
    // Dropped on an error above, the transaction and the index writer keep nothing.
    records.write(&batch).await.context("recording the documents")?;
    records.commit().await.context("recording the documents")?;
    writer.commit().context("committing the search index")?;
    store.close().await;
    let secs = started.elapsed().as_secs_f64();
    let t = tally;
    eprintln!(
        "ingested {} of {} documents ({} new), {} mentions, {} proposals, in {secs:.2} s ({:.1} MB/s)",
        docs.len() - t.failed,
        docs.len(),
        t.new,
        t.mentions,
        t.proposed,
        t.bytes as f64 / 1e6 / secs.max(1e-9)
    );
    if t.proposed > 0 {
        eprintln!("review the proposals: lookout review");
    }
    if t.failed > 0 {
        anyhow::bail!("{} document(s) could not be read; nothing was kept of them", t.failed);
    }
    Ok(())
}

/// One line (or JSON line) about a document.
fn report(out: &mut impl Write, path: &Path, doc: &document::Ingested, json: bool) -> anyhow::Result<()> {
    let r = &doc.report;
    if json {
        serde_json::to_writer(&mut *out, r)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{} {} ({}, {}): {} mentions, {} proposals{}{}",
        &r.id[..12],
        path.display(),
        r.language,
        r.media_type,
        r.mention_count,
        r.proposals,
        if doc.new_original { "" } else { " (already kept)" },
        r.near_duplicate_of.as_deref().map(|o| format!("; a near-duplicate of {}", &o[..12])).unwrap_or_default()
    )?;
    Ok(())
}
