"""Reads for the dashboard, one place per question."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial

from django.db import connection
from django.db.models import BooleanField, Count, F, Max, Min, Prefetch, Q, QuerySet, Sum, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber, TruncDay, TruncMonth, TruncWeek
from django.db.models.lookups import IsNull

from .activity import counted_meetings
from .models import (
    Article,
    City,
    Meeting,
    Participation,
    Person,
    Position,
    Region,
    RegionActivity,
    RegionMonth,
    RegionTotal,
    Topic,
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
            position.title,
            position.start,
            position.end,
            curated=True,
            start=position.start,
            end=position.end,
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


def record_span() -> tuple[dt.date | None, dt.date | None]:
    """First and last dates of the meetings region summaries count: visible, with a venue. Summary
    periods ("the last 90 days") are calendar windows ending at the latest of them whatever the
    filters: the same window for every filter keeps their figures comparable, and MIN/MAX over a
    filtered set would test the filter on every meeting (170 ms for half of 300,000)."""
    found = counted_meetings().aggregate(first=Min("date"), last=Max("date"))
    return found["first"], found["last"]


@dataclass
class DayCounts:
    """Meetings per day of the filtered set, from one grouped query: the chart, its range and the total."""

    days: dict[dt.date, int]
    undated: int

    @property
    def total(self) -> int:
        return sum(self.days.values()) + self.undated

    @property
    def first(self) -> dt.date | None:
        return min(self.days) if self.days else None

    @property
    def last(self) -> dt.date | None:
        return max(self.days) if self.days else None


def day_counts(meetings: QuerySet[Meeting]) -> DayCounts:
    days, undated = {}, 0
    for day, n in meetings.order_by().values_list("date").annotate(n=Count("*")).order_by():
        if day is None:
            undated = n
        else:
            days[day] = n
    return DayCounts(days, undated)


def bucket_start(day: dt.date, bucket: str) -> dt.date:
    if bucket == "day":
        return day
    if bucket == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1)


def timeline_counts(meetings: QuerySet[Meeting] | DayCounts, bucket: str) -> list[tuple[dt.date, int]]:
    """Dated meetings per day, week or month, every bucket of the range present (empty ones as 0)."""
    counts = meetings if isinstance(meetings, DayCounts) else day_counts(meetings)
    found: dict[dt.date, int] = {}
    for day, n in counts.days.items():
        start = bucket_start(day, bucket)
        found[start] = found.get(start, 0) + n
    if not found:
        return []
    periods, at, last = [], min(found), max(found)
    while at <= last and len(periods) < 2000:
        periods.append(at)
        at = next_period(at, bucket)
    return [(period, found.get(period, 0)) for period in periods]


def next_period(day: dt.date, bucket: str) -> dt.date:
    if bucket == "day":
        return day + dt.timedelta(days=1)
    if bucket == "week":
        return day + dt.timedelta(days=7)
    return (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def newest_first(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Latest dated meetings first; undated ones after them, newest record first."""
    return meetings.order_by(F("date").desc(nulls_last=True), "-id")


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
    all_venues: dict[int, int] = field(default_factory=dict)  # city id -> meetings, for the map

    @property
    def change(self) -> int:
        return self.count - self.previous


def previous_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    length = end - start
    return start - length - dt.timedelta(days=1), start - dt.timedelta(days=1)


def period_of(last: dt.date | None, start: dt.date | None, end: dt.date | None) -> tuple[dt.date, dt.date]:
    """The period a summary covers: the filter's dates, else the 90 days up to the latest meeting."""
    if not end:
        end = last or dt.date.today()
    if not start:
        start = end - dt.timedelta(days=89)
    return start, end


def top_per_region(rows: QuerySet, keys: list[str], top: int) -> dict[str, dict[int, list[tuple[int, int]]]]:
    """Grouped (region, key..., n) rows cut to the busiest `top` per region and key by the database.
    With several keys each row carries one of them (a person row or a topic row): one statement
    ranks them all, so a filter in `rows` is tested once."""
    kinds = [IsNull(F(key), True) for key in keys] if len(keys) > 1 else []
    ranked = rows.annotate(
        rank=Window(RowNumber(), partition_by=[F("region"), *kinds], order_by=[F("n").desc(), *map(F, keys)])
    )
    out: dict[str, dict[int, list[tuple[int, int]]]] = {key: {} for key in keys}
    for row in ranked.filter(rank__lte=top).order_by():
        key = next(key for key in keys if row[key] is not None)
        out[key].setdefault(row["region"], []).append((row[key], row["n"]))
    for by_region in out.values():
        for picked in by_region.values():
            picked.sort(key=lambda pair: (-pair[1], pair[0]))
    return out


