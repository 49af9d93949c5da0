#!/usr/bin/env python3
"""Merge the issue-16 research folders r1..r4 into one data-ready set (this folder).

Standard library only.  Reads ../r1 .. ../r4 and /work/main/data/stations.csv, writes the CSVs
and the generated parts of the .md reports next to this script.  Rerun: python3 merge.py && python3 check.py
"""
import csv
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.dirname(HERE)
DATA = '/work/main/data'
SEP = ' | '

KINDS = {'official', 'court', 'ngo_report', 'news', 'repost', 'social'}
STATUSES = ['reported', 'under_investigation', 'searched_by_police', 'closure_ordered', 'closed',
            'reported_closed', 'closed_per_chinese_embassy', 'closed_per_host_government', 'denied',
            'charges_filed', 'guilty_plea', 'convicted', 'acquitted', 'investigation_closed',
            'no_evidence_found', 'lawsuit_filed', 'referred_to_prosecutors']


def rd(path):
    with open(path, newline='', encoding='utf-8') as fh:
        return list(csv.DictReader(fh))


def wr(name, cols, rows):
    with open(os.path.join(HERE, name), 'w', newline='', encoding='utf-8') as fh:
        w = csv.DictWriter(fh, fieldnames=cols, lineterminator='\n')
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, '') for c in cols})


def split_urls(v):
    return [u.strip() for u in v.split('|') if u.strip()]


def join_notes(parts):
    out = []
    for p in parts:
        p = p.strip()
        if p and p not in out:
            out.append(p)
    return ' || '.join(out)


# ---------------------------------------------------------------------------
# Redactions: private individuals cut as "[…]" (quotes, notes, titles, summaries).
# Officials named outside quotes are replaced by their office.
# Each entry: (regex, replacement, who, kind)  kind = private | official-outside-quote
# Applied to every text column except urls.  See redactions.md.
# ---------------------------------------------------------------------------
import hashlib
with open(os.path.join(HERE, 'private_names.sha256'), encoding='utf-8') as _fh:
    PRIVATE_HASHES = {l.split('#')[0].strip() for l in _fh if l.split('#')[0].strip()}
# officials: tolerated in verbatim columns only; elsewhere replaced by their office
OFFICIAL_OUTSIDE_QUOTES = [
    (r'Senator James Paterson \(website\)', 'Website of an Australian senator (Liberal)', 'Australian senator', 'official'),
    (r'Senator Malcolm Roberts \(website\)', 'Website of an Australian senator (Queensland)', 'Australian senator', 'official'),
    (r'MEP Moritz Körner \(website\)', 'Website of a German MEP', 'Member of the European Parliament', 'official'),
    (r'Senator James Paterson', 'an Australian senator', 'Australian senator', 'official'),
    (r'\bGasse\b', '[the RCMP spokesperson]', 'RCMP spokesperson', 'official'),
    (r'Lloyd Austin', '[the Defense Secretary]', 'US Secretary of Defense', 'official'),
    (r'\bBlinken\b', '[the Secretary of State]', 'US Secretary of State', 'official'),
    (r'\bGarland\b', '[the Attorney General]', 'US Attorney General', 'official'),
    (r'\bAustin\b', '[the Defense Secretary]', 'US Secretary of Defense', 'official'),
]
# verbatim columns: quotes, and page titles (a headline is the page's own words; kept for citation)
QUOTE_COLS = {'quote', 'title'}
URL_RE = re.compile(r'https?://[^\s`|)]+')
redaction_log = collections.Counter()


def _cut_private(text, where):
    """Replace any 1-3 word sequence whose lower-cased sha256 is listed in private_names.sha256 by […]."""
    toks = list(re.finditer(r"[\w'’-]+", text))
    spans = []
    j = 0
    while j < len(toks):
        hit = None
        for n in (3, 2, 1):
            if j + n <= len(toks):
                g = ' '.join(t.group(0).lower() for t in toks[j:j + n])
                if hashlib.sha256(g.encode('utf-8')).hexdigest() in PRIVATE_HASHES:
                    hit = n
                    break
        if hit:
            spans.append((toks[j].start(), toks[j + hit - 1].end()))
            redaction_log[where + ('private individual (name listed by hash in private_names.sha256)', 'private')] += 1
            j += hit
        else:
            j += 1
    for a, b in reversed(spans):
        text = text[:a] + '[…]' + text[b:]
    return text


def redact_text(text, fname, col):
    """Redact a free-text value; url substrings are left alone."""
    if not text:
        return text
    parts = []
    last = 0
    for m in URL_RE.finditer(text):
        parts.append((text[last:m.start()], False))
        parts.append((m.group(0), True))
        last = m.end()
    parts.append((text[last:], False))
    out = []
    for chunk, is_url in parts:
        if not is_url:
            chunk = _cut_private(chunk, (fname, col))
            if col not in QUOTE_COLS:
                for pat, rep, who, kind in OFFICIAL_OUTSIDE_QUOTES:
                    chunk, n = re.subn(pat, rep, chunk)
                    if n:
                        redaction_log[(fname, col, who, kind)] += n
        out.append(chunk)
    return ''.join(out)


def redact_row(fname, row, cols):
    for c in cols:
        if c in ('url', 'source_urls', 'source_url', 'copy_of'):
            continue
        row[c] = redact_text(row.get(c, ''), fname, c)
    return row


DATE_RE = re.compile(r'^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$')


def valid_date(d):
    import datetime
    m = DATE_RE.match(d)
    if not m:
        return False
    y, mo, da = m.groups()
    if mo and not 1 <= int(mo) <= 12:
        return False
    if da:
        try:
            datetime.date(int(y), int(mo), int(da))
        except ValueError:
            return False
    return True


stations = {r['id']: r for r in rd(os.path.join(DATA, 'stations.csv'))}
R = ['r1', 'r2', 'r3', 'r4']
problems = []   # things merge could not resolve

# ---------------------------------------------------------------------------
# 1. sources
# ---------------------------------------------------------------------------
src_rows = collections.OrderedDict()
for rr in R:
    for r in rd(os.path.join(BASE, rr, 'sources.csv')):
        r = {k: (v or '').strip() for k, v in r.items()}
        src_rows.setdefault(r['url'], []).append((rr, r))

conflict_lines = []      # for conflicts.md (sources section)
filled_lines = []        # a field empty for one reader, given by another
title_lines = []


