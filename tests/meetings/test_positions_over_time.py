"""A person's posts over time come from the meetings behind them; curated posts take precedence."""

from __future__ import annotations

import datetime as dt

import pytest

from meetings.models import Meeting, Participation, Person, Position
from meetings.selectors import positions_over_time

pytestmark = pytest.mark.django_db


def attend(person: Person, day: dt.date, position: str) -> Meeting:
    meeting = Meeting.objects.create(date=day, date_precision="day")
    Participation.objects.create(meeting=meeting, person=person, position=position)
    return meeting


def test_reported_positions_give_first_and_last_seen_with_their_meetings():
    person = Person.objects.create(name_latin="Khaled Mazen")
    first = attend(person, dt.date(2023, 1, 5), "Undersecretary of the Ministry of Interior")
    attend(person, dt.date(2024, 2, 1), "Minister of Interior")
    last = attend(person, dt.date(2023, 6, 9), "undersecretary of the Ministry of Interior ")
    spans = positions_over_time(person)
    assert [s.title for s in spans] == ["Minister of Interior", "Undersecretary of the Ministry of Interior"]
    under = spans[1]
    assert (under.first_seen, under.last_seen) == (dt.date(2023, 1, 5), dt.date(2023, 6, 9))
    assert under.meeting_ids == [first.pk, last.pk]


def test_a_curated_position_with_dates_comes_first_and_keeps_its_dates():
    person = Person.objects.create(name_latin="Emad Trabelsi")
    attend(person, dt.date(2024, 3, 1), "Minister of Interior")
    Position.objects.create(
        person=person, title="Minister of Interior", curated=True, start=dt.date(2023, 11, 1), end=None
    )
    [span] = positions_over_time(person)
    assert span.curated and span.start == dt.date(2023, 11, 1)
    assert len(span.meeting_ids) == 1
