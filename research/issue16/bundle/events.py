#!/usr/bin/env python3
"""Issue 16: turn the merged research (../merged) into bundled data (data/).  Standard library only.

    python3 research/issue16/bundle/events.py            # write, then check; exit 1 if a check fails
    python3 research/issue16/bundle/events.py --check    # check the files as they are, write nothing

Writes
  data/status_events.csv   from merged/status_events.csv, mended by event_fixes.csv (each fix with its reason)
  data/hosts.csv           from merged/hosts.csv, mended by host_fixes.csv
  data/responses.csv       the committed rows (git HEAD) kept byte for byte, except the cells response_fixes.csv
                           corrects (from merged/corrections.csv); after them, the rows this script owns:
                           merged/responses_new.csv as mended by response_fixes.csv (`set`, `append`, `drop`),
                           then the extra rows a source disagreement needs. The owned tail is rewritten from the
                           hand files on every run, so a later fix (a source replaced, a row dropped) reaches the
                           data and a rerun changes nothing. Without git, rows are only appended when missing.
  data/figures.csv         only the non-source_urls cells response_fixes.csv corrects

data/responses.csv and data/figures.csv are re-read just before they are written: another hand may be
rewriting their source_urls column, and every row this script does not correct is written back as it was read.

Checks (exit 1): headers; status vocabulary; station ids of the form ST000 (a warning when not in
data/stations.csv); every row has a source url; a date
(ISO, possibly partial) or, for a status step, an empty date with notes saying "undated"; no private
individual's name (by hash, merged/private_names.sha256, also inside urls); no channelnewsasia.com url
carrying a defendant's name; host_kind vocabulary; one spelling per host; every url cited in the status
steps and hosts is a row of merged/sources.csv or listed in urls_added_by_events.txt; officials by office
(not by name) outside quotes in status steps and hosts.
"""
import csv
import datetime
import hashlib
import io
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
MERGED = os.path.join(ROOT, 'research', 'issue16', 'merged')
DATA = os.path.join(ROOT, 'data')
SEP = ' | '

STATUSES = ['reported', 'under_investigation', 'searched_by_police', 'closure_ordered', 'closed', 'reported_closed',
            'closed_per_chinese_embassy', 'closed_per_host_government', 'denied', 'charges_filed', 'guilty_plea',
            'convicted', 'acquitted', 'investigation_closed', 'no_evidence_found', 'no_formal_investigation',
            'lawsuit_filed', 'referred_to_prosecutors']
HOST_KINDS = ['association', 'business', 'society', 'foundation', 'ngo', 'other']
EVENT_COLS = ['station_id', 'date', 'status', 'claimant', 'source_urls', 'quote', 'notes']
HOST_COLS = ['station_id', 'host_name', 'host_name_zh', 'host_kind', 'source_urls', 'quote', 'notes']
RESP_COLS = ['date', 'country_iso2', 'actor', 'action', 'summary', 'source_urls', 'station_ids']
FIG_COLS = ['id', 'figure', 'value', 'as_of', 'claimed_by', 'source_urls', 'contradicts']
STATION_RE = re.compile(r'^ST\d{3}$')
DATE_RE = re.compile(r'^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$')
# Officials are named only in verbatim quotes; elsewhere by office (merged/redactions.md).
OFFICIALS = ['Piantedosi', 'Mendicino', 'Lucki', 'Hoekstra', 'Tugendhat', 'Sturgeon', 'Wang Wenbin', 'Mao Ning',
             'Cotrim Figueiredo', 'Tohá', 'Lipavský', 'Tompos', 'Teniță', 'Sánchez Amor', 'Karner', 'Schallenberg',
             'Burgess', 'Malcolm Roberts', 'Paterson', 'Wray', 'Poirier', 'Gasse', 'Blinken', 'Garland',
             'Lloyd Austin', 'Johansson', 'Gattolin', 'Le Grip', 'De Priamo', 'Dostál', 'Körner', 'Perrottet',
             'Billström', 'Marlaska', 'Boily-Lavoie', '汪文斌', '神谷宗幣']


# ---------------------------------------------------------------- helpers

def rd(path):
    with open(path, newline='', encoding='utf-8') as fh:
        reader = csv.DictReader(fh)
        return reader.fieldnames, list(reader)


def urls(cell):
    return [u.strip() for u in (cell or '').split('|') if u.strip()]