def norm_title(t):
    t = re.sub(r'[“”«»"\'‘’…]|\.\.\.', '', t)
    t = re.sub(r'\s*\((title from URL|untitled in text read)\)\s*', '', t)
    return re.sub(r'\s+', ' ', t).strip().lower()


def placeholder_title(t):
    return t.startswith('(') or '...' in t or '…' in t or 'title from URL' in t or '[' in t


merged_sources = collections.OrderedDict()
for url, rs in src_rows.items():
    readers = [a for a, _ in rs]
    out = {'url': url}
    merge_notes = []
    # kind
    kinds = [(a, r['kind']) for a, r in rs]
    kset = []
    for a, k in kinds:
        if k not in kset:
            kset.append(k)
    if len(kset) > 1:
        kind = 'repost' if 'repost' in kset else kset[0]
        desc = '; '.join(f'{a}: {k}' for a, k in kinds)
        merge_notes.append(f'MERGE: readers differ on kind ({desc}); kept {kind} (a reader identified it as a copy)')
        conflict_lines.append(f'- `{url}` — kind: {desc} → kept **{kind}**')
    else:
        kind = kset[0]
    out['kind'] = kind
    # published
    pubs = [(a, r['published']) for a, r in rs if r['published']]
    best = ''
    for a, p in pubs:
        if len(p) > len(best):
            best = p
    compatible = all(best.startswith(p) for a, p in pubs)
    if len({p for a, p in pubs}) > 1:
        desc = '; '.join(f'{a}: {p}' for a, p in pubs)
        if compatible:
            merge_notes.append(f'MERGE: published given at different precision ({desc}); kept the most precise')
            conflict_lines.append(f'- `{url}` — published: {desc} → kept **{best}** (compatible, more precise)')
        else:
            merge_notes.append(f'MERGE: readers disagree on published ({desc}); kept {best}')
            conflict_lines.append(f'- `{url}` — published: {desc} → kept **{best}** (INCOMPATIBLE)')
    if pubs and len(pubs) < len(rs):
        missing = [a for a, r in rs if not r['published']]
        filled_lines.append(f'- `{url}` — published {best} (from {", ".join(a for a, _ in pubs)}; empty in {", ".join(missing)})')
    out['published'] = best
    # language
    langs = [(a, r['language']) for a, r in rs if r['language']]
    lang = max((l for a, l in langs), key=len, default='')
    if len({l for a, l in langs}) > 1:
        desc = '; '.join(f'{a}: {l}' for a, l in langs)
        merge_notes.append(f'MERGE: language given as ({desc}); kept {lang}')
        conflict_lines.append(f'- `{url}` — language: {desc} → kept **{lang}**')
    out['language'] = lang
    # copy_of
    cops = [(a, r['copy_of']) for a, r in rs if r['copy_of']]
    cop = cops[0][1] if cops else ''
    if len({c for a, c in cops}) > 1:
        desc = '; '.join(f'{a}: {c}' for a, c in cops)
        merge_notes.append(f'MERGE: readers disagree on copy_of ({desc}); kept the first')
        conflict_lines.append(f'- `{url}` — copy_of: {desc} → kept first')
    elif cops and len(cops) < len(rs):
        missing = [a for a, r in rs if not r['copy_of']]
        merge_notes.append(f'MERGE: copy_of given by {", ".join(a for a, _ in cops)}, empty in {", ".join(missing)}; kept it')
        conflict_lines.append(f'- `{url}` — copy_of given by {", ".join(a for a, _ in cops)}, empty in {", ".join(missing)} → kept `{cop}`')
    out['copy_of'] = cop
    # publisher
    pubrs = [(a, r['publisher']) for a, r in rs if r['publisher']]
    publisher = ''
    for a, p in pubrs:
        if len(p) > len(publisher):
            publisher = p
    if len({p for a, p in pubrs}) > 1:
        desc = '; '.join(f'{a}: "{p}"' for a, p in pubrs)
        merge_notes.append(f'MERGE: publisher given as {desc}; kept the most specific')
        conflict_lines.append(f'- `{url}` — publisher: {desc} → kept "{publisher}"')
    out['publisher'] = publisher
    # title
    titles = [(a, r['title']) for a, r in rs if r['title']]
    good = [t for a, t in titles if not placeholder_title(t)] or [t for a, t in titles]
    title = max(good, key=len) if good else ''
    if len({norm_title(t) for a, t in titles}) > 1:
        desc = '; '.join(f'{a}: "{t}"' for a, t in titles)
        title_lines.append(f'- `{url}` — {desc} → kept "{title}"')
    out['title'] = title
    # notes
    if len(rs) == 1:
        n = rs[0][1]['notes']
    else:
        n = join_notes(f'[{a}] {r["notes"]}' for a, r in rs if r['notes'])
    out['notes'] = join_notes([n] + merge_notes)
    out['_readers'] = readers
    merged_sources[url] = out

