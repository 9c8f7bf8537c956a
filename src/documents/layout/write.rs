//! Writing the PDF file. printpdf builds the objects (pages, fonts subset with their ToUnicode
//! maps); this module then makes them smaller and faster to write than printpdf's own `save`:
//! one resource dictionary shared by all pages instead of one per page, no redundant page boxes
//! or empty annotation arrays, streams deflated at level 6 rather than 9 (nearly the same size,
//! far less time), and objects packed into object streams with a cross-reference stream.

use std::io::Write;

use flate2::write::ZlibEncoder;
use flate2::Compression;
use lopdf::{Dictionary, Document, Object, SaveOptions};
use printpdf::{PdfDocument, PdfSaveOptions};

use crate::error::{Error, Result};

/// Serialises `doc` into PDF bytes. With `background`, the first page is not a page but the
/// drawing under every other page: its content stream is put first in each page's contents.
pub fn save(doc: &PdfDocument, background: bool) -> Result<Vec<u8>> {
    let mut warnings = Vec::new();
    let opts = PdfSaveOptions { optimize: false, ..PdfSaveOptions::default() };
    let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
    share_resources(&mut lo);
    if background {
        lay_background(&mut lo)?;
    }
    for object in lo.objects.values_mut() {
        if let Object::Stream(stream) = object {
            if stream.allows_compression && stream.dict.get(b"Filter").is_err() {
                let mut encoder = ZlibEncoder::new(Vec::with_capacity(stream.content.len() / 2), Compression::new(6));
                let deflated = encoder.write_all(&stream.content).and_then(|()| encoder.finish());
                if let Ok(deflated) = deflated {
                    if deflated.len() + 19 < stream.content.len() {
                        stream.dict.set("Filter", "FlateDecode");
                        stream.set_content(deflated);
                    }
                }
            }
        }
    }
    let mut bytes = Vec::new();
    let options = SaveOptions::builder().use_object_streams(true).use_xref_streams(true).compression_level(6).build();
    lo.save_with_options(&mut bytes, options).map_err(|e| Error::Document(format!("không ghi được tệp PDF: {e}")))?;
    Ok(bytes)
}

/// Points every page at the first page's resources when they are all equal, and drops the
/// boxes that repeat the media box and the empty annotation arrays.
fn share_resources(doc: &mut Document) {
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    let resources_of = |doc: &Document, id: lopdf::ObjectId| -> Option<Dictionary> {
        let page = doc.get_object(id).ok()?.as_dict().ok()?;
        match page.get(b"Resources").ok()? {
            Object::Reference(r) => doc.get_object(*r).ok()?.as_dict().ok().cloned(),
            Object::Dictionary(d) => Some(d.clone()),
            _ => None,
        }
    };
    let first = pages.first().and_then(|id| resources_of(doc, *id));
    let shared = first.filter(|f| pages.iter().all(|id| resources_of(doc, *id).as_ref() == Some(f)));
    let shared_id = shared.map(|d| doc.add_object(Object::Dictionary(d)));
    for id in pages {
        let old =
            doc.get_object(id).ok().and_then(|p| p.as_dict().ok()).and_then(|p| p.get(b"Resources").ok()).cloned();
        if let Ok(Object::Dictionary(page)) = doc.get_object_mut(id) {
            if let Some(shared_id) = shared_id {
                page.set("Resources", Object::Reference(shared_id));
            }
            let media = page.get(b"MediaBox").ok().cloned();
            for key in [&b"TrimBox"[..], b"CropBox"] {
                if page.get(key).ok().cloned() == media {
                    page.remove(key);
                }
            }
            if matches!(page.get(b"Annots"), Ok(Object::Array(a)) if a.is_empty()) {
                page.remove(b"Annots");
            }
        }
        if let (Some(_), Some(Object::Reference(old))) = (shared_id, old) {
            doc.objects.remove(&old);
        }
    }
}

fn broken(what: &str) -> Error {
    Error::Document(format!("cấu trúc tệp PDF không như dự kiến ({what})"))
}

/// Removes the first page from the page tree and puts its content stream under every other page.
fn lay_background(doc: &mut Document) -> Result<()> {
    let pages = doc.get_pages();
    let mut ids = pages.values().copied();
    let first = ids.next().ok_or_else(|| broken("không có trang"))?;
    let others: Vec<lopdf::ObjectId> = ids.collect();
    let page = doc.get_object(first).and_then(Object::as_dict).map_err(|_| broken("trang nền"))?;
    let shared = page.get(b"Contents").and_then(Object::as_reference).map_err(|_| broken("nội dung trang nền"))?;
    let parent = page.get(b"Parent").and_then(Object::as_reference).map_err(|_| broken("cây trang"))?;
    for id in others {
        if let Ok(Object::Dictionary(p)) = doc.get_object_mut(id) {
            let own = p.get(b"Contents").cloned().map_err(|_| broken("nội dung trang"))?;
            let mut contents = vec![Object::Reference(shared)];
            match own {
                Object::Array(list) => contents.extend(list),
                other => contents.push(other),
            }
            p.set("Contents", Object::Array(contents));
        }
    }
    if let Ok(Object::Dictionary(tree)) = doc.get_object_mut(parent) {
        if let Ok(Object::Array(kids)) = tree.get_mut(b"Kids") {
            kids.retain(|k| k.as_reference().ok() != Some(first));
        }
        let count = tree.get(b"Count").and_then(Object::as_i64).unwrap_or(1);
        tree.set("Count", count - 1);
    }
    doc.objects.remove(&first);
    Ok(())
}
