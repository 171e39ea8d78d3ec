"""The export document of the extraction contract, shared by the command and the dashboard's downloads."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet

from .models import Meeting, Participation, Person


def person_row(person: Person) -> dict[str, Any]:
    names = {person.name_latin, person.name_arabic}
    return {
        "id": person.pk,
        "name_latin": person.name_latin,
        "name_arabic": person.name_arabic,
        "aliases": sorted({a.name for a in person.aliases.all()} - names),
    }


def meeting_row(meeting: Meeting) -> dict[str, Any]:
    return {
        "id": meeting.pk,
        "date": meeting.date_display() if meeting.date else None,
        "date_precision": meeting.date_precision,
        "city": meeting.city.name_en if meeting.city else None,
        "region": meeting.city.region.slug if meeting.city else None,
        "focus_regions": sorted(r.slug for r in meeting.focus_regions.all()),
        "topics": sorted(t.slug for t in meeting.topics.all()),
        "status": meeting.status,
        "participants": [
            {
                "person_id": p.person_id,
                "name": p.person.name_latin or p.person.name_arabic,
                "name_as_written": p.name_as_written,
                "role": p.role,
                "title": p.title,
                "position": p.position,
            }
            for p in meeting.participations.all()
        ],
        "sources": [
            {
                "url": a.url or None,
                "path": a.source_path or None,
                "language": a.language,
                "outlet": a.outlet,
                "published": a.published.isoformat() if a.published else None,
                "title": a.title,
            }
            for a in meeting.articles.all()
        ],
    }


def meetings_for_export(meetings: QuerySet[Meeting] | None = None) -> QuerySet[Meeting]:
    meetings = Meeting.objects.visible() if meetings is None else meetings
    return meetings.select_related("city__region").prefetch_related(
        "focus_regions",
        "topics",
        "articles",
        Prefetch("participations", queryset=Participation.objects.select_related("person")),
    )


def export_document(meetings: QuerySet[Meeting] | None = None) -> dict[str, Any]:
    people = Person.objects.filter(merged_into__isnull=True).prefetch_related("aliases")
    return {
        "people": [person_row(p) for p in people],
        "meetings": [meeting_row(m) for m in meetings_for_export(meetings)],
    }


CSV_COLUMNS = [
    "meeting_id",
    "date",
    "date_precision",
    "city",
    "region",
    "focus_regions",
    "topics",
    "status",
    "person_id",
    "name",
    "role",
    "title",
    "position",
    "sources",
]


def csv_rows(meetings: QuerySet[Meeting] | None = None) -> Iterator[list[Any]]:
    for meeting in meetings_for_export(meetings).iterator(chunk_size=500):
        row = meeting_row(meeting)
        head = [
            row["id"],
            row["date"],
            row["date_precision"],
            row["city"],
            row["region"],
            " ".join(row["focus_regions"]),
            " ".join(row["topics"]),
            row["status"],
        ]
        sources = " ".join(s["url"] or s["path"] or "" for s in row["sources"])
        participants: Iterable[dict[str, Any]] = row["participants"] or [{}]
        for p in participants:
            yield [*head, p.get("person_id"), p.get("name"), p.get("role"), p.get("title"), p.get("position"), sources]


class Echo:
    """A file-like object whose write returns the line, for csv.writer inside a streamed response."""

    def write(self, value: str) -> str:
        return value


def csv_stream(meetings: QuerySet[Meeting]) -> Iterator[str]:
    import csv

    writer = csv.writer(Echo())
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)  # the BOM lets spreadsheet programs read the Arabic as UTF-8
    for row in csv_rows(meetings):
        yield writer.writerow(row)


def json_stream(meetings: QuerySet[Meeting]) -> Iterator[str]:
    """The export document, written meeting by meeting: people are those the meetings name."""
    import json

    yield '{"meetings": ['
    person_ids: set[int] = set()
    for i, meeting in enumerate(meetings_for_export(meetings).iterator(chunk_size=500)):
        row = meeting_row(meeting)
        person_ids.update(p["person_id"] for p in row["participants"])
        yield ("," if i else "") + json.dumps(row, ensure_ascii=False)
    yield '], "people": ['
    people = Person.objects.filter(pk__in=person_ids).prefetch_related("aliases")
    for i, person in enumerate(people.iterator(chunk_size=500)):
        yield ("," if i else "") + json.dumps(person_row(person), ensure_ascii=False)
    yield "]}"
