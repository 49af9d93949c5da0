//! JPEG: an inventory of every segment a decoder does not need, the first image cut free of
//! them ([`strip`], lossless: used for images inside PDFs), and a standalone photo re-encoded from
//! its upright pixels ([`clean`]).

use super::{decode, Removal, Removed};

/// Re-encodes a JPEG from the pixels of its first image; lists what the original carried.
pub(super) fn clean(bytes: &[u8]) -> Result<(Vec<u8>, Vec<Removal>), String> {
    let (_, removed) = strip(bytes)?;
    let image = decode(bytes, image::ImageFormat::Jpeg)?;
    let image = match image {
        image::DynamicImage::ImageLuma8(_) => image,
        other => image::DynamicImage::ImageRgb8(other.to_rgb8()),
    };
    let mut out = Vec::with_capacity(bytes.len());
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92)
        .encode_image(&image)
        .map_err(|_| "a JPEG that cannot be encoded again".to_string())?;
    Ok((out, removed))
}

fn damaged() -> String {
    "a damaged JPEG file (save it again as JPEG or PNG and attach it again)".to_string()
}

/// The first image with only the segments a decoder needs (quantisation and Huffman tables,
/// frame and scan headers, restart interval, the entropy-coded data, JFIF without its thumbnail,
/// Adobe's colour transform), and what was left out.
pub(crate) fn strip(bytes: &[u8]) -> Result<(Vec<u8>, Vec<Removal>), String> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Err(damaged());
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut removed = Vec::new();
    out.extend_from_slice(&[0xFF, 0xD8]);
    let mut i = 2;
    loop {
        while bytes.get(i) == Some(&0xFF) && bytes.get(i + 1) == Some(&0xFF) {
            i += 1; // fill bytes
        }
        let (Some(0xFF), Some(&marker)) = (bytes.get(i), bytes.get(i + 1)) else { return Err(damaged()) };
        match marker {
            0xD9 => {
                out.extend_from_slice(&[0xFF, 0xD9]);
                i += 2;
                break;
            }
            0x01 | 0xD0..=0xD7 => {
                out.extend_from_slice(&[0xFF, marker]);
                i += 2;
                continue;
            }
            0xD8 | 0x00 => return Err(damaged()),
            _ => {}
        }
        let length = usize::from(u16::from_be_bytes([
            *bytes.get(i + 2).ok_or_else(damaged)?,
            *bytes.get(i + 3).ok_or_else(damaged)?,
        ]));
        let end = i + 2 + length;
        if length < 2 || end > bytes.len() {
            return Err(damaged());
        }
        let segment = &bytes[i..end];
        let body = &segment[4..];
        match marker {
            0xE0 if body.starts_with(b"JFIF\0") && body.len() >= 14 => {
                // JFIF without its thumbnail: version, units and density, no pixels.
                let mut app0 = vec![0xFF, 0xE0, 0, 16];
                app0.extend_from_slice(&body[..12]);
                app0.extend_from_slice(&[0, 0]);
                out.extend_from_slice(&app0);
                if body.len() > 14 {
                    removed.push(Removal::named(Removed::OtherSegment, "JFIF thumbnail", body.len() - 14));
                }
            }
            0xEE if body.starts_with(b"Adobe") => out.extend_from_slice(segment),
            0xE1 if body.starts_with(b"Exif\0") => {
                removed.push(Removal::new(Removed::Exif, segment.len()));
                if exif_has_gps(body.get(6..).unwrap_or_default()) {
                    removed.push(Removal::new(Removed::Gps, 0));
                }
            }
            0xE1 if body.starts_with(b"http://ns.adobe.com/") => {
                removed.push(Removal::new(Removed::Xmp, segment.len()))
            }
            0xE2 if body.starts_with(b"ICC_PROFILE\0") => {
                removed.push(Removal::new(Removed::IccProfile, segment.len()))
            }
            0xE2 if body.starts_with(b"MPF\0") => {
                removed.push(Removal::named(Removed::OtherSegment, "multi-picture index", segment.len()));
            }
            0xED => removed.push(Removal::new(Removed::Iptc, segment.len())),
            0xFE => removed.push(Removal::new(Removed::Text, segment.len())),
            0xE0..=0xEF => {
                removed.push(Removal::named(Removed::OtherSegment, &format!("APP{}", marker - 0xE0), segment.len()));
            }
            0xC0..=0xCF | 0xDB | 0xDD | 0xDC | 0xDE | 0xDF => out.extend_from_slice(segment),
            0xDA => {
                out.extend_from_slice(segment);
                // Entropy-coded data runs to the next marker that is not a stuffed byte or a restart.
                let mut j = end;
                while j < bytes.len() {
                    if bytes[j] == 0xFF && j + 1 < bytes.len() && !matches!(bytes[j + 1], 0x00 | 0xD0..=0xD7 | 0xFF) {
                        break;
                    }
                    j += 1;
                }
                out.extend_from_slice(&bytes[end..j]);
                if j >= bytes.len() {
                    // Cut short after its data: close the image.
                    out.extend_from_slice(&[0xFF, 0xD9]);
                    return Ok((out, removed));
                }
                i = j;
                continue;
            }
            _ => removed.push(Removal::named(Removed::OtherSegment, &format!("marker {marker:02X}"), segment.len())),
        }
        i = end;
    }
    if i < bytes.len() {
        removed.push(Removal::new(Removed::SecondImage, bytes.len() - i));
    }
    Ok((out, removed))
}

