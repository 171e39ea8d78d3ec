"""Reads for the dashboard, one place per question."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Max, Min, Prefetch, QuerySet
from django.db.models.functions import TruncDay, TruncMonth, TruncWeek

from .models import Article, City, Meeting, Participation, Person, Position, Region, Topic


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


# --- The dashboard's reads. Each returns a fixed number of queries whatever the data size. ---

BUCKETS = {"day": TruncDay, "week": TruncWeek, "month": TruncMonth}


def with_listing_data(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """What a timeline entry shows: venue, people, topics, sources, in a fixed number of queries."""
    return meetings.select_related("city__region").prefetch_related(
        "topics",
        Prefetch("participations", queryset=Participation.objects.select_related("person").order_by("-role", "id")),
        Prefetch("articles", queryset=Article.objects.only("id", "language", "outlet", "url", "title")),
    )


def bucket_for(start: dt.date | None, end: dt.date | None) -> str:
    """Day buckets for two months or less, weeks up to a year and a half, months beyond."""
    if not start or not end:
        return "month"
    days = (end - start).days
    return "day" if days <= 62 else "week" if days <= 550 else "month"


def date_range(meetings: QuerySet[Meeting]) -> tuple[dt.date | None, dt.date | None]:
    found = meetings.order_by().aggregate(first=Min("date"), last=Max("date"))
    return found["first"], found["last"]


def timeline_counts(meetings: QuerySet[Meeting], bucket: str) -> list[tuple[dt.date, int]]:
    rows = (
        Meeting.objects.filter(pk__in=meetings.values("pk"), date__isnull=False)
        .annotate(period=BUCKETS[bucket]("date"))
        .values("period").annotate(n=Count("id")).order_by("period")
    )
    return [(row["period"] if isinstance(row["period"], dt.date) else row["period"].date(), row["n"]) for row in rows]


def grouped_by_date(meetings: list[Meeting]) -> list[tuple[str, list[Meeting]]]:
    groups: dict[str, list[Meeting]] = {}
    for meeting in meetings:
        groups.setdefault(meeting.date_display(), []).append(meeting)
    return list(groups.items())


@dataclass
class RegionSummary:
    region: Region
    count: int
    previous: int
    topics: list[tuple[Topic, int]]
    people: list[tuple[Person, int]]
    venues: list[tuple[City, int]]
    latest: list[Meeting]

    @property
    def change(self) -> int:
        return self.count - self.previous


def previous_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    length = end - start
    return start - length - dt.timedelta(days=1), start - dt.timedelta(days=1)


def period_of(meetings: QuerySet[Meeting], start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
    """The period a summary covers: the filter's dates, else everything on file."""
    if not (start and end):
        first, last = date_range(meetings)
        end = end or last or dt.date.today()
        start = start or first or end - dt.timedelta(days=89)
    return start, end


def region_summary(region: Region, meetings: QuerySet[Meeting], start: dt.date, end: dt.date,
                   previous_meetings: QuerySet[Meeting], top: int = 5) -> RegionSummary:
    here = meetings.filter(city__region=region, date__range=(start, end))
    before_start, before_end = previous_period(start, end)
    ids = here.values("pk")
    topics = (Topic.objects.filter(meetings__in=ids).annotate(n=Count("meetings")).order_by("-n", "slug")[:top])
    people = (Person.objects.filter(participations__meeting__in=ids).annotate(n=Count("participations"))
              .order_by("-n", "name_latin")[:top])
    venues = City.objects.filter(meetings__in=ids).annotate(n=Count("meetings")).order_by("-n", "name_en")[:top]
    return RegionSummary(
        region=region,
        count=here.order_by().count(),
        previous=previous_meetings.filter(city__region=region, date__range=(before_start, before_end)).order_by().count(),
        topics=[(t, t.n) for t in topics],
        people=[(p, p.n) for p in people],
        venues=[(c, c.n) for c in venues],
        latest=list(with_listing_data(Meeting.objects.filter(pk__in=ids).order_by("-date", "-id"))[:top]),
    )


