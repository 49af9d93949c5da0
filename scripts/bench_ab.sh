#!/usr/bin/env bash
# Two builds of Lookout compared: behaviour byte for byte (scripts/behaviour_snapshot.sh) and speed
# on the matching and extraction benchmarks, taken in turn on the same machine and corpus.
#
# Usage: scripts/bench_ab.sh REV_BEFORE [REV_AFTER]    (REV_AFTER defaults to the work tree)
#   Each revision is built in release mode in its own work tree and target directory under
#   target/ab/ (the first build of a revision takes several minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
ab=target/ab
mkdir -p "$ab"

build() { # REV NAME → $ab/NAME/{lookout,extract_speed}
  local rev=$1 name=$2 src
  if [ "$rev" = "." ]; then
    src=$root
    cargo build --release -q -p lookout && cargo build --release -q -p lookout-ingest --example extract_speed
    mkdir -p "$ab/$name" && cp target/release/lookout target/release/examples/extract_speed "$ab/$name/"
    return
  fi
  local commit
  commit=$(git rev-parse "$rev^{commit}")
  if [ "$(cat "$ab/$name/commit" 2> /dev/null)" = "$commit" ]; then return; fi
  src=$ab/src-$name
  rm -rf "$src" && git worktree prune && git worktree add -q --detach "$src" "$rev"
  (cd "$src" && CARGO_TARGET_DIR="$root/$ab/target-$name" cargo build --release -q -p lookout \
    && CARGO_TARGET_DIR="$root/$ab/target-$name" cargo build --release -q -p lookout-ingest --example extract_speed)
  mkdir -p "$ab/$name"
  cp "$ab/target-$name/release/lookout" "$ab/target-$name/release/examples/extract_speed" "$ab/$name/"
  echo "$commit" > "$ab/$name/commit"
  git worktree remove --force "$src"
}

build "$1" before
build "${2:-.}" after
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%F)"

echo "== behaviour"
scripts/behaviour_snapshot.sh "$ab/before/lookout" "$ab/snapshot-before" > /dev/null
scripts/behaviour_snapshot.sh "$ab/after/lookout" "$ab/snapshot-after" > /dev/null
if diff -rq "$ab/snapshot-before" "$ab/snapshot-after"; then echo "identical"; fi

echo "== extraction, one core (50 MB generated, fastest of 3 per document; builds in turn)"
[ -d "$ab/corpus" ] || python3 scripts/gen_ingest_corpus.py "$ab/corpus" 50 > /dev/null
for _ in 1 2 3; do
  for b in before after; do echo "$b: $(taskset -c 0 "$ab/$b/extract_speed" "$ab/corpus" 3)"; done
done

echo "== matching, one core (each benchmark file 100 times)"
python3 scripts/name_bench_to_pairs.py ../shared/bench/name_bench_cases.csv > "$ab/name_bench.jsonl"
for set in ../shared/bench/pairs-dev.jsonl "$ab/name_bench.jsonl"; do
  for _ in $(seq 100); do cat "$set"; done > "$ab/$(basename "$set" .jsonl).x100.jsonl"
done
for _ in 1 2 3; do
  for b in before after; do
    for set in pairs-dev name_bench; do
      echo "$b $set: $(taskset -c 0 "$ab/$b/lookout" match --pairs "$ab/$set.x100.jsonl" 2>&1 > /dev/null | tail -1)"
    done
  done
done

echo "== start-up of lookout match (one cross-script pair)"
for _ in 1 2 3; do
  for b in before after; do
    /usr/bin/time -f "$b: %e s, max RSS %M KiB" "$ab/$b/lookout" match "Fuzhou PSB" "福州市公安局" > /dev/null
  done
done

echo "== ingest end to end, both cores (the same 50 MB on the bundled record)"
"$ab/before/lookout" --data-dir "$ab/seed" import data/stations.csv data/responses.csv data/figures.csv > /dev/null 2>&1 || true
for _ in 1 2; do
  for b in before after; do
    rm -rf "$ab/data" && cp -r "$ab/seed" "$ab/data"
    /usr/bin/time -f "$b: %e s, max RSS %M KiB" "$ab/$b/lookout" --data-dir "$ab/data" ingest "$ab/corpus" 2>&1 > /dev/null | tail -1
  done
done
rm -rf "$ab/seed" "$ab/data"
