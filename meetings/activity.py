"""Keeps meetings.RegionActivity and its all-time RegionTotal in step with the record.

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
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from .models import City, Meeting, Participation, RegionActivity, RegionTotal


def counted_meetings() -> QuerySet[Meeting]:
    """The meetings region summaries count: visible, dated, with a venue."""
    return Meeting.objects.visible().filter(date__isnull=False, city__isnull=False)


KINDS = ("city", "person", "topic")  # what a row counts: the meeting's venue, a person or a topic
Key = tuple[int, int | None, int | None, int | None]  # region, city, person, topic


def refresh(meeting_ids: Iterable[int]) -> None:
    """Recompute the rows of these meetings (none when a meeting is gone or hidden) and move the
    totals by the difference."""
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
        _add_to_totals({key: -n for key, n in change.items()})


def drop(rows: QuerySet[RegionActivity]) -> None:
    """Delete these rows and take them off the totals."""
    with transaction.atomic():
        gone = _keys(rows)
        rows.delete()
        _add_to_totals({key: -n for key, n in gone.items()})


def rebuild() -> int:
    """Recompute the whole table and the totals; returns the table's row count."""
    with transaction.atomic():
        RegionActivity.objects.all().delete()
        RegionTotal.objects.all().delete()
        _insert(counted_meetings())
        totals = RegionActivity.objects.order_by().values_list("region", *KINDS).annotate(n=Count("*"))
        sql, params = totals.query.sql_with_params()
        columns = ", ".join(f"{kind}_id" for kind in KINDS)
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {_table(RegionTotal)} (region_id, {columns}, n) {sql}", params)
    return RegionActivity.objects.count()


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _keys(rows: QuerySet[RegionActivity]) -> dict[Key, int]:
    return {tuple(key): n for *key, n in rows.order_by().values_list("region", *KINDS).annotate(n=Count("*"))}


TOTALS_PER_STATEMENT = 1000  # three parameters a row, well under SQLite's limit


def _add_to_totals(change: dict[Key, int]) -> None:
    """Add to each key's total, creating it at the first count (an upsert on the key's unique
    index, so two workers counting one person never lose an increment)."""
    table = _table(RegionTotal)
    for at, kind in enumerate(KINDS, start=1):
        # In key order, so two transactions touching the same totals take their locks in one order.
        rows = sorted((key[0], key[at], n) for key, n in change.items() if n and key[at] is not None)
        for i in range(0, len(rows), TOTALS_PER_STATEMENT):
            batch = rows[i : i + TOTALS_PER_STATEMENT]
            values = ", ".join(["(%s, %s, %s)"] * len(batch))
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {table} (region_id, {kind}_id, n) VALUES {values}"
                    f" ON CONFLICT (region_id, {kind}_id) WHERE {kind}_id IS NOT NULL"
                    f" DO UPDATE SET n = {table}.n + excluded.n",
                    [value for row in batch for value in row],
                )


def _insert(meetings: QuerySet[Meeting]) -> None:
    table = _table(RegionActivity)
    venues = meetings.order_by().values_list("pk", "date", "city__region_id", "city_id")
    people = (
        Participation.objects.filter(meeting__in=meetings.values("pk"))
        .order_by()
        .values_list("meeting_id", "meeting__date", "meeting__city__region_id", "person_id")
    )
    topics = (
        Meeting.topics.through.objects.filter(meeting__in=meetings.values("pk"))
        .order_by()
        .values_list("meeting_id", "meeting__date", "meeting__city__region_id", "topic_id")
    )
    with connection.cursor() as cursor:
        for rows, column in ((venues, "city_id"), (people, "person_id"), (topics, "topic_id")):
            sql, params = rows.query.sql_with_params()
            cursor.execute(f"INSERT INTO {table} (meeting_id, date, region_id, {column}) {sql}", params)


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
