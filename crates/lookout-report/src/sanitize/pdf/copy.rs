//! Copying a page's resources into the new document through allow-lists: each dictionary is
//! copied by its role (resources, font, font descriptor, image, form), keeping only the keys that
//! role needs; anything else goes through a generic copy that drops every key known to carry
//! metadata, actions, annotations or attached files, and every object whose type is one of those.
//! Each object is copied once (references keep their sharing), with bounds on depth and count,
//! so that a crafted file cannot make the copy run long.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::super::{jpeg, Removal, Removed};
use super::jp2;

const MAX_OBJECTS: usize = 200_000;
const MAX_DEPTH: usize = 48;

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
    /// An image.
    Image,
    /// A form (reusable content).
    Form,
    /// Anything else a page draws with: colour spaces, patterns, shadings, functions, states.
    Generic,
}

const RESOURCES: &[&[u8]] = &[b"Font", b"XObject", b"ExtGState", b"ColorSpace", b"Pattern", b"Shading", b"ProcSet"];
const FONT: &[&[u8]] = &[
    b"Type",
    b"Subtype",
    b"BaseFont",
    b"FirstChar",
    b"LastChar",
    b"Widths",
    b"FontDescriptor",
    b"Encoding",
    b"ToUnicode",
    b"DescendantFonts",
    b"CIDSystemInfo",
    b"CIDToGIDMap",
    b"DW",
    b"W",
    b"DW2",
    b"W2",
    b"FontBBox",
    b"FontMatrix",
    b"CharProcs",
    b"Resources",
    b"Name",
];
const FONT_DESCRIPTOR: &[&[u8]] = &[
    b"Type",
    b"FontName",
    b"FontFamily",
    b"FontStretch",
    b"FontWeight",
    b"Flags",
    b"FontBBox",
    b"ItalicAngle",
    b"Ascent",
    b"Descent",
    b"Leading",
    b"CapHeight",
    b"XHeight",
    b"StemV",
    b"StemH",
    b"AvgWidth",
    b"MaxWidth",
    b"MissingWidth",
    b"FontFile",
    b"FontFile2",
    b"FontFile3",
    b"CharSet",
    b"Style",
    b"Lang",
    b"FD",
    b"CIDSet",
];
const IMAGE: &[&[u8]] = &[
    b"Type",
    b"Subtype",
    b"Width",
    b"Height",
    b"ColorSpace",
    b"BitsPerComponent",
    b"Intent",
    b"ImageMask",
    b"Mask",
    b"Decode",
    b"Interpolate",
    b"SMask",
    b"SMaskInData",
    b"Filter",
    b"DecodeParms",
    b"Length",
];
const FORM: &[&[u8]] = &[
    b"Type",
    b"Subtype",
    b"FormType",
    b"BBox",
    b"Matrix",
    b"Resources",
    b"Group",
    b"Filter",
    b"DecodeParms",
    b"Length",
];
/// Keys a generic dictionary never keeps.
const GENERIC_DROPS: &[&[u8]] = &[
    b"Metadata",
    b"PieceInfo",
    b"LastModified",
    b"AA",
    b"A",
    b"JS",
    b"JavaScript",
    b"OpenAction",
    b"URI",
    b"Annots",
    b"OC",
    b"OPI",
    b"StructParent",
    b"StructParents",
    b"EmbeddedFiles",
    b"EF",
    b"Thumb",
    b"Names",
    b"Parent",
];
/// Types of object never copied.
const DROPPED_TYPES: &[&[u8]] = &[
    b"Annot",
    b"Filespec",
    b"EmbeddedFile",
    b"Metadata",
    b"Action",
    b"Sig",
    b"Outlines",
    b"Catalog",
    b"Pages",
    b"Page",
    b"OCG",
    b"OCMD",
    b"StructElem",
];

fn too_complex() -> String {
    "a PDF too complex to clean safely (print it to a new PDF and attach that)".to_string()
}

/// Copies objects from one document into a new one.
pub(super) struct Copier<'a> {
    source: &'a Document,
    out: Document,
    map: HashMap<ObjectId, ObjectId>,
    removed: Vec<Removal>,
    depth: usize,
}

