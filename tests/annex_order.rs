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
