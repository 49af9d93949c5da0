//! `lookout sanitize-worker`: cleans one attachment read from standard input and writes the
//! answer to standard output. The server starts one per file. It limits itself before reading
//! anything: memory, CPU time, stack, files, no core dump; whatever a crafted file does, it can
//! only end this process.

use std::io::{Read, Write};

use lookout_report::sanitize::{protocol, MAX_ATTACHMENT_BYTES};
use rustix::process::{setrlimit, Resource, Rlimit};

/// Memory (data segment and mappings) a worker may use.
const MEMORY: u64 = 1 << 30;
/// CPU seconds a worker may use.
const CPU_SECONDS: u64 = 20;
/// Stack a worker may use.
const STACK: u64 = 8 << 20;

fn limit(resource: Resource, value: u64) -> std::io::Result<()> {
    setrlimit(resource, Rlimit { current: Some(value), maximum: Some(value) }).map_err(std::io::Error::from)
}

/// Runs the worker; its exit status is failure only when it could not answer at all.
pub fn run() -> std::process::ExitCode {
    super::hardening::no_dumps();
    let limited = limit(Resource::Data, MEMORY)
        .and_then(|()| limit(Resource::Cpu, CPU_SECONDS))
        .and_then(|()| limit(Resource::Stack, STACK))
        .and_then(|()| limit(Resource::Fsize, 0))
        .and_then(|()| limit(Resource::Nofile, 16));
    if limited.is_err() {
        // Without its limits it does not read the file.
        return std::process::ExitCode::FAILURE;
    }
    let mut input = lookout_report::wipe::WipingBuffer::with_capacity(MAX_ATTACHMENT_BYTES + 1);
    let mut chunk = zeroize::Zeroizing::new(vec![0u8; 64 * 1024]);
    let mut stdin = std::io::stdin().lock();
    loop {
        match stdin.read(&mut chunk) {
            Ok(0) => break,
            Ok(n) if input.len() + n <= MAX_ATTACHMENT_BYTES + 1 => input.extend_from_slice(&chunk[..n]),
            Ok(_) => break,
            Err(_) => return std::process::ExitCode::FAILURE,
        }
    }
    let answer = protocol::answer(&input.into_inner());
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(&answer).and_then(|()| stdout.flush()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(_) => std::process::ExitCode::FAILURE,
    }
}
