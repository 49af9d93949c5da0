#!/usr/bin/env bash
# What Lookout produces from fixed inputs, written to files, so that two builds can be compared
# byte for byte (issue #14: a change of shape must not change behaviour):
#   - every export of the bundled data (times of the import masked);
#   - the mentions (`lookout ingest --json`) of 8 MB of the generated corpus and of the team
#     corpora (crates/lookout-ingest/tests/corpus and heldout);
#   - the scores of both matching benchmark files (`lookout match --pairs`);
#   - every public page and API answer of the bundled data, in English and Chinese (form tokens
#     masked), served by `lookout serve`.
#
# Usage: scripts/behaviour_snapshot.sh BINARY OUT_DIR
#        then: diff -r OUT_BEFORE OUT_AFTER   (no output: the same behaviour)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(realpath "$1")
out=$(realpath -m "$2")
rm -rf "$out" && mkdir -p "$out"/{exports,mentions,matching,pages}
work=$(mktemp -d)
port=${SNAPSHOT_PORT:-18931}
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
mask_times() { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?Z/TIME/g'; }

# Exports.
"$bin" --data-dir "$work/data" import data/stations.csv data/responses.csv data/figures.csv > /dev/null 2>&1
for format in csv json geojson ftm gexf; do
  "$bin" --data-dir "$work/data" export --format "$format" 2> /dev/null | mask_times > "$out/exports/bundled.$format"
done

# Mentions: each corpus ingested into its own copy of the bundled record.
python3 scripts/gen_ingest_corpus.py "$work/generated" 8 > /dev/null
for corpus in "$work/generated" crates/lookout-ingest/tests/corpus crates/lookout-ingest/tests/heldout; do
  name=$(basename "$corpus")
  cp -r "$work/data" "$work/ingest-$name"
  "$bin" --data-dir "$work/ingest-$name" ingest "$corpus" --json 2> /dev/null | mask_times \
    | sed "s|$work/|WORK/|g" > "$out/mentions/$name.jsonl"
done

# Matching.
python3 scripts/name_bench_to_pairs.py ../shared/bench/name_bench_cases.csv > "$work/name_bench.jsonl"
"$bin" match --pairs ../shared/bench/pairs-dev.jsonl 2> /dev/null > "$out/matching/pairs-dev.jsonl"
"$bin" match --pairs "$work/name_bench.jsonl" 2> /dev/null > "$out/matching/name_bench.jsonl"

# Pages and API answers.
"$bin" --data-dir "$work/data" serve --addr "127.0.0.1:$port" > /dev/null 2>&1 &
until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.1; done
base="http://127.0.0.1:$port"
paths=(/ /stations /figures /responses /data /about /map.svg /incidents /report /report/follow-up /review/login
  "/search?q=Fuzhou" "/search?q=%E7%A6%8F%E5%B7%9E" "/stations?country=NL" "/stations?sort=reported"
  /api/v1/stations /api/v1/figures /api/v1/countries /api/v1/incidents/counts /api/openapi.json
  "/api/v1/search?q=Fuzhou" /data/lookout.csv /data/lookout.json /data/lookout.geojson /data/lookout.ftm.jsonl
  /data/lookout.gexf /nothing-here)
export_json=$(cat "$out/exports/bundled.json")
for id in $(grep -o '"id": *"station-[A-Z0-9]*"' <<< "$export_json" | grep -o 'ST[0-9]*' | sort -u); do
  paths+=("/stations/$id" "/api/v1/stations/$id")
done
for code in $(python3 -c 'import csv; print(*sorted({r["country_iso2"] for r in csv.DictReader(open("data/stations.csv"))}))'); do paths+=("/countries/$code"); done
for id in $(grep -o '"publicbody-[a-z0-9-]*"' <<< "$export_json" | tr -d '"' | sort -u); do paths+=("/bureaus/$id"); done
for id in $(grep -o '"source-[0-9a-f]*"' <<< "$export_json" | tr -d '"' | sort -u | head -40); do paths+=("/sources/$id"); done
for path in "${paths[@]}"; do
  for lang in en zh; do
    file="$out/pages/$(printf '%s' "$path" | tr '/?=&%' '_____')-$lang"
    sep=$([[ $path == *\?* ]] && echo '&' || echo '?')
    curl -s -D "$file.head" "$base$path${sep}lang=$lang" \
      | sed -E 's/form=[0-9]+\.[0-9a-f]+\.[0-9a-f]+/form=TOKEN/g' | mask_times > "$file"
    # Headers that carry no behaviour of ours (dates, lengths that follow from the body).
    grep -viE '^(date|content-length):' "$file.head" | tr -d '\r' > "$file.headers"
    rm "$file.head"
  done
done
echo "snapshot of $bin in $out: $(find "$out" -type f | wc -l) files"
