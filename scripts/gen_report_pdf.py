#!/usr/bin/env python3
"""Writes a report-like PDF of about SIZE_MB megabytes: PAGES pages of English prose about overseas
police service stations (compressed text, Helvetica) and, on every fourth page, a photograph-sized
image of incompressible pixels, as NGO reports carry. The prose names bureaus, cities and
associations the bundled record knows, so that reading it yields mentions and proposals. Standard
library only. Usage: gen_report_pdf.py OUT.pdf [SIZE_MB] [PAGES] [SEED]"""
import os, random, sys, zlib

out_path = sys.argv[1]
size_mb = float(sys.argv[2]) if len(sys.argv) > 2 else 10
pages = int(sys.argv[3]) if len(sys.argv) > 3 else 60
rng = random.Random(sys.argv[4] if len(sys.argv) > 4 else "lookout")

bureaus = ["Fuzhou Public Security Bureau", "Qingtian County Public Security Bureau", "Wenzhou Public Security Bureau",
           "Nantong Public Security Bureau", "Changle Public Security Bureau", "Lishui Public Security Bureau"]
cities = ["Rotterdam", "Amsterdam", "Prague", "Milan", "Madrid", "Paris", "London", "Toronto", "New York", "Dublin",
          "Budapest", "Bratislava", "Lisbon", "Frankfurt", "Stockholm", "Vancouver"]
verbs = ["opened an overseas police service station in", "ran a service station in", "operated a contact point in",
         "set up a station in"]
filler = ["According to local reporting, the office shared an address with a hometown association.",
          "The ministry said it had asked for an explanation and that the premises had since closed.",
          "Residents described being approached and urged to return to settle matters at home.",
          "Police said an investigation was under way and declined to comment further.",
          "Members of the diaspora said they had been contacted by people claiming to act for the bureau.",
          "The association denied any link and said it offered help with driving licences."]

def sentence():
    if rng.random() < 0.35:
        return f"The {rng.choice(bureaus)} {rng.choice(verbs)} {rng.choice(cities)} in {rng.randint(2016, 2022)}."
    return rng.choice(filler)

def esc(s):
    return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
text_bytes = 0
for p in range(pages):
    lines, line = [], ""
    for _ in range(40):
        for word in sentence().split():
            if len(line) + len(word) > 95:
                lines.append(line)
                line = ""
            line = (line + " " + word).strip()
        if len(lines) >= 52:
            break
    lines.append(line)
    text_bytes += sum(len(l) for l in lines)
    content = "BT /F1 10 Tf 50 760 Td " + " ".join(f"({esc(l)}) Tj 0 -13 Td" for l in lines) + " ET"
    resources = b"/Font << /F1 3 0 R >>"
    images = p % 4 == 0
    if images:
        content = "q 500 330 0 0 50 40 cm /Im1 Do Q " + content
    body = zlib.compress(content.encode("latin-1"), 6)
    objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body + b"\nendstream")
    contents = len(objects)
    if images:
        images_left = (pages + 3) // 4
        want = int(size_mb * 1_000_000 / images_left)
        w = 800
        h = max(1, want // (w * 3))
        pixels = zlib.compress(bytes(rng.getrandbits(8) for _ in range(w * h * 3)), 1)
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                       b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(pixels))
                       + pixels + b"\nendstream")
        resources += b" /XObject << /Im1 %d 0 R >>" % len(objects)
    objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << %s >> >>"
                   % (contents, resources))
kids = [i + 1 for i, o in enumerate(objects) if o and o.startswith(b"<< /Type /Page ")]
objects[1] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (len(kids), b" ".join(b"%d 0 R" % k for k in kids))
out, offsets = b"%PDF-1.5\n", []
for i, body in enumerate(objects, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
out += b"trailer\n<< /Root 1 0 R /Size %d >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open(out_path, "wb").write(out)
print(f"{out_path}: {len(out) / 1e6:.1f} MB, {pages} pages, {text_bytes} characters of text", file=sys.stderr)
