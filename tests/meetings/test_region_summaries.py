"""Per-region summaries: meetings in the period against the period before, top topics, officials, venues."""

from __future__ import annotations

import datetime as dt

import pytest

from meetings.models import City, Meeting, Participation, Person, Region, Topic
from meetings.selectors import region_summaries, whole_months

pytestmark = pytest.mark.django_db


def held(city: str, day: dt.date, topic: str, *people: Person) -> Meeting:
    meeting = Meeting.objects.create(date=day, date_precision="day", city=City.objects.get(name_en=city))
    meeting.topics.add(Topic.objects.get(slug=topic))
    for person in people:
        Participation.objects.create(meeting=meeting, person=person)
    return meeting


def test_each_region_counts_its_period_against_the_one_before_with_its_busiest_officials_and_topics():
    minister, mayor = Person.objects.create(name_latin="Minister"), Person.objects.create(name_latin="Mayor")
    held("Sabha", dt.date(2025, 3, 5), "smuggling", minister, mayor)
    held("Ubari", dt.date(2025, 3, 9), "smuggling", minister)
    held("Sabha", dt.date(2025, 2, 20), "training", mayor)  # the period before
    held("Benghazi", dt.date(2025, 3, 6), "training", mayor)
    visible = Meeting.objects.visible()
    summaries = {
        s.region.slug: s
        for s in region_summaries(
            visible, visible, dt.date(2025, 3, 1), dt.date(2025, 3, 31), list(Region.objects.all())
        )
    }
    south = summaries["south"]
    assert (south.count, south.previous, south.change) == (2, 1, 1)
    assert south.people[0] == (minister, 2)
    assert south.topics == [(Topic.objects.get(slug="smuggling"), 2)]
    assert [city.name_en for city, _ in south.venues] == ["Sabha", "Ubari"]
    assert [m.city.name_en for m in south.latest] == ["Ubari", "Sabha"]
    assert summaries["east"].count == 1 and summaries["west"].count == 0


def test_the_default_period_ends_at_the_latest_meeting_with_a_venue(client):
    minister = Person.objects.create(name_latin="Minister With Venue")
    held("Sabha", dt.date(2025, 3, 5), "smuggling", minister)
    # A later report with no venue known: it must not move the window past every countable meeting.
    Meeting.objects.create(date=dt.date(2025, 12, 1), date_precision="day")
    page = client.get("/regions/").content.decode()
    assert "2024-12-06" in page and "2025-03-05" in page  # the 90 days up to 2025-03-05
    assert f"/people/{minister.pk}/" in page


@pytest.mark.parametrize(
    "start, end, months, edges",
    [
        ("2025-01-01", "2025-12-31", ("2025-01-01", "2025-12-01"), []),  # a calendar year
        ("2025-10-03", "2025-12-31", ("2025-11-01", "2025-12-01"), [("2025-10-03", "2025-10-31")]),  # 90 days
        (
            "2025-02-10",
            "2025-05-01",
            ("2025-03-01", "2025-04-01"),
            [("2025-02-10", "2025-02-28"), ("2025-05-01", "2025-05-01")],
        ),
        ("2024-12-15", "2025-01-31", ("2025-01-01", "2025-01-01"), [("2024-12-15", "2024-12-31")]),  # across a year
        ("2025-03-05", "2025-03-20", None, [("2025-03-05", "2025-03-20")]),  # inside one month
        ("2024-02-01", "2024-02-29", ("2024-02-01", "2024-02-01"), []),  # a leap February
    ],
)
def test_a_period_is_its_whole_months_and_the_days_either_side(start, end, months, edges):
    day = dt.date.fromisoformat
    expected_months = (day(months[0]), day(months[1])) if months else None
    assert whole_months(day(start), day(end)) == (expected_months, [(day(a), day(b)) for a, b in edges])
