#!/usr/bin/env bash
# Costs of protected reporting (issue 13), release build:
#  - a password check: `lookout keys export` (one argon2id derivation of 64 MiB and 3 passes, the
#    identity unwrapped), median of 7 runs; peer in the same run: the reference argon2 command
#    (Debian's `argon2`) hashing with the same parameters;
#  - cleaning one attachment in the limited child process (`lookout sanitize-worker`): a 12-megapixel
#    picture as JPEG (when GdkPixbuf is there to make it) and PNG, and a 40-page PDF, wall time and
#    the child's peak memory; peer in the same run: mat2 (Debian's metadata anonymisation toolkit,
#    which Tails uses) cleaning the same files, when installed.
#
# Usage: scripts/bench_reporting.sh     (needs python3 and argon2: apt-get install argon2 [mat2])
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q -p lookout
bin=$PWD/target/release/lookout
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
password="correct horse battery staple"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(date -u +%F)"
echo "$password" | "$bin" --data-dir "$dir/data" account add ana --role reviewer > /dev/null
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
ours=$(for _ in 1 2 3 4 5 6 7; do seconds sh -c "echo '$password' | '$bin' --data-dir '$dir/data' keys export ana"; done | median)
echo "password check (lookout keys export), median of 7: ${ours} s"
if command -v argon2 > /dev/null; then
  peer=$(for _ in 1 2 3 4 5 6 7; do seconds sh -c "echo -n '$password' | argon2 lookoutsaltsalt -id -m 16 -t 3 -p 1"; done | median)
  echo "peer: argon2 -id -m 16 -t 3 -p 1 (reference implementation), median of 7: ${peer} s"
fi

python3 - "$dir" <<'EOF'
import struct, sys, zlib
d = sys.argv[1]
w, h = 4000, 3000
rows = bytearray()
for y in range(h):
    rows.append(0)
    rows += bytes(((x // 3 * 2 + y) + ((x // 3 * y) >> 14)) & 0xFF for x in range(w * 3))
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
png += chunk(b"tEXt", b"Author\0someone") + chunk(b"IDAT", zlib.compress(bytes(rows), 6)) + chunk(b"IEND", b"")
open(f"{d}/photo.png", "wb").write(png)
objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
kids = []
for p in range(40):
    text = b"BT /F1 11 Tf 50 750 Td " + b" ".join(b"(Line %d of page %d, with some words to draw.) Tj 0 -14 Td" % (i, p) for i in range(50)) + b" ET"
    objects.append(b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream")
    objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 3 0 R >> >> >>" % (len(objects)))
    kids.append(len(objects))
objects[1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (len(kids), b" ".join(b"%d 0 R" % k for k in kids))
out, offsets = b"%PDF-1.5\n", []
for i, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Root 1 0 R /Size %d /Info << /Author (someone) >> >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(f"{d}/document.pdf", "wb").write(out)
EOF
# A JPEG of the same picture (a phone's photo), when GdkPixbuf is there to encode it (mat2 brings it).
files="photo.png document.pdf"
if /usr/bin/python3 -c "import gi; gi.require_version('GdkPixbuf', '2.0'); from gi.repository import GdkPixbuf" 2> /dev/null; then
  /usr/bin/python3 -c "import gi, sys; gi.require_version('GdkPixbuf', '2.0'); from gi.repository import GdkPixbuf; GdkPixbuf.Pixbuf.new_from_file(sys.argv[1]).savev(sys.argv[2], 'jpeg', ['quality'], ['92'])" "$dir/photo.png" "$dir/photo.jpg"
  files="photo.jpg $files"
fi
for file in $files; do
  size=$(stat -c %s "$dir/$file")
  # The worker writes its answer to a pipe (it may write no file at all).
  /usr/bin/time -f "%e %M" -o "$dir/time" sh -c "'$bin' sanitize-worker < '$dir/$file' | wc -c > '$dir/out'"
  read -r wall kib < "$dir/time"
  echo "clean $file ($size bytes) in the child: $wall s, peak $((kib / 1024)) MiB, answer $(cat "$dir/out") bytes"
  if command -v mat2 > /dev/null; then
    cp "$dir/$file" "$dir/peer-$file"
    /usr/bin/time -f "%e %M" -o "$dir/time" mat2 --inplace "$dir/peer-$file" > /dev/null 2>&1 || true
    read -r wall kib < "$dir/time"
    echo "  peer: mat2 --inplace: $wall s, peak $((kib / 1024)) MiB"
  fi
done
