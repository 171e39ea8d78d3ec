"""The region pages count people and topics from RegionActivity: it must say what the record says
after every kind of write a curator or the pipeline makes, and give the summaries the join gives."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.management import call_command

from meetings import activity, curation
from meetings.admin import MeetingAdmin
from meetings.filters import as_activity_conditions, filtered
from meetings.models import (
    Article,
    City,
    Meeting,
    Participation,
    Person,
    Region,
    RegionActivity,
    RegionMonth,
    RegionTotal,
    Topic,
)
from meetings.selectors import region_summaries

pytestmark = pytest.mark.django_db


def held(city: str, day: dt.date | None, topics: list[str], *people: Person) -> Meeting:
    meeting = Meeting.objects.create(date=day, date_precision="day", city=City.objects.get(name_en=city))
    meeting.topics.set(Topic.objects.filter(slug__in=topics))
    for person in people:
        Participation.objects.create(meeting=meeting, person=person)
    return meeting


def in_order(found) -> list[tuple]:
    return sorted(found, key=lambda row: tuple(-1 if value is None else value for value in row))


def rows() -> list[tuple]:
    return in_order(
        RegionActivity.objects.values_list(
            "meeting_id", "date", "region_id", "person_id", "topic_id", "source_languages"
        )
    )


def totals() -> list[tuple]:
    """The all-time totals that count (a total may fall to 0 and stay)."""
    return in_order(
        RegionTotal.objects.filter(n__gt=0).values_list("region_id", "city_id", "person_id", "topic_id", "n")
    )


def months() -> list[tuple]:
    return in_order(RegionMonth.objects.filter(n__gt=0).values_list("region_id", "month", "city_id", "topic_id", "n"))


def assert_in_step() -> None:
    kept, kept_totals, kept_months = rows(), totals(), months()
    activity.rebuild()
    assert kept == rows()
    assert kept_totals == totals()
    assert kept_months == months()


def test_counting_table_follows_every_kind_of_write():
    minister, mayor, chief = (Person.objects.create(name_latin=n) for n in ("Minister", "Mayor", "Chief"))
    sabha = held("Sabha", dt.date(2025, 3, 5), ["smuggling", "training"], minister, mayor)
    tripoli = held("Tripoli", dt.date(2025, 3, 6), ["training"], chief)
    assert len(rows()) == 8  # a venue, two people and two topics; a venue, one person and one topic
    assert_in_step()

    sabha.date = dt.date(2025, 4, 1)  # a curator corrects the date, then the venue
    sabha.save()
    assert_in_step()
    sabha.city = City.objects.get(name_en="Benghazi")
    sabha.save()
    assert_in_step()
    assert {r[2] for r in rows() if r[0] == sabha.pk} == {Region.objects.get(slug="east").pk}

    sabha.topics.remove(Topic.objects.get(slug="training"))
    assert_in_step()
    Topic.objects.get(slug="smuggling").meetings.clear()
    assert_in_step()
    Topic.objects.get(slug="training").meetings.add(sabha)
    assert_in_step()

    curation.merge_people(mayor, chief)
    assert_in_step()
    curation.merge_meetings(tripoli, sabha)
    assert_in_step()
    assert not [r for r in rows() if r[0] == tripoli.pk]  # merged away: no longer counted

    MeetingAdmin.set_status(Meeting.objects.filter(pk=sabha.pk), Meeting.Status.REJECTED)
    assert rows() == []
    MeetingAdmin.set_status(Meeting.objects.filter(pk=sabha.pk), Meeting.Status.REVIEWED)
    assert rows() and {r[0] for r in rows()} == {sabha.pk}
    assert_in_step()

    Participation.objects.filter(meeting=sabha, person=minister).delete()
    assert_in_step()
    benghazi = City.objects.get(name_en="Benghazi")  # the gazetteer moves a city to another region
    benghazi.region = Region.objects.get(slug="central")
    benghazi.save()
    assert_in_step()

    undated = held("Sabha", None, ["smuggling"], minister)
    assert not [r for r in rows() if r[0] == undated.pk]
    sabha.delete()  # the cascade takes its rows; the totals must lose them too
    assert {r[0] for r in rows()} == {tripoli.pk}  # merged into it, unmerged by the delete: counted again
    assert_in_step()
    held("Benghazi", dt.date(2025, 5, 1), ["training"], minister)
    benghazi.delete()  # its meetings lose their venue, so they no longer count
    assert {r[0] for r in rows()} == {tripoli.pk}
    assert_in_step()


def test_admin_approve_and_reject_stamp_the_change_for_downstream_copies():
    meeting = held("Sabha", dt.date(2025, 3, 5), ["smuggling"])
    before = Meeting.objects.get(pk=meeting.pk).updated_at
    MeetingAdmin.set_status(Meeting.objects.filter(pk=meeting.pk), Meeting.Status.REJECTED)
    assert Meeting.objects.get(pk=meeting.pk).updated_at > before


def busiest_by_hand(region: Region, start: dt.date, end: dt.date) -> list[tuple[Person, int]]:
    """The officials of a region's meetings in the period, counted straight from the record."""
    counts: dict[Person, int] = {}
    for p in Participation.objects.filter(
        meeting__city__region=region, meeting__date__range=(start, end), meeting__status="extracted"
    ):
        counts[p.person] = counts.get(p.person, 0) + 1
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0].pk))[:5]


