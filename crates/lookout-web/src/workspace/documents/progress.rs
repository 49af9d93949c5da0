//! `GET /workspace/documents/uploads/{id}`: where an upload stands, file by file. While it is
//! read the page refreshes itself (`<meta http-equiv="refresh">`, no JavaScript); once done it
//! links each document read to its page and its proposals in the inbox. Only the account that
//! uploaded sees it.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use lookout_store::CurationStore;

use super::human_size;
use super::jobs::{FileOutcome, Job, JobState};
use crate::error::WebError;
use crate::i18n::workspace::WsDocumentsText;
use crate::i18n::Locale;
use crate::reporting::review::no_store;
use crate::reporting::session::AnyAccount;
use crate::state::AppState;
use crate::workspace::chrome::{Chrome, RefreshQuery, Section};
use lookout_ingest::pipeline::Stage;

/// A file's line on the page.
pub struct FileLine {
    /// Its name.
    pub name: String,
    /// Its size, in words.
    pub size: String,
    /// `waiting`, `reading`, `read` or `failed`.
    pub state: &'static str,
    /// Its document, once read.
    pub sha256: Option<String>,
    /// Proposals, once read.
    pub proposals: usize,
    /// Mentions, once read.
    pub mentions: usize,
    /// Why it failed.
    pub problem: String,
    /// While it is read: what is being done to it, in words.
    pub detail: String,
}

/// The upload's page.
#[derive(Template)]
#[template(path = "ws_upload.html")]
pub struct UploadPage {
    /// The frame.
    pub chrome: Chrome,
    /// The section's words.
    pub d: &'static WsDocumentsText,
    /// `queued`, `running`, `done` or `stopped`.
    pub state: &'static str,
    /// Why it stopped.
    pub problem: String,
    /// Its files.
    pub files: Vec<FileLine>,
    /// Seconds since it was received.
    pub elapsed: u64,
    /// What the whole run is doing, in words, when it is not at one file.
    pub stage: &'static str,
    /// Whether the work runs (the page may refresh itself).
    pub refresh: bool,
    /// Whether the reader lets it refresh itself.
    pub auto_refresh: bool,
}

/// `GET /workspace/documents/uploads/{id}`.
pub async fn page<S: CurationStore>(
    State(app): State<AppState<S>>,
    AnyAccount(session): AnyAccount,
    loc: Locale,
    Path(id): Path<String>,
    axum::extract::Query(choice): axum::extract::Query<RefreshQuery>,
) -> Result<Response, WebError> {
    let job = app.uploads.job(&id, &session.who.name).ok_or_else(|| WebError::NotFound("this upload".into()))?;
    let (state, problem) = match &job.state {
        JobState::Queued => ("queued", String::new()),
        JobState::Running => ("running", String::new()),
        JobState::Done => ("done", String::new()),
        JobState::Stopped(why) => ("stopped", why.clone()),
    };
    let (files, stage) = lines(&job, &loc.t.ws.documents);
    let page = UploadPage {
        chrome: Chrome::new(&loc, &session, Section::Documents),
        d: &loc.t.ws.documents,
        refresh: matches!(state, "queued" | "running"),
        auto_refresh: choice.auto(),
        state,
        problem,
        files,
        elapsed: job.received.elapsed().as_secs(),
        stage,
    };
    Ok(no_store(page.render()?))
}

/// The files' lines and the run's stage in words, as `job` stands.
fn lines(job: &Job, d: &'static WsDocumentsText) -> (Vec<FileLine>, &'static str) {
    let running = job.state == JobState::Running;
    // The file the reader last told of, and what it does to it.
    let told = match job.stage {
        Some(Stage::Extracting { document, bytes }) if running => {
            Some((document, format!("{} ({})", d.stage_extracting, human_size(bytes))))
        }
        Some(Stage::FindingMentions { document, characters }) if running => {
            Some((document, format!("{} {} {}", d.stage_finding, characters, d.characters_word)))
        }
        _ => None,
    };
    let at_one_file = told
        .as_ref()
        .is_some_and(|(n, _)| job.files.get(n.wrapping_sub(1)).is_some_and(|f| f.outcome == FileOutcome::Waiting));
    let mut reading_marked = false;
    let files = job
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut line = FileLine {
                name: f.name.clone(),
                size: human_size(f.size),
                state: "waiting",
                sha256: None,
                proposals: 0,
                mentions: 0,
                problem: String::new(),
                detail: String::new(),
            };
            match &f.outcome {
                FileOutcome::Waiting if at_one_file => {
                    if let Some((_, detail)) = told.as_ref().filter(|(n, _)| *n == i + 1) {
                        line.state = "reading";
                        line.detail = detail.clone();
                    }
                }
                FileOutcome::Waiting if running && !reading_marked => {
                    reading_marked = true;
                    line.state = "reading";
                }
                FileOutcome::Waiting => {}
                FileOutcome::Read { sha256, proposals, mentions } => {
                    line.state = "read";
                    line.sha256 = Some(sha256.clone());
                    (line.proposals, line.mentions) = (*proposals, *mentions);
                }
                FileOutcome::Failed(why) => {
                    line.state = "failed";
                    line.problem = why.clone();
                }
            }
            line
        })
        .collect();
    let stage = match job.stage {
        Some(Stage::ReadingRecord) if running => d.stage_record,
        Some(Stage::Recording) if running => d.stage_recording,
        _ => "",
    };
    (files, stage)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workspace::documents::jobs::UploadFile;
    use lookout_ingest::WorkerLine;

    fn file(name: &str) -> UploadFile {
        UploadFile { name: name.into(), size: 10 << 20, path: name.into(), outcome: FileOutcome::Waiting }
    }

    #[test]
    fn a_long_file_shows_what_is_being_done_to_it() {
        let d = &crate::i18n::EN.ws.documents;
        let mut job = Job {
            by: "ana".into(),
            files: vec![file("a.pdf"), file("b.pdf")],
            state: JobState::Running,
            stage: None,
            received: std::time::Instant::now(),
        };
        assert_eq!(job.take(WorkerLine::Stage { at: Stage::ReadingRecord }), None);
        let (files, stage) = lines(&job, d);
        assert_eq!(stage, d.stage_record);
        assert_eq!(files[0].state, "reading", "the first file waiting is the one read next");

        job.take(WorkerLine::Stage { at: Stage::Extracting { document: 2, bytes: 10 << 20 } });
        job.take(WorkerLine::Stage { at: Stage::FindingMentions { document: 2, characters: 2_000_000 } });
        let (files, stage) = lines(&job, d);
        assert_eq!(stage, "");
        assert_eq!((files[0].state, files[1].state), ("waiting", "reading"));
        assert_eq!(files[1].detail, "finding mentions in 2000000 characters");

        let read = WorkerLine::Ingested {
            done: 2,
            file: "b.pdf".into(),
            sha256: "ab".repeat(32),
            proposals: 3,
            mentions: 40,
            near_duplicate_of: None,
            new_original: true,
        };
        assert_eq!(job.take(read), None);
        job.take(WorkerLine::Stage { at: Stage::Recording });
        let (files, stage) = lines(&job, d);
        assert_eq!((files[1].state, files[1].proposals), ("read", 3));
        assert_eq!(stage, d.stage_recording);
        assert_eq!(job.take(WorkerLine::Finished { documents: 2, failed: 0 }), Some(Ok(())));
        job.state = JobState::Done;
        assert_eq!(lines(&job, d).1, "", "no stage once done");
        assert_eq!(job.take(WorkerLine::Stopped { problem: "disk full".into() }), Some(Err("disk full".into())));
    }
}
