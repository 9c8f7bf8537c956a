//! The minutes of the council meeting (Biên bản họp Hội đồng Thi đua - Khen thưởng), on the
//! generic minutes layout of Decree 30/2020/NĐ-CP Appendix III (Form 1.9): time and place,
//! attendance and quorum, the results of scoring and voting, the Giấy khen list, the provincial
//! shortlist (R8) with the council's reasons, and the secretary's and the chair's signatures.

use super::council_record::{share_text, CouncilRecord, ResultRow};
use super::layout::{mm, Align, Column, Face, Flow, Laid, Para, Row, Sheet, Table};
use super::parts::{
    body_sized, campaign_quoted, header, recipients_below, titled, two_signatures, Header, TWO_SIGNATURES_HEIGHT,
};
use super::{blank, giay_khen_name, short_award};
use crate::error::Result;
use crate::model::{CouncilMember, NomineeKind};
use crate::vn::long_date;

/// Size of the minutes' text (Decree 30/2020 allows 13–14).
const BODY: f32 = 13.0;

/// The minutes of the campaign's latest council meeting.
pub fn minutes(record: &CouncilRecord) -> Result<Vec<u8>> {
    let mut flow = Flow::new(Sheet::A4)?;
    write(&mut flow, record);
    flow.finish("Biên bản họp Hội đồng Thi đua - Khen thưởng")
}

fn para(runs: &[(Face, &str)]) -> Para {
    body_sized(BODY, runs).space(0.0, 3.0)
}

fn heading(text: &str) -> Para {
    para(&[(Face::Bold, text)]).space(4.0, 3.0)
}

/// "Hà Kim Oanh, Phó Chủ tịch UBND huyện, Chủ tịch Hội đồng".
fn member_line(m: &CouncilMember) -> String {
    match &m.position {
        Some(p) => format!("{}, {p}, {}", m.name, m.role.label()),
        None => format!("{}, {}", m.name, m.role.label()),
    }
}

fn write(flow: &mut Flow, r: &CouncilRecord) {
    let s = &r.campaign.settings;
    let symbol = if s.council.minutes_symbol.is_empty() { "BB" } else { &s.council.minutes_symbol };
    let number = format!("Số: {}/{symbol}", blank(8));
    header(flow, &Header { parent: Some(&s.issuer.name), body: &s.council.name, number: &number, place_date: "" });
    flow.skip(10.0);
    let subject = format!("Họp {} xét khen thưởng {}", s.council.name, campaign_quoted(&r.campaign));
    titled(
        flow,
        &[
            Para::text(14.0, Face::Bold, "BIÊN BẢN").centred(),
            Para::text(14.0, Face::Bold, &subject).centred().leading(1.15),
        ],
        40.0,
    );

    let time = format!(" {}, {}.", hour(r.meeting.started), long_date(r.meeting.date));
    flow.para(&para(&[(Face::Bold, "Thời gian bắt đầu:"), (Face::Regular, &time)]));
    let place = r.meeting.place.clone().unwrap_or_else(|| ".".repeat(50));
    flow.para(&para(&[(Face::Bold, "Địa điểm:"), (Face::Regular, &format!(" {place}."))]));
    attendance(flow, r);
    quorum(flow, r);

    flow.para(&heading("Nội dung cuộc họp:"));
    appraisal(flow, r);
    results(flow, r);
    giay_khen(flow, r);
    shortlist(flow, r);

    let closing = format!(
        "Cuộc họp kết thúc vào hồi {} cùng ngày. Biên bản đã được đọc lại trước cuộc họp và \
         các thành viên dự họp thống nhất thông qua./.",
        hour(r.meeting.ended)
    );
    // The closing line goes with the signatures: a page never holds them alone.
    let closing = para(&[(Face::Regular, &closing)]).space(4.0, 3.0);
    let height = Flow::height(&closing, &flow.lay(&closing, flow.width())) + closing.before + closing.after;
    flow.keep(height + 6.0 + TWO_SIGNATURES_HEIGHT);
    flow.para(&closing);
    let name = |m: Option<&CouncilMember>| m.map(|m| m.name.clone());
    let (secretary, chair) = (name(r.secretary()), name(r.chair()));
    two_signatures(flow, ("Thư ký", secretary.as_deref()), ("Chủ tọa", chair.as_deref()));
    recipients_below(flow, &s.council.minutes_recipients);
}

