//! The settings printed documents need: money (base salary table, bonus rates, rounding), the
//! decision's wording (legal bases, proposer, executors, recipients, signer) and the certificate
//! stock. All are campaign data, never literals in code (DOMAIN.md "Not only districts").

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One row of the base salary table (mức lương cơ sở): the amount in force from a day on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalaryRow {
    pub from: NaiveDate,
    /// Đồng per month.
    pub amount: i64,
    /// The act that set it: "Nghị định số 24/2023/NĐ-CP".
    #[serde(default)]
    pub source: String,
}

/// The bonus of one award from a day on, as multiples of the base salary in thousandths
/// (300 = 0.3 ×), so no floating point reaches a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BonusRate {
    /// The award's code: "giay_khen".
    pub award: String,
    pub from: NaiveDate,
    pub individual: i64,
    pub collective: i64,
    /// "Nghị định số 98/2023/NĐ-CP, Điều 58".
    #[serde(default)]
    pub source: String,
}

/// How a bonus is rounded to the step (Decree 91/2017 Art. 68(2): up, to tens of thousands).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Rounding {
    #[default]
    Up,
    Nearest,
}

fn ten_thousand() -> i64 {
    10_000
}

/// Money settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoneySettings {
    #[serde(default)]
    pub base_salary: Vec<SalaryRow>,
    #[serde(default)]
    pub bonus_rates: Vec<BonusRate>,
    #[serde(default)]
    pub rounding: Rounding,
    /// The rounding step in đồng.
    #[serde(default = "ten_thousand")]
    pub rounding_step: i64,
}

impl Default for MoneySettings {
    fn default() -> Self {
        MoneySettings {
            base_salary: Vec::new(),
            bonus_rates: Vec::new(),
            rounding: Rounding::Up,
            rounding_step: 10_000,
        }
    }
}

/// Who signs: "PHÓ CHỦ TỊCH" signing for ("KT.") the chairman, or the chairman.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    pub name: String,
    /// "CHỦ TỊCH" or "PHÓ CHỦ TỊCH".
    pub title: String,
    /// The line above the title when signing for someone: "KT. CHỦ TỊCH".
    #[serde(default)]
    pub on_behalf: Option<String>,
    /// The first line when signing for a collective body (Decree 30/2020 Appendix I):
    /// "TM. ỦY BAN NHÂN DÂN".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub for_body: Option<String>,
}

impl Signer {
    /// A signer from a title as typed: a deputy ("PHÓ …") signs for ("KT. …") the head.
    pub fn from_title(name: &str, title: &str) -> Signer {
        let title = crate::vn::nfc(title.trim()).to_uppercase();
        let on_behalf = title.strip_prefix("PHÓ ").map(|head| format!("KT. {head}"));
        Signer { name: crate::vn::normalise_name(name), title, on_behalf, for_body: None }
    }

    /// The title lines of the signature block, top to bottom.
    pub fn title_lines(&self) -> Vec<String> {
        self.for_body.iter().chain(&self.on_behalf).cloned().chain(std::iter::once(self.title.clone())).collect()
    }
}

/// The order of the annex: collectives before individuals either way, then each kind by unit in
/// the campaign's unit order (the default, DOMAIN.md "Ordering lists"), or in Vietnamese
/// alphabetical order (people by given name).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum AnnexOrder {
    Alphabetical,
    #[default]
    ByUnit,
}

