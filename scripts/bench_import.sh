#!/usr/bin/env bash
# Import benchmark: 1,000,000 generated statements (FollowTheMoney JSON lines) into a fresh store,
# end to end (read, parse, check, write in one transaction), three runs; then the peer in the same
# run: the sqlite3 shell bulk-loading the same rows (CSV dumped from our store) into the same
# schema, i.e. SQLite's own ceiling for these rows and indexes without any parsing or checking.
# (The shell here predates unhex(), so the peer's 16-byte statement ids are random bytes: the
# same index work as our digest ids.)
#
# Usage: scripts/bench_import.sh [STATEMENTS]      (needs the sqlite3 shell: apt-get install sqlite3)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000000}
dir=bench-data
mkdir -p "$dir"
cargo build --release -q -p lookout -p lookout-import --example generate_ftm
./target/release/examples/generate_ftm "$n" > "$dir/gen.ftm.jsonl"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "dataset: $n statements, $(du -h "$dir/gen.ftm.jsonl" | cut -f1) of FtM JSON lines"
for run in 1 2 3; do
  rm -rf "$dir/store"
  /usr/bin/time -f "peak RSS %M KiB" ./target/release/lookout --data-dir "$dir/store" import "$dir/gen.ftm.jsonl" 2>&1 \
    | grep -E "^(done|peak)" | tr '\n' ' ' | sed "s/^/lookout run $run: /"
  echo
done

db="$dir/store/lookout.db"
sqlite3 -csv "$db" "SELECT id, schema, restricted FROM entities" > "$dir/entities.csv"
sqlite3 -csv "$db" "SELECT id, url, title, publisher, kind, kind_guess, published, retrieved, lang, sha256 FROM sources" > "$dir/sources.csv"
sqlite3 -csv "$db" "SELECT hex(id), entity_key, prop, value, lang, source_key, quote, page, span_start, span_end, claimant, reliability, credibility, stance, status, valid_from, valid_to, recorded_by, recorded_at FROM statements" > "$dir/statements.csv"
rm -f "$dir/peer.db" "$dir/peer.db-wal" "$dir/peer.db-shm"
cat > "$dir/peer.sql" <<SQL
PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-262144;
.read crates/lookout-store/migrations/sqlite/0001_statements.sql
CREATE TEMP TABLE e (id, schema, restricted); CREATE TEMP TABLE s (id, url, title, publisher, kind, kind_guess, published, retrieved, lang, sha256);
CREATE TEMP TABLE st (id, entity_key, prop, value, lang, source_key, quote, page, span_start, span_end, claimant, reliability, credibility, stance, status, valid_from, valid_to, recorded_by, recorded_at);
.import --csv $dir/entities.csv e
.import --csv $dir/sources.csv s
.import --csv $dir/statements.csv st
.timer on
BEGIN;
INSERT INTO entities (id, schema, restricted) SELECT * FROM e;
INSERT INTO sources (id, url, title, publisher, kind, kind_guess, published, retrieved, lang, sha256) SELECT * FROM s;
INSERT INTO statements (id, entity_key, prop, value, lang, source_key, quote, page, span_start, span_end, claimant, reliability, credibility, stance, status, valid_from, valid_to, recorded_by, recorded_at) SELECT randomblob(16), entity_key, prop, value, lang, source_key, quote, page, span_start, span_end, claimant, reliability, credibility, stance, status, valid_from, valid_to, recorded_by, recorded_at FROM st;
COMMIT;
SQL
start=$(date +%s.%N)
sqlite3 "$dir/peer.db" < "$dir/peer.sql" > "$dir/peer.out"
end=$(date +%s.%N)
echo "peer (sqlite3 $(sqlite3 --version | cut -d' ' -f1), CSV load + insert of the same rows, same schema): $(echo "$end - $start" | bc) s in all; insert only: $(grep -o 'real [0-9.]*' "$dir/peer.out" | awk '{s+=$2} END {print s}') s"
