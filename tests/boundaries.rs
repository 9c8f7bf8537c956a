//! The layers' boundaries, checked on the sources: the command line and the window reach the
//! records only through the application layer (`thidua::app`), so a rule, a check or an audit
//! entry is written once for both.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap_or_else(|e| panic!("read {}: {e}", d.display())) {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// Every line of the `.rs` files under `dir` (relative to the workspace) that contains one of
/// `forbidden` (or, with `store_calls`, calls a method on a `store`), as `file:line: text`.
fn offending(dir: &str, forbidden: &[&str], store_calls: bool) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = rust_files(&root.join(dir));
    assert!(!files.is_empty(), "no sources under {dir}");
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read source");
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if forbidden.iter().any(|f| code.contains(f)) || (store_calls && calls_a_store_method(code)) {
                found.push(format!(
                    "{}:{}: {}",
                    file.strip_prefix(root).unwrap_or(&file).display(),
                    i + 1,
                    line.trim()
                ));
            }
        }
    }
    found
}

/// `store.something(` on a variable named `store` (not `self.store.lock(` or `state.store()`).
fn calls_a_store_method(code: &str) -> bool {
    code.match_indices("store.").any(|(i, _)| {
        let before = code[..i].chars().next_back();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
    })
}

/// What a front end must not reach past the application layer: the store's module, the file
/// formats, or opening the database itself (and, above, a store method called directly).
const PAST_THE_APP: &[&str] = &["thidua::store", "thidua::exchange", "Store::open"];

#[test]
fn the_command_line_goes_through_the_application_layer() {
    let found = offending("src/bin", PAST_THE_APP, true);
    assert!(found.is_empty(), "the command line reaches past thidua::app:\n{}", found.join("\n"));
}

#[test]
fn the_window_goes_through_the_application_layer() {
    let found = offending("src-tauri/src", PAST_THE_APP, true);
    assert!(found.is_empty(), "the shell reaches past thidua::app:\n{}", found.join("\n"));
}

#[test]
fn documents_render_only_what_they_are_given() {
    let found = offending("src/documents", &["crate::store", "crate::Store", "crate::exchange", "crate::app"], false);
    assert!(found.is_empty(), "documents/ reaches into the records:\n{}", found.join("\n"));
}

#[test]
fn exchange_reads_and_writes_files_and_never_stores() {
    let found = offending("src/exchange", &["crate::store", "crate::Store", "crate::app", "with_tx"], false);
    assert!(found.is_empty(), "exchange/ reaches into the records:\n{}", found.join("\n"));
}

#[test]
fn the_store_does_not_know_the_file_formats() {
    let found = offending("src/store", &["crate::exchange", "crate::app", "crate::documents"], false);
    assert!(found.is_empty(), "store/ depends on a layer above it:\n{}", found.join("\n"));
}

#[test]
fn the_rules_and_the_model_are_pure() {
    for dir in ["src/rules", "src/council", "src/model"] {
        let found =
            offending(dir, &["crate::store", "crate::Store", "crate::exchange", "crate::app", "rusqlite"], false);
        assert!(found.is_empty(), "{dir} depends on a layer above it:\n{}", found.join("\n"));
    }
}

/// The meeting room is a front end too (the members' phones): every read and write of its
/// handlers is one `app::room` function, so a sent sheet meets the same checks as a typed one.
#[test]
fn the_meeting_room_goes_through_the_application_layer() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    let mut reads = 0;
    for file in rust_files(&root.join("src/room")) {
        let text = std::fs::read_to_string(&file).expect("read source");
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            let records_reached = code.contains(".read(|s|");
            reads += usize::from(records_reached);
            let past_the_app = records_reached && !code.contains("crate::app::room::");
            let store_method = code.match_indices("s.").any(|(i, _)| {
                let before = code[..i].chars().next_back();
                !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.')
                    && code[i + 2..].chars().next().is_some_and(|c| c.is_ascii_lowercase())
                    && code[i + 2..].trim_start_matches(|c: char| c.is_alphanumeric() || c == '_').starts_with('(')
            });
            if past_the_app || store_method {
                found.push(format!(
                    "{}:{}: {}",
                    file.strip_prefix(root).unwrap_or(&file).display(),
                    i + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(reads >= 4, "the room's handlers no longer read through `read(|s| …)`: {reads} found");
    assert!(found.is_empty(), "the meeting room reaches past thidua::app:\n{}", found.join("\n"));
}