# originals named by copy_of but read by nobody (or named only in notes with a full address)
ORIGINALS = {
    'https://dialogo-americas.com/articles/chinas-police-activities-in-latin-america-draw-scrutiny':
        dict(publisher='Diálogo Américas', title="China's police activities in Latin America draw scrutiny",
             published='', language='en', kind='news'),
    'https://www.marianne.net/societe/police-et-justice/des-postes-de-police-clandestins-chinois-au-cour-de-lile-de-france':
        dict(publisher='Marianne', title="Des postes de police clandestins chinois au cœur de l'Île-de-France",
             published='2023-04', language='fr', kind='news'),
    'https://www.liberation.fr/international/asie-pacifique/a-aubervilliers-et-a-paris-des-postes-de-police-chinois-clandestins-bien-implantes-20221206_JSTXGTYN4NDJ7HH3BABWJC5U3U/':
        dict(publisher='Libération', title='A Aubervilliers et à Paris, des postes de police chinois clandestins bien implantés',
             published='2022-12-06', language='fr', kind='news',
             extra='Address inferred by r1 from the staging copy\'s path; not itself seen.'),
    'https://zoek.officielebekendmakingen.nl/ah-tk-20222023-1107.html':
        dict(publisher='Officiële Bekendmakingen (Tweede Kamer, Aanhangsel van de Handelingen)',
             title='Antwoord op vragen 2022Z20802: Het bericht dat er Chinese politiebureaus in Nederland zijn',
             published='2022-12-20', language='nl', kind='official',
             extra='Government answer (Foreign Affairs and Justice ministers); address given on the OpenKamer mirror.'),
    'https://hansard.parliament.uk/Commons/2022-10-27/debates/3AC005B3-A0E4-4061-887C-7345702866A4/BusinessOfTheHouse':
        dict(publisher='UK Parliament (Hansard)', title='Business of the House (27 Oct 2022)',
             published='2022-10-27', language='en', kind='official',
             extra="Address inferred by r2 from the Parallel Parliament mirror's path (same debate id)."),
    'https://www.economist.com/china/2023/02/16/how-much-of-a-concern-are-chinas-overseas-police-stations':
        dict(publisher='The Economist', title="How much of a concern are China's overseas police stations?",
             published='2023-02-16', language='en', kind='news'),
    'https://www.irishtimes.com/politics/2022/10/08/government-seeks-answers-from-chinese-embassy-on-police-service-station-in-dublin':
        dict(publisher='The Irish Times', title="Government seeks answers from Chinese embassy on 'police service station' in Dublin",
             published='2022-10-08', language='en', kind='news',
             extra="Canonical address inferred by r2 from the CDN host's path."),
    'https://www.asahi.com/articles/ASR4L6JBFR4LUHBI020.html':
        dict(publisher='Asahi Shimbun', title='秋葉原に中国「警察拠点」? 捏造と訴える代表理事との主なやりとり',
             published='2023-04', language='ja', kind='news', extra='Paywalled.'),
    'http://news.kbs.co.kr/news/view.do?ncd=7656565':
        dict(publisher='KBS', title='(KBS report on the referral of the restaurant operators to prosecutors; title as on the copy: 중국 비밀경찰 의심 식당 운영진 검찰 송치)',
             published='', language='ko', kind='news'),
    'https://www.yomiuri.co.jp/politics/20221219-OYT1T50232/':
        dict(publisher='Yomiuri Shimbun', title='中国警察の海外拠点、日本に2か所か…外務省が「断じて容認できない」と申し入れ',
             published='2022-12-19', language='ja', kind='news'),
    'https://news.yahoo.co.jp/articles/b5e139d280d241de09fe25ff4f38bbd38aa832ab':
        dict(publisher='Yahoo! Japan News (Jiji Press)', title='中国警察、日本に「拠点」開設か 主権侵害の恐れ 外務省',
             published='2022-12-19', language='ja', kind='repost',
             extra="A Jiji Press story as carried by Yahoo! Japan News (itself a syndication); Jiji's own address unknown."),
    'http://www.newdaily.co.kr/site/data/html/2024/02/27/2024022700170.html':
        dict(publisher='New Daily (뉴데일리)', title='(New Daily article of 2024-02-27 on the police search; title not read)',
             published='2024-02-27', language='ko', kind='news'),
}
# copies whose original r4 named by full address in notes only: fill copy_of
FILL_COPY_OF = {
    'https://theyouthdream.com/arena/27878515/page/77': 'http://www.newdaily.co.kr/site/data/html/2024/02/27/2024022700170.html',
}
added_originals = []
for url, d in ORIGINALS.items():
    if url in merged_sources:
        continue
    copies = [u for u, s in merged_sources.items() if s['copy_of'] == url] + \
             [u for u, o in FILL_COPY_OF.items() if o == url]
    note = 'original not read: known only from its copies.'
    if d.get('extra'):
        note += ' ' + d['extra']
    note += ' Copies read: ' + ', '.join(copies) + '.'
    merged_sources[url] = dict(url=url, publisher=d['publisher'], title=d['title'], published=d['published'],
                               language=d['language'], kind=d['kind'], copy_of='', notes=note, _readers=['merge'])
    added_originals.append(url)
for cp, orig in FILL_COPY_OF.items():
    s = merged_sources[cp]
    if not s['copy_of']:
        s['copy_of'] = orig
        s['notes'] = join_notes([s['notes'], 'MERGE: copy_of filled from the original named in notes'])

RESTRICTED_IDS = {
    ('channelnewsasia.com', '4815601'):
        "RESTRICTED: the address carries a defendant's name (private individual). Do not display; for the guilty plea "
        'cite another source (Newsday, West Side Spirit, ABC News). Cited only in r4/response_sources.csv.',
}
for (host, art), n in RESTRICTED_IDS.items():
    hits = [u for u in merged_sources if host in u and art in u]
    for u in hits:
        merged_sources[u]['notes'] = join_notes([merged_sources[u]['notes'], n])
    if not hits:
        problems.append(f'restricted url not found: {host} {art}')

SRC_COLS = ['url', 'publisher', 'title', 'published', 'language', 'kind', 'copy_of', 'notes']
src_out = [redact_row('sources.csv', dict(s), SRC_COLS) for s in merged_sources.values()]

