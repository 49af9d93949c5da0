//! PDF: a new document built from the pages of the old one. Each page keeps its size, rotation,
//! content streams and the resources they draw with (fonts, images, forms, colour spaces,
//! patterns, shadings, graphics states), copied through allow-lists ([`copy`]); nothing else of the
//! old file is carried over. What the old file held besides is listed for the reviewer.
//!
//! Text and drawings inside the page contents are kept as they are: they are the document.

mod copy;
mod jp2;
mod roles;

use std::collections::HashSet;

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId};

use super::{Removal, Removed};
use copy::Copier;

/// Most pages a PDF may have.
const MAX_PAGES: usize = 2_000;

fn damaged() -> String {
    "a damaged PDF file (print it to a new PDF, or photograph it, and attach that)".to_string()
}

/// A page with the attributes it inherits from the page tree.
struct Page<'a> {
    dict: &'a Dictionary,
    inherited: [Option<&'a Object>; 4],
}

/// Attributes a page inherits from its ancestors.
const INHERITED: [&[u8]; 4] = [b"Resources", b"MediaBox", b"CropBox", b"Rotate"];

/// The pages in order, each with what it inherits; a bounded, cycle-free walk of the page tree.
fn pages(doc: &Document) -> Result<Vec<Page<'_>>, String> {
    let root = doc.catalog().map_err(|_| damaged())?;
    let top = root.get(b"Pages").and_then(Object::as_reference).map_err(|_| damaged())?;
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    let mut stack: Vec<(ObjectId, [Option<&Object>; 4])> = vec![(top, [None; 4])];
    while let Some((id, inherited)) = stack.pop() {
        if !seen.insert(id) || seen.len() > 4 * MAX_PAGES + 16 {
            continue;
        }
        let Ok(node) = doc.get_dictionary(id) else { continue };
        let mut here = inherited;
        for (slot, key) in here.iter_mut().zip(INHERITED) {
            if let Ok(value) = node.get(key) {
                *slot = Some(value);
            }
        }
        if node.has_type(b"Page") {
            out.push(Page { dict: node, inherited: here });
            if out.len() > MAX_PAGES {
                return Err(format!("a PDF of more than {MAX_PAGES} pages"));
            }
        } else if let Ok(kids) = node.get(b"Kids").and_then(Object::as_array) {
            for kid in kids.iter().rev() {
                if let Ok(kid) = kid.as_reference() {
                    stack.push((kid, here));
                }
            }
        }
    }
    Ok(out)
}

/// What the catalog and trailer hold besides the pages.
fn document_level(doc: &Document, removed: &mut Vec<Removal>) {
    if doc.trailer.has(b"Info") {
        removed.push(Removal::new(Removed::DocumentInfo, 0));
    }
    if doc.trailer.has(b"ID") {
        removed.push(Removal::new(Removed::DocumentId, 0));
    }
    let Ok(catalog) = doc.catalog() else { return };
    for (key, value) in catalog.iter() {
        let what = match key.as_slice() {
            b"Type" | b"Pages" => continue,
            b"Metadata" => Removed::Xmp,
            b"AcroForm" => Removed::Forms,
            b"OpenAction" | b"AA" => Removed::Actions,
            b"Outlines" => Removed::Bookmarks,
            b"OCProperties" => Removed::Layers,
            b"StructTreeRoot" | b"MarkInfo" => Removed::Structure,
            b"PieceInfo" => Removed::PieceInfo,
            b"Names" => {
                names(doc, value, removed);
                continue;
            }
            other => {
                removed.push(Removal::named(Removed::OtherEntries, &String::from_utf8_lossy(other), 0));
                continue;
            }
        };
        removed.push(Removal::new(what, 0));
    }
}

