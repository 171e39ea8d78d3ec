"""Topics of the taxonomy, from the signal words curators maintain, read in the meeting's part of the story."""
from __future__ import annotations

from ingest.gazetteer import Gazetteer
from ingest.types import Span

from .context import Context
from .lexicon import lexicon_for
from .text import phrase_pattern


def find_topics(body: str, language: str, gazetteer: Gazetteer) -> tuple[list[str], dict[str, list[Span]]]:
    return topics_in(Context(body, language, lexicon_for(gazetteer)))


def topics_in(context: Context) -> tuple[list[str], dict[str, list[Span]]]:
    text = context.text[: context.meeting_end]
    found: dict[str, list[Span]] = {}
    for topic in context.lexicon.gazetteer.topics:
        signals = topic.signals_ar if context.language == "ar" else topic.signals_en
        pattern = _pattern(signals, context.language)
        if pattern is None:
            continue
        spans = [context.folded.span(m.start("phrase"), m.end("phrase")) for m in pattern.finditer(text)]
        if spans:
            found[topic.slug] = spans
    return list(found), {f"topic:{slug}": spans for slug, spans in found.items()}


_patterns: dict[tuple[tuple[str, ...], str], object] = {}


def _pattern(signals: tuple[str, ...], language: str):  # type: ignore[no-untyped-def]
    key = (signals, language)
    if key not in _patterns:
        _patterns[key] = phrase_pattern(signals, arabic_prefixes=language == "ar") if signals else None
    return _patterns[key]
