#!/usr/bin/env python3
"""Turns nomenklatura's name_bench_cases.csv (case_group,schema,name1,name2,is_match,…) into
JudgedPair JSON lines, so that both matchers read the same file.

Usage: python3 scripts/name_bench_to_pairs.py name_bench_cases.csv > pairs.jsonl
"""
import csv
import json
import sys


def main(path):
    with open(path, encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f), start=2):
            if row["is_match"] not in ("true", "false"):
                sys.exit(f"{path}:{i}: is_match must be true or false, not {row['is_match']!r}")

            def side(name, suffix):
                return {"id": f"{i}{suffix}", "schema": row["schema"], "properties": {"name": [name]}}

            pair = {
                "left": side(row["name1"], "a"),
                "right": side(row["name2"], "b"),
                "judgement": "positive" if row["is_match"] == "true" else "negative",
                "group": row["case_group"],
            }
            print(json.dumps(pair, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
