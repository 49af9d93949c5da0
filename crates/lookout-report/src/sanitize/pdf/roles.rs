//! What each dictionary of a page's resources is for, and the keys that role keeps: an
//! allow-list per role. A key no list names is dropped, and said (by name) to have been.

use super::super::Removed;

/// What a dictionary is for, which decides the keys it keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// A page's or form's resources.
    Resources,
    /// Names of fonts.
    FontMap,
    /// A font.
    Font,
    /// A font descriptor.
    FontDescriptor,
    /// Names of external objects (images and forms).
    XObjectMap,
    /// An external object: an image or a form, by its subtype.
    XObject,
    /// Names of graphics states, colour spaces, patterns or shadings.
    NameMap,
    /// A Type 3 font's glyph procedures, by glyph name.
    CharProcs,
    /// An image.
    Image,
    /// A form (reusable content).
    Form,
    /// A content stream (a page's, a glyph's): drawn operators, checked for inline images.
    Content,
    /// Anything else a page draws with: graphics states, colour spaces, patterns, shadings,
    /// functions, encodings, stream parameters.
    Generic,
}

#[rustfmt::skip]
const RESOURCES: &[&[u8]] = &[b"Font", b"XObject", b"ExtGState", b"ColorSpace", b"Pattern", b"Shading", b"ProcSet"];
#[rustfmt::skip]
const FONT: &[&[u8]] = &[
    b"Type", b"Subtype", b"BaseFont", b"FirstChar", b"LastChar", b"Widths", b"FontDescriptor", b"Encoding",
    b"ToUnicode", b"DescendantFonts", b"CIDSystemInfo", b"CIDToGIDMap", b"DW", b"W", b"DW2", b"W2", b"FontBBox",
    b"FontMatrix", b"CharProcs", b"Resources", b"Name",
];
#[rustfmt::skip]
const FONT_DESCRIPTOR: &[&[u8]] = &[
    b"Type", b"FontName", b"FontFamily", b"FontStretch", b"FontWeight", b"Flags", b"FontBBox", b"ItalicAngle",
    b"Ascent", b"Descent", b"Leading", b"CapHeight", b"XHeight", b"StemV", b"StemH", b"AvgWidth", b"MaxWidth",
    b"MissingWidth", b"FontFile", b"FontFile2", b"FontFile3", b"CharSet", b"Lang", b"FD", b"CIDSet",
];
#[rustfmt::skip]
const IMAGE: &[&[u8]] = &[
    b"Type", b"Subtype", b"Width", b"Height", b"ColorSpace", b"BitsPerComponent", b"Intent", b"ImageMask", b"Mask",
    b"Decode", b"Interpolate", b"SMask", b"SMaskInData", b"Filter", b"DecodeParms", b"Length",
];
#[rustfmt::skip]
const FORM: &[&[u8]] = &[
    b"Type", b"Subtype", b"FormType", b"BBox", b"Matrix", b"Resources", b"Group", b"Filter", b"DecodeParms", b"Length",
];
/// Keys of everything else a page draws with: stream parameters, graphics states and soft masks,
/// transparency groups, patterns, shadings, functions, encodings, colour spaces, halftones.
#[rustfmt::skip]
const GENERIC: &[&[u8]] = &[
    b"Type", b"Subtype", b"Filter", b"DecodeParms", b"Length", b"Length1", b"Length2", b"Length3", b"DL",
    b"Predictor", b"Colors", b"BitsPerComponent", b"Columns", b"EarlyChange", b"K", b"EndOfLine",
    b"EncodedByteAlign", b"Rows", b"EndOfBlock", b"BlackIs1", b"DamagedRowsBeforeError", b"JBIG2Globals",
    b"ColorTransform",
    b"LW", b"LC", b"LJ", b"ML", b"D", b"RI", b"OP", b"op", b"OPM", b"Font", b"BG", b"BG2", b"UCR", b"UCR2",
    b"TR", b"TR2", b"HT", b"FL", b"SM", b"SA", b"BM", b"SMask", b"CA", b"ca", b"AIS", b"TK", b"UseBlackPtComp",
    b"S", b"G", b"BC", b"CS", b"I",
    b"PatternType", b"PaintType", b"TilingType", b"BBox", b"XStep", b"YStep", b"Resources", b"Matrix", b"Shading",
    b"ExtGState",
    b"ShadingType", b"ColorSpace", b"Background", b"AntiAlias", b"Domain", b"Function", b"Coords", b"Extend",
    b"BitsPerCoordinate", b"BitsPerFlag", b"Decode", b"VerticesPerRow",
    b"FunctionType", b"Range", b"Size", b"BitsPerSample", b"Order", b"Encode", b"C0", b"C1", b"N", b"Functions",
    b"Bounds",
    b"BaseEncoding", b"Differences", b"Registry", b"Ordering", b"Supplement",
    b"WhitePoint", b"BlackPoint", b"Gamma", b"Colorants", b"Process", b"Components", b"MixingHints",
    b"Solidities", b"PrintingOrder", b"DotGain", b"Alternate",
    b"HalftoneType", b"Frequency", b"Angle", b"SpotFunction", b"AccurateScreens", b"TransferFunction", b"Width",
    b"Height", b"Width2", b"Height2", b"Xsquare", b"Ysquare",
];

