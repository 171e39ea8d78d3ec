"""One meeting's facts from one article's body: each extractor, then assembly."""
from __future__ import annotations

import datetime as dt

from ingest.gazetteer import Gazetteer
from ingest.types import MeetingFacts

from . import dates, people, places, topics


def extract_meeting(body: str, language: str, published: dt.date | None, gazetteer: Gazetteer) -> MeetingFacts:
    when = dates.meeting_date(body, language, published)
    venue = places.find_venue(body, language, gazetteer)
    focus, focus_evidence = places.find_focus_regions(body, language, gazetteer, venue)
    found_topics, topic_evidence = topics.find_topics(body, language, gazetteer)
    participants = people.find_participants(body, language, gazetteer)
    evidence = {"date": when.evidence, "city": venue.evidence, **focus_evidence, **topic_evidence}
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
