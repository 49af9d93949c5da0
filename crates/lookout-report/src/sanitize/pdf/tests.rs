//! The PDF rebuild against files that hide metadata where a reader does not look.

use lopdf::{dictionary, Object, Stream};

use super::*;

fn photo_with_exif(canary: &str) -> Vec<u8> {
    let pixels = image::RgbImage::from_fn(16, 8, |x, y| image::Rgb([x as u8 * 9, y as u8 * 20, 7]));
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&image::DynamicImage::ImageRgb8(pixels))
        .unwrap();
    let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\0".to_vec();
    exif.extend_from_slice(canary.as_bytes());
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((exif.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&exif);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn pdf(canary: &str) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages = doc.new_object_id();
    let font = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 16, "Height" => 8, "ColorSpace" => "DeviceRGB",
            "BitsPerComponent" => 8, "Filter" => "DCTDecode", "Metadata" => Object::string_literal(canary),
        },
        photo_with_exif(canary),
    ));
    let contents = doc.add_object(Stream::new(dictionary! {}, b"BT /F1 12 Tf 9 9 Td (Seen) Tj ET /Im1 Do".to_vec()));
    let note =
        doc.add_object(dictionary! { "Type" => "Annot", "Subtype" => "Text", "T" => Object::string_literal(canary) });
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages, "Contents" => contents, "Annots" => vec![note.into()],
        "Resources" => dictionary! {
            "Font" => dictionary! { "F1" => font }, "XObject" => dictionary! { "Im1" => image },
            "Properties" => dictionary! { "MC0" => dictionary! { "Private" => Object::string_literal(canary) } },
        },
        "PieceInfo" => dictionary! { "X" => Object::string_literal(canary) },
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
            "MediaBox" => vec![0.into(), 0.into(), 200.into(), 100.into()],
        }),
    );
    let info = doc.add_object(dictionary! { "Author" => Object::string_literal(canary) });
    let catalog = doc.add_object(dictionary! {
        "Type" => "Catalog", "Pages" => pages,
        "OpenAction" => dictionary! { "S" => "JavaScript", "JS" => Object::string_literal(canary) },
    });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    doc.trailer.set("ID", vec![Object::string_literal(canary), Object::string_literal(canary)]);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn only_what_the_pages_draw_is_kept() {
    let original = pdf("CANARY-7");
    assert!(original.windows(8).any(|w| w == b"CANARY-7"));
    let (clean, removed) = clean(&original).unwrap();
    assert!(!clean.windows(8).any(|w| w == b"CANARY-7"), "{}", String::from_utf8_lossy(&clean));
    assert!(!clean.windows(4).any(|w| w == b"Exif"));
    let doc = Document::load_mem(&clean).unwrap();
    let pages = doc.get_pages();
    assert_eq!(pages.len(), 1);
    let page = doc.get_dictionary(pages[&1]).unwrap();
    assert!(page.has(b"MediaBox"), "the inherited page size is kept");
    assert!(clean.windows(4).any(|w| w == b"Seen"));
    let kinds: Vec<Removed> = removed.iter().map(|r| r.what).collect();
    for kind in [
        Removed::DocumentInfo,
        Removed::DocumentId,
        Removed::Annotations,
        Removed::PieceInfo,
        Removed::Actions,
        Removed::Layers,
        Removed::Exif,
        Removed::Xmp,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} in {removed:?}");
    }
    let xobjects = doc.get_dictionary(pages[&1]).unwrap().get(b"Resources").unwrap().as_dict().unwrap();
    let image = xobjects.get(b"XObject").unwrap().as_dict().unwrap().get(b"Im1").unwrap().as_reference().unwrap();
    let image = doc.get_object(image).unwrap().as_stream().unwrap();
    assert!(image::load_from_memory(&image.content).is_ok(), "the image still opens");
}

#[test]
fn damaged_and_pageless_files_are_refused() {
    assert!(clean(b"%PDF-1.4 garbage").is_err());
    let mut doc = Document::with_version("1.7");
    let pages = doc.add_object(dictionary! { "Type" => "Pages", "Kids" => Vec::<Object>::new(), "Count" => 0 });
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    assert_eq!(clean(&out).unwrap_err(), "a PDF without pages");
}

