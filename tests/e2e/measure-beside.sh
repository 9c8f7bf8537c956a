#!/usr/bin/env bash
# Measures builds side by side under one Xvfb, each with its own tauri-driver and data folder:
#   tests/e2e/measure-beside.sh LABEL=PATH[=READY] …
# READY is the CSS selector of the first useful screen (default: the overview's figures), e.g.
#   tests/e2e/measure-beside.sh bare=/tmp/bare/target/release/bare='[data-testid="campaign-name"]' \
#     now=target/release/thidua-desktop
set -euo pipefail
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp -noreset >/dev/null 2>&1 &
pids=($!)
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
builds="["
port=4444
for arg in "$@"; do
  IFS='=' read -r label app ready <<<"$arg"
  ready=${ready:-'[data-testid="count-total"]'}
  mkdir -p "$work/$label"
  XDG_DATA_HOME=$work/$label DISPLAY=$display tauri-driver --port "$port" --native-port $((port + 100)) \
    >"$work/$label/driver.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do curl -s "http://127.0.0.1:$port/status" >/dev/null 2>&1 && break; sleep 0.1; done
  [ "$builds" = "[" ] || builds+=","
  builds+=$(node -e 'console.log(JSON.stringify({label: process.argv[1], app: process.argv[2], ready: process.argv[3], port: Number(process.argv[4])}))' \
    "$label" "$(realpath "$app")" "$ready" "$port")
  port=$((port + 1))
done
BUILDS="$builds]" node "$here/measure-beside.mjs"
