"""The one filter set behind every list, summary, export, feed and API response.

Parameters stay in the URL, so a filtered view is a link to share.
"""
from __future__ import annotations

import django_filters
from django.db import connection
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from .models import City, Meeting, Organization, Person, Region, Topic


class MeetingFilter(django_filters.FilterSet):
    date_from = django_filters.DateFilter(field_name="date", lookup_expr="gte", label=_("From"))
    date_to = django_filters.DateFilter(field_name="date", lookup_expr="lte", label=_("To"))
    region = django_filters.ModelChoiceFilter(
        field_name="city__region", queryset=Region.objects.all(), to_field_name="slug", label=_("Venue region"),
    )
    focus = django_filters.ModelChoiceFilter(
        field_name="focus_regions", queryset=Region.objects.all(), to_field_name="slug", label=_("Focus region"),
    )
    city = django_filters.ModelChoiceFilter(queryset=City.objects.all(), label=_("City"))
    person = django_filters.ModelChoiceFilter(
        field_name="participations__person", queryset=Person.objects.filter(merged_into__isnull=True),
        label=_("Person"),
    )
    organization = django_filters.ModelChoiceFilter(
        field_name="participations__organization", queryset=Organization.objects.all(), label=_("Organization"),
    )
    topic = django_filters.ModelChoiceFilter(
        field_name="topics", queryset=Topic.objects.all(), to_field_name="slug", label=_("Topic"),
    )
    language = django_filters.ChoiceFilter(
        field_name="articles__language", choices=[("ar", _("Arabic")), ("en", _("English"))], label=_("Source language"),
    )
    outlet = django_filters.CharFilter(field_name="articles__outlet", lookup_expr="iexact", label=_("Outlet"))
    status = django_filters.ChoiceFilter(choices=Meeting.Status.choices, label=_("Review status"))
    q = django_filters.CharFilter(method="search_text", label=_("Text"))
    updated_since = django_filters.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte", label=_("Updated since"))

    class Meta:
        model = Meeting
        fields: list[str] = []

    def search_text(self, queryset: QuerySet[Meeting], name: str, value: str) -> QuerySet[Meeting]:
        """Words in either language, in the sources' titles and bodies or the participants' names."""
        for word in value.split()[:6]:
            if connection.vendor == "postgresql":
                # PostgreSQL full-text search of titles and bodies; names by substring.
                match = (Q(articles__title__search=word) | Q(articles__body__search=word)
                         | Q(participations__person__aliases__name__icontains=word))
            else:
                match = (Q(articles__title__icontains=word) | Q(articles__body__icontains=word)
                         | Q(participations__person__aliases__name__icontains=word))
            queryset = queryset.filter(pk__in=Meeting.objects.filter(match).values("pk"))
        return queryset

    @property
    def qs(self) -> QuerySet[Meeting]:
        # Joins on participations or articles repeat a meeting: one row per meeting.
        return super().qs.distinct()


def filtered(params, queryset: QuerySet[Meeting] | None = None) -> MeetingFilter:
    return MeetingFilter(params, queryset=queryset if queryset is not None else Meeting.objects.visible())
