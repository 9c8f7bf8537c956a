//! The errors of each area of the application, each variant with a stable code and, where the
//! user typed the value, the field it is about (the window shows the message beside it).

use std::path::PathBuf;

use crate::model::{NominationId, UnitId};

/// Implements `code()` and `field()` for an area's enum from one table per variant.
macro_rules! area {
    ($name:ident { $($variant:ident $( ( $($t:tt)* ) )? $( { $($f:tt)* } )? => $code:literal, $field:expr;)* }) => {
        impl $name {
            /// The stable machine code of the error.
            pub fn code(&self) -> &'static str {
                match self {
                    $( $name::$variant { .. } => $code, )*
                }
            }

            /// The field of a form or argument the error is about, where the user typed it.
            pub fn field(&self) -> Option<&'static str> {
                match self {
                    $( $name::$variant { .. } => $field, )*
                }
            }
        }
    };
}

/// What is wrong with a text that came in (a form, an argument, a spreadsheet, an exchange file).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextProblem {
    #[error("dài {length} ký tự; tối đa {max} ký tự")]
    TooLong { length: usize, max: usize },
    #[error("có ký tự điều khiển không in được; hãy gõ lại")]
    Control,
    #[error("có ký tự đảo chiều văn bản (như U+202E), làm chữ hiện sai thứ tự; hãy gõ lại")]
    Bidi,
    #[error("bắt đầu bằng «{0}» như một công thức bảng tính; hãy bỏ ký tự này")]
    Formula(char),
}

/// A dossier that cannot be recorded as typed, whatever the path (form, spreadsheet, correction).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NominationError {
    #[error("Chưa có tên tập thể hoặc cá nhân.")]
    EmptyName,
    #[error("Tên dài {length} ký tự; tối đa {max} ký tự.")]
    NameTooLong { length: usize, max: usize },
    #[error("Cá nhân phải có giới tính (Nam hoặc Nữ) để in «Ông» hoặc «Bà» trên Giấy khen.")]
    GenderMissing,
    #[error("Đơn vị số {0} không thuộc đợt thi đua này.")]
    UnitNotInCampaign(UnitId),
    #[error("{what} {problem}.")]
    BadText { field: &'static str, what: &'static str, problem: TextProblem },
    #[error("Thời điểm nộp {when} {why}.")]
    ImplausibleTime { when: String, why: String },
    #[error("Tỷ lệ nữ {0}% không hợp lệ: phải từ 0 đến 100.")]
    WomenPercent(u8),
}

impl NominationError {
    /// The stable machine code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            NominationError::EmptyName => "name_missing",
            NominationError::NameTooLong { .. } => "name_too_long",
            NominationError::GenderMissing => "gender_missing",
            NominationError::UnitNotInCampaign(_) => "unit_not_in_campaign",
            NominationError::BadText { .. } => "bad_text",
            NominationError::ImplausibleTime { .. } => "implausible_time",
            NominationError::WomenPercent(_) => "bad_women_percent",
        }
    }

    /// The form's field the error is about.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            NominationError::EmptyName | NominationError::NameTooLong { .. } => Some("name"),
            NominationError::GenderMissing => Some("gender"),
            NominationError::UnitNotInCampaign(_) => None,
            NominationError::BadText { field, .. } => Some(field),
            NominationError::ImplausibleTime { .. } => Some("submitted_at"),
            NominationError::WomenPercent(_) => Some("women_percent"),
        }
    }
}

/// The campaign's units: adding, renaming, correcting the kind, taking one off.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UnitError {
    #[error("Tham số không hợp lệ: tên đơn vị đang trống.")]
    EmptyName,
    #[error("Tham số không hợp lệ: tên đơn vị {0}.")]
    BadName(TextProblem),
    #[error("Tham số không hợp lệ: đợt thi đua đã có đơn vị «{0}».")]
    DuplicateName(String),
    #[error("Tham số không hợp lệ: không có đơn vị số {0}.")]
    Unknown(UnitId),
    #[error("Tham số không hợp lệ: không có đơn vị «{0}» trong đợt thi đua.")]
    UnknownName(String),
    #[error("Tham số không hợp lệ: đơn vị «{name}» đã có {dossiers} hồ sơ trong đợt thi đua nên không bỏ khỏi danh sách được.")]
    HasDossiers { name: String, dossiers: usize },
    #[error("Tham số không hợp lệ: hồ sơ số {0} của đơn vị đang có trong danh sách đề nghị của Hội đồng và sẽ không còn đạt nếu đổi khối của đơn vị; hãy bỏ hồ sơ khỏi danh sách trước.")]
    ShortlistedNominee(NominationId),
    #[error("Tham số không hợp lệ: «{what}» của đơn vị {problem}.")]
    BadForm { what: String, problem: TextProblem },
}

