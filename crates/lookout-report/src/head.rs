//! Signed heads of the audit chain, to keep outside the server: how many entries the chain had
//! and the hash of the last, signed with the installation's minisign key. Whoever later holds the
//! database can rewrite the chain and its hashes, but not the head kept elsewhere: the rewritten
//! chain no longer has that hash at that position, and a cut chain no longer has that many entries.
//!
//! A head file is four lines, then `signature:` and a minisign signature of those lines; the
//! stock `minisign -V` checks it too (see the README).

use std::io::Cursor;

use minisign::{PublicKey, SecretKey, SignatureBox};

use crate::audit::AuditEntry;
use crate::ReportError;

const TITLE: &str = "lookout audit head v1";
const SIGNATURE: &str = "signature:\n";

/// What a head says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditHead {
    /// The installation's public key (minisign, base64).
    pub key: String,
    /// Entries in the chain when the head was made.
    pub entries: i64,
    /// The hash of the last of them.
    pub hash: String,
}

fn bad(reason: impl Into<String>) -> ReportError {
    ReportError::Head(reason.into())
}

/// A new installation signing key (minisign, unencrypted: it lives with the installation).
pub fn new_signing_key() -> Vec<u8> {
    let pair = minisign::KeyPair::generate_unencrypted_keypair().expect("the system's random generator works");
    pair.sk.to_bytes()
}

/// The public key of a signing key, in base64.
pub fn public_key(signing_key: &[u8]) -> Result<String, ReportError> {
    let sk = SecretKey::from_bytes(signing_key).map_err(|e| bad(format!("the installation's signing key: {e}")))?;
    Ok(PublicKey::from_secret_key(&sk).map_err(|e| bad(e.to_string()))?.to_base64())
}

fn body(head: &AuditHead) -> String {
    format!("{TITLE}\nkey: {}\nentries: {}\nhash: {}\n", head.key, head.entries, head.hash)
}

/// The signed head of `entries`.
pub fn sign(signing_key: &[u8], entries: &[AuditEntry]) -> Result<String, ReportError> {
    let sk = SecretKey::from_bytes(signing_key).map_err(|e| bad(format!("the installation's signing key: {e}")))?;
    let head = AuditHead {
        key: public_key(signing_key)?,
        entries: entries.len() as i64,
        hash: entries.last().map_or(crate::audit::GENESIS.to_string(), |e| e.hash.clone()),
    };
    let text = body(&head);
    let trusted = format!("lookout audit head: {} entries", head.entries);
    let signature = minisign::sign(None, &sk, Cursor::new(text.as_bytes()), Some(&trusted), Some("lookout audit head"))
        .map_err(|e| bad(e.to_string()))?;
    Ok(format!("{text}{SIGNATURE}{}", signature.into_string()))
}

/// Reads a head file and checks its signature against the key it names.
pub fn read(text: &str) -> Result<AuditHead, ReportError> {
    let (signed, signature) = text.split_once(SIGNATURE).ok_or_else(|| bad("not a head file: no signature"))?;
    let mut lines = signed.lines();
    if lines.next() != Some(TITLE) {
        return Err(bad(format!("not a head file: it does not start with {TITLE:?}")));
    }
    let mut field = |name: &str| -> Result<String, ReportError> {
        lines
            .next()
            .and_then(|l| l.strip_prefix(name))
            .map(str::to_string)
            .ok_or_else(|| bad(format!("not a head file: no {name:?} line")))
    };
    let key = field("key: ")?;
    let entries: i64 = field("entries: ")?.parse().map_err(|_| bad("not a head file: entries is not a number"))?;
    if entries < 0 {
        return Err(bad("not a head file: a negative number of entries"));
    }
    let hash = field("hash: ")?;
    let head = AuditHead { key, entries, hash };
    if body(&head) != signed {
        return Err(bad("the head file has lines its signature does not cover"));
    }
    let pk = PublicKey::from_base64(&head.key).map_err(|e| bad(format!("the head's key: {e}")))?;
    let signature = SignatureBox::from_string(signature).map_err(|e| bad(format!("the head's signature: {e}")))?;
    minisign::verify(&pk, &signature, Cursor::new(signed.as_bytes()), true, false, false)
        .map_err(|_| bad("the head's signature does not verify: the file was changed"))?;
    Ok(head)
}

/// Checks a chain (already verified on its own) against a head kept elsewhere.
pub fn check(entries: &[AuditEntry], head: &AuditHead) -> Result<(), ReportError> {
    let n = entries.len() as i64;
    if n < head.entries {
        return Err(bad(format!(
            "the audit log has {n} entries but the head says it had {}: entries were cut",
            head.entries
        )));
    }
    let hash = match head.entries {
        0 => crate::audit::GENESIS,
        at => &entries[(at - 1) as usize].hash,
    };
    if *hash != head.hash {
        return Err(bad(format!(
            "entry {} does not match the head: the log was rewritten since the head was made",
            head.entries
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(seq: i64, hash: &str) -> AuditEntry {
        AuditEntry {
            seq,
            at: "2026-12-01".into(),
            actor: "a".into(),
            action: "x".into(),
            subject: "s".into(),
            detail: String::new(),
            prev_hash: String::new(),
            hash: hash.into(),
        }
    }

    #[test]
    fn a_head_signs_and_catches_rewrites_and_cuts() {
        let key = new_signing_key();
        let chain = vec![entry(1, "aa"), entry(2, "bb")];
        let text = sign(&key, &chain).unwrap();
        let head = read(&text).unwrap();
        assert_eq!((head.entries, head.hash.as_str()), (2, "bb"));
        assert_eq!(head.key, public_key(&key).unwrap());
        check(&chain, &head).unwrap();
        check(&[entry(1, "aa"), entry(2, "bb"), entry(3, "cc")], &head).unwrap();
        assert!(check(&[entry(1, "aa")], &head).unwrap_err().to_string().contains("entries were cut"));
        assert!(check(&[entry(1, "aa"), entry(2, "zz")], &head).unwrap_err().to_string().contains("does not match"));
        let forged = text.replace("entries: 2", "entries: 1");
        assert!(read(&forged).is_err());
        assert!(read(&text.replace("entries: 2", "entries: -1")).unwrap_err().to_string().contains("negative"));
        let other = sign(&new_signing_key(), &chain).unwrap();
        let spliced =
            format!("{}{SIGNATURE}{}", text.split(SIGNATURE).next().unwrap(), other.split(SIGNATURE).nth(1).unwrap());
        assert!(read(&spliced).unwrap_err().to_string().contains("does not verify"));
    }
}
