"""Views are glue: read the request, ask the filter set and the selectors, render."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from . import exports, maps, selectors
from .filters import MeetingFilter, as_activity_conditions, cleaned, filtered
from .models import City, Meeting, Organization, Person, Region, Topic

PAGE_SIZE = 30
BUCKET_LABELS = {"day": _("day"), "week": _("week"), "month": _("month")}


class CountedPaginator(Paginator):
    """A paginator told its count, which the chart's query already gave: one COUNT(*) fewer."""

    def __init__(self, items, per_page: int, count: int) -> None:
        super().__init__(items, per_page)
        self._known = count

    @property
    def count(self) -> int:
        return self._known


def timeline(request: HttpRequest) -> HttpResponse:
    meeting_filter = filtered(request.GET)
    meetings = meeting_filter.qs
    counts = selectors.day_counts(meetings)
    start = cleaned(meeting_filter).get("date_from") or counts.first
    end = cleaned(meeting_filter).get("date_to") or counts.last
    bucket = (
        request.GET.get("bucket")
        if request.GET.get("bucket") in selectors.BUCKETS
        else selectors.bucket_for(start, end)
    )
    listing = selectors.with_listing_data(selectors.newest_first(meetings))
    page = CountedPaginator(listing, PAGE_SIZE, counts.total).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/timeline.html",
        {
            "filter": meeting_filter,
            "chart": chart(selectors.timeline_counts(counts, bucket)),
            "bucket": bucket,
            "bucket_label": BUCKET_LABELS[bucket],
            "page": page,
            "groups": selectors.grouped_by_date(list(page)),
            "undated": counts.undated,
        },
    )


def chart(counts: list[tuple]) -> dict:
    """Bars for the SVG chart, 10 units wide each, heights scaled to the busiest bucket."""
    top = max((n for _, n in counts), default=0) or 1
    bars = [
        {
            "period": period,
            "count": n,
            "x": i * 10 + 1,
            "w": 8,
            "h": round(100 * n / top, 1),
            "y": round(105 - 100 * n / top, 1),
        }
        for i, (period, n) in enumerate(counts)
    ]
    return {
        "bars": bars,
        "width": max(len(bars) * 10, 10),
        "total": sum(n for _, n in counts),
        "first": counts[0][0] if counts else None,
        "last": counts[-1][0] if counts else None,
    }


def regions(request: HttpRequest) -> HttpResponse:
    scope = summary_scope(request)
    summaries = scope.summaries(list(Region.objects.all()))
    shapes = maps.region_map({s.region.slug: s.count for s in summaries})
    by_slug = {s.region.slug: s for s in summaries}
    return render(
        request,
        "meetings/regions.html",
        {
            "filter": scope.filter,
            "summaries": summaries,
            "start": scope.start,
            "end": scope.end,
            "shapes": [(shape, by_slug.get(shape.slug)) for shape in shapes],
            "view_box": maps.view_box(),
            "venues": venue_points(summaries),
            "periods": scope.periods(),
        },
    )


@dataclass
class SummaryScope:
    """What both region pages summarize: the filtered meetings, the same filters over every date
    (for the period before), the period, and the record's first and last counted dates."""

    filter: MeetingFilter
    undated: QuerySet[Meeting]
    start: dt.date
    end: dt.date
    first: dt.date | None
    last: dt.date | None

    def summaries(self, regions: list[Region], top: int = 5) -> list[selectors.RegionSummary]:
        conditions = as_activity_conditions(self.filter)
        return selectors.region_summaries(
            self.filter.qs,
            self.undated,
            self.start,
            self.end,
            regions,
            top=top,
            whole_record=conditions == {},  # no filter but the dates
            record=(self.first, self.last),
            rows_filtered_by=conditions,
        )

    def periods(self) -> list[tuple[str, dict]]:
        """Ready-made periods ending at the latest meeting: the last 90 days, 12 months, all of it."""
        if not self.last:
            return []
        spans = [
            (_("Last 90 days"), self.last - dt.timedelta(days=89)),
            (_("Last 12 months"), self.last - dt.timedelta(days=364)),
            (_("All time"), self.first),
        ]
        return [(label, {"date_from": start.isoformat(), "date_to": self.last.isoformat()}) for label, start in spans]


