#!/usr/bin/env bash
# Hostile-text benchmark: texts written to stall the readers, each one phrase repeated to some
# 2.4 MB with no full stop (a whole upload is one line, one clause, one run of capitalised words),
# each ingested end to end into a fresh copy of the bundled record. A reader that scans its
# sentence once per word it finds is quadratic on them: before session 28 the first one took
# minutes. Prints seconds, MB/s and resident memory per text; with a second binary (the peer,
# e.g. the last release's), runs it on the same texts in the same run.
#
# Usage: scripts/bench_hostile.sh [MEGABYTES] [PEER_BINARY]     (default 2.4)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-2.4}
peer=${2:-}
work=target/bench-hostile
cargo build --release -q -p lookout
rm -rf "$work" && mkdir -p "$work/texts"
python3 - "$work/texts" "$mb" <<'EOF'
import pathlib, sys
out, mb = pathlib.Path(sys.argv[1]), float(sys.argv[2])
phrases = {
    "zh-setting-up": ("鹿特丹警察站", "设立服务"),
    "zh-closed": ("鹿特丹警察站", "被关闭了"),
    "zh-clauses": ("", "鹿特丹警察站被关闭，"),
    "zh-dated": ("", "2023年4月17日鹿特丹警察站被关闭"),
    "zh-party": ("", "中共"),
    "zh-counts": ("", "54个"),
    "zh-bureau": ("", "福州市公安局"),
    "zh-openings": ("", "巴登諾克（Kemi "),
    "en-abbreviation": ("", "U.K "),
    "en-and": ("", "Ministry of Public Security and Federal Bureau of Investigation and "),
    "en-no-stop": ("", "The Rotterdam police station was closed and officers arrested "),
    "en-local-stations": ("", "reporting to their local police station and Swedish secret police "),
    "zh-powers-denied": ("鹿特丹警察站。", "美日 中國官員昨日說,但不存在所謂警察站,"),
    "zh-chairs": ("", "上海協會主席和中加第三看守所"),
    "zh-spelt-names": ("", "卡琳·凯勒-苏特(Karin Keller-Sutter)"),
    "en-districts": ("", "New York-based Songpa District Phnom Penh International Airport "),
}
for name, (opening, phrase) in phrases.items():
    n = int(mb * 1_000_000) // len(phrase.encode())
    (out / f"{name}.txt").write_text(opening + phrase * n + "\n")
EOF
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%F)"
./target/release/lookout --data-dir "$work/record" import data/stations.csv data/responses.csv data/figures.csv > /dev/null 2>&1
for binary in ./target/release/lookout ${peer:+"$peer"}; do
    echo "binary: $binary"
    for text in "$work"/texts/*.txt; do
        rm -rf "$work/data" && cp -r "$work/record" "$work/data"
        status=0
        timeout 600 /usr/bin/time -f "%e %M" -o "$work/time" "$binary" --data-dir "$work/data" ingest "$text" > /dev/null 2>&1 || status=$?
        if [ "$status" -eq 0 ]; then
            read -r secs kib < "$work/time"
            echo "  $(basename "$text" .txt): ${secs} s, $(echo "scale=2; $(stat -c %s "$text") / 1000000 / $secs" | bc) MB/s, max RSS $((kib / 1024)) MiB"
        else
            echo "  $(basename "$text" .txt): did not finish (exit status $status: 124 is the 600 s limit)"
        fi
    done
done
