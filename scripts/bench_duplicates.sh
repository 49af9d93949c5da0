#!/usr/bin/env bash
# The workspace's duplicates page under load (issue 15): 100,000 generated organisations and
# bureaus (scripts/gen_xref_entities.py, a tenth written twice), imported; an analyst signs in
# (password and TOTP, computed here); the time until the first ranking is shown; then the first
# page and a later page of candidates under wrk with 50 connections, and the server's memory.
#
# Usage: scripts/bench_duplicates.sh [N]     (needs curl and wrk: apt-get install curl wrk)
#        LOOKOUT=path/to/lookout to time another build (default: a release build of this tree).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
if [ -z "${LOOKOUT:-}" ]; then
  cargo build --release -q -p lookout
  LOOKOUT="${CARGO_TARGET_DIR:-target}/release/lookout"
fi
dir=$(mktemp -d)
port=18741
password="a long benchmark passphrase"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$dir"' EXIT

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%F)"
python3 scripts/gen_xref_entities.py "$n" > "$dir/entities.ftm.jsonl"
"$LOOKOUT" --data-dir "$dir/data" import "$dir/entities.ftm.jsonl" | tail -1
secret=$(printf '%s\n' "$password" | "$LOOKOUT" --data-dir "$dir/data" account add bench --role analyst |
  sed -n 's/^ *secret: //p')
"$LOOKOUT" --data-dir "$dir/data" serve --addr "127.0.0.1:$port" > /dev/null 2>&1 &
pid=$!
until curl -fs -o /dev/null "http://127.0.0.1:$port/healthz"; do sleep 0.05; done

totp() {
  python3 - "$secret" <<'EOF'
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1])
mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
o = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[o:o + 4])[0] & 0x7fffffff) % 1000000))
EOF
}

# Codes from before the server started are refused: wait for the next one while told to.
cookie=""
for _ in 1 2 3 4; do
  action=$(curl -fs "http://127.0.0.1:$port/review/login" | grep -o 'action="[^"]*"' | head -1 | cut -d'"' -f2 |
    sed 's/&amp;/\&/g')
  headers=$(curl -s -D - -o "$dir/login.html" "http://127.0.0.1:$port$action" \
    --data-urlencode "name=bench" --data-urlencode "password=$password" --data-urlencode "code=$(totp)")
  cookie=$(printf '%s' "$headers" | grep -io 'set-cookie: lookout_review=[^;]*' | cut -d' ' -f2 || true)
  [ -n "$cookie" ] && break
  sleep $((31 - $(date +%s) % 30))
done
[ -n "$cookie" ] || { echo "could not sign in"; exit 1; }

start=$(date +%s.%N)
until curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$port/workspace/duplicates" | grep -q 'id="open-pairs"'; do
  sleep 0.1
done
pairs=$(curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$port/workspace/duplicates" |
  sed -n 's/.*id="open-pairs">\([0-9]*\)<.*/\1/p')
echo "first ranking shown after $(echo "$(date +%s.%N) - $start" | bc) s: $pairs candidate pairs"
for path in "/workspace/duplicates" "/workspace/duplicates?page=50"; do
  echo "  $path (wrk -t2 -c50 -d15s, same machine):"
  wrk -t2 -c50 -d15s --latency -H "Cookie: $cookie" "http://127.0.0.1:$port$path" |
    grep -E "Requests/sec|  (50|90|99)%|Non-2xx" | sed 's/^/    /'
done
awk '/VmRSS/ {r=$2} /VmHWM/ {h=$2} END {printf "serve RSS %.1f MiB (peak %.1f MiB)\n", r/1024, h/1024}' \
  "/proc/$pid/status"
