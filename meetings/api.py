"""Read-only JSON API: the same filters as the pages, paginated, with what changed since a time.

A downstream copy stays in sync with `?updated_since=<ISO time>` on /api/meetings/ and the
tombstones of /api/deleted/?since=<ISO time> (records merged into another or deleted).
"""

from __future__ import annotations

from django.core.paginator import EmptyPage, Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.dateparse import parse_datetime

from .exports import meeting_row, meetings_for_export, person_row
from .filters import filtered
from .models import DeletedRecord, Person

MAX_PAGE_SIZE = 500


def page_of(request: HttpRequest, items, default_size: int = 100):
    try:
        size = min(max(int(request.GET.get("page_size", default_size)), 1), MAX_PAGE_SIZE)
        number = max(int(request.GET.get("page", 1)), 1)
    except ValueError:
        return None, JsonResponse({"error": "page and page_size must be whole numbers"}, status=400)
    paginator = Paginator(items, size)
    try:
        return paginator.page(number), None
    except EmptyPage:
        return None, JsonResponse({"error": f"page {number} is past the last page ({paginator.num_pages})"}, status=404)


def envelope(request: HttpRequest, page, results: list) -> JsonResponse:
    def link(number: int | None) -> str | None:
        if number is None:
            return None
        params = request.GET.copy()
        params["page"] = number
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return JsonResponse(
        {
            "count": page.paginator.count,
            "next": link(page.next_page_number() if page.has_next() else None),
            "previous": link(page.previous_page_number() if page.has_previous() else None),
            "results": results,
        },
        json_dumps_params={"ensure_ascii": False},
    )


def api_meetings(request: HttpRequest) -> HttpResponse:
    meeting_filter = filtered(request.GET)
    if not meeting_filter.is_valid():
        return JsonResponse({"error": "invalid filter", "fields": meeting_filter.errors}, status=400)
    meetings = meetings_for_export(meeting_filter.qs.order_by("updated_at", "id"))
    page, error = page_of(request, meetings)
    if error:
        return error
    results = [{**meeting_row(m), "updated_at": m.updated_at.isoformat()} for m in page]
    return envelope(request, page, results)


def api_people(request: HttpRequest) -> HttpResponse:
    people = Person.objects.filter(merged_into__isnull=True).prefetch_related("aliases").order_by("id")
    page, error = page_of(request, people)
    if error:
        return error
    return envelope(request, page, [person_row(p) for p in page])


def api_deleted(request: HttpRequest) -> HttpResponse:
    records = DeletedRecord.objects.order_by("at", "id")
    if request.GET.get("since"):
        since = parse_datetime(request.GET["since"])
        if since is None:
            return JsonResponse({"error": "since must be an ISO 8601 date and time"}, status=400)
        records = records.filter(at__gte=since)
    page, error = page_of(request, records)
    if error:
        return error
    rows = [{"model": r.model, "id": r.record_id, "replaced_by": r.replaced_by, "at": r.at.isoformat()} for r in page]
    return envelope(request, page, rows)
