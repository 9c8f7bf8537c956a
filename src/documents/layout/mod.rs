//! The layout layer: A4 (or any) pages with Decree 30/2020 margins, paragraphs wrapped and
//! justified, runs of bold and italic, centred headings with rules, tables (in `table`), page
//! numbers from page 2 centred in the top margin, written to PDF with printpdf and the embedded
//! Tinos faces (subset, with ToUnicode maps so the text can be searched and copied).

pub mod fonts;
pub mod page;
pub mod table;
pub mod text;
mod write;

pub use fonts::{Face, Fonts};
pub use page::Page;
pub use table::{Column, Row, Table};
pub use text::{Line, Run};

use printpdf::{Mm, PdfDocument, PdfPage};

use crate::error::Result;

/// Points per millimetre.
pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// Millimetres to points.
pub fn mm(v: f32) -> f32 {
    v * PT_PER_MM
}

/// Page size and margins, in millimetres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sheet {
    pub width: f32,
    pub height: f32,
    pub top: f32,
    pub bottom: f32,
    pub left: f32,
    pub right: f32,
}

impl Sheet {
    /// A4 portrait with the margins Decree 30/2020 Appendix I allows: 20 mm top and bottom,
    /// 30 mm left, 15 mm right.
    pub const A4: Sheet = Sheet { width: 210.0, height: 297.0, top: 20.0, bottom: 20.0, left: 30.0, right: 15.0 };
}

/// Horizontal alignment of a paragraph's lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Centre,
    Right,
    /// Both edges straight; the paragraph's last line is set left.
    Justify,
}

/// A paragraph: runs of text with their size, alignment, indents and spacing (points).
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub runs: Vec<Run>,
    pub size: f32,
    pub align: Align,
    pub first_indent: f32,
    /// Line pitch as a multiple of the size (1.15 is Word's "single" for Times).
    pub leading: f32,
    pub before: f32,
    pub after: f32,
    /// Break into two even lines instead of filling the first (headings).
    pub balanced: bool,
    /// The text's colour (red, green, blue from 0 to 1); black when none.
    pub color: Option<[f32; 3]>,
}

impl Para {
    pub fn new(size: f32) -> Para {
        Para {
            runs: Vec::new(),
            size,
            align: Align::Left,
            first_indent: 0.0,
            leading: 1.15,
            before: 0.0,
            after: 0.0,
            balanced: false,
            color: None,
        }
    }

    /// A one-run paragraph.
    pub fn text(size: f32, face: Face, text: &str) -> Para {
        Para::new(size).run(face, text)
    }

    pub fn run(mut self, face: Face, text: &str) -> Para {
        self.runs.push(Run::new(face, text));
        self
    }

    pub fn align(mut self, align: Align) -> Para {
        self.align = align;
        self
    }

    pub fn centred(self) -> Para {
        self.align(Align::Centre)
    }

    pub fn indent(mut self, pt: f32) -> Para {
        self.first_indent = pt;
        self
    }

    pub fn leading(mut self, factor: f32) -> Para {
        self.leading = factor;
        self
    }

    pub fn space(mut self, before: f32, after: f32) -> Para {
        self.before = before;
        self.after = after;
        self
    }

    pub fn balanced(mut self) -> Para {
        self.balanced = true;
        self
    }

    /// The text in a colour other than black (a certificate's red lines).
    pub fn color(mut self, rgb: [f32; 3]) -> Para {
        self.color = Some(rgb);
        self
    }

    pub fn pitch(&self) -> f32 {
        self.size * self.leading
    }
}

/// A paragraph broken into lines for a given width.
pub struct Laid {
    pub lines: Vec<Line>,
    pub width: f32,
}

impl Laid {
    /// Widest line, in points.
    pub fn widest(&self) -> f32 {
        self.lines.iter().map(Line::width).fold(0.0, f32::max)
    }
}

/// Pages being filled top to bottom, with numbering sections.
pub struct Flow {
    pub fonts: Fonts,
    pub sheet: Sheet,
    pages: Vec<Page>,
    /// Index of the first page of each numbering section ("the annex is numbered apart").
    sections: Vec<usize>,
    /// Distance of the next line's top from the page's top edge, in points.
    pub y: f32,
    used: [bool; 4],
    /// Drawing shared by every page, written once and referenced from each page.
    background: Option<Page>,
    in_background: bool,
    /// Pictures the pages draw, embedded once each.
    images: Vec<(printpdf::XObjectId, printpdf::RawImage)>,
}

