#!/usr/bin/env python3
"""Scores JudgedPair lines with nomenklatura's logic-v2 matcher, the peer Lookout's matcher is
measured against. Writes one `{"score": x, "match": bool}` line per pair, in order, like
`lookout match --pairs`, and the pairs per second (scoring only, after loading: new names, then the same names repeated) to stderr.

Usage: python3 scripts/peer_match.py PAIRS.jsonl [WARM-UP.jsonl] > scores.jsonl   (in a venv with
       nomenklatura; WARM-UP pairs are scored first, untimed)
"""
import json
import sys
import time

from followthemoney import model
from nomenklatura.matching import LogicV2
from nomenklatura.matching.types import ScoringConfig

THRESHOLD = 0.7


def read(path):
    pairs = []
    for line in open(path, encoding="utf-8"):
        if line.strip():
            data = json.loads(line)
            pairs.append((model.get_proxy(data["left"]), model.get_proxy(data["right"])))
    return pairs


def main(path, warm_up_path=None):
    config = ScoringConfig.defaults()
    pairs = read(path)
    # Optionally, first score other pairs (untimed): the matcher's one-off start (data files,
    # compiled patterns) is then done, while these names are still new to its caches.
    if warm_up_path:
        for left, right in read(warm_up_path):
            LogicV2.compare(left, right, config)
    # Two timed passes: the first meets every name for the first time ("new names"); the second
    # repeats them, answered largely from the matcher's caches ("repeated names").
    for run in ("new names", "repeated names"):
        start = time.perf_counter()
        out = []
        for left, right in pairs:
            score = LogicV2.compare(left, right, config).score
            out.append(json.dumps({"score": score, "match": score >= THRESHOLD}))
        seconds = time.perf_counter() - start
        print(f"peer {run}: {len(pairs)} pairs in {seconds:.2f} s, {len(pairs) / seconds:.0f} pairs/s", file=sys.stderr)
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
