#!/usr/bin/env python3
"""Checks on the merged issue-16 research set (this folder).  Standard library only.

    python3 check.py            # print problems; exit 1 if a hard rule fails
    python3 check.py --counts   # also (re)write counts.md

Hard rules (exit 1): unknown station id, bad or unexplained-empty date, kind outside the vocabulary,
status outside the vocabulary, dangling or self copy_of, a cited url that is not a row of
sources.csv, duplicate source url, a status step without a source, a private name (by hash) in any
text column, an official's name outside a quote/title column.
Warnings: repost with neither copy_of nor an original named in notes, copy_of chains, unknown
supports/host_kind values, corrections whose row key is not in the current data.
"""
import csv
import collections
import datetime
import hashlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = '/work/main/data'
SEP = ' | '
KINDS = {'official', 'court', 'ngo_report', 'news', 'repost', 'social'}
STATUSES = {'reported', 'under_investigation', 'searched_by_police', 'closure_ordered', 'closed',
            'reported_closed', 'closed_per_chinese_embassy', 'closed_per_host_government', 'denied',
            'charges_filed', 'guilty_plea', 'convicted', 'acquitted', 'investigation_closed',
            'no_evidence_found', 'lawsuit_filed', 'referred_to_prosecutors'}
SUPPORTS = {'existence', 'city', 'bureau', 'address', 'host', 'opened'}
HOST_KINDS = {'association', 'business', 'society', 'community_centre', 'other'}
URL_COLS = {'url', 'source_urls', 'source_url', 'copy_of'}
VERBATIM_COLS = {'quote', 'title'}

# Private individuals known from the sources (defendants, owners, NGO staff, association people) are
# listed in private_names.sha256 as sha256 of the lower-cased name, so this script does not carry them.
# Officials: tolerated only in quote / title columns.
OFFICIALS = ['Piantedosi', 'Mendicino', 'Lucki', 'Hoekstra', 'Tugendhat', 'Sturgeon', 'Wang Wenbin',
             'Mao Ning', 'Cotrim Figueiredo', 'Tohá', 'Lipavský', 'Tompos', 'Teniță', 'Sánchez Amor',
             'Karner', 'Schallenberg', 'Burgess', 'Malcolm Roberts', 'Paterson', 'Wray', 'Poirier',
             'Gasse', 'Blinken', 'Garland', 'Lloyd Austin', 'Johansson', 'Gattolin', 'Le Grip',
             'De Priamo', 'Dostál', 'Körner', 'Perrottet', 'Billström', 'Marlaska', '汪文斌', '神谷宗幣']

problems = []
warnings = []


def hard(msg):
    problems.append(msg)


def warn(msg):
    warnings.append(msg)


def rd(name):
    path = os.path.join(HERE, name)
    with open(path, newline='', encoding='utf-8') as fh:
        rows = list(csv.DictReader(fh))
    return rows


def header(name):
    with open(os.path.join(HERE, name), newline='', encoding='utf-8') as fh:
        return next(csv.reader(fh))


DATE_RE = re.compile(r'^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$')


def valid_date(d):
    m = DATE_RE.match(d)
    if not m:
        return False
    y, mo, da = m.groups()
    if not 1990 <= int(y) <= 2030:
        return False
    if mo and not 1 <= int(mo) <= 12:
        return False
    if da:
        try:
            datetime.date(int(y), int(mo), int(da))
        except ValueError:
            return False
    return True


def urls(v):
    return [u.strip() for u in (v or '').split('|') if u.strip()]


EXPECTED = {
    'sources.csv': ['url', 'publisher', 'title', 'published', 'language', 'kind', 'copy_of', 'notes'],
    'status_events.csv': ['station_id', 'date', 'status', 'claimant', 'source_urls', 'quote', 'notes'],
    'hosts.csv': ['station_id', 'host_name', 'host_name_zh', 'host_kind', 'source_urls', 'quote', 'notes'],
    'station_sources.csv': ['station_id', 'url', 'supports', 'quote', 'notes'],
    'responses_new.csv': ['date', 'country_iso2', 'actor', 'action', 'summary', 'source_urls', 'station_ids', 'quote', 'notes'],
    'corrections.csv': ['file', 'row', 'field', 'current', 'correct', 'source_url', 'quote'],
}
for f, cols in EXPECTED.items():
    if header(f) != cols:
        hard(f'{f}: header {header(f)} != {cols}')

with open(os.path.join(DATA, 'stations.csv'), newline='', encoding='utf-8') as fh:
    STATIONS = {r['id']: r for r in csv.DictReader(fh)}