area!(UnitError {
    EmptyName => "unit_name_missing", Some("name");
    BadName(TextProblem) => "bad_text", Some("name");
    DuplicateName(String) => "unit_name_taken", Some("name");
    Unknown(UnitId) => "unknown_unit", None;
    UnknownName(String) => "unknown_unit", Some("unit");
    HasDossiers { name, dossiers } => "unit_has_dossiers", None;
    ShortlistedNominee(NominationId) => "unit_shortlisted", Some("kind");
    BadForm { what, problem } => "bad_text", Some("forms");
});

/// The council: members, meetings, scores, votes and the shortlist.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CouncilError {
    #[error("Tham số không hợp lệ: tên thành viên đang trống.")]
    EmptyMemberName,
    #[error("Tham số không hợp lệ: {what} {problem}.")]
    BadText { what: &'static str, problem: TextProblem },
    #[error("Tham số không hợp lệ: {0} đã dự họp hoặc chấm điểm trong đợt thi đua này nên không bỏ khỏi Hội đồng được; biên bản và phiếu chấm vẫn cần tên thành viên này.")]
    MemberAttended(String),
    #[error("Tham số không hợp lệ: tỷ lệ phải là phân số từ 0 đến 1 (ví dụ 2/3).")]
    BadShare,
    #[error("Tham số không hợp lệ: giờ kết thúc {end} trước giờ bắt đầu {start} của cuộc họp.")]
    EndsBeforeStart { end: String, start: String },
    #[error("không có tiêu chí số {number} dành cho {kind}.")]
    UnknownCriterion { number: u32, kind: String },
    #[error("thành viên số {0} không có mặt trong cuộc họp.")]
    MemberAbsent(crate::model::MemberId),
    #[error("hồ sơ số {0} không thuộc danh sách được thẩm định đạt.")]
    NotANominee(NominationId),
    #[error("điểm tiêu chí {criterion} phải từ 0 đến {max}.")]
    PointsOutOfRange { criterion: String, max: String },
    #[error("tiêu chí số {criterion} không có chỉ tiêu thứ {index}.")]
    UnknownIndicator { criterion: u32, index: usize },
    #[error("{0}")]
    Ballots(String),
    #[error("hồ sơ số {0} không có trong danh sách đề nghị.")]
    NotShortlisted(NominationId),
    #[error("Cuộc họp Hội đồng ngày {date} đã kết thúc; không có cuộc họp nào đang mở để ghi điểm. Hãy mở cuộc họp mới (thidua meeting open) trước khi nhập điểm.")]
    MeetingEnded { date: String },
    #[error("{member} không tham gia chấm điểm, biểu quyết đối với hồ sơ số {nomination} (có liên quan đến đơn vị của hồ sơ); điểm này không được ghi.")]
    Recused { member: String, nomination: NominationId },
    #[error("Hồ sơ số {0} đã có điểm chấm trong cuộc họp đang mở; chỉ đặt hoặc bỏ việc không tham gia chấm, biểu quyết trước khi bắt đầu chấm điểm.")]
    RecusalAfterScoring(NominationId),
    #[error("Thư ký đã khóa phiếu chấm của cuộc họp; không ghi hoặc sửa điểm được nữa.")]
    SheetsLocked,
}