/// The role a key's value is copied as, or `None` when the key is dropped.
pub(super) fn child_role(role: Role, key: &[u8]) -> Option<Role> {
    let keep = |list: &[&[u8]]| list.contains(&key);
    Some(match role {
        Role::Resources if keep(RESOURCES) => match key {
            b"Font" => Role::FontMap,
            b"XObject" => Role::XObjectMap,
            b"ProcSet" => Role::Generic,
            _ => Role::NameMap,
        },
        Role::FontMap => Role::Font,
        Role::XObjectMap => Role::XObject,
        Role::NameMap => Role::Generic,
        Role::CharProcs => Role::Content,
        Role::Font if keep(FONT) => match key {
            b"FontDescriptor" => Role::FontDescriptor,
            b"DescendantFonts" => Role::Font,
            b"Resources" => Role::Resources,
            b"CharProcs" => Role::CharProcs,
            _ => Role::Generic,
        },
        Role::FontDescriptor if keep(FONT_DESCRIPTOR) => Role::Generic,
        Role::Image if keep(IMAGE) => match key {
            b"SMask" | b"Mask" => Role::Image,
            _ => Role::Generic,
        },
        Role::Form if keep(FORM) => match key {
            b"Resources" => Role::Resources,
            _ => Role::Generic,
        },
        Role::Generic | Role::Content if keep(GENERIC) => match key {
            b"Resources" => Role::Resources,
            _ => Role::Generic,
        },
        _ => return None,
    })
}

/// What a dropped key held, for the reviewer (`None`: a structural key, dropped silently).
pub(super) fn dropped(key: &[u8]) -> Option<Removed> {
    Some(match key {
        b"Metadata" => Removed::Xmp,
        b"PieceInfo" => Removed::PieceInfo,
        b"LastModified" => Removed::Time,
        b"AA" | b"A" | b"JS" | b"JavaScript" | b"OpenAction" | b"URI" => Removed::Actions,
        b"Annots" => Removed::Annotations,
        b"OC" | b"Properties" => Removed::Layers,
        b"EmbeddedFiles" | b"EF" | b"AF" => Removed::AttachedFiles,
        b"Thumb" => Removed::Thumbnails,
        b"StructParent" | b"StructParents" => Removed::Structure,
        b"Parent" => return None,
        _ => Removed::OtherEntries,
    })
}

/// Image filters that carry only pixels, by their full and abbreviated names; DCT and JPX are
/// cleaned of their metadata, anything else is refused.
pub(super) fn image_filter(name: &[u8]) -> Option<ImageFilter> {
    Some(match name {
        b"DCTDecode" | b"DCT" => ImageFilter::Jpeg,
        b"JPXDecode" => ImageFilter::Jpeg2000,
        b"FlateDecode" | b"Fl" => ImageFilter::Flate,
        b"LZWDecode" | b"LZW" | b"ASCIIHexDecode" | b"AHx" | b"ASCII85Decode" | b"A85" | b"RunLengthDecode" | b"RL"
        | b"CCITTFaxDecode" | b"CCF" | b"JBIG2Decode" => ImageFilter::Pixels,
        _ => return None,
    })
}

/// What an image filter is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ImageFilter {
    /// Compressed pixels, nothing else.
    Pixels,
    /// Flate: pixels, or a layer over a JPEG.
    Flate,
    /// JPEG: cleaned of every segment a decoder does not need.
    Jpeg,
    /// JPEG 2000: cleaned of every box but the image's own.
    Jpeg2000,
}
