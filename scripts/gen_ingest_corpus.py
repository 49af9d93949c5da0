#!/usr/bin/env python3
"""Writes a generated corpus of mixed English and Chinese text files for the ingest benchmark:
sentences built from templates with gazetteer cities, bureaus, figures and dates.

Usage: python3 scripts/gen_ingest_corpus.py DIR MEGABYTES
"""
import csv
import os
import random
import sys

EN = [
    "On {d} {m} {y}, investigators in {city} said the {place} Public Security Bureau ran {n} police stations in {k} countries.",
    "The {place} PSB was linked to {n} offices, according to a report published in {m} {y}.",
    "Officials estimated that {big} Chinese nationals were persuaded to return from {city} and other cities.",
    "A community association in {city} denied any role; the {place} Hometown Association declined to comment.",
]
ZH = [
    "{y}年{mn}月，{place}市公安局在{cityzh}设立了{n}个海外服务站。",
    "报告称，全球共有{n}个海外警务站分布在{k}个国家。",
    "{cityzh}的{place}同乡会负责人于{y}年{mn}月{dn}日出席活动，约{w}万人参加。",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def main(out, megabytes):
    random.seed(11)
    cities, cn = [], []
    with open("data/gazetteer/cities.tsv", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if int(row["population"]) > 200000:
                cities.append((row["name"], (row["zh_hans"] or "").split("|")[0]))
                if row["country"] == "CN" and row["zh_hans"]:
                    cn.append((row["name"], row["zh_hans"].split("|")[0].rstrip("市县区")))
    os.makedirs(out, exist_ok=True)
    target = megabytes * 1_000_000
    written, index = 0, 0
    while written < target:
        lines = []
        size = 0
        while size < 1_000_000:
            city, cityzh = random.choice(cities)
            place, placezh = random.choice(cn)
            args = dict(d=random.randint(1, 28), m=random.choice(MONTHS), y=random.randint(2015, 2025), city=city,
                        cityzh=cityzh or "米兰", place=place, n=random.randint(2, 120), k=random.randint(2, 60),
                        big=f"{random.randint(1, 300)},000", mn=random.randint(1, 12), dn=random.randint(1, 28),
                        w=random.randint(1, 30))
            if random.random() < 0.5:
                line = random.choice(EN).format(**args)
            else:
                args["place"] = placezh
                line = random.choice(ZH).format(**args)
            lines.append(line)
            size += len(line.encode("utf-8")) + 1
        name = os.path.join(out, f"doc{index:05}.txt")
        with open(name, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        written += size
        index += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