def join_urls(*cells):
    out = []
    for c in cells:
        for u in urls(c):
            if u not in out:
                out.append(u)
    return SEP.join(out)


def valid_date(d):
    m = DATE_RE.match(d or '')
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


def write_csv(path, cols, rows):
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator='\n')
    w.writeheader()
    for r in rows:
        w.writerow({c: r.get(c, '') for c in cols})
    with open(path, 'w', encoding='utf-8', newline='') as fh:
        fh.write(buf.getvalue())


def serialise(cols, row):
    buf = io.StringIO()
    csv.writer(buf, lineterminator='\n').writerow([row.get(c, '') for c in cols])
    return buf.getvalue()


def read_raw(path):
    """Rows of a CSV with the exact text each was read from, so untouched rows are written back as read."""
    with open(path, encoding='utf-8', newline='') as fh:
        text = fh.read()
    lines = text.splitlines(keepends=True)
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    header_raw = ''.join(lines[:reader.line_num])
    rows, prev = [], reader.line_num
    for rec in reader:
        raw = ''.join(lines[prev:reader.line_num])
        prev = reader.line_num
        if not rec:
            continue
        rows.append({'data': dict(zip(header, rec)), 'raw': raw, 'changed': False})
    return header, header_raw, rows, text


def write_raw(path, header, header_raw, rows, appended, original_text):
    out = [header_raw]
    for r in rows:
        raw = serialise(header, r['data']) if r['changed'] else r['raw']
        if not raw.endswith('\n'):
            raw += '\n'
        out.append(raw)
    for a in appended:
        out.append(serialise(header, a))
    text = ''.join(out)
    if text != original_text:
        with open(path, 'w', encoding='utf-8', newline='') as fh:
            fh.write(text)
    return text != original_text


# ---------------------------------------------------------------- notes cleaning

def clean_notes(notes):
    """Drop merge bookkeeping ("MERGE: ...", remarks about the vocabulary or the old station rows); keep reasons."""
    parts = [p.strip() for p in (notes or '').split('||')]
    parts = [p for p in parts if p and not p.startswith('MERGE:')]
    text = ' '.join(parts)
    text = re.sub(r"Status (?:not in (?:the )?vocabulary|outside the vocabulary)(?: \(no_formal_investigation\))?[:;.]\s*", '', text)
    text = re.sub(r"Status outside the vocabulary: '[a-z_]+' ", '', text)
    # sentences about the draft's station rows ("current row", "the record's ...") are bookkeeping
    sentences = re.split(r'(?<=[.;])\s+(?=[A-Z(\'])', text)
    keep = [s for s in sentences
            if 'undated' in s.lower() or not re.search(r"\b(current rows?|current record|the record's)\b", s, re.I)]
    text = ' '.join(keep).strip()
    if text:
        text = text[0].upper() + text[1:]
    return text


# ---------------------------------------------------------------- status events

def build_events():
    _, merged = rd(os.path.join(MERGED, 'status_events.csv'))
    rows = {}
    for line, r in enumerate(merged, 2):
        r = dict(r)
        r['_line'] = line
        r['_orig_station'] = r['station_id']
        if 'MERGE: status mapped from no_formal_investigation' in r['notes']:
            r['status'] = 'no_formal_investigation'
        r['notes'] = clean_notes(r['notes'])
        rows[line] = r
    _, fixes = rd(os.path.join(HERE, 'event_fixes.csv'))
    dropped, log = set(), []
    for i, f in enumerate(fixes, 2):
        line = int(f['line'])
        r = rows.get(line)
        if r is None:
            sys.exit(f'event_fixes.csv:{i}: no line {line} in merged/status_events.csv')
        if f['station_id'] != r['_orig_station']:
            sys.exit(f'event_fixes.csv:{i}: line {line} is {r["_orig_station"]}, fix expects {f["station_id"]} '
                     '(merged/status_events.csv changed: review the fixes)')
        if not f['reason'].strip():
            sys.exit(f'event_fixes.csv:{i}: a fix without a reason')
        act = f['action']
        if act == 'drop':
            dropped.add(line)
        elif act == 'set':
            if f['field'] not in EVENT_COLS:
                sys.exit(f'event_fixes.csv:{i}: unknown field {f["field"]!r}')
            r[f['field']] = f['value']
        elif act == 'add_urls':
            r['source_urls'] = join_urls(r['source_urls'], f['value'])
        elif act == 'merge_into':
            target = rows[int(f['value'])]
            target['source_urls'] = join_urls(target['source_urls'], r['source_urls'])
            dropped.add(line)
        else:
            sys.exit(f'event_fixes.csv:{i}: unknown action {act!r}')
        log.append((line, act, f['field'], f['reason']))
    out = [r for line, r in sorted(rows.items()) if line not in dropped]
    out.sort(key=lambda r: (r['station_id'], 1 if not r['date'] else 0, r['date']))
    return out, dropped


