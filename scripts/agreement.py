#!/usr/bin/env python3
"""How far two annotators agree, and where Lookout stands between them.

    python3 scripts/agreement.py [--lookout target/release/lookout] [--differences]

`research/issue17/corpus/second-annotation/` holds a second annotator's labels (B) for 20 dev
documents, labelled blind: from the texts, their published dates and the general conventions
(`second-annotation/GUIDE.md`), without the corpus labels (A), the per-document notes or any
extractor output. Two kinds were labelled so: status events and organisations. Printed per
language:

- status events: A and B as sets of (station key, status, date), and without the date, the key
  or both; B scored as if it were Lookout's proposals against A, the way `score_extraction.py`
  scores status steps (its keys mapped to the record's stations through `corpus/stations.csv`):
  the agreement the issue's status target is measured against;
- organisations: A and B as sets of surface texts, matched as `score_extraction.py` matches them;
- Lookout scored against A and against B on the same documents, for both kinds.

All 20 documents are dev documents (tuned on with A's labels), so Lookout's figures here are not
held-out figures.
"""
import argparse
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import score_extraction as scorer  # noqa: E402

SECOND = scorer.CORPUS / "second-annotation"
KEYS = {
    "station, status, date": lambda e: (e.get("station") or "", e["status"], e.get("date") or ""),
    "station, status": lambda e: (e.get("station") or "", e["status"]),
    "country, status, date": lambda e: (e.get("country") or "", e["status"], e.get("date") or ""),
    "status, date": lambda e: (e["status"], e.get("date") or ""),
}


def f1(right, found_wanted, found, wanted):
    p = right / found if found else 0.0
    r = found_wanted / wanted if wanted else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def steps(events):
    """Labels as the scorer reads them: distinct (station, status, date)."""
    items = [{"status": e["status"], "date": e.get("date"), "station": e.get("station"), "country": e.get("country")}
             for e in events]
    return scorer.distinct(items, lambda w: (w["station"], w["status"], w["date"]))


def as_proposals(events):
    """B's labels as proposals: each key's stations in the record (a country's, for `*CC`)."""
    out = []
    for e in events:
        allowed = scorer.STATIONS.get(e["station"]) if e["station"] else None
        if not allowed:
            continue
        ids = [a for a in allowed if not a.startswith("*")]
        ids += [s for a in allowed if a.startswith("*") for s, c in scorer.COUNTRIES.items() if c == a[1:]]
        out.append({"status": e["status"], "date": e["date"], "stations": sorted(set(ids))})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lookout", default=str(scorer.ROOT / "target" / "release" / "lookout"))
    ap.add_argument("--differences", action="store_true", help="print what only A or only B has, per document")
    a = ap.parse_args()
    scorer.STATIONS.update(scorer.station_keys())
    scorer.COUNTRIES.update(scorer.station_countries())
    labelled = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in SECOND.glob("*.json")}
    second = {doc: b["status_events"] for doc, b in labelled.items()}
    docs = [d for d in scorer.documents() if d["id"] in second]
    assert all(d["split"] == "dev" for d in docs), "the second annotation is of dev documents only"
    found, _ = scorer.lookout_found(a.lookout, docs)
    for lang in ("en", "zh"):
        part = [d for d in docs if d["lang"] == lang]
        print(f"{lang}: {len(part)} documents")
        for name, key in KEYS.items():
            both = na = nb = 0
            for d in part:
                sa = {key(e) for e in d["labels"]["status_events"]}
                sb = {key(e) for e in second[d["id"]]}
                both, na, nb = both + len(sa & sb), na + len(sa), nb + len(sb)
                if a.differences and name == "station, status, date":
                    for x in sorted(sa - sb, key=str):
                        print(f"  A only  {d['id']}  {x}")
                    for x in sorted(sb - sa, key=str):
                        print(f"  B only  {d['id']}  {x}")
            p, r, f = f1(both, both, nb, na)
            print(f"  A and B on ({name}): A {na}, B {nb}, both {both}; F1 {f:.2f}")
        rows = {"B as proposals vs A": [], "Lookout vs A": [], "Lookout vs B": []}
        for d in part:
            wanted_a, wanted_b = steps(d["labels"]["status_events"]), steps(second[d["id"]])
            ours = found[d["path"].name]["status_events"]
            rows["B as proposals vs A"].append(scorer.match("status_events", as_proposals(wanted_b), wanted_a))
            rows["Lookout vs A"].append(scorer.match("status_events", ours, wanted_a))
            rows["Lookout vs B"].append(scorer.match("status_events", ours, wanted_b))
        for name, counts in rows.items():
            p, r, f = f1(*(sum(c[i] for c in counts) for i in range(4)))
            print(f"  {name:22} P {p:.2f} R {r:.2f} F1 {f:.2f}  (as score_extraction.py scores status steps)")
        organisations(part, labelled, found, a.differences)


def organisations(part, labelled, found, differences):
    """Organisations, where B labelled them: A against B, and Lookout against each."""
    part = [d for d in part if "organisations" in labelled[d["id"]]]
    if not part:
        return
    rows = {"B vs A": [], "Lookout vs A": [], "Lookout vs B": []}
    for d in part:
        wanted_a = scorer.distinct(d["labels"]["organisations"], lambda o: o["text"])
        wanted_b = scorer.distinct(labelled[d["id"]]["organisations"], lambda o: o["text"])
        ours = found[d["path"].name]["organisations"]
        rows["B vs A"].append(scorer.match("organisations", wanted_b, wanted_a))
        rows["Lookout vs A"].append(scorer.match("organisations", ours, wanted_a))
        rows["Lookout vs B"].append(scorer.match("organisations", ours, wanted_b))
        if differences:
            a_texts, b_texts = {o["text"] for o in wanted_a}, {o["text"] for o in wanted_b}
            for t in sorted(a_texts - b_texts):
                print(f"  organisation A only  {d['id']}  {t!r}")
            for t in sorted(b_texts - a_texts):
                print(f"  organisation B only  {d['id']}  {t!r}")
    for name, counts in rows.items():
        p, r, f = f1(*(sum(c[i] for c in counts) for i in range(4)))
        print(f"  organisations, {name:14} P {p:.2f} R {r:.2f} F1 {f:.2f}")


if __name__ == "__main__":
    main()
