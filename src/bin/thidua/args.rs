//! The command line's arguments and subcommands, as clap parses them. Help texts are the
//! secretary's Vietnamese.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};

use thidua::documents::DocumentKind;

use crate::council;

/// Thi đua: hồ sơ đề nghị khen thưởng của một đợt thi đua.
#[derive(Parser)]
#[command(name = "thidua", version)]
pub(crate) struct Cli {
    /// Tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu của người dùng).
    #[arg(long, global = true, value_name = "TỆP")]
    pub(crate) db: Option<PathBuf>,
    /// Mã đợt thi đua (mặc định: đợt đang làm việc, xem «thidua campaigns»).
    #[arg(long, global = true, value_name = "MÃ")]
    pub(crate) campaign: Option<String>,
    /// Tên người thực hiện ghi vào nhật ký thay đổi (mặc định: tên người dùng của máy).
    #[arg(long, global = true, value_name = "TÊN")]
    pub(crate) user: Option<String>,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Tạo cơ sở dữ liệu; với --example, thêm đợt thi đua mẫu Bạch Thông quý IV/2023.
    Init {
        #[arg(long)]
        example: bool,
    },
    /// Liệt kê các đợt thi đua.
    Campaigns,
    /// Đợt thi đua: nhập tệp định nghĩa.
    #[command(subcommand)]
    Campaign(CampaignCommand),
    /// Đơn vị của đợt thi đua: liệt kê, thêm, sửa, bỏ.
    Units {
        #[command(subcommand)]
        command: Option<UnitsCommand>,
    },
    /// Nhập hồ sơ từ tệp .csv hoặc .xlsx (nhập tất cả hoặc không dòng nào).
    Import {
        /// Tệp .csv hoặc .xlsx theo mẫu nhập hồ sơ.
        #[arg(value_name = "TỆP")]
        file: PathBuf,
        /// Họ tên gõ toàn chữ thường hoặc toàn chữ hoa được ghi viết hoa chữ cái đầu mỗi tiếng
        /// («nguyễn văn a» thành «Nguyễn Văn A»).
        #[arg(long, conflicts_with = "as_typed")]
        title_case: bool,
        /// Họ tên được ghi đúng như trong tệp, kể cả khi gõ toàn chữ thường hoặc toàn chữ hoa.
        #[arg(long)]
        as_typed: bool,
    },
    /// Liệt kê hồ sơ đề nghị khen thưởng.
    Nominations {
        #[arg(long)]
        json: bool,
    },
    /// Sửa hồ sơ đã ghi nhận (tên, giới tính, chức vụ, thời điểm nộp, thành phần hồ sơ...); các quy
    /// định tiếp nhận được áp dụng lại.
    Correct(CorrectArgs),
    /// Thẩm định hồ sơ: đạt (--accept), không tiếp nhận (--refuse LÝ_DO) hoặc thẩm định lại (--reopen).
    Appraise(AppraiseArgs),
    /// Thành viên Hội đồng (lấy từ đợt trước nếu đợt này chưa có).
    Members {
        #[command(subcommand)]
        command: Option<council::MembersCommand>,
    },
    /// Cuộc họp Hội đồng: xem, mở, kết thúc.
    Meeting {
        #[command(subcommand)]
        command: Option<council::MeetingCommand>,
    },
    /// Điểm chấm của Hội đồng.
    #[command(subcommand)]
    Scores(council::ScoresCommand),
    /// Xếp hạng các hồ sơ được thẩm định đạt theo điểm trung bình.
    Ranking {
        /// collective hoặc individual.
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Ghi kết quả biểu quyết cho một hồ sơ.
    Vote {
        id: i64,
        #[arg(long)]
        agree: u32,
        #[arg(long, default_value_t = 0)]
        disagree: u32,
        #[arg(long, default_value_t = 0)]
        blank: u32,
    },
    /// Thành viên không tham gia chấm điểm, biểu quyết một hồ sơ vì có liên quan đến đơn vị của hồ sơ
    /// (tự nhận ra khi chức vụ của thành viên nêu tên đơn vị); không ghi tham số thì liệt kê.
    Recuse {
        /// Họ và tên (hoặc số) của thành viên.
        #[arg(value_name = "THÀNH_VIÊN", requires = "nomination")]
        member: Option<String>,
        /// Số hồ sơ.
        #[arg(value_name = "HỒ_SƠ")]
        nomination: Option<i64>,
        /// Bỏ việc không tham gia (thành viên chấm điểm, biểu quyết hồ sơ này như mọi hồ sơ khác).
        #[arg(long)]
        clear: bool,
    },
    /// Danh sách đề nghị cấp trên khen thưởng (tối đa 03).
    Shortlist {
        #[command(subcommand)]
        command: Option<council::ShortlistCommand>,
        #[arg(long)]
        json: bool,
    },
    /// Quyết định khen thưởng: ghi số, ngày ký và người ký.
    #[command(subcommand)]
    Decision(DecisionCommand),
    /// Giấy khen: lưu độ lệch của một trường khi in trên phôi in sẵn.
    #[command(subcommand)]
    Certificate(CertificateCommand),
    /// In văn bản: ra tệp PDF (--out) hoặc ra máy in (--printer).
    Print(PrintArgs),
    /// Sao lưu toàn bộ cơ sở dữ liệu ra một tệp (ví dụ trên USB).
    Backup { file: PathBuf },
    /// Khôi phục cơ sở dữ liệu từ một bản sao lưu (bản đang dùng được giữ lại làm bản sao lưu).
    Restore { file: PathBuf },
    /// Kiểm tra cơ sở dữ liệu có bị hỏng không.
    Check,
    /// Xuất dữ liệu: tệp trao đổi của đợt thi đua hoặc bảng tính .xlsx.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Nhập một đợt thi đua từ tệp trao đổi (.zip) do «thidua export campaign» tạo.
    ImportCampaign { file: PathBuf },
    /// Nhật ký thay đổi (của cả đợt thi đua, của một hồ sơ với --nomination, hoặc toàn bộ với --all).
    Log {
        #[arg(long, value_name = "SỐ", conflicts_with = "all")]
        nomination: Option<i64>,
        /// Toàn bộ nhật ký, kể cả các lần khôi phục cơ sở dữ liệu.
        #[arg(long)]
        all: bool,
        #[arg(long)]
        json: bool,
    },
    /// Liệt kê máy in của hệ thống in, khổ giấy và khay giấy.
    Printers {
        #[arg(long)]
        json: bool,
    },
    /// Đính kèm tệp (bản quét hồ sơ) vào một hồ sơ; tệp được chép vào thư mục dữ liệu.
    Attach {
        id: i64,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Liệt kê tệp đính kèm của một hồ sơ.
    Attachments { id: i64 },
    /// Tìm hồ sơ theo tên, không cần dấu ("nguyen thi huong").
    Search {
        text: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
pub(crate) enum CampaignCommand {
    /// Nhập một tệp định nghĩa đợt thi đua (.json, cùng dạng với đợt mẫu); đợt mới thành đợt đang làm việc.
    Import { file: PathBuf },
    /// Chọn đợt thi đua đang làm việc (dùng khi không ghi --campaign).
    Use { code: String },
    /// Kế hoạch phát động đợt thi đua: ghi số và ngày ký (văn bản nào cũng căn cứ kế hoạch này);
    /// không ghi tùy chọn nào thì in căn cứ hiện tại.
    Plan {
        /// Số kế hoạch (125 trong «125/KH-UBND»); để trống ("") thì bỏ số đã ghi.
        #[arg(long, value_name = "SỐ")]
        number: Option<String>,
        /// Ngày ký kế hoạch, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<chrono::NaiveDate>,
    },
    /// Tạo đợt thi đua mới giống đợt đang làm việc (cơ quan, khen thưởng, tiêu chí, đơn vị), với mã,
    /// tên, thời gian, hạn nộp và kế hoạch mới; đợt mới thành đợt đang làm việc.
    Next {
        /// Mã đợt mới: chữ thường không dấu, chữ số, dấu gạch ngang.
        #[arg(long)]
        code: String,
        #[arg(long)]
        name: String,
        /// Ngày bắt đầu, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: chrono::NaiveDate,
        /// Ngày kết thúc, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: chrono::NaiveDate,
        /// Hạn nộp hồ sơ: "dd/mm/yyyy HH:MM", giờ Việt Nam.
        #[arg(long, value_name = "THỜI_ĐIỂM")]
        deadline: String,
        /// Số kế hoạch phát động đợt thi đua.
        #[arg(long, value_name = "SỐ")]
        plan_number: Option<String>,
        /// Ngày ký kế hoạch, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        plan_date: Option<chrono::NaiveDate>,
    },
}

#[derive(Subcommand)]
pub(crate) enum DecisionCommand {
    /// Ghi số và ngày ký của quyết định (sau khi đã ký).
    SetNumber {
        /// Số quyết định (25 trong «25/QĐ-UBND»).
        number: u32,
        /// Ngày ký, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: chrono::NaiveDate,
        /// Họ và tên người ký (mặc định: người ký trong thiết lập của đợt thi đua).
        #[arg(long, value_name = "HỌ_TÊN")]
        signer: Option<String>,
        /// Chức vụ người ký: «CHỦ TỊCH» hoặc «PHÓ CHỦ TỊCH» (ký thay: KT. CHỦ TỊCH).
        #[arg(long, value_name = "CHỨC_VỤ", requires = "signer")]
        signer_title: Option<String>,
    },
}

#[derive(Subcommand)]
pub(crate) enum CertificateCommand {
    /// Lưu độ lệch (mm, sang phải và xuống dưới) của một trường trên phôi in sẵn.
    Offset {
        /// Tên trường (xem trang căn chỉnh: thidua print calibration).
        field: String,
        #[arg(long, allow_hyphen_values = true, default_value = "0")]
        dx: f64,
        #[arg(long, allow_hyphen_values = true, default_value = "0")]
        dy: f64,
    },
    /// Ảnh quốc huy (tệp PNG) in ở giữa phía trên Giấy khen khi in trên giấy trắng; --clear để bỏ.
    Emblem {
        /// Tệp ảnh PNG (tối đa 5 MB, mỗi chiều tối đa 3000 điểm ảnh).
        #[arg(value_name = "TỆP.png", required_unless_present = "clear")]
        file: Option<PathBuf>,
        /// Bỏ ảnh đã chọn: giấy trắng chỉ in vị trí của quốc huy.
        #[arg(long, conflicts_with = "file")]
        clear: bool,
    },
    /// Khổ Giấy khen của đợt thi đua: A4 (297 × 210 mm, mặc định theo Nghị định 98/2023), A3 (420 × 297)
    /// hoặc RỘNGxCAO tính bằng mm (ví dụ 400x300); in luôn đúng kích thước.
    Size {
        #[arg(value_name = "KHỔ")]
        size: String,
    },
}

/// A document named by its code (`decision`, `score-sheets`…), as the core lists them.
fn document_kind(text: &str) -> Result<DocumentKind, String> {
    DocumentKind::from_code(text).ok_or_else(|| {
        let codes: Vec<String> = DocumentKind::ALL.iter().map(|k| k.code().replace('_', "-")).collect();
        format!("Không có văn bản «{}»; dùng một trong: {}", thidua::vn::shown(text), codes.join(", "))
    })
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum OrientationArg {
    Auto,
    Portrait,
    Landscape,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum StockKind {
    Plain,
    Preprinted,
}

#[derive(Args)]
#[command(group(ArgGroup::new("target").required(true).args(["out", "printer"])))]
pub(crate) struct PrintArgs {
    /// decision, annex, certificates, calibration, refusals, score-sheets, minutes, proposal.
    #[arg(value_parser = document_kind, value_name = "VĂN_BẢN")]
    pub(crate) what: DocumentKind,
    /// Tệp PDF sẽ ghi.
    #[arg(long, value_name = "TỆP.pdf")]
    pub(crate) out: Option<PathBuf>,
    /// Tên máy in (xem: thidua printers); lệnh chỉ kết thúc khi máy in đã in xong.
    #[arg(long, value_name = "TÊN")]
    pub(crate) printer: Option<String>,
    /// Các trang cần in: «3», «5-7», «2,9».
    #[arg(long, value_name = "TRANG", requires = "printer")]
    pub(crate) pages: Option<String>,
    /// Số bản in.
    #[arg(long, default_value_t = 1, requires = "printer")]
    pub(crate) copies: u32,
    /// Khổ giấy (mặc định: A4; giấy khen theo khổ phôi của đợt thi đua, in đúng kích thước).
    #[arg(long, value_name = "KHỔ", requires = "printer")]
    pub(crate) media: Option<String>,
    /// Hướng giấy: auto, portrait, landscape.
    #[arg(long, value_enum, default_value = "auto", requires = "printer")]
    pub(crate) orientation: OrientationArg,
    /// Chờ máy in tối đa bao nhiêu giây.
    #[arg(long, default_value_t = 120, value_name = "GIÂY", requires = "printer")]
    pub(crate) timeout: u64,
    /// Giấy khen: giấy trắng có viền (plain) hoặc phôi in sẵn (preprinted).
    #[arg(long, value_enum, default_value = "plain")]
    pub(crate) stock: StockKind,
    /// Phiếu chấm điểm: tên thành viên Hội đồng (nhắc lại cho mỗi người; mặc định: mọi thành viên).
    #[arg(long, value_name = "HỌ_TÊN")]
    pub(crate) member: Vec<String>,
}

#[derive(Subcommand)]
pub(crate) enum ExportCommand {
    /// Cả đợt thi đua ra một tệp trao đổi (.zip) kèm mã băm SHA-256.
    Campaign { file: PathBuf },
    /// Hồ sơ, xếp hạng và danh sách khen thưởng ra bảng tính .xlsx.
    Xlsx { file: PathBuf },
}

#[derive(Args)]
#[command(group(ArgGroup::new("action").required(true).args(["accept", "refuse", "accept_all", "reopen"])))]
pub(crate) struct AppraiseArgs {
    /// Số hồ sơ.
    #[arg(required_unless_present = "accept_all")]
    pub(crate) id: Option<i64>,
    /// Thẩm định đạt.
    #[arg(long, conflicts_with_all = ["refuse", "accept_all"])]
    pub(crate) accept: bool,
    /// Không tiếp nhận, với mã lý do: late, incomplete, wrong_form, over_quota, criteria_not_met.
    #[arg(long, value_name = "LÝ_DO")]
    pub(crate) refuse: Option<String>,
    /// Ghi chú gửi đơn vị.
    #[arg(long, requires = "refuse")]
    pub(crate) note: Option<String>,
    /// Thẩm định đạt mọi hồ sơ đang chờ.
    #[arg(long, conflicts_with_all = ["id", "refuse"])]
    pub(crate) accept_all: bool,
    /// Hủy kết quả thẩm định đã ghi: hồ sơ trở lại chờ thẩm định.
    #[arg(long, conflicts_with_all = ["accept", "refuse", "accept_all"])]
    pub(crate) reopen: bool,
}

/// Only the fields given change; the others keep their recorded value.
#[derive(Args)]
pub(crate) struct CorrectArgs {
    /// Số hồ sơ.
    pub(crate) id: i64,
    /// Tên đơn vị đề nghị (không cần dấu).
    #[arg(long, value_name = "ĐƠN_VỊ")]
    pub(crate) unit: Option<String>,
    /// collective (tập thể) hoặc individual (cá nhân).
    #[arg(long)]
    pub(crate) kind: Option<String>,
    #[arg(long)]
    pub(crate) name: Option<String>,
    /// male (nam) hoặc female (nữ).
    #[arg(long)]
    pub(crate) gender: Option<String>,
    #[arg(long)]
    pub(crate) position: Option<String>,
    /// Thời điểm nộp trên Cổng dịch vụ công: "dd/mm/yyyy HH:MM", giờ Việt Nam.
    #[arg(long, value_name = "THỜI_ĐIỂM")]
    pub(crate) time: Option<String>,
    /// Tờ trình: present, missing hoặc wrong_form.
    #[arg(long)]
    pub(crate) proposal_letter: Option<String>,
    /// Biên bản họp xét: present, missing hoặc wrong_form.
    #[arg(long)]
    pub(crate) minutes: Option<String>,
    /// Báo cáo thành tích: present, missing hoặc wrong_form.
    #[arg(long)]
    pub(crate) achievement_report: Option<String>,
    /// Tóm tắt thành tích.
    #[arg(long, value_name = "VĂN_BẢN")]
    pub(crate) summary: Option<String>,
    /// Tỷ lệ nữ của tập thể, phần trăm (0 đến 100).
    #[arg(long, value_name = "PHẦN_TRĂM")]
    pub(crate) women_percent: Option<u8>,
}

#[derive(Subcommand)]
pub(crate) enum UnitsCommand {
    /// Thêm đơn vị vào cuối danh sách.
    Add {
        name: String,
        /// office (cơ quan chuyên môn), mass_organisation (đoàn thể) hoặc commune (xã, thị trấn).
        #[arg(long, value_name = "KHỐI")]
        kind: String,
    },
    /// Sửa tên hoặc khối của đơn vị số ID (các quy định tiếp nhận được áp dụng lại cho hồ sơ của đơn vị).
    Edit {
        /// Số đơn vị (xem «thidua units»).
        id: i64,
        /// Tên mới của đơn vị trong danh sách.
        #[arg(long, value_name = "TÊN")]
        name: Option<String>,
        /// office (cơ quan chuyên môn), mass_organisation (đoàn thể) hoặc commune (xã, thị trấn).
        #[arg(long, value_name = "KHỐI")]
        kind: Option<String>,
        /// Văn bản gửi đơn vị ghi «Kính gửi: …» thế nào (mặc định: xã, thị trấn gửi Ủy ban nhân
        /// dân xã, thị trấn; đơn vị khác ghi tên đơn vị); "" để dùng lại mặc định.
        #[arg(long, value_name = "TÊN")]
        addressee: Option<String>,
        /// Tên đơn vị khi đứng trong câu văn (mặc định: «xã Cẩm Giàng» cho «Xã Cẩm Giàng»); "" để
        /// dùng lại mặc định.
        #[arg(long, value_name = "TÊN")]
        in_sentence: Option<String>,
    },
    /// Bỏ đơn vị số ID khỏi danh sách (đơn vị chưa có hồ sơ).
    Remove { id: i64 },
}