area!(CouncilError {
    EmptyMemberName => "member_name_missing", Some("name");
    BadText { what, problem } => "bad_text", None;
    MemberAttended(String) => "member_attended", None;
    BadShare => "bad_share", None;
    EndsBeforeStart { end, start } => "meeting_ends_before_start", Some("end");
    UnknownCriterion { number, kind } => "unknown_criterion", None;
    MemberAbsent(MemberId) => "member_absent", None;
    NotANominee(NominationId) => "not_a_nominee", None;
    PointsOutOfRange { criterion, max } => "points_out_of_range", Some("points");
    UnknownIndicator { criterion, index } => "unknown_indicator", None;
    Ballots(String) => "too_many_ballots", Some("votes");
    NotShortlisted(NominationId) => "not_shortlisted", None;
    MeetingEnded { date } => "meeting_ended", None;
    Recused { member, nomination } => "recused", Some("member");
    RecusalAfterScoring(NominationId) => "recusal_after_scoring", None;
    SheetsLocked => "sheets_locked", None;
});

/// The papers: the decision's record, documents, printing and the certificate stock.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaperError {
    #[error("Tham số không hợp lệ: số quyết định phải lớn hơn 0")]
    DecisionNumberZero,
    #[error("Chỉ mở được văn bản do ứng dụng tạo ra.")]
    NotADocument,
    #[error("Số bản in {copies} không hợp lệ: phải từ 1 đến {max}.")]
    Copies { copies: u32, max: u32 },
    #[error("Tham số không hợp lệ: không có trường «{field}» trên Giấy khen; dùng: {known}.")]
    UnknownField { field: String, known: String },
    #[error("Độ lệch quá lớn: tối đa {max_mm} mm mỗi chiều.")]
    OffsetTooLarge { max_mm: i64 },
    #[error("Ngày ký {signed} không hợp lệ: quyết định chỉ ký được sau khi hết hạn nộp hồ sơ ({deadline}).")]
    SignedBeforeDeadline { signed: String, deadline: String },
    #[error("Ngày ký {signed} không hợp lệ: quyết định chỉ ký được từ ngày Hội đồng họp xét ({meeting}) trở đi.")]
    SignedBeforeMeeting { signed: String, meeting: String },
    #[error("Không dùng được «{file}» làm ảnh quốc huy: {why}. Chưa lưu gì.")]
    BadEmblem { file: String, why: String },
    #[error("Khổ Giấy khen «{0}» không hợp lệ: ghi A4, A3 hoặc RỘNGxCAO tính bằng mm (ví dụ 400x300), mỗi chiều từ 100 đến 500 mm.")]
    StockSize(String),
}

area!(PaperError {
    DecisionNumberZero => "decision_number_zero", Some("number");
    NotADocument => "not_a_document", Some("path");
    Copies { copies, max } => "bad_copies", Some("copies");
    UnknownField { field, known } => "unknown_field", Some("field");
    OffsetTooLarge { max_mm } => "offset_too_large", Some("offset");
    SignedBeforeDeadline { signed, deadline } => "signed_before_deadline", Some("date");
    SignedBeforeMeeting { signed, meeting } => "signed_before_meeting", Some("date");
    BadEmblem { file, why } => "bad_emblem", Some("emblem");
    StockSize(String) => "bad_stock_size", Some("stock_size");
});

/// A campaign's settings and the next campaign made like one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("Tham số không hợp lệ: «{0}» không được để trống.")]
    Empty(String),
    #[error("Tham số không hợp lệ: «{what}» {problem}.")]
    BadText { what: String, problem: TextProblem },
    #[error("Tham số không hợp lệ: bảng mức lương cơ sở có hai dòng cùng áp dụng từ {0}.")]
    SalaryRowTwice(String),
    #[error("Tham số không hợp lệ: mức lương cơ sở áp dụng từ {0} phải lớn hơn 0.")]
    SalaryNotPositive(String),
    #[error("Tham số không hợp lệ: hạn nộp hồ sơ ({deadline}) trước ngày bắt đầu đợt thi đua ({start}).")]
    DeadlineBeforeStart { deadline: String, start: String },
    #[error("Tham số không hợp lệ: {0}")]
    NextCampaign(String),
    #[error("Số kế hoạch «{0}» không hợp lệ: chỉ gồm chữ số, có thể thêm chữ cái (ví dụ 125 hoặc 125a), tối đa 12 ký tự; ký hiệu «/KH-UBND» được thêm khi in.")]
    PlanNumber(String),
}

