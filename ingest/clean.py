"""HTML to story text, and the boilerplate that sites glue into the story cut off.

Markers come from the gazetteer (Term kind "boilerplate", editable in the admin):
a "tail" marker on a line of its own ends the story («إقرأ أيضاً», "Related
Articles": what follows are other stories); a "line" marker opens a line that
is page furniture (a source line, a tag list, a share prompt) and only that
line goes.
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .types import CleanDocument, RawArticle

# Short lines at the top of a page before the story starts: menus, tickers, weather, "Latest News".
MENU_LINE = re.compile(r"^\s*(?:[•|·▪►»]|\d+\s*°|(?:[^/\n]+/){2,})")


def clean(raw: RawArticle, known: Gazetteer | None = None) -> CleanDocument:
    if raw.html and not raw.text:
        import trafilatura

        body = trafilatura.extract(raw.html, include_comments=False) or ""
    else:
        body = raw.text
    body = remove_boilerplate(body, known)
    return CleanDocument(body=body.strip(), title=raw.title, published=raw.published)


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
    tail = (
        re.compile(r"^\s*(?:" + "|".join(map(re.escape, tails)) + r")\s*[:：]?\s*$", re.MULTILINE | re.IGNORECASE)
        if tails
        else None
    )
    line = re.compile(r"^(?:" + "|".join(map(re.escape, lines)) + r")", re.IGNORECASE) if lines else None
    _compiled.clear()
    _compiled[id(known)] = (known, (tail, line))
    return tail, line
