#!/usr/bin/env python3
"""Issue 16: the bundled record rests on originals.  Python 3, standard library only.

    python3 sources.py            # build data/sources.csv, rewrite source_urls of stations/responses/figures, check
    python3 sources.py --check    # check the data/ files only (exit 1 on failure)

Run after events.py and before unlocated.py (README.md); check_all.py runs this check with all the others.

Inputs (read, never written):
  ../merged/sources.csv          every page the four readers cited, with their kind and copy_of
  ../merged/station_sources.csv  what each page supports for each station
  judgements.csv                 hand judgements (2026-12-05): per url `keep` (with kind / copy_of / fields that
                                 override the readers' row) or `drop` (a copy whose original could not be found, or
                                 a page not read); `replace_with` names the read original that replaces a copy in
                                 the data's citations
  station_extra.csv              pages read for a station that the readers did not cite for it
  row_substitutes.csv            responses whose every source was dropped: the read sources that replace them
  row_removals.csv               figures whose every source was dropped and for which no original was found: the
                                 row is removed (the importer refuses a row without a source), with its reason, and
                                 its id is taken out of other figures' `contradicts`
  crates/lookout-core/src/source.rs  REPOST_HOSTS (kept in step with the importer)

Outputs:
  data/sources.csv               url,publisher,title,published,language,kind,copy_of,judged_by,notes
  data/stations.csv              source_urls column only (other columns and rows byte-for-byte as they were)
  data/figures.csv, data/responses.csv
                                 figures: the rows of row_removals.csv removed (and their ids from `contradicts`);
                                 source_urls of the rows that existed at HEAD only: copies without an established
                                 original dropped, copies replaced by their read original; written last, re-read
                                 just before writing (another hand appends rows to responses.csv)
  report.md                      what this run changed, what was dropped and why, what is still missing
"""
import csv
import collections
import hashlib
import io
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
MERGED = os.path.join(ROOT, 'research', 'issue16', 'merged')
DATA = os.environ.get('ISSUE16_DATA_DIR') or os.path.join(ROOT, 'data')  # override for a dry run
SEP = ' | '
JUDGED_BY = 'Lookout research, issue 16 (2026-12-05)'
HEADER = ['url', 'publisher', 'title', 'published', 'language', 'kind', 'copy_of', 'judged_by', 'notes']
KINDS = {'official', 'court', 'ngo_report', 'news', 'repost', 'social', 'testimony', 'reference', 'file'}
NOT_READ = 'known only from its copies; not read'
DATE_RE = re.compile(r'^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$')
# Officials are recorded by office outside verbatim columns (title is the page's own headline).
OFFICIALS = ['Piantedosi', 'Mendicino', 'Lucki', 'Hoekstra', 'Tugendhat', 'Sturgeon', 'Wang Wenbin', 'Mao Ning',
             'Cotrim Figueiredo', 'Tohá', 'Lipavský', 'Tompos', 'Teniță', 'Sánchez Amor', 'Karner', 'Schallenberg',
             'Burgess', 'Malcolm Roberts', 'Paterson', 'Wray', 'Poirier', 'Gasse', 'Blinken', 'Garland', 'Lloyd Austin',
             'Johansson', 'Gattolin', 'Le Grip', 'De Priamo', 'Dostál', 'Körner', 'Perrottet', 'Billström', 'Marlaska',
             'Bogdanos', 'Cotar', '汪文斌', '神谷宗幣']


def urls(cell):
    return [u.strip() for u in (cell or '').split('|') if u.strip()]


def host_of(url):
    rest = url.split('://', 1)[1] if '://' in url else ''
    host = re.split(r'[/?#]', rest, 1)[0].rsplit('@', 1)[-1].split(':')[0].lower().rstrip('.')
    return host[4:] if host.startswith('www.') else host


