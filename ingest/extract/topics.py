"""Topics of the taxonomy, from the signal words curators maintain, read in the meeting's part of the story."""

from __future__ import annotations

from ingest.gazetteer import Gazetteer
from ingest.types import Span

from .context import Context
from .lexicon import lexicon_for


def find_topics(body: str, language: str, gazetteer: Gazetteer) -> tuple[list[str], dict[str, list[Span]]]:
    return topics_in(Context(body, language, lexicon_for(gazetteer)))


def topics_in(context: Context) -> tuple[list[str], dict[str, list[Span]]]:
    # What was said in the meeting counts: read quotations too (context.text blanks them).
    text = context.folded.text[: context.meeting_end]
    found: dict[str, list[Span]] = {}
    for topic in context.lexicon.gazetteer.topics:
        signals = topic.signals_ar if context.language == "ar" else topic.signals_en
        # A signal written "-phrase" blocks the topic where that phrase is ("-human smuggling" for smuggling).
        pattern = context.lexicon.signal_pattern(tuple(s for s in signals if not s.startswith("-")), context.language)
        if pattern is None:
            continue
        blocker = context.lexicon.signal_pattern(tuple(s[1:] for s in signals if s.startswith("-")), context.language)
        blocked = [(m.start(), m.end()) for m in blocker.finditer(text)] if blocker else []
        spans = [
            context.folded.span(m.start("phrase"), m.end("phrase"))
            for m in pattern.finditer(text)
            if not any(start < m.end() and m.start() < end for start, end in blocked)
        ]
        if spans:
            found[topic.slug] = spans
    return list(found), {f"topic:{slug}": spans for slug, spans in found.items()}