# ---------------------------------------------------------------- hosts

def build_hosts():
    _, merged = rd(os.path.join(MERGED, 'hosts.csv'))
    rows = []
    for r in merged:
        r = dict(r)
        r['_key'] = (r['station_id'], r['host_name'])
        r['notes'] = clean_notes(r['notes'])
        rows.append(r)
    by_key = {r['_key']: r for r in rows}
    _, fixes = rd(os.path.join(HERE, 'host_fixes.csv'))
    dropped = set()
    for i, f in enumerate(fixes, 2):
        key = (f['station_id'], f['merged_host_name'])
        r = by_key.get(key)
        if r is None:
            sys.exit(f'host_fixes.csv:{i}: no host {key} in merged/hosts.csv')
        if not f['reason'].strip():
            sys.exit(f'host_fixes.csv:{i}: a fix without a reason')
        if f['action'] == 'drop':
            dropped.add(key)
        elif f['action'] == 'set':
            if f['field'] not in HOST_COLS:
                sys.exit(f'host_fixes.csv:{i}: unknown field {f["field"]!r}')
            r[f['field']] = f['value']
        else:
            sys.exit(f'host_fixes.csv:{i}: unknown action {f["action"]!r}')
    out = [r for r in rows if r['_key'] not in dropped]
    out.sort(key=lambda r: (r['station_id'], r['host_name']))
    return out


# ---------------------------------------------------------------- responses and figures

def load_response_fixes():
    _, fixes = rd(os.path.join(HERE, 'response_fixes.csv'))
    for i, f in enumerate(fixes, 2):
        if not f['reason'].strip():
            sys.exit(f'response_fixes.csv:{i}: a fix without a reason')
    return fixes


def new_response_rows(fixes):
    """merged/responses_new.csv rows in the columns of data/responses.csv, with the fixes (action words, dates)."""
    _, new = rd(os.path.join(MERGED, 'responses_new.csv'))
    rows = {}
    for line, r in enumerate(new, 2):
        rows[line] = {c: r[c] for c in RESP_COLS}
    dropped = set()
    for f in fixes:
        if f['source'] != 'responses_new':
            continue
        line = int(f['ref'])
        if line not in rows:
            sys.exit(f'response_fixes.csv: no line {line} in merged/responses_new.csv')
        if f['action'] == 'set':
            if f['field'] not in RESP_COLS:
                sys.exit(f'response_fixes.csv: unknown field {f["field"]!r} for responses_new line {line}')
            rows[line][f['field']] = f['value']
        elif f['action'] == 'append':
            rows[line][f['field']] = (rows[line][f['field']].rstrip() + ' ' + f['value']).strip()
        elif f['action'] == 'drop':  # a row left with no source (the reason says so)
            dropped.add(line)
        else:
            sys.exit(f'response_fixes.csv: unknown action {f["action"]!r} for responses_new')
    return [rows[k] for k in sorted(rows) if k not in dropped]


def added_response_rows(fixes):
    """Extra rows a correction that is a disagreement between sources needs (both stand)."""
    groups = {}
    for f in fixes:
        if f['source'] == 'corrections' and f['action'] == 'add_row':
            groups.setdefault(f['ref'], {})[f['field']] = f['value']
    out = []
    for ref in sorted(groups, key=int):
        row = {c: groups[ref].get(c, '') for c in RESP_COLS}
        out.append(row)
    return out


