"""HTML to story text, and the boilerplate that sites glue into the story cut off.

Markers come from the gazetteer (Term kind "boilerplate", editable in the admin):
a "tail" marker on a line of its own ends the story («إقرأ أيضاً», "Related
Articles": what follows are other stories); a "line" marker opens a line that
is page furniture (a source line, a tag list, a share prompt) and only that
line goes.
"""

from __future__ import annotations

import datetime as dt
import re

from .gazetteer import Gazetteer
from .types import CleanDocument, RawArticle

# Short lines at the top of a page before the story starts: menus, tickers, weather, "Latest News".
MENU_LINE = re.compile(r"^\s*(?:[•|·▪►»]|\d+\s*°|(?:[^/\n]+/){2,})")


def clean(raw: RawArticle, known: Gazetteer | None = None) -> CleanDocument:
    title, published, canonical = raw.title, raw.published, ""
    warnings: list[str] = []
    if raw.html and not raw.text:
        body, meta_title, meta_date, canonical = main_text(raw.html)
        title = title or meta_title
        published = published or meta_date
        if not body:
            warnings.append("no story text found in the HTML page")
    else:
        body = raw.text
    body = remove_boilerplate(strip_controls(body), known)
    return CleanDocument(
        body=body.strip(), title=title, published=published, canonical_url=canonical, warnings=warnings
    )


# Zero-width and bidirectional controls: invisible, and they split names and cues for the matchers.
CONTROLS = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")


def strip_controls(text: str) -> str:
    return CONTROLS.sub("", text)


def main_text(html: str) -> tuple[str, str, dt.date | None, str]:
    """Story text, title, publication date and canonical URL of a page (trafilatura).

    Dates only from the page's metadata, never an extensive search: that search takes a
    footer's "© 2025" for the publication date.
    """
    import trafilatura

    document = trafilatura.bare_extraction(
        html,
        include_comments=False,
        with_metadata=True,
        date_extraction_params={"extensive_search": False},
    )
    if document is None:
        return "", "", None, ""
    published = None
    if document.date:
        try:
            published = dt.date.fromisoformat(str(document.date)[:10])
        except ValueError:
            published = None
    return document.text or "", document.title or "", published, document.url or ""


def remove_boilerplate(text: str, known: Gazetteer | None = None) -> str:
    tail, line = markers(known)
    text = cut_tail(text, tail)
    kept: list[str] = []
    for row in text.splitlines():
        stripped = row.strip()
        if line and line.match(stripped):
            continue
        if kept and stripped and stripped == kept[-1].strip():
            continue  # a headline repeated by the page template
        kept.append(row)
    return drop_page_header("\n".join(kept))


def cut_tail(text: str, pattern: re.Pattern[str] | None) -> str:
    match = pattern.search(text) if pattern else None
    return text[: match.start()] if match else text


def drop_page_header(text: str) -> str:
    """Menu and ticker lines before the first line that reads like prose (six words or more)."""
    rows = text.splitlines()
    for index, row in enumerate(rows):
        words = row.split()
        if len(words) >= 6 and not MENU_LINE.match(row):
            header = rows[:index]
            kept = [r for r in header if r.strip() and not is_furniture(r)]
            return "\n".join([*kept, *rows[index:]]) if len(kept) < len([r for r in header if r.strip()]) else text
    return text


def is_furniture(row: str) -> bool:
    words = row.split()
    has_digit = any(ch.isdigit() for ch in row)
    return bool(MENU_LINE.match(row)) or (len(words) <= 3 and not has_digit)


_compiled: dict[int, tuple[Gazetteer | None, tuple[re.Pattern[str] | None, re.Pattern[str] | None]]] = {}


def markers(known: Gazetteer | None) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    if known is None:
        from . import gazetteer

        known = gazetteer.current()
    hit = _compiled.get(id(known))
    if hit and hit[0] is known:
        return hit[1]
    terms = known.terms_of("boilerplate")
    tails = sorted({t.text for t in terms if t.canonical == "tail"}, key=len, reverse=True)
    lines = sorted({t.text for t in terms if t.canonical != "tail"}, key=len, reverse=True)
    # On a line of its own, or opening a line with a colon or dash ("Read also: <another story>").
    tail = (
        re.compile(
            r"^\s*(?:" + "|".join(map(re.escape, tails)) + r")\s*(?:[:：\-–—].*)?$", re.MULTILINE | re.IGNORECASE
        )
        if tails
        else None
    )
    line = re.compile(r"^(?:" + "|".join(map(re.escape, lines)) + r")", re.IGNORECASE) if lines else None
    _compiled.clear()
    _compiled[id(known)] = (known, (tail, line))
    return tail, line
