//! Attachments cleaned by allow-list before they are sealed: whatever a file holds besides what a
//! reader needs to see it is dropped, and the reviewer is told exactly what went (kinds, names,
//! sizes; never values).
//!
//! - JPEG and PNG are decoded to pixels (turned upright by their EXIF orientation) and encoded
//!   anew, so nothing but the first image's pixels survives: no EXIF or GPS, no second image
//!   (multi-picture and depth files), no private chunk, no camera quantisation tables;
//! - PDFs are rebuilt from their pages: contents, fonts, images and the resources they draw with,
//!   and nothing else (no document information or /ID, annotations, attached files, forms,
//!   scripts, bookmarks, /PieceInfo, XMP); images inside keep their compressed data but lose every
//!   JPEG segment a decoder does not need and every JPEG 2000 box but the image.
//!
//! The kind of file is read from its bytes, not its name. Parsing untrusted files is dangerous:
//! the server never calls [`sanitize`] itself but runs it in a child process with limits on
//! memory, CPU time and stack ([`protocol`] is how the two talk), so that a crafted file can only
//! end that child.

mod jpeg;
mod pdf;
mod png;
pub mod protocol;

use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

/// Largest attachment accepted.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;
/// Most pixels an image may have (a 50-megapixel photo; a larger one is refused, not decoded).
pub const MAX_PIXELS: u64 = 50_000_000;

/// A kind of thing removed from an attachment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Removed {
    /// EXIF (camera, time, settings).
    Exif,
    /// GPS position inside EXIF.
    Gps,
    /// XMP packet or metadata stream.
    Xmp,
    /// IPTC / Photoshop record.
    Iptc,
    /// Another application segment (maker data, multi-picture index, thumbnails).
    OtherSegment,
    /// A comment or text chunk.
    Text,
    /// A modification time.
    Time,
    /// A PDF's document information (author, creator, dates).
    DocumentInfo,
    /// An ICC colour profile (it can name a device).
    IccProfile,
    /// Data after the end of the first image: a second image, a depth map, anything appended.
    SecondImage,
    /// A PNG chunk a viewer does not need (its type is given).
    Chunk,
    /// Frames of an animation after the first.
    Animation,
    /// A PDF's /ID (identifies the file and its versions).
    DocumentId,
    /// PDF annotations (comments, highlights, links, with their authors and dates).
    Annotations,
    /// Files attached inside a PDF.
    AttachedFiles,
    /// /PieceInfo: private data of the program that edited the PDF.
    PieceInfo,
    /// Scripts and actions that run when a PDF opens or is used.
    Actions,
    /// Interactive form fields and their values.
    Forms,
    /// Bookmarks (outline).
    Bookmarks,
    /// Page thumbnails.
    Thumbnails,
    /// Layers (optional content): hidden layers become visible content or go.
    Layers,
    /// The tagged structure (alternative texts, logical order).
    Structure,
    /// Other document-level or page-level entries a reader does not need (their keys are given).
    OtherEntries,
    /// Resources the pages do not use.
    UnusedObjects,
}

impl Removed {
    /// Words for the reviewer.
    pub fn describe(self) -> &'static str {
        match self {
            Removed::Exif => "EXIF (camera, time, settings)",
            Removed::Gps => "GPS position",
            Removed::Xmp => "XMP metadata",
            Removed::Iptc => "IPTC / Photoshop record",
            Removed::OtherSegment => "other embedded segments (maker data, thumbnails, picture index)",
            Removed::Text => "comments and text chunks",
            Removed::Time => "modification time",
            Removed::DocumentInfo => "document information (author, creator, dates)",
            Removed::IccProfile => "colour profile",
            Removed::SecondImage => "a second image after the first (multi-picture, depth map or appended data)",
            Removed::Chunk => "private or extra PNG chunk",
            Removed::Animation => "animation frames after the first",
            Removed::DocumentId => "document identifier (/ID)",
            Removed::Annotations => "annotations (comments, links, their authors and dates)",
            Removed::AttachedFiles => "attached files",
            Removed::PieceInfo => "editing program's private data (/PieceInfo)",
            Removed::Actions => "scripts and actions",
            Removed::Forms => "form fields and their values",
            Removed::Bookmarks => "bookmarks",
            Removed::Thumbnails => "page thumbnails",
            Removed::Layers => "layers (optional content)",
            Removed::Structure => "tagged structure (alternative texts)",
            Removed::OtherEntries => "other entries a reader does not need",
            Removed::UnusedObjects => "objects no page uses",
        }
    }
}

/// One thing removed: its kind, where it was (a PNG chunk's type, a PDF key, "embedded images"),
/// how many, and how many bytes when known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// What.
    pub what: Removed,
    /// Which one, or where.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How many.
    pub count: u32,
    /// Bytes, when known (0 when not).
    pub bytes: u64,
}

