"""The record: who met whom, where, when and about what, and the articles that say so.

Modelled on Popolo: Person, Organization, Position/Membership (Position here),
Event (Meeting) and Area (Region, City).
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _


class Script(models.TextChoices):
    ARABIC = "arabic", _("Arabic")
    LATIN = "latin", _("Latin")


class AddedBy(models.TextChoices):
    EXTRACTOR = "extractor", _("extractor")
    CURATOR = "curator", _("curator")


def bilingual(english: str, arabic: str) -> str:
    """'Benghazi / بنغازي', or whichever name is known."""
    return " / ".join(name for name in (english, arabic) if name) or "—"


class Region(models.Model):
    slug = models.SlugField(unique=True)
    name_en = models.CharField(_("English name"), max_length=100)
    name_ar = models.CharField(_("Arabic name"), max_length=100)
    historic_name_en = models.CharField(max_length=100, blank=True)
    historic_name_ar = models.CharField(max_length=100, blank=True)
    # Phrases that name the region as a focus ("the eastern region", «المنطقة الشرقية»).
    phrases = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return bilingual(self.name_en, self.name_ar)


class City(models.Model):
    name_en = models.CharField(_("canonical English name"), max_length=100, unique=True)
    name_ar = models.CharField(_("Arabic name"), max_length=100)
    # Every other spelling seen, in either script.
    variants = models.JSONField(default=list, blank=True)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="cities")
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["name_en"]
        verbose_name_plural = "cities"

    def __str__(self) -> str:
        return bilingual(self.name_en, self.name_ar)


class Organization(models.Model):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("government")
        MINISTRY = "ministry", _("ministry")
        DIRECTORATE = "directorate", _("security directorate")
        AGENCY = "agency", _("agency")
        ARMED_FORCES = "armed_forces", _("armed forces")
        COUNCIL = "council", _("council")
        MUNICIPALITY = "municipality", _("municipality")
        INTERNATIONAL = "international", _("international body")
        OTHER = "other", _("other")

    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    name_ar = models.CharField(_("Arabic name"), max_length=200, blank=True)
    variants = models.JSONField(default=list, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children")

    class Meta:
        ordering = ["name_en", "name_ar"]
        constraints = [
            models.CheckConstraint(condition=~Q(name_en="", name_ar=""), name="organization_has_a_name"),
        ]

    def __str__(self) -> str:
        return bilingual(self.name_en, self.name_ar)


class Person(models.Model):
    name_latin = models.CharField(_("canonical Latin name"), max_length=200, blank=True)
    name_arabic = models.CharField(_("Arabic name"), max_length=200, blank=True)
    # Set when a curator merged this record into another: kept so old links and
    # downstream copies can follow it.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name_latin", "name_arabic"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return bilingual(self.name_latin, self.name_arabic)


class PersonAlias(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    script = models.CharField(max_length=10, choices=Script.choices)
    # Spelling-insensitive key used to find candidates without scanning every person.
    match_key = models.CharField(max_length=200, db_index=True)
    # Cross-script consonant keys (ingest/name_keys.py): whole name, family name, given name + family start.
    skeleton = models.CharField(max_length=200, blank=True, db_index=True)
    family_key = models.CharField(max_length=100, blank=True, db_index=True)
    block_key = models.CharField(max_length=100, blank=True, db_index=True)
    # Spelling linked on thin evidence: a later mention of it is linked tentatively too.
    tentative = models.BooleanField(default=False)
    added_by = models.CharField(max_length=10, choices=AddedBy.choices, default=AddedBy.EXTRACTOR)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["person", "name"]
        verbose_name_plural = "person aliases"
        constraints = [models.UniqueConstraint(fields=["person", "name"], name="alias_unique_per_person")]

    def __str__(self) -> str:
        return f"{self.name} → {self.person}"


class IdentityJudgement(models.Model):
    """A decision (or an open question) about whether two person records are one human being."""

    class Verdict(models.TextChoices):
        SAME = "same", _("same person")
        NOT_SAME = "not_same", _("not the same person")
        UNSURE = "unsure", _("unsure: needs review")

    left = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    verdict = models.CharField(max_length=10, choices=Verdict.choices, default=Verdict.UNSURE)
    score = models.FloatField(null=True, blank=True)
    reason = models.TextField(blank=True)
    decided_by_curator = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["left", "right"], name="one_judgement_per_pair"),
            models.CheckConstraint(condition=Q(left__lt=models.F("right")), name="judgement_pair_ordered"),
        ]

    def __str__(self) -> str:
        return f"{self.left} ≟ {self.right}: {self.get_verdict_display()}"


class Position(models.Model):
    """A post a person held: derived from meetings (first/last seen) or curated (start/end)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions")
    title = models.CharField(_("position"), max_length=300)
    title_ar = models.CharField(_("position in Arabic"), max_length=300, blank=True)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="positions"
    )
    rank = models.CharField(_("rank or title"), max_length=100, blank=True)
    is_ministerial = models.BooleanField(default=False, help_text=_("A minister's post: listed apart from officials."))
    first_seen = models.DateField(null=True, blank=True)
    last_seen = models.DateField(null=True, blank=True)
    start = models.DateField(_("curated start"), null=True, blank=True)
    end = models.DateField(_("curated end"), null=True, blank=True)
    curated = models.BooleanField(default=False, help_text=_("Curated positions take precedence over derived ones."))

    class Meta:
        ordering = ["person", "-curated", "first_seen"]

    def __str__(self) -> str:
        return f"{self.person}: {self.title}"


