//! The form's check while the secretary types and the rules applied when a dossier is saved are
//! one function (`rules::unit_intake`): fed the same cases, they give the same reasons and notes,
//! including after a dossier was refused at appraisal with the reason «over quota».

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use chrono::{DateTime, Utc};
use common::example_store;
use thidua::error::NominationError;
use thidua::model::{
    CampaignId, Gender, NewNomination, NominationId, NomineeKind, PartState, Parts, Reason, RefusalSource, UnitId,
};
use thidua::{Error, Store};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn unit(store: &Store, campaign: CampaignId, name: &str) -> UnitId {
    store.units(campaign).unwrap().into_iter().find(|u| u.name == name).unwrap().id
}

fn person(unit: UnitId, name: &str, time: &str) -> NewNomination {
    NewNomination {
        unit,
        kind: NomineeKind::Individual,
        name: name.into(),
        gender: Some(Gender::Male),
        position: Some("Chuyên viên".into()),
        submitted_at: at(time),
        parts: Parts::COMPLETE,
        summary: String::new(),
        women_percent: None,
    }
}

/// The reasons the save gave a dossier at intake, with their notes.
fn saved(store: &Store, id: NominationId) -> Vec<(Reason, String)> {
    let n = store.nomination(id).unwrap();
    n.refusals.into_iter().filter(|r| r.source == RefusalSource::Intake).map(|r| (r.reason, r.note)).collect()
}

/// Previews `item` as a new dossier, records it, and checks that both say the same; then checks
/// that every dossier of the campaign, previewed as corrected to its own values, gets the reasons
/// its save gave it.
fn record_and_compare(store: &mut Store, c: CampaignId, item: &NewNomination) -> NominationId {
    let preview = store.preview_nomination(c, item).unwrap();
    let id = store.record_nomination(c, item).unwrap();
    assert_eq!(preview, saved(store, id), "new dossier {}", item.name);
    for n in store.nominations(c).unwrap() {
        let same = n.as_new();
        assert_eq!(store.preview_correction(n.id, &same).unwrap(), saved(store, n.id), "dossier {} ({})", n.id, n.name);
    }
    id
}

#[test]
fn the_live_check_and_the_save_agree_on_every_case() {
    let (mut store, campaign) = example_store();
    let c = campaign.id;
    let u = unit(&store, c, "Phòng Y tế");
    let first = record_and_compare(&mut store, c, &person(u, "Nông Văn Hòa", "2024-01-03T08:00:00+07:00"));
    let second = record_and_compare(&mut store, c, &person(u, "Lý Văn Minh", "2024-01-04T08:00:00+07:00"));
    assert_eq!(saved(&store, second)[0].0, Reason::OverQuota);

    // Late, incomplete, and both: refused for their own reasons, they hold no place.
    let late = person(u, "Hà Văn Muộn", "2024-01-05T10:00:00+07:00");
    record_and_compare(&mut store, c, &late);
    let incomplete = NewNomination {
        parts: Parts { minutes: PartState::Missing, ..Parts::COMPLETE },
        ..person(u, "Bế Văn Thiếu", "2024-01-02T08:00:00+07:00")
    };
    record_and_compare(&mut store, c, &incomplete);

    // The dossier holding the place is refused at appraisal with the reason «over quota»: the
    // place passes to the next dossier, for the save and for the form alike.
    store.refuse(first, Reason::OverQuota, "Đơn vị đã có hồ sơ khác được chọn.").unwrap();
    assert!(saved(&store, second).is_empty(), "{:?}", saved(&store, second));
    let third = record_and_compare(&mut store, c, &person(u, "Hoàng Văn Ba", "2024-01-04T09:00:00+07:00"));
    let note = &saved(&store, third)[0].1;
    assert!(note.contains(&format!("hồ sơ số {second} (Lý Văn Minh")), "{note}");

    // An accepted dossier keeps its place against an earlier one recorded after it.
    store.accept(second).unwrap();
    record_and_compare(&mut store, c, &person(u, "Đàm Văn Sớm", "2024-01-01T08:00:00+07:00"));

    // Another unit, with a collective: its own place.
    let other = unit(&store, c, "Xã Tân Tú");
    let collective = NewNomination {
        kind: NomineeKind::Collective,
        gender: None,
        ..person(other, "Trường Mầm non Tân Tú", "2024-01-03T08:00:00+07:00")
    };
    record_and_compare(&mut store, c, &collective);
}

#[test]
fn every_path_that_writes_a_dossier_checks_it_the_same_way() {
    let (mut store, campaign) = example_store();
    let c = campaign.id;
    let u = unit(&store, c, "Phòng Y tế");
    let no_gender = NewNomination { gender: None, ..person(u, "Nông Văn Hòa", "2024-01-03T08:00:00+07:00") };
    let blank = person(u, "  \t ", "2024-01-03T08:00:00+07:00");
    let long = person(u, &"Nguyễn ".repeat(60), "2024-01-03T08:00:00+07:00");
    for (item, want) in [
        (&no_gender, NominationError::GenderMissing),
        (&blank, NominationError::EmptyName),
        (&long, NominationError::NameTooLong { length: 420, max: 300 }),
    ] {
        for outcome in [
            store.preview_nomination(c, item).map(|_| ()),
            store.record_nomination(c, item).map(|_| ()),
            store.record_nominations(c, std::slice::from_ref(item)).map(|_| ()),
        ] {
            match outcome {
                Err(Error::Nomination(e)) => assert_eq!(e, want),
                other => panic!("{}: {other:?}", item.name),
            }
        }
    }
    assert!(store.nominations(c).unwrap().is_empty(), "nothing was written");
    let id = store.record_nomination(c, &person(u, "Nông Văn Hòa", "2024-01-03T08:00:00+07:00")).unwrap();
    match store.correct_nomination(id, &no_gender) {
        Err(Error::Nomination(NominationError::GenderMissing)) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(store.nomination(id).unwrap().gender, Some(Gender::Male));
}
