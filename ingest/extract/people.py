"""Participants: name without rank, rank/title, position, organization, chair or participant."""
from __future__ import annotations

from ingest.gazetteer import Gazetteer
from ingest.types import Participant


def find_participants(body: str, language: str, gazetteer: Gazetteer) -> list[Participant]:
    return []
