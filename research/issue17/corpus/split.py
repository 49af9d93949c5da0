#!/usr/bin/env python3
"""Splits the corpus into dev and held-out by document, per language, before any extractor is run.

Each document's place is fixed by a digest of its id (so the split does not depend on its
content): per language, of the documents not yet in split.csv, the 40% with the smallest digests
are dev (tune on these), the rest held-out (report these apart). Documents already in split.csv
keep their place: a batch added later is split by the same rule among itself (the 12 documents
of session 11 were), so no document ever moves between dev and held-out. The 16 documents of
session 13 (en-37 … en-44, zh-28 … zh-35), the 18 of session 16 (en-45 … en-54, zh-36 … zh-43),
the 18 of session 17 (en-55 … en-64, zh-44 … zh-51), the 14 of session 18 (en-65 … en-72,
zh-52 … zh-57), the 14 of session 19 (en-73 … en-80, zh-58 … zh-63) the 14 of session 20
(en-81 … en-88, zh-64 … zh-69) the 14 labelled later that session (en-89 … en-96, zh-70 … zh-75) and the 14 labelled last that
session and placed in session 21 (en-97 … en-104, zh-76 … zh-81), the 14 of session 22
(en-105 … en-112, zh-82 … zh-87), the 28 of session 23 (en-113 … en-128, zh-88 … zh-99) and the 14 labelled
at the end of session 23 and placed in session 24 (en-129 … en-136, zh-100 … zh-105) and the 14 labelled at the end
of session 24 and placed in session 25 (en-137 … en-144, zh-106 … zh-111) and the 14 labelled at the end of
session 25 and placed in session 26 (en-145 … en-152, zh-112 … zh-117) and the 13 labelled and placed in
session 26 (en-153 … en-160, zh-118 … zh-122) and the 14 labelled and placed in session 27 (en-161 … en-168,
zh-123 … zh-128) were written into split.csv as dev by hand: batches added to widen what is tuned on, the
held-out set left as it was (each batch is scored once before any tuning on it: BENCHMARKS.md). The 14 labelled
later in session 27 (en-169 … en-176, zh-129 … zh-134) were written in as held-out by hand, before any run on
them: fresh documents for a held-out set read many times. The 14 labelled in session 28 (en-177 … en-184,
zh-135 … zh-140) were written in as dev by hand, after one reading before tuning, and so were the 14 labelled in
session 29 (en-185 … en-192, zh-141 … zh-146), in session 30 (en-193 … en-200, zh-147 … zh-152) and in session 31
(en-201 … en-208, zh-153 … zh-158). Writes split.csv.
Run: python3 research/issue17/corpus/split.py
"""
import csv
import hashlib
import pathlib

HERE = pathlib.Path(__file__).parent
DEV_SHARE = 0.4


def main():
    ids = []
    for manifest in sorted(HERE.glob("manifest-*.csv")):
        with manifest.open(newline="", encoding="utf-8") as f:
            ids += [row["id"] for row in csv.DictReader(f)]
    placed = {}
    if (HERE / "split.csv").exists():
        with (HERE / "split.csv").open(newline="", encoding="utf-8") as f:
            placed = {r["id"]: r["split"] for r in csv.DictReader(f)}
    rows = [(i, placed[i]) for i in ids if i in placed]
    new = [i for i in ids if i not in placed]
    for lang in sorted({i.split("-")[0] for i in new}):
        mine = sorted((i for i in new if i.startswith(lang + "-")),
                      key=lambda i: hashlib.sha256(f"lookout-17:{i}".encode()).hexdigest())
        dev = round(len(mine) * DEV_SHARE)
        rows += [(i, "dev" if n < dev else "heldout") for n, i in enumerate(mine)]
    with (HERE / "split.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "split"])
        w.writerows(sorted(rows))
    for part in ("dev", "heldout"):
        print(part, sum(1 for _, s in rows if s == part))


if __name__ == "__main__":
    main()