# ---- sources
sources = rd('sources.csv')
by_url = {}
for i, r in enumerate(sources, 2):
    u = r['url']
    if u != u.strip() or not re.match(r'^https?://', u):
        hard(f'sources.csv:{i}: malformed url {u!r}')
    if u in by_url:
        hard(f'sources.csv:{i}: duplicate url {u}')
    by_url[u] = r
    if r['kind'] not in KINDS:
        hard(f'sources.csv:{i}: kind {r["kind"]!r} not in vocabulary ({u})')
    if r['published'] and not valid_date(r['published']):
        hard(f'sources.csv:{i}: bad published date {r["published"]!r} ({u})')
for i, r in enumerate(sources, 2):
    c = r['copy_of']
    if c:
        if c == r['url']:
            hard(f'sources.csv:{i}: copy_of names itself ({c})')
        elif c not in by_url:
            hard(f'sources.csv:{i}: dangling copy_of {c}')
        elif by_url[c]['copy_of']:
            warn(f'sources.csv:{i}: copy_of chain {r["url"]} -> {c} -> {by_url[c]["copy_of"]}')
        if r['kind'] != 'repost':
            warn(f'sources.csv:{i}: copy_of set on a {r["kind"]} row ({r["url"]})')
    elif r['kind'] == 'repost':
        if not re.search(r'copy|original|reprint|repost|mirror|relay|translation|syndicat|wire|rewrite|summary|'
                         r'republi|upload|carries|carried|version|excerpt|quot|follows|snapshot|archive|text|feed|signed|body',
                         r['notes'], re.I):
            warn(f'sources.csv:{i}: repost without copy_of and without an original named in notes ({r["url"]})')


def check_urls(fname, i, cell, col):
    us = urls(cell)
    for u in us:
        if u not in by_url:
            hard(f'{fname}:{i}: {col} url not in sources.csv: {u}')
    return us


def check_station(fname, i, sid):
    if sid not in STATIONS:
        hard(f'{fname}:{i}: unknown station id {sid!r}')


# ---- status events
events = rd('status_events.csv')
prev = None
for i, r in enumerate(events, 2):
    check_station('status_events.csv', i, r['station_id'])
    d = r['date']
    if d:
        if not valid_date(d):
            hard(f'status_events.csv:{i}: bad date {d!r} ({r["station_id"]})')
    elif 'undated' not in r['notes'].lower():
        hard(f'status_events.csv:{i}: empty date and notes do not say undated ({r["station_id"]})')
    if r['status'] not in STATUSES:
        hard(f'status_events.csv:{i}: status {r["status"]!r} not in vocabulary ({r["station_id"]})')
    if not check_urls('status_events.csv', i, r['source_urls'], 'source_urls'):
        hard(f'status_events.csv:{i}: step without a source ({r["station_id"]})')
    if not r['quote']:
        warn(f'status_events.csv:{i}: step without a quote ({r["station_id"]})')
    key = (r['station_id'], (0, d) if d else (1, ''))
    if prev and key < prev:
        hard(f'status_events.csv:{i}: not sorted by station then date')
    prev = key

# ---- hosts
hosts = rd('hosts.csv')
seen = set()
for i, r in enumerate(hosts, 2):
    check_station('hosts.csv', i, r['station_id'])
    k = (r['station_id'], r['host_name'])
    if k in seen:
        hard(f'hosts.csv:{i}: duplicate (station, host) {k}')
    seen.add(k)
    if not check_urls('hosts.csv', i, r['source_urls'], 'source_urls'):
        hard(f'hosts.csv:{i}: host without a source')
    if r['host_kind'] not in HOST_KINDS:
        warn(f'hosts.csv:{i}: host_kind {r["host_kind"]!r} not in {sorted(HOST_KINDS)}')

# ---- station sources
ss = rd('station_sources.csv')
for i, r in enumerate(ss, 2):
    check_station('station_sources.csv', i, r['station_id'])
    check_urls('station_sources.csv', i, r['url'], 'url')
    for s in urls(r['supports']):
        if s not in SUPPORTS:
            warn(f'station_sources.csv:{i}: supports value {s!r} unknown')

# ---- responses_new
rn = rd('responses_new.csv')
for i, r in enumerate(rn, 2):
    if r['date']:
        if not valid_date(r['date']):
            hard(f'responses_new.csv:{i}: bad date {r["date"]!r}')
    elif 'undated' not in r['notes'].lower():
        hard(f'responses_new.csv:{i}: empty date and notes do not say undated')
    for sid in urls(r['station_ids']):
        check_station('responses_new.csv', i, sid)
    if not check_urls('responses_new.csv', i, r['source_urls'], 'source_urls'):
        hard(f'responses_new.csv:{i}: response without a source')
    if all(by_url[u]['kind'] == 'repost' for u in urls(r['source_urls']) if u in by_url):
        warn(f'responses_new.csv:{i}: cites only copies ({r["date"]} {r["country_iso2"]} {r["actor"][:50]})')

