//! Verifying the audit log: its chain, the rows it covers, and a signed head kept elsewhere.

use lookout_store::ReportStore;

use super::DeskError;
use crate::head;

/// What a verification found, when it found nothing wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditCheck {
    /// Entries in the chain.
    pub entries: usize,
    /// Entries the head named, when a head was given.
    pub head_entries: Option<i64>,
}

/// The installation's key for signing heads (created on first use).
async fn signing_key<S: ReportStore>(store: &S) -> Result<Vec<u8>, DeskError> {
    Ok(store.installation_secret("audit-signing-key", head::new_signing_key()).await?)
}

/// A signed head of the chain as it is now, to keep outside the server.
pub async fn audit_head<S: ReportStore>(store: &S) -> Result<String, DeskError> {
    let key = signing_key(store).await?;
    let entries = store.audit_log().await?;
    crate::audit::verify(&entries)?;
    Ok(head::sign(&key, &entries)?)
}

/// Checks the chain and that the accounts, reports, messages, statuses, incidents and releases
/// in the store are as it recorded them; with `head` (a head file's text), also that the chain
/// still holds what the head says, signed by this installation's key.
pub async fn verify_audit<S: ReportStore>(store: &S, head_text: Option<&str>) -> Result<AuditCheck, DeskError> {
    let view = store.audit_view().await?;
    let entries = crate::audit::verify(&view.entries)?;
    let mut head_entries = None;
    if let Some(text) = head_text {
        let head = head::read(text)?;
        let ours = head::public_key(&signing_key(store).await?)?;
        if head.key != ours {
            return Err(crate::ReportError::Head(format!(
                "the head was signed by key {} but this installation's key is {ours}",
                head.key
            ))
            .into());
        }
        head::check(&view.entries, &head)?;
        head_entries = Some(head.entries);
    }
    crate::audit::verify_coverage(&view)?;
    Ok(AuditCheck { entries, head_entries })
}
