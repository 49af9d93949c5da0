#!/usr/bin/env python3
"""Issue 16: one command that checks every bundled data file together.  Python 3, standard library only.

    python3 research/issue16/bundle/check_all.py      # exit 1 on a problem; writes nothing

It runs, in this order,
  1. sources.py's check: data/sources.csv (kinds, copies and their originals, private names, repost hosts) and
     that every url cited by stations/responses/figures/status_events/hosts is a row of it; every station has a
     source that is not a copy;
  2. events.py's check: status_events.csv, hosts.csv, responses.csv, figures.csv (vocabularies, dates or
     "undated", officials by office, private names, urls read by the research);
  3. unlocated.py's check of the `why_unlocated` column;
  4. the importer's own rules (crates/lookout-import, mirrored here; it refuses the whole import otherwise):
     stations.csv required cells, ISO partial dates, the status chain (a snake_case word outside the vocabulary is
     an error, prose steps are notes), country_iso2 a real ISO 3166-1 alpha-2 code (data/gazetteer/countries.tsv)
     unless the city is empty, city xor why_unlocated, unique ids; sources.csv url/kind/judged_by, published, a
     repost's copy_of a row; hosts.csv / status_events.csv / responses.csv / figures.csv required cells, dates,
     station ids that are rows of stations.csv, snake_case actions, figure ids unique and `contradicts` naming
     other figures; and that unlocated/new_rows.csv and existing_rows.csv are carried into stations.csv.
Then it prints the counts of the record.
"""
import collections
import contextlib
import csv
import datetime
import importlib.util
import io
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
DATA = os.environ.get('ISSUE16_DATA_DIR') or os.path.join(ROOT, 'data')
KINDS = {'official', 'court', 'ngo_report', 'news', 'repost', 'social', 'testimony', 'reference', 'file'}
STATUSES = ['reported', 'under_investigation', 'searched_by_police', 'closure_ordered', 'closed', 'reported_closed',
            'closed_per_chinese_embassy', 'closed_per_host_government', 'denied', 'charges_filed', 'guilty_plea',
            'convicted', 'acquitted', 'investigation_closed', 'no_evidence_found', 'no_formal_investigation',
            'referred_to_prosecutors', 'lawsuit_filed', 'reported_country_only', 'reported_count_only']
STATION_COLS = ['id', 'city', 'country_iso2', 'country', 'operating_bureau', 'first_reported_in', 'reported_date',
                'status', 'status_date', 'address', 'source_urls']


def load(name):
    spec = importlib.util.spec_from_file_location(f'issue16_{name}', os.path.join(HERE, f'{name}.py'))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read(name):
    path = os.path.join(DATA, name)
    with open(path, newline='', encoding='utf-8') as fh:
        reader = csv.DictReader(fh)
        return reader.fieldnames, list(reader)


def urls(cell):
    return [u.strip() for u in (cell or '').split('|') if u.strip()]


def partial_date(s):
    """lookout_core::PartialDate: YYYY, YYYY-MM or YYYY-MM-DD with a real month and day."""
    parts = s.strip().split('-')
    if not 1 <= len(parts) <= 3 or len(parts[0]) != 4 or any(len(p) != 2 for p in parts[1:]):
        return False
    if not all(p.isdigit() for p in parts):
        return False
    y, m, d = (int(p) for p in parts + ['01'] * (3 - len(parts)))
    try:
        datetime.date(y, m, d)
    except ValueError:
        return False
    return True


def split_top_level(text, sep=';'):
    parts, depth, cur = [], 0, ''
    for c in text:
        if c == '(':
            depth += 1
        elif c == ')':
            depth -= 1
        if c == sep and depth <= 0:
            parts.append(cur.strip())
            cur = ''
        else:
            cur += c
    parts.append(cur.strip())
    return [p for p in parts if p]