/// Whether an EXIF TIFF block's first directory points at a GPS directory (tag 0x8825).
pub(super) fn exif_has_gps(tiff: &[u8]) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(shade: u8) -> Vec<u8> {
        let pixels = image::RgbImage::from_fn(48, 32, |x, y| image::Rgb([x as u8 * 5, y as u8 * 7, shade]));
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&image::DynamicImage::ImageRgb8(pixels))
            .unwrap();
        out
    }

    fn segment(marker: u8, body: &[u8]) -> Vec<u8> {
        let mut out = vec![0xFF, marker];
        out.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(body);
        out
    }

    fn with_exif(jpeg: &[u8], canary: &str) -> Vec<u8> {
        let mut tiff = b"MM\0\x2a\0\0\0\x08\0\x01".to_vec();
        tiff.extend_from_slice(&[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0]);
        tiff.extend_from_slice(canary.as_bytes());
        let mut exif = b"Exif\0\0".to_vec();
        exif.extend_from_slice(&tiff);
        let mut out = jpeg[..2].to_vec();
        out.extend(segment(0xE1, &exif));
        out.extend(segment(0xFE, canary.as_bytes()));
        out.extend(segment(0xE2, b"MPF\0CANARY-INDEX"));
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    fn has(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn a_second_image_and_every_segment_go_and_are_listed() {
        let mut file = with_exif(&photo(1), "CANARY-ONE");
        let second = with_exif(&photo(200), "CANARY-TWO");
        file.extend_from_slice(&second);
        let (clean, removed) = clean(&file).unwrap();
        for canary in [b"CANARY-ONE".as_slice(), b"CANARY-TWO", b"CANARY-INDEX", b"Exif", b"MPF"] {
            assert!(!has(&clean, canary), "{}", String::from_utf8_lossy(canary));
        }
        let kinds: Vec<Removed> = removed.iter().map(|r| r.what).collect();
        for kind in [Removed::Exif, Removed::Gps, Removed::Text, Removed::OtherSegment, Removed::SecondImage] {
            assert!(kinds.contains(&kind), "{kind:?} in {removed:?}");
        }
        let second_size = removed.iter().find(|r| r.what == Removed::SecondImage).unwrap().bytes;
        assert_eq!(second_size, second.len() as u64);
        let back = image::load_from_memory(&clean).unwrap();
        assert_eq!((back.width(), back.height()), (48, 32));
    }

    #[test]
    fn strip_keeps_the_first_image_losslessly() {
        let original = photo(90);
        let file = with_exif(&original, "CANARY");
        let (stripped, removed) = strip(&file).unwrap();
        assert!(!has(&stripped, b"CANARY"));
        assert_eq!(removed.len(), 4, "{removed:?}");
        let (a, b) = (image::load_from_memory(&original).unwrap(), image::load_from_memory(&stripped).unwrap());
        assert_eq!(a.to_rgb8(), b.to_rgb8(), "the same pixels");
        assert!(strip(&[0xFF, 0xD8, 0xFF, 0xE1, 0xFF]).is_err());
        assert!(strip(b"\xFF\xD8\xFF\xE1\x00\x01").is_err(), "a length below 2");
    }
}
