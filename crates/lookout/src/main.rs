//! The `lookout` command: a thin layer over the library crates.

mod cli;
mod commands;

use clap::Parser;

/// mimalloc instead of the system allocator: imports allocate and free millions of small strings,
/// and glibc's malloc spent a fifth of the import's time on it (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Whether an error or panic message is a closed standard output (`lookout export | head`).
fn is_broken_pipe(message: &str) -> bool {
    message.contains("Broken pipe")
}

fn main() -> std::process::ExitCode {
    // A reader that stops reading (`| head`) is not an error of ours: end quietly, as Unix tools do.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message =
            payload.downcast_ref::<String>().map(String::as_str).or_else(|| payload.downcast_ref::<&str>().copied());
        if message.is_some_and(is_broken_pipe) {
            std::process::exit(0);
        }
        default_hook(info);
    }));
    let cli = cli::Cli::parse();
    commands::private_files();
    if matches!(cli.command, cli::Command::SanitizeWorker) {
        // Before any thread or runtime exists: the worker limits itself and reads one file.
        return commands::sanitize_worker();
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(commands::run(cli)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        // The error may wrap the I/O error in a library's own (CSV, JSON): its words tell.
        Err(e) if is_broken_pipe(&format!("{e:#}")) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
