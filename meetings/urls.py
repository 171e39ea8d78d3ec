from django.urls import path

from . import api, views
from .feeds import MeetingsFeed

app_name = "meetings"
urlpatterns = [
    path("", views.timeline, name="timeline"),
    path("regions/", views.regions, name="regions"),
    path("regions/<slug:slug>/", views.region, name="region"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("people/", views.people, name="people"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("topics/", views.topics, name="topics"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization"),
    path("export/meetings.csv", views.export_csv, name="export_csv"),
    path("export/meetings.json", views.export_json, name="export_json"),
    path("feed.atom", MeetingsFeed(), name="atom"),
    path("api/meetings/", api.api_meetings, name="api_meetings"),
    path("api/people/", api.api_people, name="api_people"),
    path("api/deleted/", api.api_deleted, name="api_deleted"),
]
