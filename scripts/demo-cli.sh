#!/usr/bin/env bash
# The main job: creates the example database (the Bạch Thông Q4-2023 campaign), records the
# sample dossiers, and lists the units and the nominations with the rules' outcomes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
cargo build --release --quiet --bin thidua
db="${THIDUA_DB:-target/demo/thidua-demo.sqlite3}"
thidua() { ./target/release/thidua --db "$db" "$@"; }
thidua init --example
thidua import tests/fixtures/nominations-example.csv
echo; echo "== Đơn vị =="; thidua units
echo; echo "== Hồ sơ =="; thidua nominations
