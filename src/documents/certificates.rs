//! Certificates (Giấy khen), one page per awardee, in the form of Decree 98/2023/NĐ-CP Art. 104:
//! A4 landscape by default (297 × 210 mm; other stock sizes are settings and every field scales
//! with the stock), the emblem at the top centre, the national title and motto in black, the
//! authority's title and «GIẤY KHEN» in red capitals, «TẶNG», the awardee, the position and
//! the achievement in black, the decision's reference and the register number bottom left and
//! the place and date bottom right in bold italic. On plain paper the border and the emblem (or
//! its place, when the office has not chosen a picture) are drawn; on pre-printed stock (phôi)
//! only the text, each field moved by the offsets measured once on the calibration page.

use std::collections::BTreeMap;

use super::emblem::Emblem;
use super::layout::{mm, Align, Face, Flow, Para, Sheet};
use super::parts::{upper, MOTTO, NATIONAL_TITLE};
use super::{DecisionData, DecisionState};
use crate::error::{Error, Result};
use crate::model::CertificateSettings;
use crate::model::Offset;

/// The fields of a certificate, top to bottom, with the names the calibration page shows.
pub const FIELDS: [(&str, &str); 10] = [
    ("emblem", "Quốc huy"),
    ("national_title", "Quốc hiệu, tiêu ngữ"),
    ("authority", "Chức danh người tặng"),
    ("give", "TẶNG"),
    ("title", "GIẤY KHEN"),
    ("name", "Họ và tên / tên tập thể"),
    ("position", "Chức vụ, đơn vị"),
    ("achievement", "Thành tích"),
    ("decision", "Số quyết định, số sổ vàng"),
    ("signature", "Ngày tháng, người ký"),
];

/// The name's size on A4 and the smallest it may shrink to, in points (scaled with the stock).
const NAME_SIZES: (f32, f32) = (22.0, 14.0);
/// The position and unit line's size and its floor.
const POSITION_SIZES: (f32, f32) = (15.0, 11.0);
/// The red of the authority's title and of «GIẤY KHEN».
pub const RED: [f32; 3] = [0.8, 0.0, 0.0];
/// The emblem's diameter on A4, in millimetres (scaled with the stock).
const EMBLEM_MM: f32 = 22.0;

/// Where a field sits by default, as fractions of the stock: the centre (or, for left-aligned
/// fields, the left edge) and the top of its first line, and the width of its box. Laid out on
/// A4 landscape (210 mm high): emblem 14–36 mm, title and motto from 38 mm, the authority 55,
/// «TẶNG» 64, «GIẤY KHEN» 71, the awardee 92, the position 112, the achievement 121, the
/// signature from 142 and the decision's reference from 172 mm.
fn default_place(field: &str) -> (f32, f32, f32, Align) {
    match field {
        "emblem" => (0.5, 0.067, 0.1, Align::Centre),
        "national_title" => (0.5, 0.181, 0.6, Align::Centre),
        "authority" => (0.5, 0.262, 0.8, Align::Centre),
        "give" => (0.5, 0.305, 0.3, Align::Centre),
        "title" => (0.5, 0.338, 0.6, Align::Centre),
        "name" => (0.5, 0.438, 0.8, Align::Centre),
        "position" => (0.5, 0.533, 0.8, Align::Centre),
        "achievement" => (0.5, 0.576, 0.75, Align::Centre),
        "decision" => (0.08, 0.82, 0.4, Align::Left),
        _ => (0.72, 0.676, 0.42, Align::Centre),
    }
}

/// The certificate stock: its size, whether it is pre-printed, the saved offsets, and the
/// office's emblem for plain paper.
#[derive(Debug, Clone, PartialEq)]
pub struct Stock {
    pub width_mm: f32,
    pub height_mm: f32,
    pub preprinted: bool,
    pub offsets: BTreeMap<String, Offset>,
    pub emblem: Option<Emblem>,
}

impl Stock {
    pub fn new(settings: &CertificateSettings, preprinted: bool, offsets: BTreeMap<String, Offset>) -> Stock {
        Stock {
            width_mm: settings.width_mm as f32,
            height_mm: settings.height_mm as f32,
            preprinted,
            offsets,
            emblem: None,
        }
    }

    /// The same stock drawing `emblem` at the top centre on plain paper.
    pub fn with_emblem(mut self, emblem: Option<Emblem>) -> Stock {
        self.emblem = emblem;
        self
    }

    /// How much larger than A4 landscape the stock is (1 on A4, 1.41 on A3): sizes scale by it.
    fn scale(&self) -> f32 {
        self.height_mm / 210.0
    }

    fn sheet(&self) -> Sheet {
        Sheet { width: self.width_mm, height: self.height_mm, top: 0.0, bottom: 0.0, left: 0.0, right: 0.0 }
    }