def summary_scope(request: HttpRequest) -> SummaryScope:
    meeting_filter = filtered(request.GET)
    data = cleaned(meeting_filter)
    first, last = selectors.record_span()
    start, end = selectors.period_of(last, data.get("date_from"), data.get("date_to"))
    undated = filtered({k: v for k, v in request.GET.items() if k not in ("date_from", "date_to")}).qs
    return SummaryScope(meeting_filter, undated, start, end, first, last)


def venue_points(summaries: list) -> list[dict]:
    """Venue cities of the period placed on the map, dot area growing with their meetings."""
    counts = {city_id: n for summary in summaries for city_id, n in summary.all_venues.items()}
    points, busiest = [], max(counts.values(), default=1)
    for city in City.objects.filter(pk__in=counts, latitude__isnull=False, longitude__isnull=False):
        x, y = maps.project(city.longitude, city.latitude)
        n = counts[city.pk]
        points.append(
            {"city": city, "count": n, "x": round(x, 1), "y": round(y, 1), "r": round(3 + 11 * (n / busiest) ** 0.5, 1)}
        )
    return sorted(points, key=lambda p: -p["count"])


def region(request: HttpRequest, slug: str) -> HttpResponse:
    place = get_object_or_404(Region, slug=slug)
    scope = summary_scope(request)
    [summary] = scope.summaries([place], top=10)
    return render(
        request,
        "meetings/region.html",
        {
            "filter": scope.filter,
            "summary": summary,
            "start": scope.start,
            "end": scope.end,
            "periods": scope.periods(),
        },
    )


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("city__region", "merged_into"), pk=pk)
    if meeting.merged_into_id:
        return redirect("meetings:meeting", pk=meeting.merged_into_id)
    meeting = selectors.with_listing_data(Meeting.objects.filter(pk=pk)).prefetch_related("focus_regions").get()
    return render(
        request,
        "meetings/meeting.html",
        {
            "meeting": meeting,
            "sources": selectors.highlighted_sources(meeting),
        },
    )


def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    if person.merged_into_id:
        return redirect("meetings:person", pk=selectors.current_person(person).pk)
    meetings = filtered({"person": person.pk}).qs
    return render(
        request,
        "meetings/person.html",
        {
            "person": person,
            "aliases": person.aliases.order_by("script", "name"),
            "positions": selectors.positions_over_time(person),
            "meetings": selectors.with_listing_data(selectors.newest_first(meetings))[:100],
            "chart": chart(selectors.timeline_counts(meetings, "month")),
            "met": selectors.people_met_most(person),
            "topics": selectors.topics_of(meetings),
        },
    )


def people(request: HttpRequest) -> HttpResponse:
    return render(request, "meetings/people.html", {"rows": selectors.directory()})


def topics(request: HttpRequest) -> HttpResponse:
    return render(request, "meetings/topics.html", {"topics": selectors.topics_of(Meeting.objects.visible(), top=100)})


def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    meetings = filtered({"topic": topic.slug}).qs
    return render(
        request,
        "meetings/topic.html",
        {
            "topic": topic,
            "meetings": selectors.with_listing_data(selectors.newest_first(meetings))[:100],
            "regions": selectors.region_counts(meetings),
            "people": selectors.people_of(meetings),
            "chart": chart(selectors.timeline_counts(meetings, "month")),
        },
    )


def organization_detail(request: HttpRequest, pk: int) -> HttpResponse:
    organization = get_object_or_404(Organization, pk=pk)
    meetings = filtered({"organization": organization.pk}).qs
    return render(
        request,
        "meetings/organization.html",
        {
            "organization": organization,
            "meetings": selectors.with_listing_data(selectors.newest_first(meetings))[:100],
            "people": selectors.people_of(meetings),
            "topics": selectors.topics_of(meetings),
        },
    )


def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    response = StreamingHttpResponse(
        exports.csv_stream(filtered(request.GET).qs), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="meetings.csv"'
    return response


def export_json(request: HttpRequest) -> StreamingHttpResponse:
    response = StreamingHttpResponse(exports.json_stream(filtered(request.GET).qs), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="meetings.json"'
    return response


def json_response(data: object) -> HttpResponse:
    return HttpResponse(json.dumps(data, ensure_ascii=False, default=str), content_type="application/json")