# ---------------------------------------------------------------------------
# 2. status events
# ---------------------------------------------------------------------------
# (reader, station or None, date or None, original status, quote prefix or None) -> new status, reason
STATUS_MAP = {
    'no_formal_investigation': ('no_evidence_found',
        'outside vocabulary; a source says no (formal) investigation exists / is known. Nearest word: '
        'no_evidence_found (nothing against the station is on record). Lossy: it is a claim that no '
        'investigation exists, not a finding after one'),
    'no_evidence_found_per_host_government': ('no_evidence_found',
        'outside vocabulary; same meaning as no_evidence_found, claimant already names the host government'),
    'reported_count_only': ('reported',
        "outside vocabulary (the dataset's own state for a station known only as part of a country count); "
        'kept as reported, the count-only nature stays in notes'),
}
# in-vocabulary statuses re-mapped on a specific row (reader, station, date, old) -> (new, reason)
ROW_MAP = {
    ('r3', 'ST083', '2023-03', 'charges_filed'): ('referred_to_prosecutors',
        'the step is a police referral to prosecutors (書類送検), not charges; the reader said so in notes'),
    ('r3', 'ST079', '2022-11-08', 'investigation_closed'): ('no_evidence_found',
        "AFP said it did not believe the contact point was active; no investigation was said to close (reader suggested 'assessed_inactive_per_host_police')"),
    ('r2', 'ST034', '2023-02', 'investigation_closed'): ('no_evidence_found',
        'Amsterdam police found no physical location and no indication of a station; reader notes it is not a formal case closure'),
    ('r2', 'ST030', '2023-06-06', 'investigation_closed'): ('no_evidence_found',
        'written statement: police visits found no evidence of illegal activity "to date"; no closure of an investigation stated'),
    ('r2', 'ST031', '2023-06-06', 'investigation_closed'): ('no_evidence_found', 'as ST030 (same written statement)'),
    ('r2', 'ST032', '2023-06-06', 'investigation_closed'): ('no_evidence_found', 'as ST030 (same written statement)'),
    ('r3', 'ST084', '2023-06-06', 'investigation_closed'): ('no_evidence_found', 'as ST030 (same written statement)'),
    ('r1', 'ST023', '2022-12-07', 'under_investigation'): ('referred_to_prosecutors',
        "Digos findings passed to the judicial authority ('è stata informata l'autorità giudiziaria'); the reader noted it could be read so"),
}
status_map_log = []   # (reader, station, date, old, new, reason)
SE_COLS = ['station_id', 'date', 'status', 'claimant', 'source_urls', 'quote', 'notes']
events = []
seen = set()
for rr in ['r1', 'r2', 'r3']:
    for r in rd(os.path.join(BASE, rr, 'status_events.csv')):
        r = {k: (v or '').strip() for k, v in r.items()}
        key = tuple(r[c] for c in SE_COLS)
        if key in seen:
            continue
        seen.add(key)
        old = r['status']
        new, reason = old, None
        if (rr, r['station_id'], r['date'], old) in ROW_MAP:
            new, reason = ROW_MAP[(rr, r['station_id'], r['date'], old)]
        elif old in STATUS_MAP:
            new, reason = STATUS_MAP[old]
        if new != old:
            r['status'] = new
            r['notes'] = join_notes([r['notes'], f'MERGE: status mapped from {old} to {new}'])
            status_map_log.append((rr, r['station_id'], r['date'], old, new, reason))
        r['source_urls'] = SEP.join(split_urls(r['source_urls']))
        r['_reader'] = rr
        events.append(r)


def date_key(d):
    return (0, d) if d else (1, '')


events.sort(key=lambda r: (r['station_id'], date_key(r['date'])))
events = [redact_row('status_events.csv', r, SE_COLS) for r in events]

# ---------------------------------------------------------------------------
# 3. hosts: one row per (station, host); name variants of one body are merged
# ---------------------------------------------------------------------------
HOST_CANON = {
    ('ST001', 'American Changle Association'): 'America ChangLe Association NY Inc.',
    ('ST001', 'America ChangLe Association NY Inc.'): 'America ChangLe Association NY Inc.',
    ('ST001', 'America ChangLe Association'): 'America ChangLe Association NY Inc.',
    ('ST002', 'Canada Toronto Fuqing Business Association (CTFQBA)'): 'Canada Toronto Fuqing Business Association (CTFQBA)',
    ('ST002', 'Canada Toronto Fuqing Business Association'): 'Canada Toronto Fuqing Business Association (CTFQBA)',
    ('ST023', 'Associazione culturale della comunità cinese di Fujian in Italia'): 'Associazione culturale della comunità cinese di Fujian in Italia',
    ('ST023', 'Associazione culturale della comunità cinese del Fujian'): 'Associazione culturale della comunità cinese di Fujian in Italia',
    ('ST059', 'Canadian Association of Nantong Merchants Abroad'): 'Canadian Association of Nantong Merchants Abroad',
    ('ST059', 'Canada branch of the Association of Nantong Merchants Abroad'): 'Canadian Association of Nantong Merchants Abroad',
}
HOST_EXTRA_NOTES = {
    ('ST078', 'Poliția Locală Dobroești (Dobroești local police, Ilfov county)'):
        'MERGE: not a host — a public body party to a 2016 protocol with Nantong police (reader says so). Do not import as a Hosting link without review.',
    ('ST011', 'Oficina de Chinatown Usera'):
        'MERGE: station assignment is a placeholder (reader r1); bureau unknown.',
    ('ST021', 'Overseas chinese centre'):
        'MERGE: the same association is attached by r3 to ST067 (Wenzhou, Milan); which Milan station it concerns is not established.',
    ('ST067', 'Overseas chinese centre (Milan)'):
        'MERGE: the same association is attached by r1 to ST021 (Qingtian, Milan); which Milan station it concerns is not established.',
    ('ST052', 'Japan Fuzhou Shiyi Associations General Union (一般社団法人日本福州十邑社団聯合総会)'):
        'MERGE: r4 found the official original naming this body: the Cabinet answer to a House of Councillors written question of 27 Dec 2024 (see merged/responses_new.csv, 2024-12-27 JP).',
}
hosts = collections.OrderedDict()
for rr in ['r1', 'r2', 'r3']:
    for r in rd(os.path.join(BASE, rr, 'hosts.csv')):
        r = {k: (v or '').strip() for k, v in r.items()}
        canon = HOST_CANON.get((r['station_id'], r['host_name']), r['host_name'])
        k = (r['station_id'], canon)
        h = hosts.setdefault(k, dict(station_id=r['station_id'], host_name=canon, host_name_zh='', host_kind='',
                                     _urls=[], _quotes=[], _notes=[], _names=[], _kinds=[]))
        if r['host_name_zh'] and not h['host_name_zh']:
            h['host_name_zh'] = r['host_name_zh']
        if r['host_name'] not in h['_names']:
            h['_names'].append(r['host_name'])
        if r['host_kind'] not in h['_kinds']:
            h['_kinds'].append(r['host_kind'])
        for u in split_urls(r['source_url']):
            if u not in h['_urls']:
                h['_urls'].append(u)
                h['_quotes'].append(r['quote'])
        if r['notes']:
            h['_notes'].append(r['notes'])
host_out = []
for k, h in hosts.items():
    notes = list(h['_notes'])
    if len(h['_names']) > 1:
        notes.append('MERGE: name variants in sources: ' + '; '.join(h['_names']))
    if len(h['_kinds']) > 1:
        notes.append('MERGE: host_kind given as ' + ' / '.join(h['_kinds']) + '; kept the first')
    if len(h['_urls']) > 1:
        notes.append('MERGE: quote column holds one quote per source, in source order, separated by " | "')
    if k in HOST_EXTRA_NOTES:
        notes.append(HOST_EXTRA_NOTES[k])
    row = dict(station_id=h['station_id'], host_name=h['host_name'], host_name_zh=h['host_name_zh'],
               host_kind=h['_kinds'][0], source_urls=SEP.join(h['_urls']), quote=SEP.join(h['_quotes']),
               notes=join_notes(notes))
    host_out.append(row)