fn attendance(flow: &mut Flow, r: &CouncilRecord) {
    let present = r.present();
    flow.para(&para(&[(Face::Bold, "Thành phần tham dự:")]));
    let chair = r.chair().map_or_else(|| ".".repeat(40), member_line);
    flow.para(&para(&[(Face::Regular, &format!("- Chủ trì (chủ tọa): {chair}."))]));
    let secretary = r.secretary().map_or_else(|| ".".repeat(40), member_line);
    flow.para(&para(&[(Face::Regular, &format!("- Thư ký (người ghi biên bản): {secretary}."))]));
    let count = format!("- Thành viên Hội đồng có mặt: {:02}/{:02} thành viên, gồm:", present.len(), r.members.len());
    flow.para(&para(&[(Face::Regular, &count)]));
    let n = present.len();
    for (i, m) in present.iter().enumerate() {
        let end = if i + 1 == n { "." } else { ";" };
        flow.para(&para(&[(Face::Regular, &format!("+ {}{end}", member_line(m)))]));
    }
    let absent = r.absent();
    let absent = if absent.is_empty() {
        "không.".to_string()
    } else {
        format!(
            "{:02} thành viên, gồm {}.",
            absent.len(),
            absent.iter().map(|m| member_line(m)).collect::<Vec<_>>().join("; ")
        )
    };
    flow.para(&para(&[(Face::Regular, &format!("- Vắng mặt: {absent}"))]));
}

fn quorum(flow: &mut Flow, r: &CouncilRecord) {
    let rule = format!(
        "ít nhất {} tổng số thành viên Hội đồng, tức {:02} thành viên, theo quy chế hoạt động của Hội đồng",
        share_text(r.rules.quorum),
        r.quorum_needed
    );
    let count = format!("{:02}/{:02}", r.meeting.present.len(), r.members.len());
    if r.quorum_met {
        let text = format!("Số thành viên dự họp là {count}, đủ số lượng ({rule}). Cuộc họp đủ điều kiện tiến hành.");
        flow.para(&para(&[(Face::Regular, &text)]));
    } else {
        let text = format!("Số thành viên dự họp là {count}, không đủ số lượng ({rule}). ");
        let verdict = "Cuộc họp không đủ điều kiện tiến hành; các kết quả ghi dưới đây không có giá trị để đề nghị \
                       khen thưởng.";
        flow.para(&para(&[(Face::Regular, &text), (Face::Bold, verdict)]));
    }
}

fn appraisal(flow: &mut Flow, r: &CouncilRecord) {
    let c = r.awardees.iter().filter(|a| a.kind == NomineeKind::Collective).count();
    let i = r.awardees.len() - c;
    let text = format!(
        " {}, cơ quan thường trực Hội đồng, báo cáo kết quả tiếp nhận và thẩm định hồ sơ: đã nhận {:02} hồ sơ đề \
         nghị, trong đó {:02} hồ sơ thẩm định đạt ({c:02} tập thể, {i:02} cá nhân).",
        r.campaign.settings.issuer.standing_body,
        r.received,
        r.awardees.len()
    );
    flow.para(&para(&[(Face::Bold, "1. Kết quả thẩm định hồ sơ."), (Face::Regular, &text)]));
}

