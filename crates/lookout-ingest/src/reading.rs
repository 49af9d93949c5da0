//! A document's reading: the start of its extracted text and the mentions found in it, written
//! at ingest under the data directory (`DATA_DIR/readings/ab/SHA.json`), so that a page can show
//! the text with its mentions marked without reading the original again — which would parse an
//! untrusted file inside the server. A reading is derived data: ingesting the same bytes again
//! writes it again.
//!
//! ```
//! use lookout_ingest::{Finder, KnownNames, Memo, Reading};
//! let text = "The Fuzhou PSB opened a station in Prato.";
//! let mentions = Finder::new().find(text, &KnownNames::default(), &mut Memo::default(), None);
//! let reading = Reading::of(text, &mentions);
//! assert_eq!(reading.characters, 41);
//! assert!(reading.mentions.iter().any(|m| m.text == "Prato"));
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{IngestError, Mention, MentionRecord};

/// Characters of a document's text kept in its reading.
pub const READING_CHARS: usize = 200_000;
/// Largest reading file read back (its text is at most [`READING_CHARS`] characters of up to four
/// bytes, each escaped at most six times over in JSON, plus its mentions).
pub const MAX_READING_BYTES: u64 = 16 << 20;

/// The start of a document's text and its mentions there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// Characters of the whole extracted text.
    pub characters: u64,
    /// The text's first [`READING_CHARS`] characters.
    pub text: String,
    /// The mentions within them, in order, with character offsets into `text`.
    pub mentions: Vec<MentionRecord>,
}

impl Reading {
    /// The reading of `text` with its `mentions` (found in `text`).
    pub fn of(text: &str, mentions: &[Mention]) -> Reading {
        let cut = text.char_indices().nth(READING_CHARS).map_or(text.len(), |(i, _)| i);
        let kept = &text[..cut];
        Reading {
            characters: text.chars().count() as u64,
            mentions: mentions.iter().filter(|m| m.bytes.end <= cut).map(|m| m.record(text)).collect(),
            text: kept.to_string(),
        }
    }

    /// Where the reading of the document `sha256` is kept.
    pub fn path(data_dir: &Path, sha256: &str) -> PathBuf {
        let prefix = sha256.get(..2).unwrap_or("__");
        data_dir.join("readings").join(prefix).join(format!("{sha256}.json"))
    }

    /// Writes it for the document `sha256`, whole or not at all (a temporary file renamed).
    pub fn write(&self, data_dir: &Path, sha256: &str) -> Result<(), IngestError> {
        let path = Reading::path(data_dir, sha256);
        let dir = path.parent().expect("under the readings directory");
        let io = |file: &Path| {
            let file = file.display().to_string();
            move |cause| IngestError::Io { file, cause }
        };
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let tmp = dir.join(format!(".{sha256}.{}.tmp", std::process::id()));
        std::fs::write(&tmp, serde_json::to_vec(self).expect("serialises")).map_err(io(&tmp))?;
        std::fs::rename(&tmp, &path).map_err(io(&path))
    }

    /// The reading of the document `sha256`, if one was written.
    pub fn read(data_dir: &Path, sha256: &str) -> Result<Option<Reading>, IngestError> {
        let path = Reading::path(data_dir, sha256);
        let unreadable = |problem: String| IngestError::Unreadable { file: path.display().to_string(), problem };
        let file = match std::fs::File::open(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(cause) => return Err(IngestError::Read { file: path.display().to_string(), cause }),
        };
        let size =
            file.metadata().map_err(|cause| IngestError::Read { file: path.display().to_string(), cause })?.len();
        if size > MAX_READING_BYTES {
            return Err(unreadable(format!("larger than {MAX_READING_BYTES} bytes")));
        }
        serde_json::from_reader(std::io::BufReader::new(file)).map(Some).map_err(|e| unreadable(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Finder, KnownNames, Memo};

    #[test]
    fn a_long_text_keeps_its_start_and_the_mentions_there() {
        let text = format!("{} Prato and Rotterdam.", "é".repeat(READING_CHARS - 10));
        let mentions = Finder::new().find(&text, &KnownNames::default(), &mut Memo::default(), None);
        assert!(mentions.iter().any(|m| m.text_in(&text) == "Rotterdam"));
        let reading = Reading::of(&text, &mentions);
        assert_eq!(reading.text.chars().count(), READING_CHARS);
        assert_eq!(reading.characters, READING_CHARS as u64 + 11);
        let words: Vec<&str> = reading.mentions.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(words, ["Prato"], "a mention past the cut is left out");
    }

    #[test]
    fn a_reading_is_written_and_read_back() {
        let dir = std::env::temp_dir().join(format!("lookout-reading-{}", std::process::id()));
        let sha = "ab".repeat(32);
        assert!(Reading::read(&dir, &sha).unwrap().is_none());
        let reading = Reading { characters: 3, text: "abc".into(), mentions: Vec::new() };
        reading.write(&dir, &sha).unwrap();
        assert_eq!(Reading::read(&dir, &sha).unwrap(), Some(reading));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
