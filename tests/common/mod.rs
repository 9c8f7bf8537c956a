//! Helpers shared by the integration tests: a database with the example campaign, fixture paths,
//! and the command line binary.

#![allow(dead_code, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Output;

use thidua::exchange::example_definition;
use thidua::model::Campaign;
use thidua::Store;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

pub fn example_store() -> (Store, Campaign) {
    let mut store = Store::open_in_memory().unwrap();
    store.create_campaign(&example_definition().unwrap()).unwrap();
    let campaign = store.campaign(None).unwrap();
    (store, campaign)
}

pub fn cli(db: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_thidua")).arg("--db").arg(db).args(args).output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