def test_summaries_count_what_the_record_says_with_or_without_a_filter():
    people = [Person.objects.create(name_latin=f"Official {i}") for i in range(6)]
    cities = ["Sabha", "Ubari", "Benghazi", "Tobruk", "Tripoli", "Misrata", "Sirte"]
    topics = ["smuggling", "training", "illegal_migration", "border_security"]
    for i in range(40):
        held(
            cities[i % len(cities)],
            dt.date(2025, 1, 1) + dt.timedelta(days=3 * i),
            topics[i % 3 : i % 3 + 2],
            *people[i % 4 : i % 4 + 3],
        )
    rejected = held("Sabha", dt.date(2025, 2, 1), ["smuggling"], people[5])
    Meeting.objects.filter(pk=rejected.pk).update(status="rejected")  # as a bulk write would, no signals
    activity.rebuild()
    visible, regions = Meeting.objects.visible(), list(Region.objects.all())
    record = (dt.date(2025, 1, 1), dt.date(2025, 1, 1) + dt.timedelta(days=3 * 39))
    # Whole months; the record (counted from RegionTotal); partial months either side of a whole one.
    periods = [(dt.date(2025, 1, 1), dt.date(2025, 3, 31)), record, (dt.date(2025, 2, 10), dt.date(2025, 4, 20))]
    for start, end in periods:
        whole = region_summaries(visible, visible, start, end, regions, whole_record=True, record=record)
        # The same meetings reached through a filter that keeps them all: the filtered path.
        kept_all = visible.filter(pk__in=Meeting.objects.values("pk"))
        filtered = region_summaries(kept_all, kept_all, start, end, regions)
        for by_table, by_filter in zip(whole, filtered, strict=True):
            expected = busiest_by_hand(by_table.region, start, end)
            assert by_table.people == by_filter.people == expected
            assert (by_table.count, by_table.previous, by_table.topics, by_table.venues) == (
                by_filter.count,
                by_filter.previous,
                by_filter.topics,
                by_filter.venues,
            )
            assert [m.pk for m in by_table.latest] == [m.pk for m in by_filter.latest]
        assert any(s.people for s in whole)
    assert any(s.previous for s in whole)  # the last window's period before holds meetings


def test_a_filter_beyond_the_dates_counts_only_the_meetings_it_keeps(client):
    arabic_only, english_only = Person.objects.create(name_latin="Reported"), Person.objects.create(name_latin="Other")
    for person, language in ((arabic_only, "ar"), (english_only, "en")):
        meeting = held("Sabha", dt.date(2025, 3, 5), ["smuggling"], person)
        Article.objects.create(content_hash=f"h-{language}", body="report", language=language).meetings.add(meeting)
    everything = client.get("/regions/south/").content.decode()
    arabic = client.get("/regions/south/?language=ar").content.decode()
    link = "/people/{}/".format
    assert link(arabic_only.pk) in everything and link(english_only.pk) in everything
    assert link(arabic_only.pk) in arabic and link(english_only.pk) not in arabic


