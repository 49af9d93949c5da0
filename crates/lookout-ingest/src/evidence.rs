//! Originals kept as evidence: each stored once under its SHA-256, never modified, with a capture
//! record (when, by whom, tool version, original name, media type, size, SHA-256). Files are
//! hashed and copied in a stream, so size does not matter; storing the same bytes again changes
//! nothing.

use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::IngestError;

/// The record kept with an original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capture {
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
    /// The file name it had.
    pub original_name: String,
    /// Its media type.
    pub media_type: String,
    /// When it was captured (`YYYY-MM-DDTHH:MM:SSZ`).
    pub captured_at: String,
    /// Who captured it.
    pub captured_by: String,
    /// The tool and version that captured it.
    pub tool: String,
}

/// The evidence directory.
pub struct Evidence {
    root: PathBuf,
}

fn io(file: &Path) -> impl FnOnce(std::io::Error) -> IngestError + '_ {
    move |cause| IngestError::Io { file: file.display().to_string(), cause }
}

impl Evidence {
    /// Evidence kept under `root` (created when first needed).
    pub fn at(root: &Path) -> Evidence {
        Evidence { root: root.to_path_buf() }
    }

    /// Where the original of `sha256` lives (`sha256` is 64 hexadecimal digits).
    pub fn path_of(&self, sha256: &str) -> PathBuf {
        self.root.join(&sha256[..2]).join(sha256)
    }

    /// The capture record of the original `sha256`, if it is kept.
    pub fn capture(&self, sha256: &str) -> Result<Option<Capture>, IngestError> {
        let record = self.path_of(sha256).with_extension("capture.json");
        let bytes = match std::fs::read(&record) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(cause) => return Err(IngestError::Read { file: record.display().to_string(), cause }),
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| IngestError::Unreadable { file: record.display().to_string(), problem: e.to_string() })
    }

    /// Stores a file: streamed into a temporary file while hashed, then moved under its hash
    /// (or dropped when that hash is already kept). Returns the capture record and whether the
    /// bytes were new.
    pub fn store(
        &self,
        file: &Path,
        media_type: &str,
        captured_by: &str,
        captured_at: &str,
    ) -> Result<(Capture, bool), IngestError> {
        std::fs::create_dir_all(&self.root).map_err(io(&self.root))?;
        let tmp = self.root.join(format!(".incoming-{}-{}", std::process::id(), unique()));
        let mut input = File::open(file).map_err(io(file))?;
        let mut output = File::create(&tmp).map_err(io(&tmp))?;
        let mut hasher = Sha256::new();
        let mut buffer = vec![0u8; 1 << 20];
        let mut size = 0u64;
        loop {
            let n = input.read(&mut buffer).map_err(io(file))?;
            if n == 0 {
                break;
            }
            hasher.update(&buffer[..n]);
            output.write_all(&buffer[..n]).map_err(io(&tmp))?;
            size += n as u64;
        }
        output.sync_all().map_err(io(&tmp))?;
        drop(output);
        let sha256: String = hasher.finalize().iter().map(|b| format!("{b:02x}")).collect();
        let target = self.path_of(&sha256);
        let record = target.with_extension("capture.json");
        if target.exists() {
            let _ = std::fs::remove_file(&tmp);
            let kept = std::fs::read(&record).map_err(io(&record))?;
            let capture = serde_json::from_slice(&kept)
                .map_err(|e| IngestError::Unreadable { file: record.display().to_string(), problem: e.to_string() })?;
            return Ok((capture, false));
        }
        std::fs::create_dir_all(target.parent().expect("under the root")).map_err(io(&self.root))?;
        let capture = Capture {
            sha256: sha256.clone(),
            size,
            original_name: file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
            media_type: media_type.to_string(),
            captured_at: captured_at.to_string(),
            captured_by: captured_by.to_string(),
            tool: format!("lookout {}", env!("CARGO_PKG_VERSION")),
        };
        // The record first, then the original: an original is never visible without its record.
        let record_tmp = tmp.with_extension("json");
        std::fs::write(&record_tmp, serde_json::to_vec_pretty(&capture).expect("serialises"))
            .map_err(io(&record_tmp))?;
        std::fs::rename(&record_tmp, &record).map_err(io(&record))?;
        std::fs::rename(&tmp, &target).map_err(io(&target))?;
        // Originals are read-only.
        if let Ok(meta) = std::fs::metadata(&target) {
            let mut perms = meta.permissions();
            perms.set_readonly(true);
            let _ = std::fs::set_permissions(&target, perms);
        }
        Ok((capture, true))
    }
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed)
}