impl Flow {
    pub fn new(sheet: Sheet) -> Result<Flow> {
        let mut flow = Flow {
            fonts: Fonts::load()?,
            sheet,
            pages: Vec::new(),
            sections: Vec::new(),
            y: 0.0,
            used: [false; 4],
            background: None,
            in_background: false,
            images: Vec::new(),
        };
        flow.new_section();
        Ok(flow)
    }

    /// Left edge of the text area, points.
    pub fn left(&self) -> f32 {
        mm(self.sheet.left)
    }

    /// Width of the text area, points.
    pub fn width(&self) -> f32 {
        mm(self.sheet.width - self.sheet.left - self.sheet.right)
    }

    fn bottom(&self) -> f32 {
        mm(self.sheet.height - self.sheet.bottom)
    }

    /// Room left on the current page, in points.
    pub fn room(&self) -> f32 {
        self.bottom() - self.y
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Starts a page.
    pub fn new_page(&mut self) {
        self.pages.push(Page::new(mm(self.sheet.height)));
        self.y = mm(self.sheet.top);
    }

    /// Starts a page whose numbering begins again at 1 (not shown on that page).
    pub fn new_section(&mut self) {
        self.new_page();
        self.sections.push(self.pages.len() - 1);
    }

    /// Starts a new page unless `height` points still fit.
    pub fn keep(&mut self, height: f32) {
        if self.room() < height {
            self.new_page();
        }
    }

    pub fn skip(&mut self, pt: f32) {
        self.y += pt;
    }

    /// Draws what every page shows alike (a certificate's border and fixed wording) once: the
    /// PDF keeps one copy that each page's contents reference, instead of one per page.
    pub fn background(&mut self, draw: impl FnOnce(&mut Flow)) {
        let height = mm(self.sheet.height);
        self.background.get_or_insert_with(|| Page::new(height));
        self.in_background = true;
        draw(self);
        self.in_background = false;
    }

    /// The current page (or the background while it is drawn), for drawing.
    pub fn page(&mut self) -> (&mut Page, &mut [bool; 4]) {
        if self.pages.is_empty() {
            self.new_page();
        }
        let n = self.pages.len() - 1;
        match (self.in_background, self.background.as_mut()) {
            (true, Some(bg)) => (bg, &mut self.used),
            _ => (&mut self.pages[n], &mut self.used),
        }
    }

    /// Breaks `p` into lines for a column `width` points wide.
    pub fn lay(&self, p: &Para, width: f32) -> Laid {
        let lines = if p.balanced {
            text::balanced_lines(&self.fonts, p.size, &p.runs, width)
        } else {
            text::break_lines(&self.fonts, p.size, &p.runs, width - p.first_indent, width)
        };
        Laid { lines, width }
    }

    /// Height of a laid paragraph without its spacing before and after.
    pub fn height(p: &Para, laid: &Laid) -> f32 {
        p.pitch() * laid.lines.len() as f32
    }

    /// Draws laid lines in a column starting at `x`, the first line's top at `top`; returns the
    /// bottom. Does not move the flow.
    pub fn place(&mut self, p: &Para, laid: &Laid, x: f32, top: f32) -> f32 {
        let fonts = self.fonts;
        let pitch = p.pitch();
        let mut y = top;
        for (i, line) in laid.lines.iter().enumerate() {
            let baseline = y + baseline_offset(&fonts, p.size, pitch);
            self.draw_line(p, line, i == 0, x, laid.width, baseline);
            y += pitch;
        }
        y
    }

    fn draw_line(&mut self, p: &Para, line: &Line, first: bool, x: f32, width: f32, baseline: f32) {
        let indent = if first { p.first_indent } else { 0.0 };
        let natural = line.width();
        let avail = width - indent;
        let gaps = line.words.len().saturating_sub(1) as f32;
        let (dx, extra) = match p.align {
            Align::Left => (indent, 0.0),
            Align::Centre => (indent + (avail - natural) / 2.0, 0.0),
            Align::Right => (indent + avail - natural, 0.0),
            Align::Justify if !line.last && gaps > 0.0 => (indent, ((avail - natural) / gaps).max(0.0)),
            Align::Justify => (indent, 0.0),
        };
        let (page, used) = self.page();
        if let Some(rgb) = p.color {
            page.fill(rgb);
        }
        page.line(x + dx, baseline, p.size, line, extra, used);
        if p.color.is_some() {
            page.fill([0.0, 0.0, 0.0]);
        }
    }

    /// Adds a paragraph across the full text width, breaking pages between lines.
    pub fn para(&mut self, p: &Para) -> Laid {
        let (left, width) = (self.left(), self.width());
        self.para_in(p, left, width)
    }

    /// Adds a paragraph in a column, breaking pages between lines.
    pub fn para_in(&mut self, p: &Para, x: f32, width: f32) -> Laid {
        self.para_kept(p, x, width, 0, 0.0)
    }

    /// Adds a paragraph across the full text width whose last `tail` lines stay on one page with
    /// `then` points of what follows (the last lines of a decision's last article with the
    /// signature): the lines before may stay on the page before.
    pub fn para_with_tail(&mut self, p: &Para, tail: usize, then: f32) -> Laid {
        let (left, width) = (self.left(), self.width());
        self.para_kept(p, left, width, tail, then)
    }

    fn para_kept(&mut self, p: &Para, x: f32, width: f32, tail: usize, then: f32) -> Laid {
        let laid = self.lay(p, width);
        self.y += p.before;
        let pitch = p.pitch();
        let fonts = self.fonts;
        let tail_from = laid.lines.len().saturating_sub(tail);
        for (i, line) in laid.lines.iter().enumerate() {
            if tail > 0 && i == tail_from {
                self.keep(pitch * (laid.lines.len() - i) as f32 + p.after + then);
            }
            if self.room() < pitch {
                self.new_page();
            }
            let baseline = self.y + baseline_offset(&fonts, p.size, pitch);
            self.draw_line(p, line, i == 0, x, width, baseline);
            self.y += pitch;
        }
        self.y += p.after;
        laid
    }

    /// Draws `image` (embedded once however often it is drawn, under the name `name`) into the
    /// box at (`x`, `y`) below the top, `w` × `h` points.
    #[allow(clippy::too_many_arguments)]
    pub fn image(&mut self, name: &str, image: &printpdf::RawImage, x: f32, y: f32, w: f32, h: f32) {
        let id = printpdf::XObjectId(name.to_string());
        if !self.images.iter().any(|(i, _)| *i == id) {
            self.images.push((id.clone(), image.clone()));
        }
        let (width, height) = (image.width, image.height);
        let (page, _) = self.page();
        page.image(&id, width, height, x, y, w, h);
    }

    /// A rule `length` points long, centred on `centre`, `gap` points below the flow's position.
    pub fn centred_rule(&mut self, centre: f32, length: f32, y: f32) {
        let (page, _) = self.page();
        page.rule(centre - length / 2.0, centre + length / 2.0, y, 0.6);
    }

    /// Writes the page numbers (Decree 30/2020 Art. 13: from the second page of each section,
    /// centred in the top margin), then the PDF.
    pub fn finish(mut self, title: &str) -> Result<Vec<u8>> {
        let fonts = self.fonts;
        let centre = self.left() + self.width() / 2.0;
        let size = 13.0;
        let baseline = mm(self.sheet.top) / 2.0 + fonts.ascent(size) / 2.0;
        let mut ends = self.sections.clone();
        ends.push(self.pages.len());
        for w in ends.windows(2) {
            for (n, index) in (w[0]..w[1]).enumerate().skip(1) {
                let p = Para::text(size, Face::Regular, &(n + 1).to_string()).centred();
                let laid = self.lay(&p, 100.0);
                if let (Some(line), Some(page)) = (laid.lines.first(), self.pages.get_mut(index)) {
                    page.line(centre - line.width() / 2.0, baseline, size, line, 0.0, &mut self.used);
                }
            }
        }
        let mut doc = PdfDocument::new(title);
        let used: Vec<Face> = Face::ALL.into_iter().filter(|f| self.used[*f as usize]).collect();
        fonts::register(&mut doc, &used)?;
        for (id, image) in self.images {
            doc.resources.xobjects.map.insert(id, printpdf::XObject::Image(image));
        }
        let (w, h) = (Mm(self.sheet.width), Mm(self.sheet.height));
        let has_background = self.background.is_some();
        let pages = self.background.into_iter().chain(self.pages);
        doc.with_pages(pages.map(|p| PdfPage::new(w, h, p.ops)).collect());
        write::save(&doc, has_background)
    }
}

/// From a line box's top to its baseline: the font's box centred in the line pitch.
fn baseline_offset(fonts: &Fonts, size: f32, pitch: f32) -> f32 {
    let (a, d) = (fonts.ascent(size), fonts.descent(size));
    (pitch - (a + d)) / 2.0 + a
}
