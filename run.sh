#!/usr/bin/env bash
# Starts the desktop application: installs what the machine lacks (WebKitGTK and the build
# tools), builds the interface and the application, and opens the window.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/system-packages.sh
. scripts/toolchain.sh
(cd ui && npm ci --no-audit --no-fund && npm run build)
# The feature embeds ui/dist in the binary, as `tauri build` does (a plain build loads devUrl).
cargo build --release -p thidua-desktop --features tauri/custom-protocol
exec target/release/thidua-desktop