# ---- corrections
co = rd('corrections.csv')
with open(os.path.join(DATA, 'responses.csv'), newline='', encoding='utf-8') as fh:
    RESP_KEYS = {f'{r["date"]}+{r["country_iso2"]}+{r["actor"]}' for r in csv.DictReader(fh)}
with open(os.path.join(DATA, 'figures.csv'), newline='', encoding='utf-8') as fh:
    FIG_IDS = {r['id'] for r in csv.DictReader(fh)}
for i, r in enumerate(co, 2):
    check_urls('corrections.csv', i, r['source_url'], 'source_url')
    if r['file'] == 'responses.csv' and r['row'] not in RESP_KEYS:
        warn(f'corrections.csv:{i}: row key not in data/responses.csv: {r["row"]}')
    if r['file'] == 'figures.csv' and r['row'] not in FIG_IDS:
        warn(f'corrections.csv:{i}: figure id not in data/figures.csv: {r["row"]}')
    if r['field'] in ('date', 'as_of', 'status_date', 'reported_date'):
        if not valid_date(r['correct']):
            hard(f'corrections.csv:{i}: corrected {r["field"]} {r["correct"]!r} is not a valid date')
    if r['field'] == 'station_ids':
        for sid in urls(r['correct']):
            check_station('corrections.csv', i, sid)
    if r['field'] == 'source_urls':
        for u in re.findall(r'https?://\S+', r['correct']):
            u = u.rstrip(').,;')
            if u not in by_url:
                warn(f'corrections.csv:{i}: url in corrected source_urls not in sources.csv: {u}')

# ---- coverage: every url cited anywhere in ../r1..r4 is a row of sources.csv
BASE = os.path.dirname(HERE)
URL_SRC_COLS = {'url', 'source_url', 'source_urls', 'copy_of'}
for rr in ('r1', 'r2', 'r3', 'r4'):
    d = os.path.join(BASE, rr)
    if not os.path.isdir(d):
        continue
    for fn in sorted(os.listdir(d)):
        if not fn.endswith('.csv'):
            continue
        with open(os.path.join(d, fn), newline='', encoding='utf-8') as fh:
            for i, r in enumerate(csv.DictReader(fh), 2):
                for col in URL_SRC_COLS & set(r):
                    for u in urls(r[col]):
                        if u not in by_url:
                            hard(f'{rr}/{fn}:{i}: {col} url missing from merged sources.csv: {u}')

# ---- names
_H = set()
with open(os.path.join(HERE, 'private_names.sha256'), encoding='utf-8') as fh:
    for line in fh:
        line = line.split('#')[0].strip()
        if line:
            _H.add(line)


def ngrams(text):
    toks = re.findall(r"[\w'’-]+", text.lower())
    for n in (1, 2, 3):
        for j in range(len(toks) - n + 1):
            yield ' '.join(toks[j:j + n])


for f in EXPECTED:
    for i, r in enumerate(rd(f), 2):
        for col, v in r.items():
            if not v or col in URL_COLS:
                continue
            for g in set(ngrams(v)):
                if hashlib.sha256(g.encode('utf-8')).hexdigest() in _H:
                    hard(f'{f}:{i}: {col} contains the name of a private individual (hash match)')
            if col not in VERBATIM_COLS:
                v_nourl = re.sub(r'https?://\S+', ' ', v)
                for o in OFFICIALS:
                    if re.search(r'(?<!\w)' + re.escape(o) + r'(?!\w)', v_nourl):
                        hard(f'{f}:{i}: {col} names an official ({o}) outside a quote/title: use the office')

# ---- report
for w in warnings:
    print('WARN ', w)
for p in problems:
    print('ERROR', p)
print(f'{len(problems)} hard problem(s), {len(warnings)} warning(s); '
      f'{len(sources)} sources, {len(events)} status steps, {len(hosts)} hosts, {len(ss)} station-source rows, '
      f'{len(rn)} new responses, {len(co)} corrections')

