#!/usr/bin/env bash
# Fetch Natural Earth country shapes (1:50m) as TopoJSON from the npm package world-atlas into
# data/geo/. The shapes are public domain (Natural Earth); world-atlas is ISC (© Mike Bostock).
# Lookout decodes and projects them in Rust (lookout-geo's `map` module).
set -euo pipefail
cd "$(dirname "$0")/.."
version=2.0.2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "world-atlas@$version" >/dev/null && tar xzf "world-atlas-$version.tgz")
mkdir -p data/geo
cp "$tmp/package/countries-50m.json" data/geo/countries-50m.json
cp "$tmp/package/LICENSE" data/geo/world-atlas-LICENSE
echo "data/geo/countries-50m.json from world-atlas@$version"
