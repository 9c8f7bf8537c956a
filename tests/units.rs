//! The campaign's list of units kept up to date by the secretary: added, renamed, kind corrected,
//! taken off; the quota follows the unit's kind.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, example_file, example_store, stderr, stdout};
use thidua::model::{Gender, NewNomination, NomineeKind, Parts, Status, UnitKind};
use thidua::Store;

fn dossier(unit: thidua::model::UnitId, name: &str, time: &str) -> NewNomination {
    NewNomination {
        unit,
        kind: NomineeKind::Individual,
        name: name.into(),
        gender: Some(Gender::Male),
        position: None,
        submitted_at: time.parse().unwrap(),
        parts: Parts::COMPLETE,
        summary: String::new(),
        women_percent: None,
    }
}

#[test]
fn a_unit_is_added_last_renamed_and_taken_off_and_names_stay_unique() {
    let (mut store, c) = example_store();
    let before = store.units(c.id).unwrap();
    let id = store.add_unit(c.id, "  Xã Quang  Thuận mới ", UnitKind::Commune).unwrap();
    let units = store.units(c.id).unwrap();
    assert_eq!(units.len(), before.len() + 1);
    let added = units.last().unwrap();
    assert_eq!((added.id, added.name.as_str(), added.kind), (id, "Xã Quang Thuận mới", UnitKind::Commune));
    assert!(added.position > before.last().unwrap().position);

    // The same name, written without diacritics, is the same unit.
    let twice = store.add_unit(c.id, "xa quang thuan moi", UnitKind::Commune).unwrap_err();
    assert!(twice.to_string().contains("đã có đơn vị «xa quang thuan moi»"), "{twice}");
    let taken = store.update_unit(id, "Phòng Y tế", UnitKind::Office).unwrap_err();
    assert!(taken.to_string().contains("đã có đơn vị «Phòng Y tế»"), "{taken}");
    store.update_unit(id, "Xã Quang Thuận", UnitKind::Commune).unwrap_err();

    store.update_unit(id, "Xã Dương Quang", UnitKind::Commune).unwrap();
    assert_eq!(store.units(c.id).unwrap().last().unwrap().name, "Xã Dương Quang");

    // A unit with a dossier keeps it; an empty one can go.
    store.record_nomination(c.id, &dossier(id, "Hà Văn Tú", "2024-01-04T08:00:00+07:00")).unwrap();
    let kept = store.remove_unit(id).unwrap_err();
    assert!(kept.to_string().contains("đã có 1 hồ sơ"), "{kept}");
    let empty = store.add_unit(c.id, "Phòng Tài nguyên mới", UnitKind::Office).unwrap();
    store.remove_unit(empty).unwrap();
    assert_eq!(store.units(c.id).unwrap().len(), before.len() + 1);
}

#[test]
fn correcting_a_unit_s_kind_applies_that_kind_s_quota_to_its_dossiers() {
    let (mut store, c) = example_store();
    // A kind the campaign gives no place to: the unit's dossiers are over quota; back, they are not.
    let mut settings = c.settings.clone();
    settings.quotas.remove(&UnitKind::MassOrganisation);
    store.update_settings(c.id, &settings).unwrap();
    let unit = store.units(c.id).unwrap().into_iter().find(|u| u.name == "Phòng Y tế").unwrap();
    let n = store.record_nomination(c.id, &dossier(unit.id, "Nông Văn Ba", "2024-01-04T08:00:00+07:00")).unwrap();
    assert_eq!(store.nomination(n).unwrap().status, Status::Received);
    store.update_unit(unit.id, &unit.name, UnitKind::MassOrganisation).unwrap();
    let refused = store.nomination(n).unwrap();
    assert_eq!(refused.status, Status::Refused);
    assert!(refused.refusals[0].note.contains("không dành suất"), "{:?}", refused.refusals);
    store.update_unit(unit.id, &unit.name, UnitKind::Office).unwrap();
    assert_eq!(store.nomination(n).unwrap().status, Status::Received);
}

#[test]
fn the_units_command_adds_edits_and_removes() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let out = cli(&db, &["units", "add", "Xã Dương Quang", "--kind", "commune"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let id: i64 = stdout(&out).split("đơn vị số ").nth(1).unwrap().split(':').next().unwrap().parse().unwrap();
    let out = cli(&db, &["units", "edit", &id.to_string(), "--name", "Xã Dương Quang (mới)"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&cli(&db, &["units"])).contains("Xã Dương Quang (mới)"));
    let bad = cli(&db, &["units", "add", "Xã Mới", "--kind", "xa"]);
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("khối «xa»"), "{}", stderr(&bad));
    let out = cli(&db, &["units", "remove", &id.to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let store = Store::open(&db).unwrap();
    assert!(!store
        .units(store.campaign(None).unwrap().id)
        .unwrap()
        .iter()
        .any(|u| u.name.starts_with("Xã Dương Quang")));
}

/// A unit's forms for sentences are data: a commune is addressed through its People's
/// Committee by default, and the secretary may set another addressee, which the refusal notice
/// then prints; a blank goes back to the default; a formula is refused with nothing written.
#[test]
fn a_units_addressee_is_set_on_the_command_line_and_printed_on_its_notice() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let id_of = |name: &str| -> String {
        let list = stdout(&cli(&db, &["units"]));
        list.lines().find(|l| l.ends_with(&format!("\t{name}"))).unwrap().split('\t').next().unwrap().to_string()
    };
    let pdf = dir.path().join("tb.pdf");
    let notices = || {
        let o = cli(&db, &["print", "refusals", "--out", pdf.to_str().unwrap()]);
        assert!(o.status.success(), "{}", stderr(&o));
        let out = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap();
        String::from_utf8_lossy(&out.stdout).split_whitespace().collect::<Vec<_>>().join(" ")
    };
    assert!(notices().contains("Kính gửi: Ủy ban nhân dân xã Cẩm Giàng."));

    let cam_giang = id_of("Xã Cẩm Giàng");
    let before = common::content_digest(&db);
    let o = cli(&db, &["units", "edit", &cam_giang, "--addressee", "=HYPERLINK(\"x\")"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("«Kính gửi» của đơn vị"), "{}", stderr(&o));
    assert_eq!(common::content_digest(&db), before);

    let o = cli(&db, &["units", "edit", &cam_giang, "--addressee", "Chủ tịch Ủy ban nhân dân xã Cẩm Giàng"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("«Kính gửi: Chủ tịch Ủy ban nhân dân xã Cẩm Giàng.»"), "{}", stdout(&o));
    let t = notices();
    assert!(t.contains("Kính gửi: Chủ tịch Ủy ban nhân dân xã Cẩm Giàng."), "{t}");
    assert!(t.contains("thông báo để Chủ tịch Ủy ban nhân dân xã Cẩm Giàng được biết./."), "{t}");

    let o = cli(&db, &["units", "edit", &cam_giang, "--addressee", ""]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(notices().contains("Kính gửi: Ủy ban nhân dân xã Cẩm Giàng."));
}