# ---- counts
if '--counts' in sys.argv:
    per = collections.OrderedDict((sid, dict(urls=set(), steps=0, dated=0, own=0, hosts=0))
                                  for sid in sorted(STATIONS))
    for r in ss:
        if r['station_id'] in per:
            per[r['station_id']]['urls'].update(urls(r['url']))
    for r in events:
        p = per.get(r['station_id'])
        if p is None:
            continue
        us = urls(r['source_urls'])
        p['urls'].update(us)
        p['steps'] += 1
        if r['date']:
            p['dated'] += 1
            if any(by_url.get(u, {}).get('kind') != 'repost' for u in us):
                p['own'] += 1
    for r in hosts:
        p = per.get(r['station_id'])
        if p is None:
            continue
        p['urls'].update(urls(r['source_urls']))
        p['hosts'] += 1
    rn_orig = collections.defaultdict(set)
    for r in rn:
        for sid in urls(r['station_ids']):
            rn_orig[sid].update(u for u in urls(r['source_urls']) if by_url.get(u, {}).get('kind') != 'repost')
    lines = ['# Counts per station (merged/)', '',
             'Generated by `python3 check.py --counts` from the merged files. "Non-copy sources": distinct urls cited for the '
             'station in station_sources.csv, status_events.csv or hosts.csv whose kind is not `repost`. "Dated steps with an '
             'own source": steps with a date and at least one non-repost source. Responses (r4) are not counted per station '
             'except in the last column (non-copy sources of responses_new.csv rows naming the station).', '',
             '| station | city | non-copy sources | all sources | status steps | steps with a date | dated steps with an own source | hosts | non-copy sources in responses_new |',
             '|---|---|---:|---:|---:|---:|---:|---:|---:|']
    tot = collections.Counter()
    none = []
    for sid, p in per.items():
        nc = sum(1 for u in p['urls'] if by_url.get(u, {}).get('kind') != 'repost')
        if nc:
            tot['with_original'] += 1
        else:
            none.append(sid)
        tot['steps'] += p['steps']
        tot['dated'] += p['dated']
        tot['own'] += p['own']
        tot['hosts'] += p['hosts']
        if p['hosts']:
            tot['st_hosts'] += 1
        lines.append(f'| {sid} | {STATIONS[sid]["city"]} | {nc} | {len(p["urls"])} | {p["steps"]} | {p["dated"]} | '
                     f'{p["own"]} | {p["hosts"]} | {len(rn_orig.get(sid, ()))} |')
    steps_src_date = sum(1 for r in events if r['date'] and urls(r['source_urls']))
    lines += ['', '## Totals', '',
              f'- Stations with at least one non-copy source: **{tot["with_original"]} of {len(per)}** (target: all {len(per)}).',
              f'- Status steps: {tot["steps"]}; with a source and a date: **{steps_src_date}**; '
              f'with a date and at least one non-copy source: **{tot["own"]}**; undated in source: {tot["steps"] - tot["dated"]}.',
              f'- Hosts: **{tot["hosts"]}** (station, host) rows for {tot["st_hosts"]} stations '
              '(one of them, ST078 Dobroești local police, is not a host; see conflicts.md).',
              f'- Sources: {len(sources)} rows, of which {sum(1 for s in sources if s["kind"] == "repost")} reposts; '
              'kinds: ' + ', '.join(f'{k} {n}' for k, n in collections.Counter(s['kind'] for s in sources).most_common()) + '.',
              '', '### Caveat: generic Safeguard Defenders pages', '',
              'Several stations count a non-copy source only because a status step "reported" cites a Safeguard Defenders page '
              'for the report\'s release date (the Patrol and Persuade landing page, or the "14 governments" blog). Those pages, '
              'as read, do not list the station. Stations whose only non-copy sources are such generic pages:', '']
    GENERIC = ('safeguarddefenders.com/zh-hans/node/579', '14-governments-launch-investigations')
    weak = []
    for sid, p in per.items():
        nc = [u for u in p['urls'] if by_url.get(u, {}).get('kind') != 'repost']
        if nc and all(any(g in u for g in GENERIC) for u in nc):
            weak.append(sid)
    lines.append('- ' + (', '.join(f'{sid} ({STATIONS[sid]["city"]})' for sid in weak) if weak else 'none'))
    lines.append('')
    lines.append(f'Counting those as without an original: **{tot["with_original"] - len(weak)} of {len(per)}** stations have a '
                 'station-specific non-copy source.')
    lines += ['', '## Stations with no non-copy source', '']
    for sid in none:
        p = per[sid]
        extra = f'; non-copy sources via responses_new: {len(rn_orig[sid])}' if rn_orig.get(sid) else ''
        lines.append(f'- {sid} {STATIONS[sid]["city"]} ({STATIONS[sid]["country"]}): '
                     f'{len(p["urls"])} source(s) cited, all copies{extra}' if p['urls'] else
                     f'- {sid} {STATIONS[sid]["city"]} ({STATIONS[sid]["country"]}): no source at all in r1–r3{extra}')
    with open(os.path.join(HERE, 'counts.md'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines) + '\n')
    print(f'counts.md written: {tot["with_original"]}/{len(per)} stations with a non-copy source; '
          f'{steps_src_date} steps with source and date ({tot["own"]} with a non-copy source); {tot["hosts"]} hosts')

sys.exit(1 if problems else 0)
