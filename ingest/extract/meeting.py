"""One meeting's facts from one article's body: each extractor, then assembly."""

from __future__ import annotations

import datetime as dt

from ingest.gazetteer import Gazetteer
from ingest.types import MeetingFacts

from . import dates, people, places, topics
from .context import Context
from .lexicon import lexicon_for
from .names import latin_name


def extract_meeting(body: str, language: str, published: dt.date | None, gazetteer: Gazetteer) -> MeetingFacts:
    return meeting_in(Context(body, language, lexicon_for(gazetteer)), published)


def meeting_in(context: Context, published: dt.date | None, *, month_only: bool = False) -> MeetingFacts:
    meeting_text = context.folded.text[: context.meeting_end]
    when = dates.meeting_date(
        context.body, context.language, published, meeting_text=meeting_text, month_only=month_only
    )
    venue = places.venue_in(context)
    focus, focus_evidence = places.focus_in(context, venue)
    found_topics, topic_evidence = topics.topics_in(context)
    participants = people.participants_in(context)
    for participant in participants:
        participant.name_latin = latin_name(participant.name, context.lexicon.gazetteer)
    evidence = {"date": when.evidence, "city": venue.evidence, **focus_evidence, **topic_evidence}
    for number, participant in enumerate(participants):
        evidence[f"participant:{number}"] = [participant.evidence]
    return MeetingFacts(
        date=when.date,
        date_precision=when.precision,
        city=venue.city,
        region=venue.region,
        focus_regions=focus,
        participants=participants,
        topics=found_topics,
        evidence={k: v for k, v in evidence.items() if v},
    )
