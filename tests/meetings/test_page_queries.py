"""No page's query count grows with the data: ten times the meetings, the same number of queries."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from meetings.models import Article, City, Meeting, Participation, Person, Topic

pytestmark = pytest.mark.django_db

counter = itertools.count()


def add_meetings(n: int) -> None:
    """Meetings as ingest stores them: a venue, a chair and a participant, two topics, a source."""
    cities = list(City.objects.order_by("pk")[:8])
    topics = list(Topic.objects.order_by("pk")[:6])
    for i in range(n):
        k = next(counter)
        meeting = Meeting.objects.create(
            date=dt.date(2025, 1, 1) + dt.timedelta(days=k % 300), date_precision="day", city=cities[k % len(cities)]
        )
        meeting.topics.set(topics[k % 3 : k % 3 + 2])
        chair = Person.objects.create(name_latin=f"Chair {k}")
        guest = Person.objects.create(name_latin=f"Guest {k}")
        Participation.objects.create(meeting=meeting, person=chair, role="chair", position="Minister of Interior")
        Participation.objects.create(meeting=meeting, person=guest, position="Security Director")
        article = Article.objects.create(
            content_hash=f"h{k}", body=f"report {k}", language="ar" if i % 2 else "en", outlet="example.org"
        )
        article.meetings.add(meeting)


def queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(captured)


PAGES = [
    "/",
    "/?region=west",
    "/?topic={topic}",
    "/?q=report",
    "/regions/",
    "/regions/west/",
    "/people/",
    "/people/{person}/",
    "/topics/",
    "/topics/{topic}/",
    "/meetings/{meeting}/",
    "/feed.atom",
    "/api/meetings/",
    "/export/meetings.csv",
    "/export/meetings.json",
    "/ar/",
]


@pytest.mark.parametrize("page", PAGES)
def test_query_count_does_not_grow_with_the_number_of_meetings(client, page):
    add_meetings(3)
    url = page.format(
        topic=Topic.objects.order_by("pk").first().slug,
        person=Person.objects.order_by("pk").first().pk,
        meeting=Meeting.objects.order_by("pk").first().pk,
    )
    small = queries_for(client, url)
    add_meetings(30)
    assert queries_for(client, url) <= small