class Topic(models.Model):
    slug = models.SlugField(unique=True)
    name_en = models.CharField(max_length=100)
    name_ar = models.CharField(max_length=100)
    description = models.TextField(blank=True)
    # {"en": [...], "ar": [...]}: phrases that signal the topic in a text.
    signals = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["slug"]

    def __str__(self) -> str:
        return bilingual(self.name_en, self.name_ar)


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")
    UNKNOWN = "unknown", _("unknown")


class MeetingQuerySet(models.QuerySet):
    def visible(self) -> MeetingQuerySet:
        return self.exclude(status=Meeting.Status.REJECTED).filter(merged_into__isnull=True)

    def reviewed(self) -> MeetingQuerySet:
        return self.filter(status=Meeting.Status.REVIEWED)

    def in_region(self, slug: str) -> MeetingQuerySet:
        return self.filter(city__region__slug=slug)


class Meeting(models.Model):
    class Status(models.TextChoices):
        EXTRACTED = "extracted", _("extracted")
        REVIEWED = "reviewed", _("reviewed")
        REJECTED = "rejected", _("rejected")

    # Stored as the first day of the period; date_precision says how much of it is known.
    date = models.DateField(null=True, blank=True, db_index=True)
    date_precision = models.CharField(max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN)
    city = models.ForeignKey(City, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings")
    focus_regions = models.ManyToManyField(Region, blank=True, related_name="focus_meetings")
    topics = models.ManyToManyField(Topic, blank=True, related_name="meetings")
    summary = models.TextField(blank=True)
    # Languages of the sources, "ar en": derived, kept by meetings.source_languages for the filter.
    source_languages = models.CharField(max_length=20, blank=True, default="", editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.EXTRACTED, db_index=True)
    # Names of fields a curator fixed: later extraction and merges must not overwrite them.
    locked_fields = models.JSONField(default=list, blank=True)
    # Why reports were merged into this meeting: [{"article": id, "fields": {...}, "score": float}].
    merge_log = models.JSONField(default=list, blank=True)
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="merged_from"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-id"]
        indexes = [
            models.Index(fields=["status", "date"]),
            # Counting visible meetings by date stays cheap at hundreds of thousands of rows; with
            # the id, source languages and status, a filter's join or a language or status filter
            # reads the index alone. (The newest-first index, PostgreSQL only, is created in migration 0005.)
            models.Index(
                fields=["date", "city", "id", "source_languages", "status"],
                name="visible_by_date",
                condition=Q(merged_into__isnull=True) & ~Q(status="rejected"),
            ),
        ]

    def __str__(self) -> str:
        when = self.date_display()
        where = str(self.city) if self.city else "?"
        return f"{when} · {where}"

    def date_display(self) -> str:
        if not self.date:
            return str(_("undated"))
        if self.date_precision == DatePrecision.YEAR:
            return f"{self.date:%Y}"
        if self.date_precision == DatePrecision.MONTH:
            return f"{self.date:%Y-%m}"
        return self.date.isoformat()

    def is_locked(self, field: str) -> bool:
        return field in (self.locked_fields or [])


class Participation(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("chair")
        PARTICIPANT = "participant", _("participant")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="participations")
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.PARTICIPANT)
    # As reported by the article, not normalized.
    name_as_written = models.CharField(max_length=200, blank=True)
    title = models.CharField(_("rank or title"), max_length=100, blank=True)
    position = models.CharField(max_length=300, blank=True)
    position_as_written = models.CharField(_("position as written"), max_length=300, blank=True)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="participations"
    )
    article = models.ForeignKey(
        "Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="participations"
    )
    evidence = models.JSONField(default=list, blank=True)
    # Linked on thin evidence: the pair waits in the identity-review queue.
    tentative = models.BooleanField(default=False)

    class Meta:
        ordering = ["meeting", "-role", "id"]
        constraints = [models.UniqueConstraint(fields=["meeting", "person"], name="one_participation_per_person")]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()}) @ {self.meeting}"


