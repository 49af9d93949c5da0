#!/usr/bin/env bash
# Reliability figures (issue 19): MINUTES (default 10) of mixed load against one `lookout serve`
# (pages, search in both scripts, API, report submissions with a picture), with its resident memory
# sampled; then a `kill -9` of the server in the middle of the same load, a restart, `lookout audit
# verify`, and a check that every report that got a receipt still opens its thread.
#
# Usage: scripts/soak.sh [MINUTES]     (0: only the kill -9 run)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
cargo build --release -q -p lookout
bin=$PWD/target/release/lookout
dir=$(mktemp -d)
port=18751
base=http://127.0.0.1:$port
trap 'kill -9 $(jobs -p) 2>/dev/null || true; rm -rf "$dir"' EXIT
data=$dir/data
printf 'soak-password-that-is-long\n' | "$bin" --data-dir "$data" account add ana --role reviewer > /dev/null

serve() {
  "$bin" --data-dir "$data" serve --addr "127.0.0.1:$port" > "$dir/serve.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "$base/healthz"; do sleep 0.05; done
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%Y-%m-%dT%H:%MZ)"
if [ "$minutes" -gt 0 ]; then
serve
echo "soak: $minutes minutes of mixed load (2 readers, 1 reporter sending one report a second)"
python3 scripts/soak.py "$base" "$pid" $((minutes * 60)) "$dir/soak.json"
python3 - "$dir/soak.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
second = [m for t, m in s["rss_mib"] if 60 <= t < 120 and m]
last = [m for t, m in s["rss_mib"] if t >= s["seconds"] - 60 and m]
a, b = sum(second) / len(second), sum(last) / len(last)
print(f"  requests {s['requests']}, errors {len(s['errors'])}, receipts {len(s['receipts'])}, refusals {sum(s['refusals'].values())}")
for why, n in s["refusals"].items():
    print(f"    refused {n}×: {why[:140]}")
print(f"  resident memory: second minute {a:.1f} MiB, last minute {b:.1f} MiB ({(b - a) / a * 100:+.1f} %)")
ok = not s["errors"] and abs(b - a) / a <= 0.10
print("  " + ("flat, no error" if ok else f"FAILED: {s['errors'][:5]}"))
sys.exit(0 if ok else 1)
PY
kill "$pid"; wait "$pid" 2>/dev/null || true
fi

echo "kill -9 during load: 40 s of the same load, the server killed after 20 s"
serve
python3 scripts/soak.py "$base" "$pid" 40 "$dir/crash.json" > /dev/null &
load=$!
sleep 20
kill -9 "$pid"
wait "$load" || true
before=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))['receipts']))" "$dir/crash.json")
serve
"$bin" --data-dir "$data" audit verify | sed 's/^/  /'
python3 scripts/soak.py --check "$base" "$dir/crash.json" | sed "s/^/  $before receipts before the kill; after the restart: /"
echo "  server log after the restart:"; sed 's/^/    /' "$dir/serve.log"