def region_counts(meetings: QuerySet[Meeting]) -> dict[str, int]:
    rows = Meeting.objects.filter(pk__in=meetings.values("pk")).values("city__region__slug").annotate(n=Count("id"))
    return {row["city__region__slug"]: row["n"] for row in rows if row["city__region__slug"]}


def person_meetings(person: Person) -> QuerySet[Meeting]:
    return with_listing_data(Meeting.objects.visible().filter(participations__person=person).distinct())


def people_met_most(person: Person, top: int = 10) -> list[tuple[Person, int]]:
    met = (Person.objects.filter(participations__meeting__participations__person=person,
                                 participations__meeting__merged_into__isnull=True)
           .exclude(pk=person.pk).annotate(n=Count("participations__meeting", distinct=True))
           .order_by("-n", "name_latin")[:top])
    return [(p, p.n) for p in met]


def topics_of(meetings: QuerySet[Meeting], top: int = 10) -> list[tuple[Topic, int]]:
    rows = Topic.objects.filter(meetings__in=meetings.values("pk")).annotate(n=Count("meetings")).order_by("-n")[:top]
    return [(t, t.n) for t in rows]


def people_of(meetings: QuerySet[Meeting], top: int = 10) -> list[tuple[Person, int]]:
    rows = (Person.objects.filter(participations__meeting__in=meetings.values("pk"))
            .annotate(n=Count("participations")).order_by("-n", "name_latin")[:top])
    return [(p, p.n) for p in rows]


def directory() -> list[tuple[Person, str, bool, int]]:
    """Ministers first, then officials: each person with the latest position reported and meetings count."""
    people = (Person.objects.filter(merged_into__isnull=True)
              .annotate(n=Count("participations", distinct=True), last=Max("participations__meeting__date"))
              .filter(n__gt=0).order_by("-n", "name_latin"))
    latest = {}
    for person_id, position in (Participation.objects.exclude(position="")
                                .order_by("person_id", "meeting__date").values_list("person_id", "position")):
        latest[person_id] = position
    rows = [(p, latest.get(p.pk, ""), "minister" in latest.get(p.pk, "").lower(), p.n) for p in people]
    return sorted(rows, key=lambda r: (not r[2], -r[3]))


@dataclass
class SourceText:
    article: Article
    segments: list[tuple[str, str, str]]  # (text, field kind or "", field name) in reading order


def highlighted_sources(meeting: Meeting) -> list[SourceText]:
    """Each source's text cut at the evidence spans, so a page can mark what supports each field."""
    out = []
    for article in meeting.articles.all():
        spans: list[tuple[int, int, str]] = []
        for item in (article.extraction or {}).get("meetings") or []:
            for name, found in (item.get("evidence") or {}).items():
                spans += [(s, e, name) for s, e in found]
            for person in item.get("participants") or []:
                start, end = (person.get("evidence") or [0, 0])[:2]
                if end > start:
                    spans.append((start, end, "participant"))
        out.append(SourceText(article, cut(article.body, spans)))
    return out


def cut(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str, str]]:
    segments, at = [], 0
    for start, end, name in sorted(spans):
        if start < at or end > len(text):
            continue  # overlapping evidence: the first span wins
        if start > at:
            segments.append((text[at:start], "", ""))
        segments.append((text[start:end], name.split(":")[0], name))
        at = end
    if at < len(text):
        segments.append((text[at:], "", ""))
    return segments


def current_person(person: Person) -> Person:
    """Follow curators' merges to the surviving record."""
    while person.merged_into_id:
        person = person.merged_into
    return person


def venue_counts(meetings: QuerySet[Meeting]) -> list[tuple[City, int]]:
    """Cities with coordinates that hosted the meetings, busiest first."""
    rows = (City.objects.filter(meetings__in=meetings.values("pk"), latitude__isnull=False, longitude__isnull=False)
            .annotate(n=Count("meetings")).order_by("-n", "name_en"))
    return [(c, c.n) for c in rows]
