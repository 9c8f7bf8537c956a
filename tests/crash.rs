//! Crash test: the command line is killed (SIGKILL) at pseudo-random moments during a large
//! nominations import, a scoring import, a restore and a campaign exchange import. After every kill the database passes
//! `PRAGMA integrity_check` and holds all of the interrupted operation or none of it.
//!
//! The kill moments come from a fixed seed: each is a delay in microseconds drawn within the
//! measured length of an uninterrupted run, waited for by polling the child (never by sleeping),
//! so the test's outcome does not depend on the machine's speed.

#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{count, integrity};
use thidua::app::intake::import_nominations;
use thidua::exchange::example_definition;
use thidua::model::CouncilRole;
use thidua::Store;

const NOMINATIONS: usize = 1500;
const MEMBERS: usize = 12;

/// xorshift64*: deterministic kill moments without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

fn big_csv(path: &Path) {
    let units: Vec<String> = std::fs::read_to_string(common::fixture("units-bach-thong.csv"))
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap().to_string())
        .collect();
    let mut text =
        String::from("Đơn vị,Loại,Tên,Giới tính,Chức vụ,Thời gian nộp,Tờ trình,Biên bản,Báo cáo thành tích\n");
    for i in 0..NOMINATIONS {
        let unit = &units[i % units.len()];
        text.push_str(&format!(
            "{unit},Cá nhân,Nguyễn Văn Số {i},Nam,Chuyên viên,{:02}/01/2024 {:02}:{:02},Có,Có,Có\n",
            1 + i % 4,
            7 + i % 3,
            i % 60
        ));
    }
    std::fs::write(path, text).unwrap();
}

/// Removes a database and the files SQLite keeps beside it, then copies `from` in its place.
fn reset(from: &Path, to: &Path) {
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", to.display()));
    }
    std::fs::copy(from, to).unwrap();
}

