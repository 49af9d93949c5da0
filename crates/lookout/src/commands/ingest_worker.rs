//! `lookout ingest-worker`: `lookout ingest`'s pipeline run for the server on the files of one
//! upload, telling its progress as `lookout_ingest::WorkerLine`s on standard output. It limits
//! itself first (memory, CPU time, stack, no core dump): a crafted file can only end this process,
//! and then nothing of the run is kept (the store's transaction and the index are committed only
//! at its end).

use std::io::Write;
use std::path::{Path, PathBuf};

use lookout_ingest::pipeline::{self, SourceOptions, Step};
use lookout_ingest::WorkerLine;
use rustix::process::{setrlimit, Resource, Rlimit};

/// Memory (data segment and private mappings) a worker may use.
const MEMORY: u64 = 3 << 30;
/// CPU seconds a worker may use (the server also stops it after its own wall-clock limit).
const CPU_SECONDS: u64 = 900;
/// Stack of its main thread.
const STACK: u64 = 8 << 20;

fn limit(resource: Resource, value: u64) -> std::io::Result<()> {
    setrlimit(resource, Rlimit { current: Some(value), maximum: Some(value) }).map_err(std::io::Error::from)
}

/// Limits this process: it reads untrusted files.
pub fn limit_self() -> anyhow::Result<()> {
    super::hardening::no_dumps();
    limit(Resource::Data, MEMORY)
        .and_then(|()| limit(Resource::Cpu, CPU_SECONDS))
        .and_then(|()| limit(Resource::Stack, STACK))
        .map_err(|e| anyhow::anyhow!("the ingest worker cannot limit itself: {e}"))
}

/// A message with the files' paths (under the server's data directory) replaced by their names.
fn without_paths(message: String, paths: &[PathBuf]) -> String {
    paths.iter().fold(message, |m, p| m.replace(&p.display().to_string(), &file_name(p)))
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// Writes one line and flushes it, so that the server sees it at once.
fn say(line: WorkerLine) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", line.to_line())?;
    out.flush()
}

/// Runs the pipeline over `paths` (files, in the order given), one line per event.
pub async fn run(data_dir: &Path, paths: &[PathBuf], options: &SourceOptions) -> anyhow::Result<()> {
    let store = match super::open_store(data_dir).await {
        Ok(store) => store,
        Err(e) => {
            say(WorkerLine::Stopped { problem: format!("{e:#}") })?;
            anyhow::bail!("{e:#}");
        }
    };
    // A line per stage, so that the upload's page shows where a long document is.
    let stages: pipeline::StageSink = std::sync::Arc::new(|at| {
        let _ = say(WorkerLine::Stage { at });
    });
    let summary = pipeline::run_with_stages(data_dir, &store, paths, options, stages, |step| {
        let line = match step {
            Step::Ingested { done, path, document } => WorkerLine::Ingested {
                done,
                file: file_name(path),
                sha256: document.document.sha256.clone(),
                proposals: document.proposals.len(),
                mentions: document.report.mention_count,
                near_duplicate_of: document.document.copy_of.clone(),
                new_original: document.new_original,
            },
            Step::Failed { done, path, error } => {
                WorkerLine::Failed { done, file: file_name(path), problem: without_paths(error.to_string(), paths) }
            }
        };
        say(line).map_err(|cause| lookout_ingest::IngestError::Io { file: "standard output".into(), cause })
    })
    .await;
    store.close().await;
    match summary {
        Ok(s) => say(WorkerLine::Finished { documents: s.documents, failed: s.failed })?,
        Err(e) => {
            say(WorkerLine::Stopped { problem: without_paths(e.to_string(), paths) })?;
            anyhow::bail!("{e}");
        }
    }
    Ok(())
}
