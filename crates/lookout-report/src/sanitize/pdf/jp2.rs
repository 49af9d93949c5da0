//! JPEG 2000 images inside PDFs: a JP2 file keeps only its signature, file type, header and
//! codestream boxes (XML, UUID boxes — where GeoJP2 keeps a position — and the rest go); inside
//! the header, an ICC colour profile is replaced by the colour space it describes; a codestream,
//! bare or boxed, loses the comments of its main header.

use super::super::{Removal, Removed};

fn damaged() -> String {
    "a PDF with a damaged JPEG 2000 image".to_string()
}

/// A box: its kind, the whole box, its payload.
type Jp2Box<'a> = (&'a [u8], &'a [u8], &'a [u8]);

/// The boxes of `bytes`.
fn boxes(bytes: &[u8]) -> Result<Vec<Jp2Box<'_>>, String> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let head = bytes.get(i..i + 8).ok_or_else(damaged)?;
        let length = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let (end, payload) = match length {
            0 => (bytes.len(), i + 8),
            1 => {
                let wide = bytes.get(i + 8..i + 16).ok_or_else(damaged)?;
                let wide = u64::from_be_bytes(wide.try_into().map_err(|_| damaged())?);
                (i.checked_add(usize::try_from(wide).map_err(|_| damaged())?).ok_or_else(damaged)?, i + 16)
            }
            2..=7 => return Err(damaged()),
            n => (i.checked_add(n).ok_or_else(damaged)?, i + 8),
        };
        if end > bytes.len() || end < payload {
            return Err(damaged());
        }
        out.push((&head[4..8], &bytes[i..end], &bytes[payload..end]));
        i = end;
    }
    Ok(out)
}

fn boxed(kind: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut out = ((payload.len() + 8) as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(payload);
    out
}

/// The image without metadata, and what went.
pub(super) fn strip(bytes: &[u8]) -> Result<(Vec<u8>, Vec<Removal>), String> {
    if bytes.starts_with(&[0xFF, 0x4F, 0xFF, 0x51]) {
        return codestream(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut removed = Vec::new();
    for (kind, whole, payload) in boxes(bytes)? {
        match kind {
            b"jP  " | b"ftyp" => out.extend_from_slice(whole),
            b"jp2h" => out.extend(boxed(b"jp2h", &header(payload, &mut removed)?)),
            b"jp2c" => {
                let (clean, mut inner) = codestream(payload)?;
                removed.append(&mut inner);
                out.extend(boxed(b"jp2c", &clean));
            }
            b"xml " => removed.push(Removal::named(Removed::Xmp, "JPEG 2000 XML box", whole.len())),
            other => removed.push(Removal::named(
                Removed::OtherSegment,
                &format!("JPEG 2000 box {}", String::from_utf8_lossy(other)),
                whole.len(),
            )),
        }
    }
    Ok((out, removed))
}

/// The header superbox: the image's own boxes, an ICC profile replaced by an enumerated colour
/// space (sRGB, or greyscale for one component).
fn header(payload: &[u8], removed: &mut Vec<Removal>) -> Result<Vec<u8>, String> {
    let inner = boxes(payload)?;
    let components = inner
        .iter()
        .find(|(kind, _, _)| *kind == b"ihdr")
        .and_then(|(_, _, p)| p.get(8..10))
        .map(|n| u16::from_be_bytes([n[0], n[1]]));
    let mut out = Vec::with_capacity(payload.len());
    for (kind, whole, p) in inner {
        match kind {
            b"ihdr" | b"bpcc" | b"pclr" | b"cmap" | b"cdef" | b"res " => out.extend_from_slice(whole),
            b"colr" if p.first() == Some(&1) => out.extend_from_slice(whole),
            b"colr" => {
                removed.push(Removal::named(Removed::IccProfile, "JPEG 2000", whole.len()));
                let space: u32 = if components == Some(1) { 17 } else { 16 };
                let mut enumerated = vec![1, 0, 0];
                enumerated.extend_from_slice(&space.to_be_bytes());
                out.extend(boxed(b"colr", &enumerated));
            }
            other => removed.push(Removal::named(
                Removed::OtherSegment,
                &format!("JPEG 2000 box {}", String::from_utf8_lossy(other)),
                whole.len(),
            )),
        }
    }
    Ok(out)
}

/// A codestream: comment segments (COM) of the main header dropped.
fn codestream(bytes: &[u8]) -> Result<(Vec<u8>, Vec<Removal>), String> {
    if !bytes.starts_with(&[0xFF, 0x4F]) {
        return Err(damaged());
    }
    let mut out = bytes[..2].to_vec();
    let mut removed = Vec::new();
    let mut i = 2;
    loop {
        let (Some(0xFF), Some(&marker)) = (bytes.get(i), bytes.get(i + 1)) else { return Err(damaged()) };
        if marker == 0x90 {
            // Start of the first tile: the main header is over.
            out.extend_from_slice(&bytes[i..]);
            return Ok((out, removed));
        }
        let length = usize::from(u16::from_be_bytes([
            *bytes.get(i + 2).ok_or_else(damaged)?,
            *bytes.get(i + 3).ok_or_else(damaged)?,
        ]));
        let end = i + 2 + length;
        if length < 2 || end > bytes.len() {
            return Err(damaged());
        }
        if marker == 0x64 {
            removed.push(Removal::named(Removed::Text, "JPEG 2000 comment", end - i));
        } else {
            out.extend_from_slice(&bytes[i..end]);
        }
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_image_boxes_stay() {
        let mut file = boxed(b"jP  ", b"\r\n\x87\n");
        file.extend(boxed(b"ftyp", b"jp2 \0\0\0\0jp2 "));
        file.extend(boxed(b"uuid", b"GeoJP2 CANARY 52.37 4.89"));
        file.extend(boxed(b"xml ", b"<author>CANARY</author>"));
        let mut header = boxed(b"ihdr", &[0, 0, 0, 8, 0, 0, 0, 8, 0, 3, 7, 7, 0, 0]);
        header.extend(boxed(b"colr", b"\x02\0\0CANARY-ICC-PROFILE"));
        file.extend(boxed(b"jp2h", &header));
        file.extend(boxed(b"jp2c", b"\xFF\x4F\xFF\x64\0\x08\0\x01CANA\xFF\x90 tile"));
        let (clean, removed) = strip(&file).unwrap();
        assert!(!clean.windows(4).any(|w| w == b"CANA"), "{}", String::from_utf8_lossy(&clean));
        assert!(clean.windows(4).any(|w| w == b"jp2c") && clean.windows(4).any(|w| w == b"ihdr"));
        assert!(clean.windows(7).any(|w| w == b"colr\x01\0\0"), "an enumerated colour space instead");
        assert_eq!(removed.len(), 4, "{removed:?}");
        let mut bare = vec![0xFF, 0x4F, 0xFF, 0x51, 0, 4, 1, 2, 0xFF, 0x64, 0, 8, 0, 1];
        bare.extend_from_slice(b"CANA");
        bare.extend_from_slice(&[0xFF, 0x90, 0, 10]);
        let (clean, removed) = strip(&bare).unwrap();
        assert!(!clean.windows(4).any(|w| w == b"CANA"));
        assert_eq!((removed.len(), clean.len()), (1, bare.len() - 10));
        assert!(strip(&[0, 0, 0, 3, b'x', b'x', b'x', b'x']).is_err());
    }
}
