#!/usr/bin/env bash
# Workspace benchmark (issue 15): a generated store of 100,000 organisations (1,000,000 statements,
# generate_ftm) with 10,000 open proposals (generate_proposals), an analyst signed in, and the
# inbox, an entity's page and the duplicates page under 50 concurrent connections (wrk, 10 s each):
# requests/s and latency percentiles, and the server's resident memory after the load. The peer in
# the same run: the public /stations page (cached per data version) under the same load.
#
# Usage: scripts/bench_workspace.sh [STATEMENTS] [PROPOSALS]   (needs curl, wrk and python3)
set -euo pipefail
cd "$(dirname "$0")/.."
statements=${1:-1000000}
proposals=${2:-10000}
cargo build --release -q -p lookout
cargo build --release -q -p lookout-import --example generate_ftm
cargo build --release -q -p lookout --example generate_proposals
dir=bench-data/workspace
port=18741
base="http://127.0.0.1:$port"
trap 'kill $(jobs -p) 2>/dev/null || true' EXIT
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
if [ ! -f "$dir/ready-$statements-$proposals" ]; then
  rm -rf "$dir"; mkdir -p "$dir"
  ./target/release/examples/generate_ftm "$statements" > "$dir/gen.ftm.jsonl"
  ./target/release/lookout --data-dir "$dir/store" import "$dir/gen.ftm.jsonl" | tail -1
  ./target/release/examples/generate_proposals "$dir/store" "$proposals"
  touch "$dir/ready-$statements-$proposals"
fi
password="a long benchmark password $(date +%s)"
name="bench$(date +%s)"
secret=$(printf '%s\n' "$password" | ./target/release/lookout --data-dir "$dir/store" account add "$name" --role analyst | sed -n 's/^ *secret: //p')
./target/release/lookout --data-dir "$dir/store" stats | head -3
./target/release/lookout --data-dir "$dir/store" serve --addr "127.0.0.1:$port" > /dev/null 2>&1 &
pid=$!
until curl -fs -o /dev/null "$base/healthz"; do sleep 0.05; done

totp() { python3 - "$1" <<'PY'
import base64, hashlib, hmac, struct, sys, time
key = base64.b32decode(sys.argv[1] + "=" * (-len(sys.argv[1]) % 8))
step = int(time.time()) // 30
mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
o = mac[-1] & 15
print("%06d" % ((struct.unpack(">I", mac[o:o + 4])[0] & 0x7fffffff) % 1000000))
PY
}
# Codes of the step the server started in and the one after are refused: wait for a later step.
sleep $((61 - $(date +%s) % 30))
action=$(curl -fs "$base/review/login" | grep -o 'action="/review/login?form=[^"]*"' | head -1 | cut -d'"' -f2 | sed 's/&amp;/\&/g')
cookie=$(curl -s -o /dev/null -D - --data-urlencode "name=$name" --data-urlencode "password=$password" \
  --data-urlencode "code=$(totp "$secret")" "$base$action" | sed -n 's/^set-cookie: \(lookout_review=[^;]*\).*/\1/ip' | head -1)
[ -n "$cookie" ] || { echo "sign-in failed (form $action)"; exit 1; }
rss() { awk '/VmRSS/ {r=$2} /VmHWM/ {h=$2} END {printf "%.1f MiB (peak %.1f MiB)", r/1024, h/1024}' "/proc/$1/status"; }
load() { # label path
  curl -fs -o /dev/null -H "Cookie: $cookie" "$base$2" || { echo "$1: $2 does not answer 200"; return; }
  wrk -t2 -c50 -d10s --latency -H "Cookie: $cookie" "$base$2" \
    | grep -E "Requests/sec|  (50|99)%|Non-2xx" | tr -s ' ' | tr '\n' ' ' | sed "s|^|$1 (${2//&/\\&}): |"
  echo
}
load "inbox, first page" "/workspace/inbox"
# Page 100 as the inbox links to it: the page after the 4,950th open proposal.
after=$(python3 - "$dir/store/lookout.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
print(db.execute("SELECT id FROM proposals p WHERE NOT EXISTS (SELECT 1 FROM proposal_reviews r "
                 "WHERE r.proposal_key = p.key) ORDER BY key LIMIT 1 OFFSET 4949").fetchone()[0])
PY
)
load "inbox, page 100" "/workspace/inbox?after=$after&from=4951"
load "inbox, one document" "/workspace/inbox?document=$(python3 -c 'import hashlib; print(hashlib.sha256(b"generated document 42").hexdigest())')"
load "a proposal" "/workspace/inbox/$(curl -fs -H "Cookie: $cookie" "$base/workspace/inbox" | grep -o 'workspace/inbox/proposal-[0-9a-f]*' | head -1 | cut -d/ -f3)"
load "entity page" "/workspace/record/gen-org-00050000"
# The first visit starts the ranking off the request path; measure the page once it is ready.
start=$(date +%s.%N)
while curl -fs -H "Cookie: $cookie" "$base/workspace/duplicates?refresh=off" | grep -q 'id="ranking"'; do sleep 1; done
echo "duplicates: first ranking of the store ready after $(echo "$(date +%s.%N) - $start" | bc) s"
load "duplicates" "/workspace/duplicates"
load "duplicates, page 10" "/workspace/duplicates?page=10"
load "peer: public /stations (page cache)" "/stations"
echo "serve RSS after the load: $(rss $pid)"

# A 10 MB report (60 pages of prose, photographs) uploaded from the browser's form: from the
# request's start to its proposals listed on the document's page, three times (a new report each).
for run in 1 2 3; do
  python3 scripts/gen_report_pdf.py "$dir/report.pdf" 10 60 "run $run $(date +%s%N)" 2> /dev/null
  csrf=$(curl -fs -H "Cookie: $cookie" "$base/workspace/documents" | grep -o 'name="csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
  start=$(date +%s.%N)
  progress=$(curl -s -o /dev/null -w '%{redirect_url}' -H "Cookie: $cookie" -F "csrf=$csrf" -F "url=https://example.org/report-$run" \
    -F "published=2026-11-30" -F "kind=ngo_report" -F "lang=en" -F "files=@$dir/report.pdf;type=application/pdf" "$base/workspace/documents")
  [ -n "$progress" ] || { echo "upload refused"; exit 1; }
  until curl -fs -H "Cookie: $cookie" "$progress?refresh=off" > "$dir/progress.html" && grep -q 'data-state="done"\|data-state="stopped"' "$dir/progress.html"; do sleep 0.05; done
  sha=$(grep -o 'href="/workspace/documents/[0-9a-f]\{64\}"' "$dir/progress.html" | head -1 | grep -o '[0-9a-f]\{64\}')
  proposals=$(curl -fs -H "Cookie: $cookie" "$base/workspace/documents/$sha" | grep -c 'href="/workspace/inbox/proposal-' || true)
  echo "10 MB PDF upload $run: proposals shown after $(echo "$(date +%s.%N) - $start" | bc) s ($proposals proposals listed)"
done
echo "serve RSS after the uploads: $(rss $pid)"
kill $pid; wait $pid 2>/dev/null || true
