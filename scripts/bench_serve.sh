#!/usr/bin/env bash
# Serve benchmark on the bundled data: time from `lookout serve` starting to the first page served
# (cold: empty data directory, so the bundled dataset is imported first; warm: already imported),
# and resident memory after a load of station pages. Peer in the same run: python3's http.server
# serving a saved copy of the same page (start-up to first byte, and its resident memory).
#
# Usage: scripts/bench_serve.sh           (needs curl and wrk: apt-get install curl wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p lookout
dir=$(mktemp -d)
port=18731
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$dir"' EXIT

first_page() { # url -> seconds until it answers 200, polling every 5 ms
  local start=$1 url=$2
  until curl -fs -o /dev/null "$url"; do sleep 0.005; done
  echo "$(date +%s.%N) - $start" | bc
}
rss() { awk '/VmRSS/ {r=$2} /VmHWM/ {h=$2} END {printf "%.1f MiB (peak %.1f MiB)", r/1024, h/1024}' "/proc/$1/status"; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for mode in cold warm; do
  start=$(date +%s.%N)
  ./target/release/lookout --data-dir "$dir/data" serve --addr "127.0.0.1:$port" > /dev/null 2>&1 &
  pid=$!
  t=$(first_page "$start" "http://127.0.0.1:$port/stations")
  echo "lookout $mode start: first page after $t s; RSS $(rss $pid)"
  if [ "$mode" = warm ]; then
    curl -fs "http://127.0.0.1:$port/stations" > "$dir/stations.html"
    wrk -t2 -c16 -d10s "http://127.0.0.1:$port/stations/ST001" | grep -E "Requests/sec|Latency" | sed 's/^/  \/stations\/ST001: /'
    echo "  RSS after load: $(rss $pid)"
  fi
  kill $pid; wait $pid 2>/dev/null || true
done

mkdir -p "$dir/static" && cp "$dir/stations.html" "$dir/static/index.html"
start=$(date +%s.%N)
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir/static" > /dev/null 2>&1 &
pid=$!
t=$(first_page "$start" "http://127.0.0.1:$port/index.html")
echo "peer python3 http.server: first page after $t s; RSS $(rss $pid)"
