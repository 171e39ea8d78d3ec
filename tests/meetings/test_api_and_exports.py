"""Downstream users: the API pages and filters like the dashboard, says what changed and what was merged away;
CSV, JSON and Atom follow the same filters."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.utils import timezone

from meetings import curation
from meetings.models import Article, City, Meeting, Participation, Person, Topic

pytestmark = pytest.mark.django_db


def meeting(city: str, topic: str, day: dt.date, person: str = "Essam Abu Zraiba") -> Meeting:
    record = Meeting.objects.create(date=day, date_precision="day", city=City.objects.get(name_en=city))
    record.topics.add(Topic.objects.get(slug=topic))
    Participation.objects.create(
        meeting=record, person=Person.objects.get_or_create(name_latin=person)[0], role="chair"
    )
    article = Article.objects.create(content_hash=f"{city}{day}", body="…", language="ar", outlet="alwasat.ly")
    article.meetings.add(record)
    return record


def test_the_api_pages_and_filters_like_the_dashboard(client):
    for day in range(1, 6):
        meeting("Sabha", "smuggling", dt.date(2025, 1, day))
    meeting("Benghazi", "training", dt.date(2025, 2, 1))
    page = client.get("/api/meetings/", {"region": "south", "page_size": 2}).json()
    assert page["count"] == 5 and len(page["results"]) == 2 and page["next"]
    second = client.get(page["next"]).json()
    assert {m["id"] for m in second["results"]}.isdisjoint({m["id"] for m in page["results"]})
    assert client.get("/api/meetings/", {"topic": "training"}).json()["count"] == 1


def test_updated_since_returns_only_what_changed_and_tombstones_name_merged_records(client):
    old = meeting("Sabha", "smuggling", dt.date(2025, 1, 1))
    stamp = timezone.now()
    new = meeting("Sabha", "smuggling", dt.date(2025, 1, 2))
    changed = client.get("/api/meetings/", {"updated_since": stamp.isoformat()}).json()
    assert [m["id"] for m in changed["results"]] == [new.pk]
    curation.merge_meetings(new, old)
    gone = client.get("/api/deleted/", {"since": stamp.isoformat()}).json()["results"]
    assert {"model": "meeting", "id": new.pk, "replaced_by": old.pk} == {
        k: gone[0][k] for k in ("model", "id", "replaced_by")
    }


def test_a_bad_filter_or_page_is_a_clear_client_error(client):
    assert client.get("/api/meetings/", {"date_from": "yesterday"}).status_code == 400
    assert client.get("/api/meetings/", {"page": "x"}).status_code == 400
    assert client.get("/api/deleted/", {"since": "soon"}).status_code == 400


def test_the_csv_download_streams_the_filtered_meetings_readably_in_arabic(client):
    meeting("Sabha", "smuggling", dt.date(2025, 1, 1), person="عصام أبوزريبة")
    meeting("Benghazi", "training", dt.date(2025, 2, 1))
    response = client.get("/export/meetings.csv", {"region": "south"})
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheet programs read the Arabic as UTF-8
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert [r["city"] for r in rows] == ["Sabha"] and rows[0]["name"] == "عصام أبوزريبة"


def test_the_json_download_and_atom_feed_follow_the_filters(client):
    meeting("Sabha", "smuggling", dt.date(2025, 1, 1))
    meeting("Benghazi", "training", dt.date(2025, 2, 1))
    document = json.loads(b"".join(client.get("/export/meetings.json", {"topic": "training"}).streaming_content))
    assert [m["city"] for m in document["meetings"]] == ["Benghazi"] and document["people"]
    feed = client.get("/feed.atom", {"topic": "smuggling"}).content.decode()
    assert feed.count("<entry>") == 1 and "Sabha" in feed
