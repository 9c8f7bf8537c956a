//! The four faces of Tinos (a free font with Times New Roman's metrics, as Decree 30/2020 asks for
//! Times New Roman), embedded in the binary, measured with `ttf-parser` and registered with
//! printpdf under short fixed ids so pages can name them before the document exists.

use std::sync::OnceLock;

use printpdf::{FontId, ParsedFont, PdfDocument, PdfFont};

use crate::error::{Error, Result};

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/Tinos-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/Tinos-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../assets/fonts/Tinos-Italic.ttf");
const BOLD_ITALIC: &[u8] = include_bytes!("../../../assets/fonts/Tinos-BoldItalic.ttf");

/// One face of the document font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Face {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl Face {
    pub const ALL: [Face; 4] = [Face::Regular, Face::Bold, Face::Italic, Face::BoldItalic];

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR,
            Face::Bold => BOLD,
            Face::Italic => ITALIC,
            Face::BoldItalic => BOLD_ITALIC,
        }
    }

    /// The resource id in the PDF; six capitals, since the subset tag is built from them.
    pub fn id(self) -> FontId {
        FontId(
            match self {
                Face::Regular => "TINOSR",
                Face::Bold => "TINOSB",
                Face::Italic => "TINOSI",
                Face::BoldItalic => "TINOSZ",
            }
            .to_string(),
        )
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Advance widths of one face, per character, in font units, with the units per em.
struct Metrics {
    units_per_em: f32,
    ascender: f32,
    descender: f32,
    advances: std::collections::HashMap<char, u16>,
    fallback: u16,
}

fn metrics() -> Result<&'static [Metrics; 4]> {
    static METRICS: OnceLock<Option<[Metrics; 4]>> = OnceLock::new();
    METRICS
        .get_or_init(|| {
            let mut all = Vec::with_capacity(4);
            for face in Face::ALL {
                let f = ttf_parser::Face::parse(face.bytes(), 0).ok()?;
                let mut advances = std::collections::HashMap::new();
                if let Some(cmap) = f.tables().cmap {
                    for sub in cmap.subtables {
                        if !sub.is_unicode() {
                            continue;
                        }
                        sub.codepoints(|cp| {
                            if let Some(c) = char::from_u32(cp) {
                                if let Some(g) = sub.glyph_index(cp) {
                                    advances.entry(c).or_insert(f.glyph_hor_advance(g).unwrap_or(0));
                                }
                            }
                        });
                    }
                }
                let fallback = f.glyph_hor_advance(ttf_parser::GlyphId(0)).unwrap_or(0);
                all.push(Metrics {
                    units_per_em: f32::from(f.units_per_em()),
                    ascender: f32::from(f.ascender()),
                    descender: f32::from(f.descender()),
                    advances,
                    fallback,
                });
            }
            all.try_into().ok()
        })
        .as_ref()
        .ok_or_else(|| Error::Document("không đọc được phông chữ Tinos kèm theo chương trình".into()))
}

/// Measures text set in the embedded faces.
#[derive(Clone, Copy)]
pub struct Fonts {
    metrics: &'static [Metrics; 4],
}

impl Fonts {
    pub fn load() -> Result<Fonts> {
        Ok(Fonts { metrics: metrics()? })
    }

    /// Width of `text` in points at `size`, from the glyphs' advances (no kerning: printpdf
    /// places glyphs one by one, so this is exactly where the next glyph starts).
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let m = &self.metrics[face.index()];
        let units: u32 = text.chars().map(|c| u32::from(*m.advances.get(&c).unwrap_or(&m.fallback))).sum();
        units as f32 * size / m.units_per_em
    }

    /// Whether the face has a glyph for every character of `text`.
    pub fn covers(&self, face: Face, text: &str) -> bool {
        let m = &self.metrics[face.index()];
        text.chars().all(|c| c.is_whitespace() || m.advances.contains_key(&c))
    }

    /// Distance from the top of a line box to the baseline, at `size`.
    pub fn ascent(&self, size: f32) -> f32 {
        let m = &self.metrics[0];
        m.ascender * size / m.units_per_em
    }

    /// Distance from the baseline to the bottom of the font's box (positive), at `size`.
    pub fn descent(&self, size: f32) -> f32 {
        let m = &self.metrics[0];
        -m.descender * size / m.units_per_em
    }
}

/// Registers the faces a document used, each under its fixed id.
pub fn register(doc: &mut PdfDocument, used: &[Face]) -> Result<()> {
    for &face in used {
        let mut warnings = Vec::new();
        let parsed = ParsedFont::from_bytes(face.bytes(), 0, &mut warnings)
            .ok_or_else(|| Error::Document("không nhúng được phông chữ Tinos vào tệp PDF".into()))?;
        doc.resources.fonts.map.insert(face.id(), PdfFont::new(parsed));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bold_is_wider_than_regular_and_width_scales_with_size() {
        let f = Fonts::load().unwrap_or_else(|_| panic!("fonts"));
        let r = f.width(Face::Regular, 13.0, "ỦY BAN NHÂN DÂN");
        let b = f.width(Face::Bold, 13.0, "ỦY BAN NHÂN DÂN");
        assert!(b > r, "{b} > {r}");
        let r26 = f.width(Face::Regular, 26.0, "ỦY BAN NHÂN DÂN");
        assert!((r26 - 2.0 * r).abs() < 0.01);
        // Times New Roman's space is 0.25 em; Tinos matches it.
        assert!((f.width(Face::Regular, 12.0, " ") - 3.0).abs() < 0.01);
    }

    #[test]
    fn every_vietnamese_letter_has_a_glyph_in_every_face() {
        let f = Fonts::load().unwrap_or_else(|_| panic!("fonts"));
        let letters = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđ";
        let upper: String = letters.to_uppercase();
        for face in Face::ALL {
            assert!(f.covers(face, letters) && f.covers(face, &upper), "{face:?}");
        }
    }
}