def status_problem(cell):
    """notes::parse_status: each step is a known state (with an optional note) or prose; a snake_case-looking
    first word outside the vocabulary is an error."""
    steps = split_top_level(cell)
    if not steps:
        return 'no status given'
    for text in steps:
        m = re.match(r'^[^ (]*', text)
        token, rest = m.group(0), text[m.end():].strip()
        if token in STATUSES:
            continue
        looks = bool(token) and re.fullmatch(r'[a-z_]+', token) and ('_' in token or not rest or rest.startswith('('))
        if looks:
            return f'unknown status {token!r}'
    return None


def main():
    problems, warnings = [], []
    countries = set()
    with open(os.path.join(DATA, 'gazetteer', 'countries.tsv'), encoding='utf-8') as fh:
        for row in csv.DictReader(fh, delimiter='\t'):
            if len(row['iso2']) == 2:
                countries.add(row['iso2'])

    # 1. sources.py
    print('== sources.py --check')
    sources = load('sources')
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        sources.check()
    for line in buf.getvalue().splitlines():
        print('  ' + line)
        if line.startswith('ERROR'):
            problems.append('sources.py: ' + line[5:].strip())
        elif line.startswith('WARN'):
            warnings.append('sources.py: ' + line[4:].strip())

    # 2. events.py
    print('== events.py --check')
    events = load('events')
    ep, ew, ev_rows, host_rows = events.check_all()
    for w in ew:
        print('  WARN ', w)
    for p in ep:
        print('  ERROR', p)
    print(f'  {len(ep)} problem(s), {len(ew)} warning(s)')
    problems += ['events.py: ' + p for p in ep]
    warnings += ['events.py: ' + w for w in ew]

    # 3. unlocated.py
    print('== unlocated.py --check')
    unl = load('unlocated')
    header, rows, _, _ = unl.read_stations(os.path.join(DATA, 'stations.csv'))
    up = []
    unl.check_rows(header, rows, up)
    for p in up:
        print('  ERROR', p)
    print(f'  {len(up)} problem(s)')
    problems += ['unlocated.py: ' + p for p in up]

    # 4. the importer's rules
    print("== importer's rules")
    ip = []
    st_header, stations = read('stations.csv')
    missing = [c for c in STATION_COLS if c not in st_header]
    extra = [c for c in st_header if c not in STATION_COLS + ['why_unlocated']]
    if missing or extra:
        ip.append(f'stations.csv: columns missing {missing}, unknown {extra}')
    ids = collections.Counter(r['id'] for r in stations)
    for sid, n in ids.items():
        if n > 1:
            ip.append(f'stations.csv: id {sid} used {n} times')
    station_ids = set(ids)
    for i, r in enumerate(stations, 2):
        where = f'stations.csv:{i} ({r["id"]})'
        if not re.fullmatch(r'ST\d{3}', r['id']):
            ip.append(f'{where}: id is not of the form ST000')
        for col in ('status', 'status_date', 'reported_date', 'first_reported_in'):
            if not r[col].strip():
                ip.append(f'{where}: {col} is required')
        for col in ('status_date', 'reported_date'):
            if r[col].strip() and not partial_date(r[col]):
                ip.append(f'{where}: {col} {r[col]!r} is not an ISO partial date')
        sp = status_problem(r['status'])
        if sp:
            ip.append(f'{where}: status: {sp}')
        us = urls(r['source_urls'])
        if not us:
            ip.append(f'{where}: at least one source url is required')
        for u in us:
            if not re.match(r'^https?://[^/?#\s]+', u):
                ip.append(f'{where}: {u!r} is not an http(s) url')
        city, why = r['city'].strip(), r.get('why_unlocated', '').strip()
        if not city and not why:
            ip.append(f'{where}: no city and no why_unlocated')
        if city and why:
            ip.append(f'{where}: a city and a why_unlocated')
        iso = r['country_iso2'].strip()
        if iso or city:
            if iso not in countries:
                ip.append(f'{where}: country_iso2 {iso!r} is not an ISO 3166-1 alpha-2 code')
        if r['country'].strip() and not iso:
            ip.append(f'{where}: a country name without country_iso2')

    # unlocated files carried into the data
    unl_dir = os.path.join(HERE, 'unlocated')
    by_id = {r['id']: r for r in stations}
    keep = set()
    with open(os.path.join(HERE, 'unlocated_fixes.csv'), newline='', encoding='utf-8') as fh:
        for f in csv.DictReader(fh):
            if f['action'] == 'keep_city':
                keep.add(f['id'])
    with open(os.path.join(unl_dir, 'new_rows.csv'), newline='', encoding='utf-8') as fh:
        for n in csv.DictReader(fh):
            if n['id'] not in by_id:
                ip.append(f'unlocated/new_rows.csv: {n["id"]} is not in stations.csv (run unlocated.py)')
            elif by_id[n['id']]['status'] != n['status']:
                ip.append(f'stations.csv: {n["id"]} status differs from new_rows.csv')
    with open(os.path.join(unl_dir, 'existing_rows.csv'), newline='', encoding='utf-8') as fh:
        for e in csv.DictReader(fh):
            r = by_id.get(e['id'])
            if r is None:
                ip.append(f'unlocated/existing_rows.csv: {e["id"]} is not in stations.csv')
            elif e['id'] in keep:
                if not r['city']:
                    ip.append(f'stations.csv: {e["id"]} should keep its city (unlocated_fixes.csv keep_city)')
            elif r['city'] or r.get('why_unlocated', '') != e['why_unlocated']:
                ip.append(f'stations.csv: {e["id"]} is not unlocated as existing_rows.csv says (run unlocated.py)')

    # sources.csv
    _, src_rows = read('sources.csv')
    src = {}
    for i, r in enumerate(src_rows, 2):
        where = f'sources.csv:{i}'
        if not re.match(r'^https?://[^/?#\s]+', r['url']):
            ip.append(f'{where}: {r["url"]!r} is not an http(s) url')
        if r['url'].strip() in src:
            ip.append(f'{where}: {r["url"]} is already described')
        src[r['url'].strip()] = r
        if r['kind'] not in KINDS:
            ip.append(f'{where}: kind {r["kind"]!r} not in {sorted(KINDS)}')
        if not r['judged_by'].strip():
            ip.append(f'{where}: judged_by is required')
        if r['published'] and not partial_date(r['published']):
            ip.append(f'{where}: published {r["published"]!r} is not an ISO partial date')
    for i, r in enumerate(src_rows, 2):
        if r['kind'] == 'repost' and not r['copy_of']:
            ip.append(f'sources.csv:{i}: a repost names the original it copies (copy_of)')
        if r['copy_of'] and r['copy_of'] not in src:
            ip.append(f'sources.csv:{i}: copy_of {r["copy_of"]} is not a row of sources.csv')

    def cited(fname, i, r):
        us = urls(r.get('source_urls', ''))
        if not us:
            ip.append(f'{fname}:{i}: at least one source url is required')
        for u in us:
            if u not in src:
                ip.append(f'{fname}:{i}: {u} is not a row of sources.csv')

    _, hosts = read('hosts.csv')
    for i, r in enumerate(hosts, 2):
        for col in ('station_id', 'host_name'):
            if not r[col].strip():
                ip.append(f'hosts.csv:{i}: {col} is required')
        if r['station_id'] not in station_ids:
            ip.append(f'hosts.csv:{i}: station {r["station_id"]} is not a row of stations.csv')
        cited('hosts.csv', i, r)
    _, evs = read('status_events.csv')
    for i, r in enumerate(evs, 2):
        if r['station_id'] not in station_ids:
            ip.append(f'status_events.csv:{i}: station {r["station_id"]} is not a row of stations.csv')
        if r['status'] not in STATUSES:
            ip.append(f'status_events.csv:{i}: status {r["status"]!r} not in the vocabulary')
        if not r['claimant'].strip():
            ip.append(f'status_events.csv:{i}: claimant is required')
        if r['date']:
            if not partial_date(r['date']):
                ip.append(f'status_events.csv:{i}: date {r["date"]!r} is not an ISO partial date')
        elif 'undated' not in r.get('notes', '').lower():
            ip.append(f'status_events.csv:{i}: a step without a date says why in notes ("undated in source")')
        cited('status_events.csv', i, r)
    _, resp = read('responses.csv')
    for i, r in enumerate(resp, 2):
        if not partial_date(r['date']):
            ip.append(f'responses.csv:{i}: date {r["date"]!r} is not an ISO partial date')
        if r['country_iso2'] not in countries:
            ip.append(f'responses.csv:{i}: country_iso2 {r["country_iso2"]!r} unknown')
        for col in ('actor', 'action', 'summary'):
            if not r[col].strip():
                ip.append(f'responses.csv:{i}: {col} is required')
        for a in (a.strip() for a in r['action'].split(';')):
            if a and not re.fullmatch(r'[a-z_]+', a):
                ip.append(f'responses.csv:{i}: {a!r} is not a snake_case action name')
        for sid in urls(r.get('station_ids', '')):
            if sid not in station_ids:
                ip.append(f'responses.csv:{i}: station {sid} is not a row of stations.csv')
        cited('responses.csv', i, r)
    _, figs = read('figures.csv')
    fig_ids = collections.Counter(r['id'] for r in figs if r.get('id'))
    for fid, n in fig_ids.items():
        if n > 1:
            ip.append(f'figures.csv: id {fid} used {n} times')
    for i, r in enumerate(figs, 2):
        for col in ('figure', 'value', 'as_of', 'claimed_by'):
            if not r[col].strip():
                ip.append(f'figures.csv:{i}: {col} is required')
        lead = re.match(r'^[\d-]*', r['as_of']).group(0)
        lead = lead[:-1] if lead.endswith('-') and len(lead) == 5 else lead
        if not partial_date(lead):
            ip.append(f'figures.csv:{i}: as_of {r["as_of"]!r} does not start with an ISO partial date')
        for other in urls(r.get('contradicts', '')):
            if other == r.get('id'):
                ip.append(f'figures.csv:{i}: a figure cannot contradict itself')
            elif other not in fig_ids:
                ip.append(f'figures.csv:{i}: contradicts {other}, which is not a figure of the file')
        cited('figures.csv', i, r)
    for p in ip:
        print('  ERROR', p)
    print(f'  {len(ip)} problem(s)')
    problems += ['importer: ' + p for p in ip]

    # counts
    kinds = collections.Counter(r['kind'] for r in src_rows)
    unloc = [r for r in stations if not r['city']]
    with_original = sum(1 for r in stations if any(u in src and src[u]['kind'] != 'repost' for u in urls(r['source_urls'])))
    dated = sum(1 for r in evs if r['date'])
    print('== counts')
    print(f'  sources: {len(src_rows)} ({", ".join(f"{k} {n}" for k, n in kinds.most_common())}); '
          f'{sum(1 for r in src_rows if "known only from its copies" in r["notes"])} known only from their copies')
    print(f'  stations: {len(stations)} ({len(stations) - len(unloc)} located, {len(unloc)} unlocated, of which '
          f'{sum(1 for r in unloc if not r["country_iso2"])} without a country); {with_original} with a source that '
          f'is not a copy')
    print(f'  status steps: {len(evs)} ({dated} dated, {len(evs) - dated} undated) for '
          f'{len({r["station_id"] for r in evs})} stations')
    print(f'  hosts: {len(hosts)}; responses: {len(resp)}; figures: {len(figs)}')
    print(f'== {len(problems)} problem(s), {len(warnings)} warning(s)')
    for p in problems:
        print('  -', p)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