area!(SettingsError {
    Empty(String) => "setting_missing", None;
    BadText { what, problem } => "bad_text", None;
    SalaryRowTwice(String) => "salary_row_twice", Some("base_salary");
    SalaryNotPositive(String) => "salary_not_positive", Some("base_salary");
    DeadlineBeforeStart { deadline, start } => "deadline_before_start", Some("deadline");
    NextCampaign(String) => "bad_next_campaign", None;
    PlanNumber(String) => "bad_plan_number", Some("plan_number");
});

/// Keeping the records: backups, scanned files, files written for another PC.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecordsError {
    #[error("Không có bản sao lưu nào còn tốt để khôi phục.")]
    NoGoodBackup,
    #[error("Tham số không hợp lệ: «{0}» là chính cơ sở dữ liệu đang dùng; hãy chọn một tệp khác để sao lưu.")]
    BackupOverItself(PathBuf),
    #[error("Tham số không hợp lệ: tệp đính kèm chỉ lưu được khi dữ liệu nằm trong một tệp trên máy.")]
    NoDataFolder,
    #[error("Tham số không hợp lệ: tệp «{file}» quá lớn ({mb} MB; tối đa {max_mb} MB).")]
    AttachmentTooLarge { file: PathBuf, mb: u64, max_mb: u64 },
    #[error("«{0}» không phải một tệp thông thường (thư mục, thiết bị, đường ống hay liên kết tượng trưng); hãy chọn chính tệp bản quét.")]
    NotARegularFile(PathBuf),
    #[error("Tham số không hợp lệ: không có tệp đính kèm số {0}.")]
    UnknownAttachment(i64),
    #[error("Tham số không hợp lệ: tệp đính kèm «{0}» đã bị thay đổi hoặc hỏng trên đĩa (mã băm không khớp).")]
    AttachmentAltered(PathBuf),
    #[error("Không ghi được tệp trao đổi: {0}")]
    Encoding(String),
}

area!(RecordsError {
    NoGoodBackup => "no_backup", None;
    BackupOverItself(PathBuf) => "backup_over_itself", None;
    NoDataFolder => "no_data_folder", None;
    AttachmentTooLarge { file, mb, max_mb } => "attachment_too_large", None;
    NotARegularFile(PathBuf) => "not_a_regular_file", None;
    UnknownAttachment(i64) => "unknown_attachment", None;
    AttachmentAltered(PathBuf) => "attachment_altered", None;
    Encoding(String) => "encoding", None;
});

/// A value typed on the command line or in a form that is not one the application knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// `what` «value» is none of the `choices`.
    #[error("Tham số không hợp lệ: {what} «{value}» phải là một trong: {choices}.")]
    Choice { field: &'static str, what: &'static str, value: String, choices: String },
    /// A time or day that does not read.
    #[error("Tham số không hợp lệ: {what} «{value}»: {why}")]
    Time { field: &'static str, what: &'static str, value: String, why: String },
    /// A number that does not read or is out of its range.
    #[error("Tham số không hợp lệ: {what} «{value}»: {why}")]
    Number { field: &'static str, what: &'static str, value: String, why: String },
    /// A text typed that cannot be taken as it is.
    #[error("Tham số không hợp lệ: {what} {problem}.")]
    Text { field: &'static str, what: &'static str, problem: TextProblem },
    /// One of several options must be chosen.
    #[error("Tham số không hợp lệ: hãy chọn {0}.")]
    NothingChosen(&'static str),
}

impl InputError {
    /// The stable machine code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            InputError::Choice { .. } => "bad_choice",
            InputError::Time { .. } => "bad_time",
            InputError::Number { .. } => "bad_number",
            InputError::Text { .. } => "bad_text",
            InputError::NothingChosen(_) => "nothing_chosen",
        }
    }

    /// The field the value was typed in.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            InputError::Choice { field, .. }
            | InputError::Time { field, .. }
            | InputError::Number { field, .. }
            | InputError::Text { field, .. } => Some(field),
            InputError::NothingChosen(_) => None,
        }
    }
}
