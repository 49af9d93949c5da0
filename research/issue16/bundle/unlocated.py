#!/usr/bin/env python3
"""Issue 16: the December report's known unknowns in data/stations.csv.  Python 3, standard library only.

    python3 research/issue16/bundle/unlocated.py            # write, then check (exit 1 on a problem)
    python3 research/issue16/bundle/unlocated.py --check    # check only

Run it after events.py and sources.py (README.md gives the order); a second run changes nothing.

Inputs (read, never written):
  unlocated/new_rows.csv        stations of "Patrol and Persuade" with no row (ST087-ST107), in the columns of
                                data/stations.csv plus why_unlocated
  unlocated/existing_rows.csv   rows of data/stations.csv whose `city` is not a city (id, city as it was, why)
  unlocated_fixes.csv           the lead's edits, each with its reason: `keep_city` (an existing row stays located),
                                `set` a field of a new row
  judgements.csv                pages judged `drop` are left out of a new row's source_urls (logged), and
                                `replace_with` is applied
  data/sources.csv              every url a new row cites must be a row of it (sources.py writes it)

Writes data/stations.csv only:
  - adds the last column `why_unlocated` (empty for a located station) if it is missing;
  - for each row of existing_rows.csv (but the `keep_city` ones): `city` emptied, `why_unlocated` set; the row's
    city must still be `city_now` (or already empty), otherwise the data changed under the file: it stops;
  - appends the rows of new_rows.csv that are missing (and rewrites them from the file when present), with the
    fixes applied. Other rows and columns are written back as they were (sources.py owns `source_urls`).
"""
import collections
import csv
import io
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
DATA = os.environ.get('ISSUE16_DATA_DIR') or os.path.join(ROOT, 'data')
UNL = os.path.join(HERE, 'unlocated')
SEP = ' | '
COL = 'why_unlocated'
STATUSES = {'reported', 'under_investigation', 'searched_by_police', 'closure_ordered', 'closed', 'reported_closed',
            'closed_per_chinese_embassy', 'closed_per_host_government', 'denied', 'charges_filed', 'guilty_plea',
            'convicted', 'acquitted', 'investigation_closed', 'no_evidence_found', 'no_formal_investigation',
            'referred_to_prosecutors', 'lawsuit_filed', 'reported_country_only', 'reported_count_only'}


def urls(cell):
    return [u.strip() for u in (cell or '').split('|') if u.strip()]


def read_csv(path):
    with open(path, newline='', encoding='utf-8') as fh:
        return list(csv.DictReader(fh))


def read_stations(path):
    with open(path, newline='', encoding='utf-8') as fh:
        raw = fh.read()
    rows = list(csv.reader(io.StringIO(raw)))
    term = '\r\n' if '\r\n' in raw else '\n'
    return rows[0], rows[1:], raw, term


def serialise(rows, term):
    out = io.StringIO()
    csv.writer(out, lineterminator=term).writerows(rows)
    return out.getvalue()


def load_fixes(log):
    keep_city, sets = set(), collections.defaultdict(dict)
    for i, f in enumerate(read_csv(os.path.join(HERE, 'unlocated_fixes.csv')), 2):
        if not f['reason'].strip():
            sys.exit(f'unlocated_fixes.csv:{i}: a fix without a reason')
        if f['action'] == 'keep_city':
            keep_city.add(f['id'])
        elif f['action'] == 'set':
            sets[f['id']][f['field']] = f['value']
        else:
            sys.exit(f'unlocated_fixes.csv:{i}: unknown action {f["action"]!r}')
    return keep_city, sets


def judged():
    drop, replace = {}, {}
    for j in read_csv(os.path.join(HERE, 'judgements.csv')):
        if j['action'] == 'drop':
            drop[j['url']] = j['notes']
        if j['replace_with']:
            replace[j['url']] = urls(j['replace_with'])
    return drop, replace