fn results(flow: &mut Flow, r: &CouncilRecord) {
    let drop = if r.rules.drop_extremes {
        ", bỏ điểm cao nhất và thấp nhất khi có từ 05 phiếu trở lên"
    } else {
        ""
    };
    let sheets = match r.complete_sheets {
        0 => "chưa có phiếu chấm đầy đủ nào để tính điểm trung bình".to_string(),
        n => format!("điểm trung bình tính trên {n:02} phiếu chấm đầy đủ{drop}"),
    };
    let text = format!(
        " Các thành viên có mặt chấm điểm theo tiêu chí của Kế hoạch; {sheets}; hồ sơ bằng điểm xếp đồng hạng. \
         Biểu quyết đạt khi có trên {} tổng số thành viên Hội đồng đồng ý (ít nhất {:02}/{:02} phiếu).",
        share_text(r.rules.vote_threshold),
        r.votes_needed(),
        r.members.len()
    );
    flow.para(&para(&[(Face::Bold, "2. Kết quả chấm điểm và biểu quyết."), (Face::Regular, &text)]));
    if !r.incomplete_sheets.is_empty() {
        let list: Vec<String> = r
            .incomplete_sheets
            .iter()
            .map(|(name, missing)| {
                if *missing >= r.cells_per_sheet {
                    format!("{name} (không nộp phiếu)")
                } else {
                    format!("{name} (thiếu {missing}/{} ô)", r.cells_per_sheet)
                }
            })
            .collect();
        let text = format!("Phiếu chấm không được tính: {}.", list.join("; "));
        flow.para(&para(&[(Face::Regular, &text)]));
    }
    if !r.by_phone.is_empty() {
        let mut text =
            format!("Phiếu chấm của {} gửi từ điện thoại qua mạng nội bộ của phòng họp", r.by_phone.join(", "));
        if !r.from_paper.is_empty() {
            let typed: Vec<String> = r
                .from_paper
                .iter()
                .map(|(m, who)| if who.is_empty() { m.clone() } else { format!("{m} (do {who} nhập)") })
                .collect();
            text.push_str(&format!("; phiếu giấy của {} được nhập vào máy", typed.join(", ")));
        }
        text.push('.');
        flow.para(&para(&[(Face::Regular, &text)]));
    }
    if !r.recusals.is_empty() {
        let list: Vec<String> =
            r.recusals.iter().map(|(m, n, who)| format!("{m} đối với hồ sơ số {n} ({who})")).collect();
        let text = format!(
            "Không tham gia chấm điểm, biểu quyết do có liên quan đến đơn vị của hồ sơ: {}. Với các hồ sơ này, \
             tỷ lệ có mặt và tỷ lệ biểu quyết được tính trên các thành viên còn lại.",
            list.join("; ")
        );
        flow.para(&para(&[(Face::Regular, &text)]));
    }
    // The ballots are on proposing each nominee to the higher level, not on the Giấy khen.
    let about = "Phiếu biểu quyết là về việc đề nghị cấp trên khen thưởng; cột «Kết quả» ghi số phiếu đồng ý \
                 có đủ tỷ lệ để đề nghị hay không.";
    flow.para(&para(&[(Face::Italic, about)]));
    flow.skip(2.0);
    flow.table(&results_table(&r.rows));
    flow.skip(6.0);
    spread_chart(flow, r);
}

