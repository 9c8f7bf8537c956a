//! The award decision (Quyết định tặng Giấy khen, Decree 30/2020/NĐ-CP Appendix III) and its
//! annex list (Danh sách kèm theo), as a draft for signature or numbered and dated.

use super::layout::{mm, Align, Column, Face, Flow, Para, Row, Sheet, Table};
use super::parts::{
    body_sized as body, campaign_quoted, header, plan_reference, signature, signature_height, titled, upper, Header,
};
use super::DecisionData;
use crate::error::Result;
use crate::model::NomineeKind;
use crate::vn::{amount_in_words, format_dong, short_date};

/// Size of the legal bases and articles (Decree 30/2020 allows 13–14).
const BODY: f32 = 13.0;

/// The decision followed by its annex, which is numbered apart.
pub fn decision(data: &DecisionData) -> Result<Vec<u8>> {
    let mut flow = Flow::new(Sheet::A4)?;
    write_decision(&mut flow, data);
    flow.new_section();
    write_annex(&mut flow, data);
    flow.finish("Quyết định")
}

/// The annex alone.
pub fn annex(data: &DecisionData) -> Result<Vec<u8>> {
    let mut flow = Flow::new(Sheet::A4)?;
    write_annex(&mut flow, data);
    flow.finish("Danh sách kèm theo Quyết định")
}

fn bonus_sentence(data: &DecisionData) -> String {
    let c = data.count(NomineeKind::Collective);
    let i = data.count(NomineeKind::Individual);
    let award = data.award_short();
    let each = |who: &str, a: i64| {
        format!("mỗi {who} được tặng {award} kèm theo tiền thưởng {} đồng ({})", format_dong(a), amount_in_words(a))
    };
    let mut parts = Vec::new();
    if c > 0 {
        parts.push(each("tập thể", data.collective_bonus.amount));
    }
    if i > 0 {
        parts.push(each("cá nhân", data.individual_bonus.amount));
    }
    let mut s = parts.join("; ");
    if let Some(first) = s.get(..1) {
        s = format!("{}{}", first.to_uppercase(), &s[1..]);
    }
    let total = data.total();
    let salary = &data.individual_bonus.salary;
    format!(
        "{s}. Tổng số tiền thưởng là {} đồng ({}), tính theo mức lương cơ sở {} đồng áp dụng từ ngày {}{}.",
        format_dong(total),
        amount_in_words(total),
        format_dong(salary.amount),
        short_date(salary.from),
        if salary.source.is_empty() { String::new() } else { format!(" ({})", salary.source) },
    )
}

