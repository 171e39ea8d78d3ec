"""HTML to story text, and the boilerplate that sites glue into the story cut off."""
from __future__ import annotations

import re

from .types import CleanDocument, RawArticle

# Markers after which a page carries other stories or page furniture, not the article.
TAIL_MARKERS = [
    "إقرأ أيضاً", "إقرأ أيضا", "اقرأ أيضاً", "اقرأ أيضا", "مقالات مشابهة", "شارك هذا الموضوع",
    "اكتشاف المزيد", "Read also", "Read more", "Related Articles", "Related articles", "RELATED POSTS",
]
TAIL_PATTERN = re.compile(r"^\s*(?:" + "|".join(map(re.escape, TAIL_MARKERS)) + r")\s*:?\s*$", re.MULTILINE)


def clean(raw: RawArticle) -> CleanDocument:
    if raw.html and not raw.text:
        import trafilatura

        body = trafilatura.extract(raw.html, include_comments=False) or ""
    else:
        body = raw.text
    body = cut_tail(body)
    return CleanDocument(body=body.strip(), title=raw.title, published=raw.published)


def cut_tail(text: str) -> str:
    match = TAIL_PATTERN.search(text)
    return text[: match.start()] if match else text