/// The catalog's name trees: attached files (counted), scripts, and anything else.
fn names(doc: &Document, value: &Object, removed: &mut Vec<Removal>) {
    let Ok((_, Object::Dictionary(tree))) = doc.dereference(value) else { return };
    for (key, value) in tree.iter() {
        match key.as_slice() {
            b"EmbeddedFiles" => {
                let count = doc
                    .dereference(value)
                    .ok()
                    .and_then(|(_, v)| v.as_dict().ok())
                    .and_then(|d| d.get(b"Names").ok())
                    .and_then(|n| n.as_array().ok())
                    .map_or(1, |n| (n.len() / 2).max(1));
                removed.push(Removal { what: Removed::AttachedFiles, name: None, count: count as u32, bytes: 0 });
            }
            b"JavaScript" => removed.push(Removal::new(Removed::Actions, 0)),
            other => removed.push(Removal::named(Removed::OtherEntries, &String::from_utf8_lossy(other), 0)),
        }
    }
}

/// What a page holds besides what it shows.
fn page_level(page: &Dictionary, removed: &mut Vec<Removal>) {
    for (key, value) in page.iter() {
        let what = match key.as_slice() {
            b"Type" | b"Parent" | b"Contents" | b"UserUnit" => continue,
            k if INHERITED.contains(&k) => continue,
            b"Annots" => {
                let count = value.as_array().map_or(1, Vec::len) as u32;
                removed.push(Removal { what: Removed::Annotations, name: None, count, bytes: 0 });
                continue;
            }
            b"Metadata" => Removed::Xmp,
            b"PieceInfo" => Removed::PieceInfo,
            b"Thumb" => Removed::Thumbnails,
            b"AA" => Removed::Actions,
            b"StructParents" => Removed::Structure,
            b"LastModified" => Removed::Time,
            other => {
                removed.push(Removal::named(Removed::OtherEntries, &String::from_utf8_lossy(other), 0));
                continue;
            }
        };
        removed.push(Removal::new(what, 0));
    }
}

/// Rebuilds a PDF from its pages; lists what the original carried besides.
pub(super) fn clean(bytes: &[u8]) -> Result<(Vec<u8>, Vec<Removal>), String> {
    let source = Document::load_mem(bytes).map_err(|_| damaged())?;
    if source.is_encrypted() {
        return Err("an encrypted PDF: save it without a password and attach it again".into());
    }
    let pages = pages(&source)?;
    if pages.is_empty() {
        return Err("a PDF without pages".into());
    }
    let mut removed = Vec::new();
    document_level(&source, &mut removed);
    let mut copier = Copier::new(&source);
    let tree = copier.reserve();
    let mut kids = Vec::with_capacity(pages.len());
    for page in &pages {
        page_level(page.dict, &mut removed);
        let mut new = dictionary! { "Type" => "Page", "Parent" => tree };
        for (key, value) in INHERITED.iter().zip(page.inherited) {
            if let Some(value) = value {
                let role = if *key == b"Resources" { roles::Role::Resources } else { roles::Role::Generic };
                new.set(*key, copier.copy(value, role)?);
            }
        }
        if let Ok(contents) = page.dict.get(b"Contents") {
            new.set("Contents", copier.copy(contents, roles::Role::Content)?);
        }
        if let Ok(unit) = page.dict.get(b"UserUnit") {
            new.set("UserUnit", unit.clone());
        }
        kids.push(Object::Reference(copier.add(Object::Dictionary(new))?));
    }
    let count = kids.len() as i64;
    let (mut out, copied, mut inner) = copier.finish();
    out.objects.insert(tree, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }));
    let catalog = out.add_object(dictionary! { "Type" => "Catalog", "Pages" => tree });
    out.trailer.set("Root", catalog);
    removed.append(&mut inner);
    let left_out = source.objects.len().saturating_sub(copied + pages.len());
    if left_out > 0 {
        removed.push(Removal { what: Removed::UnusedObjects, name: None, count: left_out as u32, bytes: 0 });
    }
    let mut bytes = Vec::with_capacity(bytes.len());
    out.save_to(&mut bytes).map_err(|_| "a PDF that cannot be written again".to_string())?;
    Ok((bytes, removed))
}

#[cfg(test)]
mod tests;
