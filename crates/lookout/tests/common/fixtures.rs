//! Attachments an attacker or a phone would send: real images with location data where a naive
//! sanitiser does not look, PDFs that carry metadata in their images, annotations and attached
//! files, and PDFs crafted to exhaust a parser's stack, CPU or memory.

use std::io::Write;

/// A real JPEG (`image`'s encoder) of `width` × `height` pixels.
pub fn plain_jpeg(width: u32, height: u32, shade: u8) -> Vec<u8> {
    let pixels = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 7) as u8 ^ shade, (y * 5) as u8, shade.wrapping_add((x + y) as u8)])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&image::DynamicImage::ImageRgb8(pixels))
        .unwrap();
    out
}

/// An EXIF APP1 segment whose first directory points at a GPS directory, with `canary` after it.
fn exif_segment(canary: &str) -> Vec<u8> {
    let mut tiff = b"MM\0\x2a\0\0\0\x08\0\x01".to_vec();
    tiff.extend_from_slice(&[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0]);
    tiff.extend_from_slice(canary.as_bytes());
    let mut body = b"Exif\0\0".to_vec();
    body.extend_from_slice(&tiff);
    segment(0xE1, &body)
}

fn segment(marker: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![0xFF, marker];
    out.extend_from_slice(&((body.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(body);
    out
}

/// A JPEG as a phone writes a multi-picture or depth file: the first image with EXIF (GPS and
/// `canary`) and a comment, then a second whole image after the first one's end, with its own
/// EXIF holding `second_canary`.
pub fn jpeg_with_second_image(canary: &str, second_canary: &str) -> Vec<u8> {
    let mut out =
        with_segments_after_soi(&plain_jpeg(64, 48, 3), &[exif_segment(canary), segment(0xFE, canary.as_bytes())]);
    out.extend(with_segments_after_soi(&plain_jpeg(32, 24, 200), &[exif_segment(second_canary)]));
    out
}

/// A JPEG with EXIF (GPS, `canary`) in the first image only.
pub fn jpeg_with_exif(canary: &str) -> Vec<u8> {
    with_segments_after_soi(&plain_jpeg(64, 48, 9), &[exif_segment(canary), segment(0xFE, canary.as_bytes())])
}

fn with_segments_after_soi(jpeg: &[u8], segments: &[Vec<u8>]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    for s in segments {
        out.extend_from_slice(s);
    }
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(&crc.sum().to_be_bytes());
    out
}

/// A real PNG with a text chunk, an EXIF chunk and a private ancillary chunk (`prVt`), each
/// holding `canary`, before its image data.
pub fn png_with_private_chunks(canary: &str) -> Vec<u8> {
    let pixels = image::RgbaImage::from_fn(40, 30, |x, y| image::Rgba([x as u8 * 6, y as u8 * 8, 90, 255]));
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(pixels.as_raw(), 40, 30, image::ExtendedColorType::Rgba8)
        .unwrap();
    // After the signature (8) and IHDR (25 bytes).
    let (head, rest) = png.split_at(33);
    let mut out = head.to_vec();
    out.extend(png_chunk(b"tEXt", format!("Author\0{canary}").as_bytes()));
    out.extend(png_chunk(b"prVt", format!("lat=52.37;lon=4.89;{canary}").as_bytes()));
    out.extend(png_chunk(b"eXIf", &exif_segment(canary)[10..]));
    out.extend_from_slice(rest);
    out
}

use image::ImageEncoder;

/// A PDF whose page draws a JPEG carrying EXIF and GPS (`canary`), with an annotation written
/// by `canary` on a date, an attached file, /PieceInfo, an /ID, a document information
/// dictionary and an XMP stream, each holding `canary`. The page says `visible`.
pub fn pdf_with_hidden_metadata(canary: &str, visible: &str) -> Vec<u8> {
    use lopdf::{dictionary, Object, Stream};
    let mut doc = lopdf::Document::with_version("1.7");
    let pages = doc.new_object_id();
    let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
    let jpeg = jpeg_with_exif(canary);
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 64, "Height" => 48,
            "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8, "Filter" => "DCTDecode",
        },
        jpeg,
    ));
    let content = format!("BT /F1 18 Tf 40 700 Td ({visible}) Tj ET q 128 0 0 96 40 500 cm /Im1 Do Q");
    let contents = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
    let annotation = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Text", "Rect" => vec![10.into(), 10.into(), 30.into(), 30.into()],
        "T" => Object::string_literal(canary), "M" => Object::string_literal("D:20261103093012+01'00'"),
        "Contents" => Object::string_literal(format!("note by {canary}")),
    });
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font }, "XObject" => dictionary! { "Im1" => image } },
        "Contents" => contents,
        "Annots" => vec![annotation.into()],
        "PieceInfo" => dictionary! { "Editor" => dictionary! { "Private" => Object::string_literal(canary) } },
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
    );
    let attached = doc
        .add_object(Stream::new(dictionary! { "Type" => "EmbeddedFile" }, format!("attached {canary}").into_bytes()));
    let filespec = doc.add_object(dictionary! {
        "Type" => "Filespec", "F" => Object::string_literal(format!("{canary}.txt")), "EF" => dictionary! { "F" => attached },
    });
    let xmp = doc.add_object(Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        format!("<x:xmpmeta><dc:creator>{canary}</dc:creator></x:xmpmeta>").into_bytes(),
    ));
    let catalog = doc.add_object(dictionary! {
        "Type" => "Catalog", "Pages" => pages, "Metadata" => xmp,
        "Names" => dictionary! { "EmbeddedFiles" => dictionary! { "Names" => vec![Object::string_literal("a"), filespec.into()] } },
    });
    let info = doc.add_object(dictionary! { "Author" => Object::string_literal(canary) });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    doc.trailer.set(
        "ID",
        vec![Object::string_literal(format!("{canary}-id-1")), Object::string_literal(format!("{canary}-id-2"))],
    );
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// A PDF with a cross-reference table, from its objects' bodies (object 1 is the catalog).
fn pdf_of(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.5\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        writeln!(out, "{} 0 obj", i + 1).unwrap();
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
    for offset in offsets {
        writeln!(out, "{offset:010} 00000 n ").unwrap();
    }
    write!(out, "trailer\n<< /Root 1 0 R /Size {} >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1).unwrap();
    out
}

const PAGES: &[u8] = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>";

/// A well-formed PDF whose catalog holds an array nested `depth` deep (a recursive parser
/// overflows its stack).
pub fn pdf_nested_arrays(depth: usize) -> Vec<u8> {
    let mut catalog = b"<< /Type /Catalog /Pages 2 0 R /Nested ".to_vec();
    catalog.extend(std::iter::repeat_n(b'[', depth));
    catalog.extend(std::iter::repeat_n(b']', depth));
    catalog.extend_from_slice(b" >>");
    pdf_of(&[catalog, PAGES.to_vec(), b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>".to_vec()])
}

/// A PDF whose page refers to `n` distinct objects (a tool that keeps the references it has
/// seen in a list spends n² comparisons pruning it).
pub fn pdf_many_references(n: usize) -> Vec<u8> {
    let mut page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Resources << /XObject << ".to_vec();
    for i in 0..n {
        write!(page, "/X{i} {} 0 R ", i + 4).unwrap();
    }
    page.extend_from_slice(b">> >> >>");
    pdf_of(&[b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(), PAGES.to_vec(), page])
}

/// A small PDF whose object stream is compressed twice and opens to `megabytes` of spaces.
pub fn pdf_doubly_compressed_bomb(megabytes: usize) -> Vec<u8> {
    use flate2::write::ZlibEncoder;
    use flate2::Compression;
    let mut once = ZlibEncoder::new(Vec::new(), Compression::best());
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..megabytes {
        once.write_all(&spaces).unwrap();
    }
    let once = once.finish().unwrap();
    let mut twice = ZlibEncoder::new(Vec::new(), Compression::best());
    twice.write_all(&once).unwrap();
    let twice = twice.finish().unwrap();
    let mut stream = Vec::new();
    write!(
        stream,
        "<< /Type /ObjStm /N 1 /First 4 /Filter [/FlateDecode /FlateDecode] /Length {} >>\nstream\n",
        twice.len()
    )
    .unwrap();
    stream.extend_from_slice(&twice);
    stream.extend_from_slice(b"\nendstream");
    pdf_of(&[
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        PAGES.to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>".to_vec(),
        stream,
    ])
}

/// Whether `needle` occurs in `haystack`.
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}
