#!/usr/bin/env python3
"""Module cycles within each crate: two modules (neither an ancestor of the other) that use each
other, directly or through others. Prints each cycle found; exits 1 if any.

Usage: scripts/module_cycles.py [CRATES_DIR]   (default crates)
"""
import os
import re
import sys


def module_of(src, path):
    rel = os.path.relpath(path, src)[:-3].split(os.sep)
    if rel[-1] in ("mod", "lib", "main"):
        rel = rel[:-1]
    return tuple(rel)


def resolve(mods, current, path):
    """The module a `crate::…`/`super::…`/`self::…` path names (its longest known prefix)."""
    parts = path.split("::")
    if parts[0] == "crate":
        base, rest = (), parts[1:]
    elif parts[0] in ("super", "self"):
        base = current
        while parts and parts[0] in ("super", "self"):
            if parts[0] == "super":
                base = base[:-1]
            parts = parts[1:]
        rest = parts
    else:
        return None
    best = base
    for i in range(1, len(rest) + 1):
        cand = base + tuple(rest[:i])
        if cand in mods:
            best = cand
    return best


def crate_cycles(src):
    files = [os.path.join(d, f) for d, _, fs in os.walk(src) for f in fs if f.endswith(".rs")]
    mods = {module_of(src, f): f for f in files}
    edges = {m: set() for m in mods}
    pattern = re.compile(r"\b((?:crate|super|self)(?:::[A-Za-z_][A-Za-z0-9_]*)+)")
    for m, f in mods.items():
        text = open(f, encoding="utf-8").read()
        # Tests may reach anywhere.
        text = text.split("#[cfg(test)]")[0]
        # Comments (and doc links) are no use.
        text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
        for hit in pattern.findall(text):
            target = resolve(mods, m, hit)
            if target is None or target == m:
                continue
            # A module using its ancestor (or its own child) is the tree itself, not a cycle.
            if m[: len(target)] == target or target[: len(m)] == m:
                continue
            edges[m].add(target)
    cycles = set()
    for start in mods:
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in edges[node]:
                if nxt == start and len(path) > 1:
                    cyc = path[:]
                    i = cyc.index(min(cyc))
                    cycles.add(tuple(cyc[i:] + cyc[:i]))
                elif nxt not in path and len(path) < 6:
                    stack.append((nxt, path + [nxt]))
    return cycles


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "crates"
    found = False
    for crate in sorted(os.listdir(root)):
        src = os.path.join(root, crate, "src")
        if not os.path.isdir(src):
            continue
        for cyc in sorted(crate_cycles(src)):
            found = True
            print(f"{crate}: " + " -> ".join("::".join(m) or "(root)" for m in cyc + (cyc[0],)))
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
