//! Blank score sheets (Phiếu chấm điểm) for a council meeting held on paper: one per member,
//! listing the accepted nominees against the criteria of their kind with the maximum points.

use super::layout::{Align, Column, Face, Flow, Para, Row, Sheet, Table};
use super::parts::{campaign_quoted, titled, upper};
use super::{awardees_in, blank};
use crate::council::sheets::{columns, criterion_heading};
use crate::error::{Error, Result};
use crate::model::{Campaign, Criterion, Nomination, NomineeKind};

/// Points as the sheet writes them: "20", "7,5".
fn points(half: i64) -> String {
    if half % 2 == 0 {
        (half / 2).to_string()
    } else {
        format!("{},5", half / 2)
    }
}

/// A member a sheet is printed for: the name, the role in the council when it is known, and the
/// dossiers the member is recused for (left off the sheet).
pub type SheetMember = (String, Option<String>, Vec<crate::model::NominationId>);

/// One sheet per member; with no members, one sheet with a blank name line.
pub fn score_sheets(campaign: &Campaign, nominations: &[Nomination], members: &[SheetMember]) -> Result<Vec<u8>> {
    let list = awardees_in(nominations, campaign.settings.decision.annex_order);
    if list.is_empty() {
        return Err(Error::Document("chưa có hồ sơ nào được thẩm định đạt để chấm điểm".into()));
    }
    let names: Vec<Option<&SheetMember>> =
        if members.is_empty() { vec![None] } else { members.iter().map(Some).collect() };
    let mut flow = Flow::new(Sheet::A4)?;
    for (i, member) in names.iter().enumerate() {
        if i > 0 {
            flow.new_section();
        }
        sheet(&mut flow, campaign, &list, *member);
    }
    flow.finish("Phiếu chấm điểm")
}

fn sheet(flow: &mut Flow, campaign: &Campaign, list: &[super::Awardee], member: Option<&SheetMember>) {
    let s = &campaign.settings;
    flow.para(&Para::text(12.0, Face::Regular, &upper(&s.issuer.name)));
    flow.para(&Para::text(12.0, Face::Bold, &upper(&s.council.name)).space(0.0, 12.0));
    let award = s.awards.first().map_or_else(String::new, |a| format!(" {}", a.name));
    titled(
        flow,
        &[
            Para::text(14.0, Face::Bold, "PHIẾU CHẤM ĐIỂM").centred(),
            Para::text(14.0, Face::Italic, &format!("Xét tặng{award} trong {}", campaign_quoted(campaign))).centred(),
        ],
        40.0,
    );
    let name = member.map_or_else(|| ".".repeat(60), |(n, _, _)| crate::vn::normalise_name(n));
    flow.para(&Para::new(14.0).run(Face::Regular, "Họ và tên thành viên Hội đồng: ").run(Face::Bold, &name));
    if let Some((_, Some(role), _)) = member {
        flow.para(&Para::new(14.0).run(Face::Regular, "Chức danh trong Hội đồng: ").run(Face::Regular, role));
    }
    flow.para(
        &Para::text(
            12.0,
            Face::Italic,
            &format!(
                "Chấm điểm từng tiêu chí, không vượt quá số điểm tối đa ghi trong ngoặc. Khi nhập lại điểm, ghi «{}» \
                 và «{}» đúng như phiếu này in.",
                columns::NOMINATION,
                columns::CRITERION
            ),
        )
        .space(0.0, 8.0),
    );
    for (roman, kind, label) in [("I", NomineeKind::Collective, "TẬP THỂ"), ("II", NomineeKind::Individual, "CÁ NHÂN")]
    {
        let criteria = campaign.criteria.for_kind(kind);
        let recused: &[crate::model::NominationId] = member.map_or(&[], |(_, _, r)| r.as_slice());
        let nominees: Vec<&super::Awardee> =
            list.iter().filter(|a| a.kind == kind && !recused.contains(&a.id)).collect();
        if nominees.is_empty() || criteria.is_empty() {
            continue;
        }
        flow.para(&Para::text(13.0, Face::Bold, &format!("{roman}. {label}")).space(6.0, 4.0));
        flow.table(&table(kind, criteria, &nominees));
        flow.skip(6.0);
        for c in criteria {
            let text = format!("Tiêu chí {} ({} điểm): {}", c.label, points(c.max_half_points), c.text);
            flow.para(&Para::text(11.0, Face::Regular, &text).align(Align::Justify).leading(1.1).space(0.0, 2.0));
        }
    }
    flow.skip(12.0);
    flow.keep(120.0);
    let x = flow.left() + flow.width() * 0.5;
    let w = flow.width() * 0.5;
    flow.para_in(&Para::text(14.0, Face::Bold, "NGƯỜI CHẤM ĐIỂM").centred(), x, w);
    flow.skip(60.0);
    if let Some((_, _, r)) = member.filter(|(_, _, r)| !r.is_empty()) {
        let list: Vec<String> = r.iter().map(|n| format!("số {n}")).collect();
        let text = format!("Thành viên không chấm điểm hồ sơ {} (có liên quan đến đơn vị của hồ sơ).", list.join(", "));
        flow.para(&Para::text(12.0, Face::Italic, &text).space(4.0, 0.0));
    }
    let signed = member.map_or_else(|| blank(1), |(n, _, _)| crate::vn::normalise_name(n));
    flow.para_in(&Para::text(14.0, Face::Bold, &signed).centred(), x, w);
}

fn table(kind: NomineeKind, criteria: &[Criterion], nominees: &[&super::Awardee]) -> Table {
    let who =
        if kind == NomineeKind::Collective { "Tên tập thể" } else { "Họ và tên, chức vụ, đơn vị" };
    // The first column is the dossier's number, as the scores file asks for it.
    let mut columns = vec![Column::new(columns::NOMINATION, 1.2, Align::Centre), Column::new(who, 4.3, Align::Left)];
    for c in criteria {
        columns.push(Column::new(&criterion_heading(c), 1.15, Align::Centre));
    }
    let total: i64 = criteria.iter().map(|c| c.max_half_points).sum();
    columns.push(Column::new(&format!("Tổng ({})", points(total)), 1.5, Align::Centre));
    let rows = nominees
        .iter()
        .map(|a| {
            let mut cells = vec![a.id.to_string(), format!("{}\n{}", a.addressed(), a.position_and_unit())];
            cells.extend(std::iter::repeat_n(String::new(), criteria.len() + 1));
            Row::Cells(cells)
        })
        .collect();
    Table { columns, rows, size: 12.0, min_row: super::layout::mm(12.0) }
}