MAX_LISTED_IDS = 20000  # well under SQLite's limit of 32,766 parameters to a statement


def of_meetings(ids: list[int], meetings: QuerySet[Meeting]) -> Q | RawSQL:
    """RegionActivity rows of these meetings, by the ids already read rather than by testing the
    filter again. PostgreSQL takes the ids as one array parameter (an IN list of 3,600 ids cost
    15 ms more, in quoting each one); SQLite takes a plain list up to its parameter limit, past
    which the meetings' own query stands in."""
    if connection.vendor == "postgresql":
        column = f"{connection.ops.quote_name(RegionActivity._meta.db_table)}.{connection.ops.quote_name('meeting_id')}"
        return RawSQL(f"{column} = ANY(%s)", [ids], output_field=BooleanField())
    return Q(meeting__in=ids if len(ids) <= MAX_LISTED_IDS else meetings.values("pk"))


def totals_by_region(kind: str, region_ids: list[int]) -> dict[int, dict[int, int]]:
    """Venue or topic rows of the whole record per region and key, from RegionTotal."""
    found: dict[int, dict[int, int]] = {}
    totals = RegionTotal.objects.filter(region__in=region_ids, n__gt=0, **{f"{kind}__isnull": False})
    for region_id, key, n in totals.values_list("region", kind, "n"):
        found.setdefault(region_id, {})[key] = n
    return found


def latest_per_region(meetings: QuerySet[Meeting], region_ids: list[int], top: int) -> list[int]:
    """Each region's latest meetings, walking the newest-first index from the period's end."""
    return [
        pk
        for region_id in region_ids
        for pk in newest_first(meetings.filter(city__region=region_id)).values_list("pk", flat=True)[:top]
    ]


def busiest(counts: dict[int, int], top: int) -> list[tuple[int, int]]:
    """The `top` keys by count, ties by id."""
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:top]


def whole_months(start: dt.date, end: dt.date) -> tuple[tuple[dt.date, dt.date] | None, list[tuple[dt.date, dt.date]]]:
    """The calendar months lying wholly within [start, end] (as their first days, first and last)
    and the days of the period outside them."""
    first = start if start.day == 1 else next_period(start, "month")
    last_day = end if (end + dt.timedelta(days=1)).day == 1 else end.replace(day=1) - dt.timedelta(days=1)
    if first > last_day:
        return None, [(start, end)]
    edges = [(start, first - dt.timedelta(days=1)), (last_day + dt.timedelta(days=1), end)]
    return (first, last_day.replace(day=1)), [(a, b) for a, b in edges if a <= b]


def rows_by_month(kind: str, start: dt.date, end: dt.date, region_ids: list[int]) -> dict[int, dict[int, int]]:
    """Venue or topic rows of the period per region and key: whole months from RegionMonth, the
    days either side from RegionActivity (a year reads ~1,000 monthly rows and two partial months
    instead of 60,000 rows)."""
    months, edges = whole_months(start, end)
    found: dict[int, dict[int, int]] = {}
    grouped = []
    if months:
        by_month = RegionMonth.objects.filter(region__in=region_ids, month__range=months, **{f"{kind}__isnull": False})
        grouped.append(by_month.order_by().values_list("region", kind).annotate(n=Sum("n")))
    if edges:
        days = Q()
        for a, b in edges:
            days |= Q(date__range=(a, b))
        by_day = RegionActivity.objects.filter(days, region__in=region_ids, **{f"{kind}__isnull": False})
        grouped.append(by_day.order_by().values_list("region", kind).annotate(n=Count("*")))
    for rows in grouped:
        for region_id, key, n in rows:
            by_key = found.setdefault(region_id, {})
            by_key[key] = by_key.get(key, 0) + n
    return {region_id: {key: n for key, n in by_key.items() if n} for region_id, by_key in found.items()}