def build(header, rows, log, problems, notes):
    """Returns the new header and rows (lists), applying the two files and the fixes."""
    keep_city, sets = load_fixes(log)
    drop, replace = judged()
    src = {r['url'] for r in read_csv(os.path.join(DATA, 'sources.csv'))}
    if COL not in header:
        header = header + [COL]
        rows = [r + [''] for r in rows]
        log.append(f'stations.csv: column {COL} added (empty for every row)')
    idx = {c: header.index(c) for c in header}
    by_id = {r[idx['id']]: r for r in rows}

    for e in read_csv(os.path.join(UNL, 'existing_rows.csv')):
        r = by_id.get(e['id'])
        if r is None:
            problems.append(f'existing_rows.csv: {e["id"]} is not a row of data/stations.csv')
            continue
        if e['id'] in keep_city:
            if r[idx[COL]]:
                r[idx[COL]] = ''
                log.append(f'{e["id"]}: kept located (unlocated_fixes.csv): why_unlocated emptied')
            continue
        city = r[idx['city']]
        if city not in ('', e['city_now']):
            problems.append(f'{e["id"]}: city is {city!r}, existing_rows.csv expected {e["city_now"]!r}: review')
            continue
        for col, val in (('city', ''), (COL, e['why_unlocated'])):
            if r[idx[col]] != val:
                log.append(f'{e["id"]}: {col} {r[idx[col]]!r} -> {val!r}')
                r[idx[col]] = val

    new_header = read_csv(os.path.join(UNL, 'new_rows.csv'))
    for n in new_header:
        sid = n['id']
        for col in n:
            if col not in idx:
                problems.append(f'new_rows.csv: column {col!r} is not a column of data/stations.csv')
        vals = dict(n)
        for field, value in sets.get(sid, {}).items():
            if field not in idx:
                problems.append(f'unlocated_fixes.csv: {sid}: unknown field {field!r}')
            vals[field] = value
        cited = []
        for u in urls(vals['source_urls']):
            for v in replace.get(u, [u]):
                if v in drop:
                    notes.append(f'{sid}: {v} left out (judged drop: {drop[v][:90]})')
                elif v not in src:
                    problems.append(f'{sid}: cites {v}, which is not a row of data/sources.csv (judge it)')
                elif v not in cited:
                    cited.append(v)
        vals['source_urls'] = SEP.join(cited)
        row = [vals.get(c, '') for c in header]
        if sid in by_id:
            old = by_id[sid]
            if old != row:
                log.append(f'{sid}: rewritten from new_rows.csv')
                old[:] = row
        else:
            rows.append(row)
            by_id[sid] = row
            log.append(f'{sid}: appended ({vals["country"] or "no country"}; {vals["operating_bureau"] or "no bureau"})')
    return header, rows


def check_rows(header, rows, problems):
    """The importer's rules for the columns this script touches (check_all.py checks the whole file)."""
    if header[-1] != COL:
        problems.append(f'stations.csv: last column is {header[-1]!r}, not {COL}')
    idx = {c: header.index(c) for c in header}
    for i, r in enumerate(rows, 2):
        city, why, iso = r[idx['city']], r[idx[COL]], r[idx['country_iso2']]
        if not city and not why:
            problems.append(f'stations.csv:{i}: {r[0]} has neither a city nor why_unlocated')
        if city and why:
            problems.append(f'stations.csv:{i}: {r[0]} has a city and why_unlocated')
        if not iso and city:
            problems.append(f'stations.csv:{i}: {r[0]} has a city but no country_iso2')
        if not urls(r[idx['source_urls']]):
            problems.append(f'stations.csv:{i}: {r[0]} has no source url')
        first = re.split(r'[ (;]', r[idx['status']].strip(), 1)[0]
        if first not in STATUSES:
            problems.append(f'stations.csv:{i}: {r[0]} status {first!r} not in the vocabulary')


def main():
    path = os.path.join(DATA, 'stations.csv')
    header, rows, raw, term = read_stations(path)
    log, problems, notes = [], [], []
    if '--check' not in sys.argv:
        header, rows = build(header, [list(r) for r in rows], log, problems, notes)
        if problems:
            for p in problems:
                print('ERROR', p)
            sys.exit(1)
        text = serialise([header] + rows, term)
        if text != raw:
            with open(path, 'w', newline='', encoding='utf-8') as fh:
                fh.write(text)
        for line in log + notes:
            print(line)
        print(f'stations.csv: {"changed" if text != raw else "unchanged"} ({len(log)} edit(s))')
    check_rows(header, rows, problems)
    idx = header.index(COL) if COL in header else None
    unloc = sum(1 for r in rows if idx is not None and r[idx])
    print(f'stations: {len(rows)} rows, {len(rows) - unloc} located, {unloc} unlocated')
    for p in problems:
        print('ERROR', p)
    print(f'{len(problems)} problem(s)')
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
