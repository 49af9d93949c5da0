#!/usr/bin/env bash
# Makes an upgrade fixture: a small data directory made by this build of Lookout, kept as a backup
# (`lookout backup`) in tests/fixtures/upgrade/vVERSION-schemaN/. crates/lookout/tests/upgrade.rs
# opens, migrates, serves and restores every fixture there. Run it before a change that adds a
# migration, and commit its output: each schema the project has shipped keeps one fixture.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
bin=$PWD/target/release/lookout
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=$work/data

# Two stations of the bundled dataset, with the sources table.
head -1 data/stations.csv > "$work/stations.csv"
grep -E '^(ST033|ST039),' data/stations.csv >> "$work/stations.csv"
grep -E '^(bureau_id|publicbody-fuzhou-psb),' data/bureau_names.csv > "$work/bureau_names.csv"
"$bin" --data-dir "$data" import data/sources.csv "$work/stations.csv" "$work/bureau_names.csv"
# A reviewer account: keys, a second factor, audit entries.
printf 'upgrade-fixture-password\n' | "$bin" --data-dir "$data" account add ana --role reviewer > /dev/null
# An ingested document: an original kept as evidence, its reading, proposals.
cat > "$work/rotterdam.txt" <<'TEXT'
The overseas police station in Rotterdam was ordered closed by the Dutch government in 2022.
据报道，福州市公安局在鹿特丹设立了海外警务服务站。
TEXT
"$bin" --data-dir "$data" ingest "$work/rotterdam.txt" --url https://news.example/rotterdam --kind news --by ana > /dev/null

version=$("$bin" --version | awk '{print $2}')
"$bin" --data-dir "$data" backup "$work/backup"
schema=$(grep -o '"schema_version": [0-9]*' "$work/backup/manifest.json" | grep -o '[0-9]*$')
out=tests/fixtures/upgrade/v$version-schema$schema
if [ -e "$out" ]; then
    echo "$out exists: a fixture of this schema is kept already" >&2
    exit 1
fi
mkdir -p "$(dirname "$out")"
cp -r "$work/backup" "$out"
echo "fixture written to $out"
