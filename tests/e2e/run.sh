#!/usr/bin/env bash
# Drives the real application window under Xvfb: tauri-driver + WebKitWebDriver, with the
# application's data in a fresh folder. Usage: tests/e2e/run.sh path/to/thidua-desktop [script.mjs]
set -euo pipefail
app=$(realpath "$1")
here=$(dirname "$(realpath "$0")")
data=$(mktemp -d)
export SHOTS=${SHOTS:-$data/shots}
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp -noreset >/dev/null 2>&1 &
xvfb=$!
driver_log=$data/tauri-driver.log
XDG_DATA_HOME=$data DISPLAY=$display tauri-driver --port 4444 >"$driver_log" 2>&1 &
driver=$!
queue=""
if lpstat -r 2>/dev/null | grep -q "scheduler is running"; then
  # A queue of the test's own on the cups-pdf device: the print dialog sends a real job to it.
  queue=THIDUA_E2E_$$
  lpadmin -p "$queue" -v cups-pdf:/ -E -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null
fi
trap 'kill $driver $xvfb 2>/dev/null || true; [ -z "$queue" ] || lpadmin -x "$queue"' EXIT
for _ in $(seq 100); do
  curl -s http://127.0.0.1:4444/status >/dev/null 2>&1 && break
  sleep 0.1
done
E2E_PRINTER=$queue APP=$app XDG_DATA_HOME=$data node "$here/${2:-main_path.mjs}" || { cat "$driver_log" >&2; exit 1; }
echo "screenshots: $SHOTS"
