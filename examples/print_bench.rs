//! Printing benchmark: `cargo run --release --example print_bench -- N DIR` builds a campaign of
//! N awardees in a temporary database through the library's API (definition, recorded dossiers,
//! appraisal, decision record) and writes `DIR/decision.pdf` (with its N-row annex) and
//! `DIR/certificates.pdf`, then prints the time, the pages and the bytes per page.

use std::path::PathBuf;
use std::time::Instant;

use chrono::{NaiveDate, TimeZone, Utc};
use thidua::app::papers::render_campaign as render;
use thidua::documents::{DocumentKind, PrintOptions};
use thidua::exchange::example_definition;
use thidua::model::DecisionRecord;
use thidua::model::{Gender, NewNomination, NomineeKind, Parts, UnitDefinition, UnitKind};
use thidua::Store;

const FAMILY: [&str; 8] = ["Nguyễn", "Trần", "Lê", "Hoàng", "Nông", "Đàm", "Triệu", "Ma"];
const MIDDLE: [&str; 4] = ["Văn", "Thị", "Thu", "Đức"];
const GIVEN: [&str; 10] = ["Hường", "Dũng", "Trang", "Lành", "Yến", "Đạt", "Ánh", "Bình", "Quý", "Ngọc"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().ok_or("usage: print_bench N DIR")?.parse()?;
    let dir = PathBuf::from(args.next().ok_or("usage: print_bench N DIR")?);
    std::fs::create_dir_all(&dir)?;

    let setup = Instant::now();
    let tmp = std::env::temp_dir().join(format!("thidua-bench-{}.sqlite3", std::process::id()));
    let mut store = Store::open(&tmp)?;
    // One unit per awardee: the quota (R4) allows one dossier per unit.
    let mut def = example_definition()?;
    def.code = format!("bench-{n}");
    def.units =
        (1..=n).map(|i| UnitDefinition { name: format!("Xã Thử Nghiệm {i}"), kind: UnitKind::Commune }).collect();
    let campaign_id = store.create_campaign(&def)?;
    let campaign = store.campaign(Some(&def.code))?;
    let submitted = Utc.with_ymd_and_hms(2024, 1, 3, 2, 0, 0).single().ok_or("time")?;
    let items: Vec<NewNomination> = store
        .units(campaign_id)?
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let collective = i % 10 == 0;
            NewNomination {
                unit: u.id,
                kind: if collective { NomineeKind::Collective } else { NomineeKind::Individual },
                name: if collective {
                    format!("Ủy ban nhân dân {}", u.name.to_lowercase())
                } else {
                    format!("{} {} {}", FAMILY[i % 8], MIDDLE[i % 4], GIVEN[(i / 3) % 10])
                },
                gender: (!collective).then_some(if i % 2 == 0 { Gender::Male } else { Gender::Female }),
                position: (!collective).then(|| "Công chức Văn phòng - Thống kê".to_string()),
                submitted_at: submitted,
                parts: Parts::COMPLETE,
                summary: String::new(),
                women_percent: None,
            }
        })
        .collect();
    store.record_nominations(campaign_id, &items)?;
    store.accept_all(campaign_id)?;
    let signed_on = NaiveDate::from_ymd_opt(2024, 1, 10).ok_or("date")?;
    store.set_decision(campaign_id, &DecisionRecord { number: 25, signed_on, signer: None })?;
    let setup = setup.elapsed();

    let start = Instant::now();
    let decision = render(&store, &campaign, DocumentKind::Decision, &PrintOptions::default())?;
    std::fs::write(dir.join("decision.pdf"), &decision)?;
    let certificates = render(&store, &campaign, DocumentKind::Certificates, &PrintOptions::default())?;
    std::fs::write(dir.join("certificates.pdf"), &certificates)?;
    let elapsed = start.elapsed();
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", tmp.display()));
    }

    let pages = |bytes: &[u8]| lopdf::Document::load_mem(bytes).map(|d| d.get_pages().len()).unwrap_or(0);
    let (dp, cp) = (pages(&decision), pages(&certificates));
    println!("awardees: {n}; setup (database): {:.0} ms", setup.as_secs_f64() * 1000.0);
    println!("printing both files: {:.0} ms", elapsed.as_secs_f64() * 1000.0);
    for (name, bytes, p) in [("decision.pdf", &decision, dp), ("certificates.pdf", &certificates, cp)] {
        println!(
            "{name}: {p} pages, {} bytes, {:.0} bytes per page",
            bytes.len(),
            bytes.len() as f64 / p.max(1) as f64
        );
    }
    let total = decision.len() + certificates.len();
    println!("both: {} pages, {:.0} bytes per page", dp + cp, total as f64 / (dp + cp).max(1) as f64);
    Ok(())
}
