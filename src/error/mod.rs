//! The core's errors: each variant carries what the secretary needs to act, has a stable code
//! for the shell and the UI, and reads as a Vietnamese sentence.

use std::path::PathBuf;

mod areas;

pub use areas::{
    CouncilError, InputError, NominationError, PaperError, RecordsError, SettingsError, TextProblem, UnitError,
};

use crate::model::{NominationId, Status};

/// One bad cell or row of an imported file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ImportProblem {
    /// Row number as a spreadsheet shows it (the header is row 1).
    pub row: usize,
    /// The column's header as written in the file, when the problem is in one cell.
    pub column: Option<String>,
    pub message: String,
}

impl std::fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.column {
            Some(c) => write!(f, "Dòng {}, cột «{}»: {}", self.row, c, self.message),
            None if self.row == 0 => write!(f, "{}", self.message),
            None => write!(f, "Dòng {}: {}", self.row, self.message),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Nomination(#[from] NominationError),
    #[error(transparent)]
    Unit(#[from] UnitError),
    #[error(transparent)]
    Council(#[from] CouncilError),
    #[error(transparent)]
    Paper(#[from] PaperError),
    #[error(transparent)]
    Settings(#[from] SettingsError),
    #[error(transparent)]
    Records(#[from] RecordsError),
    #[error(transparent)]
    Input(#[from] InputError),
    #[error("Không mở được cơ sở dữ liệu «{path}»: {source}")]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error("Không đọc hoặc ghi được tệp «{path}»: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("Lỗi cơ sở dữ liệu: {0}")]
    Database(rusqlite::Error),
    #[error("Một chương trình khác (cửa sổ Thi đua hoặc một lệnh thidua trên máy này) đang ghi vào hồ sơ; chưa ghi gì. Hãy thử lại sau ít phút. ({0})")]
    Busy(rusqlite::Error),
    #[error("Ổ đĩa chứa hồ sơ đã đầy; chưa ghi gì. Hãy giải phóng chỗ trống rồi thử lại. ({0})")]
    DiskFull(rusqlite::Error),
    #[error("Máy không đủ bộ nhớ để làm việc này; chưa ghi gì. ({0})")]
    OutOfMemory(rusqlite::Error),
    #[error("Không cập nhật được cấu trúc cơ sở dữ liệu; chưa ghi gì. Tệp có thể không do Thi đua tạo ra hoặc đã bị sửa. ({})", brief(&.0.to_string()))]
    Migration(#[from] rusqlite_migration::Error),
    #[error("Tệp «{path}» không phải cơ sở dữ liệu của Thi đua.")]
    NotOurs { path: PathBuf },
    #[error("Tệp «{path}» không dùng được: {why}.")]
    BadBackup { path: PathBuf, why: String },
    #[error("Không mở được cơ sở dữ liệu «{path}»: {why}.")]
    Unreadable { path: PathBuf, why: String },
    #[error("Cơ sở dữ liệu «{path}» bị hỏng ({detail}); để bảo vệ dữ liệu, chương trình không ghi gì vào tệp này.{}", advice(.newest_good.as_deref()))]
    Damaged { path: PathBuf, detail: String, newest_good: Option<PathBuf> },
    #[error("Nhật ký thay đổi trong «{path}» đã bị sửa ngoài chương trình: chuỗi niêm phong đứt ở mục số {entry} (ghi lúc {at}, giờ UTC); các mục từ đó không còn đáng tin.")]
    AuditBroken { path: PathBuf, entry: i64, at: String },
    #[error("Cơ sở dữ liệu «{path}» đang được mở ở nơi khác (cửa sổ Thi đua hoặc một lệnh thidua); chưa khôi phục gì. Hãy đóng chương trình đó rồi khôi phục lại.")]
    InUse { path: PathBuf },
    #[error("Không nhập tệp trao đổi «{file}»; chưa ghi gì vào cơ sở dữ liệu. {why}")]
    ArchiveRejected { file: String, why: String },
    #[error(
        "Đã có đợt thi đua mã «{0}» với dữ liệu khác trong cơ sở dữ liệu; không nhập đè. Hãy kiểm tra lại hai bản."
    )]
    CampaignDiffers(String),
    #[error("Chưa có đợt thi đua nào. Hãy tạo đợt mẫu (thidua init --example) hoặc nhập tệp định nghĩa đợt thi đua.")]
    NoCampaign,
    #[error("Không có đợt thi đua mã «{0}».")]
    UnknownCampaign(String),
    #[error("Đã có đợt thi đua mã «{0}» trong cơ sở dữ liệu.")]
    DuplicateCampaign(String),
    #[error("Tệp định nghĩa đợt thi đua không hợp lệ: {0}")]
    Definition(String),
    #[error("Không có hồ sơ số {0}.")]
    UnknownNomination(NominationId),
    #[error("Hồ sơ số {id} đã không được tiếp nhận ({reasons}); không thể thẩm định đạt.")]
    RefusedAtIntake { id: NominationId, reasons: String },
    #[error("Hồ sơ số {id} đang ở trạng thái «{}»; chỉ thẩm định được hồ sơ đã tiếp nhận hoặc đã thẩm định.", .status.label())]
    NotAppraisable { id: NominationId, status: Status },
    #[error("Không thay đổi được kết quả thẩm định của hồ sơ số {id}: {why}.")]
    AppraisalLocked { id: NominationId, why: String },
    #[error("Không có thành viên Hội đồng «{0}».")]
    UnknownMember(String),
    #[error("Đã có thành viên Hội đồng «{0}».")]
    DuplicateMember(String),
    #[error("Chưa có cuộc họp Hội đồng nào đang mở.")]
    NoMeeting,
    #[error("Cuộc họp ngày {date} đang mở; hãy kết thúc cuộc họp đó trước khi mở cuộc họp mới.")]
    MeetingOpen { date: String },
    #[error("Cuộc họp không đủ số thành viên dự họp: có {present}/{members} thành viên, cần ít nhất {needed}. Cuộc họp không đủ điều kiện nên không ghi nhận điểm, phiếu hay danh sách đề nghị.")]
    NoQuorum { present: usize, members: usize, needed: usize },
    #[error("Thang điểm đã khóa vì đợt thi đua đã có điểm chấm; muốn sửa thang điểm phải xóa toàn bộ điểm trước.")]
    RubricFrozen,
    #[error("Không thể đưa hồ sơ số {id} vào danh sách đề nghị {award}: {why}")]
    Shortlist { id: NominationId, award: String, why: String, code: &'static str },
    #[error("Chưa có cuộc họp Hội đồng nào nên chưa lập được {document}. Hãy mở cuộc họp Hội đồng, ghi thành phần dự họp và kết quả trước.")]
    NoMeetingRecord { document: &'static str },
    #[error("Danh sách đề nghị tặng {award} đang trống nên chưa lập được tờ trình. Hội đồng cần chọn tập thể, cá nhân vào danh sách đề nghị trước.")]
    EmptyShortlist { award: String },
    #[error("Không tạo được văn bản: {0}.")]
    Document(String),
    #[error("Không có máy in «{0}» trong hệ thống in; chưa gửi gì đến máy in. Xem danh sách máy in: thidua printers.")]
    UnknownPrinter(String),
    #[error("Máy in «{printer}» {state}; chưa gửi gì đến máy in.")]
    PrinterUnavailable { printer: String, state: String },
    #[error("Khoảng trang «{range}» không hợp lệ: {why}.")]
    PageRange { range: String, why: String },
    #[error("Máy in «{printer}» không in được: {reason}.")]
    PrintFailed { printer: String, reason: String },
    #[error("Lệnh in số {job} trên máy in «{printer}» chưa xong sau {seconds} giây (trạng thái: {state}); lệnh in vẫn còn trong hàng đợi.")]
    PrintTimeout { printer: String, job: u64, seconds: u64, state: String },
    #[error("Không nhập tệp «{file}»; chưa ghi gì vào cơ sở dữ liệu. {} lỗi:\n{}", .problems.len(), list(.problems))]
    ImportRejected { file: String, problems: Vec<ImportProblem> },
}

/// The start of a library's technical text (a failed migration quotes its whole SQL script).
fn brief(text: &str) -> String {
    crate::vn::text::prefix(text, 300)
}

fn advice(newest_good: Option<&std::path::Path>) -> String {
    match newest_good {
        Some(p) => format!(
            " Bản sao lưu tốt gần nhất: «{}»; khôi phục bằng lệnh: thidua restore \"{}\".",
            p.display(),
            p.display()
        ),
        None => " Không tìm thấy bản sao lưu tốt nào trong thư mục backups.".into(),
    }
}

fn list(problems: &[ImportProblem]) -> String {
    problems.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n")
}

impl Error {
    /// The stable machine code of the error, for the shell and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Nomination(e) => e.code(),
            Error::Unit(e) => e.code(),
            Error::Council(e) => e.code(),
            Error::Paper(e) => e.code(),
            Error::Settings(e) => e.code(),
            Error::Records(e) => e.code(),
            Error::Input(e) => e.code(),
            Error::Open { .. } => "open_failed",
            Error::Io { .. } => "io",
            Error::Database(_) => "database",
            Error::Busy(_) => "busy",
            Error::DiskFull(_) => "disk_full",
            Error::OutOfMemory(_) => "out_of_memory",
            Error::Migration(_) => "migration",
            Error::NotOurs { .. } => "not_ours",
            Error::BadBackup { .. } => "bad_backup",
            Error::Unreadable { .. } => "unreadable",
            Error::Damaged { .. } => "damaged",
            Error::AuditBroken { .. } => "audit_broken",
            Error::InUse { .. } => "in_use",
            Error::ArchiveRejected { .. } => "archive_rejected",
            Error::CampaignDiffers(_) => "campaign_differs",
            Error::NoCampaign => "no_campaign",
            Error::UnknownCampaign(_) => "unknown_campaign",
            Error::DuplicateCampaign(_) => "duplicate_campaign",
            Error::Definition(_) => "bad_definition",
            Error::UnknownNomination(_) => "unknown_nomination",
            Error::RefusedAtIntake { .. } => "refused_at_intake",
            Error::NotAppraisable { .. } => "not_appraisable",
            Error::AppraisalLocked { .. } => "appraisal_locked",
            Error::UnknownMember(_) => "unknown_member",
            Error::DuplicateMember(_) => "duplicate_member",
            Error::NoMeeting => "no_meeting",
            Error::MeetingOpen { .. } => "meeting_open",
            Error::NoQuorum { .. } => "no_quorum",
            Error::RubricFrozen => "rubric_frozen",
            Error::Shortlist { code, .. } => code,
            Error::ImportRejected { .. } => "import_rejected",
            Error::Document(_) => "document",
            Error::NoMeetingRecord { .. } => "no_meeting_record",
            Error::EmptyShortlist { .. } => "empty_shortlist",
            Error::UnknownPrinter(_) => "unknown_printer",
            Error::PrinterUnavailable { .. } => "printer_unavailable",
            Error::PageRange { .. } => "bad_page_range",
            Error::PrintFailed { .. } => "print_failed",
            Error::PrintTimeout { .. } => "print_timeout",
        }
    }
}

impl From<rusqlite::Error> for Error {
    /// SQLite's own failures a user can meet are named in Vietnamese; its text follows.
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Busy(e),
            Some(ErrorCode::DiskFull) => Error::DiskFull(e),
            Some(ErrorCode::OutOfMemory) => Error::OutOfMemory(e),
            _ => Error::Database(e),
        }
    }
}

impl Error {
    /// The field of a form or an argument the error is about, where a user typed it.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Error::Nomination(e) => e.field(),
            Error::Unit(e) => e.field(),
            Error::Council(e) => e.field(),
            Error::Paper(e) => e.field(),
            Error::Settings(e) => e.field(),
            Error::Records(e) => e.field(),
            Error::Input(e) => e.field(),
            Error::PageRange { .. } => Some("pages"),
            Error::UnknownPrinter(_) | Error::PrinterUnavailable { .. } | Error::PrintFailed { .. } => Some("printer"),
            Error::Shortlist { .. } => Some("reason"),
            _ => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
