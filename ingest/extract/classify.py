"""Does the article report a meeting? Seizures, clashes, arrests, statements and decrees do not."""
from __future__ import annotations

from ingest.gazetteer import Gazetteer


def reports_meeting(body: str, language: str, gazetteer: Gazetteer) -> bool:
    return False
