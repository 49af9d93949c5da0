//! PNG: an inventory of every chunk besides the image's own (header, palette, transparency,
//! data, end), then the image re-encoded from its pixels, which keeps none of them.

use super::{decode, Removal, Removed};

fn damaged() -> String {
    "a damaged PNG file (save it again as PNG or JPEG and attach it again)".to_string()
}

/// What the chunks of a PNG carry besides the image.
fn inventory(bytes: &[u8]) -> Result<Vec<Removal>, String> {
    let mut removed = Vec::new();
    let mut i = 8;
    loop {
        let head = bytes.get(i..i + 8).ok_or_else(damaged)?;
        let length = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let kind = &head[4..8];
        let end =
            i.checked_add(12).and_then(|e| e.checked_add(length)).filter(|e| *e <= bytes.len()).ok_or_else(damaged)?;
        let data = &bytes[i + 8..end - 4];
        let name = String::from_utf8_lossy(kind).into_owned();
        let size = end - i;
        match kind {
            b"IHDR" | b"PLTE" | b"IDAT" | b"tRNS" => {}
            b"IEND" => {
                if end < bytes.len() {
                    removed.push(Removal::new(Removed::SecondImage, bytes.len() - end));
                }
                return Ok(removed);
            }
            b"tEXt" | b"zTXt" => removed.push(Removal::named(Removed::Text, &name, size)),
            b"iTXt" if data.starts_with(b"XML:com.adobe.xmp") => {
                removed.push(Removal::named(Removed::Xmp, &name, size))
            }
            b"iTXt" => removed.push(Removal::named(Removed::Text, &name, size)),
            b"eXIf" => {
                removed.push(Removal::named(Removed::Exif, &name, size));
                if super::jpeg::exif_has_gps(data) {
                    removed.push(Removal::new(Removed::Gps, 0));
                }
            }
            b"tIME" => removed.push(Removal::named(Removed::Time, &name, size)),
            b"iCCP" => removed.push(Removal::named(Removed::IccProfile, &name, size)),
            b"acTL" | b"fcTL" | b"fdAT" => removed.push(Removal::named(Removed::Animation, &name, size)),
            _ => removed.push(Removal::named(Removed::Chunk, &name, size)),
        }
        i = end;
    }
}

/// Re-encodes a PNG from its pixels; lists what the original carried.
pub(super) fn clean(bytes: &[u8]) -> Result<(Vec<u8>, Vec<Removal>), String> {
    use image::ImageEncoder;
    let removed = inventory(bytes)?;
    let image = decode(bytes, image::ImageFormat::Png)?;
    let mut out = Vec::with_capacity(bytes.len());
    // Default compression: a re-encoded file about the size of the original (the fast default
    // made a 0.7 MB screenshot 14 MB).
    let (compression, filter) =
        (image::codecs::png::CompressionType::Default, image::codecs::png::FilterType::Adaptive);
    image::codecs::png::PngEncoder::new_with_quality(&mut out, compression, filter)
        .write_image(image.as_bytes(), image.width(), image.height(), image.color().into())
        .map_err(|_| "a PNG that cannot be encoded again".to_string())?;
    Ok((out, removed))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crc32(bytes: &[u8]) -> u32 {
        let mut crc = !0u32;
        for b in bytes {
            crc ^= u32::from(*b);
            for _ in 0..8 {
                crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
            }
        }
        !crc
    }

    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        c.extend_from_slice(&crc32(&c[4..]).to_be_bytes());
        c
    }

    #[test]
    fn private_chunks_and_appended_data_go_and_are_named() {
        use image::ImageEncoder;
        let pixels = image::RgbImage::from_fn(20, 10, |x, y| image::Rgb([x as u8 * 9, y as u8 * 20, 7]));
        let mut png = Vec::new();
        image::codecs::png::PngEncoder::new(&mut png)
            .write_image(pixels.as_raw(), 20, 10, image::ExtendedColorType::Rgb8)
            .unwrap();
        let (head, rest) = png.split_at(33);
        let mut file = head.to_vec();
        file.extend(chunk(b"prVt", b"lat=52.37 CANARY-PRIVATE"));
        file.extend(chunk(b"tEXt", b"Author\0CANARY-TEXT"));
        file.extend(chunk(b"tIME", &[7, 234, 1, 1, 0, 0, 0]));
        file.extend_from_slice(rest);
        file.extend_from_slice(b"CANARY-APPENDED");
        let (clean, removed) = clean(&file).unwrap();
        assert!(!clean.windows(6).any(|w| w == b"CANARY"));
        let names: Vec<String> = removed.iter().map(Removal::describe).collect();
        assert!(names.iter().any(|n| n.contains("[prVt]")), "{names:?}");
        assert!(removed.iter().any(|r| r.what == Removed::SecondImage && r.bytes == 15), "{names:?}");
        assert_eq!(image::load_from_memory(&clean).unwrap().to_rgb8(), pixels);
        assert!(inventory(b"\x89PNG\r\n\x1a\n\0\0\0\x05IHDR").is_err(), "cut short");
    }
}
