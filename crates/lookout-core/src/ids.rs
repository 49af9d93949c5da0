//! Deterministic identifiers: the same facts always get the same ids, so importing twice adds nothing.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::ModelError;

fn push_hex(out: &mut String, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for b in bytes {
        out.push(HEX[(b >> 4) as usize] as char);
        out.push(HEX[(b & 0xf) as usize] as char);
    }
}

/// Lower-case hex of `bytes`.
pub fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    push_hex(&mut out, bytes);
    out
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(64);
    push_hex(&mut out, &Sha256::digest(bytes));
    out
}

/// A 128-bit hex digest of `parts`, each part length-prefixed so that `("ab","c")` and `("a","bc")` differ.
pub fn stable_digest(parts: &[&str]) -> String {
    let mut hasher = Sha256::new();
    for p in parts {
        hasher.update((p.len() as u64).to_le_bytes());
        hasher.update(p.as_bytes());
    }
    let mut out = String::with_capacity(32);
    push_hex(&mut out, &hasher.finalize()[..16]);
    out
}

/// Lower-case ASCII slug of `text` for readable ids (`"Fuzhou PSB"` → `"fuzhou-psb"`); non-ASCII
/// text yields a digest so that no two distinct names share a slug by accident of transliteration.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
        if !c.is_ascii() {
            return stable_digest(&[text])[..12].to_string();
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out.truncate(80);
    out
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 128
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Checks and wraps an id: 1-128 characters of `[A-Za-z0-9._:-]`.
            pub fn new(s: impl Into<String>) -> Result<Self, ModelError> {
                let s = s.into();
                if valid_id(&s) {
                    Ok(Self(s))
                } else {
                    Err(ModelError::InvalidId(s))
                }
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = ModelError;
            fn try_from(s: String) -> Result<Self, ModelError> {
                Self::new(s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }
    };
}

id_type!(
    /// The id of an entity (`station-ST001`, `publicbody-fuzhou-psb`, `place-gn1810821`).
    EntityId
);
id_type!(
    /// The id of a source: `source-` and a digest of its URL (or of its content, for a file).
    SourceId
);
id_type!(
    /// The id of a statement: a digest of what it says (see [`crate::Statement::compute_id`]).
    StatementId
);

impl EntityId {
    /// The id of the gazetteer's place with this GeoNames id (`place-gn1810821`): the one id
    /// places have, in the record and in the mentions of documents.
    pub fn of_place(geonameid: u32) -> EntityId {
        EntityId(format!("place-gn{geonameid}"))
    }

    /// The GeoNames id of a place's id; `None` for any other entity.
    pub fn geonameid(&self) -> Option<u32> {
        self.0.strip_prefix("place-gn")?.parse().ok()
    }
}

impl SourceId {
    /// The id of the source at `url`.
    pub fn for_url(url: &str) -> SourceId {
        SourceId(format!("source-{}", stable_digest(&[url.trim()])))
    }
}

/// The short key of a station entity, used in URLs (`station-ST001` → `ST001`).
pub fn station_key(id: &EntityId) -> &str {
    id.as_str().strip_prefix("station-").unwrap_or(id.as_str())
}

/// The entity id of a station from its key or its full id (`ST001` or `station-ST001` →
/// `station-ST001`).
pub fn station_id(key: &str) -> Result<EntityId, ModelError> {
    if key.starts_with("station-") {
        EntityId::new(key)
    } else {
        EntityId::new(format!("station-{key}"))
    }
}

/// The id of the Operation entity linking a station to the bureau reported to operate it
/// (`station-ST001`, `publicbody-fuzhou-psb` → `operation-ST001-fuzhou-psb`).
pub fn operation_id(station: &EntityId, bureau: &EntityId) -> Result<EntityId, ModelError> {
    EntityId::new(format!(
        "operation-{}-{}",
        station.as_str().trim_start_matches("station-"),
        bureau.as_str().trim_start_matches("publicbody-")
    ))
}

/// The id of an organisation known by `name` (`organization-america-changle-association-ny-inc`).
pub fn organization_id(name: &str) -> Result<EntityId, ModelError> {
    EntityId::new(format!("organization-{}", slug(name)))
}

/// The id of the link saying that organisation `host` hosts `station`.
pub fn hosting_id(station: &EntityId, host: &EntityId) -> Result<EntityId, ModelError> {
    EntityId::new(format!(
        "hosting-{}-{}",
        station.as_str().trim_start_matches("station-"),
        host.as_str().trim_start_matches("organization-")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_is_stable_and_separates_parts() {
        assert_eq!(stable_digest(&["a", "b"]), stable_digest(&["a", "b"]));
        assert_ne!(stable_digest(&["ab", "c"]), stable_digest(&["a", "bc"]));
        assert_eq!(stable_digest(&["x"]).len(), 32);
    }

    #[test]
    fn sha256_matches_known_vector() {
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    #[test]
    fn slugs_are_readable_for_ascii_and_digests_otherwise() {
        assert_eq!(slug("Fuzhou PSB"), "fuzhou-psb");
        assert_eq!(slug("  Qingtian  PSB! "), "qingtian-psb");
        assert_eq!(slug("福州市公安局").len(), 12);
        assert_ne!(slug("福州市公安局"), slug("抚州市公安局"));
    }

    #[test]
    fn places_have_one_id() {
        let fuzhou = EntityId::of_place(1810821);
        assert_eq!(fuzhou.as_str(), "place-gn1810821");
        assert_eq!(fuzhou.geonameid(), Some(1810821));
        assert!(EntityId::new(fuzhou.as_str()).is_ok());
        assert_eq!(EntityId::new("station-ST001").unwrap().geonameid(), None);
        assert_eq!(EntityId::new("place-gnx").unwrap().geonameid(), None);
    }

    #[test]
    fn station_and_operation_ids_follow_one_convention() {
        let station = station_id("ST001").unwrap();
        assert_eq!(station.as_str(), "station-ST001");
        assert_eq!(station_id("station-ST001").unwrap(), station);
        assert_eq!(station_key(&station), "ST001");
        assert!(station_id("no such").is_err());
        let bureau = EntityId::new("publicbody-fuzhou-psb").unwrap();
        assert_eq!(operation_id(&station, &bureau).unwrap().as_str(), "operation-ST001-fuzhou-psb");
    }

    #[test]
    fn ids_reject_bad_characters() {
        assert!(EntityId::new("station-ST001").is_ok());
        assert!(EntityId::new("").is_err());
        assert!(EntityId::new("a b").is_err());
        assert!(EntityId::new("x".repeat(129)).is_err());
        assert!(serde_json::from_str::<EntityId>("\"ok-1\"").is_ok());
        assert!(serde_json::from_str::<EntityId>("\"no/slash\"").is_err());
    }
}
