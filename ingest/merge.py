"""A new report to the Meeting it describes, if one is stored: cross-source, cross-language merge.

Two reports are one meeting when nothing rules it out (a different venue city, a
different chair, dates more than a day apart) and enough agrees: shared
participants, the chair, topics, venue, date. The reasons and the score are kept
in the meeting's merge log so that a curator can judge and split.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q

from meetings.models import City, DatePrecision, Meeting, Participation, Person

from .types import MeetingFacts

MERGE_THRESHOLD = 0.6


@dataclass
class MergeDecision:
    meeting: Meeting
    score: float
    matched: dict[str, object] = field(default_factory=dict)


def find_same_meeting(facts: MeetingFacts, people: list[Person], chair: Person | None = None) -> MergeDecision | None:
    """The stored meeting this report describes, with why; None when it is a new meeting."""
    if not people:
        return None
    start, end = date_window(facts)
    candidates = Meeting.objects.visible().filter(participations__person__in=people).distinct()
    if start is not None:
        candidates = candidates.filter(Q(date__range=(start, end)) | Q(date__isnull=True))
    best: MergeDecision | None = None
    for meeting in candidates.select_related("city").prefetch_related("topics", "participations")[:50]:
        decision = judge(facts, people, chair, meeting)
        if decision and (best is None or decision.score > best.score):
            best = decision
    return best


def date_window(facts: MeetingFacts) -> tuple[dt.date | None, dt.date | None]:
    """Days the same meeting may be dated on by another outlet."""
    if not facts.date:
        return None, None
    parts = [int(p) for p in facts.date.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day - dt.timedelta(days=1), day + dt.timedelta(days=1)
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first - dt.timedelta(days=1), following
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


def dates_compatible(facts: MeetingFacts, meeting: Meeting) -> bool:
    if not facts.date or not meeting.date:
        return True
    start, end = date_window(facts)
    if meeting.date_precision == DatePrecision.DAY:
        return start <= meeting.date <= end
    if meeting.date_precision == DatePrecision.MONTH:
        return start <= meeting.date + dt.timedelta(days=27) and meeting.date <= end
    return start.year <= meeting.date.year <= end.year


def judge(facts: MeetingFacts, people: list[Person], chair: Person | None, meeting: Meeting) -> MergeDecision | None:
    if not dates_compatible(facts, meeting):
        return None
    if facts.city and meeting.city and facts.city != meeting.city.name_en:
        return None  # the same minister in two cities on one day: two meetings
    participations = list(meeting.participations.all())
    theirs = {p.person_id for p in participations}
    their_chair = next((p.person_id for p in participations if p.role == Participation.Role.CHAIR), None)
    if chair and their_chair and chair.pk != their_chair:
        return None
    mine = {p.pk for p in people}
    shared = mine & theirs
    people_overlap = len(shared) / max(len(mine), len(theirs))
    topics_mine, topics_theirs = set(facts.topics), {t.slug for t in meeting.topics.all()}
    topic_overlap = (
        len(topics_mine & topics_theirs) / len(topics_mine | topics_theirs) if topics_mine | topics_theirs else 0.0
    )
    same_chair = bool(chair and their_chair == chair.pk)
    same_city = bool(facts.city and meeting.city and facts.city == meeting.city.name_en)
    both_dated = bool(facts.date and meeting.date)
    # A conference and a bilateral meeting share the minister, not the room: most people must agree.
    if people_overlap < 0.34 and not (same_chair and topic_overlap >= 0.5):
        return None
    if not both_dated and len(shared) < 2:
        return None  # undated reports merge only on several shared people
    score = (
        0.3 * same_chair
        + 0.3 * people_overlap
        + 0.2 * topic_overlap
        + 0.1 * same_city
        + 0.1 * both_dated
        + (0.2 if len(shared) >= 2 else 0.0)
    )
    if score < MERGE_THRESHOLD:
        return None
    matched = {
        "shared_people": sorted(shared),
        "people_overlap": round(people_overlap, 2),
        "topic_overlap": round(topic_overlap, 2),
        "same_chair": same_chair,
        "same_city": same_city,
        "dates": [facts.date, meeting.date_display() if meeting.date else None],
    }
    return MergeDecision(meeting, round(score, 2), matched)


def disagreements(facts: MeetingFacts, meeting: Meeting) -> dict[str, list[object]]:
    """Fields where the new report says something else than the meeting: shown, not dropped."""
    found: dict[str, list[object]] = {}
    if facts.date and meeting.date and facts.date != meeting.date_display():
        found["date"] = [meeting.date_display(), facts.date]
    if facts.city and not meeting.city:
        found["city"] = [None, facts.city]
    return found


def fold_in(meeting: Meeting, facts: MeetingFacts) -> None:
    """What the new source adds: a finer date, a venue, focus regions and topics (unless locked)."""
    from .store import date_of

    changed: list[str] = []
    finer = {DatePrecision.UNKNOWN: 0, DatePrecision.YEAR: 1, DatePrecision.MONTH: 2, DatePrecision.DAY: 3}
    if facts.date and not meeting.is_locked("date") and finer[facts.date_precision] > finer[meeting.date_precision]:
        meeting.date, meeting.date_precision = date_of(facts), facts.date_precision
        changed += ["date", "date_precision"]
    if facts.city and not meeting.city_id and not meeting.is_locked("city"):
        meeting.city = City.objects.filter(name_en=facts.city).first()
        changed.append("city")
    if changed:
        meeting.save(update_fields=[*changed, "updated_at"])
    if not meeting.is_locked("topics"):
        meeting.topics.add(*meeting.topics.model.objects.filter(slug__in=facts.topics))
    if not meeting.is_locked("focus_regions"):
        meeting.focus_regions.add(*meeting.focus_regions.model.objects.filter(slug__in=facts.focus_regions))
