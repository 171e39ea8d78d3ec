"""Keeps meetings.RegionActivity in step with the record it is derived from.

A write to a meeting, its participations or its topics recomputes that meeting's rows (signals,
connected in MeetingsConfig.ready); writes that bypass signals (QuerySet.update, COPY) call
refresh() or rebuild() themselves. Rows are computed by one INSERT ... SELECT over the same
visibility rule the dashboard uses, so the table cannot drift from the queries it stands in for.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save

from .models import City, Meeting, Participation, RegionActivity


def counted_meetings() -> QuerySet[Meeting]:
    """The meetings region summaries count: visible, dated, with a venue."""
    return Meeting.objects.visible().filter(date__isnull=False, city__isnull=False)


def refresh(meeting_ids: Iterable[int]) -> None:
    """Recompute the rows of these meetings (all of them when a meeting is gone or hidden)."""
    ids = sorted({pk for pk in meeting_ids if pk is not None})
    if not ids:
        return
    with transaction.atomic():
        RegionActivity.objects.filter(meeting_id__in=ids).delete()
        _insert(counted_meetings().filter(pk__in=ids))


def rebuild() -> int:
    """Recompute the whole table; returns its row count."""
    with transaction.atomic():
        RegionActivity.objects.all().delete()
        _insert(counted_meetings())
    return RegionActivity.objects.count()


def _insert(meetings: QuerySet[Meeting]) -> None:
    table = connection.ops.quote_name(RegionActivity._meta.db_table)
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
        for rows, column in ((people, "person_id"), (topics, "topic_id")):
            sql, params = rows.query.sql_with_params()
            cursor.execute(f"INSERT INTO {table} (meeting_id, date, region_id, {column}) {sql}", params)


def _meeting_saved(sender, instance: Meeting, raw: bool = False, **kwargs) -> None:
    if not raw:
        refresh([instance.pk])


def _participation_saved(sender, instance: Participation, raw: bool = False, **kwargs) -> None:
    # A participation moved to another meeting (a meeting merge) leaves its old meeting's row until
    # that meeting is saved as merged, which drops all of its rows.
    if not raw:
        refresh([instance.meeting_id])


def _participation_deleted(sender, instance: Participation, **kwargs) -> None:
    # Only a delete here: this also runs inside a meeting's cascade, where recomputing the meeting
    # would write rows for a meeting about to disappear.
    RegionActivity.objects.filter(meeting_id=instance.meeting_id, person_id=instance.person_id).delete()


def _topics_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    if not reverse:  # meeting.topics.add/remove/set/clear
        refresh([instance.pk])
    elif action == "post_clear":  # topic.meetings.clear(): the topic left every meeting
        RegionActivity.objects.filter(topic=instance).delete()
    else:
        refresh(pk_set or [])


def _city_saved(sender, instance: City, raw: bool = False, **kwargs) -> None:
    # Only a city moved to another region changes rows; reloading the gazetteer changes none.
    if not raw and RegionActivity.objects.filter(meeting__city=instance).exclude(region=instance.region_id).exists():
        refresh(Meeting.objects.filter(city=instance).values_list("pk", flat=True))


def connect() -> None:
    post_save.connect(_meeting_saved, sender=Meeting, dispatch_uid="activity_meeting_saved")
    post_save.connect(_participation_saved, sender=Participation, dispatch_uid="activity_participation_saved")
    post_delete.connect(_participation_deleted, sender=Participation, dispatch_uid="activity_participation_deleted")
    m2m_changed.connect(_topics_changed, sender=Meeting.topics.through, dispatch_uid="activity_topics_changed")
    post_save.connect(_city_saved, sender=City, dispatch_uid="activity_city_saved")
