//! Copying a page's resources into the new document through allow-lists: each dictionary is
//! copied by its role (see [`super::roles`]), keeping only the keys that role needs. An object's
//! own type decides its role where it has one (an image is cleaned as an image however it is
//! reached), objects of a type that carries no drawing (annotations, attached files, metadata,
//! actions) are not copied, images lose what their format can carry besides pixels, ICC colour
//! profiles are replaced by the device colour space they describe, and a content stream with an
//! inline JPEG image is refused. Each object is copied once (references keep their sharing), with
//! bounds on depth and count, so that a crafted file cannot make the copy run long.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::super::{jpeg, Removal, Removed};
use super::jp2;
use super::roles::{child_role, dropped, image_filter, ImageFilter, Role};

const MAX_OBJECTS: usize = 200_000;
const MAX_DEPTH: usize = 48;

/// Types of object never copied, and what they held.
fn dropped_type(kind: &[u8]) -> Option<Option<Removed>> {
    Some(match kind {
        b"Annot" => Some(Removed::Annotations),
        b"Filespec" | b"EmbeddedFile" => Some(Removed::AttachedFiles),
        b"Metadata" => Some(Removed::Xmp),
        b"Action" => Some(Removed::Actions),
        b"Sig" | b"Outlines" | b"Catalog" | b"Pages" | b"Page" | b"OCG" | b"OCMD" | b"StructElem" => None,
        _ => return None,
    })
}

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
            Object::Array(items) if items.first().and_then(|n| n.as_name().ok()) == Some(b"ICCBased") => {
                self.device_space(items, role)?
            }
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
        let role = match object {
            Object::Dictionary(d) => self.role_of(d, role),
            Object::Stream(s) => self.role_of(&s.dict, role),
            _ => Some(role),
        };
        let Some(role) = role else { return Ok(Object::Null) };
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

    /// The role a dictionary is copied as: its own type's where it has one, else the one it is
    /// reached as; `None` when it is not copied at all.
    fn role_of(&mut self, d: &Dictionary, reached_as: Role) -> Option<Role> {
        let name = |key: &[u8]| d.get(key).and_then(Object::as_name).ok();
        if let Some(what) = name(b"Type").and_then(dropped_type) {
            self.removed.extend(what.map(|w| Removal::new(w, 0)));
            return None;
        }
        let is_map = matches!(reached_as, Role::FontMap | Role::XObjectMap | Role::NameMap | Role::CharProcs);
        let tiling = d.get(b"PatternType").and_then(Object::as_i64).ok() == Some(1);
        match (name(b"Subtype"), name(b"Type")) {
            (Some(b"Image"), _) if !is_map => Some(Role::Image),
            (Some(b"Form"), _) if !is_map => Some(Role::Form),
            // A tiling pattern's stream is drawn like a page's contents.
            _ if tiling && !is_map => Some(Role::Content),
            _ if reached_as == Role::XObject => {
                self.removed.push(Removal::named(Removed::OtherEntries, "PostScript or unknown XObject", 0));
                None
            }
            (_, Some(b"Font")) if reached_as == Role::Generic => Some(Role::Font),
            (_, Some(b"FontDescriptor")) if reached_as == Role::Generic => Some(Role::FontDescriptor),
            _ => Some(reached_as),
        }
    }

    fn copy_dictionary(&mut self, d: &Dictionary, role: Role) -> Result<Dictionary, String> {
        let mut out = Dictionary::new();
        let is_map = matches!(role, Role::FontMap | Role::XObjectMap | Role::NameMap | Role::CharProcs);
        for (key, value) in d.iter() {
            if is_map && matches!(value, Object::String(..)) {
                // A name maps to a resource; a string there is not one (and could be anything).
                self.removed.push(Removal::named(Removed::OtherEntries, &String::from_utf8_lossy(key), 0));
                continue;
            }
            let Some(child) = child_role(role, key) else {
                if let Some(what) = dropped(key) {
                    let name = String::from_utf8_lossy(key);
                    self.removed.push(if what == Removed::OtherEntries {
                        Removal::named(what, &name, 0)
                    } else {
                        Removal::new(what, 0)
                    });
                }
                continue;
            };
            let copied = self.copy(value, child)?;
            if !matches!(copied, Object::Null) || matches!(value, Object::Null) {
                out.set(key.clone(), copied);
            }
        }
        Ok(out)
    }

    /// An ICC-based colour space replaced by its alternate or the device space of as many
    /// components: a profile can name the device or person that made it.
    fn device_space(&mut self, items: &[Object], role: Role) -> Result<Object, String> {
        let profile = items.get(1).and_then(|p| self.source.dereference(p).ok()).map(|(_, p)| p);
        let dict = match profile {
            Some(Object::Stream(s)) => Some(&s.dict),
            Some(Object::Dictionary(d)) => Some(d),
            _ => None,
        };
        self.removed.push(Removal::new(Removed::IccProfile, 0));
        if let Some(alternate) = dict.and_then(|d| d.get(b"Alternate").ok()) {
            return self.copy(alternate, role);
        }
        let components = dict.and_then(|d| d.get(b"N").ok()).and_then(|n| n.as_i64().ok());
        Ok(Object::Name(
            match components {
                Some(1) => "DeviceGray",
                Some(4) => "DeviceCMYK",
                _ => "DeviceRGB",
            }
            .into(),
        ))
    }

    fn copy_stream(&mut self, s: &Stream, role: Role) -> Result<Object, String> {
        let dict = self.copy_dictionary(&s.dict, role)?;
        let content = match role {
            Role::Image => self.clean_image(s)?,
            Role::Content | Role::Form => {
                self.refuse_inline_jpeg(s)?;
                s.content.clone()
            }
            _ => s.content.clone(),
        };
        let mut stream = Stream::new(dict, content);
        stream.allows_compression = false;
        Ok(Object::Stream(stream))
    }

    /// A stream's filters, references resolved; anything but names refused (fail closed).
    fn filters(&self, s: &Stream) -> Result<Vec<Vec<u8>>, String> {
        let refused = || "a PDF whose streams name their compression in a way Lookout cannot read".to_string();
        let Ok(filter) = s.dict.get(b"Filter") else { return Ok(Vec::new()) };
        let (_, filter) = self.source.dereference(filter).map_err(|_| refused())?;
        let names = match filter {
            Object::Name(n) => vec![n.clone()],
            Object::Array(items) => items
                .iter()
                .map(|i| match self.source.dereference(i) {
                    Ok((_, Object::Name(n))) => Ok(n.clone()),
                    _ => Err(refused()),
                })
                .collect::<Result<_, _>>()?,
            _ => return Err(refused()),
        };
        Ok(names)
    }

    /// An image's data without the metadata its format can carry: JPEG segments a decoder does not
    /// need, JPEG 2000 boxes but the image's own. Filters outside the allow-list are refused; a
    /// JPEG under a Flate layer is inflated first and stored as plain JPEG.
    fn clean_image(&mut self, s: &Stream) -> Result<Vec<u8>, String> {
        let filters = self.filters(s)?;
        let kinds: Option<Vec<ImageFilter>> = filters.iter().map(|f| image_filter(f)).collect();
        let refused = || "a PDF whose images are compressed in a way Lookout cannot clean".to_string();
        let (clean, removed) = match kinds.ok_or_else(refused)?.as_slice() {
            [ImageFilter::Jpeg] => jpeg::strip(&s.content)?,
            [ImageFilter::Jpeg2000] => jp2::strip(&s.content)?,
            [ImageFilter::Flate, ImageFilter::Jpeg] => jpeg::strip(&inflate(&s.content).ok_or_else(refused)?)?,
            kinds if kinds.iter().all(|k| matches!(k, ImageFilter::Pixels | ImageFilter::Flate)) => {
                return Ok(s.content.clone())
            }
            _ => return Err(refused()),
        };
        for mut r in removed {
            r.name = Some(r.name.map_or("in embedded images".into(), |n| format!("{n}, in embedded images")));
            self.removed.push(r);
        }
        Ok(clean)
    }

    /// Refuses a content stream that draws an inline JPEG or JPEG 2000 image (`BI /F /DCT … ID`):
    /// its data could carry metadata, and it is not an object of its own to clean. A stream whose
    /// compression cannot be undone is refused too: what it draws cannot be checked.
    fn refuse_inline_jpeg(&self, s: &Stream) -> Result<(), String> {
        let plain = if self.filters(s)?.is_empty() {
            s.content.clone()
        } else {
            s.decompressed_content()
                .map_err(|_| "a PDF whose page contents are compressed in a way Lookout cannot check".to_string())?
        };
        let plain = unescape_names(&plain);
        let has = |needle: &[u8]| plain.windows(needle.len()).any(|w| w == needle);
        if has(b"/DCT") || has(b"/JPX") {
            return Err("a PDF with JPEG images inside its page contents (inline images), which Lookout cannot \
                        clean: print it to a new PDF and attach that"
                .into());
        }
        Ok(())
    }
}

/// Content with `#hh` escapes (as in names: `/#44CT` is `/DCT`) written out.
fn unescape_names(content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len());
    let mut i = 0;
    while i < content.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (content[i], content.get(i + 1).copied().and_then(hex), content.get(i + 2).copied().and_then(hex)) {
            (b'#', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Inflates a Flate (zlib) layer, up to the size of the largest attachment.
fn inflate(data: &[u8]) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut out = Vec::new();
    let limit = super::super::MAX_ATTACHMENT_BYTES as u64 * 4;
    flate2::read::ZlibDecoder::new(data).take(limit + 1).read_to_end(&mut out).ok()?;
    (out.len() as u64 <= limit).then_some(out)
}
