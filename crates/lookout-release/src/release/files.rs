//! Writing a release's files durably while hashing them, and hashing files read back.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::Path;

use sha2::{Digest, Sha256};

use super::manifest::FileEntry;
use super::ReleaseError;

/// A file being written, counting and hashing what goes in.
pub struct HashingFile {
    inner: BufWriter<File>,
    hasher: Sha256,
    bytes: u64,
}

impl HashingFile {
    /// Creates `path`, which must not exist.
    pub fn create(path: &Path) -> Result<HashingFile, ReleaseError> {
        let file = File::options().write(true).create_new(true).open(path).map_err(|e| ReleaseError::io(path, e))?;
        Ok(HashingFile { inner: BufWriter::with_capacity(1 << 16, file), hasher: Sha256::new(), bytes: 0 })
    }

    /// Flushes and syncs the file to disk; returns its manifest entry named `name`.
    pub fn finish(self, path: &Path, name: &str) -> Result<FileEntry, ReleaseError> {
        let file = self.inner.into_inner().map_err(|e| ReleaseError::io(path, e.into_error()))?;
        file.sync_all().map_err(|e| ReleaseError::io(path, e))?;
        Ok(FileEntry { name: name.to_string(), bytes: self.bytes, sha256: hex(&self.hasher.finalize()) })
    }
}

impl Write for HashingFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Writes `bytes` to the new file `dir/name`, synced; returns its manifest entry.
pub fn write_file(dir: &Path, name: &str, bytes: &[u8]) -> Result<FileEntry, ReleaseError> {
    let path = dir.join(name);
    let mut file = HashingFile::create(&path)?;
    file.write_all(bytes).map_err(|e| ReleaseError::io(&path, e))?;
    file.finish(&path, name)
}

/// The size and SHA-256 of the file at `path`.
pub fn hash_file(path: &Path) -> Result<(u64, String), ReleaseError> {
    let mut file = File::open(path).map_err(|e| ReleaseError::io(path, e))?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut bytes = 0u64;
    loop {
        let n = file.read(&mut buf).map_err(|e| ReleaseError::io(path, e))?;
        if n == 0 {
            return Ok((bytes, hex(&hasher.finalize())));
        }
        hasher.update(&buf[..n]);
        bytes += n as u64;
    }
}

/// The SHA-256 of `bytes`, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Syncs a folder, so that the names written in it survive a crash.
pub fn sync_dir(dir: &Path) -> Result<(), ReleaseError> {
    File::open(dir).and_then(|d| d.sync_all()).map_err(|e| ReleaseError::io(dir, e))
}