/// A one-page PDF drawing `content`, with `resources` (a dictionary built on the document).
fn page_with(doc: &mut Document, resources: lopdf::Dictionary, content: &[u8]) -> Vec<u8> {
    let pages = doc.new_object_id();
    let contents = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages, "Contents" => contents, "Resources" => resources,
        "MediaBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// The review's gaps: an abbreviated JPEG filter, an image reached first through a graphics
/// state, an ICC profile, a key no allow-list names, an inline JPEG image.
#[test]
fn metadata_is_found_wherever_a_reader_would_draw_from() {
    let mut doc = Document::with_version("1.7");
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 16, "Height" => 8, "ColorSpace" => "DeviceRGB",
            "BitsPerComponent" => 8, "Filter" => "DCT",
        },
        photo_with_exif("CANARY-ABBREVIATED"),
    ));
    let profile = doc.add_object(Stream::new(dictionary! { "N" => 3 }, b"CANARY-ICC-DEVICE-NAME".to_vec()));
    let state = doc.add_object(dictionary! {
        "Type" => "ExtGState", "CA" => 1, "CANARY-KEY" => Object::string_literal("CANARY-UNKNOWN"),
        "Font" => vec![image.into(), 12.into()],
    });
    let resources = dictionary! {
        "ExtGState" => dictionary! { "G0" => state },
        "XObject" => dictionary! { "Im1" => image },
        "ColorSpace" => dictionary! { "CS0" => vec![Object::Name(b"ICCBased".to_vec()), profile.into()] },
    };
    let original = page_with(&mut doc, resources, b"/G0 gs /CS0 cs /Im1 Do");
    let (cleaned, removed) = clean(&original).unwrap();
    for canary in [b"CANARY-ABBREVIATED".as_slice(), b"CANARY-ICC", b"CANARY-KEY", b"CANARY-UNKNOWN", b"Exif"] {
        assert!(!cleaned.windows(canary.len()).any(|w| w == canary), "{}", String::from_utf8_lossy(canary));
    }
    let kinds: Vec<Removed> = removed.iter().map(|r| r.what).collect();
    assert!(kinds.contains(&Removed::IccProfile) && kinds.contains(&Removed::Exif), "{removed:?}");
    assert!(cleaned.windows(9).any(|w| w == b"DeviceRGB"), "the profile became the device space");

    let mut doc = Document::with_version("1.7");
    let inline = b"q BI /W 8 /H 8 /CS /RGB /BPC 8 /F /DCT ID \xFF\xD8\xFF\xE1 EI Q";
    let original = page_with(&mut doc, dictionary! {}, inline);
    assert!(clean(&original).unwrap_err().contains("inline images"));
}

/// The second read's gaps: a filter named through a reference, a JPEG under a Flate layer, an
/// escaped inline filter name, a tiling pattern drawing an inline JPEG, a string in a name map.
#[test]
fn indirect_layered_and_escaped_filters() {
    use std::io::Write;
    let mut doc = Document::with_version("1.7");
    let filter = doc.add_object(Object::Name(b"DCTDecode".to_vec()));
    let indirect = doc.add_object(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 16, "Height" => 8,
        "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8, "Filter" => filter },
        photo_with_exif("CANARY-INDIRECT"),
    ));
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    zlib.write_all(&photo_with_exif("CANARY-LAYERED")).unwrap();
    let layered = doc.add_object(Stream::new(
        dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 16, "Height" => 8,
        "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8,
        "Filter" => vec![Object::Name(b"FlateDecode".to_vec()), Object::Name(b"DCTDecode".to_vec())] },
        zlib.finish().unwrap(),
    ));
    let resources = dictionary! {
        "XObject" => dictionary! { "A" => indirect, "B" => layered },
        "Font" => dictionary! { "X" => Object::string_literal("CANARY-STRING") },
    };
    let original = page_with(&mut doc, resources, b"/A Do /B Do");
    let (cleaned, _) = clean(&original).unwrap();
    for canary in [b"CANARY-INDIRECT".as_slice(), b"CANARY-LAYERED", b"CANARY-STRING", b"Exif"] {
        assert!(!cleaned.windows(canary.len()).any(|w| w == canary), "{}", String::from_utf8_lossy(canary));
    }
    let out = Document::load_mem(&cleaned).unwrap();
    let images = out.objects.values().filter_map(|o| o.as_stream().ok()).filter(|s| s.dict.has_type(b"XObject"));
    for image in images {
        assert!(image::load_from_memory(&image.content).is_ok(), "each image is a plain JPEG that opens");
    }

    let escaped = b"q BI /W 8 /H 8 /CS /RGB /BPC 8 /F /#44CT ID \xFF\xD8 EI Q";
    assert!(clean(&page_with(&mut Document::with_version("1.7"), dictionary! {}, escaped))
        .unwrap_err()
        .contains("inline"));
    let mut doc = Document::with_version("1.7");
    let pattern = doc.add_object(Stream::new(
        dictionary! { "PatternType" => 1, "PaintType" => 1, "TilingType" => 1,
            "BBox" => vec![0.into(), 0.into(), 8.into(), 8.into()], "XStep" => 8, "YStep" => 8, "Resources" => dictionary! {} },
        b"BI /W 8 /H 8 /CS /RGB /BPC 8 /F /DCT ID \xFF\xD8 EI".to_vec(),
    ));
    let original =
        page_with(&mut doc, dictionary! { "Pattern" => dictionary! { "P0" => pattern } }, b"/Pattern cs /P0 scn");
    assert!(clean(&original).unwrap_err().contains("inline"), "a tiling pattern's contents are checked");
}
