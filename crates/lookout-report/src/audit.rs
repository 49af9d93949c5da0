//! The audit log: every reviewer action is an entry whose hash covers the previous entry's hash,
//! so that editing or deleting any entry breaks every hash after it.

use sha2::{Digest, Sha256};

use crate::ReportError;

/// One entry, as the store keeps it.
pub use lookout_store::AuditRow as AuditEntry;
/// The hash before the first entry (the store's).
pub use lookout_store::AUDIT_GENESIS as GENESIS;

/// The hash of an entry's fields after `prev_hash`.
pub fn entry_hash(prev_hash: &str, seq: i64, at: &str, actor: &str, action: &str, subject: &str) -> String {
    let mut h = Sha256::new();
    for part in [prev_hash, &seq.to_string(), at, actor, action, subject] {
        h.update((part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    crate::hex(&h.finalize())
}

/// Checks the whole chain: positions without gaps, each entry linked to the one before, each
/// hash right. The first entry that fails is named.
pub fn verify(entries: &[AuditEntry]) -> Result<usize, ReportError> {
    let mut prev = GENESIS.to_string();
    for (i, e) in entries.iter().enumerate() {
        let broken = |reason: &str| ReportError::AuditBroken { seq: e.seq, reason: reason.to_string() };
        if e.seq != i as i64 + 1 {
            return Err(broken(&format!("expected entry {}: an entry is missing", i + 1)));
        }
        if e.prev_hash != prev {
            return Err(broken("it does not follow the entry before it"));
        }
        if entry_hash(&e.prev_hash, e.seq, &e.at, &e.actor, &e.action, &e.subject) != e.hash {
            return Err(broken("its content does not match its hash (edited)"));
        }
        prev = e.hash.clone();
    }
    Ok(entries.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditEntry> {
        let mut out: Vec<AuditEntry> = Vec::new();
        for seq in 1..=n {
            let prev = out.last().map_or(GENESIS.to_string(), |e| e.hash.clone());
            let (at, actor, action, subject) = ("2026-11-29T00:00:00Z", "ana", "report.triaged", format!("r{seq}"));
            let hash = entry_hash(&prev, seq, at, actor, action, &subject);
            out.push(AuditEntry {
                seq,
                at: at.into(),
                actor: actor.into(),
                action: action.into(),
                subject,
                prev_hash: prev,
                hash,
            });
        }
        out
    }

    #[test]
    fn edits_and_deletions_are_detected() {
        assert_eq!(verify(&chain(5)).unwrap(), 5);
        let mut edited = chain(5);
        edited[2].actor = "mallory".into();
        assert!(matches!(verify(&edited), Err(ReportError::AuditBroken { seq: 3, .. })));
        let mut deleted = chain(5);
        deleted.remove(3);
        assert!(matches!(verify(&deleted), Err(ReportError::AuditBroken { seq: 5, .. })));
        let mut rehashed = chain(5);
        rehashed[1].subject = "other".into();
        rehashed[1].hash = entry_hash(&rehashed[1].prev_hash, 2, &rehashed[1].at, "ana", "report.triaged", "other");
        assert!(matches!(verify(&rehashed), Err(ReportError::AuditBroken { seq: 3, .. })));
    }
}