/// The members' totals per nominee as a chart drawn in vectors: a bar to the average, a line from
/// the lowest to the highest total with a tick for each member, and the disagreement flagged when
/// it passes the council's threshold, so that it is discussed before voting.
fn spread_chart(flow: &mut Flow, r: &CouncilRecord) {
    let rows: Vec<&ResultRow> = r.rows.iter().filter(|row| !row.totals.is_empty()).collect();
    if rows.is_empty() {
        return;
    }
    let pitch = mm(7.0);
    let intro = format!(
        "Biểu đồ điểm của từng thành viên (vạch đứng: tổng điểm của một thành viên; thanh: điểm trung bình). \
         Hồ sơ có chênh lệch giữa điểm cao nhất và thấp nhất trên {} điểm được đánh dấu để Hội đồng thảo luận \
         trước khi biểu quyết.",
        crate::council::format_points(r.rules.disagreement_half_points)
    );
    let intro = Para::text(12.0, Face::Italic, &intro).align(super::layout::Align::Justify).leading(1.15);
    let laid = flow.lay(&intro, flow.width());
    flow.keep(Flow::height(&intro, &laid) + pitch * (rows.len() as f32 + 1.5));
    flow.para(&intro);
    flow.skip(4.0);
    let (x, w) = (flow.left(), flow.width());
    let (label_w, note_w) = (mm(48.0), mm(40.0));
    let (x0, x1) = (x + label_w, x + w - note_w);
    let scale_max = rows.iter().map(|row| rubric_total(r, row)).max().unwrap_or(200).max(1) as f32;
    let at = |half: i64| x0 + (x1 - x0) * half as f32 / scale_max;
    // The scale: 0, a quarter, … the rubric's total.
    let top = flow.y;
    for q in 0..=4 {
        let half = (scale_max as i64) * q / 4;
        let p = Para::text(9.0, Face::Regular, &crate::council::format_points(half)).centred();
        let laid = flow.lay(&p, mm(14.0));
        flow.place(&p, &laid, at(half) - mm(7.0), top);
        let (page, _) = flow.page();
        page.stroke(&[(at(half), top + mm(4.0)), (at(half), top + mm(5.0) + pitch * rows.len() as f32)], false, 0.2);
    }
    let mut y = top + mm(5.0);
    for row in rows {
        let label = format!("{}. {}", row.id, row.nominee.name);
        let p = Para::text(10.0, Face::Regular, &crate::vn::text::prefix(&label, 34));
        let laid = flow.lay(&p, label_w - mm(2.0));
        flow.place(&p, &Laid { lines: laid.lines.into_iter().take(1).collect(), width: laid.width }, x, y + mm(1.2));
        let mid = y + pitch / 2.0;
        let (lo, hi) = (row.totals[0], row.totals[row.totals.len() - 1]);
        let avg = row.average.map_or(0.0, |a| a.sum as f32 / a.count.max(1) as f32);
        {
            let (page, _) = flow.page();
            // The bar to the average.
            let bar_right = x0 + (x1 - x0) * avg / scale_max;
            page.frame(x0, mid - mm(1.2), (bar_right - x0).max(0.5), mm(2.4), 0.6);
            // The spread, and each member's total.
            page.stroke(&[(at(lo), mid), (at(hi), mid)], false, 1.2);
            for t in &row.totals {
                page.stroke(&[(at(*t), mid - mm(2.2)), (at(*t), mid + mm(2.2))], false, 0.8);
            }
        }
        let spread = hi - lo;
        let (face, note) = if spread > r.rules.disagreement_half_points {
            (Face::Bold, format!("chênh {} điểm: thảo luận", crate::council::format_points(spread)))
        } else {
            (Face::Regular, format!("chênh {} điểm", crate::council::format_points(spread)))
        };
        let p = Para::text(9.5, face, &note);
        let laid = flow.lay(&p, note_w - mm(2.0));
        flow.place(&p, &laid, x1 + mm(2.0), y + mm(1.4));
        y += pitch;
    }
    flow.y = y + mm(3.0);
}

/// The most a nominee of this row's kind can score, in half-points.
fn rubric_total(r: &CouncilRecord, row: &ResultRow) -> i64 {
    r.campaign.criteria.for_kind(row.nominee.kind).iter().map(|c| c.max_half_points).sum()
}

fn rank_text(row: &ResultRow) -> String {
    match (row.rank, row.tied) {
        (Some(n), true) => format!("{n}, đồng hạng"),
        (Some(n), false) => n.to_string(),
        (None, _) => "-".into(),
    }
}

fn results_table(rows: &[ResultRow]) -> Table {
    let dash = || "-".to_string();
    let cells = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let a = &row.nominee;
            let (votes, passed) = match row.votes {
                Some((v, ok)) => (
                    [v.agree.to_string(), v.disagree.to_string(), v.blank.to_string()],
                    if ok { "Đủ tỷ lệ" } else { "Không đủ tỷ lệ" }.to_string(),
                ),
                None => ([dash(), dash(), dash()], "Chưa biểu quyết".into()),
            };
            let [agree, disagree, blank] = votes;
            Row::Cells(vec![
                (i + 1).to_string(),
                a.addressed(),
                a.unit.clone(),
                row.average.map_or_else(dash, |v| v.text()),
                rank_text(row),
                agree,
                disagree,
                blank,
                passed,
            ])
        })
        .collect();
    Table {
        columns: vec![
            // The kind shows in the name («Ông», «Bà», or a collective's name), so it takes no
            // column: the table keeps to 12 pt (Decree 30/2020 lets tables go down to 12).
            Column::new("STT", 1.2, Align::Centre),
            Column::new("Tập thể, cá nhân", 3.8, Align::Left),
            Column::new("Đơn vị", 2.5, Align::Left),
            Column::new("Điểm TB", 1.6, Align::Centre),
            Column::new("Xếp hạng", 1.7, Align::Centre),
            Column::new("Đồng ý", 1.8, Align::Centre),
            Column::new("Không đồng ý", 1.6, Align::Centre),
            Column::new("Phiếu trắng", 1.6, Align::Centre),
            Column::new("Kết quả", 1.9, Align::Centre),
        ],
        rows: cells,
        size: 12.0,
        min_row: 0.0,
    }
}

