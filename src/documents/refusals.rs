//! The notice to a unit whose dossier was not accepted (R7: every refusal is told to the unit
//! with its reasons), one per refused dossier, issued by the council's standing body.

use super::layout::{Face, Flow, Para, Sheet};
use super::parts::{body, header, plan_reference, signature, titled, upper, Header};
use crate::error::{Error, Result};
use crate::model::{Campaign, Nomination, NomineeKind, Status};
use crate::vn::vietnam_offset;

/// One notice per refused dossier, each numbered apart.
pub fn refusal_notices(campaign: &Campaign, nominations: &[Nomination]) -> Result<Vec<u8>> {
    let refused: Vec<&Nomination> = nominations.iter().filter(|n| n.status == Status::Refused).collect();
    if refused.is_empty() {
        return Err(Error::Document("không có hồ sơ nào bị từ chối".into()));
    }
    let mut flow = Flow::new(Sheet::A4)?;
    for (i, n) in refused.iter().enumerate() {
        if i > 0 {
            flow.new_section();
        }
        notice(&mut flow, campaign, n);
    }
    flow.finish("Thông báo hồ sơ không được tiếp nhận")
}

fn notice(flow: &mut Flow, campaign: &Campaign, n: &Nomination) {
    let s = &campaign.settings;
    let year = campaign.deadline.with_timezone(&vietnam_offset()).format("%Y").to_string();
    let b = super::blank(7);
    let number = if s.decision.notice_symbol.is_empty() {
        format!("Số:{b}")
    } else {
        format!("Số:{b}/{}", s.decision.notice_symbol)
    };
    let place_date = format!("{}, ngày{b}tháng{b}năm {year}", s.issuer.place);
    header(
        flow,
        &Header {
            parent: Some(&s.issuer.name),
            body: &s.issuer.standing_body,
            number: &number,
            place_date: &place_date,
        },
    );
    flow.skip(14.0);
    titled(
        flow,
        &[
            Para::text(14.0, Face::Bold, "THÔNG BÁO").centred(),
            Para::text(14.0, Face::Bold, "Kết quả thẩm định hồ sơ đề nghị khen thưởng").centred(),
        ],
        40.0,
    );
    flow.para(
        &Para::text(14.0, Face::Regular, &format!("Kính gửi: {}.", n.unit_forms.addressee)).centred().space(0.0, 8.0),
    );
    let award = s.awards.first().map_or_else(String::new, |a| format!(" {}", a.name));
    let nominee = match n.kind {
        NomineeKind::Individual => format!("cá nhân {}", n.name),
        NomineeKind::Collective => format!("tập thể {}", n.name),
    };
    // With its seconds, as the reasons compare it with the deadline to the second (R5).
    let at = n.submitted_at.with_timezone(&vietnam_offset()).format("%H:%M:%S ngày %d/%m/%Y");
    let intro = format!(
        "Thực hiện {}, {} đã thẩm định hồ sơ đề nghị tặng{award} cho {nominee} do {} gửi lúc {at}. Hồ sơ không được tiếp nhận vì:",
        plan_reference(campaign),
        s.issuer.standing_body,
        n.unit_forms.addressee,
    );
    flow.para(&body(&[(Face::Regular, &intro)]));
    for r in &n.refusals {
        let note = r.note.trim().trim_end_matches('.');
        let line = if note.is_empty() {
            format!("- {}.", r.reason.label())
        } else {
            format!("- {}: {note}.", r.reason.label())
        };
        flow.para(&body(&[(Face::Regular, &line)]));
    }
    let close = format!("{} thông báo để {} được biết./.", s.issuer.standing_body, n.unit_forms.addressee);
    flow.para(&body(&[(Face::Regular, &close)]));
    let mut signer = s.decision.notice_signer.clone();
    signer.title = upper(&signer.title);
    signature(flow, &["Như trên".to_string(), "Lưu: VT".to_string()], &signer);
}
