//! Every error a user can meet, pinned as it crosses to the window and the command line: its
//! stable code, the field it is about, and its Vietnamese sentence. The table is
//! `tests/fixtures/error-codes.txt`; `UPDATE_ERRORS=1 cargo test --test errors` rewrites it after a
//! deliberate change. A new variant does not compile here until it has an index, and fails until
//! it has a sample.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::PathBuf;

use thidua::error::{
    CouncilError, InputError, NominationError, PaperError, RecordsError, SettingsError, TextProblem, UnitError,
};
use thidua::model::{MemberId, NominationId, Status, UnitId};
use thidua::{Error, ImportProblem};

/// A stable index per variant, areas included; the matches have no wildcard on purpose.
fn index(e: &Error) -> usize {
    match e {
        Error::Nomination(n) => match n {
            NominationError::EmptyName => 0,
            NominationError::NameTooLong { .. } => 1,
            NominationError::GenderMissing => 2,
            NominationError::UnitNotInCampaign(_) => 3,
            NominationError::BadText { .. } => 76,
            NominationError::ImplausibleTime { .. } => 81,
            NominationError::WomenPercent(_) => 92,
        },
        Error::Unit(u) => match u {
            UnitError::EmptyName => 4,
            UnitError::BadName(_) => 77,
            UnitError::DuplicateName(_) => 5,
            UnitError::Unknown(_) => 6,
            UnitError::UnknownName(_) => 7,
            UnitError::HasDossiers { .. } => 8,
            UnitError::ShortlistedNominee(_) => 9,
            UnitError::BadForm { .. } => 91,
        },
        Error::Council(c) => match c {
            CouncilError::EmptyMemberName => 10,
            CouncilError::BadText { .. } => 78,
            CouncilError::MemberAttended(_) => 11,
            CouncilError::BadShare => 12,
            CouncilError::EndsBeforeStart { .. } => 13,
            CouncilError::UnknownCriterion { .. } => 14,
            CouncilError::MemberAbsent(_) => 15,
            CouncilError::NotANominee(_) => 16,
            CouncilError::PointsOutOfRange { .. } => 17,
            CouncilError::UnknownIndicator { .. } => 18,
            CouncilError::Ballots(_) => 19,
            CouncilError::NotShortlisted(_) => 20,
            CouncilError::MeetingEnded { .. } => 87,
            CouncilError::Recused { .. } => 95,
            CouncilError::RecusalAfterScoring(_) => 96,
            CouncilError::SheetsLocked => 97,
        },
        Error::Paper(p) => match p {
            PaperError::DecisionNumberZero => 21,
            PaperError::NotADocument => 22,
            PaperError::Copies { .. } => 23,
            PaperError::UnknownField { .. } => 24,
            PaperError::OffsetTooLarge { .. } => 25,
            PaperError::SignedBeforeDeadline { .. } => 88,
            PaperError::SignedBeforeMeeting { .. } => 89,
            PaperError::BadEmblem { .. } => 93,
            PaperError::StockSize(_) => 94,
        },
        Error::Settings(s) => match s {
            SettingsError::Empty(_) => 26,
            SettingsError::BadText { .. } => 79,
            SettingsError::SalaryRowTwice(_) => 27,
            SettingsError::SalaryNotPositive(_) => 28,
            SettingsError::DeadlineBeforeStart { .. } => 29,
            SettingsError::NextCampaign(_) => 30,
            SettingsError::PlanNumber(_) => 90,
        },
        Error::Records(r) => match r {
            RecordsError::NoGoodBackup => 31,
            RecordsError::BackupOverItself(_) => 32,
            RecordsError::NoDataFolder => 33,
            RecordsError::AttachmentTooLarge { .. } => 34,
            RecordsError::UnknownAttachment(_) => 35,
            RecordsError::AttachmentAltered(_) => 36,
            RecordsError::Encoding(_) => 37,
            RecordsError::NotARegularFile(_) => 75,
        },
        Error::Input(i) => match i {
            InputError::Choice { .. } => 38,
            InputError::Time { .. } => 39,
            InputError::Number { .. } => 98,
            InputError::NothingChosen(_) => 40,
            InputError::Text { .. } => 80,
        },
        Error::Open { .. } => 41,
        Error::Io { .. } => 42,
        Error::Database(_) => 43,
        Error::Busy(_) => 82,
        Error::DiskFull(_) => 83,
        Error::OutOfMemory(_) => 84,
        Error::Migration(_) => 44,
        Error::NotOurs { .. } => 45,
        Error::BadBackup { .. } => 46,
        Error::Unreadable { .. } => 47,
        Error::Damaged { .. } => 48,
        Error::AuditBroken { .. } => 85,
        Error::InUse { .. } => 86,
        Error::ArchiveRejected { .. } => 49,
        Error::CampaignDiffers(_) => 50,
        Error::NoCampaign => 51,
        Error::UnknownCampaign(_) => 52,
        Error::DuplicateCampaign(_) => 53,
        Error::Definition(_) => 54,
        Error::UnknownNomination(_) => 55,
        Error::RefusedAtIntake { .. } => 56,
        Error::NotAppraisable { .. } => 57,
        Error::AppraisalLocked { .. } => 58,
        Error::UnknownMember(_) => 59,
        Error::DuplicateMember(_) => 60,
        Error::NoMeeting => 61,
        Error::MeetingOpen { .. } => 62,
        Error::NoQuorum { .. } => 63,
        Error::RubricFrozen => 64,
        Error::Shortlist { .. } => 65,
        Error::NoMeetingRecord { .. } => 66,
        Error::EmptyShortlist { .. } => 67,
        Error::Document(_) => 68,
        Error::UnknownPrinter(_) => 69,
        Error::PrinterUnavailable { .. } => 70,
        Error::PageRange { .. } => 71,
        Error::PrintFailed { .. } => 72,
        Error::PrintTimeout { .. } => 73,
        Error::ImportRejected { .. } => 74,
    }
}

