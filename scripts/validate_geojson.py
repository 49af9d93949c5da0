#!/usr/bin/env python3
"""Validate a GeoJSON file with the `geojson` package (RFC 7946 structure) plus range checks.

Prints "ok: N features" or the problems, and exits non-zero on any problem.
Usage: python3 scripts/validate_geojson.py FILE.geojson
"""
import sys

import geojson


def main(path):
    with open(path, encoding="utf-8") as f:
        doc = geojson.load(f)
    problems = []
    if doc.get("type") != "FeatureCollection":
        problems.append(f"top level is {doc.get('type')!r}, not a FeatureCollection")
    if not doc.is_valid:
        problems.append(f"invalid GeoJSON: {doc.errors()}")
    for i, feature in enumerate(doc.get("features", [])):
        geometry = feature.get("geometry")
        if geometry is None:
            continue
        lon, lat = geometry["coordinates"][:2]
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            problems.append(f"feature {i}: coordinates {lon}, {lat} out of range")
    if problems:
        print("\n".join(problems[:50]))
        sys.exit(1)
    print(f"ok: {len(doc['features'])} features")


if __name__ == "__main__":
    main(sys.argv[1])