def test_rebuild_command_restores_counts_after_a_load_that_bypassed_the_orm(client):
    minister = Person.objects.create(name_latin="Minister Rebuilt")
    held("Sabha", dt.date(2025, 3, 5), ["smuggling"], minister)
    RegionActivity.objects.all().delete()  # as after a COPY straight into the tables
    RegionTotal.objects.all().delete()
    RegionMonth.objects.all().delete()
    assert "Minister Rebuilt" not in client.get("/regions/").content.decode()
    call_command("rebuild_activity")
    assert "Minister Rebuilt" in client.get("/regions/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_two_workers_counting_one_person_at_once_lose_no_count():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one writer at a time")
    minister = Person.objects.create(name_latin="Minister Everywhere")
    meetings = [held("Sabha", dt.date(2025, 3, day), ["smuggling"], minister) for day in range(1, 21)]
    RegionActivity.objects.all().delete()  # as after a bulk load: both workers start from nothing
    RegionTotal.objects.all().delete()
    RegionMonth.objects.all().delete()
    start = threading.Barrier(2)

    def worker(batch: list[Meeting]) -> None:
        try:
            start.wait()
            for meeting in batch:
                activity.refresh([meeting.pk])
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=worker, args=(meetings[i::2],)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert RegionTotal.objects.get(person=minister).n == 20
    assert RegionTotal.objects.get(topic__slug="smuggling").n == 20
    assert RegionMonth.objects.get(topic__slug="smuggling", month=dt.date(2025, 3, 1)).n == 20
    assert_in_step()


@pytest.mark.parametrize(
    "params",
    [{"language": "ar"}, {"region": "east"}, {"status": "reviewed"}, {"language": "en", "region": "west"}],
)
def test_filters_the_rows_carry_rank_as_the_meetings_they_keep(params):
    """A source language, a review status and a venue region are columns of RegionActivity's rows:
    ranking the rows they select must give what ranking the rows of each meeting they keep gives."""
    people = [Person.objects.create(name_latin=f"Official {i}") for i in range(6)]
    cities = ["Sabha", "Benghazi", "Tripoli", "Sirte"]
    sources = []
    for i in range(30):
        meeting = held(
            cities[i % 4],
            dt.date(2025, 1, 1) + dt.timedelta(days=3 * i),
            ["smuggling", "training"][i % 2 :],
            *people[i % 5 : i % 5 + 2],
        )
        if i % 4 != 3:
            meeting.status = Meeting.Status.REVIEWED  # a curator approves it: its rows follow
            meeting.save()
        source = Article.objects.create(content_hash=f"h{i}", body="report", language="ar" if i % 3 else "en")
        source.meetings.add(meeting)
        sources.append(source)
    regions, start, end = list(Region.objects.all()), dt.date(2025, 1, 10), dt.date(2025, 3, 20)

    def both_ways() -> list:
        meeting_filter = filtered(params)
        conditions = as_activity_conditions(meeting_filter)
        assert conditions
        kept = meeting_filter.qs
        by_rows = region_summaries(kept, kept, start, end, regions, rows_filtered_by=conditions)
        by_meetings = region_summaries(kept, kept, start, end, regions)
        for one, other in zip(by_rows, by_meetings, strict=True):
            assert (one.count, one.previous, one.people, one.topics, one.venues) == (
                other.count,
                other.previous,
                other.people,
                other.topics,
                other.venues,
            )
            assert [m.pk for m in one.latest] == [m.pk for m in other.latest]
        return by_rows

    assert any(s.people for s in both_ways())
    sources[4].language = "en"  # a curator corrects a detected language: the rows follow
    sources[4].save()
    sources[5].meetings.add(sources[3].meetings.get())  # an Arabic report joins an English meeting
    MeetingAdmin.set_status(Meeting.objects.filter(city__name_en="Benghazi"), Meeting.Status.EXTRACTED)
    both_ways()
    assert_in_step()


def test_only_filters_the_rows_carry_are_turned_into_row_conditions():
    assert as_activity_conditions(filtered({"language": "ar", "date_from": "2025-01-01"})) == {
        "source_languages__contains": "ar"
    }
    assert as_activity_conditions(filtered({"date_from": "2025-01-01"})) == {}
    assert as_activity_conditions(filtered({"status": "reviewed", "region": "east"})) == {
        "status": "reviewed",
        "region": Region.objects.get(slug="east"),
    }
    assert as_activity_conditions(filtered({"language": "ar", "topic": "smuggling"})) is None
