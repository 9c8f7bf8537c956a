//! Drawing on one page in top-down coordinates (points from the top-left corner), turned into
//! printpdf operations whose origin is bottom-left.

use printpdf::{
    Color, Line as PdfLine, LinePoint, Op, PdfFontHandle, Point, Pt, Rgb, TextItem, TextMatrix, XObjectId,
    XObjectTransform,
};

use super::fonts::Face;
use super::text::Line;

/// Rounds a coordinate to 1/100 pt: invisible, and shorter numbers in the file.
fn r(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// The operations of one page, and the face currently set, so `Tf` is written only on change.
pub struct Page {
    pub height: f32,
    pub ops: Vec<Op>,
    font: Option<(Face, u32)>,
    thickness: Option<u32>,
}

impl Page {
    pub fn new(height: f32) -> Page {
        Page { height, ops: Vec::new(), font: None, thickness: None }
    }

    fn set_font(&mut self, face: Face, size: f32, used: &mut [bool; 4]) {
        let key = (face, (size * 100.0) as u32);
        if self.font != Some(key) {
            self.ops.push(Op::SetFont { font: PdfFontHandle::External(face.id()), size: Pt(size) });
            self.font = Some(key);
        }
        used[face as usize] = true;
    }

    /// Writes one line with its left end at `x` and its baseline `baseline` below the top;
    /// `extra` widens every space between words (justification: `Tw` has no effect on
    /// two-byte fonts, so the gap is a `TJ` offset).
    pub fn line(&mut self, x: f32, baseline: f32, size: f32, line: &Line, extra: f32, used: &mut [bool; 4]) {
        if line.words.is_empty() {
            return;
        }
        self.ops.push(Op::StartTextSection);
        let first_face = line.words[0].pieces.first().map_or(Face::Regular, |p| p.face);
        self.set_font(first_face, size, used);
        self.ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(r(x)), Pt(r(self.height - baseline))) });
        let mut items: Vec<TextItem> = Vec::new();
        let mut face = first_face;
        let n = line.words.len();
        for (i, word) in line.words.iter().enumerate() {
            for piece in &word.pieces {
                if piece.face != face {
                    if !items.is_empty() {
                        self.ops.push(Op::ShowText { items: std::mem::take(&mut items) });
                    }
                    self.set_font(piece.face, size, used);
                    face = piece.face;
                }
                match items.last_mut() {
                    Some(TextItem::Text(t)) => t.push_str(&piece.text),
                    _ => items.push(TextItem::Text(piece.text.clone())),
                }
            }
            if i + 1 < n {
                match items.last_mut() {
                    Some(TextItem::Text(t)) => t.push(' '),
                    _ => items.push(TextItem::Text(" ".into())),
                }
                if extra > 0.001 {
                    items.push(TextItem::Offset((-extra * 1000.0 / size).round()));
                }
            }
        }
        if !items.is_empty() {
            self.ops.push(Op::ShowText { items });
        }
        self.ops.push(Op::EndTextSection);
    }

    fn set_thickness(&mut self, pt: f32) {
        let key = (pt * 100.0) as u32;
        if self.thickness != Some(key) {
            self.ops.push(Op::SetOutlineThickness { pt: Pt(pt) });
            self.thickness = Some(key);
        }
    }

    /// A straight line between two points (top-down coordinates).
    pub fn stroke(&mut self, points: &[(f32, f32)], closed: bool, thickness: f32) {
        self.set_thickness(thickness);
        let points = points
            .iter()
            .map(|&(x, y)| LinePoint { p: Point { x: Pt(r(x)), y: Pt(r(self.height - y)) }, bezier: false })
            .collect();
        self.ops.push(Op::DrawLine { line: PdfLine { points, is_closed: closed } });
    }

    /// Sets the colour text is filled with from here on.
    pub fn fill(&mut self, [r, g, b]: [f32; 3]) {
        self.ops.push(Op::SetFillColor { col: Color::Rgb(Rgb { r, g, b, icc_profile: None }) });
    }

    /// Draws the image `id` (of `px_w` × `px_h` pixels) into the box whose top-left corner is at
    /// (`x`, `y`) below the top, `w` × `h` points.
    #[allow(clippy::too_many_arguments)]
    pub fn image(&mut self, id: &XObjectId, px_w: usize, px_h: usize, x: f32, y: f32, w: f32, h: f32) {
        // At 72 dpi a pixel is a point; the scale then sets the box.
        let transform = XObjectTransform {
            translate_x: Some(Pt(r(x))),
            translate_y: Some(Pt(r(self.height - y - h))),
            rotate: None,
            scale_x: Some(w / px_w.max(1) as f32),
            scale_y: Some(h / px_h.max(1) as f32),
            dpi: Some(72.0),
            no_auto_scale: false,
        };
        self.ops.push(Op::UseXobject { id: id.clone(), transform });
    }

    /// A circle's outline, centred on (`cx`, `cy`) below the top, drawn with four Bézier arcs.
    pub fn circle(&mut self, cx: f32, cy: f32, radius: f32, thickness: f32) {
        self.set_thickness(thickness);
        let k = 0.552_284_8 * radius;
        let pt =
            |x: f32, y: f32, bezier: bool| LinePoint { p: Point { x: Pt(r(x)), y: Pt(r(self.height - y)) }, bezier };
        let (t, b, l, rt) = (cy - radius, cy + radius, cx - radius, cx + radius);
        let points = vec![
            pt(cx, t, false),
            pt(cx + k, t, true),
            pt(rt, cy - k, true),
            pt(rt, cy, false),
            pt(rt, cy + k, true),
            pt(cx + k, b, true),
            pt(cx, b, false),
            pt(cx - k, b, true),
            pt(l, cy + k, true),
            pt(l, cy, false),
            pt(l, cy - k, true),
            pt(cx - k, t, true),
            pt(cx, t, false),
        ];
        self.ops.push(Op::DrawLine { line: PdfLine { points, is_closed: true } });
    }

    /// A horizontal rule from `x1` to `x2` at `y` below the top.
    pub fn rule(&mut self, x1: f32, x2: f32, y: f32, thickness: f32) {
        self.stroke(&[(x1, y), (x2, y)], false, thickness);
    }

    /// A rectangle's outline.
    pub fn frame(&mut self, x: f32, y: f32, w: f32, h: f32, thickness: f32) {
        self.stroke(&[(x, y), (x + w, y), (x + w, y + h), (x, y + h)], true, thickness);
    }
}
