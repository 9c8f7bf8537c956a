//! The parts every administrative document shares (Decree 30/2020/NĐ-CP, Appendix I): the
//! header with the national title, motto, issuing body, number and place-and-date, and the
//! bottom block with the recipients on the left and the signature on the right.

use super::layout::{mm, Align, Face, Flow, Para};
use crate::model::{Campaign, Signer};

/// What the header prints.
pub struct Header<'a> {
    pub parent: Option<&'a str>,
    pub body: &'a str,
    /// "Số: 25/QĐ-UBND".
    pub number: &'a str,
    /// "Bạch Thông, ngày 10 tháng 01 năm 2024".
    pub place_date: &'a str,
}

/// The national title and motto, in upper case as the decree writes them.
pub const NATIONAL_TITLE: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// Upper case in NFC ("Ủy ban" → "ỦY BAN").
pub fn upper(s: &str) -> String {
    crate::vn::nfc(&s.to_uppercase())
}

/// Share of the text width taken by the left column (issuing body, recipients).
const LEFT_SHARE: f32 = 0.4;

/// Draws the header from the top margin and leaves the flow under it.
pub fn header(flow: &mut Flow, h: &Header<'_>) {
    let top = flow.y;
    let (x, w) = (flow.left(), flow.width());
    let (lw, rw) = (w * LEFT_SHARE, w * (1.0 - LEFT_SHARE));
    let (lc, rc) = (x + lw / 2.0, x + lw + rw / 2.0);

    // Right column: national title, motto, and a rule as long as the motto.
    let title = Para::text(12.0, Face::Bold, NATIONAL_TITLE).centred().balanced();
    let laid = flow.lay(&title, rw);
    let mut ry = flow.place(&title, &laid, x + lw, top);
    let motto = Para::text(13.0, Face::Bold, MOTTO).centred();
    let laid = flow.lay(&motto, rw);
    ry = flow.place(&motto, &laid, x + lw, ry);
    flow.centred_rule(rc, laid.widest(), ry + 2.0);

    // Left column: parent body (regular), issuing body (bold) and a rule 40% of its width.
    let mut ly = top;
    if let Some(parent) = h.parent {
        let p = Para::text(12.0, Face::Regular, &upper(parent)).centred().balanced();
        let laid = flow.lay(&p, lw);
        ly = flow.place(&p, &laid, x, ly);
    }
    let body = Para::text(12.0, Face::Bold, &upper(h.body)).centred().balanced();
    let laid = flow.lay(&body, lw);
    ly = flow.place(&body, &laid, x, ly);
    flow.centred_rule(lc, laid.widest() * 0.4, ly + 2.0);

    // Number and place-and-date on one line, under their columns.
    let y = ly.max(ry) + 8.0;
    let number = Para::text(13.0, Face::Regular, h.number).centred();
    let laid = flow.lay(&number, lw);
    let end_l = flow.place(&number, &laid, x, y);
    let date = Para::text(13.0, Face::Italic, h.place_date).centred();
    let laid = flow.lay(&date, rw);
    let end_r = flow.place(&date, &laid, x + lw, y);
    flow.y = end_l.max(end_r);
}

/// A centred title with a short rule under it (as "Về việc …" takes).
pub fn titled(flow: &mut Flow, lines: &[Para], rule_mm: f32) {
    for p in lines {
        flow.para(p);
    }
    let centre = flow.left() + flow.width() / 2.0;
    let y = flow.y + 4.0;
    flow.centred_rule(centre, mm(rule_mm), y);
    flow.skip(6.0);
}

/// The bottom block: "Nơi nhận:" and its list on the left, level with the signer's title on the
/// right, a 30 mm space for signature and seal, and the signer's name. Kept on one page.
pub fn signature(flow: &mut Flow, recipients: &[String], signer: &Signer) {
    let (x, w) = (flow.left(), flow.width());
    let (lw, rw) = (w * 0.45, w * 0.55);
    let (left, right) = signature_paras(recipients, signer);
    let name = Para::text(14.0, Face::Bold, &signer.name).centred();
    let needed = signature_height(flow, recipients, signer);
    flow.skip(6.0);
    flow.keep(needed);
    let top = flow.y;
    let mut ly = top;
    for p in &left {
        let laid = flow.lay(p, lw);
        ly = flow.place(p, &laid, x, ly);
    }
    let mut ry = top;
    for p in &right {
        let laid = flow.lay(p, rw);
        ry = flow.place(p, &laid, x + lw, ry);
    }
    ry += mm(SIGNING_SPACE);
    let laid = flow.lay(&name, rw);
    ry = flow.place(&name, &laid, x + lw, ry);
    flow.y = ly.max(ry);
}

fn signature_paras(recipients: &[String], signer: &Signer) -> (Vec<Para>, Vec<Para>) {
    let right = signer.title_lines().iter().map(|t| Para::text(14.0, Face::Bold, &upper(t)).centred()).collect();
    (recipient_paras(recipients), right)
}