class Article(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        PROCESSING = "processing", _("processing")
        DONE = "done", _("done")
        NOT_MEETING = "not_meeting", _("no meeting")
        FAILED = "failed", _("failed")

    url = models.URLField(max_length=2000, blank=True)
    canonical_url = models.URLField(max_length=2000, null=True, blank=True, unique=True)
    source_path = models.CharField(_("file ingested from"), max_length=1000, blank=True)
    outlet = models.CharField(max_length=200, blank=True, db_index=True)
    language = models.CharField(max_length=2, blank=True, db_index=True)
    title = models.CharField(max_length=1000, blank=True)
    published = models.DateField(null=True, blank=True)
    raw = models.TextField(_("raw input"), blank=True)
    body = models.TextField(_("cleaned body"), blank=True)
    content_hash = models.CharField(max_length=64, unique=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    error = models.TextField(blank=True)
    warnings = models.JSONField(default=list, blank=True)
    extraction = models.JSONField(_("extraction result"), null=True, blank=True)
    # {"field": [[start, end], ...]} offsets into body.
    evidence = models.JSONField(default=dict, blank=True)
    meetings = models.ManyToManyField(Meeting, blank=True, related_name="articles")
    feed = models.ForeignKey("Feed", null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    attempts = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        # The outlet filter matches case-insensitively (UPPER(outlet) = UPPER(value)): this index
        # serves it and, unlike the plain one, gives the planner statistics for the expression, so
        # it knows how many sources an outlet has (it assumed 0.5 % and walked 300,000 in loops).
        indexes = [models.Index(Upper("outlet"), name="article_outlet_any_case")]

    def __str__(self) -> str:
        return self.title or self.canonical_url or self.source_path or f"article {self.pk}"


class Feed(models.Model):
    url = models.URLField(max_length=2000, unique=True)
    name = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=2, blank=True, help_text=_("Leave empty to detect per article."))
    enabled = models.BooleanField(default=True)
    interval_minutes = models.PositiveIntegerField(default=30)
    last_polled = models.DateTimeField(null=True, blank=True)
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["name", "url"]

    def __str__(self) -> str:
        return self.name or self.url


class DeletedRecord(models.Model):
    """A tombstone so that API consumers can drop records that were merged or deleted."""

    model = models.CharField(max_length=20)
    record_id = models.BigIntegerField()
    replaced_by = models.BigIntegerField(null=True, blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    def __str__(self) -> str:
        return f"{self.model} {self.record_id} → {self.replaced_by or 'deleted'}"


class RegionActivity(models.Model):
    """Derived, never edited: for every visible, dated meeting with a venue, one row for its venue
    and one per person and per topic, each carrying the meeting's date and venue region. Region
    summaries count people and topics from one index range of this table instead of joining
    meetings to participations and topics. Kept in step by meetings.activity; `manage.py
    rebuild_activity` recomputes it from the record."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+", db_index=False)
    date = models.DateField()
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+", db_index=False)
    # Exactly one of the three is set: the row counts a venue, a person or a topic.
    city = models.ForeignKey(City, null=True, on_delete=models.CASCADE, related_name="+", db_index=False)
    person = models.ForeignKey(Person, null=True, on_delete=models.CASCADE, related_name="+", db_index=False)
    topic = models.ForeignKey(Topic, null=True, on_delete=models.CASCADE, related_name="+", db_index=False)
    # The meeting's, so a source-language or review-status filter ranks people and topics by index
    # range too.
    source_languages = models.CharField(max_length=20, blank=True, default="")
    status = models.CharField(max_length=10, blank=True, default="")

    class Meta:
        verbose_name_plural = "region activity"
        # A region's period is one range of these: its busiest people come from a hash of that
        # range cut by a top-N sort, not a sort of every (region, person) group of all regions.
        # The meeting-led one carries every column a filtered summary groups by, so the rows of a
        # filter's meetings are read from the index alone (and a meeting's refresh finds them).
        indexes = [
            models.Index(fields=["meeting", "city", "region", "person", "topic"], name="activity_of_meeting"),
            models.Index(
                fields=["region", "date", "person", "source_languages", "status"],
                name="activity_people_in_period",
                condition=Q(person__isnull=False),
            ),
            models.Index(
                fields=["region", "date", "topic", "source_languages", "status"],
                name="activity_topics_in_period",
                condition=Q(topic__isnull=False),
            ),
            models.Index(
                fields=["region", "date", "city"], name="activity_venues_in_period", condition=Q(city__isnull=False)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.region_id} {self.city_id or self.person_id or self.topic_id}"


class RegionMonth(models.Model):
    """Derived, never edited: RegionActivity's venue and topic rows counted per region and calendar
    month, so a period of months reads a few hundred rows and only its partial months day by day.
    People are not kept here: spread over thousands of officials they hardly compress. Kept by
    meetings.activity with each change of RegionActivity; a count may fall to 0 and stay."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+", db_index=False)
    month = models.DateField()  # its first day
    city = models.ForeignKey(City, null=True, on_delete=models.CASCADE, related_name="+", db_index=False)
    topic = models.ForeignKey(Topic, null=True, on_delete=models.CASCADE, related_name="+", db_index=False)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["region", "month", key], condition=Q(**{f"{key}__isnull": False}), name=f"month_per_{key}"
            )
            for key in ("city", "topic")
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.month:%Y-%m} {self.city_id or self.topic_id}: {self.n}"


class RegionTotal(models.Model):
    """Derived, never edited: RegionActivity rows counted over the whole record, per region and
    venue, person or topic, so "all time" reads a few index entries instead of every row. Kept by
    meetings.activity with each change of RegionActivity; a count may fall to 0 and stay."""

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+", db_index=False)
    city = models.ForeignKey(City, null=True, on_delete=models.CASCADE, related_name="+", db_index=False)
    person = models.ForeignKey(Person, null=True, on_delete=models.CASCADE, related_name="+", db_index=False)
    topic = models.ForeignKey(Topic, null=True, on_delete=models.CASCADE, related_name="+", db_index=False)
    n = models.IntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["region", key], condition=Q(**{f"{key}__isnull": False}), name=f"total_per_{key}"
            )
            for key in ("city", "person", "topic")
        ]
        indexes = [
            models.Index(
                fields=["region", "-n", "person"], name="total_people_busiest", condition=Q(person__isnull=False)
            )
        ]

    def __str__(self) -> str:
        return f"{self.region_id} {self.city_id or self.person_id or self.topic_id}: {self.n}"