const VARIANTS: usize = 99;

fn path(p: &str) -> PathBuf {
    PathBuf::from(p)
}

fn samples() -> Vec<Error> {
    let n = NominationId(7);
    vec![
        NominationError::EmptyName.into(),
        NominationError::NameTooLong { length: 301, max: 300 }.into(),
        NominationError::GenderMissing.into(),
        NominationError::UnitNotInCampaign(UnitId(3)).into(),
        NominationError::ImplausibleTime {
            when: "08:00:00 ngày 04 tháng 01 năm 0024".into(),
            why: "trước ngày bắt đầu đợt thi đua (01/10/2023) hơn một năm; hãy kiểm tra lại năm".into(),
        }
        .into(),
        NominationError::BadText { field: "summary", what: "Tóm tắt thành tích", problem: TextProblem::Control }.into(),
        NominationError::WomenPercent(120).into(),
        UnitError::EmptyName.into(),
        UnitError::BadName(TextProblem::Bidi).into(),
        UnitError::DuplicateName("Xã Cẩm Giàng".into()).into(),
        UnitError::Unknown(UnitId(99)).into(),
        UnitError::UnknownName("Xã Không Có".into()).into(),
        UnitError::HasDossiers { name: "Phòng Y tế".into(), dossiers: 2 }.into(),
        UnitError::ShortlistedNominee(n).into(),
        UnitError::BadForm { what: "Kính gửi".into(), problem: TextProblem::Formula('=') }.into(),
        CouncilError::EmptyMemberName.into(),
        CouncilError::BadText { what: "địa điểm", problem: TextProblem::TooLong { length: 400, max: 300 } }.into(),
        CouncilError::MemberAttended("Hà Văn Bình".into()).into(),
        CouncilError::BadShare.into(),
        CouncilError::EndsBeforeStart { end: "08:00".into(), start: "14:00".into() }.into(),
        CouncilError::UnknownCriterion { number: 9, kind: "Cá nhân".into() }.into(),
        CouncilError::MemberAbsent(MemberId(4)).into(),
        CouncilError::NotANominee(n).into(),
        CouncilError::PointsOutOfRange { criterion: "a".into(), max: "20".into() }.into(),
        CouncilError::UnknownIndicator { criterion: 1, index: 3 }.into(),
        CouncilError::Ballots("tổng số phiếu (8) nhiều hơn số thành viên có mặt (7).".into()).into(),
        CouncilError::NotShortlisted(n).into(),
        CouncilError::MeetingEnded { date: "08/01/2024".into() }.into(),
        CouncilError::Recused { member: "Ma Văn Hùng".into(), nomination: n }.into(),
        CouncilError::RecusalAfterScoring(n).into(),
        CouncilError::SheetsLocked.into(),
        PaperError::DecisionNumberZero.into(),
        PaperError::NotADocument.into(),
        PaperError::Copies { copies: 0, max: 999 }.into(),
        PaperError::UnknownField { field: "nope".into(), known: "name, unit".into() }.into(),
        PaperError::OffsetTooLarge { max_mm: 50 }.into(),
        PaperError::SignedBeforeDeadline { signed: "01/12/2023".into(), deadline: "05/01/2024".into() }.into(),
        PaperError::SignedBeforeMeeting { signed: "06/01/2024".into(), meeting: "08/01/2024".into() }.into(),
        PaperError::BadEmblem { file: "quoc-huy.gif".into(), why: "không phải ảnh PNG".into() }.into(),
        PaperError::StockSize("A5".into()).into(),
        SettingsError::Empty("Địa danh".into()).into(),
        SettingsError::BadText { what: "Người ký".into(), problem: TextProblem::Formula('=') }.into(),
        SettingsError::SalaryRowTwice("01/07/2024".into()).into(),
        SettingsError::SalaryNotPositive("01/07/2024".into()).into(),
        SettingsError::DeadlineBeforeStart { deadline: "01/09/2023".into(), start: "01/10/2023".into() }.into(),
        SettingsError::NextCampaign("mã đợt thi đua «X» chỉ được gồm chữ thường không dấu.".into()).into(),
        SettingsError::PlanNumber("12/KH".into()).into(),
        RecordsError::NoGoodBackup.into(),
        RecordsError::BackupOverItself(path("/data/thidua.sqlite3")).into(),
        RecordsError::NoDataFolder.into(),
        RecordsError::AttachmentTooLarge { file: path("/scan.pdf"), mb: 300, max_mb: 200 }.into(),
        RecordsError::UnknownAttachment(5).into(),
        RecordsError::AttachmentAltered(path("/data/attachments/ab12")).into(),
        RecordsError::Encoding("dữ liệu nhị phân không xuất được".into()).into(),
        RecordsError::NotARegularFile(path("/dev/zero")).into(),
        InputError::Choice {
            field: "gender",
            what: "giới tính",
            value: "khác".into(),
            choices: "nam (male), nữ (female)".into(),
        }
        .into(),
        InputError::Time {
            field: "time",
            what: "thời điểm nộp",
            value: "32/01/2024".into(),
            why: "ngày không có.".into(),
        }
        .into(),
        InputError::Number {
            field: "threshold",
            what: "ngưỡng chênh lệch",
            value: "-3".into(),
            why: "phải là số điểm không âm, lẻ đến 0,5, không quá 1.000.".into(),
        }
        .into(),
        InputError::NothingChosen("--accept, --refuse LÝ_DO hoặc --reopen").into(),
        InputError::Text { field: "user", what: "tên người thực hiện", problem: TextProblem::Control }.into(),
        Error::Open { path: path("/data/x.sqlite3"), source: rusqlite::Error::InvalidQuery },
        Error::Io { path: path("/usb/copy.sqlite3"), source: std::io::Error::other("đĩa đầy") },
        Error::Database(rusqlite::Error::InvalidQuery),
        Error::from(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(5), Some("database is locked".into()))),
        Error::from(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(13), None)),
        Error::from(rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(7), None)),
        Error::Migration(rusqlite_migration::Error::InvalidUserVersion),
        Error::NotOurs { path: path("/data/other.sqlite3") },
        Error::BadBackup { path: path("/usb/b.sqlite3"), why: "không phải tệp SQLite".into() },
        Error::Unreadable { path: path("/data/x.sqlite3"), why: "không phải tệp SQLite".into() },
        Error::Damaged { path: path("/data/x.sqlite3"), detail: "trang 3 hỏng".into(), newest_good: None },
        Error::AuditBroken { path: path("/data/x.sqlite3"), entry: 42, at: "2024-01-05T02:59:00.000Z".into() },
        Error::InUse { path: path("/data/x.sqlite3") },
        Error::ArchiveRejected { file: "dot.zip".into(), why: "Tệp nén hỏng.".into() },
        Error::CampaignDiffers("bach-thong-q4-2023".into()),
        Error::NoCampaign,
        Error::UnknownCampaign("q9".into()),
        Error::DuplicateCampaign("q9".into()),
        Error::Definition("đợt thi đua chưa có tên.".into()),
        Error::UnknownNomination(n),
        Error::RefusedAtIntake { id: n, reasons: "Nộp muộn".into() },
        Error::NotAppraisable { id: n, status: Status::Refused },
        Error::AppraisalLocked { id: n, why: "hồ sơ đang trong danh sách đề nghị".into() },
        Error::UnknownMember("Ai Đó".into()),
        Error::DuplicateMember("Hà Văn Bình".into()),
        Error::NoMeeting,
        Error::MeetingOpen { date: "08/01/2024".into() },
        Error::NoQuorum { present: 3, members: 7, needed: 5 },
        Error::RubricFrozen,
        Error::Shortlist {
            id: n, award: "Bằng khen".into(), why: "đã đủ 03 hồ sơ.".into(), code: "shortlist_full"
        },
        Error::NoMeetingRecord { document: "tờ trình" },
        Error::EmptyShortlist { award: "Bằng khen".into() },
        Error::Document("phông chữ hỏng".into()),
        Error::UnknownPrinter("NOPE".into()),
        Error::PrinterUnavailable { printer: "HP".into(), state: "đang tạm dừng".into() },
        Error::PageRange { range: "9-3".into(), why: "trang đầu lớn hơn trang cuối".into() },
        Error::PrintFailed { printer: "HP".into(), reason: "kẹt giấy".into() },
        Error::PrintTimeout { printer: "HP".into(), job: 12, seconds: 120, state: "đang in".into() },
        Error::ImportRejected {
            file: "ho-so.csv".into(),
            problems: vec![ImportProblem {
                row: 3,
                column: Some("Loại".into()),
                message: "phải là Tập thể hoặc Cá nhân.".into(),
            }],
        },
    ]
}

