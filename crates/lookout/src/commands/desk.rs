//! Commands of protected reporting: accounts, key export, sealed reports for offline reading,
//! the audit log, retention.

use std::path::Path;

use std::io::Write;

use anyhow::Context;
use lookout_report::desk;
use lookout_report::password::PasswordCost;
use lookout_store::ReportStore;

use super::password::read_password;

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
