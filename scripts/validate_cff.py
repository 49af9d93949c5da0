#!/usr/bin/env python3
"""Validate a CITATION.cff with `cffconvert` (the Citation File Format's own validator, against
the CFF 1.2.0 JSON schema).

Prints "ok" or the problem, and exits non-zero on any problem.
Usage: python3 scripts/validate_cff.py CITATION.cff
"""
import sys

from cffconvert import Citation


def main(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    try:
        Citation(text).validate()
    except Exception as e:  # cffconvert raises jsonschema's or ruamel's errors
        print(f"invalid: {e}".splitlines()[0])
        sys.exit(1)
    print("ok: valid CITATION.cff (CFF 1.2.0)")


if __name__ == "__main__":
    main(sys.argv[1])
