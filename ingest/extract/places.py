"""Venue city and region, and the regions a meeting was about."""
from __future__ import annotations

from dataclasses import dataclass, field

from ingest.gazetteer import Gazetteer
from ingest.types import Span


@dataclass
class Venue:
    city: str | None = None
    region: str | None = None
    evidence: list[Span] = field(default_factory=list)


def find_venue(body: str, language: str, gazetteer: Gazetteer) -> Venue:
    return Venue()


def find_focus_regions(body: str, language: str, gazetteer: Gazetteer, venue: Venue) -> tuple[list[str], dict[str, list[Span]]]:
    return [], {}
