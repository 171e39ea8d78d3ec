"""Keeps Meeting.source_languages ("ar en": the languages of its sources) in step with the sources.

The source-language filter reads this column instead of testing each meeting's articles (an index
probe per meeting: 40-50 ms a statement at 300,000 meetings). Linking or unlinking a source and
changing a source's language recompute the meetings concerned (signals, connected in
MeetingsConfig.ready); a load that bypasses signals calls rebuild().
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, F, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Concat, Trim
from django.db.models.signals import m2m_changed, post_save

from .models import Article, Meeting, RegionActivity


def with_language(language: str) -> dict:
    """Filter keywords for meetings with a source in `language`. Codes are two letters separated
    by spaces, so a substring match is an exact match of one code."""
    return {"source_languages__contains": language}


def refresh(meeting_ids: Iterable[int]) -> None:
    ids = sorted({pk for pk in meeting_ids if pk is not None})
    if ids:
        _recompute(Meeting.objects.filter(pk__in=ids))


def rebuild() -> None:
    _recompute(Meeting.objects.all())


def _recompute(meetings: QuerySet[Meeting]) -> None:
    # One UPDATE per language present, in code order, so "ar en" is spelled the same everywhere.
    languages = (
        Article.objects.filter(meetings__in=meetings.values("pk"))
        .exclude(language="")
        .values_list("language", flat=True)
        .distinct()
        .order_by()
    )
    meetings.update(source_languages="")
    for language in sorted(set(languages)):
        sourced = Article.objects.filter(meetings=OuterRef("pk"), language=language)
        meetings.filter(Exists(sourced)).update(
            source_languages=Trim(Concat(F("source_languages"), Value(f" {language}")))
        )
    # RegionActivity rows carry their meeting's languages (see the model).
    RegionActivity.objects.filter(meeting__in=meetings.values("pk")).update(
        source_languages=Subquery(Meeting.objects.filter(pk=OuterRef("meeting_id")).values("source_languages")[:1])
    )


def _sources_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if reverse:  # meeting.articles.add/remove/set/clear: the meeting is the instance
        if action.startswith("post_"):
            refresh([instance.pk])
    elif action == "pre_clear":  # article.meetings.clear(): post_clear no longer knows which
        instance._meetings_before_clear = list(instance.meetings.values_list("pk", flat=True))
    elif action == "post_clear":
        refresh(getattr(instance, "_meetings_before_clear", []))
    elif action in ("post_add", "post_remove"):
        refresh(pk_set or [])


def _article_saved(
    sender, instance: Article, raw: bool = False, created: bool = False, update_fields=None, **kwargs
) -> None:
    # A new article has no meetings yet; a save naming its fields without the language keeps it.
    if raw or created or (update_fields is not None and "language" not in update_fields):
        return
    refresh(instance.meetings.values_list("pk", flat=True))


def connect() -> None:
    m2m_changed.connect(_sources_changed, sender=Article.meetings.through, dispatch_uid="languages_sources_changed")
    post_save.connect(_article_saved, sender=Article, dispatch_uid="languages_article_saved")