def repost_hosts():
    text = open(os.path.join(ROOT, 'crates', 'lookout-core', 'src', 'source.rs'), encoding='utf-8').read()
    block = text.split('const REPOST_HOSTS', 1)[1].split('];', 1)[0]
    return re.findall(r'"([^"]+)"', block)


REPOST_HOSTS = repost_hosts()


def on_repost_host(url):
    h = host_of(url)
    return h.endswith('.pages.dev') or any(h == r or h.endswith('.' + r) for r in REPOST_HOSTS)


def read_csv(path):
    with open(path, newline='', encoding='utf-8') as fh:
        return list(csv.DictReader(fh))


def read_table(path):
    """Header, rows (lists), raw text and line terminator of a data file, so that it can be written back as it was."""
    with open(path, newline='', encoding='utf-8') as fh:
        raw = fh.read()
    rows = list(csv.reader(io.StringIO(raw)))
    term = '\r\n' if '\r\n' in raw else '\n'
    if serialise(rows, term) != raw:
        sys.exit(f'{path}: csv round trip is not byte-identical; refusing to rewrite it')
    return rows[0], rows[1:], raw, term


def serialise(rows, term):
    out = io.StringIO()
    csv.writer(out, lineterminator=term).writerows(rows)
    return out.getvalue()


def head_rows(relpath):
    """The data file's rows as committed (HEAD): the rows that 'existed' before this work."""
    try:
        text = subprocess.run(['git', '-C', ROOT, 'show', f'HEAD:{relpath}'], capture_output=True, text=True,
                              check=True).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        return None
    return list(csv.DictReader(io.StringIO(text)))


# ---------------------------------------------------------------- private names (hashes, never the names)
def private_hashes():
    out = set()
    with open(os.path.join(MERGED, 'private_names.sha256'), encoding='utf-8') as fh:
        for line in fh:
            line = line.split('#')[0].strip()
            if line:
                out.add(line)
    return out


def ngrams(text, split_hyphen=False):
    pattern = r"[^\W_]+" if split_hyphen else r"[\w'’-]+"
    toks = re.findall(pattern, text.lower())
    for n in (1, 2, 3):
        for j in range(len(toks) - n + 1):
            yield ' '.join(toks[j:j + n])


def has_private_name(text, hashes, is_url=False):
    for grams in (ngrams(text), ngrams(text, split_hyphen=True)) if not is_url else (ngrams(text, split_hyphen=True),):
        for g in set(grams):
            if hashlib.sha256(g.encode('utf-8')).hexdigest() in hashes:
                return True
    return False


HASHES = private_hashes()


def shown(url):
    """An address as the report may show it: withheld when it carries a private name."""
    if has_private_name(url, HASHES, is_url=True) or host_of(url).endswith('channelnewsasia.com'):
        return f'https://{host_of(url)}/… (address withheld: it carries a private name)'
    return url


# ---------------------------------------------------------------- notes
def short_note(merged_notes, limit=260):
    """The first reader's note, without reader tags and merge remarks, cut at a sentence boundary."""
    parts = [p.strip() for p in merged_notes.split('||')]
    parts = [re.sub(r'^\[r\d\]\s*', '', p) for p in parts if p and not p.startswith('MERGE:')]
    note = parts[0] if parts else ''
    if len(note) > limit:
        cut = max(note.rfind('. ', 0, limit), note.rfind('; ', 0, limit))
        note = note[:cut + 1] if cut > 80 else note[:limit].rsplit(' ', 1)[0] + ' …'
    return note


def note_for_merged(r):
    base = short_note(r['notes'])
    # bookkeeping that no longer holds once the data cite the page
    base = re.sub(r'\s*Not cited for any (row|station)\.', '', base).strip()
    if 'known only from its copies' in r['notes']:
        base = re.sub(r'^original not read: known only from its copies\.\s*', '', base)
        return f'{NOT_READ}. {base}'.strip()
    if r['kind'] == 'repost' and r['copy_of'] and not base:
        return f'Copy of {r["copy_of"]}.'
    if not base:
        return f"Kind as judged by the reader who read it ({r['kind']})."
    return base


