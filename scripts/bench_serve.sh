#!/usr/bin/env bash
# Serve benchmark on the bundled data: time from `lookout serve` starting to the first page served
# (cold: empty data directory, so the bundled dataset is imported first; warm: already imported),
# resident memory, and a station page under load. Peers in the same run: nginx serving a saved copy
# of the station page as a static file under the same load (the ceiling), and python3's
# http.server serving a saved copy of /stations (start-up to first byte, resident memory).
#
# Usage: scripts/bench_serve.sh           (needs curl and wrk, and nginx for the throughput peer:
#        apt-get install curl wrk nginx-light)
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
    curl -fs "http://127.0.0.1:$port/stations/ST001" > "$dir/ST001.html"
    echo "  /stations/ST001 under load (wrk -t2 -c32 -d10s, same machine):"
    wrk -t2 -c32 -d10s --latency "http://127.0.0.1:$port/stations/ST001" | grep -E "Requests/sec|  (50|99)%" | sed 's/^/    lookout /'
    echo "  RSS after load: $(rss $pid)"
  fi
  kill $pid; wait $pid 2>/dev/null || true
done

# Peer for throughput: nginx serving the saved station page as a static file, same load.
if command -v nginx > /dev/null; then
  mkdir -p "$dir/nginx/logs" "$dir/www"
  cp "$dir/ST001.html" "$dir/www/ST001.html"
  cat > "$dir/nginx/nginx.conf" <<NGINX
worker_processes 2;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/logs/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$((port + 1));
    root $dir/www;
    location / { default_type text/html; }
  }
}
NGINX
  nginx -c "$dir/nginx/nginx.conf" -p "$dir/nginx"
  sleep 0.3
  echo "  peer nginx, saved copy of /stations/ST001, same load:"
  wrk -t2 -c32 -d10s --latency "http://127.0.0.1:$((port + 1))/ST001.html" | grep -E "Requests/sec|  (50|99)%" | sed 's/^/    nginx /'
  nginx -c "$dir/nginx/nginx.conf" -p "$dir/nginx" -s stop
fi

mkdir -p "$dir/static" && cp "$dir/stations.html" "$dir/static/index.html"
start=$(date +%s.%N)
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dir/static" > /dev/null 2>&1 &
pid=$!
t=$(first_page "$start" "http://127.0.0.1:$port/index.html")
echo "peer python3 http.server: first page after $t s; RSS $(rss $pid)"