fn write_decision(flow: &mut Flow, data: &DecisionData) {
    let s = &data.campaign.settings;
    let number = format!("Số: {}", data.number());
    let place_date = format!("{}, {}", s.issuer.place, data.long_date());
    header(
        flow,
        &Header { parent: s.issuer.parent.as_deref(), body: &s.issuer.name, number: &number, place_date: &place_date },
    );
    flow.skip(14.0);
    let subject = format!(
        "Về việc tặng {} cho các tập thể, cá nhân đã có thành tích xuất sắc trong {}",
        data.award_short(),
        campaign_quoted(&data.campaign)
    );
    titled(
        flow,
        &[
            Para::text(14.0, Face::Bold, "QUYẾT ĐỊNH").centred(),
            Para::text(14.0, Face::Bold, &subject).centred().leading(1.15),
        ],
        40.0,
    );
    flow.para(&Para::text(14.0, Face::Bold, &upper(&s.issuer.authority)).centred().balanced().space(6.0, 6.0));

    let italic = |t: &str| {
        Para::text(BODY, Face::Italic, t).align(Align::Justify).indent(mm(10.0)).leading(1.15).space(0.0, 2.0)
    };
    let mut bases = data.legal_bases();
    bases.push(format!("Căn cứ {}", plan_reference(&data.campaign)));
    for b in &bases {
        flow.para(&italic(&format!("{};", b.trim_end_matches(['.', ';']))));
    }
    if !s.decision.proposer.is_empty() {
        flow.para(&italic(&format!("Theo đề nghị của {}.", s.decision.proposer)));
    }
    flow.para(&Para::text(14.0, Face::Bold, "QUYẾT ĐỊNH:").centred().space(6.0, 6.0));

    let c = data.count(NomineeKind::Collective);
    let i = data.count(NomineeKind::Individual);
    let whom = match (c, i) {
        (0, i) => format!("{i:02} cá nhân"),
        (c, 0) => format!("{c:02} tập thể"),
        (c, i) => format!("{c:02} tập thể và {i:02} cá nhân"),
    };
    let art1 = format!(
        " Tặng {} cho {whom} đã có thành tích xuất sắc trong {} (có danh sách kèm theo).",
        data.award_name(),
        campaign_quoted(&data.campaign)
    );
    flow.para(&body(BODY, &[(Face::Bold, "Điều 1."), (Face::Regular, &art1)]));
    flow.para(&body(BODY, &[(Face::Regular, &bonus_sentence(data))]));
    let funding = if s.decision.funding.is_empty() {
        String::new()
    } else {
        format!(" Tiền thưởng được chi từ {}.", s.decision.funding)
    };
    let art2 = format!(" Quyết định này có hiệu lực kể từ ngày ký.{funding}");
    flow.para(&body(BODY, &[(Face::Bold, "Điều 2."), (Face::Regular, &art2)]));
    let executors =
        if s.decision.executors.is_empty() { String::new() } else { format!("{} và ", s.decision.executors) };
    let art3 =
        format!(" {executors}các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.");
    let art3 = {
        let mut t = art3;
        if let Some(first) = t.get(1..2) {
            t = format!(" {}{}", first.to_uppercase(), &t[2..]);
        }
        t
    };
    // The last lines of the last article go with the signature: a page never holds the
    // signature alone, and the article's first lines may stay on the page before.
    let art3 = body(BODY, &[(Face::Bold, "Điều 3."), (Face::Regular, &art3)]);
    let then = 6.0 + signature_height(flow, &s.decision.recipients, &data.signer);
    flow.para_with_tail(&art3, ARTICLE_TAIL_LINES, then);
    signature(flow, &s.decision.recipients, &data.signer);
}

/// How many of the last article's lines stay on the signature's page.
const ARTICLE_TAIL_LINES: usize = 2;

fn write_annex(flow: &mut Flow, data: &DecisionData) {
    let s = &data.campaign.settings;
    flow.para(&Para::text(14.0, Face::Bold, "DANH SÁCH").centred());
    let title = format!("TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG {}", upper(&data.award_name()));
    flow.para(&Para::text(14.0, Face::Bold, &title).centred().balanced());
    let reference =
        format!("(Kèm theo Quyết định số {} ngày {} của {})", data.number(), data.short_date(), s.issuer.authority);
    titled(flow, &[Para::text(14.0, Face::Italic, &reference).centred().balanced()], 40.0);
    flow.skip(6.0);
    let mut rows = Vec::new();
    let mut n = 0;
    // Groups are numbered as they appear: an annex of individuals only starts at «I.».
    let mut romans = ["I", "II"].into_iter();
    for (kind, label) in [(NomineeKind::Collective, "TẬP THỂ"), (NomineeKind::Individual, "CÁ NHÂN")] {
        let count = data.count(kind);
        if count == 0 {
            continue;
        }
        let roman = romans.next().unwrap_or_default();
        rows.push(Row::Group(format!("{roman}. {label} ({count:02})")));
        for a in data.awardees.iter().filter(|a| a.kind == kind) {
            n += 1;
            rows.push(Row::Cells(vec![n.to_string(), a.addressed(), a.position_and_unit()]));
        }
    }
    flow.table(&Table {
        columns: vec![
            Column::new("STT", 1.2, Align::Centre),
            Column::new("Tên tập thể, họ và tên cá nhân", 4.4, Align::Left),
            Column::new("Chức vụ, đơn vị công tác", 5.4, Align::Left),
        ],
        rows,
        size: 13.0,
        min_row: 0.0,
    });
}