# ---------------------------------------------------------------- build sources
PRIVATE_ADDRESS = 'the address carries a private individual\'s name: not kept, another source is cited'


def build_sources(log):
    merged = read_csv(os.path.join(MERGED, 'sources.csv'))
    judg = collections.OrderedDict((r['url'], r) for r in read_csv(os.path.join(HERE, 'judgements.csv')))
    out = collections.OrderedDict()
    dropped = collections.OrderedDict()  # url -> reason
    for r in merged:
        u = r['url']
        j = judg.get(u)
        if 'RESTRICTED' in r['notes'] or has_private_name(u, HASHES, is_url=True):
            dropped[u] = PRIVATE_ADDRESS
            continue
        if j and j['action'] == 'drop':
            dropped[u] = j['notes']
            continue
        row = {k: r.get(k, '') for k in HEADER}
        row['judged_by'] = JUDGED_BY
        row['notes'] = note_for_merged(r)
        if j:
            for k in ('publisher', 'title', 'published', 'language', 'kind', 'copy_of', 'notes'):
                if j[k]:
                    row[k] = j[k]
            if j['kind'] and j['kind'] != 'repost':
                row['copy_of'] = j['copy_of']
        out[u] = row
    for u, j in judg.items():
        if u in out or u in dropped:
            continue
        if j['action'] == 'drop':
            dropped[u] = j['notes']
            continue
        if not j['kind']:
            log.append(f'ERROR judgements.csv: {u} is kept but is neither a reader\'s row nor given a kind')
            continue
        out[u] = {'url': u, 'publisher': j['publisher'] or host_of(u), 'title': j['title'], 'published': j['published'],
                  'language': j['language'], 'kind': j['kind'], 'copy_of': j['copy_of'], 'judged_by': JUDGED_BY,
                  'notes': j['notes']}
    # a copy whose original was dropped cannot stay
    changed = True
    while changed:
        changed = False
        for u, r in list(out.items()):
            if r['copy_of'] and r['copy_of'] not in out:
                log.append(f'ERROR {u}: its original {r["copy_of"]} is not kept; judge it by hand (judgements.csv)')
                dropped[u] = f'copy of a dropped page ({r["copy_of"]})'
                del out[u]
                changed = True
    replace = {u: urls(j['replace_with']) for u, j in judg.items() if j['replace_with']}
    return out, dropped, replace, merged


def not_read(row):
    return 'known only from its copies' in row['notes'] and 'not read' in row['notes']


# ---------------------------------------------------------------- stations
def station_lists(src, replace, old_rows, log):
    ss = collections.defaultdict(list)  # station -> [(url, supports set)]
    for r in read_csv(os.path.join(MERGED, 'station_sources.csv')):
        ss[r['station_id']].append((r['url'], set(urls(r['supports']))))
    for r in read_csv(os.path.join(HERE, 'station_extra.csv')):
        ss[r['station_id']].append((r['url'], set(urls(r['supports']))))
    kept_for = collections.defaultdict(list)  # repost url -> [(station, added supports)]
    result = {}
    for sid, old in old_rows:
        cand = collections.OrderedDict()  # url -> supports
        for u, sup in ss.get(sid, []):
            for v in replace.get(u, [u]):
                cand.setdefault(v, set()).update(sup)
        for u in old:
            for v in replace.get(u, [u]):
                cand.setdefault(v, set())
        usable = [u for u in cand if u in src and not not_read(src[u])]
        originals = [u for u in usable if src[u]['kind'] != 'repost']
        covered = set().union(*(cand[u] for u in originals)) if originals else set()
        copies = []
        for u in usable:
            if src[u]['kind'] == 'repost' and src[u]['copy_of']:
                adds = cand[u] - covered
                if adds:
                    copies.append(u)
                    kept_for[u].append((sid, sorted(adds)))
        result[sid] = originals + copies
        if not originals:
            log.append(f'WARN {sid}: no source that is not a copy')
    return result, kept_for