impl Removal {
    /// One `what` of `bytes` bytes.
    pub fn new(what: Removed, bytes: usize) -> Removal {
        Removal { what, name: None, count: 1, bytes: bytes as u64 }
    }

    /// Named (a chunk type, a key, a place).
    pub fn named(what: Removed, name: &str, bytes: usize) -> Removal {
        Removal { what, name: Some(name.to_string()), count: 1, bytes: bytes as u64 }
    }

    /// Words for the reviewer: `EXIF (camera, time, settings), 1,204 bytes`.
    pub fn describe(&self) -> String {
        let mut out = self.what.describe().to_string();
        if let Some(name) = &self.name {
            out.push_str(&format!(" [{name}]"));
        }
        if self.count > 1 {
            out.push_str(&format!(" ×{}", self.count));
        }
        if self.bytes > 0 {
            out.push_str(&format!(", {} bytes", self.bytes));
        }
        out
    }
}

/// Reports sealed before removals were itemised hold only the kinds (`["exif", "gps"]`).
impl<'de> Deserialize<'de> for Removal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Removal, D::Error> {
        #[derive(Deserialize)]
        struct Full {
            what: Removed,
            name: Option<String>,
            count: u32,
            bytes: u64,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Either {
            Kind(Removed),
            Full(Full),
        }
        Ok(match Either::deserialize(d)? {
            Either::Kind(what) => Removal { what, name: None, count: 1, bytes: 0 },
            Either::Full(f) => Removal { what: f.what, name: f.name, count: f.count, bytes: f.bytes },
        })
    }
}

/// Adds up removals of the same kind and name.
fn merged(removals: Vec<Removal>) -> Vec<Removal> {
    let mut out: Vec<Removal> = Vec::new();
    for r in removals {
        match out.iter_mut().find(|o| o.what == r.what && o.name == r.name) {
            Some(o) => {
                o.count += r.count;
                o.bytes += r.bytes;
            }
            None => out.push(r),
        }
    }
    out.sort_by(|a, b| (a.what, &a.name).cmp(&(b.what, &b.name)));
    out
}

/// A cleaned attachment.
pub struct Cleaned {
    /// `image/jpeg`, `image/png` or `application/pdf`.
    pub media_type: &'static str,
    /// The clean file (wiped when dropped).
    pub bytes: Zeroizing<Vec<u8>>,
    /// What was removed.
    pub removed: Vec<Removal>,
}

impl std::fmt::Debug for Cleaned {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Cleaned({}, {} bytes)", self.media_type, self.bytes.len())
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

/// Cleans one attachment, or says why it cannot be taken (never quoting its content). Run it
/// where a crash cannot reach the server (see the module's documentation).
pub fn sanitize(bytes: &[u8]) -> Result<Cleaned, String> {
    if bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err(format!("larger than {} MB", MAX_ATTACHMENT_BYTES / 1024 / 1024));
    }
    let media_type = media_type(bytes).ok_or("not a JPEG, PNG or PDF file")?;
    let (clean, removed) = match media_type {
        "image/jpeg" => jpeg::clean(bytes)?,
        "image/png" => png::clean(bytes)?,
        _ => pdf::clean(bytes)?,
    };
    Ok(Cleaned { media_type, bytes: Zeroizing::new(clean), removed: merged(removed) })
}

/// Decoding limits for images: at most [`MAX_PIXELS`], and no more memory than they need.
fn image_limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(20_000);
    limits.max_image_height = Some(20_000);
    limits.max_alloc = Some(MAX_PIXELS * 8);
    limits
}

/// Decodes an image to upright pixels, refusing one of more than [`MAX_PIXELS`].
fn decode(bytes: &[u8], format: image::ImageFormat) -> Result<image::DynamicImage, String> {
    use image::ImageDecoder;
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    reader.limits(image_limits());
    let mut decoder = reader.into_decoder().map_err(|e| unreadable(format, &e))?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(format!("an image of {w} × {h} pixels: at most {} megapixels", MAX_PIXELS / 1_000_000));
    }
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = image::DynamicImage::from_decoder(decoder).map_err(|e| unreadable(format, &e))?;
    image.apply_orientation(orientation);
    Ok(image)
}

fn unreadable(format: image::ImageFormat, e: &image::ImageError) -> String {
    let kind = if format == image::ImageFormat::Png { "PNG" } else { "JPEG" };
    match e {
        image::ImageError::Limits(_) => format!("a {kind} image too large to open safely"),
        _ => format!("a damaged {kind} file (save it again as JPEG or PNG and attach it again)"),
    }
}
