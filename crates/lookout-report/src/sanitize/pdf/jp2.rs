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

/// A marker segment at `i`: its marker and end.
fn segment(bytes: &[u8], i: usize) -> Result<(u8, usize), String> {
    let (Some(0xFF), Some(&marker)) = (bytes.get(i), bytes.get(i + 1)) else { return Err(damaged()) };
    let length = usize::from(u16::from_be_bytes([
        *bytes.get(i + 2).ok_or_else(damaged)?,
        *bytes.get(i + 3).ok_or_else(damaged)?,
    ]));
    let end = i + 2 + length;
    if length < 2 || end > bytes.len() {
        return Err(damaged());
    }
    Ok((marker, end))
}

/// A codestream: comment segments (COM) dropped from the main header and every tile-part header
/// (each tile-part's length rewritten to match).
fn codestream(bytes: &[u8]) -> Result<(Vec<u8>, Vec<Removal>), String> {
    if !bytes.starts_with(&[0xFF, 0x4F]) {
        return Err(damaged());
    }
    let mut out = bytes[..2].to_vec();
    let mut removed = Vec::new();
    let mut comment =
        |from: usize, to: usize| removed.push(Removal::named(Removed::Text, "JPEG 2000 comment", to - from));
    let mut i = 2;
    // The main header, up to the first tile-part.
    while bytes.get(i..i + 2) != Some(&[0xFF, 0x90]) {
        let (marker, end) = segment(bytes, i)?;
        if marker == 0x64 {
            comment(i, end);
        } else {
            out.extend_from_slice(&bytes[i..end]);
        }
        i = end;
    }
    // Tile-parts: SOT (with the tile-part's length), header segments, SOD, data.
    while bytes.get(i..i + 2) == Some(&[0xFF, 0x90]) {
        let (_, sot_end) = segment(bytes, i)?;
        let sot = &bytes[i..sot_end];
        let length =
            u32::from_be_bytes(sot.get(6..10).ok_or_else(damaged)?.try_into().map_err(|_| damaged())?) as usize;
        let tile_end = if length == 0 {
            bytes.len()
        } else {
            i.checked_add(length).filter(|e| *e <= bytes.len()).ok_or_else(damaged)?
        };
        let mut header = Vec::new();
        let mut j = sot_end;
        while bytes.get(j..j + 2) != Some(&[0xFF, 0x93]) {
            if j >= tile_end {
                return Err(damaged());
            }
            let (marker, end) = segment(bytes, j)?;
            if marker == 0x64 {
                comment(j, end);
            } else {
                header.extend_from_slice(&bytes[j..end]);
            }
            j = end;
        }
        let data = &bytes[j..tile_end];
        let mut sot = sot.to_vec();
        if length != 0 {
            let new_length = u32::try_from(sot.len() + header.len() + data.len()).map_err(|_| damaged())?;
            sot[6..10].copy_from_slice(&new_length.to_be_bytes());
        }
        out.extend_from_slice(&sot);
        out.extend_from_slice(&header);
        out.extend_from_slice(data);
        i = tile_end;
    }
    // The end of the codestream (or nothing, after a last tile-part of unstated length).
    out.extend_from_slice(&bytes[i..]);
    Ok((out, removed))
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
        file.extend(boxed(
            b"jp2c",
            b"\xFF\x4F\xFF\x64\0\x08\0\x01CANA\xFF\x90\0\x0A\0\0\0\0\0\0\0\x01\xFF\x93data\xFF\xD9",
        ));
        let (clean, removed) = strip(&file).unwrap();
        assert!(!clean.windows(4).any(|w| w == b"CANA"), "{}", String::from_utf8_lossy(&clean));
        assert!(clean.windows(4).any(|w| w == b"jp2c") && clean.windows(4).any(|w| w == b"ihdr"));
        assert!(clean.windows(7).any(|w| w == b"colr\x01\0\0"), "an enumerated colour space instead");
        assert_eq!(removed.len(), 4, "{removed:?}");
        // A bare codestream: a comment in the main header and one in a tile-part's header.
        let mut bare = vec![0xFF, 0x4F, 0xFF, 0x51, 0, 4, 1, 2, 0xFF, 0x64, 0, 8, 0, 1];
        bare.extend_from_slice(b"CANA");
        let tile = [0xFF, 0x64, 0, 8, 0, 1, b'N', b'A', b'R', b'Y', 0xFF, 0x93, 9, 9, 9];
        bare.extend_from_slice(&[0xFF, 0x90, 0, 10, 0, 0, 0, 0, 0, 12 + tile.len() as u8, 0, 1]);
        bare.extend_from_slice(&tile);
        bare.extend_from_slice(&[0xFF, 0xD9]);
        let (clean, removed) = strip(&bare).unwrap();
        assert!(!clean.windows(4).any(|w| w == b"CANA" || w == b"NARY"), "{clean:?}");
        assert_eq!(removed.len(), 2);
        let psot = u32::from_be_bytes(clean[14..18].try_into().unwrap()) as usize;
        assert_eq!(psot, 12 + 5, "the tile-part's length is rewritten");
        assert!(clean.ends_with(&[0xFF, 0x93, 9, 9, 9, 0xFF, 0xD9]));
        assert!(strip(&[0, 0, 0, 3, b'x', b'x', b'x', b'x']).is_err());
    }
}
