//! Reposts: each new document's SimHash compared with the originals known so far (the documents
//! of the store, then those of this run); a near copy points at the first original it matches.

use std::collections::HashMap;

use crate::simhash::{distance, NEAR};

/// Where a document stands among those known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registered {
    /// The original it reposts, when its text is nearly the same as one known before it.
    pub copy_of: Option<String>,
    /// Whether it was known before this call.
    pub known: bool,
}

/// The documents known: SHA-256, SimHash, and the original each copies.
#[derive(Debug, Default)]
pub struct Registry {
    originals: Vec<(String, u64)>,
    copy_of: HashMap<String, Option<String>>,
}

impl Registry {
    /// The documents known so far (from the store), in the order they were ingested.
    pub fn new(known: impl IntoIterator<Item = (String, u64, Option<String>)>) -> Registry {
        let mut registry = Registry::default();
        for (sha, hash, copy_of) in known {
            if copy_of.is_none() {
                registry.originals.push((sha.clone(), hash));
            }
            registry.copy_of.insert(sha, copy_of);
        }
        registry
    }

    /// Registers a document (again: as it was); a near copy of an original is marked as its copy
    /// (copies of copies point at the first original).
    pub fn register(&mut self, sha256: &str, simhash: u64) -> Registered {
        if let Some(copy_of) = self.copy_of.get(sha256) {
            return Registered { copy_of: copy_of.clone(), known: true };
        }
        let original = self.originals.iter().find(|(_, h)| distance(*h, simhash) <= NEAR).map(|(sha, _)| sha.clone());
        if original.is_none() {
            self.originals.push((sha256.to_string(), simhash));
        }
        self.copy_of.insert(sha256.to_string(), original.clone());
        Registered { copy_of: original, known: false }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_point_at_the_first_original() {
        let mut r = Registry::new([("a".to_string(), 0b1111u64, None), ("b".to_string(), 0b1110, Some("a".into()))]);
        assert_eq!(r.register("b", 0), Registered { copy_of: Some("a".into()), known: true });
        assert_eq!(r.register("c", 0b0111), Registered { copy_of: Some("a".into()), known: false });
        let far = u64::MAX ^ 0b1111;
        assert_eq!(r.register("d", far), Registered { copy_of: None, known: false });
        assert_eq!(r.register("e", far ^ 1).copy_of.as_deref(), Some("d"));
    }
}