# ---------------------------------------------------------------- responses / figures
def rewrite_cells(rows, col, src, replace, head_n, keyer, subs, changes, fname, dropped, log):
    """Rewrites the `col` cell of rows[:head_n] in place; returns the number of cells changed."""
    n = 0
    for i, row in enumerate(rows[:head_n]):
        key = keyer(row)
        old = urls(row[col])
        new = []
        for u in old:
            if u in replace:
                new += replace[u]
                changes.append((fname, key, u, 'replaced by its original ' + SEP.join(replace[u])))
            elif u in src and not not_read(src[u]):
                new.append(u)
            elif u in src:
                changes.append((fname, key, u, 'removed: an original known only from its copies (not read)'))
            elif u in dropped:
                changes.append((fname, key, u, 'removed: ' + dropped[u]))
            elif has_private_name(u, HASHES, is_url=True):
                changes.append((fname, key, u, 'removed: ' + PRIVATE_ADDRESS))
            else:
                changes.append((fname, key, u, 'removed: NOT JUDGED (add it to judgements.csv)'))
                log.append(f'ERROR {fname} {key}: cites {shown(u)}, which is neither a reader\'s row nor judged')
        for add in subs.get(key, []):
            new.append(add)
        new = list(collections.OrderedDict.fromkeys(new))
        for add in subs.get(key, []):
            if add not in old:
                changes.append((fname, key, add, 'added as substitute (row_substitutes.csv)'))
        if not new:
            changes.append((fname, key, '', 'ROW HAS NO SOURCE LEFT'))
        cell = SEP.join(new)
        if cell != row[col]:
            row[col] = cell
            n += 1
    return n


def load_removals():
    """(file, row key) -> reason, from row_removals.csv (figures only: rows are keyed by id)."""
    out = collections.OrderedDict()
    path = os.path.join(HERE, 'row_removals.csv')
    if not os.path.exists(path):
        return out
    for i, r in enumerate(read_csv(path), 2):
        if r['file'] != 'figures.csv':
            sys.exit(f'row_removals.csv:{i}: only figures.csv rows (keyed by id) can be removed')
        if not r['reason'].strip():
            sys.exit(f'row_removals.csv:{i}: a removal without a reason')
        out[(r['file'], r['row'])] = r['reason'].strip()
    return out


def remove_figures(fd, removals, changes):
    """Removes the figures listed in row_removals.csv from fd (in place) and their ids from `contradicts`."""
    gone = {row for (f, row) in removals if f == 'figures.csv'}
    kept = []
    for r in fd:
        if r['id'] in gone:
            changes.append(('figures.csv', r['id'], '', 'ROW REMOVED (row_removals.csv): ' + removals[('figures.csv', r['id'])]))
        else:
            kept.append(r)
    if 'contradicts' in (fd[0] if fd else {}):
        for r in kept:
            old = urls(r['contradicts'])
            new = [x for x in old if x not in gone]
            if new != old:
                r['contradicts'] = SEP.join(new)
                changes.append(('figures.csv', r['id'], '', 'contradicts: ' + ', '.join(x for x in old if x in gone)
                                + ' removed (row removed)'))
    fd[:] = kept
    return len(gone)


def load_subs():
    subs = collections.defaultdict(list)
    for r in read_csv(os.path.join(HERE, 'row_substitutes.csv')):
        subs[(r['file'], r['row'])].extend(urls(r['add_urls']))
    return subs


