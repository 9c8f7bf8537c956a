//! The annex lists collectives before individuals, then each kind by unit in the campaign's unit
//! order (the default) or, when the campaign asks, alphabetically (people by given name).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{example_store, fixture};
use thidua::app::intake::import_nominations;
use thidua::model::AnnexOrder;

fn names(order: AnnexOrder) -> Vec<String> {
    let (mut store, c) = example_store();
    import_nominations(&mut store, &c, &fixture("nominations-example.csv")).unwrap();
    store.accept_all(c.id).unwrap();
    let mut settings = c.settings.clone();
    settings.decision.annex_order = order;
    store.update_settings(c.id, &settings).unwrap();
    let c = store.campaign(None).unwrap();
    thidua::app::papers::decision_data(&store, &c).unwrap().awardees.into_iter().map(|a| a.name).collect()
}

#[test]
fn alphabetical_order_by_given_name_is_a_setting() {
    assert_eq!(
        names(AnnexOrder::Alphabetical),
        [
            "Phòng Tài chính - Kế hoạch",
            "Ủy ban nhân dân xã Quân Hà",
            "Đàm Văn Đạt",
            "Nguyễn Thị Hường",
            "Ma Văn Lành",
            "Triệu Thị Yến"
        ]
    );
}

#[test]
fn the_default_follows_the_campaigns_unit_list() {
    // Phòng Nội vụ (2), Huyện đoàn (16), Xã Vi Hương (21), Xã Cẩm Giàng (30).
    assert_eq!(AnnexOrder::default(), AnnexOrder::ByUnit);
    assert_eq!(
        names(AnnexOrder::default()),
        [
            "Phòng Tài chính - Kế hoạch",
            "Ủy ban nhân dân xã Quân Hà",
            "Nguyễn Thị Hường",
            "Triệu Thị Yến",
            "Đàm Văn Đạt",
            "Ma Văn Lành"
        ]
    );
}

/// Read back from the printed annex: in the alphabetical setting, people who share a given name
/// are ordered syllable by syllable, tones breaking ties within a syllable: «Ma Văn Lành» comes
/// before «Mã Thị Lành» (Ma < Mã decides before Thị and Văn are compared).
#[test]
fn the_printed_annex_orders_ma_before_ma_with_a_tone() {
    let (mut store, c) = example_store();
    let file = tempfile::NamedTempFile::with_suffix(".csv").unwrap();
    std::fs::write(
        file.path(),
        "Đơn vị,Loại,Tên,Giới tính,Chức vụ,Thời gian nộp,Tờ trình,Biên bản,Báo cáo thành tích\n\
         Phòng Nội vụ,Cá nhân,Mã Thị Lành,Nữ,Chuyên viên,04/01/2024 16:30,Có,Có,Có\n\
         Phòng Tư pháp,Cá nhân,Ma Văn Lành,Nam,Chuyên viên,04/01/2024 16:40,Có,Có,Có\n\
         Phòng Y tế,Cá nhân,Ân Văn An,Nam,Chuyên viên,04/01/2024 16:50,Có,Có,Có\n\
         Huyện đoàn,Cá nhân,An Thị Ăn,Nữ,Chuyên viên,04/01/2024 16:55,Có,Có,Có\n",
    )
    .unwrap();
    import_nominations(&mut store, &c, file.path()).unwrap();
    store.accept_all(c.id).unwrap();
    let mut settings = c.settings.clone();
    settings.decision.annex_order = AnnexOrder::Alphabetical;
    store.update_settings(c.id, &settings).unwrap();
    let c = store.campaign(None).unwrap();
    let bytes = thidua::app::papers::render_campaign(
        &store,
        &c,
        thidua::documents::DocumentKind::Annex,
        &thidua::documents::PrintOptions::default(),
    )
    .unwrap();
    std::fs::write(file.path().with_extension("pdf"), bytes).unwrap();
    let out = std::process::Command::new("pdftotext").arg(file.path().with_extension("pdf")).arg("-").output().unwrap();
    let t = String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ");
    let at = |s: &str| t.find(s).unwrap_or_else(|| panic!("no «{s}» in {t}"));
    // Given names first: An < Ăn < Lành; then Ma before Mã.
    assert!(at("Ân Văn An") < at("An Thị Ăn"), "{t}");
    assert!(at("An Thị Ăn") < at("Ma Văn Lành"), "{t}");
    assert!(at("Ma Văn Lành") < at("Mã Thị Lành"), "{t}");
    std::fs::remove_file(file.path().with_extension("pdf")).unwrap();
}