for k in HOST_EXTRA_NOTES:
    if k not in hosts:
        problems.append(f'hosts: expected host {k} not found (HOST_EXTRA_NOTES)')
host_out.sort(key=lambda r: r['station_id'])
HOST_COLS = ['station_id', 'host_name', 'host_name_zh', 'host_kind', 'source_urls', 'quote', 'notes']
host_out = [redact_row('hosts.csv', r, HOST_COLS) for r in host_out]

# ---------------------------------------------------------------------------
# 4. station_sources
# ---------------------------------------------------------------------------
SS_COLS = ['station_id', 'url', 'supports', 'quote', 'notes']
ss_out = []
seen = collections.OrderedDict()
for rr in ['r1', 'r2', 'r3']:
    for r in rd(os.path.join(BASE, rr, 'station_sources.csv')):
        r = {k: (v or '').strip() for k, v in r.items()}
        k = (r['station_id'], r['url'], r['quote'])
        if k in seen:
            o = seen[k]
            sup = split_urls(o['supports']) + [s for s in split_urls(r['supports']) if s not in split_urls(o['supports'])]
            o['supports'] = SEP.join(sup)
            o['notes'] = join_notes([o['notes'], r['notes']])
            continue
        r['supports'] = SEP.join(split_urls(r['supports']))
        seen[k] = r
ss_out = sorted(seen.values(), key=lambda r: r['station_id'])
ss_out = [redact_row('station_sources.csv', r, SS_COLS) for r in ss_out]

# ---------------------------------------------------------------------------
# 5. responses_new, corrections (r4), copied with redactions
# ---------------------------------------------------------------------------
RN_COLS = ['date', 'country_iso2', 'actor', 'action', 'summary', 'source_urls', 'station_ids', 'quote', 'notes']
rn_out = [redact_row('responses_new.csv', {k: (v or '').strip() for k, v in r.items()}, RN_COLS)
          for r in rd(os.path.join(BASE, 'r4', 'responses_new.csv'))]
CO_COLS = ['file', 'row', 'field', 'current', 'correct', 'source_url', 'quote']
co_out = [redact_row('corrections.csv', {k: (v or '').strip() for k, v in r.items()}, CO_COLS)
          for r in rd(os.path.join(BASE, 'r4', 'corrections.csv'))]

wr('sources.csv', SRC_COLS, src_out)
wr('status_events.csv', SE_COLS, events)
wr('hosts.csv', HOST_COLS, host_out)
wr('station_sources.csv', SS_COLS, ss_out)
wr('responses_new.csv', RN_COLS, rn_out)
wr('corrections.csv', CO_COLS, co_out)

# ---------------------------------------------------------------------------
# generated report fragments (the .md files are written from these + hand text)
# ---------------------------------------------------------------------------
print(f'sources {len(src_out)} (added originals {len(added_originals)}), status_events {len(events)}, '
      f'hosts {len(host_out)}, station_sources {len(ss_out)}, responses_new {len(rn_out)}, corrections {len(co_out)}')
for p in problems:
    print('PROBLEM', p)

# ---------------------------------------------------------------------------
# reports: conflicts.md, status_vocabulary.md, redactions.md (hand text + generated lists)
# ---------------------------------------------------------------------------
def md_write(name, text):
    with open(os.path.join(HERE, name), 'w', encoding='utf-8') as fh:
        fh.write(text.rstrip() + '\n')