def busiest_in_period(rows: QuerySet[RegionActivity], key: str, region_ids: list[int], top: int) -> dict:
    """Each region's `top` people or topics by rows in the period: one statement a region, each
    one index range hashed and cut by a top-N sort (a window over every region's groups sorted
    them all: 65 ms for a year of 300,000 meetings, against 30 ms for the four of these)."""
    return {
        region_id: list(
            rows.filter(region=region_id, **{f"{key}__isnull": False})
            .values_list(key)
            .annotate(n=Count("*"))
            .order_by("-n", key)[:top]
        )
        for region_id in region_ids
    }


def region_summaries(
    meetings: QuerySet[Meeting],
    previous_meetings: QuerySet[Meeting],
    start: dt.date,
    end: dt.date,
    regions: list[Region],
    top: int = 5,
    whole_record: bool = False,
    record: tuple[dt.date | None, dt.date | None] = (None, None),
    rows_filtered_by: dict | None = None,
) -> list[RegionSummary]:
    """Every region's summary for the period in a fixed handful of grouped queries.

    People and topics are counted from RegionActivity (one index range) rather than by joining the
    period's meetings to their participations and topics. whole_record says `meetings` are all
    visible meetings (no filter but the dates), so nothing needs to test a filter per meeting:
    venues, topics and the period before come from RegionMonth and the partial months' rows, or,
    when the period spans the whole `record` (its first and last counted dates), from RegionTotal.
    rows_filtered_by gives the filters as conditions on RegionActivity rows when they all can be
    (a source language, a review status, a venue region): people and topics are then ranked by index range as with
    no filter, not from the rows of each meeting the filter keeps."""
    region_ids = [r.pk for r in regions]
    here = meetings.filter(date__range=(start, end), city__region_id__in=region_ids).order_by()
    first, last = record
    all_time = whole_record and first is not None and start <= first and last is not None and end >= last
    venue_counts: dict[int, dict[int, int]] = {}  # region -> city -> meetings, for the map too
    if whole_record:
        # Venues and topics per region and key, for the whole record or for the period; the
        # period before is a period like any other.
        counts = (
            partial(totals_by_region, region_ids=region_ids)
            if all_time
            else partial(rows_by_month, start=start, end=end, region_ids=region_ids)
        )
        before = rows_by_month("city", *previous_period(start, end), region_ids)
        previous = {region_id: sum(by_city.values()) for region_id, by_city in before.items()}
        venue_counts = counts("city")
        topics = {region_id: busiest(by_topic, top) for region_id, by_topic in counts("topic").items()}
        if all_time:
            people = {
                region_id: list(
                    RegionTotal.objects.filter(region=region_id, person__isnull=False, n__gt=0)
                    .order_by("-n", "person")
                    .values_list("person", "n")[:top]
                )
                for region_id in region_ids
            }
        else:
            counted = RegionActivity.objects.filter(date__range=(start, end))
            people = busiest_in_period(counted, "person", region_ids, top)
        newest = latest_per_region(here, region_ids, top)
    else:
        previous = dict(
            previous_meetings.filter(date__range=previous_period(start, end), city__isnull=False)
            .values_list("city__region_id")
            .annotate(n=Count("*"))
            .order_by()
        )
        if rows_filtered_by is not None:
            # The filters are columns of the meetings' index and of RegionActivity's rows: grouped
            # in SQL.
            for region_id, city_id, n in here.values_list("city__region_id", "city_id").annotate(n=Count("*")):
                venue_counts.setdefault(region_id, {})[city_id] = n
            counted = RegionActivity.objects.filter(date__range=(start, end), **rows_filtered_by)
            people = busiest_in_period(counted, "person", region_ids, top)
            topics = busiest_in_period(counted, "topic", region_ids, top)
            newest = latest_per_region(here, region_ids, top)
        else:
            # A filter costs a test per meeting: test it once, on one read of the period's
            # meetings, and take the counts, venues and latest meetings from that list (sorted
            # newest first here: the same ORDER BY in SQL measured ~8 ms slower under a
            # source-language filter).
            period = sorted(here.values_list("date", "pk", "city__region_id", "city_id"), reverse=True)
            newest_by_region: dict[int, list[int]] = {}
            for _day, pk, region_id, city_id in period:
                by_city = venue_counts.setdefault(region_id, {})
                by_city[city_id] = by_city.get(city_id, 0) + 1
                picked = newest_by_region.setdefault(region_id, [])
                if len(picked) < top:
                    picked.append(pk)
            newest = [pk for pks in newest_by_region.values() for pk in pks]
            # People and topics of those meetings, ranked in one statement (read from the
            # meeting-led index alone: the ids are already the period's and the regions').
            counted = RegionActivity.objects.filter(of_meetings([pk for _day, pk, _region, _city in period], here))
            ranked = top_per_region(
                counted.filter(city__isnull=True).values("region", "person", "topic").annotate(n=Count("*")),
                ["person", "topic"],
                top,
            )
            people, topics = ranked["person"], ranked["topic"]
    venues = {region_id: busiest(by_city, top) for region_id, by_city in venue_counts.items()}
    topic_by_id = Topic.objects.in_bulk({i for rows in topics.values() for i, _ in rows})
    person_by_id = Person.objects.in_bulk({i for rows in people.values() for i, _ in rows})
    city_by_id = City.objects.in_bulk({i for rows in venues.values() for i, _ in rows})
    latest: dict[int, list[Meeting]] = {}
    for meeting in with_listing_data(newest_first(Meeting.objects.filter(pk__in=newest))):
        latest.setdefault(meeting.city.region_id, []).append(meeting)
    return [
        RegionSummary(
            region=region,
            all_venues=venue_counts.get(region.pk, {}),
            count=sum(venue_counts.get(region.pk, {}).values()),
            previous=previous.get(region.pk, 0),
            topics=[(topic_by_id[i], n) for i, n in topics.get(region.pk, [])],
            people=[(person_by_id[i], n) for i, n in people.get(region.pk, [])],
            venues=[(city_by_id[i], n) for i, n in venues.get(region.pk, [])],
            latest=latest.get(region.pk, []),
        )
        for region in regions
    ]


