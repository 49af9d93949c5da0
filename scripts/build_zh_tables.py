#!/usr/bin/env python3
"""Build data/zh/t2s.tsv (traditional -> simplified Chinese characters) from OpenCC's
TSCharacters dictionary (Apache License 2.0), as shipped by the PyPI package
opencc-python-reimplemented 0.1.7. Japanese forms (JPVariants, read in reverse) and Taiwan and
Hong Kong variants (TWVariants, HKVariants, in reverse) are folded to the traditional form first, so
that 荘, 郷, 竜 and 恵 also come out simplified.

Usage:
  python3 -m venv .venv && .venv/bin/pip install opencc-python-reimplemented==0.1.7
  .venv/bin/python scripts/build_zh_tables.py data/zh
Output: one line per traditional character: TRADITIONAL<TAB>SIMPLIFIED (the first candidate).
"""
import os
import sys

import opencc


def main(out_dir):
    d = os.path.join(os.path.dirname(opencc.__file__), "dictionary")

    def pairs(name):
        with open(os.path.join(d, name), encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 2:
                    for target in parts[1].split(" "):
                        if len(parts[0]) == 1 and len(target) == 1:
                            yield parts[0], target

    t2s = {}
    for trad, simp in pairs("TSCharacters.txt"):
        t2s.setdefault(trad, simp)
    table = {t: s for t, s in t2s.items() if t != s}
    for name in ("JPVariants.txt", "TWVariants.txt", "HKVariants.txt"):
        for trad, variant in pairs(name):
            simp = t2s.get(trad, trad)
            if variant != simp and variant not in table:
                table[variant] = simp
    rows = sorted(table.items())
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "t2s.tsv"), "w", encoding="utf-8", newline="\n") as f:
        for trad, simp in rows:
            f.write(f"{trad}\t{simp}\n")
    print(f"{len(rows)} characters -> {out_dir}/t2s.tsv", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/zh")
