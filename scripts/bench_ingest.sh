#!/usr/bin/env bash
# Ingest benchmark: a generated corpus of mixed English and Chinese text (scripts/gen_ingest_corpus.py,
# about 1 MB per file), ingested end to end (evidence kept, text read, mentions found and linked,
# reposts grouped, proposals made, documents recorded, text indexed), with resident memory; then
# extraction alone (text and mentions) over the same files on one core.
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
# The bundled record first (untimed): its stations and bodies are what mentions link to and
# proposals are about.
./target/release/lookout --data-dir "$work/data" import data/stations.csv data/responses.csv data/figures.csv > /dev/null 2>&1
/usr/bin/time -f "%e %M" -o "$work/time" ./target/release/lookout --data-dir "$work/data" ingest "$work/corpus" > /dev/null
read -r secs kib < "$work/time"
echo "end to end: ${secs} s, $(echo "scale=1; $(du -sb "$work/corpus" | cut -f1) / 1000000 / $secs" | bc) MB/s, max RSS $((kib / 1024)) MiB"
# Extraction alone, one core: text and mentions of the same files, read into memory first.
cargo build --release -q -p lookout-ingest --example extract_speed
taskset -c 0 ./target/release/examples/extract_speed "$work/corpus"
# Again: evidence already kept, nothing new to record (hashing, text, mentions, linking, proposals).
/usr/bin/time -f "%e %M" -o "$work/time" ./target/release/lookout --data-dir "$work/data" ingest "$work/corpus" > /dev/null
read -r secs kib < "$work/time"
echo "again, all already kept: ${secs} s, $(echo "scale=1; $(du -sb "$work/corpus" | cut -f1) / 1000000 / $secs" | bc) MB/s, max RSS $((kib / 1024)) MiB"
