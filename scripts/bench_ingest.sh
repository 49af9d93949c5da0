#!/usr/bin/env bash
# Ingest benchmark: a generated corpus of mixed English and Chinese text (scripts/gen_ingest_corpus.py,
# about 1 MB per file), ingested end to end (evidence kept, text read, mentions found), with
# resident memory; then extraction alone over the same files (one core).
#
# Usage: scripts/bench_ingest.sh [MEGABYTES]     (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-200}
work=target/bench-ingest
cargo build --release -q -p lookout
rm -rf "$work" && mkdir -p "$work"
python3 scripts/gen_ingest_corpus.py "$work/corpus" "$mb"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%F)"
echo "corpus: $(du -sb "$work/corpus" | cut -f1) bytes in $(ls "$work/corpus" | wc -l) files"
/usr/bin/time -f "%e %M" -o "$work/time" ./target/release/lookout --data-dir "$work/data" ingest "$work/corpus" > /dev/null
read -r secs kib < "$work/time"
echo "end to end: ${secs} s, $(echo "scale=1; $(du -sb "$work/corpus" | cut -f1) / 1000000 / $secs" | bc) MB/s, max RSS $((kib / 1024)) MiB"
# Extraction alone: the same files again are already kept, so only reading and extraction remain.
/usr/bin/time -f "%e %M" -o "$work/time" taskset -c 0 ./target/release/lookout --data-dir "$work/data" ingest "$work/corpus" > /dev/null
read -r secs kib < "$work/time"
echo "again (evidence already kept; hashing, text and mentions only, one core): ${secs} s, $(echo "scale=1; $(du -sb "$work/corpus" | cut -f1) / 1000000 / $secs" | bc) MB/s, max RSS $((kib / 1024)) MiB"
