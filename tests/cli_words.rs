//! The command line speaks Vietnamese: its help, its refusals of a mistyped value (with what
//! would do), and what it says before a meeting and after one has ended.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{cli, example_file, stderr, stdout};

fn run(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_thidua")).args(args).output().unwrap()
}

#[test]
fn the_help_reads_in_vietnamese_at_every_level() {
    for args in [vec!["--help"], vec!["scores", "import", "--help"], vec!["print", "--help"]] {
        let out = run(&args);
        assert!(out.status.success());
        let help = stdout(&out);
        assert!(help.contains("Cách dùng:") && help.contains("Tùy chọn:") && help.contains("In hướng dẫn"), "{help}");
        for english in ["Usage:", "Commands:", "Options:", "Arguments:", "Print help"] {
            assert!(!help.contains(english), "{args:?} still says «{english}»:\n{help}");
        }
    }
    assert!(stdout(&run(&["--help"])).contains("Lệnh:"));
    assert!(stdout(&run(&["scores", "import", "--help"])).contains("Tệp .csv hoặc .xlsx có các cột Thành viên"));
}

#[test]
fn a_mistyped_value_is_refused_with_the_values_that_would_do() {
    let out = run(&["print", "quyet-dinh", "--out", "x.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("dùng một trong: decision, annex, certificates"), "{}", stderr(&out));
    let out = run(&["print", "decision", "--out", "x.pdf", "--stock", "phoi"]);
    assert!(stderr(&out).contains("Dùng một trong: plain, preprinted."), "{}", stderr(&out));
}

#[test]
fn before_any_meeting_and_after_it_ended_the_council_commands_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = example_file(dir.path());
    let out = cli(&db, &["ranking"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("Chưa có cuộc họp Hội đồng nào"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("không đủ số thành viên"), "no quorum warning before any meeting");

    assert!(cli(&db, &["appraise", "--accept-all"]).status.success());
    for name in ["Hà Kim Oanh", "Lý Thị Hằng", "Lương Văn Tú"] {
        assert!(cli(&db, &["members", "add", name]).status.success());
    }
    assert!(cli(&db, &["meeting", "open", "--date", "2024-01-08"]).status.success());
    assert!(cli(&db, &["meeting", "close"]).status.success());
    let file = dir.path().join("diem.csv");
    std::fs::write(&file, "Thành viên,Hồ sơ,Tiêu chí,Điểm\nHà Kim Oanh,1,1,10\n").unwrap();
    let out = cli(&db, &["scores", "import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("đã kết thúc; không có cuộc họp nào đang mở"), "{}", stderr(&out));
}