# ---------------------------------------------------------------- check
def check(report_lines=None):
    problems, warnings = [], []
    hashes = private_hashes()
    path = os.path.join(DATA, 'sources.csv')
    with open(path, newline='', encoding='utf-8') as fh:
        reader = csv.reader(fh)
        header = next(reader)
        if header != HEADER:
            problems.append(f'sources.csv: header {header} != {HEADER}')
    src = collections.OrderedDict()
    for i, r in enumerate(read_csv(path), 2):
        u = r['url']
        if u in src:
            problems.append(f'sources.csv:{i}: duplicate url {u}')
        src[u] = r
        if not re.match(r'^https?://', u) or u != u.strip():
            problems.append(f'sources.csv:{i}: malformed url {u!r}')
        if r['kind'] not in KINDS:
            problems.append(f'sources.csv:{i}: kind {r["kind"]!r} not in vocabulary')
        if r['published'] and not DATE_RE.match(r['published']):
            problems.append(f'sources.csv:{i}: published {r["published"]!r} is not an ISO (partial) date')
        if not r['judged_by']:
            problems.append(f'sources.csv:{i}: judged_by empty')
        if not r['notes']:
            warnings.append(f'sources.csv:{i}: notes empty ({u})')
        if on_repost_host(u) and (r['kind'] != 'repost' or not r['copy_of']):
            problems.append(f'sources.csv:{i}: {u} is on a repost host but is not a repost with copy_of')
        if host_of(u).endswith('channelnewsasia.com'):
            problems.append(f'sources.csv:{i}: the channelnewsasia.com address must not appear')
        for col, v in r.items():
            if v and has_private_name(v, hashes, is_url=col in ('url', 'copy_of')):
                problems.append(f'sources.csv:{i}: {col} contains the name of a private individual (hash match)')
            if v and col in ('publisher', 'notes'):
                v2 = re.sub(r'https?://\S+', ' ', v)
                for o in OFFICIALS:
                    if re.search(r'(?<!\w)' + re.escape(o) + r'(?!\w)', v2):
                        warnings.append(f'sources.csv:{i}: {col} names an official ({o}); use the office')
    for i, (u, r) in enumerate(src.items(), 2):
        c = r['copy_of']
        if r['kind'] == 'repost' and not c:
            problems.append(f'sources.csv:{i}: repost without copy_of ({u})')
        if c:
            if c == u:
                problems.append(f'sources.csv:{i}: copy_of names itself ({u})')
            elif c not in src:
                problems.append(f'sources.csv:{i}: copy_of names no row ({c})')
            elif src[c]['copy_of']:
                warnings.append(f'sources.csv:{i}: copy_of chain {u} -> {c} -> {src[c]["copy_of"]}')
            if r['kind'] != 'repost':
                warnings.append(f'sources.csv:{i}: copy_of on a {r["kind"]} row ({u})')

    cited = collections.defaultdict(list)
    stations_ok, stations_total, lacking = 0, 0, []
    for fname in ('stations.csv', 'responses.csv', 'figures.csv', 'status_events.csv', 'hosts.csv'):
        p = os.path.join(DATA, fname)
        if not os.path.exists(p):
            continue
        for i, r in enumerate(read_csv(p), 2):
            us = urls(r.get('source_urls', ''))
            for u in us:
                cited[u].append(f'{fname}:{i}')
                if u not in src:
                    problems.append(f'{fname}:{i}: cites {u}, which is not a row of sources.csv')
                elif not_read(src[u]) and fname in ('stations.csv', 'responses.csv', 'figures.csv'):
                    problems.append(f'{fname}:{i}: cites {u}, an original known only from its copies (not read)')
                if has_private_name(u, hashes, is_url=True):
                    problems.append(f'{fname}:{i}: a cited address carries a private name (hash match)')
            if fname == 'stations.csv':
                stations_total += 1
                if any(u in src and src[u]['kind'] != 'repost' for u in us):
                    stations_ok += 1
                else:
                    lacking.append(r['id'])
                    problems.append(f'stations.csv:{i}: {r["id"]} has no source that is not a copy')
            elif not us:
                warnings.append(f'{fname}:{i}: row has no source left (the importer requires one)')

    kinds = collections.Counter(r['kind'] for r in src.values())
    reposts = [r for r in src.values() if r['kind'] == 'repost']
    lines = [f'sources: {len(src)} rows; by kind: ' + ', '.join(f'{k} {n}' for k, n in kinds.most_common()),
             f'reposts with copy_of: {sum(1 for r in reposts if r["copy_of"])} of {len(reposts)}',
             f'originals known only from their copies (not read): {sum(1 for r in src.values() if not_read(r))}',
             f'stations with a source that is not a copy: {stations_ok} of {stations_total}',
             f'sources cited by the data: {sum(1 for u in src if u in cited)}; not cited: {sum(1 for u in src if u not in cited)}']
    for w in warnings:
        print('WARN ', w)
    for p in problems:
        print('ERROR', p)
    for line in lines:
        print(line)
    print(f'{len(problems)} problem(s), {len(warnings)} warning(s)')
    if report_lines is not None:
        report_lines += ['## Check', ''] + [f'- {l}' for l in lines] + \
            [f'- {len(problems)} problem(s), {len(warnings)} warning(s)'] + \
            [f'  - ERROR {p}' for p in problems] + [f'  - WARN {w}' for w in warnings] + ['']
    return not problems


