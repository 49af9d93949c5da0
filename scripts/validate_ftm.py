#!/usr/bin/env python3
"""Validate a FollowTheMoney JSON-lines file with the real `followthemoney` package.

Checks, for every line: the schema exists; every property belongs to it; every value survives
FtM's own cleaning (no value silently dropped); required properties are present; and every
entity reference points at an entity in the file. Prints "ok: N entities" or the problems, and
exits non-zero on any problem.

Usage: python3 scripts/validate_ftm.py FILE.ftm.jsonl
"""
import json
import sys

from followthemoney import model
from followthemoney.exc import InvalidData


def main(path):
    problems, ids, refs, n = [], set(), [], 0
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            n += 1
            data = json.loads(line)
            try:
                proxy = model.get_proxy(data, cleaned=False)
            except InvalidData as e:
                problems.append(f"line {lineno}: {e}")
                continue
            ids.add(proxy.id)
            for prop_name, values in data.get("properties", {}).items():
                prop = proxy.schema.get(prop_name)
                if prop is None:
                    problems.append(f"line {lineno}: {proxy.schema.name} has no property {prop_name}")
                    continue
                invalid = [v for v in values if not prop.type.validate(v)]
                if invalid:
                    problems.append(f"line {lineno}: {prop_name} values invalid for type {prop.type.name}: {invalid}")
                kept = proxy.get(prop_name)
                if len(kept) < len(set(values)):
                    lost = sorted(set(values) - set(kept))
                    problems.append(f"line {lineno}: {prop_name} values rejected by FtM: {lost}")
                if prop.type.name == "entity":
                    refs.extend((lineno, prop_name, v) for v in values)
            for req in proxy.schema.required:
                if not proxy.get(req):
                    problems.append(f"line {lineno}: {proxy.schema.name} lacks required {req}")
    for lineno, prop_name, target in refs:
        if target not in ids:
            problems.append(f"line {lineno}: {prop_name} refers to {target}, which is not in the file")
    if problems:
        print("\n".join(problems[:50]))
        sys.exit(1)
    print(f"ok: {n} entities")


if __name__ == "__main__":
    main(sys.argv[1])
