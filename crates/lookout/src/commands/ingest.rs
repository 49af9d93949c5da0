//! `lookout ingest`: the pipeline of `lookout_ingest::pipeline` run over the files and directories
//! named, with a line per document (or a JSON line with `--json`) and progress on a terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use lookout_ingest::pipeline::{self, Ingested, SourceOptions, Step};

pub use lookout_ingest::pipeline::index_dir;

/// Ingests the files and directories named.
pub async fn run(data_dir: &Path, paths: &[PathBuf], options: &SourceOptions) -> anyhow::Result<()> {
    options.check_values()?;
    let (docs, skipped) = pipeline::documents(paths)?;
    // Before the store is opened (and the data directory made): a wrong option changes nothing.
    options.check(docs.len())?;
    for s in &skipped {
        eprintln!("skipped {}: not .txt, .md, .html or .pdf", s.display());
    }
    let store = super::open_store(data_dir).await?;
    let started = std::time::Instant::now();
    let progress = std::io::stderr().is_terminal();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let total = docs.len();
    let summary = pipeline::run(data_dir, &store, &docs, options, |step| {
        let (Step::Ingested { done, path, .. } | Step::Failed { done, path, .. }) = step;
        if progress {
            eprint!("\r\x1b[2K[{done}/{total}] {}", path.display());
        }
        match step {
            Step::Ingested { path, document, .. } => report(&mut out, path, document, options.keep_mentions)
                .map_err(|cause| lookout_ingest::IngestError::Io { file: "standard output".into(), cause }),
            Step::Failed { error, .. } => {
                if progress {
                    eprintln!();
                }
                eprintln!("error: {error}");
                Ok(())
            }
        }
    })
    .await;
    out.flush()?;
    if progress {
        eprintln!();
    }
    let t = summary?;
    store.close().await;
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "ingested {} of {} documents ({} new), {} mentions, {} proposals, in {secs:.2} s ({:.1} MB/s)",
        t.documents - t.failed,
        t.documents,
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
fn report(out: &mut impl Write, path: &Path, doc: &Ingested, json: bool) -> std::io::Result<()> {
    let r = &doc.report;
    if json {
        serde_json::to_writer(&mut *out, r)?;
        return writeln!(out);
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
    )
}
