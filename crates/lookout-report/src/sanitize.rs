//! Metadata removed from attachments in memory, before sealing: EXIF (with GPS), XMP, IPTC, ICC
//! and comments from JPEG; text, EXIF and time chunks from PNG; the document information
//! dictionary and XMP streams from PDF. The kind of file is read from its bytes, not its name.
//! The reviewer is told which kinds of metadata were removed, never their values.

use serde::{Deserialize, Serialize};

use crate::ReportError;

/// Largest attachment accepted.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;

/// A kind of metadata that was removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Removed {
    /// EXIF (camera, time, settings).
    Exif,
    /// GPS position inside EXIF.
    Gps,
    /// XMP packet.
    Xmp,
    /// IPTC / Photoshop record.
    Iptc,
    /// ICC colour profile or other application segment.
    OtherSegment,
    /// A comment or text chunk.
    Text,
    /// A modification time.
    Time,
    /// A PDF's document information (author, creator, dates).
    DocumentInfo,
}

impl Removed {
    /// Words for the reviewer.
    pub fn describe(self) -> &'static str {
        match self {
            Removed::Exif => "EXIF",
            Removed::Gps => "GPS position",
            Removed::Xmp => "XMP",
            Removed::Iptc => "IPTC",
            Removed::OtherSegment => "other embedded segments (ICC profile, thumbnails)",
            Removed::Text => "comments and text chunks",
            Removed::Time => "modification time",
            Removed::DocumentInfo => "document information (author, creator, dates)",
        }
    }
}

/// What a file is, from its first bytes.
pub fn media_type(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else {
        None
    }
}

/// Sanitises one attachment (`index` from 1, for errors): its media type, bytes without
/// metadata, and the kinds removed.
pub fn sanitize(index: usize, bytes: &[u8]) -> Result<(&'static str, Vec<u8>, Vec<Removed>), ReportError> {
    let bad = |reason: &str| ReportError::Attachment { index, reason: reason.to_string() };
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(bad(&format!("larger than {} MiB", MAX_ATTACHMENT_BYTES / 1024 / 1024)));
    }
    let kind = media_type(bytes).ok_or_else(|| bad("not a JPEG, PNG or PDF file"))?;
    let (clean, mut removed) = match kind {
        "image/jpeg" => jpeg(bytes).ok_or_else(|| bad("a damaged JPEG file"))?,
        "image/png" => png(bytes).ok_or_else(|| bad("a damaged PNG file"))?,
        _ => pdf(bytes).map_err(|reason| bad(&reason))?,
    };
    removed.sort();
    removed.dedup();
    Ok((kind, clean, removed))
}

/// JPEG: keeps the image segments, JFIF (APP0) and Adobe (APP14); drops every other
/// application segment and comments.
fn jpeg(bytes: &[u8]) -> Option<(Vec<u8>, Vec<Removed>)> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut removed = Vec::new();
    out.extend_from_slice(&bytes[..2]);
    let mut i = 2;
    loop {
        if i + 4 > bytes.len() || bytes[i] != 0xFF {
            return None;
        }
        let marker = bytes[i + 1];
        if marker == 0xFF {
            i += 1; // fill byte
            continue;
        }
        let length = usize::from(u16::from_be_bytes([bytes[i + 2], bytes[i + 3]]));
        if length < 2 || i + 2 + length > bytes.len() {
            return None;
        }
        let segment = &bytes[i..i + 2 + length];
        let body = &segment[4..];
        match marker {
            0xE1 => {
                if body.starts_with(b"Exif\0") {
                    removed.push(Removed::Exif);
                    if exif_has_gps(&body[6..]) {
                        removed.push(Removed::Gps);
                    }
                } else if body.starts_with(b"http://ns.adobe.com/") {
                    removed.push(Removed::Xmp);
                } else {
                    removed.push(Removed::OtherSegment);
                }
            }
            0xED => removed.push(Removed::Iptc),
            0xFE => removed.push(Removed::Text),
            0xE0 | 0xEE => out.extend_from_slice(segment),
            0xE2..=0xEF => removed.push(Removed::OtherSegment),
            0xDA => {
                // Start of scan: the rest is image data up to the end marker.
                out.extend_from_slice(&bytes[i..]);
                return Some((out, removed));
            }
            _ => out.extend_from_slice(segment),
        }
        i += 2 + length;
    }
}