def apply_corrections(resp_rows, fig_rows, fixes):
    _, corrections = rd(os.path.join(MERGED, 'corrections.csv'))
    corr = {str(line): c for line, c in enumerate(corrections, 2)}
    applies = [f for f in fixes if f['source'] == 'corrections' and f['action'] == 'apply']
    # every alias a row key may now have (dates and actors corrected by this script)
    aliases = {}
    for f in applies:
        c = corr[f['ref']]
        if c['file'] != 'responses.csv':
            continue
        a = aliases.setdefault(c['row'], {'date': set(), 'actor': set()})
        if c['field'] in ('date', 'actor'):
            a[c['field']].add(f['value'] or c['correct'])
    done = []
    for f in applies:
        c = corr[f['ref']]
        value = f['value'] or c['correct']
        field = c['field']
        if c['file'] == 'figures.csv':
            if field == 'source_urls':
                sys.exit(f'response_fixes.csv: correction {f["ref"]} would edit figures.csv source_urls')
            hits = [r for r in fig_rows if r['data']['id'] == c['row']]
        else:
            date, cc, actor = c['row'].split('+', 2)
            a = aliases.get(c['row'], {'date': set(), 'actor': set()})
            dates, actors = {date} | a['date'], {actor} | a['actor']
            hits = [r for r in resp_rows if r['data']['country_iso2'] == cc and r['data']['date'] in dates
                    and r['data']['actor'] in actors]
        if len(hits) != 1:
            sys.exit(f'response_fixes.csv: correction {f["ref"]} ({c["file"]} {c["row"]}) matches {len(hits)} rows')
        row = hits[0]
        if field == 'source_urls':
            sys.exit(f'response_fixes.csv: correction {f["ref"]} would edit source_urls (left to the sources helper)')
        if row['data'][field] != value:
            row['data'][field] = value
            row['changed'] = True
            done.append((c['file'], c['row'], field, value))
    # edits that go with a correction but are not in merged/corrections.csv (ref = the row key after it)
    for f in fixes:
        if f['source'] != 'responses':
            continue
        date, cc, actor = f['ref'].split('+', 2)
        hits = [r for r in resp_rows if (r['data']['date'], r['data']['country_iso2'], r['data']['actor']) == (date, cc, actor)]
        if len(hits) != 1 or f['action'] != 'set' or f['field'] in ('source_urls', 'date', 'country_iso2', 'actor'):
            sys.exit(f'response_fixes.csv: edit of {f["ref"]} matches {len(hits)} rows or is not allowed')
        row = hits[0]
        if row['data'][f['field']] != f['value']:
            row['data'][f['field']] = f['value']
            row['changed'] = True
            done.append(('responses.csv', f['ref'], f['field'], f['value']))
    return done


def committed_count(relpath):
    """Rows of a data file as committed (git HEAD), or None without git."""
    try:
        text = subprocess.run(['git', '-C', ROOT, 'show', f'HEAD:{relpath}'], capture_output=True, text=True,
                              check=True).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None
    return sum(1 for _ in csv.DictReader(io.StringIO(text)))


def update_responses_and_figures(write):
    fixes = load_response_fixes()
    appended_new = new_response_rows(fixes)
    appended_extra = added_response_rows(fixes)
    # re-read just before writing: another helper may be rewriting source_urls
    r_path, f_path = os.path.join(DATA, 'responses.csv'), os.path.join(DATA, 'figures.csv')
    r_header, r_header_raw, r_rows, r_text = read_raw(r_path)
    f_header, f_header_raw, f_rows, f_text = read_raw(f_path)
    if r_header != RESP_COLS:
        sys.exit(f'data/responses.csv: header {r_header} != {RESP_COLS}')
    key = lambda d: (d['date'], d['country_iso2'], d['actor'], d['action'], d['summary'])
    n_committed = committed_count('data/responses.csv')
    if n_committed is None or n_committed > len(r_rows):
        # no git (or rows were removed since HEAD): append what is missing, as before
        kept = r_rows
    else:
        kept = r_rows[:n_committed]  # the owned tail is rebuilt below
    done = apply_corrections(kept, f_rows, fixes)
    present = {key(r['data']) for r in kept}
    to_append = []
    for a in appended_new + appended_extra:
        if key(a) not in present:
            to_append.append(a)
            present.add(key(a))
    if write:
        changed_r = write_raw(r_path, r_header, r_header_raw, kept, to_append, r_text)
        changed_f = write_raw(f_path, f_header, f_header_raw, f_rows, [], f_text)
    else:
        changed_r = changed_f = False
    return done, to_append, appended_new, appended_extra, changed_r, changed_f


# ---------------------------------------------------------------- checks

