#!/usr/bin/env bash
# API benchmark (issue 19): requests per second and latency of the JSON API beside the HTML pages
# in the same run, on the bundled data and on the generated store of 1,000,000 statements
# (scripts/bench_import.sh makes bench-data/store). Each route is asked once first (the answer is
# then cached per data version, as pages are), then loaded with wrk; the first answer's time is
# printed too, since it is what a new data version costs.
#
# Usage: scripts/bench_api.sh        (needs curl and wrk: apt-get install curl wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p lookout
dir=$(mktemp -d)
port=18741
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$dir"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%Y-%m-%d)"
load() { # label url
  local first
  first=$(curl -fs -o /dev/null -w '%{time_total}' "$2")
  printf '  %-34s first answer %6.1f ms; ' "$1" "$(echo "$first * 1000" | bc)"
  wrk -t2 -c32 -d8s --latency "$2" | awk '/Requests\/sec/ {r=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {printf "%s req/s, p50 %s, p99 %s\n", r, p50, p99}'
}
serve() { # data-dir
  ./target/release/lookout --data-dir "$1" serve --addr "127.0.0.1:$port" > /dev/null 2>&1 &
  until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.05; done
}

echo "bundled data (wrk -t2 -c32 -d8s, same machine):"
serve "$dir/bundled"
base="http://127.0.0.1:$port"
load "page /stations/ST001 (peer)" "$base/stations/ST001"
load "page /stations (peer)" "$base/stations"
for route in /api/v1/stations /api/v1/stations/ST001 /api/v1/figures /api/v1/responses /api/v1/sources \
  /api/v1/countries /api/v1/entities/publicbody-fuzhou-psb /entities/publicbody-fuzhou-psb?nested=true; do
  load "$route" "$base$route"
done
kill %1; wait 2>/dev/null || true

if [ -f bench-data/store/lookout.db ]; then
  echo "generated store, 1,000,000 statements (a copy of bench-data/store):"
  mkdir -p "$dir/big" && cp bench-data/store/lookout.db "$dir/big/"
  serve "$dir/big"
  id=$(sqlite3 "$dir/big/lookout.db" "SELECT id FROM entities ORDER BY key LIMIT 1 OFFSET 50000")
  load "page /stations (peer)" "$base/stations"
  for route in /api/v1/stations /api/v1/sources /api/v1/figures /api/v1/countries "/api/v1/entities/$id" \
    "/api/v1/statements?entity=$id"; do
    load "$route" "$base$route"
  done
fi
