//! JPEG 2000 images inside PDFs: a JP2 file keeps only its signature, file type, header and
//! codestream boxes (XML, UUID boxes — where GeoJP2 keeps a position — and the rest go); a bare
//! codestream loses the comments of its main header.

use super::super::{Removal, Removed};

fn damaged() -> String {
    "a PDF with a damaged JPEG 2000 image".to_string()
}

/// The image without metadata, and what went.
pub(super) fn strip(bytes: &[u8]) -> Result<(Vec<u8>, Vec<Removal>), String> {
    if bytes.starts_with(&[0xFF, 0x4F, 0xFF, 0x51]) {
        return codestream(bytes);
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut removed = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let head = bytes.get(i..i + 8).ok_or_else(damaged)?;
        let length = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let kind = &head[4..8];
        let end = match length {
            0 => bytes.len(),
            1 => {
                let wide = bytes.get(i + 8..i + 16).ok_or_else(damaged)?;
                let wide = u64::from_be_bytes(wide.try_into().map_err(|_| damaged())?);
                i.checked_add(usize::try_from(wide).map_err(|_| damaged())?).ok_or_else(damaged)?
            }
            2..=7 => return Err(damaged()),
            n => i.checked_add(n).ok_or_else(damaged)?,
        };
        if end > bytes.len() || end <= i {
            return Err(damaged());
        }
        match kind {
            b"jP  " | b"ftyp" | b"jp2h" | b"jp2c" => out.extend_from_slice(&bytes[i..end]),
            b"xml " => removed.push(Removal::named(Removed::Xmp, "JPEG 2000 XML box", end - i)),
            other => removed.push(Removal::named(
                Removed::OtherSegment,
                &format!("JPEG 2000 box {}", String::from_utf8_lossy(other)),
                end - i,
            )),
        }
        i = end;
    }
    Ok((out, removed))
}

/// A bare codestream: comment segments (COM) of the main header dropped.
fn codestream(bytes: &[u8]) -> Result<(Vec<u8>, Vec<Removal>), String> {
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

    fn boxed(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut out = ((data.len() + 8) as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out
    }

    #[test]
    fn only_the_image_boxes_stay() {
        let mut file = boxed(b"jP  ", b"\r\n\x87\n");
        file.extend(boxed(b"ftyp", b"jp2 \0\0\0\0jp2 "));
        file.extend(boxed(b"uuid", b"GeoJP2 CANARY 52.37 4.89"));
        file.extend(boxed(b"xml ", b"<author>CANARY</author>"));
        file.extend(boxed(b"jp2c", b"\xFF\x4F\xFF\x51 codestream"));
        let (clean, removed) = strip(&file).unwrap();
        assert!(!clean.windows(6).any(|w| w == b"CANARY"));
        assert!(clean.windows(4).any(|w| w == b"jp2c"));
        assert_eq!(removed.len(), 2);
        let mut bare = vec![0xFF, 0x4F, 0xFF, 0x51, 0, 4, 1, 2, 0xFF, 0x64, 0, 8, 0, 1];
        bare.extend_from_slice(b"CANA");
        bare.extend_from_slice(&[0xFF, 0x90, 0, 10]);
        let (clean, removed) = strip(&bare).unwrap();
        assert!(!clean.windows(4).any(|w| w == b"CANA"));
        assert_eq!((removed.len(), clean.len()), (1, bare.len() - 10));
        assert!(strip(&[0, 0, 0, 3, b'x', b'x', b'x', b'x']).is_err());
    }
}
