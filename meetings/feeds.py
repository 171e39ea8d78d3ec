"""An Atom feed of new meetings for any filter: /feed.atom?topic=smuggling&region=south."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .filters import filtered
from .models import Meeting

ITEMS = 50


class MeetingsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args, **kwargs) -> HttpRequest:
        return request

    def title(self, request: HttpRequest) -> str:
        return _("Libya security meetings")

    def link(self, request: HttpRequest) -> str:
        return reverse("meetings:timeline") + (f"?{request.GET.urlencode()}" if request.GET else "")

    def subtitle(self, request: HttpRequest) -> str:
        return _("New meetings matching the filters")

    def items(self, request: HttpRequest) -> list[Meeting]:
        meetings = filtered(request.GET).qs.select_related("city").prefetch_related("participations__person", "topics")
        return list(meetings.order_by("-created_at", "-id")[:ITEMS])

    def item_title(self, meeting: Meeting) -> str:
        return str(meeting)

    def item_description(self, meeting: Meeting) -> str:
        people = ", ".join(str(p.person) for p in meeting.participations.all())
        topics = ", ".join(t.name_en for t in meeting.topics.all())
        return f"{people}. {topics}".strip(". ")

    def item_link(self, meeting: Meeting) -> str:
        return reverse("meetings:meeting", args=[meeting.pk])

    def item_pubdate(self, meeting: Meeting):
        return meeting.created_at

    def item_updateddate(self, meeting: Meeting):
        return meeting.updated_at
