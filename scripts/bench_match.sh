#!/usr/bin/env bash
# Matching benchmark: scores ../shared/bench/pairs-dev.jsonl and name_bench_cases.csv with
# `lookout match --pairs` and, in the same run, with nomenklatura's logic-v2 (in a virtual
# environment this script creates at target/bench-venv), printing precision, recall and F1 per group
# and overall for both, pairs per second on one core, start-up time and resident memory.
#
# Usage: scripts/bench_match.sh [BENCH_DIR]      (default ../shared/bench; needs python3-venv)
set -euo pipefail
cd "$(dirname "$0")/.."
bench=${1:-../shared/bench}
venv=target/bench-venv
work=target/bench-match
mkdir -p "$work"
cargo build --release -q -p lookout
if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/pip" install -q nomenklatura==4.17.4 followthemoney==4.11.2 rigour==2.6.1

python3 scripts/name_bench_to_pairs.py "$bench/name_bench_cases.csv" > "$work/name_bench.jsonl"
cp "$bench/pairs-dev.jsonl" "$work/pairs-dev.jsonl"
lookout=./target/release/lookout

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%F)"
# Start-up: one cross-script comparison, which loads the gazetteer and character tables.
/usr/bin/time -f "%e %M" -o "$work/startup" "$lookout" match "Fuzhou PSB" "福州市公安局" > /dev/null
read -r secs kib < "$work/startup"
echo "lookout start-up (one cross-script pair, gazetteer loaded): ${secs} s, max RSS $((kib / 1024)) MiB"

for set in pairs-dev name_bench; do
  pairs="$work/$set.jsonl"
  n=$(grep -c . "$pairs")
  echo
  echo "== $set ($n pairs) =="
  # Lookout, whole command on one core (start-up included), then 100 copies for the steady rate
  # (the file alone is scored in a few milliseconds: too short a time to measure).
  /usr/bin/time -f "%e %M" -o "$work/time" taskset -c 0 "$lookout" match --pairs "$pairs" > "$work/$set.lookout.jsonl"
  read -r secs kib < "$work/time"
  for _ in $(seq 100); do cat "$pairs"; done > "$work/$set.x100.jsonl"
  /usr/bin/time -f "%e %M" -o "$work/time100" taskset -c 0 "$lookout" match --pairs "$work/$set.x100.jsonl" > /dev/null 2> "$work/$set.x100.err"
  read -r secs100 kib100 < "$work/time100"
  echo "lookout: $n pairs in $secs s ($(echo "$n / $secs" | bc) pairs/s with start-up), max RSS $((kib / 1024)) MiB; $((n * 100)) pairs in $secs100 s ($(echo "$n * 100 / $secs100" | bc) pairs/s, all 100 copies held in memory: max RSS $((kib100 / 1024)) MiB)"
  # The same measure as the peer's: pairs read first, scoring timed alone.
  echo "lookout, 100 copies: $(tail -1 "$work/$set.x100.err")"
  python3 scripts/score_pairs.py "$pairs" "$work/$set.lookout.jsonl"
  echo "-- nomenklatura logic-v2 (one core) --"
  # Warmed up on the other file, so that its one-off start is not counted against it.
  other=$([ "$set" = pairs-dev ] && echo name_bench || echo pairs-dev)
  taskset -c 0 "$venv/bin/python" scripts/peer_match.py "$pairs" "$work/$other.jsonl" > "$work/$set.peer.jsonl"
  python3 scripts/score_pairs.py "$pairs" "$work/$set.peer.jsonl"
done

echo
echo "== xref over 100,000 generated entities =="
python3 scripts/gen_xref_entities.py 100000 > "$work/xref.ftm.jsonl"
rm -rf "$work/xref-data"
"$lookout" --data-dir "$work/xref-data" import "$work/xref.ftm.jsonl" | tail -1
/usr/bin/time -f "%e %M" -o "$work/time" "$lookout" --data-dir "$work/xref-data" xref --limit 0
read -r secs kib < "$work/time"
echo "lookout xref: ${secs} s end to end (load, index, compare, rank), max RSS $((kib / 1024)) MiB"
