"""Topics of the taxonomy, from the signal words curators maintain."""
from __future__ import annotations

from ingest.gazetteer import Gazetteer
from ingest.types import Span


def find_topics(body: str, language: str, gazetteer: Gazetteer) -> tuple[list[str], dict[str, list[Span]]]:
    return [], {}
