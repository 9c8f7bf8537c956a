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

impl Flow {
    /// Adds a table across the text width.
    pub fn table(&mut self, t: &Table) {
        let total: f32 = t.columns.iter().map(|c| c.weight).sum();
        let width = self.width();
        let widths: Vec<f32> = t.columns.iter().map(|c| width * c.weight / total).collect();
        let header: Vec<Para> =
            t.columns.iter().map(|c| Para::text(t.size, Face::Bold, &c.title).centred().leading(1.1)).collect();
        self.keep(self.cells_height(&header, &widths) * 2.0);
        self.row(&header, &widths, 0.0);
        for row in &t.rows {
            let cells: Vec<Para> = match row {
                Row::Cells(texts) => texts
                    .iter()
                    .zip(&t.columns)
                    .map(|(s, c)| Para::text(t.size, Face::Regular, s).align(c.align).leading(1.1))
                    .collect(),
                Row::Group(s) => vec![Para::text(t.size, Face::Bold, s).leading(1.1)],
            };
            let row_widths = if cells.len() == 1 && widths.len() > 1 { vec![width] } else { widths.clone() };
            let h = self.cells_height(&cells, &row_widths).max(t.min_row);
            if self.room() < h {
                self.new_page();
                self.row(&header, &widths, 0.0);
            }
            self.row(&cells, &row_widths, t.min_row);
        }
    }

    fn cells_height(&self, cells: &[Para], widths: &[f32]) -> f32 {
        cells.iter().zip(widths).map(|(p, w)| Flow::height(p, &self.lay(p, w - 2.0 * PAD_X))).fold(0.0, f32::max)
            + 2.0 * PAD_Y
    }

    fn row(&mut self, cells: &[Para], widths: &[f32], min: f32) {
        let h = self.cells_height(cells, widths).max(min);
        let top = self.y;
        let mut x = self.left();
        for (p, w) in cells.iter().zip(widths) {
            let laid = self.lay(p, w - 2.0 * PAD_X);
            self.place(p, &laid, x + PAD_X, top + PAD_Y);
            let (page, _) = self.page();
            page.frame(x, top, *w, h, RULE);
            x += w;
        }
        self.y = top + h;
    }
}
