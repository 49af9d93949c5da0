//! Commands of protected reporting: accounts, key export, sealed reports for offline reading,
//! the audit log, retention.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use anyhow::{bail, Context};
use lookout_report::desk;
use lookout_report::password::PasswordCost;
use lookout_store::ReportStore;
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
fn read_password(prompt: &str, confirm: bool) -> anyhow::Result<Zeroizing<String>> {
    let password = read_line_hidden(prompt)?;
    if password.is_empty() {
        bail!("no password given on standard input");
    }
    if confirm && std::io::stdin().is_terminal() && *read_line_hidden("the same password again")? != *password {
        bail!("the two passwords differ");
    }
    Ok(password)
}

/// `lookout account add NAME --role ROLE`.
pub async fn add_account(data_dir: &Path, name: &str, role: &str) -> anyhow::Result<()> {
    let password = read_password(&format!("password for {name}"), true)?;
    let store = super::open_store(data_dir).await?;
    let result = desk::add_account(&store, name, role, &password, PasswordCost::STANDARD).await;
    store.close().await;
    let account = result?;
    println!("account {name} ({role}) added.");
    println!("Add this to the person's authenticator app (shown once):");
    println!("  {}", account.otpauth_uri);
    println!("  secret: {}", account.totp_base32);
    Ok(())
}

/// `lookout account deactivate|activate NAME`.
pub async fn set_active(data_dir: &Path, name: &str, active: bool) -> anyhow::Result<()> {
    let store = super::open_store(data_dir).await?;
    let result = desk::set_active(&store, "admin (command line)", name, active).await;
    store.close().await;
    result?;
    if active {
        println!("account {name} is active again");
    } else {
        println!(
            "account {name} is deactivated: it cannot sign in, its sessions end, and new reports are not sealed to it"
        );
    }
    Ok(())
}

/// `lookout keys export NAME`: prints the account's age identity for `age -d -i`.
pub async fn export_key(data_dir: &Path, name: &str) -> anyhow::Result<()> {
    let password = read_password(&format!("password for {name}"), false)?;
    let store = super::open_store(data_dir).await?;
    let result = desk::export_identity(&store, name, &password).await;
    store.close().await;
    let identity = result?;
    println!("{}", identity.as_str());
    Ok(())
}

/// `lookout report sealed ID [--message N]`: writes one sealed message of a report (age format)
/// to standard output, for `age -d -i KEY`.
pub async fn sealed(data_dir: &Path, id: &str, message: i64) -> anyhow::Result<()> {
    let store = super::open_store(data_dir).await?;
    let messages = store.messages(id).await;
    store.close().await;
    let messages = messages?;
    let m =
        messages.iter().find(|m| m.seq == message).with_context(|| format!("report {id} has no message {message}"))?;
    let mut out = std::io::stdout().lock();
    out.write_all(&m.sealed)?;
    out.flush()?;
    Ok(())
}

/// `lookout report list`.
pub async fn list(data_dir: &Path) -> anyhow::Result<()> {
    let store = super::open_store(data_dir).await?;
    let reports = store.reports().await;
    store.close().await;
    for r in reports? {
        println!("{}\t{}\t{}", r.id, r.received_on, r.status);
    }
    Ok(())
}

/// `lookout audit verify [--head FILE]`.
pub async fn verify_audit(data_dir: &Path, head: Option<&Path>) -> anyhow::Result<()> {
    let head_text = match head {
        Some(path) => Some(std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?),
        None => None,
    };
    let store = super::open_store(data_dir).await?;
    let result = desk::verify_audit(&store, head_text.as_deref()).await;
    store.close().await;
    let check = result?;
    println!(
        "audit log verified: {} entries, chain intact; accounts, reports, messages, statuses and releases are as it recorded them",
        check.entries
    );
    if let Some(n) = check.head_entries {
        println!("it still holds the {n} entries of the head, signed by this installation");
    }
    Ok(())
}

/// `lookout audit head`: a signed head to keep outside the server.
pub async fn audit_head(data_dir: &Path) -> anyhow::Result<()> {
    let store = super::open_store(data_dir).await?;
    let result = desk::audit_head(&store).await;
    store.close().await;
    print!("{}", result?);
    Ok(())
}

/// `lookout counts release`.
pub async fn release_counts(data_dir: &Path) -> anyhow::Result<()> {
    let store = super::open_store(data_dir).await?;
    let k = lookout_web::public_k();
    let result = desk::release_counts(&store, "admin (command line)", k, lookout_web::counts_interval_days()).await;
    store.close().await;
    println!("{}", result?);
    Ok(())
}

/// `lookout retention [--days N]`.
pub async fn retention(data_dir: &Path, days: u32) -> anyhow::Result<()> {
    let store = super::open_store(data_dir).await?;
    let result = desk::apply_retention(&store, days).await;
    store.close().await;
    let run = result?;
    println!("{} report(s) closed more than {days} days ago had their contents deleted", run.purged.len());
    for id in &run.refused {
        println!("kept {id}: the store says it was closed long enough ago, the audit log does not (run `lookout audit verify`)");
    }
    if !run.log_emptied {
        println!("the write-ahead log is busy: the deleted contents leave it at its next checkpoint");
    }
    Ok(())
}
