"""Mixed load against one `lookout serve` (issue 19's soak): public pages, search in both scripts,
the API and yente's paths on two threads; report submissions with a picture attached on a third.
Every answer is checked: a page or API answer must be 200; a submission must get a receipt or a
clear refusal (the form shown again with what was wrong, such as the site being busy with
reports); a refusal of the (valid) picture is an error. Resident memory of the server is sampled every 5 s.

    python3 scripts/soak.py BASE_URL SERVER_PID SECONDS OUT.json
    python3 scripts/soak.py --check BASE_URL OUT.json     (every receipt still opens its thread)

Writes a summary (requests, errors with examples, receipts, memory samples) to OUT.json and
prints it. Standard library only.
"""

import json
import random
import re
import struct
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib



def png(width, height):
    """A grey PNG: the server re-encodes attachments, so it must be a real image."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\x00" + bytes([128, 128, 128]) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


PHOTO = png(64, 48)

GETS = [
    "/", "/stations", "/stations/ST039", "/stations/ST033?lang=zh", "/countries/IE", "/figures",
    "/responses", "/bureaus/publicbody-fuzhou-psb", "/search?q=%E7%A6%8F%E5%B7%9E", "/search?q=Rotterdam",
    "/search?q=%E9%B9%BF%E7%89%B9%E4%B8%B9&lang=zh", "/api/v1/stations", "/api/v1/stations/ST039",
    "/api/v1/figures", "/api/v1/search?q=Qingtian", "/api/v1/search?q=%E9%9D%92%E7%94%B0",
    "/entities/publicbody-fuzhou-psb?nested=true", "/changes.atom", "/data", "/api/openapi.json",
]


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = 0
        self.errors = []
        self.receipts = []
        self.refusals = {}

    def ok(self):
        with self.lock:
            self.requests += 1

    def error(self, what):
        with self.lock:
            self.requests += 1
            if len(self.errors) < 20:
                self.errors.append(what)
            else:
                self.errors.append("…")
                self.errors = self.errors[:21]


def fetch(base, path, data=None, headers=None):
    request = urllib.request.Request(base + path, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", "replace")


def reader(base, until, tally):
    while time.time() < until:
        path = random.choice(GETS)
        try:
            status, _ = fetch(base, path)
            tally.ok() if status == 200 else tally.error(f"GET {path}: {status}")
        except Exception as e:  # noqa: BLE001 - any failure is an error of the run
            tally.error(f"GET {path}: {e}")


def report_form(page):
    form = page.split('<form class="report-form"', 1)[1].split("</form>", 1)[0]
    action = re.search(r'action="([^"]*)"', form).group(1).replace("&amp;", "&")
    hidden = re.findall(r'<input type="hidden" name="([^"]*)" value="([^"]*)"', form)
    return action, hidden


def multipart(fields, photo):
    boundary = "----lookout-soak-%d" % random.randrange(1 << 30)
    body = b""
    for name, value in fields:
        body += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
    body += (f'--{boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="photo.png"\r\n'
             "Content-Type: image/png\r\n\r\n").encode() + photo + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", body


def reporter(base, until, tally, pause):
    n = 0
    while time.time() < until:
        n += 1
        try:
            status, page = fetch(base, "/report")
            if status != 200 or 'class="report-form"' not in page:
                tally.error(f"GET /report: {status}")
                time.sleep(pause)
                continue
            action, hidden = report_form(page)
            fields = hidden + [("category", "approach"), ("country", "NL"), ("city", "Rotterdam"),
                               ("month", "2026-10"), ("details", f"soak report {n}: someone asked me to go back")]
            kind, body = multipart(fields, PHOTO)
            status, page = fetch(base, action, body, {"Content-Type": kind})
            code = re.search(r'id="receipt-code">([^<]*)<', page)
            problem = re.search(r'<div class="problem" role="alert">(.*?)</div>', page, re.S)
            why = re.sub(r"<[^>]+>|\s+", " ", problem.group(1)).strip() if problem else ""
            if status == 200 and code:
                with tally.lock:
                    tally.requests += 1
                    tally.receipts.append(code.group(1))
            elif "attachment" in why:
                # The picture is valid: refusing it is a fault, however clearly it is worded.
                tally.error(f"POST report: a valid picture refused: {why}")
            elif (status == 200 or 400 <= status < 500) and why:
                with tally.lock:
                    tally.requests += 1
                    tally.refusals[why] = tally.refusals.get(why, 0) + 1
            else:
                tally.error(f"POST report: {status} without a receipt or a refusal that says why")
        except Exception as e:  # noqa: BLE001
            tally.error(f"POST report: {e}")
        time.sleep(pause)


def rss_mib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def check_receipts(base, path):
    """Opens the thread of every receipt in the summary at `path`, as a reporter coming back does;
    prints how many open and exits non-zero if any does not."""
    with open(path) as f:
        receipts = json.load(f)["receipts"]
    missing = []
    for code in receipts:
        status, page = fetch(base, "/report/follow-up")
        action, hidden = report_form(page)
        body = urllib.parse.urlencode(hidden + [("code", code)]).encode()
        status, page = fetch(base, action, body, {"Content-Type": "application/x-www-form-urlencoded"})
        if status != 200 or 'id="status"' not in page:
            missing.append(code)
    print(json.dumps({"receipts": len(receipts), "missing": len(missing)}))
    sys.exit(1 if missing else 0)


def main():
    if sys.argv[1] == "--check":
        check_receipts(sys.argv[2], sys.argv[3])
        return
    base, pid, seconds, out = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
    until = time.time() + seconds
    tally = Tally()
    threads = [threading.Thread(target=reader, args=(base, until, tally)) for _ in range(2)]
    threads.append(threading.Thread(target=reporter, args=(base, until, tally, 1.0)))
    for t in threads:
        t.start()
    samples = []
    start = time.time()
    while any(t.is_alive() for t in threads):
        samples.append((round(time.time() - start, 1), rss_mib(pid)))
        time.sleep(5)
    summary = {
        "seconds": seconds, "requests": tally.requests, "errors": tally.errors, "receipts": tally.receipts,
        "refusals": tally.refusals, "rss_mib": samples,
    }
    with open(out, "w") as f:
        json.dump(summary, f)
    print(json.dumps({k: v for k, v in summary.items() if k not in ("receipts", "rss_mib")}))


if __name__ == "__main__":
    main()
