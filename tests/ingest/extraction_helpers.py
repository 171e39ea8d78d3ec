"""Run the extraction pipeline on a short article written for a test (no database needed)."""

from __future__ import annotations

import datetime as dt

from ingest.gazetteer import from_files
from ingest.pipeline import extract_article
from ingest.types import Extraction, MeetingFacts, RawArticle

KNOWN = from_files()


def extract_text(text: str, *, language: str = "", published: dt.date | None = None, url: str = "") -> Extraction:
    raw = RawArticle(path="test.txt", text=text, raw=text, language=language, published=published, url=url)
    return extract_article(raw, KNOWN)


def meeting_of(text: str, **kwargs: object) -> MeetingFacts:
    extraction = extract_text(text, **kwargs)  # type: ignore[arg-type]
    assert extraction.is_meeting, "expected a meeting"
    return extraction.meetings[0]


def names(meeting: MeetingFacts) -> list[str]:
    return [p.name for p in meeting.participants]


def chair(meeting: MeetingFacts) -> str | None:
    return next((p.name for p in meeting.participants if p.role == "chair"), None)