/// The decision's wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionSettings {
    /// "Căn cứ …" lines without their final punctuation; the plan's line is added after them.
    #[serde(default)]
    pub legal_bases: Vec<String>,
    /// "Trưởng phòng Nội vụ" in "Theo đề nghị của Trưởng phòng Nội vụ."
    #[serde(default)]
    pub proposer: String,
    /// Where the bonus money comes from: "Quỹ Thi đua, khen thưởng của huyện".
    #[serde(default)]
    pub funding: String,
    /// Who carries the decision out (Điều 3), before "và các tập thể, cá nhân có tên tại Điều 1".
    #[serde(default)]
    pub executors: String,
    /// Nơi nhận, without the dash and the final punctuation: "Như Điều 3", "Lưu: VT, NV".
    #[serde(default)]
    pub recipients: Vec<String>,
    /// The signer drafts name until the decision records who signed.
    #[serde(default)]
    pub signer: Signer,
    /// Symbol of the standing body's notices to units ("TB-NV"); empty prints none.
    #[serde(default)]
    pub notice_symbol: String,
    /// Who signs the standing body's notices ("TRƯỞNG PHÒNG").
    #[serde(default)]
    pub notice_signer: Signer,
    /// How the annex lists the awardees (DOMAIN.md "Ordering lists").
    #[serde(default)]
    pub annex_order: AnnexOrder,
    /// The decrees that detail the Law on Emulation and Commendation, each from the day it took
    /// effect: a basis of `legal_bases` (or of the proposal's) that cites one of them is cited as
    /// the one in force on the day the paper is signed.
    #[serde(default = "implementing_decrees")]
    pub decrees: Vec<DecreeRow>,
}

impl Default for DecisionSettings {
    fn default() -> Self {
        DecisionSettings {
            legal_bases: Vec::new(),
            proposer: String::new(),
            funding: String::new(),
            executors: String::new(),
            recipients: Vec::new(),
            signer: Signer::default(),
            notice_symbol: String::new(),
            notice_signer: Signer::default(),
            annex_order: AnnexOrder::default(),
            decrees: implementing_decrees(),
        }
    }
}

/// One decree of the table of implementing decrees, in force from `from` until the next row's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecreeRow {
    pub from: NaiveDate,
    /// "98/2023/NĐ-CP", as a basis cites it.
    pub number: String,
    /// The basis without «Căn cứ»: "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của
    /// Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng".
    pub basis: String,
    /// Where the decree says that among nominees equally qualified a woman, or a collective with
    /// at least 70 % women, is chosen ("khoản 6 Điều 4 Nghị định số 152/2025/NĐ-CP"); empty when
    /// the article has not been checked, and then the rule is cited without it.
    #[serde(default)]
    pub equal_merit: String,
}

impl DecreeRow {
    /// The decree of `decrees` in force on `day`.
    pub fn in_force(decrees: &[DecreeRow], day: NaiveDate) -> Option<&DecreeRow> {
        decrees.iter().filter(|d| d.from <= day).max_by_key(|d| d.from)
    }
}

/// The decrees detailing the Law on Emulation and Commendation, by the day each took effect
/// (Decree 152/2025 Art. 59: in force from 01/07/2025, ending Decree 98/2023, itself in force
/// from 01/01/2024).
pub fn implementing_decrees() -> Vec<DecreeRow> {
    let row = |(y, m, d): (i32, u32, u32), number: &str, basis: &str, equal_merit: &str| DecreeRow {
        from: NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default(),
        number: number.to_string(),
        basis: basis.to_string(),
        equal_merit: equal_merit.to_string(),
    };
    vec![
        row(
            (2017, 9, 15),
            "91/2017/NĐ-CP",
            "Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số \
             điều của Luật Thi đua, khen thưởng",
            "",
        ),
        row(
            (2024, 1, 1),
            "98/2023/NĐ-CP",
            "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số \
             điều của Luật Thi đua, khen thưởng",
            "Điều 4 Nghị định số 98/2023/NĐ-CP",
        ),
        row(
            (2025, 7, 1),
            "152/2025/NĐ-CP",
            "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền \
             trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi \
             đua, khen thưởng",
            "khoản 6 Điều 4 Nghị định số 152/2025/NĐ-CP",
        ),
    ]
}

/// A basis cited as another decree than the settings wrote, because of the day of signing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecreeChange {
    /// The decree the settings cite ("98/2023/NĐ-CP").
    pub written: String,
    /// The decree in force on the day, and since when.
    pub in_force: String,
    pub since: NaiveDate,
}

