"""Keeps meetings.RegionActivity, its all-time RegionTotal and its RegionMonth in step with the record.

A write to a meeting, its participations or its topics recomputes that meeting's rows and moves
the totals by the difference (signals, connected in MeetingsConfig.ready); writes that bypass
signals (QuerySet.update, COPY) call refresh() or rebuild() themselves. Rows are computed by one
INSERT ... SELECT over the same visibility rule the dashboard uses, so the table cannot drift from
the queries it stands in for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from .models import City, Meeting, Participation, RegionActivity, RegionMonth, RegionTotal


def counted_meetings() -> QuerySet[Meeting]:
    """The meetings region summaries count: visible, dated, with a venue."""
    return Meeting.objects.visible().filter(date__isnull=False, city__isnull=False)


KINDS = ("city", "person", "topic")  # what a row counts: the meeting's venue, a person or a topic
MONTHLY = ("city", "topic")  # the kinds RegionMonth keeps
Key = tuple  # region, month, city, person, topic: a row's key with its count


def refresh(meeting_ids: Iterable[int]) -> None:
    """Recompute the rows of these meetings (none when a meeting is gone or hidden) and move the
    totals and monthly counts by the difference."""
    ids = sorted({pk for pk in meeting_ids if pk is not None})
    if not ids:
        return
    with transaction.atomic():
        # One refresh of a meeting at a time, so two workers never both subtract its old rows.
        list(Meeting.objects.select_for_update().filter(pk__in=ids).values_list("pk", flat=True))
        rows = RegionActivity.objects.filter(meeting_id__in=ids)
        change = Counter(_keys(rows))
        rows.delete()
        _insert(counted_meetings().filter(pk__in=ids))
        change.subtract(_keys(rows))
        _add_counts({key: -n for key, n in change.items()})


def drop(rows: QuerySet[RegionActivity]) -> None:
    """Delete these rows and take them off the totals and monthly counts."""
    with transaction.atomic():
        gone = _keys(rows)
        rows.delete()
        _add_counts({key: -n for key, n in gone.items()})


def rebuild() -> int:
    """Recompute the whole table, the totals and the monthly counts; returns the table's row count."""
    with transaction.atomic():
        RegionActivity.objects.all().delete()
        RegionTotal.objects.all().delete()
        RegionMonth.objects.all().delete()
        _insert(counted_meetings())
        rows = RegionActivity.objects.order_by()
        totals = rows.values_list("region", *KINDS).annotate(n=Count("*"))
        months = (
            rows.filter(person__isnull=True)
            .annotate(month=TruncMonth("date"))
            .values_list("region", "month", *MONTHLY)
            .annotate(n=Count("*"))
        )
        with connection.cursor() as cursor:
            for model, grouped, columns in (
                (RegionTotal, totals, ["region_id", *(f"{kind}_id" for kind in KINDS)]),
                (RegionMonth, months, ["region_id", "month", *(f"{kind}_id" for kind in MONTHLY)]),
            ):
                sql, params = grouped.query.sql_with_params()
                cursor.execute(f"INSERT INTO {_table(model)} ({', '.join(columns)}, n) {sql}", params)
    return RegionActivity.objects.count()


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _keys(rows: QuerySet[RegionActivity]) -> dict[Key, int]:
    grouped = rows.order_by().annotate(month=TruncMonth("date")).values_list("region", "month", *KINDS)
    return {tuple(key): n for *key, n in grouped.annotate(n=Count("*"))}


def _add_counts(change: dict[Key, int]) -> None:
    """Move RegionTotal by the change summed over months, and RegionMonth by it month by month."""
    totals: Counter = Counter()
    months: Counter = Counter()
    for (region, month, city, person, topic), n in change.items():
        at = 0 if city is not None else 1 if person is not None else 2
        key = (city, person, topic)[at]
        totals[(KINDS[at], region, key)] += n
        if KINDS[at] in MONTHLY:
            months[(KINDS[at], region, month, key)] += n
    for kind in KINDS:
        _upsert(RegionTotal, ["region_id", f"{kind}_id"], [(*k[1:], n) for k, n in totals.items() if k[0] == kind])
    for kind in MONTHLY:
        columns = ["region_id", "month", f"{kind}_id"]
        _upsert(RegionMonth, columns, [(*k[1:], n) for k, n in months.items() if k[0] == kind])


UPSERTS_PER_STATEMENT = 1000  # four parameters a row at most, well under SQLite's limit


