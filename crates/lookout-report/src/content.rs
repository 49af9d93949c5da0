//! What a report holds. It exists in the clear only in memory: `Debug` prints no field, and it is
//! serialised only to be sealed.

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::sanitize::{Cleaned, Removal};

/// An attachment after sanitising. Its bytes are wiped when it is dropped.
#[derive(Clone, Serialize, Deserialize)]
pub struct Attachment {
    /// `image/jpeg`, `image/png` or `application/pdf`.
    pub media_type: String,
    /// What was removed (kinds, names, sizes; never values).
    pub removed: Vec<Removal>,
    /// The sanitised bytes.
    #[serde(with = "base64_bytes")]
    pub bytes: Zeroizing<Vec<u8>>,
}

impl From<Cleaned> for Attachment {
    fn from(c: Cleaned) -> Attachment {
        Attachment { media_type: c.media_type.to_string(), removed: c.removed, bytes: c.bytes }
    }
}

/// A report or a follow-up message, as the reporter gave it.
#[derive(Clone, Default, Serialize, Deserialize)]
pub struct ReportContent {
    /// What kind of thing happened (`surveillance`, `approach`, `pressure-to-return`,
    /// `family-threats`, `online-harassment`, `other`); empty on follow-ups.
    pub category: String,
    /// Country (ISO code), coarse.
    pub country: String,
    /// City or region, coarse, as typed.
    pub city: String,
    /// Month (`YYYY-MM`).
    pub month: String,
    /// Station or organisation, if known.
    pub organisation: String,
    /// What happened.
    pub text: String,
    /// Attachments.
    pub attachments: Vec<Attachment>,
}

impl std::fmt::Debug for ReportContent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ReportContent(… {} attachment(s))", self.attachments.len())
    }
}

impl std::fmt::Debug for Attachment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Attachment({}, {} bytes)", self.media_type, self.bytes.len())
    }
}

impl Drop for ReportContent {
    fn drop(&mut self) {
        use zeroize::Zeroize;
        self.category.zeroize();
        self.country.zeroize();
        self.city.zeroize();
        self.month.zeroize();
        self.organisation.zeroize();
        self.text.zeroize();
    }
}

impl ReportContent {
    /// The JSON to seal, wiped when dropped.
    pub fn to_plaintext(&self) -> Zeroizing<Vec<u8>> {
        let attachments: usize = self.attachments.iter().map(|a| a.bytes.len() / 3 * 4 + 256).sum();
        let mut out = crate::wipe::WipingBuffer::with_capacity(attachments + 2 * self.text.len() + 1024);
        serde_json::to_writer(&mut out, self).expect("a report serialises");
        out.into_inner()
    }

    /// Reads opened plaintext.
    pub fn from_plaintext(bytes: &[u8]) -> Result<ReportContent, crate::ReportError> {
        serde_json::from_slice(bytes)
            .map_err(|e| crate::ReportError::Seal(format!("sealed content unreadable: {}", e.classify() as u8)))
    }
}

/// A reply from a reviewer to the reporter.
#[derive(Clone, Serialize, Deserialize)]
pub struct Reply {
    /// The reply's text.
    pub text: String,
}

impl std::fmt::Debug for Reply {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Reply(…)")
    }
}

mod base64_bytes {
    //! Standard base64 for attachment bytes inside the sealed JSON.
    use serde::{Deserialize, Deserializer, Serializer};
    use zeroize::Zeroizing;

    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    pub fn serialize<S: Serializer>(bytes: &Zeroizing<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
        let mut out = Zeroizing::new(String::with_capacity(bytes.len().div_ceil(3) * 4));
        for chunk in bytes.chunks(3) {
            let n = (u32::from(chunk[0]) << 16)
                | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
                | u32::from(*chunk.get(2).unwrap_or(&0));
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
                } else {
                    out.push('=');
                }
            }
        }
        s.serialize_str(&out)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Zeroizing<Vec<u8>>, D::Error> {
        let text = Zeroizing::new(String::deserialize(d)?);
        let mut out = Zeroizing::new(Vec::with_capacity(text.len() / 4 * 3));
        let mut acc = 0u32;
        let mut bits = 0;
        for c in text.bytes().filter(|c| *c != b'=') {
            let v = ALPHABET.iter().position(|a| *a == c).ok_or_else(|| serde::de::Error::custom("bad base64"))? as u32;
            acc = (acc << 6) | v;
            bits += 6;
            if bits >= 8 {
                bits -= 8;
                out.push((acc >> bits) as u8);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_nothing_and_json_round_trips() {
        let mut r = ReportContent::default();
        r.text = "CANARY-TEXT".into();
        r.attachments = vec![Attachment {
            media_type: "image/png".into(),
            removed: vec![],
            bytes: Zeroizing::new(vec![0, 1, 2, 250, 251]),
        }];
        assert!(!format!("{r:?}").contains("CANARY"));
        let back = ReportContent::from_plaintext(&r.to_plaintext()).unwrap();
        assert_eq!(back.text, "CANARY-TEXT");
        assert_eq!(*back.attachments[0].bytes, vec![0, 1, 2, 250, 251]);
    }
}
