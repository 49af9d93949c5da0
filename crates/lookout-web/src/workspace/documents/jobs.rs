//! Uploads being read: each runs `lookout ingest`'s pipeline in a child process of the same
//! binary (`lookout ingest-worker`, which limits its own memory, CPU time and stack before it
//! reads a file), one upload at a time (the documents' index has one writer), killed after
//! `LOOKOUT_INGEST_TIMEOUT_SECS` (default 1200). The child's lines ([`WorkerLine`]) move the
//! job's files from waiting to read or failed; a child that crashes or is killed keeps nothing
//! (the store's transaction and the index are committed only at its end). Jobs live in memory:
//! a restart forgets them, and the upload directory is emptied at start.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use lookout_ingest::pipeline::Stage;
use lookout_ingest::WorkerLine;
use lookout_store::{AuditEvent, CurationStore};
use tokio::io::AsyncBufReadExt;
use tokio::sync::Semaphore;

/// How the server runs an ingest in a child process.
#[derive(Debug, Clone)]
pub struct IngestCommand {
    /// The program (the `lookout` binary); it is run as `PROGRAM --data-dir DIR ingest-worker …`.
    pub program: PathBuf,
    /// The data directory (store, evidence, readings, uploads being read).
    pub data_dir: PathBuf,
}

/// What a file of an upload came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileOutcome {
    /// Not read yet.
    Waiting,
    /// Read: its document and what it proposes.
    Read {
        /// The SHA-256 of its original.
        sha256: String,
        /// Statements proposed.
        proposals: usize,
        /// Mentions found.
        mentions: usize,
    },
    /// Not read, and nothing of it kept: why.
    Failed(String),
}

/// A file of an upload.
#[derive(Debug, Clone)]
pub struct UploadFile {
    /// Its name as uploaded (made safe).
    pub name: String,
    /// Its size in bytes.
    pub size: u64,
    /// Where it waits to be read.
    pub path: PathBuf,
    /// What it came to.
    pub outcome: FileOutcome,
}

/// Where an upload stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobState {
    /// Waiting for another upload to be read.
    Queued,
    /// Being read.
    Running,
    /// Read and recorded.
    Done,
    /// Stopped: nothing of it was kept.
    Stopped(String),
}

/// The fields of the upload form, checked, as the worker takes them.
#[derive(Debug, Clone, Default)]
pub struct UploadOptions {
    /// Where it was published.
    pub url: Option<String>,
    /// When.
    pub published: Option<String>,
    /// The kind of source.
    pub kind: Option<String>,
    /// The language.
    pub lang: Option<String>,
    /// Kept out of public search, its original from the public.
    pub restricted: bool,
}

/// An upload and where it stands.
#[derive(Debug, Clone)]
pub struct Job {
    /// The account that uploaded it.
    pub by: String,
    /// Its files, in the order sent.
    pub files: Vec<UploadFile>,
    /// Where it stands.
    pub state: JobState,
    /// The stage the reader last told of, while it runs.
    pub stage: Option<Stage>,
    /// When it was received.
    pub received: Instant,
}

impl Job {
    /// Takes in one line of the reader; what it says of the end of the run, if it does:
    /// `Some(Ok)` recorded, `Some(Err)` stopped.
    pub fn take(&mut self, line: WorkerLine) -> Option<Result<(), String>> {
        match line {
            WorkerLine::Ingested { done, sha256, proposals, mentions, .. } => {
                if let Some(f) = self.files.get_mut(done.wrapping_sub(1)) {
                    f.outcome = FileOutcome::Read { sha256, proposals, mentions };
                }
            }
            WorkerLine::Failed { done, problem, .. } => {
                if let Some(f) = self.files.get_mut(done.wrapping_sub(1)) {
                    f.outcome = FileOutcome::Failed(problem);
                }
            }
            WorkerLine::Stage { at } => self.stage = Some(at),
            WorkerLine::Finished { .. } => return Some(Ok(())),
            WorkerLine::Stopped { problem } => return Some(Err(problem)),
        }
        None
    }
}

/// Most jobs remembered; the oldest finished ones are forgotten first.
const MAX_JOBS: usize = 200;

/// The uploads of this server.
pub struct Uploads {
    command: Option<IngestCommand>,
    jobs: Mutex<HashMap<String, (u64, Job)>>,
    turn: Semaphore,
    timeout: Duration,
    serial: std::sync::atomic::AtomicU64,
}

impl Uploads {
    /// Uploads read with `command` (none: uploads are refused). Files left by an earlier run of
    /// the server are removed.
    pub fn new(command: Option<IngestCommand>) -> Uploads {
        if let Some(c) = &command {
            let _ = std::fs::remove_dir_all(c.data_dir.join("uploads"));
        }
        let timeout = std::env::var("LOOKOUT_INGEST_TIMEOUT_SECS").ok().and_then(|v| v.parse().ok()).unwrap_or(1200);
        Uploads {
            command,
            jobs: Mutex::default(),
            turn: Semaphore::new(1),
            timeout: Duration::from_secs(timeout),
            serial: Default::default(),
        }
    }

    /// The data directory, when uploads are taken.
    pub fn data_dir(&self) -> Option<&std::path::Path> {
        self.command.as_ref().map(|c| c.data_dir.as_path())
    }