/// "Nơi nhận:" (12 bold italic) and its list (11 regular), the last item ending with a full stop.
fn recipient_paras(recipients: &[String]) -> Vec<Para> {
    let mut list: Vec<Para> = Vec::new();
    if !recipients.is_empty() {
        list.push(Para::text(12.0, Face::BoldItalic, "Nơi nhận:"));
        let n = recipients.len();
        for (i, r) in recipients.iter().enumerate() {
            let end = if i + 1 == n { "." } else { ";" };
            list.push(Para::text(11.0, Face::Regular, &format!("- {r}{end}")).leading(1.1));
        }
    }
    list
}

/// Height of the bottom block, so a document can keep its last paragraph with it.
pub fn signature_height(flow: &Flow, recipients: &[String], signer: &Signer) -> f32 {
    let w = flow.width();
    let (left, right) = signature_paras(recipients, signer);
    let height = |ps: &[Para], width: f32| -> f32 { ps.iter().map(|p| Flow::height(p, &flow.lay(p, width))).sum() };
    (height(&right, w * 0.55) + mm(SIGNING_SPACE) + 14.0 * 1.15).max(height(&left, w * 0.45)) + 6.0
}

/// Space left free for the signature and the seal, in millimetres.
const SIGNING_SPACE: f32 = 30.0;

/// A justified body paragraph: size 14, first line indented 1 cm, 6 pt after (Decree 30/2020).
pub fn body(runs: &[(Face, &str)]) -> Para {
    body_sized(14.0, runs)
}

/// A justified body paragraph of the given size.
pub fn body_sized(size: f32, runs: &[(Face, &str)]) -> Para {
    let mut p = Para::new(size).align(Align::Justify).indent(mm(10.0)).leading(1.2).space(0.0, 6.0);
    for (face, text) in runs {
        p = p.run(*face, text);
    }
    p
}

/// "Đợt thi đua “…”", as the plan names the campaign.
pub fn campaign_quoted(campaign: &Campaign) -> String {
    format!("Đợt thi đua “{}”", campaign.name)
}

/// "Kế hoạch số 12/KH-UBND ngày 05 tháng 10 năm 2023 của … về việc phát động Đợt thi đua “…”",
/// from the plan's settings; a plan without number or day leaves them blank as the plan does.
pub fn plan_reference(campaign: &Campaign) -> String {
    let s = &campaign.settings;
    let plan = &s.plan;
    let number = match &plan.number {
        Some(n) => format!("{n}/{}", plan.symbol),
        None => format!("{}/{}", super::blank(4), plan.symbol),
    };
    let date = match (plan.date, &plan.month) {
        (Some(d), _) => format!(" {}", crate::vn::long_date(d)),
        (None, Some(m)) => match m.split_once('-') {
            Some((y, mo)) => format!(" tháng {} năm {y}", mo.trim_start_matches('0')),
            None => String::new(),
        },
        (None, None) => String::new(),
    };
    format!("Kế hoạch số {number}{date} của {} về việc phát động {}", s.issuer.name, campaign_quoted(campaign))
}

/// Height of two signatures side by side (title, space, name), so minutes keep their closing
/// line with them.
pub const TWO_SIGNATURES_HEIGHT: f32 = 14.0 * 1.15 * 2.0 + SIGNING_SPACE * super::layout::PT_PER_MM + 6.0;

/// Two signatures side by side, as minutes end (Decree 30/2020 Appendix III, Form 1.9): each
/// a title, the space for the signature, and the name (a blank line when nobody is named).
/// Kept on one page.
pub fn two_signatures(flow: &mut Flow, left: (&str, Option<&str>), right: (&str, Option<&str>)) {
    let (x, w) = (flow.left(), flow.width());
    let half = w / 2.0;
    flow.skip(6.0);
    flow.keep(TWO_SIGNATURES_HEIGHT);
    let top = flow.y;
    let mut bottom = top;
    for (i, (title, name)) in [left, right].into_iter().enumerate() {
        let cx = x + half * i as f32;
        let t = Para::text(14.0, Face::Bold, &upper(title)).centred();
        let laid = flow.lay(&t, half);
        let y = flow.place(&t, &laid, cx, top) + mm(SIGNING_SPACE);
        let n = Para::text(14.0, Face::Bold, name.unwrap_or(&super::blank(1))).centred();
        let laid = flow.lay(&n, half);
        bottom = bottom.max(flow.place(&n, &laid, cx, y));
    }
    flow.y = bottom;
}

/// "Nơi nhận:" and its list alone, at the left (under signatures that take the full width).
pub fn recipients_below(flow: &mut Flow, recipients: &[String]) {
    let list = recipient_paras(recipients);
    let width = flow.width() * 0.45;
    let x = flow.left();
    flow.skip(8.0);
    for p in &list {
        flow.para_in(p, x, width);
    }
}