# ---------------------------------------------------------------- main
def main():
    if '--check' in sys.argv:
        sys.exit(0 if check() else 1)
    log = []
    src, dropped, replace, merged = build_sources(log)
    for u, reps in replace.items():
        for v in reps:
            if v not in src or src[v]['kind'] == 'repost' or not_read(src[v]):
                log.append(f'ERROR replace_with of {u}: {v} is not a read original row')

    # stations: only the source_urls column changes
    st_path = os.path.join(DATA, 'stations.csv')
    st_header, st_rows, st_raw, st_term = read_table(st_path)
    ci, ii = st_header.index('source_urls'), st_header.index('id')
    lists, kept_for = station_lists(src, replace, [(r[ii], urls(r[ci])) for r in st_rows], log)

    # notes of kept copies say what they add, and for which stations
    for u, uses in kept_for.items():
        adds = '; '.join(f'{sid} ({", ".join(a)})' for sid, a in uses)
        src[u]['notes'] = (src[u]['notes'].rstrip() + f' Kept as a station source where no original read covers it: {adds}.').strip()

    # sources.csv
    with open(os.path.join(DATA, 'sources.csv'), 'w', newline='', encoding='utf-8') as fh:
        w = csv.DictWriter(fh, HEADER, lineterminator='\n')
        w.writeheader()
        for r in src.values():
            w.writerow(r)

    st_changed = 0
    for r in st_rows:
        cell = SEP.join(lists[r[ii]])
        if cell != r[ci]:
            r[ci] = cell
            st_changed += 1
    with open(st_path, 'w', newline='', encoding='utf-8') as fh:
        fh.write(serialise([st_header] + st_rows, st_term))

    subs = load_subs()
    changes = []
    # figures (keyed by id)
    fg_path = os.path.join(DATA, 'figures.csv')
    fg_head = head_rows('data/figures.csv')
    fg_header, fg_rows, _, fg_term = read_table(fg_path)
    fd = [dict(zip(fg_header, r)) for r in fg_rows]
    fg_n = len(fg_head) if fg_head is not None else len(fd)
    remove_figures(fd, load_removals(), changes)
    fsubs = {k[1]: v for k, v in subs.items() if k[0] == 'figures.csv'}
    fg_changed = rewrite_cells(fd, 'source_urls', src, replace, fg_n, lambda r: r['id'], fsubs, changes, 'figures.csv', dropped, log)
    with open(fg_path, 'w', newline='', encoding='utf-8') as fh:
        fh.write(serialise([fg_header] + [[r[c] for c in fg_header] for r in fd], fg_term))

    # responses: last, re-read just before writing (another hand appends rows); only the rows that existed at
    # HEAD are touched, matched by position and checked by country
    rs_path = os.path.join(DATA, 'responses.csv')
    rs_head = head_rows('data/responses.csv')
    rsubs = collections.defaultdict(list)
    for (f, key), v in subs.items():
        if f == 'responses.csv':
            rsubs[key] += v

    def rkey(r):
        return f'{r["date"]}+{r["country_iso2"]}+{r["actor"]}'

    rs_header, rs_rows, _, rs_term = read_table(rs_path)
    latest = [dict(zip(rs_header, r)) for r in rs_rows]
    rs_n = len(rs_head) if rs_head is not None else len(latest)
    if rs_head is not None:
        for i, h in enumerate(rs_head):
            if i >= len(latest) or latest[i]['country_iso2'] != h['country_iso2']:
                sys.exit(f'responses.csv: row {i + 2} no longer matches the committed row (country); not rewritten')
    # a substitute is keyed by date+country+actor as committed; dates may since have been corrected, so it is
    # matched on country+actor among the committed rows
    by_ca = collections.defaultdict(list)
    for i, r in enumerate(latest[:rs_n]):
        by_ca[(r['country_iso2'], r['actor'])].append(i)
    rsubs_now = {}
    for key, v in rsubs.items():
        _, country, actor = key.split('+', 2)
        hits = by_ca.get((country, actor), [])
        if len(hits) != 1:
            log.append(f'ERROR row_substitutes.csv: {key} matches {len(hits)} committed rows of responses.csv')
            continue
        rsubs_now[rkey(latest[hits[0]])] = v
    rs_changed = rewrite_cells(latest, 'source_urls', src, replace, rs_n, rkey, rsubs_now, changes, 'responses.csv', dropped, log)
    with open(rs_path, 'w', newline='', encoding='utf-8') as fh:
        fh.write(serialise([rs_header] + [[r[c] for c in rs_header] for r in latest], rs_term))

    # report
    lines = ['# issue16/bundle — report of the last run (generated by sources.py)', '',
             f'- data/sources.csv: {len(src)} rows written.',
             f'- stations.csv: source_urls changed in {st_changed} of {len(st_rows)} rows.',
             f'- figures.csv: source_urls changed in {fg_changed} of {fg_n} committed rows.',
             f'- responses.csv: source_urls changed in {rs_changed} of {rs_n} committed rows '
             f'({len(latest) - rs_n} rows added since HEAD left untouched).', '']
    for l in log:
        print(l)
    if log:
        lines += ['## Problems while building', ''] + [f'- {l}' for l in log] + ['']
    lines += ['## Citation changes in responses.csv / figures.csv (this run)', '']
    lines += [f'- {f} {k}: {shown(u)} {what}' if u else f'- {f} {k}: **{what}**' for f, k, u, what in changes] or ['- none']
    lines += ['', '## Pages of merged/sources.csv (and of the data) dropped: copies without an established original, '
              'or not read', '']
    merged_cited = collections.defaultdict(set)
    for fn in ('status_events.csv', 'hosts.csv', 'station_sources.csv', 'responses_new.csv'):
        for r in read_csv(os.path.join(MERGED, fn)):
            for u in urls(r.get('source_urls') or r.get('url')):
                merged_cited[u].add(fn)
    for u, why in dropped.items():
        also = f' — cited in merged/{", ".join(sorted(merged_cited[u]))}' if merged_cited.get(u) else ''
        lines.append(f'- {shown(u)}: {why}{also}')
    lines += ['', '## Stations and the sources they now cite', '']
    for sid, us in lists.items():
        o = [u for u in us if src[u]['kind'] != 'repost']
        lines.append(f'- {sid}: {len(o)} not a copy, {len(us) - len(o)} copies kept')
    lines.append('')
    ok = check(lines)
    with open(os.path.join(HERE, 'report.md'), 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines) + '\n')
    sys.exit(0 if ok and not any(l.startswith('ERROR') for l in log) else 1)


if __name__ == '__main__':
    main()