station_conflicts = """
## Station facts: conflicts kept as two (or more) rows

Each conflict below is carried in the merged CSVs as separate rows, each with its own source and a note.
Nothing was picked silently; where a row is a reader's *assignment* (not a source's), it says so.

| station(s) | what disagrees | rows / where |
|---|---|---|
| ST001 | Floor: "third floor" (NY Post via 24hbongdda copy; American Military News) vs "fourth floor" (National Review, Jan 2023) vs "an entire floor" / "a floor" (DOJ via PIX11, TAG24, AP copies). | station_sources (address) |
| ST001 | Jury verdict for the second defendant (lead 13): only an aggregator mention (vininews.com); **left out** by r1 and r4. DOJ/EDNY releases not in the store. | not in data |
| ST002–ST004 | Which GTA site is which: CP/Star "two in Markham, one in Scarborough"; CBC via Yahoo "commercial building + residence in Markham, convenience store in Scarborough"; Warden Ave only on an unattributed repost. r1's mapping ST002=Royal Crest Court, ST003=Markham residence, ST004=Scarborough store is a **suggestion**. ST002's host (CTFQBA) is an allegation; tying it to Royal Crest Court rests on the boostyourlike repost. | station_sources, hosts |
| ST007 / ST008 | Rio de Janeiro = Qingtian, São Paulo = Fuzhou (UOL, 5 Dec 2022) vs the Infobae copy (noticiasbo) implying Fuzhou for all six Latin American stations. | station_sources |
| ST011–ST019 | Bureau split Madrid F/F/Q, Barcelona F/F/Q, Valencia F/Q, Santiago Q is **unsourced**. City: 3 Barcelona (Newsweek, El Mundo, El Periódico) vs 2 Barcelona + 1 Manresa (Castilla-La Mancha Media; Revista Rambla, r1 and r3). Investigation: El Mundo 2022-10-29 and the government's written answer (under_investigation) vs ABC's unnamed sources "no official investigation" (undated; mapped to `no_evidence_found`, see status_vocabulary.md). | status_events, station_sources |
| ST011 | Host "Oficina de Chinatown Usera" attached to ST011 as a placeholder (bureau unknown; may be ST012). | hosts |
| ST020 / ST022 | Same day 2022-12-07, same minister: "under investigation / further checks" and "no case like Prato's found so far" in Rome and Florence (both kept). Il Foglio 2022-10-29: no investigation known (mapped to `no_evidence_found`). | status_events |
| ST023 / ST068 | **Which Prato station closed.** r1 ties the minister's 7 Dec 2022 answer (desk opened March 2022 by the Fujian cultural association, "non fornisca più questi servizi") to ST023 (Fuzhou, via degli Orti del Pero 2) through La Nazione's naming of the association; r3 records the same statement under ST068 (Wenzhou) with the caveat that no bureau is named. Both `closed_per_host_government` rows are kept; a person must decide (r1's reading has a source chain, r3's does not). | status_events |
| ST023 | Prato Questura check reported Sept 2022 (Stamp Toscana) vs Il Foglio 29 Oct 2022 "no inquiries known". | status_events |
| ST021 / ST067 | "Overseas chinese centre" (Milan association named by the minister) attached by r1 to ST021 (Qingtian) and by r3 to ST067 (Wenzhou); the minister names no bureau. Two host rows, each with a MERGE note. | hosts, status_events |
| ST026 / ST074 | Aubervilliers (lead 12): Libération (staging copy) ties it to Wenzhou (Ruian) → ST074, not ST026. | station_sources |
| ST074 | Two host names: "chambre de commerce sino-française de l'industrie de l'habillement" (Libération, quoting its president) vs premises of the "association franco-chinoise de commerce d'Aubervilliers (AFCC)" (Marianne, paywalled opening). r4 also saw a third name, "Amours et cœurs unis", in a deputy's 2024 question (nosdeputes Q17760) — not in hosts.csv. Both copies; no original read. | hosts |
| ST027–ST029 | Date the IL leader raised the stations in parliament: 29 Sep 2022 (DNotícias) vs 30 Sep (Diário de Notícias / Expresso relay). Ribeira Brava (ST029) not confirmed: every source says only "Madeira". | status_events |
| ST030 | Croydon address "High Street" (Inside Croydon) vs "North End" (BBC/LDRS) — adjacent streets. | station_sources |
| ST030–ST032 | Bureau (Fuzhou) is an inference from the list's name, not stated. | station_sources |
| ST033 / ST034 | Closure order: NRC "Tuesday" (1 Nov 2022) vs Het Parool "Monday 31 Oct orally, confirmed in writing Tuesday" (both kept). ST034: Amsterdam police found no location and no sign of a station since 2018 (Feb 2023, mapped to `no_evidence_found`) vs the national government's "stations now closed" (20 Dec 2022) and RTL/FTM's reporting. | status_events, responses_new |
| ST035 / ST036 | Closure "this week" (said on a Thursday) per dpa/AFP; the record's 2022-12-08 comes from a euronews URL nobody re-read. Which Prague station is in the restaurant near Karlovo náměstí is not said. | status_events, station_sources |
| ST037 / ST038 | Golgota utca = Qingtian (ST038) per Daily News Hungary; ST037 = Kőbánya only by elimination. Golgota premises now a church (HVG credits Die Presse; der Freitag has the same scene). | station_sources |
| ST039 | Closure already recorded in a written answer dated 25 Oct 2022 vs the DFA statement of 26 Oct used by the record; instruction itself undated. | status_events, responses_new |
| ST041 | Hesse statement: 29 Oct 2022 ("am Samstag", dpa/ZDF) vs the record's 28 Oct (Reuters copy). | status_events, corrections |
| ST052 / ST082 | Japan's second site: Fukuoka (FNN) vs Nagoya / location unknown (other reports). | station_sources |
| ST058 | "Vancouver" (SD, per Richmond News) vs the Richmond BC clubhouse the RCMP visited (Global News); the Wenzhou Friendship Society link is made by media, not by SD or the RCMP. | station_sources, hosts |
| ST059 | Richmond BC mall (Epoch Times, phone match) is a located *candidate*, not SD's location ("unknown"). | station_sources, hosts |
| ST072 / ST073 | Verona named only by Corriere del Veneto; not assigned. | station_sources |
| ST078 | Nantong–Dobroești protocol dated 2016 (report) vs talks in 2018 (realtimenews.ro, mayor). The hosts row "Poliția Locală Dobroești" is **not a host** (a protocol party); do not import it as a Hosting link. | status_events, hosts |
| ST079 | Australia Wenzhou Chamber's spokesperson said the contact point closed vs Wenzhou police "should still be open"; AFP "I don't believe it's active" (8 Nov 2022). | status_events |
| ST080 | Eastwood (Nantong contact list, Epoch Times Dec 2022) vs Rydalmere (Hai'an police via ABC, Aug 2023; cloud contact point, possibly another site). | station_sources |
| ST081 | Embassy: service centres "now closed" vs "a service centre in Auckland remained open" on 8 Dec 2022 (same Stuff article). | status_events |
| ST083 | Indictment of the owner and spouse on 2 Feb 2024 (NoCut, 27 Feb) vs fnnews 2 Feb "prosecutors are investigating"; police unit name differs between outlets (안보수사부 vs 산업기술안보수사대). None of the charges concerns running a station. | responses_new, status_events |
| ST084 | Belfast: the written statement calls it a "further allegation" (not an SD site); The Times says four sites "secretly set up". Record's `closed` should be `closed_per_chinese_embassy`. First public claim April 2023 (Foreign Affairs Committee chair), not 2023-06-06. | status_events, station_sources |
| ST085 / ST086 | $2.5M formal notice (1 Dec 2023) vs $4.9M suit filed 6 Mar 2024; some copies call the notice the suit. RCMP closure confirmed 26 Sep 2025, closure date itself undisclosed. | status_events, responses_new |
| ST006 | Rests only on copies (Newsweek repost, Infobae copy, Diálogo archive) plus SD's generic blog for the report date. | counts.md |

## Source judgements a person should make

- **RCMP release on newswire.ca** (`https://newswire.ca/news-releases/foreign-actor-interference-849363164.html`, and its French version): r1 and r4 both class it `official` (the RCMP's own text, "SOURCE Royal Canadian Mounted Police", issued through its distributor); lead 14 treats it as a copy. Kept `official`; the Yahoo Finance copy is a `repost` with `copy_of` pointing to it.
- **Scribd upload of the House members' letter of 7 Oct 2022**: `repost` (host is a document-sharing site; the letter is the original; no House address found). Empty `copy_of`, original described in notes.
- **Senator's website reprint of ABC** (senatorpaterson.com.au): both readers say `repost` of `https://amp.abc.net.au/article/101627970`.
- **Kind disagreements resolved to `repost`** (one reader identified the page as a wire copy / reprint): op-online.de (dpa), dnes24.sk (relays RTVS), tiranachronicle.com (Balkan Insight text). Listed below and in each row's notes.
- **Originals added with "original not read: known only from its copies"** (every `copy_of` must name a row): see the list below.
- **channelnewsasia.com guilty-plea page**: its address carries a defendant's name; marked RESTRICTED in notes (see redactions.md).
"""