/// Whether an EXIF TIFF block's first directory points at a GPS directory (tag 0x8825).
fn exif_has_gps(tiff: &[u8]) -> bool {
    let little = tiff.starts_with(b"II");
    let u16_at = |at: usize| -> Option<u16> {
        let b = tiff.get(at..at + 2)?;
        Some(if little { u16::from_le_bytes([b[0], b[1]]) } else { u16::from_be_bytes([b[0], b[1]]) })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b = tiff.get(at..at + 4)?;
        Some(if little {
            u32::from_le_bytes([b[0], b[1], b[2], b[3]])
        } else {
            u32::from_be_bytes([b[0], b[1], b[2], b[3]])
        })
    };
    let Some(ifd) = u32_at(4) else { return false };
    let ifd = ifd as usize;
    let Some(count) = u16_at(ifd) else { return false };
    (0..usize::from(count)).any(|k| u16_at(ifd + 2 + 12 * k) == Some(0x8825))
}

/// PNG: drops text (tEXt, zTXt, iTXt — XMP travels in iTXt), EXIF (eXIf) and time (tIME) chunks.
fn png(bytes: &[u8]) -> Option<(Vec<u8>, Vec<Removed>)> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut removed = Vec::new();
    out.extend_from_slice(&bytes[..8]);
    let mut i = 8;
    while i + 12 <= bytes.len() {
        let length = u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]) as usize;
        let end = i.checked_add(12)?.checked_add(length)?;
        if end > bytes.len() {
            return None;
        }
        let kind = &bytes[i + 4..i + 8];
        match kind {
            b"tEXt" | b"zTXt" => removed.push(Removed::Text),
            b"iTXt" => removed.push(if bytes[i + 8..end - 4].starts_with(b"XML:com.adobe.xmp") {
                Removed::Xmp
            } else {
                Removed::Text
            }),
            b"eXIf" => removed.push(Removed::Exif),
            b"tIME" => removed.push(Removed::Time),
            _ => out.extend_from_slice(&bytes[i..end]),
        }
        i = end;
        if kind == b"IEND" {
            return Some((out, removed));
        }
    }
    None
}

