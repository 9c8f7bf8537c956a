//! The proposal (Tờ trình) asking the higher level to give its award (the provincial Bằng khen)
//! to the nominees the council shortlisted (R8, at most 3), drafted for signature: header,
//! "Kính gửi", the bases (law, plan, the council's meeting), the request, a table of the
//! shortlisted with their achievements and averages, recipients and the signature.

use chrono::Datelike;

use super::council_record::CouncilRecord;
use super::layout::{mm, Align, Column, Face, Flow, Para, Row, Sheet, Table};
use super::parts::{body_sized, campaign_quoted, header, plan_reference, signature, signature_height, titled, Header};
use super::{blank, short_award};
use crate::error::{Error, Result};
use crate::model::{NomineeKind, Signer};
use crate::vn::long_date;

/// Size of the proposal's text (Decree 30/2020 allows 13–14).
const BODY: f32 = 13.0;

/// The proposal for the shortlisted nominees; refused while the shortlist is empty.
pub fn proposal(record: &CouncilRecord) -> Result<Vec<u8>> {
    let award = record.higher_award().map_or_else(|| "cấp trên".to_string(), |(a, _)| a.to_string());
    if record.shortlist.is_empty() {
        return Err(Error::EmptyShortlist { award });
    }
    let mut flow = Flow::new(Sheet::A4)?;
    write(&mut flow, record, &award);
    flow.finish("Tờ trình đề nghị khen thưởng")
}

fn para(text: &str) -> Para {
    body_sized(BODY, &[(Face::Regular, text)]).space(0.0, 4.0)
}

/// The signer of the proposal: its own when named, else the decision's; signing for the body
/// when the settings say so.
fn signer(record: &CouncilRecord) -> Signer {
    let s = &record.campaign.settings;
    let signer = if s.proposal.signer.name.trim().is_empty() { &s.decision.signer } else { &s.proposal.signer };
    Signer { for_body: s.proposal.signed_for.clone().filter(|t| !t.trim().is_empty()), ..signer.clone() }
}

fn write(flow: &mut Flow, r: &CouncilRecord, award: &str) {
    let s = &r.campaign.settings;
    let symbol = if s.proposal.symbol.is_empty() { "TTr" } else { &s.proposal.symbol };
    let number = format!("Số: {}/{symbol}", blank(8));
    let place_date = format!("{}, ngày{b}tháng{b}năm {}", s.issuer.place, r.meeting.date.year(), b = blank(7));
    header(
        flow,
        &Header { parent: s.issuer.parent.as_deref(), body: &s.issuer.name, number: &number, place_date: &place_date },
    );
    flow.skip(14.0);
    let subject = format!(
        "Về việc đề nghị tặng {award} cho các tập thể, cá nhân đã có thành tích xuất sắc trong {}",
        campaign_quoted(&r.campaign)
    );
    titled(
        flow,
        &[
            Para::text(14.0, Face::Bold, "TỜ TRÌNH").centred(),
            Para::text(14.0, Face::Bold, &subject).centred().leading(1.15),
        ],
        40.0,
    );
    addressees(flow, &s.proposal.addressees);

    // The proposal follows the meeting: a decree is cited as the one in force that day.
    let (written, _) = crate::model::bases_on(&s.proposal.legal_bases, &s.decision.decrees, r.meeting.date);
    let mut bases: Vec<String> = written.iter().map(|b| b.trim_end_matches(['.', ';']).to_string()).collect();
    bases.push(format!("Căn cứ {}", plan_reference(&r.campaign)));
    bases.push(format!("Căn cứ kết quả cuộc họp {} {}", s.council.name, long_date(r.meeting.date)));
    let n = bases.len();
    for (i, b) in bases.iter().enumerate() {
        flow.para(&para(&format!("{b}{}", if i + 1 == n { "," } else { ";" })));
    }

    let to = s.proposal.addressees.first().map_or("cấp có thẩm quyền", String::as_str);
    let c = r.shortlist.iter().filter(|e| e.row.nominee.kind == NomineeKind::Collective).count();
    let i = r.shortlist.len() - c;
    let whom = match (c, i) {
        (0, i) => format!("{i:02} cá nhân"),
        (c, 0) => format!("{c:02} tập thể"),
        (c, i) => format!("{c:02} tập thể và {i:02} cá nhân"),
    };
    let request = format!(
        "{} kính trình {to} xem xét, tặng {} cho {whom} đã có thành tích xuất sắc trong Đợt thi đua nêu trên, \
         cụ thể như sau:",
        s.issuer.name,
        short_award(award),
    );
    flow.para(&para(&request));
    flow.skip(2.0);
    flow.table(&table(r));
    flow.skip(8.0);

    flow.para(&para("(Có hồ sơ đề nghị khen thưởng kèm theo)."));
    let closing = para(&format!("{} kính trình {to} xem xét, quyết định./.", s.issuer.name));
    let signer = signer(r);
    let h = Flow::height(&closing, &flow.lay(&closing, flow.width())) + closing.after;
    flow.keep(h + 6.0 + signature_height(flow, &s.proposal.recipients, &signer));
    flow.para(&closing);
    signature(flow, &s.proposal.recipients, &signer);
}

/// "Kính gửi: …" centred for one addressee; a dashed list for several.
fn addressees(flow: &mut Flow, list: &[String]) {
    match list {
        [] => {}
        [one] => {
            let p = Para::new(14.0).run(Face::Regular, "Kính gửi: ").run(Face::Regular, &format!("{one}."));
            flow.para(&p.centred().space(0.0, 10.0));
        }
        many => {
            let x = flow.left() + mm(30.0);
            let w = flow.width() - mm(30.0);
            flow.para_in(&Para::text(14.0, Face::Regular, "Kính gửi:"), x, w);
            let n = many.len();
            for (i, a) in many.iter().enumerate() {
                let end = if i + 1 == n { "." } else { ";" };
                flow.para_in(&Para::text(14.0, Face::Regular, &format!("- {a}{end}")), x + mm(20.0), w - mm(20.0));
            }
            flow.skip(10.0);
        }
    }
}

fn table(r: &CouncilRecord) -> Table {
    let rows = r
        .shortlist
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let a = &e.row.nominee;
            Row::Cells(vec![
                (i + 1).to_string(),
                a.addressed(),
                a.position_and_unit(),
                e.row.summary.clone(),
                e.row.average.map_or_else(|| "-".into(), |v| v.text()),
            ])
        })
        .collect();
    Table {
        columns: vec![
            Column::new("STT", 0.9, Align::Centre),
            Column::new("Tên tập thể, họ và tên cá nhân", 3.0, Align::Left),
            Column::new("Chức vụ, đơn vị công tác", 3.0, Align::Left),
            Column::new("Tóm tắt thành tích", 5.0, Align::Left),
            Column::new("Điểm trung bình", 1.5, Align::Centre),
        ],
        rows,
        size: 12.0,
        min_row: 0.0,
    }
}