auto = ['# Conflicts and disagreements (merged/)', '',
        'Generated by `merge.py` (source-field lists) plus hand-written tables from the four readers\' notes. '
        'Rerun `python3 merge.py` to regenerate.', '',
        '## Sources: readers disagree on a field for the same url', '',
        'Rule: keep the most specific value (longest publisher, most precise compatible date, `repost` over `news` when a '
        'reader identified a copy, a given `copy_of` over an empty one); the disagreement is also written into the row\'s '
        '`notes` as `MERGE: …`.', '']
auto += conflict_lines or ['- none']
auto += ['', '### A field empty for one reader and given by another (not a disagreement; value taken)', '']
auto += filled_lines or ['- none']
auto += ['', '### Titles given differently (kept the fuller non-placeholder title; not written into notes)', '']
auto += title_lines or ['- none']
auto += ['', '### Originals added as rows because a copy names them (`copy_of`) and nobody read them', '']
auto += [f'- `{u}`' for u in added_originals]
auto += ['', 'Also: `copy_of` filled from notes for ' + ', '.join(f'`{k}` → `{v}`' for k, v in FILL_COPY_OF.items()) + '.']
auto += [station_conflicts]
auto += ['', '## Status steps whose notes record a conflict (generated)', '']
for r in events:
    if re.search(r'conflict', r['notes'], re.I):
        auto.append(f'- {r["station_id"]} {r["date"] or "(undated)"} `{r["status"]}` — {r["claimant"]}: {r["notes"][:300]}')
md_write('conflicts.md', redact_text('\n'.join(auto), 'conflicts.md', 'text'))

# status vocabulary
sv = ['# Status vocabulary used in merged/status_events.csv', '',
      'Allowed: ' + ', '.join(f'`{s}`' for s in STATUSES) + '.', '',
      '## Words outside the vocabulary and how they were mapped', '',
      '| reader word | mapped to | rows | why |', '|---|---|---:|---|']
cnt = collections.Counter((o, n) for rr, s, d, o, n, why in status_map_log if o in STATUS_MAP)
for (o, n), c in cnt.items():
    sv.append(f'| `{o}` | `{n}` | {c} | {STATUS_MAP[o][1]} |')
sv += ['', '## In-vocabulary words re-mapped on single rows (the reader\'s own note asked for it, or the quote says so)', '',
       '| reader | station | date | from | to | why |', '|---|---|---|---|---|---|']
for rr, s, d, o, n, why in status_map_log:
    if o not in STATUS_MAP:
        sv.append(f'| {rr} | {s} | {d or "(undated)"} | `{o}` | `{n}` | {why} |')
sv += ['', 'Every mapped row carries `MERGE: status mapped from X to Y` in its notes.', '',
       '## Kept as the reader chose, but worth a look', '',
       '- ST082 2022-12-19 `under_investigation` (Japanese MFA presenting the NGO report and protesting through diplomatic '
       'channels): no vocabulary word for a diplomatic protest; r3 suggested `diplomatic_protest`.',
       '- ST083 2023-05-18 `under_investigation` (NIS tentative finding that the restaurant acted as a secret police station): '
       'r3 suggested `finding_reported`.',
       '- ST052 (undated) `investigation_closed` = non-prosecution (不起訴) of the subsidy-fraud referral, not a station case.',
       '- ST030/ST031 (undated) `investigation_closed` = Met Police "no further action"; ST081 (undated) `investigation_closed` '
       '= DPMC "this investigation has now concluded"; ST085/ST086 2025-09-26 `investigation_closed` = RCMP, no charges recommended.',
       '- ST024/ST025 `under_investigation` (undated): a general DGSI monitoring statement, not a station-specific inquiry.',
       '- ST032 `under_investigation` (undated): the First Minister\'s demand/assurance, not a confirmed police inquiry.',
       '- `no_evidence_found` now covers two different things: a host authority found nothing after checking (Hesse LKA, '
       'Italian minister, Amsterdam police, UK written statement, AFP), and — after mapping — claims that no formal '
       'investigation exists (ABC\'s sources for Spain; Il Foglio for Italy). If the importer should distinguish them, add '
       '`no_formal_investigation` to the vocabulary and revert the rows marked `MERGE: status mapped from no_formal_investigation`.',
       '', '## Count of statuses after mapping', '']
for s_, c in collections.Counter(r['status'] for r in events).most_common():
    sv.append(f'- `{s_}`: {c}')
md_write('status_vocabulary.md', redact_text('\n'.join(sv), 'status_vocabulary.md', 'text'))

# redactions.md
OFFICIALS_SEEN = ['Piantedosi', 'Mendicino', 'Lucki', 'Hoekstra', 'Tugendhat', 'Sturgeon', 'Wang Wenbin', 'Mao Ning',
                  'Cotrim Figueiredo', 'Carolina Tohá', 'Lipavský', 'Tompos Márton', 'Cătălin Teniță', 'Sánchez Amor',
                  'Gerhard Karner', 'Alexander Schallenberg', 'Burgess', 'ROBERTS', 'Wray', 'Charles Poirier',
                  'Johansson', 'Gattolin', 'Le Grip', 'De Priamo', 'Ondreja Dostála', 'Perrottet', 'Banks-Waltz-Gallagher',
                  'Murphy, Waltz, Gallagher, Banks', 'Blinken and Garland', '汪文斌', '神谷宗幣']
BYLINES = ['John Feng', 'Bang Xiao', 'Stephen Dziedzic', 'Christopher Nardi', 'Mike Brest', 'Anja Karadeglija',
           'Jonathan McCambridge', 'Friederike Heine', 'Simona Fantová', 'Matt Schrader', 'Katsuhiko Meshino', 'Jamil Chade']
outputs = {'sources.csv': src_out, 'status_events.csv': events, 'hosts.csv': host_out, 'station_sources.csv': ss_out,
           'responses_new.csv': rn_out, 'corrections.csv': co_out}
