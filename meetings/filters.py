"""The one filter set behind every list, summary, export, feed and API response.

Parameters stay in the URL, so a filtered view is a link to share.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import Article, City, Meeting, Organization, Participation, Person, Region, Topic
from .source_languages import with_language
from .widgets import ModelChoiceFilter, PlainSelect


class MeetingFilter(django_filters.FilterSet):
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("From"))
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label=_("To"))
    region = ModelChoiceFilter(
        field_name="city__region",
        queryset=Region.objects.all(),
        to_field_name="slug",
        label=_("Venue region"),
        widget=PlainSelect,
    )
    # Filters across a to-many relation test existence (an indexed lookup per meeting) instead of
    # joining, so no meeting is repeated and no DISTINCT over the whole table is needed.
    focus = ModelChoiceFilter(
        queryset=Region.objects.all(),
        to_field_name="slug",
        label=_("Focus region"),
        widget=PlainSelect,
        method="has_focus",
    )
    city = ModelChoiceFilter(queryset=City.objects.all(), label=_("City"), widget=PlainSelect)
    # A text box for the person's id: a select of every official would weigh megabytes.
    person = ModelChoiceFilter(
        queryset=Person.objects.filter(merged_into__isnull=True),
        label=_("Person"),
        method="has_person",
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 8}),
    )
    organization = ModelChoiceFilter(
        queryset=Organization.objects.all(),
        label=_("Organization"),
        widget=PlainSelect,
        method="has_organization",
    )
    topic = ModelChoiceFilter(
        queryset=Topic.objects.all(),
        to_field_name="slug",
        label=_("Topic"),
        widget=PlainSelect,
        method="has_topic",
    )
    language = django_filters.ChoiceFilter(
        choices=[("ar", _("Arabic")), ("en", _("English"))],
        label=_("Source language"),
        widget=PlainSelect,
        method="has_language",
    )
    outlet = django_filters.CharFilter(label=_("Outlet"), method="has_outlet")
    status = django_filters.ChoiceFilter(choices=Meeting.Status.choices, label=_("Review status"), widget=PlainSelect)
    q = django_filters.CharFilter(method="search_text", label=_("Text"))
    updated_since = django_filters.IsoDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", label=_("Updated since")
    )

    class Meta:
        model = Meeting
        fields: list[str] = []

    def has_focus(self, queryset: QuerySet[Meeting], name: str, value: Region) -> QuerySet[Meeting]:
        return queryset.filter(
            Exists(Meeting.focus_regions.through.objects.filter(meeting=OuterRef("pk"), region=value))
        )

    def has_person(self, queryset: QuerySet[Meeting], name: str, value: Person) -> QuerySet[Meeting]:
        return queryset.filter(Exists(Participation.objects.filter(meeting=OuterRef("pk"), person=value)))

    def has_organization(self, queryset: QuerySet[Meeting], name: str, value: Organization) -> QuerySet[Meeting]:
        return queryset.filter(Exists(Participation.objects.filter(meeting=OuterRef("pk"), organization=value)))

    def has_topic(self, queryset: QuerySet[Meeting], name: str, value: Topic) -> QuerySet[Meeting]:
        return queryset.filter(Exists(Meeting.topics.through.objects.filter(meeting=OuterRef("pk"), topic=value)))

    def has_language(self, queryset: QuerySet[Meeting], name: str, value: str) -> QuerySet[Meeting]:
        return queryset.filter(**with_language(value))

    def has_outlet(self, queryset: QuerySet[Meeting], name: str, value: str) -> QuerySet[Meeting]:
        return queryset.filter(Exists(Article.objects.filter(meetings=OuterRef("pk"), outlet__iexact=value)))

    def search_text(self, queryset: QuerySet[Meeting], name: str, value: str) -> QuerySet[Meeting]:
        """Every word, in either language, in a source's title or body or a participant's name."""
        for word in value.split()[:6]:
            in_sources = Article.meetings.through.objects.filter(article__in=sources_mentioning(word))
            named = Participation.objects.filter(person__aliases__name__icontains=word)
            # One IN over the union, not an OR of two: PostgreSQL can then join the few meetings
            # found instead of testing two subplans on every meeting it walks in date order.
            queryset = queryset.filter(pk__in=in_sources.values("meeting_id").union(named.values("meeting_id")))
        return queryset


# Full-text search stems a word as its source's language does: Arabic sources with PostgreSQL's
# Arabic configuration ("بمدير" finds "مدير"), the others with English ("directors", "director").
# Each has a GIN index on exactly this expression (migration 0015), so a search reads the index.
TEXT_CONFIGS = (("arabic", Q(language="ar")), ("english", ~Q(language="ar")))


def source_text(config: str) -> SearchVector:
    return SearchVector("title", "body", config=config)


def sources_mentioning(word: str) -> QuerySet[Article]:
    if connection.vendor != "postgresql":  # SQLite: a plain substring match
        return Article.objects.filter(Q(title__icontains=word) | Q(body__icontains=word))
    match = Q()
    for config, in_language in TEXT_CONFIGS:
        match |= in_language & Q(**{f"text_{config}": SearchQuery(word, config=config)})
    return Article.objects.annotate(**{f"text_{config}": source_text(config) for config, _ in TEXT_CONFIGS}).filter(
        match
    )


def filtered(params, queryset: QuerySet[Meeting] | None = None) -> MeetingFilter:
    return MeetingFilter(params, queryset=queryset if queryset is not None else Meeting.objects.visible())


def cleaned(meeting_filter: MeetingFilter) -> dict:
    """The valid filter values; an invalid one is left out (the form shows its error)."""
    meeting_filter.is_valid()
    return getattr(meeting_filter.form, "cleaned_data", {})


def filters_beyond_dates(meeting_filter: MeetingFilter) -> set[str]:
    """The filters narrowing the meetings other than the date range (an invalid value is left
    out, as the filter set itself leaves it out)."""
    data = cleaned(meeting_filter)
    return {name for name, value in data.items() if value not in (None, "") and name not in ("date_from", "date_to")}


def as_activity_conditions(meeting_filter: MeetingFilter) -> dict | None:
    """The filters beyond the dates as conditions on RegionActivity rows, when each of them can be
    one: a row carries its meeting's source languages, review status and venue region. {} when no
    filter but the dates is in use; None when any other is (its meetings must then be found first)."""
    data = cleaned(meeting_filter)
    conditions: dict = {}
    for name in filters_beyond_dates(meeting_filter):
        if name == "language":
            conditions.update(with_language(data["language"]))
        elif name in ("region", "status"):
            conditions[name] = data[name]
        else:
            return None
    return conditions
