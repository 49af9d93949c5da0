#!/usr/bin/env python3
"""Validate an Atom feed: `feedparser` must read it without complaint (well-formed XML, Atom 1.0),
and the elements RFC 4287 requires are checked on the XML itself: the feed's and every entry's
single id (an absolute IRI), title and updated (an RFC 3339 date-time), an author for every entry,
and an href on every link.

Prints "ok: N entries" or the problems, and exits non-zero on any problem.
Usage: python3 scripts/validate_atom.py FILE.atom
"""
import re
import sys
import xml.etree.ElementTree as ET

import feedparser

ATOM = "{http://www.w3.org/2005/Atom}"
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def check(element, where, problems):
    for name in ("id", "title", "updated"):
        found = element.findall(ATOM + name)
        if len(found) != 1:
            problems.append(f"{where}: {len(found)} atom:{name} elements, not one")
            continue
        text = (found[0].text or "").strip()
        if name == "id" and not IRI.match(text):
            problems.append(f"{where}: id {text!r} is not an absolute IRI")
        if name == "updated" and not DATE_TIME.match(text):
            problems.append(f"{where}: updated {text!r} is not an RFC 3339 date-time")
    for link in element.findall(ATOM + "link"):
        if not link.get("href"):
            problems.append(f"{where}: a link without href")


def main(path):
    with open(path, "rb") as f:
        data = f.read()
    problems = []
    parsed = feedparser.parse(data)
    if parsed.bozo:
        problems.append(f"feedparser: {parsed.bozo_exception}")
    if parsed.version != "atom10":
        problems.append(f"feedparser reads it as {parsed.version!r}, not Atom 1.0")
    root = ET.fromstring(data)
    if root.tag != ATOM + "feed":
        problems.append(f"root element is {root.tag}, not atom:feed")
    check(root, "feed", problems)
    feed_author = root.find(ATOM + "author") is not None
    entries = root.findall(ATOM + "entry")
    for i, entry in enumerate(entries):
        check(entry, f"entry {i}", problems)
        if not feed_author and entry.find(ATOM + "author") is None:
            problems.append(f"entry {i}: no author, and the feed has none")
    if len(parsed.entries) != len(entries):
        problems.append(f"feedparser found {len(parsed.entries)} entries, the XML has {len(entries)}")
    if problems:
        print("\n".join(problems[:50]))
        sys.exit(1)
    print(f"ok: {len(entries)} entries")


if __name__ == "__main__":
    main(sys.argv[1])
