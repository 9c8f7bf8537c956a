//! The decision's geometry read back from the PDF with `pdftotext -bbox`, against Decree 30/2020
//! as DOMAIN.md gives it: A4, margins 20 mm top and bottom, 30 mm left, 15 mm right; headings
//! centred; the first line of an article indented 1 cm; page numbers from page 2, centred in the
//! top margin; and a long table that repeats its header on every page.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
mod pdf;

use pdf::{line_of, pages, sample, words, write, PT_PER_MM};
use thidua::documents::layout::{Align, Column, Flow, Row, Sheet, Table};
use thidua::documents::{DocumentKind, PrintOptions};

const PAGE_W: f64 = 210.0 * PT_PER_MM;
const PAGE_H: f64 = 297.0 * PT_PER_MM;
const LEFT: f64 = 30.0 * PT_PER_MM;
const RIGHT: f64 = PAGE_W - 15.0 * PT_PER_MM;
const TOP: f64 = 20.0 * PT_PER_MM;
const BOTTOM: f64 = PAGE_H - 20.0 * PT_PER_MM;
const CENTRE: f64 = (LEFT + RIGHT) / 2.0;

fn centre(line: &[&pdf::Word]) -> f64 {
    (line.first().unwrap().x0 + line.last().unwrap().x1) / 2.0
}

#[test]
fn the_decision_keeps_decree_30_margins_and_centres_its_headings() {
    let dir = tempfile::tempdir().unwrap();
    let (store, campaign) = sample();
    let pdf = write(&store, &campaign, DocumentKind::Decision, &PrintOptions::default(), dir.path());
    let n = pages(&pdf);
    assert!(n >= 2);
    for page in 1..=n {
        for w in words(&pdf, page) {
            assert!(w.x0 >= LEFT - 0.5 && w.x1 <= RIGHT + 0.5, "page {page}: {w:?} outside the side margins");
            let page_number = w.y1 < TOP;
            assert!(page_number || (w.y0 >= TOP - 0.5 && w.y1 <= BOTTOM + 0.5), "page {page}: {w:?}");
            if page_number {
                assert!(page > 1, "page 1 shows no number");
                assert_eq!(w.text, page.to_string());
                assert!(((w.x0 + w.x1) / 2.0 - CENTRE).abs() < 1.0, "page number centred: {w:?}");
            }
        }
    }
    let p1 = words(&pdf, 1);
    // Justified lines reach both margins.
    assert!(p1.iter().any(|w| (w.x1 - RIGHT).abs() < 0.8), "no line reaches the right margin");
    assert!(p1.iter().any(|w| (w.x0 - LEFT).abs() < 0.8), "no line starts at the left margin");
    // The national title starts at the top margin, its motto is centred under it, both in the right column.
    let title: Vec<_> = line_of(&p1, "CỘNG").into_iter().filter(|w| w.x0 > PAGE_W * 0.4).collect();
    let motto: Vec<_> = line_of(&p1, "Độc").into_iter().filter(|w| w.x0 > PAGE_W * 0.4).collect();
    assert!((title[0].y0 - TOP).abs() < 6.0, "{:?}", title[0]);
    assert!((centre(&title) - centre(&motto)).abs() < 1.0);
    // "QUYẾT ĐỊNH" and "QUYẾT ĐỊNH:" are centred on the text area.
    let heads: Vec<_> = p1.iter().filter(|w| w.text == "QUYẾT").collect();
    assert_eq!(heads.len(), 2);
    for h in heads {
        let line: Vec<_> = p1.iter().filter(|o| (o.y0 - h.y0).abs() < 1.0).collect();
        assert!((centre(&line) - CENTRE).abs() < 1.0, "{line:?}");
    }
    // The number and the place-and-date share a line.
    let so = p1.iter().find(|w| w.text == "Số:").unwrap();
    let place = p1.iter().find(|w| w.text == "Bạch").unwrap();
    assert!((so.y1 - place.y1).abs() < 1.5);
    // "Nơi nhận:" is level with the signer's title, left and right (on the page that has them).
    let last = words(&pdf, n - 1).into_iter().chain(words(&pdf, n)).collect::<Vec<_>>();
    if let (Some(to), Some(kt)) = (last.iter().find(|w| w.text == "Nơi"), last.iter().find(|w| w.text == "KT.")) {
        assert!((to.y0 - kt.y0).abs() < 4.0 && to.x0 < CENTRE && kt.x0 > CENTRE, "{to:?} {kt:?}");
    } else {
        panic!("no recipients or signature block");
    }
    // Articles: "Điều 1." indented 1 cm.
    let art = p1.iter().find(|w| w.text == "Điều").unwrap();
    assert!((art.x0 - LEFT - 10.0 * PT_PER_MM).abs() < 0.5, "{art:?}");
}

#[test]
fn a_long_table_repeats_its_header_on_every_page() {
    let mut flow = Flow::new(Sheet::A4).unwrap();
    let rows = (1..=90)
        .map(|i| Row::Cells(vec![i.to_string(), format!("Nguyễn Văn Số {i}"), "Chuyên viên, Phòng Nội vụ".into()]))
        .collect();
    flow.table(&Table {
        columns: vec![
            Column::new("STT", 1.0, Align::Centre),
            Column::new("Họ và tên", 4.0, Align::Left),
            Column::new("Chức vụ, đơn vị", 5.0, Align::Left),
        ],
        rows,
        size: 13.0,
        min_row: 0.0,
    });
    let bytes = flow.finish("Bảng").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("t.pdf");
    std::fs::write(&pdf, bytes).unwrap();
    let n = pages(&pdf);
    assert!(n >= 3, "{n} pages");
    let mut rows_seen = 0;
    for page in 1..=n {
        let ws = words(&pdf, page);
        assert_eq!(ws.iter().filter(|w| w.text == "STT").count(), 1, "header on page {page}");
        assert!(ws.iter().all(|w| w.y1 <= BOTTOM + 0.5 || w.y1 < TOP));
        rows_seen += ws.iter().filter(|w| w.text == "Số").count();
    }
    assert_eq!(rows_seen, 90, "every row printed once");
    pdf::assert_qpdf_clean(&pdf);
}

#[test]
fn each_section_is_numbered_apart_from_its_second_page() {
    let mut flow = Flow::new(Sheet::A4).unwrap();
    let para = thidua::documents::layout::Para::text(14.0, thidua::documents::layout::Face::Regular, "Dòng chữ");
    for section in 0..2 {
        if section > 0 {
            flow.new_section();
        }
        for _ in 0..60 {
            flow.para(&para);
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("s.pdf");
    std::fs::write(&pdf, flow.finish("Hai phần").unwrap()).unwrap();
    assert_eq!(pages(&pdf), 4);
    let numbers: Vec<Vec<String>> =
        (1..=4).map(|p| words(&pdf, p).into_iter().filter(|w| w.y1 < TOP).map(|w| w.text).collect()).collect();
    assert_eq!(numbers, [vec![], vec!["2".to_string()], vec![], vec!["2".to_string()]]);
}
