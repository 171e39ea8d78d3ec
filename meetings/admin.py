"""Every record in the admin; the full curation workflow builds on these."""
from django.contrib import admin

from . import models


@admin.register(models.Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_ar", "historic_name_en"]


@admin.register(models.City)
class CityAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_ar", "region", "latitude", "longitude"]
    list_filter = ["region"]
    search_fields = ["name_en", "name_ar"]


@admin.register(models.Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ["name_en", "name_ar", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name_en", "name_ar"]


class PersonAliasInline(admin.TabularInline):
    model = models.PersonAlias
    extra = 0
    fields = ["name", "script", "match_key", "added_by"]


class PositionInline(admin.TabularInline):
    model = models.Position
    extra = 0


@admin.register(models.Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name_latin", "name_arabic", "merged_into", "updated_at"]
    search_fields = ["name_latin", "name_arabic", "aliases__name"]
    inlines = [PersonAliasInline, PositionInline]


@admin.register(models.PersonAlias)
class PersonAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "person", "script", "match_key", "added_by"]
    list_filter = ["script", "added_by"]
    search_fields = ["name", "match_key"]
    autocomplete_fields = ["person"]


@admin.register(models.IdentityJudgement)
class IdentityJudgementAdmin(admin.ModelAdmin):
    list_display = ["left", "right", "verdict", "score", "decided_by_curator"]
    list_filter = ["verdict", "decided_by_curator"]
    autocomplete_fields = ["left", "right"]


@admin.register(models.Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["person", "title", "organization", "rank", "is_ministerial", "first_seen", "last_seen", "curated"]
    list_filter = ["is_ministerial", "curated"]
    search_fields = ["title", "person__name_latin", "person__name_arabic"]


@admin.register(models.Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_en", "name_ar"]


class ParticipationInline(admin.TabularInline):
    model = models.Participation
    extra = 0
    autocomplete_fields = ["person"]
    fields = ["person", "role", "name_as_written", "title", "position", "organization", "tentative"]


@admin.register(models.Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "date", "date_precision", "city", "status", "updated_at"]
    list_filter = ["status", "date_precision", "city__region", "topics"]
    date_hierarchy = "date"
    filter_horizontal = ["topics", "focus_regions"]
    inlines = [ParticipationInline]


@admin.register(models.Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ["person", "meeting", "role", "title", "position", "tentative"]
    list_filter = ["role", "tentative"]
    autocomplete_fields = ["person"]


@admin.register(models.Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "outlet", "language", "published", "status", "created_at"]
    list_filter = ["status", "language", "outlet"]
    search_fields = ["title", "url", "body"]
    readonly_fields = ["content_hash", "created_at", "updated_at"]


@admin.register(models.Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["__str__", "url", "enabled", "interval_minutes", "last_polled", "last_error"]
    list_filter = ["enabled"]


@admin.register(models.DeletedRecord)
class DeletedRecordAdmin(admin.ModelAdmin):
    list_display = ["model", "record_id", "replaced_by", "at"]