fn table() -> String {
    let mut out = String::from("# index | code | field | message\n");
    for e in samples() {
        let message = e.to_string().replace('\n', "\\n");
        out.push_str(&format!("{} | {} | {} | {message}\n", index(&e), e.code(), e.field().unwrap_or("-")));
    }
    out
}

#[test]
fn every_variant_has_a_sample() {
    let covered: BTreeSet<usize> = samples().iter().map(index).collect();
    let all: BTreeSet<usize> = (0..VARIANTS).collect();
    assert_eq!(covered, all, "each error variant needs exactly one sample");
    assert_eq!(samples().len(), VARIANTS);
}

#[test]
fn every_error_crosses_with_its_pinned_code_field_and_sentence() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/error-codes.txt");
    let want = table();
    if std::env::var_os("UPDATE_ERRORS").is_some() {
        std::fs::write(file, &want).unwrap();
    }
    let have = std::fs::read_to_string(file).unwrap_or_default();
    assert!(have == want, "tests/fixtures/error-codes.txt differs: UPDATE_ERRORS=1 cargo test --test errors\n{want}");
}

#[test]
fn codes_are_stable_identifiers_and_messages_read_as_vietnamese() {
    for e in samples() {
        let code = e.code();
        assert!(!code.is_empty() && code.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{code}");
        let message = e.to_string();
        // The sentence is Vietnamese (a technical text may follow it).
        assert!(message.chars().take(40).any(|c| !c.is_ascii()), "{code}: {message}");
    }
}