def load_hashes():
    hs = set()
    with open(os.path.join(MERGED, 'private_names.sha256'), encoding='utf-8') as fh:
        for line in fh:
            line = line.split('#')[0].strip()
            if line:
                hs.add(line)
    return hs


def ngrams(toks):
    for n in (1, 2, 3):
        for j in range(len(toks) - n + 1):
            yield ' '.join(toks[j:j + n])


def has_private_name(text, hashes, url=False):
    toks = re.findall(r"[a-z0-9]+", text.lower()) if url else re.findall(r"[\w'’-]+", text.lower())
    return any(hashlib.sha256(g.encode('utf-8')).hexdigest() in hashes for g in set(ngrams(toks)))


def check_all():
    problems, warnings = [], []
    hashes = load_hashes()
    _, msources = rd(os.path.join(MERGED, 'sources.csv'))
    known = {s['url'] for s in msources}
    added_path = os.path.join(HERE, 'urls_added_by_events.txt')
    added = set()
    if os.path.exists(added_path):
        with open(added_path, encoding='utf-8') as fh:
            for line in fh:
                line = line.strip()
                if line and not line.startswith('#'):
                    added.add(line.split('\t')[0].strip())
    _, stations = rd(os.path.join(DATA, 'stations.csv'))
    station_ids = {s['id'] for s in stations}

    def check_station(fname, i, sid):
        if not STATION_RE.match(sid):
            problems.append(f'{fname}:{i}: station id {sid!r} is not of the form ST000')
        elif sid not in station_ids:
            warnings.append(f'{fname}:{i}: station id {sid} not in data/stations.csv')

    def check_text(fname, i, row, url_cols, verbatim_cols, officials_hard):
        for col, v in row.items():
            if not v:
                continue
            if col in url_cols:
                for u in urls(v):
                    if not re.match(r'^https?://\S+$', u):
                        problems.append(f'{fname}:{i}: malformed url {u!r}')
                    if has_private_name(u, hashes, url=True):
                        if 'channelnewsasia.com' in u:
                            problems.append(f'{fname}:{i}: {col}: channelnewsasia.com url carrying a defendant\'s '
                                            'name (hash match): cite another original')
                        else:  # urls are never edited; the sources helper decides (restricted or replaced)
                            warnings.append(f'{fname}:{i}: {col}: a url carries a private individual\'s name '
                                            '(hash match)')
                continue
            if has_private_name(v, hashes):
                problems.append(f'{fname}:{i}: {col} contains the name of a private individual (hash match)')
            if col not in verbatim_cols:
                for o in OFFICIALS:
                    if re.search(r'(?<!\w)' + re.escape(o) + r'(?!\w)', v):
                        (problems if officials_hard else warnings).append(
                            f'{fname}:{i}: {col} names an official ({o}) outside a quote: use the office')

    # status events
    header, events = rd(os.path.join(DATA, 'status_events.csv'))
    if header != EVENT_COLS:
        problems.append(f'data/status_events.csv: header {header} != {EVENT_COLS}')
    prev = None
    for i, r in enumerate(events, 2):
        f = 'data/status_events.csv'
        check_station(f, i, r['station_id'])
        if r['status'] not in STATUSES:
            problems.append(f'{f}:{i}: status {r["status"]!r} not in the vocabulary')
        if r['date']:
            if not valid_date(r['date']):
                problems.append(f'{f}:{i}: date {r["date"]!r} is not an ISO (partial) date')
        elif 'undated' not in r['notes'].lower():
            problems.append(f'{f}:{i}: empty date and notes do not say "undated" and why')
        us = urls(r['source_urls'])
        if not us:
            problems.append(f'{f}:{i}: step without a source url')
        for u in us:
            if u not in known and u not in added:
                problems.append(f'{f}:{i}: url neither in merged/sources.csv nor in urls_added_by_events.txt: {u}')
        if not r['claimant'].strip():
            problems.append(f'{f}:{i}: step without a claimant')
        if not r['quote'].strip():
            warnings.append(f'{f}:{i}: step without a quote')
        if 'MERGE:' in r['notes']:
            problems.append(f'{f}:{i}: merge bookkeeping left in notes')
        check_text(f, i, r, {'source_urls'}, {'quote'}, True)
        k = (r['station_id'], 1 if not r['date'] else 0, r['date'])
        if prev and k < prev:
            problems.append(f'{f}:{i}: not sorted by station, then date (undated last)')
        prev = k

    # hosts
    header, hosts = rd(os.path.join(DATA, 'hosts.csv'))
    if header != HOST_COLS:
        problems.append(f'data/hosts.csv: header {header} != {HOST_COLS}')
    spellings = {}
    seen = set()
    for i, r in enumerate(hosts, 2):
        f = 'data/hosts.csv'
        check_station(f, i, r['station_id'])
        if r['host_kind'] not in HOST_KINDS:
            problems.append(f'{f}:{i}: host_kind {r["host_kind"]!r} not in {HOST_KINDS}')
        if (r['station_id'], r['host_name']) in seen:
            problems.append(f'{f}:{i}: duplicate (station, host)')
        seen.add((r['station_id'], r['host_name']))
        us = urls(r['source_urls'])
        if not us:
            problems.append(f'{f}:{i}: host without a source url')
        for u in us:
            if u not in known and u not in added:
                problems.append(f'{f}:{i}: url neither in merged/sources.csv nor in urls_added_by_events.txt: {u}')
        if ' | ' in r['quote']:
            problems.append(f'{f}:{i}: more than one quote')
        norm = re.sub(r'[^a-z0-9\u3000-\u9fff]+', '', re.sub(r'\(.*?\)', '', r['host_name'].lower()))
        spellings.setdefault(norm, set()).add(r['host_name'])
        check_text(f, i, r, {'source_urls'}, {'quote'}, True)
    for norm, names in spellings.items():
        if len(names) > 1:
            problems.append(f'data/hosts.csv: one host spelled {len(names)} ways: {sorted(names)}')

    # responses
    header, responses = rd(os.path.join(DATA, 'responses.csv'))
    if header != RESP_COLS:
        problems.append(f'data/responses.csv: header {header} != {RESP_COLS}')
    for i, r in enumerate(responses, 2):
        f = 'data/responses.csv'
        if not valid_date(r['date']):
            problems.append(f'{f}:{i}: date {r["date"]!r} is not an ISO (partial) date')
        if not urls(r['source_urls']):
            problems.append(f'{f}:{i}: response without a source url')
        for sid in urls(r['station_ids']):
            check_station(f, i, sid)
        for a in r['action'].split(';'):
            if not re.match(r'^[a-z_]+$', a.strip()):
                problems.append(f'{f}:{i}: action {a!r} is not a snake_case word')
        check_text(f, i, r, {'source_urls'}, set(), False)

    # figures
    header, figures = rd(os.path.join(DATA, 'figures.csv'))
    for i, r in enumerate(figures, 2):
        if r.get('as_of') and not valid_date(r['as_of']):
            warnings.append(f'data/figures.csv:{i}: as_of {r["as_of"]!r} is not an ISO date')
        check_text('data/figures.csv', i, r, {'source_urls'}, {'figure', 'value', 'claimed_by'}, False)
    return problems, warnings, events, hosts