/// PDF: drops the trailer's document information dictionary and every XMP metadata stream.
fn pdf(bytes: &[u8]) -> Result<(Vec<u8>, Vec<Removed>), String> {
    let mut doc = lopdf::Document::load_mem(bytes).map_err(|_| "a damaged PDF file".to_string())?;
    if doc.is_encrypted() {
        return Err("an encrypted PDF: save it without a password and attach it again".into());
    }
    let mut removed = Vec::new();
    if doc.trailer.remove(b"Info").is_some() {
        removed.push(Removed::DocumentInfo);
    }
    let mut metadata_streams = Vec::new();
    for (id, object) in doc.objects.iter_mut() {
        let dict = match object {
            lopdf::Object::Dictionary(d) => d,
            lopdf::Object::Stream(s) => &mut s.dict,
            _ => continue,
        };
        if dict.remove(b"Metadata").is_some() {
            removed.push(Removed::Xmp);
        }
        if dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"Metadata".as_slice()) {
            metadata_streams.push(*id);
        }
        if dict.get(b"Type").ok().and_then(|t| t.as_name().ok()) == Some(b"Info".as_slice()) {
            metadata_streams.push(*id);
        }
    }
    for id in metadata_streams {
        doc.objects.remove(&id);
        removed.push(Removed::Xmp);
    }
    doc.prune_objects();
    let mut out = Vec::with_capacity(bytes.len());
    doc.save_to(&mut out).map_err(|_| "a PDF that cannot be rewritten".to_string())?;
    Ok((out, removed))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal JPEG with an EXIF segment holding a GPS pointer and a canary string, a comment,
    /// and a one-byte scan.
    fn jpeg_with_gps(canary: &str) -> Vec<u8> {
        let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
        tiff.extend_from_slice(&[0, 1]); // one entry
        tiff.extend_from_slice(&[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26]); // GPS IFD pointer
        tiff.extend_from_slice(&[0, 0, 0, 0]);
        tiff.extend_from_slice(canary.as_bytes());
        let mut exif = b"Exif\0\0".to_vec();
        exif.extend_from_slice(&tiff);
        let mut out = vec![0xFF, 0xD8];
        let mut segment = |marker: u8, body: &[u8]| {
            out.extend_from_slice(&[0xFF, marker]);
            out.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
            out.extend_from_slice(body);
        };
        segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        segment(0xE1, &exif);
        segment(0xFE, canary.as_bytes());
        segment(0xDB, &[0; 65]);
        segment(0xDA, &[1, 1, 0, 0, 63, 0]);
        out.extend_from_slice(&[0x12, 0x34, 0xFF, 0xD9]);
        out
    }

    #[test]
    fn jpeg_loses_exif_gps_and_comments_but_keeps_its_image() {
        let original = jpeg_with_gps("CANARY-GPS");
        let (kind, clean, removed) = sanitize(1, &original).unwrap();
        assert_eq!(kind, "image/jpeg");
        assert_eq!(removed, vec![Removed::Exif, Removed::Gps, Removed::Text]);
        assert!(!clean.windows(10).any(|w| w == b"CANARY-GPS"));
        assert!(!clean.windows(4).any(|w| w == b"Exif"));
        assert!(clean.windows(4).any(|w| w == b"JFIF"));
        assert!(clean.ends_with(&[0x12, 0x34, 0xFF, 0xD9]));
    }

    #[test]
    fn png_loses_text_and_time() {
        let chunk = |kind: &[u8], data: &[u8]| {
            let mut c = (data.len() as u32).to_be_bytes().to_vec();
            c.extend_from_slice(kind);
            c.extend_from_slice(data);
            c.extend_from_slice(&[0, 0, 0, 0]);
            c
        };
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(chunk(b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]));
        png.extend(chunk(b"tEXt", b"Author\0CANARY-PNG"));
        png.extend(chunk(b"tIME", &[7, 234, 1, 1, 0, 0, 0]));
        png.extend(chunk(b"IDAT", &[1, 2, 3]));
        png.extend(chunk(b"IEND", &[]));
        let (_, clean, removed) = sanitize(2, &png).unwrap();
        assert_eq!(removed, vec![Removed::Text, Removed::Time]);
        assert!(!clean.windows(10).any(|w| w == b"CANARY-PNG"));
        assert!(clean.windows(4).any(|w| w == b"IDAT"));
    }

    #[test]
    fn pdf_loses_its_document_information() {
        let mut doc = lopdf::Document::with_version("1.5");
        let info = doc.add_object(lopdf::dictionary! { "Author" => lopdf::Object::string_literal("CANARY-PDF") });
        let pages = doc.new_object_id();
        let page = doc.add_object(lopdf::dictionary! { "Type" => "Page", "Parent" => pages, "MediaBox" => vec![0.into(), 0.into(), 10.into(), 10.into()] });
        doc.objects.insert(
            pages,
            lopdf::Object::Dictionary(
                lopdf::dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
            ),
        );
        let catalog = doc.add_object(lopdf::dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        doc.trailer.set("Info", info);
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        assert!(bytes.windows(10).any(|w| w == b"CANARY-PDF"));
        let (kind, clean, removed) = sanitize(3, &bytes).unwrap();
        assert_eq!(kind, "application/pdf");
        assert_eq!(removed, vec![Removed::DocumentInfo]);
        assert!(!clean.windows(10).any(|w| w == b"CANARY-PDF"));
        assert!(lopdf::Document::load_mem(&clean).is_ok());
    }

    #[test]
    fn other_and_damaged_files_are_refused_by_position() {
        let e = sanitize(4, b"MZ\x90\0 not an image").unwrap_err().to_string();
        assert_eq!(e, "attachment 4: not a JPEG, PNG or PDF file");
        assert!(sanitize(1, &[0xFF, 0xD8, 0xFF, 0xE1, 0xFF]).is_err());
        assert!(sanitize(1, b"%PDF-1.4 garbage").is_err());
    }
}
