#!/usr/bin/env python3
"""Prints each document of the corpus to PDF the way a reader saves a page: headless Chromium's
"print to PDF" of the text laid out as paragraphs (A5 pages, so most documents wrap over two or
more pages), with the browser's own header (date, title) and footer (address, page number) on
every page. The PDFs are committed (pdf/NAME.pdf); the labels are the text documents' and the
scorer reads the PDFs with `--pdf`.

    python3 research/issue17/corpus/make_pdfs.py [--chromium /usr/bin/chromium] [--again]

Only documents without a PDF are printed, unless --again (a PDF's header holds the time it was
printed, so printing again changes every file).

Each document's page is written under /tmp/lookout-issue17/ (its address is what the footer
shows), and Chromium runs with JavaScript off, no network, and a fixed window.
"""
import argparse
import html
import pathlib
import shutil
import subprocess
import sys

CORPUS = pathlib.Path(__file__).resolve().parent
PAGES = pathlib.Path("/tmp/lookout-issue17")

STYLE = """@page { size: A5; margin: 14mm 12mm; }
body { font-family: 'Liberation Serif', 'DejaVu Serif', 'WenQuanYi Zen Hei', serif; font-size: 11pt; line-height: 1.4; }
p { margin: 0 0 0.6em 0; }"""


def page(text, title, lang):
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{STYLE}</style></head><body>\n{paragraphs}\n</body></html>\n")


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args.add_argument("--again", action="store_true", help="print the documents that have a PDF too")
    a = args.parse_args()
    # Without a Chinese font Chromium prints Chinese text as empty boxes: the PDF then holds no
    # text to read (session 30 printed six such PDFs before CI installed the font).
    fonts = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True).stdout
    if not fonts.strip():
        sys.exit("make_pdfs.py: no Chinese font is installed (apt-get install -y fonts-wqy-zenhei); "
                 "Chinese documents would print as empty boxes")
    PAGES.mkdir(parents=True, exist_ok=True)
    for txt in sorted(CORPUS.glob("*.txt")):
        lang = "zh" if txt.name.startswith("zh-") else "en"
        source = PAGES / f"{txt.stem}.html"
        source.write_text(page(txt.read_text(encoding="utf-8"), txt.stem, lang), encoding="utf-8")
        out = CORPUS / "pdf" / f"{txt.stem}.pdf"
        if out.exists() and not a.again:
            continue
        subprocess.run([a.chromium, "--headless", "--disable-gpu", "--no-sandbox", "--disable-javascript",
                        "--no-first-run", "--disable-background-networking", f"--print-to-pdf={out}",
                        source.as_uri()], check=True, capture_output=True)
        print(out.relative_to(CORPUS), out.stat().st_size)


if __name__ == "__main__":
    main()
