//! The register of ingested documents (`evidence/documents.jsonl`, one line per original, only
//! ever appended): each document's SHA-256, SimHash and, for a repost, the original it copies.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::simhash::{distance, NEAR};
use crate::IngestError;

/// One document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Registered {
    /// SHA-256 of the original.
    pub sha256: String,
    /// SimHash of its text, hex.
    pub simhash: String,
    /// The original this one reposts, when its text is nearly the same.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

/// The register.
pub struct Registry {
    path: PathBuf,
    entries: Vec<(Registered, u64)>,
}

impl Registry {
    /// Reads the register under the evidence directory `root`.
    pub fn open(root: &Path) -> Result<Registry, IngestError> {
        let path = root.join("documents.jsonl");
        let mut entries = Vec::new();
        if path.exists() {
            let text = std::fs::read_to_string(&path)
                .map_err(|source| IngestError::Io { file: path.display().to_string(), source })?;
            for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                let bad = |problem: String| IngestError::Unreadable {
                    file: format!("{}:{}", path.display(), i + 1),
                    problem,
                };
                let entry: Registered = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
                let hash = u64::from_str_radix(&entry.simhash, 16).map_err(|e| bad(e.to_string()))?;
                entries.push((entry, hash));
            }
        }
        Ok(Registry { path, entries })
    }

    /// A registered document.
    pub fn get(&self, sha256: &str) -> Option<&Registered> {
        self.entries.iter().map(|(e, _)| e).find(|e| e.sha256 == sha256)
    }

    /// Registers a new document; a near copy of an original registered before is marked as its
    /// duplicate (copies of copies point at the first original).
    pub fn register(&mut self, sha256: &str, simhash: u64) -> Result<Registered, IngestError> {
        if let Some(known) = self.get(sha256) {
            return Ok(known.clone());
        }
        let original = self
            .entries
            .iter()
            .filter(|(e, h)| e.duplicate_of.is_none() && distance(*h, simhash) <= NEAR)
            .map(|(e, _)| e.sha256.clone())
            .next();
        let entry =
            Registered { sha256: sha256.to_string(), simhash: format!("{simhash:016x}"), duplicate_of: original };
        let io = |source| IngestError::Io { file: self.path.display().to_string(), source };
        let mut file = std::fs::OpenOptions::new().create(true).append(true).open(&self.path).map_err(io)?;
        let mut line = serde_json::to_vec(&entry).expect("serialises");
        line.push(b'\n');
        file.write_all(&line).map_err(io)?;
        file.sync_data().map_err(io)?;
        self.entries.push((entry.clone(), simhash));
        Ok(entry)
    }
}
