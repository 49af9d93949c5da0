#!/usr/bin/env python3
"""Precision, recall and F1 per group and overall, for JudgedPair lines and the matching
`{"score", "match"}` lines that `lookout match --pairs` writes.

Usage: lookout match --pairs PAIRS.jsonl > scores.jsonl
       python3 scripts/score_pairs.py PAIRS.jsonl scores.jsonl
"""
import collections
import json
import sys


def main(pairs_path, scores_path):
    pairs = [json.loads(l) for l in open(pairs_path, encoding="utf-8") if l.strip()]
    scores = [json.loads(l) for l in open(scores_path, encoding="utf-8") if l.strip()]
    if len(pairs) != len(scores):
        sys.exit(f"{len(pairs)} pairs but {len(scores)} scores")
    counts = collections.defaultdict(lambda: [0, 0, 0, 0])  # tp fp fn tn
    for p, s in zip(pairs, scores):
        positive, match = p["judgement"] == "positive", bool(s["match"])
        counts[p.get("group", "")][(0 if match else 2) if positive else (1 if match else 3)] += 1

    def prf(tp, fp, fn):
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    total = [0, 0, 0, 0]
    print(f"{'group':30} {'pairs':>6} {'precision':>9} {'recall':>7} {'F1':>6}")
    for group, c in sorted(counts.items()):
        total = [a + b for a, b in zip(total, c)]
        p, r, f = prf(c[0], c[1], c[2])
        print(f"{group:30} {sum(c):>6} {p:>9.3f} {r:>7.3f} {f:>6.3f}")
    p, r, f = prf(total[0], total[1], total[2])
    print(f"{'overall':30} {sum(total):>6} {p:>9.3f} {r:>7.3f} {f:>6.3f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
