"""The values that flow through the pipeline: plain dataclasses, no database."""
from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass
class RawArticle:
    """An article as a reader or fetcher found it, before cleaning."""

    path: str = ""
    url: str = ""
    title: str = ""
    published: dt.date | None = None
    source: str = ""
    language: str = ""
    text: str = ""
    html: str = ""
    # The input as received (decoded), stored for provenance.
    raw: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class CleanDocument:
    """The story text the extractors read; offsets in evidence refer to `body`."""

    body: str
    title: str = ""
    published: dt.date | None = None
    canonical_url: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class Participant:
    name: str
    name_latin: str = ""
    title: str | None = None
    position: str | None = None
    organization: str | None = None
    role: str = "participant"  # "chair" or "participant"
    evidence: Span = (0, 0)
    # The position in the article's own words (Arabic pages show it); not part of the extract contract.
    position_as_written: str | None = None


@dataclass
class MeetingFacts:
    date: str | None = None
    date_precision: str = "unknown"
    city: str | None = None
    region: str | None = None
    focus_regions: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    # field name -> spans in the body that support it ("date", "city", "topic:smuggling", ...)
    evidence: dict[str, list[Span]] = field(default_factory=dict)


@dataclass
class Extraction:
    path: str
    language: str
    title: str
    published: dt.date | None
    body: str
    is_meeting: bool
    meetings: list[MeetingFacts] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    url: str = ""
    canonical_url: str = ""
    source: str = ""

    def to_contract(self) -> dict[str, Any]:
        """The JSON object of `manage.py extract`, per the extraction contract."""
        return {
            "path": self.path,
            "url": self.url or None,
            "language": self.language,
            "title": self.title or None,
            "published": self.published.isoformat() if self.published else None,
            "body": self.body,
            "is_meeting": self.is_meeting,
            "meetings": [
                {**asdict(m), "participants": [contract_participant(p) for p in m.participants],
                 "evidence": {k: [list(s) for s in v] for k, v in m.evidence.items()}}
                for m in self.meetings
            ],
            "warnings": self.warnings,
        }


def contract_participant(participant: Participant) -> dict[str, Any]:
    fields = asdict(participant)
    fields.pop("position_as_written")
    return {**fields, "evidence": list(participant.evidence)}


class ArticleError(Exception):
    """An article that cannot be read or processed: the message is shown to the user."""