off_hits = collections.defaultdict(lambda: collections.Counter())
by_hits = collections.defaultdict(lambda: collections.Counter())
for fname, rows in outputs.items():
    for r in rows:
        for c, v in r.items():
            if c.startswith('_') or not v or c in ('url', 'source_urls', 'source_url', 'copy_of'):
                continue
            v = URL_RE.sub(' ', v)
            for o in OFFICIALS_SEEN:
                if o in v:
                    off_hits[o][f'{fname}:{c}'] += 1
            for b in BYLINES:
                if b in v:
                    by_hits[b][f'{fname}:{c}'] += 1
name_urls = []
for u in merged_sources:
    if re.search(r'piantedosi|mendicino|lucki|hoekstra|tugendhat|offord|hilary-benn|tompos|paterson|'
                 r'malcolmroberts|de-priamo|sanchez-amor|catalin-tenita|lipavsky|perrottet|murphy-waltz|Banks-Waltz|jamil-chade', u, re.I):
        name_urls.append(u)
rd_lines = ['# Redactions and names (merged/)', '',
            'Rule applied: private individuals (defendants, owners, association members, NGO staff named as actors, '
            'businessmen) are cut as `[…]` wherever they appear in text columns; officials are tolerated **only in verbatim '
            'columns** (`quote`, and `title`, which is the page\'s own headline) and are replaced by their office elsewhere. '
            'The cut names are not written here (nor in any script): `private_names.sha256` holds their hashes, and '
            '`check.py` fails if one reappears.', '',
            '## What merge.py cut or replaced (this run)', '',
            '| file | column | what | kind | count |', '|---|---|---|---|---:|']
for k, n in sorted(redaction_log.items()):
    fname, col, who, kind = k
    if fname.endswith('.md'):
        continue
    rd_lines.append(f'| {fname} | {col} | {who} | {kind} | {n} |')
rd_lines += ['',
             'Private cuts made by merge.py: the name of a Safeguard Defenders staff member speaking at the EP ING2 '
             'exchange of 8 Dec 2022 (corrections.csv quote, EP agenda: "Ms […], representing the non-profit organisation '
             'Safeguard Defenders").', '',
             '## Cuts already made by the readers (kept as they are)', '',
             '- ST001 charges and guilty-plea quotes: the two defendants\' names elided as `[…]` (r1).',
             '- ST010, ST013 quotes: private persons elided (r1). ST010: the private citizen in whose office the Viña del Mar '
             'centre sat, and his chamber, are not recorded.',
             '- ST083 quotes: the restaurant owner elided (`...`, `[実所有者の]`, "A 씨"); owner\'s surname elided in two '
             'responses_new quotes (r3, r4).',
             '- ST032 and ST044 status_events quotes: the First Minister and a Green MP elided by r2 (`First Minister […]`, '
             '`Grünen-Abgeordneten […]`) — officials, who could have stayed.',
             '- ST058 status_events quote: the Public Safety Minister\'s name replaced by `[The Public Safety Minister]` (r2).',
             '- Not recorded at all by the readers: Croydon business owner, Hendon occupant, Stockholm hotel owner, Budapest '
             '"liaison officer", Wenzhou Friendship Society director, NZ businessman, Aubervilliers chamber president, '
             'Montreal centres\' executive director (a Brossard city councillor, recorded by office), Quito travel agency\'s '
             'legal representative, Israeli "workstation" person, Japanese and Korean defendants.', '',
             '## Officials named in verbatim columns (tolerated; show the office in the product)', '',
             '| name as written | where (file:column × rows) |', '|---|---|']
for o, c in sorted(off_hits.items()):
    rd_lines.append(f'| {o} | ' + ', '.join(f'{w} ×{n}' for w, n in sorted(c.items())) + ' |')
rd_lines += ['', 'Offices: Piantedosi = Italian Interior Minister; Mendicino = Canadian Public Safety Minister; Lucki = RCMP '
             'Commissioner; Hoekstra = Dutch Foreign Minister; Tugendhat = UK Security Minister; Sturgeon = Scottish First '
             'Minister; Wang Wenbin, Mao Ning (汪文斌) = PRC MFA spokespersons; Cotrim Figueiredo = Iniciativa Liberal leader '
             '(MP); Tohá = Chilean Interior Minister; Lipavský = Czech Foreign Minister; Tompos Márton = Hungarian MP; '
             'Teniță = Romanian deputy; Sánchez Amor = MEP; Karner / Schallenberg = Austrian Interior / Foreign Ministers; '
             'Burgess = ASIO Director-General; ROBERTS = Australian senator; Wray = FBI Director; Poirier = RCMP spokesperson; '
             'Johansson = EU Home Affairs Commissioner; Gattolin = French senator; Le Grip = French deputy; De Priamo = Italian '
             'senator; Dostál = Slovak MP; Perrottet = NSW Premier (unrelated headline on a copy); Banks, Waltz, Gallagher, '
             'Murphy = US Representatives; Blinken, Garland = US Secretary of State, Attorney General (in a title); '
             '神谷宗幣 = Japanese House of Councillors member (in a title).', '',
             '## Officials replaced by their office outside quotes (this run)', '',
             'See the table above (kind `official`): RCMP spokesperson in two status_events notes; US Secretary of State / '
             'Attorney General / Defense Secretary in sources and responses_new notes; Australian senators and a German MEP in '
             'sources `publisher` (their websites).', '',
             '## Authors (bylines) kept in notes — decide', '',
             'Journalists and analysts named as authors of a cited page are not private individuals of the story; their '
             'bylines help find the original. They are kept, but listed here in case the product should not show them:', '']
for b, c in sorted(by_hits.items()):
    rd_lines.append(f'- {b}: ' + ', '.join(f'{w} ×{n}' for w, n in sorted(c.items())))
rd_lines += ['', '## Source addresses that carry a name (left as addresses; urls are never edited)', '',
             '- **Private (defendant)**: `https://www.channelnewsasia.com/world/united-states-new-york-[a defendant\'s name]-secret-police-station-china-4815601…` — '
             'RESTRICTED in its sources.csv notes; it is cited only in r4/response_sources.csv (guilty plea, 2024-12-18). Cite '
             'Newsday / West Side Spirit / ABC News for that step, or keep the source restricted.',
             '- Officials or authors (tolerated): ' + ', '.join(f'`{u[:90]}…`' if len(u) > 90 else f'`{u}`' for u in name_urls
                                                  if '4815601' not in u)]
md_write('redactions.md', '\n'.join(rd_lines))
