//! The `lookout` command: a thin layer over the library crates.

mod cli;
mod commands;

use clap::Parser;

/// mimalloc instead of the system allocator: imports allocate and free millions of small strings,
/// and glibc's malloc spent a fifth of the import's time on it (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = cli::Cli::parse();
    match commands::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
