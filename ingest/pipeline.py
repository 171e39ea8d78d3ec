"""The stages in order. `extract_article` writes nothing; `ingest_article` stores the result.

The `extract` and `ingest` commands and the Celery tasks all call these two functions.
"""

from __future__ import annotations

from meetings.models import Article

from . import clean, gazetteer, language, store
from .extract import classify, dates, meeting
from .extract.context import Context
from .extract.lexicon import lexicon_for
from .gazetteer import Gazetteer
from .types import Extraction, RawArticle


def extract_article(raw: RawArticle, known: Gazetteer | None = None) -> Extraction:
    known = known or gazetteer.current()
    document = clean.clean(raw, known)
    lang = language.detect_language(document.body, hint=raw.language)
    published, month_only = dates.publication_date(document.body, raw.url, document.published or raw.published)
    warnings = [*raw.warnings, *document.warnings]
    if not document.body.strip():
        warnings.append("no article text found")
    context = Context(document.body, lang, lexicon_for(known))
    is_meeting = bool(document.body.strip()) and classify.meeting_reported(context, raw.url)
    meetings = [meeting.meeting_in(context, published, month_only=month_only)] if is_meeting else []
    return Extraction(
        path=raw.path,
        language=lang,
        title=document.title or raw.title,
        published=None if month_only else published,
        body=document.body,
        is_meeting=is_meeting,
        meetings=meetings,
        warnings=warnings,
        url=raw.url,
        canonical_url=document.canonical_url or raw.url,
        source=raw.source,
    )


def ingest_article(raw: RawArticle, known: Gazetteer | None = None) -> tuple[Article, bool]:
    """Extract and store; returns the article and whether it was new."""
    existing = store.find_duplicate(raw)
    if existing is not None:
        return existing, False
    extraction = extract_article(raw, known)
    return store.store_extraction(raw, extraction)
