//! Commands of protected reporting: accounts, key export, sealed reports for offline reading,
//! the audit log, retention.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use anyhow::{bail, Context};
use lookout_report::desk;
use lookout_store::ReportStore;
use zeroize::Zeroizing;

/// Reads a password: one line of standard input (a prompt first on a terminal).
fn read_password(prompt: &str) -> anyhow::Result<Zeroizing<String>> {
    if std::io::stdin().is_terminal() {
        eprint!("{prompt} (typed text is visible; pipe it in to avoid that): ");
        std::io::stderr().flush()?;
    }
    let mut line = Zeroizing::new(String::new());
    std::io::stdin().lock().read_line(&mut line).context("cannot read the password from standard input")?;
    let trimmed = Zeroizing::new(line.trim_end_matches(['\r', '\n']).to_string());
    if trimmed.is_empty() {
        bail!("no password given on standard input");
    }
    Ok(trimmed)
}

/// `lookout account add NAME --role ROLE`.
pub async fn add_account(data_dir: &Path, name: &str, role: &str) -> anyhow::Result<()> {
    let password = read_password(&format!("password for {name}"))?;
    let store = super::open_store(data_dir).await?;
    let result = desk::add_account(&store, name, role, &password, None).await;
    store.close().await;
    let account = result?;
    println!("account {name} ({role}) added.");
    println!("Add this to the person's authenticator app (shown once):");
    println!("  {}", account.otpauth_uri);
    println!("  secret: {}", account.totp_base32);
    Ok(())
}

/// `lookout keys export NAME`: prints the account's age identity for `age -d -i`.
pub async fn export_key(data_dir: &Path, name: &str) -> anyhow::Result<()> {
    let password = read_password(&format!("password for {name}"))?;
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

/// `lookout audit verify`.
pub async fn verify_audit(data_dir: &Path) -> anyhow::Result<()> {
    let store = super::open_store(data_dir).await?;
    let result = desk::verify_audit(&store).await;
    store.close().await;
    let n = result?;
    println!("audit log verified: {n} entries, chain intact");
    Ok(())
}

/// `lookout retention [--days N]`.
pub async fn retention(data_dir: &Path, days: u32) -> anyhow::Result<()> {
    let store = super::open_store(data_dir).await?;
    let result = desk::apply_retention(&store, days).await;
    store.close().await;
    let purged = result?;
    println!("{} report(s) closed more than {days} days ago had their contents deleted", purged.len());
    Ok(())
}
