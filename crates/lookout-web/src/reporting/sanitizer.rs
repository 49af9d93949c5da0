//! Cleaning attachments where a crafted file cannot reach the server: each file goes to a child
//! process (`lookout sanitize-worker`, which limits its own memory, CPU time, stack and files
//! before it reads anything) on standard input, and its answer comes back on standard output.
//! A child that crashes, runs out of its limits or takes too long is killed and the file refused;
//! only a few run at once, so that a flood of attachments queues instead of starving the pages.

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::Duration;

use lookout_report::sanitize::{protocol, Cleaned, MAX_ATTACHMENT_BYTES};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::Semaphore;
use zeroize::Zeroizing;

/// The command that cleans one attachment.
#[derive(Debug, Clone)]
pub struct SanitizerCommand {
    /// The program (the `lookout` binary).
    pub program: PathBuf,
    /// Its arguments (`sanitize-worker`).
    pub args: Vec<OsString>,
}

/// Runs [`SanitizerCommand`]s, a bounded number at a time.
pub struct Sanitizer {
    command: Option<SanitizerCommand>,
    slots: Semaphore,
    timeout: Duration,
}

/// Longest a reporter's attachment waits for a free slot.
const QUEUE_WAIT: Duration = Duration::from_secs(60);
/// Most bytes read back from a child (a rebuilt PDF can be somewhat larger than the original).
const MAX_ANSWER: usize = 4 * MAX_ATTACHMENT_BYTES;

impl Sanitizer {
    /// Runs `command`, at most `in_flight` at once, each for at most `timeout`.
    pub fn new(command: SanitizerCommand, in_flight: usize, timeout: Duration) -> Sanitizer {
        Sanitizer { command: Some(command), slots: Semaphore::new(in_flight.max(1)), timeout }
    }

    /// A sanitizer that refuses every attachment (a server without the worker command).
    pub fn refusing() -> Sanitizer {
        Sanitizer { command: None, slots: Semaphore::new(1), timeout: Duration::ZERO }
    }

    /// Cleans one attachment in a child process, or says why it cannot be taken.
    pub async fn clean(&self, bytes: Zeroizing<Vec<u8>>) -> Result<Cleaned, String> {
        let Some(command) = &self.command else { return Err("attachments are not accepted by this server".into()) };
        let _slot = tokio::time::timeout(QUEUE_WAIT, self.slots.acquire())
            .await
            .map_err(|_| "too many attachments are being cleaned just now: try again in a few minutes".to_string())?
            .map_err(|_| "the server is shutting down".to_string())?;
        let mut child = tokio::process::Command::new(&command.program)
            .args(&command.args)
            .env_clear()
            .envs(crate::CHILD_ENV)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|_| "attachments cannot be cleaned on this server just now".to_string())?;
        let mut stdin = child.stdin.take().expect("piped");
        let mut stdout = child.stdout.take().expect("piped");
        let feed = async move {
            let _ = stdin.write_all(&bytes).await;
            drop(stdin);
        };
        let read = async move {
            let mut answer = lookout_report::wipe::WipingBuffer::with_capacity(MAX_ATTACHMENT_BYTES + 4096);
            let mut chunk = Zeroizing::new(vec![0u8; 64 * 1024]);
            loop {
                match stdout.read(&mut chunk).await {
                    Ok(0) => return Ok(answer.into_inner()),
                    Ok(n) if answer.len() + n <= MAX_ANSWER => answer.extend_from_slice(&chunk[..n]),
                    _ => return Err(()),
                }
            }
        };
        let work = async { tokio::join!(feed, read, child.wait()) };
        let too_complex = "it could not be cleaned safely: it is damaged, or too large or complex \
                           (save or print it again as JPEG, PNG or PDF and attach that)";
        match tokio::time::timeout(self.timeout, work).await {
            Ok(((), Ok(answer), Ok(status))) if status.success() => protocol::read_answer(&answer),
            _ => Err(too_complex.into()),
        }
    }
}