    /// A field's box in points: left edge, top, width; offsets apply only on pre-printed stock.
    fn place(&self, field: &str) -> (f32, f32, f32) {
        let (fx, fy, fw, align) = default_place(field);
        let o = if self.preprinted { self.offsets.get(field).copied().unwrap_or_default() } else { Offset::default() };
        let w = fw * self.width_mm;
        let x = fx * self.width_mm + o.dx as f32 / 10.0;
        let left = if align == Align::Centre { x - w / 2.0 } else { x };
        (mm(left), mm(fy * self.height_mm + o.dy as f32 / 10.0), mm(w))
    }
}

/// Draws paragraphs one under the other in a field's box; returns the bottom.
fn field(flow: &mut Flow, stock: &Stock, name: &str, paras: &[Para]) -> f32 {
    let (x, mut y, w) = stock.place(name);
    for p in paras {
        let laid = flow.lay(p, w);
        y = flow.place(p, &laid, x, y + p.before);
    }
    y
}

/// The height in points a field has before the field under it starts, on this stock.
fn room(stock: &Stock, field: &str, next: &str) -> f32 {
    let (_, top, _, _) = default_place(field);
    let (_, below, _, _) = default_place(next);
    mm((below - top) * stock.height_mm)
}

/// `text` in `face` at the largest size from `size` down to `floor` whose lines fit the field's
/// width and `height`: a long name wraps, then shrinks; none when even the floor overflows.
fn fitted(
    flow: &Flow,
    stock: &Stock,
    field: &str,
    face: Face,
    (size, floor): (f32, f32),
    text: &str,
    height: f32,
) -> Option<Para> {
    let (_, _, width) = stock.place(field);
    let mut s = size;
    while s >= floor {
        let p = Para::text(s, face, text).centred();
        if flow.lay(&p, width).lines.len() as f32 * p.pitch() <= height {
            return Some(p);
        }
        s -= 1.0;
    }
    None
}

/// One certificate per awardee, in the annex's order.
pub fn certificates(data: &DecisionData, stock: &Stock) -> Result<Vec<u8>> {
    let mut flow = Flow::new(stock.sheet())?;
    let s = &data.campaign.settings;
    let c = &s.certificate;
    let k = stock.scale();
    let reference = format!("Quyết định số {} ngày {}", data.number(), data.short_date());
    let place_date = match data.state {
        DecisionState::Final { signed_on, .. } => crate::vn::place_and_date(&s.issuer.place, signed_on),
        DecisionState::Draft { .. } => format!("{}, {}", s.issuer.place, data.long_date()),
    };
    let achievement = c.achievement.replace("{campaign}", &data.campaign.name);
    let signer = &data.signer;
    let award = upper(&data.award_short());
    // What every certificate shows alike is drawn once.
    flow.background(|flow| {
        if !stock.preprinted {
            border(flow, stock);
            emblem(flow, stock);
        }
        let (title, motto) = (13.0 * k, 14.0 * k);
        field(
            flow,
            stock,
            "national_title",
            &[Para::text(title, Face::Bold, NATIONAL_TITLE).centred(), Para::text(motto, Face::Bold, MOTTO).centred()],
        );
        let (x, y, w) = stock.place("national_title");
        let motto_width = flow.fonts.width(Face::Bold, motto, MOTTO);
        flow.centred_rule(x + w / 2.0, motto_width, y + title * 1.15 + motto * 1.15 + 2.0 * k);
        let authority = Para::text(15.0 * k, Face::Bold, &upper(&s.issuer.authority)).centred().balanced().color(RED);
        field(flow, stock, "authority", &[authority]);
        field(flow, stock, "give", &[Para::text(15.0 * k, Face::Bold, "TẶNG").centred()]);
        field(flow, stock, "title", &[Para::text(34.0 * k, Face::Bold, &award).centred().color(RED)]);
        field(flow, stock, "achievement", &[Para::text(14.0 * k, Face::Regular, &achievement).centred().leading(1.25)]);
        field(flow, stock, "decision", &[Para::text(12.0 * k, Face::BoldItalic, &reference)]);
        let mut sig = vec![Para::text(13.0 * k, Face::BoldItalic, &place_date).centred()];
        sig.extend(signer.title_lines().iter().map(|t| Para::text(13.0 * k, Face::Bold, &upper(t)).centred()));
        // Room for the signature and the seal.
        sig.push(Para::text(14.0 * k, Face::Bold, &signer.name).centred().space(mm(20.0 * k), 0.0));
        field(flow, stock, "signature", &sig);
    });
    let scaled = |(size, floor): (f32, f32)| (size * k, floor * k);
    for (i, a) in data.awardees.iter().enumerate() {
        if i > 0 {
            flow.new_section();
        }
        let too_long = |what: &str, floor: f32| {
            Error::Document(format!(
                "{what} của «{}» ({}) quá dài để in vừa ô trên Giấy khen, kể cả ở cỡ chữ {floor:.0} pt; hãy rút gọn trong hồ sơ rồi in lại",
                crate::vn::shown(&a.name),
                crate::vn::shown(&a.unit)
            ))
        };
        let name_room = room(stock, "name", "position");
        let name = fitted(&flow, stock, "name", Face::BoldItalic, scaled(NAME_SIZES), &a.addressed(), name_room)
            .ok_or_else(|| too_long("Tên", NAME_SIZES.1 * k))?;
        field(&mut flow, stock, "name", &[name]);
        let position = a.position_and_unit();
        if !position.is_empty() {
            let room = room(stock, "position", "achievement");
            let p = fitted(&flow, stock, "position", Face::Italic, scaled(POSITION_SIZES), &position, room)
                .ok_or_else(|| too_long("Chức vụ, đơn vị", POSITION_SIZES.1 * k))?;
            field(&mut flow, stock, "position", &[p]);
        }
        // N is the awardee's ordinal in the decision (its annex's order), from the first number
        // the office's register continues at.
        let register = c.register_label.replace("{n}", &(c.first_register_number as usize + i).to_string());
        // The register line sits under the decision's reference, in the same field.
        let reference_line = Para::text(12.0 * k, Face::BoldItalic, "");
        field(&mut flow, stock, "decision", &[reference_line, Para::text(12.0 * k, Face::BoldItalic, &register)]);
    }
    flow.finish("Giấy khen")
}

