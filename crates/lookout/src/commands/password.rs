//! Passwords read from standard input: without echo on a terminal, as they come from a pipe.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{bail, Context};
use zeroize::Zeroizing;

/// Reads one line of standard input: on a terminal, after a prompt and without echoing what
/// is typed; otherwise (a pipe) as it comes.
fn read_line_hidden(prompt: &str) -> anyhow::Result<Zeroizing<String>> {
    let stdin = std::io::stdin();
    let terminal = stdin.is_terminal();
    // Echo goes off before the prompt is shown, so that nothing typed at once is echoed.
    let saved = if terminal {
        let saved = rustix::termios::tcgetattr(&stdin).context("cannot read the terminal's settings")?;
        let mut quiet = saved.clone();
        quiet.local_modes.remove(rustix::termios::LocalModes::ECHO);
        rustix::termios::tcsetattr(&stdin, rustix::termios::OptionalActions::Now, &quiet)
            .context("cannot stop the terminal from echoing the password")?;
        std::io::stderr().write_all(format!("{prompt}: ").as_bytes())?;
        Some(saved)
    } else {
        None
    };
    let mut line = Zeroizing::new(String::new());
    let read = stdin.lock().read_line(&mut line);
    if let Some(saved) = saved {
        let _ = rustix::termios::tcsetattr(&stdin, rustix::termios::OptionalActions::Now, &saved);
        eprintln!();
    }
    read.context("cannot read the password from standard input")?;
    Ok(Zeroizing::new(line.trim_end_matches(['\r', '\n']).to_string()))
}

/// Reads a password (see [`read_line_hidden`]); with `confirm` on a terminal, asks twice.
pub fn read_password(prompt: &str, confirm: bool) -> anyhow::Result<Zeroizing<String>> {
    let password = read_line_hidden(prompt)?;
    if password.is_empty() {
        bail!("no password given on standard input");
    }
    if confirm && std::io::stdin().is_terminal() && *read_line_hidden("the same password again")? != *password {
        bail!("the two passwords differ");
    }
    Ok(password)
}
