"""Every record in the admin, with the curation workflow as actions: review queues, merges, splits."""

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from . import activity, admin_ingest, curation, models


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
    fields = ["name", "script", "added_by", "tentative"]
    readonly_fields = ["script"]


class PositionInline(admin.TabularInline):
    model = models.Position
    extra = 0


@admin.register(models.Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name_latin", "name_arabic", "meeting_count", "merged_into", "updated_at"]
    list_filter = [("merged_into", admin.EmptyFieldListFilter)]
    search_fields = ["name_latin", "name_arabic", "aliases__name"]
    inlines = [PersonAliasInline, PositionInline]
    actions = ["merge_people", "mark_not_same"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(meetings_n=Count("participations"))

    @admin.display(description=_("meetings"), ordering="meetings_n")
    def meeting_count(self, person: models.Person) -> int:
        return person.meetings_n

    @admin.action(description=_("Same person: merge the selected records into the one with most meetings"))
    def merge_people(self, request: HttpRequest, queryset: QuerySet) -> None:
        people = sorted(queryset, key=lambda p: (-p.meetings_n, p.pk))
        if len(people) < 2:
            self.message_user(request, _("Select at least two people to merge."), messages.WARNING)
            return
        for other in people[1:]:
            curation.merge_people(other, people[0])
        self.message_user(
            request, _("Merged %(n)d records into %(person)s.") % {"n": len(people) - 1, "person": people[0]}
        )

    @admin.action(description=_("Not the same person: keep the selected records apart for good"))
    def mark_not_same(self, request: HttpRequest, queryset: QuerySet) -> None:
        people = list(queryset)
        for i, left in enumerate(people):
            for right in people[i + 1 :]:
                curation.mark_not_same(left, right)
        self.message_user(request, _("Marked %(n)d people as different from each other.") % {"n": len(people)})


@admin.register(models.PersonAlias)
class PersonAliasAdmin(admin.ModelAdmin):
    list_display = ["name", "person", "script", "added_by", "tentative"]
    list_filter = ["script", "added_by", "tentative"]
    readonly_fields = ["match_key", "skeleton", "family_key", "block_key"]

    def save_model(self, request: HttpRequest, obj: models.PersonAlias, form, change: bool) -> None:
        """An alias a curator types is final: keys computed, marked curated."""
        from ingest.resolve import alias_keys

        for field, value in alias_keys(obj.name).items():
            setattr(obj, field, value)
        obj.added_by, obj.tentative = models.AddedBy.CURATOR, False
        super().save_model(request, obj, form, change)

    search_fields = ["name", "match_key"]
    autocomplete_fields = ["person"]


@admin.register(models.IdentityJudgement)
class IdentityJudgementAdmin(admin.ModelAdmin):
    """The identity-review queue: open questions first, answered with one action."""

    list_display = ["left", "right", "verdict", "score", "reason", "decided_by_curator", "created_at"]
    list_filter = ["verdict", "decided_by_curator"]
    search_fields = ["left__name_latin", "left__name_arabic", "right__name_latin", "right__name_arabic"]
    autocomplete_fields = ["left", "right"]
    ordering = ["-verdict", "-score"]
    actions = ["same_person", "not_same_person"]

    @admin.action(description=_("Same person: merge the newer record into the older"))
    def same_person(self, request: HttpRequest, queryset: QuerySet) -> None:
        for question in queryset.select_related("left", "right"):
            curation.merge_people(question.right, question.left)
        self.message_user(request, _("Merged %(n)d pairs.") % {"n": queryset.count()})

    @admin.action(description=_("Not the same person"))
    def not_same_person(self, request: HttpRequest, queryset: QuerySet) -> None:
        for question in queryset.select_related("left", "right"):
            curation.mark_not_same(question.left, question.right)
        self.message_user(request, _("Marked %(n)d pairs as different people.") % {"n": queryset.count()})


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
    list_display = ["__str__", "date", "date_precision", "city", "status", "source_count", "merged_into", "updated_at"]
    list_filter = ["status", "date_precision", "city__region", "topics", ("merged_into", admin.EmptyFieldListFilter)]
    date_hierarchy = "date"
    filter_horizontal = ["topics", "focus_regions"]
    readonly_fields = ["merge_log", "locked_fields", "merged_into"]
    inlines = [ParticipationInline]
    actions = ["approve", "reject", "merge_meetings", "split_sources"]
    LOCKABLE = ["date", "date_precision", "city", "topics", "focus_regions", "summary"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(sources_n=Count("articles", distinct=True))

    @admin.display(description=_("sources"), ordering="sources_n")
    def source_count(self, meeting: models.Meeting) -> int:
        return meeting.sources_n

    def save_form(self, request: HttpRequest, form, change: bool):
        """Fields a curator changed are locked: later reports merged in do not overwrite them."""
        meeting = super().save_form(request, form, change)
        changed = [f for f in form.changed_data if f in self.LOCKABLE]
        if changed:
            meeting.locked_fields = sorted({*(meeting.locked_fields or []), *changed})
        return meeting

    @admin.action(description=_("Approve: mark reviewed"))
    def approve(self, request: HttpRequest, queryset: QuerySet) -> None:
        n = self.set_status(queryset, models.Meeting.Status.REVIEWED)
        self.message_user(request, _("%(n)d meetings marked reviewed.") % {"n": n})

    @admin.action(description=_("Reject: not a meeting"))
    def reject(self, request: HttpRequest, queryset: QuerySet) -> None:
        n = self.set_status(queryset, models.Meeting.Status.REJECTED)
        self.message_user(request, _("%(n)d meetings rejected.") % {"n": n})

    @staticmethod
    def set_status(queryset: QuerySet, status: str) -> int:
        """One UPDATE for the selection; it sends no signals, so the change time (which the API's
        updated_since reads) and the region counts are brought along here."""
        with transaction.atomic():
            ids = list(queryset.values_list("pk", flat=True))
            n = models.Meeting.objects.filter(pk__in=ids).update(status=status, updated_at=timezone.now())
            activity.refresh(ids)
        return n

    @admin.action(description=_("Same meeting: merge the selected into the oldest record"))
    def merge_meetings(self, request: HttpRequest, queryset: QuerySet) -> None:
        meetings = list(queryset.order_by("pk"))
        if len(meetings) < 2:
            self.message_user(request, _("Select at least two meetings to merge."), messages.WARNING)
            return
        for other in meetings[1:]:
            curation.merge_meetings(other, meetings[0])
        self.message_user(
            request, _("Merged %(n)d meetings into %(meeting)s.") % {"n": len(meetings) - 1, "meeting": meetings[0]}
        )

    @admin.action(description=_("Split: give every source but the first its own meeting again"))
    def split_sources(self, request: HttpRequest, queryset: QuerySet) -> None:
        split = 0
        for meeting in queryset:
            for article in list(meeting.articles.order_by("pk"))[1:]:
                curation.split_source(meeting, article)
                split += 1
        self.message_user(request, _("Split off %(n)d sources.") % {"n": split})


@admin.register(models.Participation)
class ParticipationAdmin(admin.ModelAdmin):
    """Filter on "tentative" for the queue of links made on thin evidence."""

    list_display = ["name_as_written", "person", "meeting", "role", "title", "position", "tentative"]
    list_filter = ["tentative", "role"]
    search_fields = ["name_as_written", "person__name_latin", "person__name_arabic"]
    autocomplete_fields = ["person"]
    actions = ["confirm", "split"]

    @admin.action(description=_("Right person: confirm the link"))
    def confirm(self, request: HttpRequest, queryset: QuerySet) -> None:
        for participation in queryset:
            curation.confirm_participation(participation)
        self.message_user(request, _("Confirmed %(n)d links.") % {"n": queryset.count()})

    @admin.action(description=_("Wrong person: split the mention off as a new person"))
    def split(self, request: HttpRequest, queryset: QuerySet) -> None:
        for participation in queryset:
            curation.split_participation(participation)
        self.message_user(request, _("Split off %(n)d mentions.") % {"n": queryset.count()})


@admin.register(models.Article)
class ArticleAdmin(admin.ModelAdmin):
    """Ingest pages (paste, upload, URL) beside the changelist; actions re-run the pipeline or the fetch."""

    list_display = [
        "__str__",
        "status",
        "short_error",
        "warning_count",
        "outlet",
        "language",
        "meeting_count",
        "published",
        "created_at",
    ]
    list_filter = ["status", "language", "outlet"]
    search_fields = ["title", "url", "body"]
    exclude = ["warnings"]
    readonly_fields = ["error", "warning_list", "attempts", "content_hash", "created_at", "updated_at"]
    actions = ["extract_again", "retry_failed_fetch"]
    change_list_template = "admin/ingest/article_change_list.html"

    def get_urls(self) -> list:
        return [*admin_ingest.urls_for(self), *super().get_urls()]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(meetings_n=Count("meetings", distinct=True))

    @admin.display(description=_("error"), ordering="error")
    def short_error(self, article: models.Article) -> str:
        return Truncator(article.error).chars(80)

    @admin.display(description=_("warnings"))
    def warning_count(self, article: models.Article) -> int:
        return len(article.warnings or [])

    @admin.display(description=_("warnings"))
    def warning_list(self, article: models.Article) -> str:
        return format_html_join(mark_safe("<br>"), "{}", ((w,) for w in article.warnings or [])) or "–"

    @admin.display(description=_("meetings"), ordering="meetings_n")
    def meeting_count(self, article: models.Article) -> int:
        return article.meetings_n

    @admin.action(description=_("Extract again from the stored input"))
    def extract_again(self, request: HttpRequest, queryset: QuerySet) -> None:
        admin_ingest.report(request, admin_ingest.extract_again(list(queryset.select_related("feed"))))

    @admin.action(description=_("Retry failed fetch"))
    def retry_failed_fetch(self, request: HttpRequest, queryset: QuerySet) -> None:
        from ingest.tasks import ingest_url

        failed = list(queryset.filter(status=models.Article.Status.FAILED).exclude(url=""))
        for article in failed:
            ingest_url.delay(article.url, feed_id=article.feed_id)
        self.message_user(request, _("Queued %(n)d failed articles to be fetched again.") % {"n": len(failed)})
        skipped = queryset.count() - len(failed)
        if skipped:
            message = _("Skipped %(n)d articles that did not fail or have no URL.") % {"n": skipped}
            self.message_user(request, message, messages.WARNING)


@admin.register(models.Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = ["__str__", "url", "enabled", "interval_minutes", "last_polled", "short_error"]
    list_filter = ["enabled"]
    readonly_fields = ["last_polled", "last_error", "etag", "last_modified"]
    actions = ["poll_now"]

    @admin.display(description=_("last error"), ordering="last_error")
    def short_error(self, feed: models.Feed) -> str:
        return Truncator(feed.last_error).chars(80)

    @admin.action(description=_("Poll now"))
    def poll_now(self, request: HttpRequest, queryset: QuerySet) -> None:
        from ingest.tasks import poll_feed

        enabled = list(queryset.filter(enabled=True).values_list("pk", flat=True))
        for feed_id in enabled:
            poll_feed.delay(feed_id)
        self.message_user(request, _("Queued a poll of %(n)d feeds.") % {"n": len(enabled)})
        disabled = queryset.count() - len(enabled)
        if disabled:
            self.message_user(request, _("Skipped %(n)d disabled feeds.") % {"n": disabled}, messages.WARNING)


@admin.register(models.DeletedRecord)
class DeletedRecordAdmin(admin.ModelAdmin):
    list_display = ["model", "record_id", "replaced_by", "at"]
