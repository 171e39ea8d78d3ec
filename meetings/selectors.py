"""Reads for the dashboard, one place per question."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import QuerySet

from .models import Meeting, Participation, Person, Position


def latest_meetings(*, limit: int = 50) -> QuerySet[Meeting]:
    return (
        Meeting.objects.visible()
        .select_related("city__region")
        .prefetch_related("topics", "participations__person", "articles")[:limit]
    )


@dataclass
class PositionSpan:
    """A post as the record shows it: curated dates where a curator gave them, else first and last seen."""

    title: str
    first_seen: dt.date | None = None
    last_seen: dt.date | None = None
    meeting_ids: list[int] = field(default_factory=list)
    curated: bool = False
    start: dt.date | None = None
    end: dt.date | None = None


def positions_over_time(person: Person) -> list[PositionSpan]:
    """Positions reported in the person's meetings, grouped by title; curated positions take precedence."""
    spans: dict[str, PositionSpan] = {}
    for position in Position.objects.filter(person=person, curated=True):
        spans[position.title.casefold()] = PositionSpan(
            position.title, position.start, position.end, curated=True, start=position.start, end=position.end,
        )
    reported = (
        Participation.objects.filter(person=person, meeting__merged_into__isnull=True)
        .exclude(position="")
        .values_list("position", "meeting_id", "meeting__date")
        .order_by("meeting__date")
    )
    for title, meeting_id, date in reported:
        span = spans.setdefault(title.strip().casefold(), PositionSpan(title.strip()))
        span.meeting_ids.append(meeting_id)
        if date and not span.curated:
            span.first_seen = min(filter(None, [span.first_seen, date]))
            span.last_seen = max(filter(None, [span.last_seen, date]))
    return sorted(spans.values(), key=lambda s: (not s.curated, -(s.last_seen or dt.date.min).toordinal()))