impl<'a> Copier<'a> {
    pub(super) fn new(source: &'a Document) -> Copier<'a> {
        Copier { source, out: Document::with_version("1.7"), map: HashMap::new(), removed: Vec::new(), depth: 0 }
    }

    /// An id in the new document, for an object added later.
    pub(super) fn reserve(&mut self) -> ObjectId {
        self.out.new_object_id()
    }

    /// Adds an object to the new document.
    pub(super) fn add(&mut self, object: Object) -> Result<ObjectId, String> {
        if self.out.objects.len() >= MAX_OBJECTS {
            return Err(too_complex());
        }
        Ok(self.out.add_object(object))
    }

    /// The new document, how many objects of the old one were copied, and what was left out
    /// on the way.
    pub(super) fn finish(self) -> (Document, usize, Vec<Removal>) {
        (self.out, self.map.len(), self.removed)
    }

    /// Copies `value` as `role`.
    pub(super) fn copy(&mut self, value: &Object, role: Role) -> Result<Object, String> {
        self.depth += 1;
        let result = if self.depth > MAX_DEPTH { Err(too_complex()) } else { self.copy_inner(value, role) };
        self.depth -= 1;
        result
    }

    fn copy_inner(&mut self, value: &Object, role: Role) -> Result<Object, String> {
        Ok(match value {
            Object::Reference(id) => self.copy_reference(*id, role)?,
            Object::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for item in items {
                    out.push(self.copy(item, role)?);
                }
                Object::Array(out)
            }
            Object::Dictionary(d) => match self.role_of(d, role) {
                Some(role) => Object::Dictionary(self.copy_dictionary(d, role)?),
                None => Object::Null,
            },
            // A stream is always an indirect object in the new document.
            Object::Stream(s) => match self.role_of(&s.dict, role) {
                Some(role) => {
                    let stream = self.copy_stream(s, role)?;
                    Object::Reference(self.add(stream)?)
                }
                None => Object::Null,
            },
            other => other.clone(),
        })
    }

    fn copy_reference(&mut self, id: ObjectId, role: Role) -> Result<Object, String> {
        if let Some(new) = self.map.get(&id) {
            return Ok(Object::Reference(*new));
        }
        let Ok(object) = self.source.get_object(id) else { return Ok(Object::Null) };
        let dict = match object {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        };
        let role = match dict {
            Some(d) => match self.role_of(d, role) {
                Some(role) => role,
                None => return Ok(Object::Null),
            },
            None => role,
        };
        if self.map.len() >= MAX_OBJECTS {
            return Err(too_complex());
        }
        let new = self.out.new_object_id();
        self.map.insert(id, new);
        let copied = match object {
            Object::Stream(s) => self.copy_stream(s, role)?,
            Object::Dictionary(d) => Object::Dictionary(self.copy_dictionary(d, role)?),
            other => self.copy(other, role)?,
        };
        self.out.objects.insert(new, copied);
        Ok(Object::Reference(new))
    }

    /// The role a dictionary is copied as, from the role it is reached by and its own type; `None`
    /// when it is not copied at all.
    fn role_of(&mut self, d: &Dictionary, reached_as: Role) -> Option<Role> {
        let name = |key: &[u8]| d.get(key).and_then(Object::as_name).ok();
        if let Some(kind) = name(b"Type").filter(|t| DROPPED_TYPES.contains(t)) {
            let what = match kind {
                b"Annot" => Removed::Annotations,
                b"Filespec" | b"EmbeddedFile" => Removed::AttachedFiles,
                b"Metadata" => Removed::Xmp,
                b"Action" => Removed::Actions,
                _ => return None,
            };
            self.removed.push(Removal::new(what, 0));
            return None;
        }
        match (reached_as, name(b"Subtype"), name(b"Type")) {
            (Role::XObject | Role::Generic | Role::Image, Some(b"Image"), _) => Some(Role::Image),
            (Role::XObject | Role::Generic, Some(b"Form"), _) => Some(Role::Form),
            (Role::XObject, _, _) => {
                self.removed.push(Removal::named(Removed::OtherEntries, "PostScript or unknown XObject", 0));
                None
            }
            (Role::Generic, _, Some(b"Font")) => Some(Role::Font),
            (Role::Generic, _, Some(b"FontDescriptor")) => Some(Role::FontDescriptor),
            (role, _, _) => Some(role),
        }
    }