def _upsert(model, columns: list[str], rows: list[tuple]) -> None:
    """Add each row's count to its key's, creating the key at its first count: an upsert on the
    key's partial unique index, so two workers counting one person never lose an increment."""
    table, kind = _table(model), columns[-1]
    # In key order, so two transactions touching the same keys take their locks in one order.
    rows = sorted(row for row in rows if row[-1])
    for i in range(0, len(rows), UPSERTS_PER_STATEMENT):
        batch = rows[i : i + UPSERTS_PER_STATEMENT]
        values = ", ".join([f"({', '.join(['%s'] * (len(columns) + 1))})"] * len(batch))
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} ({', '.join(columns)}, n) VALUES {values}"
                f" ON CONFLICT ({', '.join(columns)}) WHERE {kind} IS NOT NULL"
                f" DO UPDATE SET n = {table}.n + excluded.n",
                [value for row in batch for value in row],
            )


# What each row carries of its meeting, in the table's column order (after meeting_id).
CARRIED = ("date", "city__region_id", "source_languages", "status")
CARRIED_COLUMNS = "date, region_id, source_languages, status"


def _insert(meetings: QuerySet[Meeting]) -> None:
    table = _table(RegionActivity)
    venues = meetings.order_by().values_list("pk", *CARRIED, "city_id")
    people, topics = (
        through.objects.filter(meeting__in=meetings.values("pk"))
        .order_by()
        .values_list("meeting_id", *(f"meeting__{field}" for field in CARRIED), key)
        for through, key in ((Participation, "person_id"), (Meeting.topics.through, "topic_id"))
    )
    with connection.cursor() as cursor:
        for rows, column in ((venues, "city_id"), (people, "person_id"), (topics, "topic_id")):
            sql, params = rows.query.sql_with_params()
            cursor.execute(f"INSERT INTO {table} (meeting_id, {CARRIED_COLUMNS}, {column}) {sql}", params)


def _meeting_saved(sender, instance: Meeting, raw: bool = False, **kwargs) -> None:
    if not raw:
        refresh([instance.pk])


def _meeting_deleting(sender, instance: Meeting, **kwargs) -> None:
    # Before the cascade, which deletes the rows without a word to the totals.
    drop(RegionActivity.objects.filter(meeting=instance))
    instance._merged_here = list(Meeting.objects.filter(merged_into=instance).values_list("pk", flat=True))


def _meeting_deleted(sender, instance: Meeting, **kwargs) -> None:
    # Meetings merged into it are unmerged (SET_NULL, no signal): they count again.
    refresh(getattr(instance, "_merged_here", []))


def _participation_saved(sender, instance: Participation, raw: bool = False, **kwargs) -> None:
    # A participation moved to another meeting (a meeting merge) leaves its old meeting's row until
    # that meeting is saved as merged, which drops all of its rows.
    if not raw:
        refresh([instance.meeting_id])


def _participation_deleted(sender, instance: Participation, **kwargs) -> None:
    # Only a delete here: this also runs inside a meeting's cascade, where recomputing the meeting
    # would write rows for a meeting about to disappear.
    drop(RegionActivity.objects.filter(meeting_id=instance.meeting_id, person_id=instance.person_id))


def _topics_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    if not reverse:  # meeting.topics.add/remove/set/clear
        refresh([instance.pk])
    elif action == "post_clear":  # topic.meetings.clear(): the topic left every meeting
        drop(RegionActivity.objects.filter(topic=instance))
    else:
        refresh(pk_set or [])


def _city_saved(sender, instance: City, raw: bool = False, **kwargs) -> None:
    # Only a city moved to another region changes rows; reloading the gazetteer changes none.
    if not raw and RegionActivity.objects.filter(meeting__city=instance).exclude(region=instance.region_id).exists():
        refresh(Meeting.objects.filter(city=instance).values_list("pk", flat=True))


def _city_deleting(sender, instance: City, **kwargs) -> None:
    instance._meetings_held_here = list(Meeting.objects.filter(city=instance).values_list("pk", flat=True))


def _city_deleted(sender, instance: City, **kwargs) -> None:
    # Its meetings have lost their venue (SET_NULL, no signal): they no longer count.
    refresh(getattr(instance, "_meetings_held_here", []))


def connect() -> None:
    post_save.connect(_meeting_saved, sender=Meeting, dispatch_uid="activity_meeting_saved")
    pre_delete.connect(_meeting_deleting, sender=Meeting, dispatch_uid="activity_meeting_deleting")
    post_delete.connect(_meeting_deleted, sender=Meeting, dispatch_uid="activity_meeting_deleted")
    post_save.connect(_participation_saved, sender=Participation, dispatch_uid="activity_participation_saved")
    post_delete.connect(_participation_deleted, sender=Participation, dispatch_uid="activity_participation_deleted")
    m2m_changed.connect(_topics_changed, sender=Meeting.topics.through, dispatch_uid="activity_topics_changed")
    post_save.connect(_city_saved, sender=City, dispatch_uid="activity_city_saved")
    pre_delete.connect(_city_deleting, sender=City, dispatch_uid="activity_city_deleting")
    post_delete.connect(_city_deleted, sender=City, dispatch_uid="activity_city_deleted")
