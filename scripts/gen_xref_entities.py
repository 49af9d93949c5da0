#!/usr/bin/env python3
"""Writes N generated FtM entities (PublicBody and Organization) for the xref benchmark: bureaus and
diaspora associations of Chinese cities from the gazetteer, each in English or Chinese, about a
tenth of them written a second time in the other script or another phrasing (the duplicates xref
should find).

Usage: python3 scripts/gen_xref_entities.py N > entities.ftm.jsonl
"""
import csv
import json
import random
import sys

KINDS = [("Public Security Bureau", "公安局", "PublicBody"), ("Hometown Association", "同乡会", "Organization"),
         ("Chamber of Commerce", "商会", "Organization")]
HOSTS = [("Italy", "意大利"), ("Spain", "西班牙"), ("France", "法国"), ("Netherlands", "荷兰"), ("Germany", "德国"),
         ("Canada", "加拿大"), ("Hungary", "匈牙利"), ("Serbia", "塞尔维亚"), ("Brazil", "巴西"), ("Japan", "日本"),
         ("Chile", "智利"), ("Ireland", "爱尔兰"), ("Portugal", "葡萄牙"), ("Austria", "奥地利"), ("Greece", "希腊")]


def main(n):
    random.seed(7)
    cities = []
    with open("data/gazetteer/cities.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["country"] == "CN" and row["zh_hans"]:
                cities.append((row["name"], row["zh_hans"].split("|")[0].rstrip("市县区")))
    written = 0
    serial = 0
    while written < n:
        city_en, city_zh = random.choice(cities)
        kind_en, kind_zh, schema = random.choice(KINDS)
        host_en, host_zh = random.choice(HOSTS)
        if schema == "PublicBody":
            names = [f"{city_en} {kind_en}", f"{city_zh}市{kind_zh}", f"{city_en} PSB"]
        else:
            names = [f"{city_en} {kind_en} in {host_en}", f"{host_zh}{city_zh}{kind_zh}",
                     f"{kind_en} of {city_en} ({host_en})"]
        copies = 2 if random.random() < 0.1 else 1
        for name in random.sample(names, copies):
            serial += 1
            entity = {"id": f"gen-{serial}", "schema": schema, "properties": {"name": [name]}}
            print(json.dumps(entity, ensure_ascii=False))
            written += 1


if __name__ == "__main__":
    main(int(sys.argv[1]))