/// The bases `written` as cited on `day`: a basis that cites a decree of `decrees` no longer (or
/// not yet) in force on that day cites the one in force instead, and the change is returned.
pub fn bases_on(written: &[String], decrees: &[DecreeRow], day: NaiveDate) -> (Vec<String>, Vec<DecreeChange>) {
    let in_force = DecreeRow::in_force(decrees, day);
    let mut changes = Vec::new();
    let bases = written
        .iter()
        .map(|b| {
            let cited = decrees.iter().find(|d| b.contains(&format!("Nghị định số {}", d.number)));
            match (cited, in_force) {
                (Some(cited), Some(now)) if cited.number != now.number => {
                    changes.push(DecreeChange {
                        written: cited.number.clone(),
                        in_force: now.number.clone(),
                        since: now.from,
                    });
                    format!("Căn cứ {}", now.basis)
                }
                _ => b.clone(),
            }
        })
        .collect();
    (bases, changes)
}

/// Certificate stock and wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertificateSettings {
    /// Stock size in millimetres: A4 landscape (297 × 210) by default, the size Decree 98/2023
    /// Art. 104 sets; A3 landscape (420 × 297) or 400 × 300 for older stock.
    pub width_mm: u32,
    pub height_mm: u32,
    /// The achievement line; `{campaign}` is replaced by the campaign's name.
    pub achievement: String,
    /// The register line; `{n}` is replaced by the register number: "Số sổ vàng: {n}".
    pub register_label: String,
    /// The register number of the first awardee in the annex's order.
    pub first_register_number: u32,
}

impl Default for CertificateSettings {
    fn default() -> Self {
        CertificateSettings {
            width_mm: 297,
            height_mm: 210,
            achievement: "Đã có thành tích xuất sắc trong Đợt thi đua “{campaign}”".into(),
            register_label: "Số sổ vàng: {n}".into(),
            first_register_number: 1,
        }
    }
}

fn council_name() -> String {
    "Hội đồng Thi đua - Khen thưởng".into()
}

/// The council's own papers: its name as the issuing body of its minutes and score sheets, and
/// the minutes' symbol and recipients.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilSettings {
    /// "Hội đồng Thi đua - Khen thưởng huyện"; the issuer's name stands above it as parent body.
    #[serde(default = "council_name")]
    pub name: String,
    /// Symbol of the minutes: "BB-HĐTĐKT"; empty prints "Số: /BB".
    #[serde(default)]
    pub minutes_symbol: String,
    /// Nơi nhận of the minutes, as the decision's.
    #[serde(default)]
    pub minutes_recipients: Vec<String>,
}

impl Default for CouncilSettings {
    fn default() -> Self {
        CouncilSettings { name: council_name(), minutes_symbol: String::new(), minutes_recipients: Vec::new() }
    }
}

/// The proposal (tờ trình) that asks the higher level to give its award to the shortlisted (R8).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalSettings {
    /// Symbol of the proposal: "TTr-UBND".
    #[serde(default)]
    pub symbol: String,
    /// Kính gửi: "Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn" (one or several).
    #[serde(default)]
    pub addressees: Vec<String>,
    /// "Căn cứ …" lines before the plan's and the meeting's, without final punctuation.
    #[serde(default)]
    pub legal_bases: Vec<String>,
    #[serde(default)]
    pub recipients: Vec<String>,
    /// Who signs; the decision's signer when no name is set.
    #[serde(default)]
    pub signer: Signer,
    /// The line above the signer's when the proposal is the collective body's (a People's
    /// Committee signs "TM. ỦY BAN NHÂN DÂN"); none when the head proposes in person.
    #[serde(default)]
    pub signed_for: Option<String>,
}

/// A signed decision as the secretary records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionRecord {
    pub number: u32,
    pub signed_on: NaiveDate,
    /// Who signed, when it differs from the campaign's default signer.
    pub signer: Option<Signer>,
}

/// An offset of one certificate field on pre-printed stock, in tenths of a millimetre (right, down).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Offset {
    pub dx: i64,
    pub dy: i64,
}