# ---------------------------------------------------------------- main

def main():
    write = '--check' not in sys.argv
    if write:
        events, dropped = build_events()
        write_csv(os.path.join(DATA, 'status_events.csv'), EVENT_COLS, events)
        hosts = build_hosts()
        write_csv(os.path.join(DATA, 'hosts.csv'), HOST_COLS, hosts)
        done, appended, new_rows, extra_rows, ch_r, ch_f = update_responses_and_figures(True)
        print(f'status_events.csv: {len(events)} steps ({len(dropped)} merged rows dropped or merged)')
        print(f'hosts.csv: {len(hosts)} rows')
        print(f'responses.csv: {len(appended)} rows after the committed ones, written from the hand files '
              f'({len(new_rows)} from responses_new, {len(extra_rows)} for source disagreements; '
              f'{"changed" if ch_r else "unchanged"} this run); {len(done)} committed cells corrected this run')
        for d in done:
            print('  corrected', *d)
        print(f'figures.csv: {"changed" if ch_f else "unchanged"} this run')
    problems, warnings, events, hosts = check_all()
    dated = sum(1 for r in events if r['date'])
    print(f'check: {len(events)} steps ({dated} dated, {len(events) - dated} undated), {len(hosts)} hosts')
    for w in warnings:
        print('WARN ', w)
    for p in problems:
        print('ERROR', p)
    print(f'{len(problems)} problem(s), {len(warnings)} warning(s)')
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
