"""Extract speed on one core: ~3 KB text articles and HTML pages built at run time from the dev set.

    .venv/bin/python bench/bench_extract.py      (or: make bench)
Targets: >= 100 articles/s for text, >= 30/s for HTML. The dev-set text is read, never stored.
"""

from __future__ import annotations

import html
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django  # noqa: E402

django.setup()

from ingest.gazetteer import from_files  # noqa: E402
from ingest.pipeline import extract_article  # noqa: E402
from ingest.readers import read_file  # noqa: E402
from ingest.types import RawArticle  # noqa: E402

SHARED = Path(os.environ.get("LSM_SHARED_DIR") or Path(__file__).resolve().parent.parent.parent / "shared")


def articles() -> list[RawArticle]:
    raws = [r for p in sorted((SHARED / "dev-set").glob("dev??.json")) for r in read_file(p)]
    # Pad each to ~3 KB with its own paragraphs, as long agency stories are.
    out = []
    for raw in raws:
        text = raw.text
        while len(text) < 3000:
            text += "\n" + raw.text
        out.append(RawArticle(path=raw.path, text=text[:3200], raw=text, language=raw.language))
    return out


def pages(texts: list[RawArticle]) -> list[RawArticle]:
    out = []
    for raw in texts:
        body = "".join(f"<p>{html.escape(line)}</p>" for line in raw.text.splitlines() if line.strip())
        page = (
            f"<html><head><meta charset='utf-8'><title>t</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article>{body}</article><footer>© 2025</footer><script>var a=1;</script></body></html>"
        )
        out.append(RawArticle(path=raw.path, html=page, raw=page))
    return out


def rate(items: list[RawArticle], rounds: int) -> float:
    known = from_files()
    extract_article(items[0], known)
    start = time.perf_counter()
    for _ in range(rounds):
        for item in items:
            extract_article(item, known)
    return rounds * len(items) / (time.perf_counter() - start)


if __name__ == "__main__":
    texts = articles()
    print(f"text ~3 KB: {rate(texts, 5):.0f} articles/s (target >= 100)")
    print(f"HTML pages: {rate(pages(texts), 3):.0f} articles/s (target >= 30)")
