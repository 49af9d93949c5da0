//! How the server and the child process that cleans an attachment talk: the child reads the file
//! on its standard input and writes one JSON line (what the file is and what was removed, or why
//! it was refused) followed by the clean file's bytes.

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::{Cleaned, Removal};

#[derive(Serialize, Deserialize)]
struct Header {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refused: Option<String>,
    #[serde(default)]
    media_type: String,
    #[serde(default)]
    removed: Vec<Removal>,
    #[serde(default)]
    length: usize,
}

/// The child's answer for `input`: cleans it and encodes the outcome.
pub fn answer(input: &[u8]) -> Zeroizing<Vec<u8>> {
    let header = |h: &Header| serde_json::to_vec(h).expect("a header serialises");
    let mut out = Zeroizing::new(Vec::new());
    match super::sanitize(input) {
        Ok(cleaned) => {
            let h = Header {
                refused: None,
                media_type: cleaned.media_type.to_string(),
                removed: cleaned.removed.clone(),
                length: cleaned.bytes.len(),
            };
            out.extend_from_slice(&header(&h));
            out.push(b'\n');
            out.extend_from_slice(&cleaned.bytes);
        }
        Err(reason) => {
            out.extend_from_slice(&header(&Header {
                refused: Some(reason),
                media_type: String::new(),
                removed: Vec::new(),
                length: 0,
            }));
            out.push(b'\n');
        }
    }
    out
}

/// Reads the child's answer: the clean file, or the reason it was refused.
pub fn read_answer(output: &[u8]) -> Result<Cleaned, String> {
    let garbled = || "the cleaner's answer could not be read".to_string();
    let newline = output.iter().position(|b| *b == b'\n').ok_or_else(garbled)?;
    let header: Header = serde_json::from_slice(&output[..newline]).map_err(|_| garbled())?;
    if let Some(reason) = header.refused {
        return Err(reason);
    }
    let media_type = ["image/jpeg", "image/png", "application/pdf"]
        .into_iter()
        .find(|m| *m == header.media_type)
        .ok_or_else(garbled)?;
    let bytes = &output[newline + 1..];
    if bytes.len() != header.length {
        return Err(garbled());
    }
    Ok(Cleaned { media_type, bytes: Zeroizing::new(bytes.to_vec()), removed: header.removed })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_and_refusals_carry_their_reason() {
        let refused = read_answer(&answer(b"MZ\x90\0 not an image")).unwrap_err();
        assert_eq!(refused, "not a JPEG, PNG or PDF file");
        let pixels = image::RgbImage::from_pixel(4, 4, image::Rgb([9, 9, 9]));
        let mut png = Vec::new();
        image::DynamicImage::ImageRgb8(pixels)
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        let cleaned = read_answer(&answer(&png)).unwrap();
        assert_eq!(cleaned.media_type, "image/png");
        assert!(read_answer(b"{\"media_type\":\"image/png\",\"length\":9}\nshort").is_err());
        assert!(read_answer(b"no header").is_err());
    }
}