    /// A new directory for an upload's files, private to the server's user (umask 077), and the
    /// job's id (128 random bits, hex).
    pub fn new_upload_dir(&self) -> Option<(String, PathBuf)> {
        let id: String = lookout_report::random_bytes::<16>().iter().map(|b| format!("{b:02x}")).collect();
        let dir = self.data_dir()?.join("uploads").join(&id);
        std::fs::create_dir_all(&dir).ok()?;
        Some((id, dir))
    }

    /// The job `id` as `by` may see it (only the account that uploaded it).
    pub fn job(&self, id: &str, by: &str) -> Option<Job> {
        let jobs = self.jobs.lock().ok()?;
        jobs.get(id).map(|(_, j)| j.clone()).filter(|j| j.by == by)
    }

    fn update(&self, id: &str, change: impl FnOnce(&mut Job)) {
        if let Ok(mut jobs) = self.jobs.lock() {
            if let Some((_, job)) = jobs.get_mut(id) {
                change(job);
            }
        }
    }

    /// Starts reading the upload `id` (its files in `dir`) in the background; its audit entries
    /// (`document.uploaded`, one per document read) are appended once it is recorded.
    pub fn start<S: CurationStore>(
        self: &Arc<Self>,
        store: Arc<S>,
        id: String,
        dir: PathBuf,
        job: Job,
        options: UploadOptions,
    ) {
        if let Ok(mut jobs) = self.jobs.lock() {
            if jobs.len() >= MAX_JOBS {
                let finished =
                    jobs.iter().filter(|(_, (_, j))| matches!(j.state, JobState::Done | JobState::Stopped(_)));
                if let Some(oldest) = finished.min_by_key(|(_, (n, _))| *n).map(|(k, _)| k.clone()) {
                    jobs.remove(&oldest);
                }
            }
            let n = self.serial.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            jobs.insert(id.clone(), (n, job.clone()));
        }
        let uploads = self.clone();
        tokio::spawn(async move {
            let outcome = uploads.run(&id, &job, &options).await;
            let _ = tokio::fs::remove_dir_all(&dir).await;
            match outcome {
                Ok(()) => {
                    let read: Vec<AuditEvent> = uploads
                        .job(&id, &job.by)
                        .map(|j| j.files)
                        .unwrap_or_default()
                        .iter()
                        .filter_map(|f| match &f.outcome {
                            FileOutcome::Read { sha256, .. } => {
                                Some(AuditEvent::today(&job.by, "document.uploaded", sha256))
                            }
                            _ => None,
                        })
                        .collect();
                    if let Err(e) = store.record_upload(&read).await {
                        eprintln!("lookout-web: upload {id}: the audit entries could not be written: {e}");
                    }
                    uploads.update(&id, |j| j.state = JobState::Done);
                }
                Err(problem) => uploads.update(&id, |j| {
                    for f in &mut j.files {
                        if !matches!(f.outcome, FileOutcome::Failed(_)) {
                            f.outcome = FileOutcome::Failed(problem.clone());
                        }
                    }
                    j.state = JobState::Stopped(problem);
                }),
            }
        });
    }

    /// Runs the worker over the job's files; `Err` says why nothing was kept.
    async fn run(&self, id: &str, job: &Job, options: &UploadOptions) -> Result<(), String> {
        let command = self.command.as_ref().ok_or("uploads are not accepted by this server")?;
        let _turn = self.turn.acquire().await.map_err(|_| "the server is shutting down".to_string())?;
        self.update(id, |j| j.state = JobState::Running);
        let mut cmd = tokio::process::Command::new(&command.program);
        cmd.arg("--data-dir").arg(&command.data_dir).arg("ingest-worker").arg("--by").arg(&job.by);
        let flags = [("--url", &options.url), ("--published", &options.published), ("--kind", &options.kind)];
        for (flag, value) in flags.into_iter().chain([("--lang", &options.lang)]) {
            if let Some(v) = value {
                cmd.arg(flag).arg(v);
            }
        }
        if options.restricted {
            cmd.arg("--restricted");
        }
        cmd.arg("--").args(job.files.iter().map(|f| &f.path));
        let mut child = cmd
            .env_clear()
            .envs(crate::CHILD_ENV)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|_| "documents cannot be read on this server just now".to_string())?;
        let stdout = child.stdout.take().expect("piped");
        let follow = async {
            let mut lines = tokio::io::BufReader::new(stdout).lines();
            let mut finished = None;
            while let Ok(Some(line)) = lines.next_line().await {
                if let Some(line) = WorkerLine::parse(&line) {
                    let mut end = None;
                    self.update(id, |j| end = j.take(line));
                    finished = end.or(finished);
                }
            }
            finished
        };
        let finished = tokio::time::timeout(self.timeout, follow).await;
        let status = tokio::time::timeout(Duration::from_secs(10), child.wait()).await;
        match (finished, status) {
            (Ok(Some(Ok(()))), Ok(Ok(status))) if status.success() => Ok(()),
            (Ok(Some(Err(problem))), _) => Err(format!("the documents could not be recorded: {problem}")),
            (Err(_), _) => {
                let _ = child.kill().await;
                Err(format!("reading took longer than {} s and was stopped", self.timeout.as_secs()))
            }
            _ => {
                let _ = child.kill().await;
                Err("the reader stopped before the end (a damaged file, or more memory or time than it may use)"
                    .to_string())
            }
        }
    }
}