def region_counts(meetings: QuerySet[Meeting]) -> list[tuple[Region, int]]:
    """Venue regions of the meetings, busiest first."""
    rows = dict(meetings.filter(city__isnull=False).order_by().values_list("city__region_id").annotate(n=Count("*")))
    regions = Region.objects.in_bulk(rows)
    return sorted(((regions[pk], n) for pk, n in rows.items()), key=lambda pair: -pair[1])


def people_met_most(person: Person, top: int = 10) -> list[tuple[Person, int]]:
    met = (
        Person.objects.filter(
            participations__meeting__participations__person=person, participations__meeting__merged_into__isnull=True
        )
        .exclude(pk=person.pk)
        .annotate(n=Count("participations__meeting", distinct=True))
        .order_by("-n", "name_latin")[:top]
    )
    return [(p, p.n) for p in met]


def topics_of(meetings: QuerySet[Meeting], top: int = 10) -> list[tuple[Topic, int]]:
    rows = Topic.objects.filter(meetings__in=meetings.values("pk")).annotate(n=Count("meetings")).order_by("-n")[:top]
    return [(t, t.n) for t in rows]


def people_of(meetings: QuerySet[Meeting], top: int = 10) -> list[tuple[Person, int]]:
    rows = (
        Person.objects.filter(participations__meeting__in=meetings.values("pk"))
        .annotate(n=Count("participations"))
        .order_by("-n", "name_latin")[:top]
    )
    return [(p, p.n) for p in rows]


def directory() -> list[tuple[Person, str, bool, int]]:
    """Ministers first, then officials: each person with the latest position reported and meetings count."""
    people = (
        Person.objects.filter(merged_into__isnull=True)
        .annotate(n=Count("participations", distinct=True), last=Max("participations__meeting__date"))
        .filter(n__gt=0)
        .order_by("-n", "name_latin")
    )
    latest = {}
    for person_id, position in (
        Participation.objects.exclude(position="")
        .order_by("person_id", "meeting__date")
        .values_list("person_id", "position")
    ):
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
