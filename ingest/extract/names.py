"""The Latin spelling of a participant's name: a curated one where known, else a transliteration."""

from __future__ import annotations

from ingest.gazetteer import Gazetteer
from ingest.normalize import name_key
from ingest.transliterate import arabic_to_latin

from .text import has_arabic


def latin_name(name: str, gazetteer: Gazetteer) -> str:
    if not has_arabic(name):
        return name
    key = name_key(name)
    for alias in gazetteer.aliases:
        if name_key(alias.name) == key and alias.name_latin:
            return alias.name_latin
    return arabic_to_latin(name)