    fn copy_dictionary(&mut self, d: &Dictionary, role: Role) -> Result<Dictionary, String> {
        let mut out = Dictionary::new();
        for (key, value) in d.iter() {
            let Some(child) = self.child_role(role, key) else { continue };
            let copied = self.copy(value, child)?;
            if !matches!(copied, Object::Null) || matches!(value, Object::Null) {
                out.set(key.clone(), copied);
            }
        }
        Ok(out)
    }

    /// The role a key's value is copied as, or `None` when the key is dropped.
    fn child_role(&mut self, role: Role, key: &[u8]) -> Option<Role> {
        let keep = |list: &[&[u8]]| list.contains(&key);
        let dropped = match role {
            Role::Resources if keep(RESOURCES) => {
                return Some(match key {
                    b"Font" => Role::FontMap,
                    b"XObject" => Role::XObjectMap,
                    _ => Role::Generic,
                })
            }
            Role::FontMap => return Some(Role::Font),
            Role::XObjectMap => return Some(Role::XObject),
            Role::Font if keep(FONT) => {
                return Some(match key {
                    b"FontDescriptor" => Role::FontDescriptor,
                    b"DescendantFonts" => Role::Font,
                    b"Resources" => Role::Resources,
                    _ => Role::Generic,
                })
            }
            Role::FontDescriptor if keep(FONT_DESCRIPTOR) => return Some(Role::Generic),
            Role::Image if keep(IMAGE) => {
                return Some(if matches!(key, b"SMask" | b"Mask") { Role::Image } else { Role::Generic })
            }
            Role::Form if keep(FORM) => return Some(if key == b"Resources" { Role::Resources } else { Role::Generic }),
            Role::Generic if !GENERIC_DROPS.contains(&key) => {
                return Some(if key == b"Resources" { Role::Resources } else { Role::Generic })
            }
            _ => key,
        };
        let what = match dropped {
            b"Metadata" => Removed::Xmp,
            b"PieceInfo" => Removed::PieceInfo,
            b"LastModified" => Removed::Time,
            b"AA" | b"A" | b"JS" | b"JavaScript" | b"OpenAction" | b"URI" => Removed::Actions,
            b"Annots" => Removed::Annotations,
            b"OC" | b"Properties" => Removed::Layers,
            b"EmbeddedFiles" | b"EF" => Removed::AttachedFiles,
            b"Thumb" => Removed::Thumbnails,
            b"StructParent" | b"StructParents" => Removed::Structure,
            b"Parent" => return None,
            other => {
                self.removed.push(Removal::named(Removed::OtherEntries, &String::from_utf8_lossy(other), 0));
                return None;
            }
        };
        self.removed.push(Removal::new(what, 0));
        None
    }

    fn copy_stream(&mut self, s: &Stream, role: Role) -> Result<Object, String> {
        let dict = self.copy_dictionary(&s.dict, role)?;
        let content = if role == Role::Image { self.clean_image(s)? } else { s.content.clone() };
        let mut stream = Stream::new(dict, content);
        stream.allows_compression = false;
        Ok(Object::Stream(stream))
    }

    /// An image's data without the metadata its format can carry: JPEG segments a decoder does not
    /// need, JPEG 2000 boxes but the image's own.
    fn clean_image(&mut self, s: &Stream) -> Result<Vec<u8>, String> {
        let filters = s.filters().unwrap_or_default();
        let (clean, removed) = match filters.as_slice() {
            [b"DCTDecode"] => jpeg::strip(&s.content)?,
            [b"JPXDecode"] => jp2::strip(&s.content)?,
            f if f.iter().any(|f| matches!(*f, b"DCTDecode" | b"JPXDecode")) => {
                return Err("a PDF whose images are compressed in a way Lookout cannot clean".into());
            }
            _ => return Ok(s.content.clone()),
        };
        for mut r in removed {
            r.name = Some(r.name.map_or("in embedded images".into(), |n| format!("{n}, in embedded images")));
            self.removed.push(r);
        }
        Ok(clean)
    }
}