fn spawn(db: &Path, args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_thidua"))
        .arg("--db")
        .arg(db)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Runs the command once to the end and returns how long it took.
fn calibrate(base: &Path, db: &Path, args: &[&str]) -> Duration {
    reset(base, db);
    let start = Instant::now();
    let status = spawn(db, args).wait().unwrap();
    assert!(status.success(), "{args:?} must succeed when not interrupted");
    start.elapsed()
}

/// Runs the command until it has been killed `kills` times before its end (at most `4 × kills`
/// runs), each time after a delay drawn in [0, length of a whole run]; `check` sees each result.
/// Returns the kills and the runs.
fn kill_loop(
    rng: &mut Rng,
    base: &Path,
    db: &Path,
    args: &[&str],
    kills: usize,
    mut check: impl FnMut(&Path, bool),
) -> (usize, usize) {
    let length = calibrate(base, db, args).as_micros() as u64;
    let mut killed = 0;
    let mut runs = 0;
    while killed < kills && runs < 4 * kills {
        runs += 1;
        reset(base, db);
        let delay = Duration::from_micros(rng.next() % (length + 1));
        let mut child = spawn(db, args);
        let start = Instant::now();
        // Bounded polling: the child either finishes or is killed once the delay has passed.
        while start.elapsed() < delay && child.try_wait().unwrap().is_none() {
            std::thread::yield_now();
        }
        let _ = child.kill();
        let status = child.wait().unwrap();
        let was_killed = status.signal() == Some(9);
        if was_killed {
            killed += 1;
        } else {
            assert!(status.success(), "{args:?} failed without being killed: {status}");
        }
        assert_eq!(integrity(db), "ok", "{args:?} after {delay:?}");
        check(db, was_killed);
    }
    (killed, runs)
}

fn example_db(path: &Path) -> Store {
    let mut store = Store::open(path).unwrap();
    store.create_campaign(&example_definition().unwrap()).unwrap();
    store
}

#[test]
fn sigkill_during_import_scoring_restore_and_exchange_leaves_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let csv = d.join("nhieu-ho-so.csv");
    big_csv(&csv);
    let work: PathBuf = d.join("work").join("thidua.sqlite3");
    std::fs::create_dir_all(work.parent().unwrap()).unwrap();
    let mut rng = Rng(0x5EED_0F7D_1D20_2024);

    // 1. A large import: all NOMINATIONS rows or none, and the audit trail agrees.
    // Killed runs that left the database as before / as after, per operation.
    let mut left = [[0usize; 2]; 4];
    let empty = d.join("empty.sqlite3");
    drop(example_db(&empty));
    let (import_kills, import_runs) =
        kill_loop(&mut rng, &empty, &work, &["import", csv.to_str().unwrap()], 40, |db, killed| {
            let n = count(db, "nominations");
            assert!(n == 0 || n == NOMINATIONS as i64, "import left {n} nominations");
            left[0][usize::from(n > 0)] += usize::from(killed);
            let logged = {
                let conn = rusqlite::Connection::open(db).unwrap();
                conn.query_row("SELECT COUNT(*) FROM audit_log WHERE table_name = 'nominations'", [], |r| {
                    r.get::<_, i64>(0)
                })
                .unwrap()
            };
            assert!(n == 0 && logged == 0 || n > 0 && logged >= n, "audit rows {logged} for {n} nominations");
        });

    // 2. A scoring session typed in from the sheets: every score and its meeting, or none.
    let appraised = d.join("appraised.sqlite3");
    let scores_csv = d.join("diem.csv");
    let cells;
    {
        let mut store = example_db(&appraised);
        let c = store.campaign(None).unwrap();
        import_nominations(&mut store, &c, &common::fixture("nominations-example.csv")).unwrap();
        store.accept_all(c.id).unwrap();
        let mut text = String::from("Thành viên,Hồ sơ,Tiêu chí,Điểm\n");
        let mut n = 0;
        for m in 1..=MEMBERS {
            let role = if m == 1 { CouncilRole::Chair } else { CouncilRole::Member };
            store.add_member(c.id, &format!("Thành viên số {m}"), None, role).unwrap();
            for nominee in store.nominees(c.id, None).unwrap() {
                for k in c.criteria.for_kind(nominee.kind) {
                    text.push_str(&format!(
                        "Thành viên số {m},{},{},{}\n",
                        nominee.id,
                        k.number,
                        k.max_half_points / 2
                    ));
                    n += 1;
                }
            }
        }
        cells = n;
        std::fs::write(&scores_csv, text).unwrap();
    }
    let (scoring_kills, scoring_runs) = kill_loop(
        &mut rng,
        &appraised,
        &work,
        &["scores", "import", scores_csv.to_str().unwrap()],
        35,
        |db, killed| {
            let (s, m) = (count(db, "scores"), count(db, "meetings"));
            left[1][usize::from(s > 0)] += usize::from(killed);
            assert!((s, m) == (0, 0) || (s, m) == (cells, 1), "scoring left {s} scores and {m} meetings");
        },
    );

    // 3. A restore of a large backup over a small database: the old one or the new one, whole.
    let big = d.join("big.sqlite3");
    {
        let mut store = example_db(&big);
        let c = store.campaign(None).unwrap();
        import_nominations(&mut store, &c, &csv).unwrap();
    }
    let (restore_kills, restore_runs) =
        kill_loop(&mut rng, &appraised, &work, &["restore", big.to_str().unwrap()], 35, |db, killed| {
            let n = count(db, "nominations");
            left[2][usize::from(n > 11)] += usize::from(killed);
            assert!(n == 11 || n == NOMINATIONS as i64, "restore left {n} nominations");
            assert!(Store::open(db).is_ok());
        });

    // 4. A campaign exchange file imported on another machine: the whole campaign or nothing.
    let archive = d.join("dot-lon.zip");
    {
        let mut store = Store::open(&big).unwrap();
        let mut def = example_definition().unwrap();
        def.code = "dot-lon".into();
        store.create_campaign(&def).unwrap();
        let c = store.campaign(Some("dot-lon")).unwrap();
        import_nominations(&mut store, &c, &csv).unwrap();
        thidua::app::transfer::export_campaign(&store, &c, &archive).unwrap();
    }
    let (exchange_kills, exchange_runs) =
        kill_loop(&mut rng, &empty, &work, &["import-campaign", archive.to_str().unwrap()], 20, |db, killed| {
            let (c, n, u) = (count(db, "campaigns"), count(db, "nominations"), count(db, "units"));
            left[3][usize::from(c > 1)] += usize::from(killed);
            assert!((c, n, u) == (1, 0, 33) || (c, n, u) == (2, NOMINATIONS as i64, 66), "left {c}, {n}, {u}");
        });

    let total = import_kills + scoring_kills + restore_kills + exchange_kills;
    println!(
        "crash test: {total} kills before the end (import {import_kills} of {import_runs} runs, \
         scoring {scoring_kills} of {scoring_runs}, restore {restore_kills} of {restore_runs}, \
         exchange import {exchange_kills} of {exchange_runs})"
    );
    println!(
        "killed runs that left the database as before / as after: import {:?}, scoring {:?}, restore {:?}, \
         exchange import {:?}",
        left[0], left[1], left[2], left[3]
    );
    assert!(total >= 100, "only {total} runs were killed before the end");
}