/// The emblem at the top centre: the office's picture, fitted in its place, or the place itself
/// (a thin circle) when the office has not chosen one.
fn emblem(flow: &mut Flow, stock: &Stock) {
    let (x, y, w) = stock.place("emblem");
    let d = mm(EMBLEM_MM * stock.scale());
    let cx = x + w / 2.0;
    match &stock.emblem {
        Some(e) => {
            let ratio = e.width as f32 / e.height.max(1) as f32;
            let (iw, ih) = if ratio >= 1.0 { (d, d / ratio) } else { (d * ratio, d) };
            flow.image("emblem", &e.raw(), cx - iw / 2.0, y + (d - ih) / 2.0, iw, ih);
        }
        None => {
            let (page, _) = flow.page();
            page.circle(cx, y + d / 2.0, d / 2.0, 0.4);
        }
    }
}

/// A double frame for plain paper.
fn border(flow: &mut Flow, stock: &Stock) {
    let (w, h) = (mm(stock.width_mm), mm(stock.height_mm));
    let (page, _) = flow.page();
    page.frame(mm(10.0), mm(10.0), w - mm(20.0), h - mm(20.0), 2.0);
    page.frame(mm(13.0), mm(13.0), w - mm(26.0), h - mm(26.0), 0.6);
}

/// The calibration page: a 10 mm grid and a cross at each field's position with its name and
/// coordinates, to lay over the stock and measure each field's offset.
pub fn calibration_page(stock: &Stock) -> Result<Vec<u8>> {
    let mut flow = Flow::new(stock.sheet())?;
    let (w, h) = (stock.width_mm, stock.height_mm);
    {
        let (page, _) = flow.page();
        let mut x = 10.0;
        while x < w {
            page.stroke(&[(mm(x), 0.0), (mm(x), mm(h))], false, if (x as i32) % 50 == 0 { 0.4 } else { 0.1 });
            x += 10.0;
        }
        let mut y = 10.0;
        while y < h {
            page.stroke(&[(0.0, mm(y)), (mm(w), mm(y))], false, if (y as i32) % 50 == 0 { 0.4 } else { 0.1 });
            y += 10.0;
        }
    }
    let intro = "TRANG CĂN CHỈNH PHÔI GIẤY KHEN: in trên giấy trắng, đặt chồng lên phôi, đo độ lệch (mm) của từng trường rồi lưu bằng lệnh «thidua certificate offset TÊN_TRƯỜNG --dx MM --dy MM».";
    // Near the bottom edge, clear of the fields' crosses and 15 mm inside the paper: most
    // printers cannot print the outer 4–5 mm.
    flow.place(
        &Para::text(11.0, Face::Bold, intro).centred(),
        &flow.lay(&Para::text(11.0, Face::Bold, intro).centred(), mm(w - 40.0)),
        mm(20.0),
        mm(h - 25.0),
    );
    for (name, label) in FIELDS {
        let (fx, fy, _, align) = default_place(name);
        let o = stock.offsets.get(name).copied().unwrap_or_default();
        let (cx, cy) = (fx * w + o.dx as f32 / 10.0, fy * h + o.dy as f32 / 10.0);
        {
            let (page, _) = flow.page();
            page.stroke(&[(mm(cx - 5.0), mm(cy)), (mm(cx + 5.0), mm(cy))], false, 0.8);
            page.stroke(&[(mm(cx), mm(cy - 5.0)), (mm(cx), mm(cy + 5.0))], false, 0.8);
        }
        let anchor = if align == Align::Centre { "giữa" } else { "trái" };
        let text = format!(
            "{name} – {label} ({anchor}): x = {:.1} mm, y = {:.1} mm; độ lệch {:.1}, {:.1}",
            cx,
            cy,
            o.dx as f32 / 10.0,
            o.dy as f32 / 10.0
        );
        let p = Para::text(10.0, Face::Regular, &text);
        let laid = flow.lay(&p, mm((w - cx - 6.0).clamp(40.0, 150.0)));
        flow.place(&p, &laid, mm(cx + 2.0), mm(cy + 1.0));
    }
    flow.finish("Trang căn chỉnh phôi Giấy khen")
}