fn giay_khen(flow: &mut Flow, r: &CouncilRecord) {
    let s = &r.campaign.settings;
    let award = giay_khen_name(&r.campaign);
    let count = |k: NomineeKind| r.awardees.iter().filter(|a| a.kind == k).count();
    let counts = match (count(NomineeKind::Collective), count(NomineeKind::Individual)) {
        (0, i) => format!("{i:02} cá nhân"),
        (c, 0) => format!("{c:02} tập thể"),
        (c, i) => format!("{c:02} tập thể, {i:02} cá nhân"),
    };
    let text = format!(" Các tập thể, cá nhân đề nghị {} tặng {award} ({counts}):", s.issuer.authority);
    let title = format!("3. Danh sách đề nghị tặng {}.", short_award(&award));
    flow.para(&para(&[(Face::Bold, &title), (Face::Regular, &text)]));
    let n = r.awardees.len();
    for (i, a) in r.awardees.iter().enumerate() {
        let end = if i + 1 == n { "." } else { ";" };
        let detail = a.position_and_unit();
        let line = if detail.is_empty() {
            format!("{}. {}{end}", i + 1, a.addressed())
        } else {
            format!("{}. {}, {detail}{end}", i + 1, a.addressed())
        };
        flow.para(&para(&[(Face::Regular, &line)]));
    }
}

fn shortlist(flow: &mut Flow, r: &CouncilRecord) {
    let Some((award, max)) = r.higher_award() else { return };
    let title = format!("4. Danh sách đề nghị tặng {}.", short_award(award));
    if r.shortlist.is_empty() {
        let text = format!(" Hội đồng không lựa chọn tập thể, cá nhân nào để đề nghị tặng {award}.");
        flow.para(&para(&[(Face::Bold, &title), (Face::Regular, &text)]));
        return;
    }
    let text = format!(
        " Hội đồng lựa chọn {:02} tập thể, cá nhân (tối đa {max:02}) tiêu biểu, xuất sắc trong số được đề nghị tặng \
         {} để đề nghị tặng {award}:",
        r.shortlist.len(),
        short_award(&giay_khen_name(&r.campaign)),
    );
    flow.para(&para(&[(Face::Bold, &title), (Face::Regular, &text)]));
    for (i, s) in r.shortlist.iter().enumerate() {
        let a = &s.row.nominee;
        let detail = a.position_and_unit();
        let who = if detail.is_empty() { a.addressed() } else { format!("{}, {detail}", a.addressed()) };
        let score = match (s.row.average, s.row.rank) {
            (Some(avg), Some(_)) => format!(" (điểm trung bình {}, xếp hạng {})", avg.text(), rank_text(&s.row)),
            _ => String::new(),
        };
        let mut runs = vec![(Face::Regular, format!("{}. {who}{score}.", i + 1))];
        if let Some(reason) = &s.entry.reason {
            runs.push((Face::Italic, format!(" Lý do Hội đồng lựa chọn: {}.", reason.trim_end_matches('.'))));
        }
        let runs: Vec<(Face, &str)> = runs.iter().map(|(f, t)| (*f, t.as_str())).collect();
        flow.para(&para(&runs));
    }
}

/// "14 giờ 00 phút", or dotted blanks to write the hour in when it was not noted.
fn hour(at: Option<chrono::NaiveTime>) -> String {
    use chrono::Timelike;
    match at {
        Some(t) => format!("{:02} giờ {:02} phút", t.hour(), t.minute()),
        None => format!("{b} giờ {b} phút", b = blank(6)),
    }
}
