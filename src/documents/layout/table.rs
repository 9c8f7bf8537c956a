//! Ruled tables: cells wrap, a row never splits across pages, and the header row is drawn again
//! at the top of every page the table continues on.

use super::{Align, Face, Flow, Para};

/// A column: its header, its share of the table's width, and how its cells align.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub title: String,
    /// Relative width (the columns' weights are scaled to the text area).
    pub weight: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: &str, weight: f32, align: Align) -> Column {
        Column { title: title.to_string(), weight, align }
    }
}

/// A row of cells, or a group heading spanning every column ("I. TẬP THỂ").
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Cells(Vec<String>),
    Group(String),
}

/// A table of rows under a header.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub size: f32,
    /// Least height of a body row in points (room to write by hand on a blank sheet).
    pub min_row: f32,
}

const PAD_X: f32 = 3.0;
const PAD_Y: f32 = 2.5;
const RULE: f32 = 0.5;

/// Where the rules of the part of a table on one page start.
struct Segment {
    /// Top of the table on this page.
    top: f32,
    /// Top of the current run of cell rows (inner column rules stop at group rows).
    run: Option<f32>,
}

impl Flow {
    /// Adds a table across the text width.
    pub fn table(&mut self, t: &Table) {
        let total: f32 = t.columns.iter().map(|c| c.weight).sum();
        let width = self.width();
        let widths: Vec<f32> = t.columns.iter().map(|c| width * c.weight / total).collect();
        let header: Vec<Para> =
            t.columns.iter().map(|c| Para::text(t.size, Face::Bold, &c.title).centred().leading(1.1)).collect();
        self.keep(self.cells_height(&header, &widths) * 2.0);
        let mut seg = self.start_segment(&header, &widths);
        for row in &t.rows {
            let (cells, group) = match row {
                Row::Cells(texts) => (
                    texts
                        .iter()
                        .zip(&t.columns)
                        .map(|(s, c)| Para::text(t.size, Face::Regular, s).align(c.align).leading(1.1))
                        .collect::<Vec<_>>(),
                    false,
                ),
                Row::Group(s) => (vec![Para::text(t.size, Face::Bold, s).leading(1.1)], true),
            };
            let row_widths = if group { vec![width] } else { widths.clone() };
            let h = self.cells_height(&cells, &row_widths).max(t.min_row);
            if self.room() < h {
                self.end_segment(&seg, &widths);
                self.new_page();
                seg = self.start_segment(&header, &widths);
            }
            if group {
                self.end_run(&mut seg, &widths);
            } else if seg.run.is_none() {
                seg.run = Some(self.y);
            }
            self.row(&cells, &row_widths, h);
        }
        self.end_segment(&seg, &widths);
    }

    fn start_segment(&mut self, header: &[Para], widths: &[f32]) -> Segment {
        let top = self.y;
        let h = self.cells_height(header, widths);
        let (x0, x1) = (self.left(), self.left() + self.width());
        let (page, _) = self.page();
        page.rule(x0, x1, top, RULE);
        self.row(header, widths, h);
        Segment { top, run: Some(top) }
    }

    /// Draws the inner column rules of the run of cell rows that ends here.
    fn end_run(&mut self, seg: &mut Segment, widths: &[f32]) {
        if let Some(top) = seg.run.take() {
            let bottom = self.y;
            let mut x = self.left();
            let (page, _) = self.page();
            for w in &widths[..widths.len().saturating_sub(1)] {
                x += w;
                page.stroke(&[(x, top), (x, bottom)], false, RULE);
            }
        }
    }

    /// Draws the outer rules of the table's part on this page.
    fn end_segment(&mut self, seg: &Segment, widths: &[f32]) {
        let mut s = Segment { top: seg.top, run: seg.run };
        self.end_run(&mut s, widths);
        let (top, bottom) = (seg.top, self.y);
        let (x0, x1) = (self.left(), self.left() + self.width());
        let (page, _) = self.page();
        page.stroke(&[(x0, top), (x0, bottom)], false, RULE);
        page.stroke(&[(x1, top), (x1, bottom)], false, RULE);
    }

    fn cells_height(&self, cells: &[Para], widths: &[f32]) -> f32 {
        cells.iter().zip(widths).map(|(p, w)| Flow::height(p, &self.lay(p, w - 2.0 * PAD_X))).fold(0.0, f32::max)
            + 2.0 * PAD_Y
    }

    /// Writes a row's cells and the rule under it.
    fn row(&mut self, cells: &[Para], widths: &[f32], h: f32) {
        let top = self.y;
        let mut x = self.left();
        for (p, w) in cells.iter().zip(widths) {
            let laid = self.lay(p, w - 2.0 * PAD_X);
            self.place(p, &laid, x + PAD_X, top + PAD_Y);
            x += w;
        }
        let (x0, x1) = (self.left(), self.left() + self.width());
        let (page, _) = self.page();
        page.rule(x0, x1, top + h, RULE);
        self.y = top + h;
    }
}
