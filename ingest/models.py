"""Gazetteer terms that drive extraction and that curators extend in the admin, without code."""
from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Term(models.Model):
    class Kind(models.TextChoices):
        TITLE = "title", _("rank or title")
        POSITION = "position", _("position")
        MEETING_CUE = "meeting_cue", _("meeting cue")
        NOT_MEETING_CUE = "not_meeting_cue", _("not-a-meeting cue")
        BOILERPLATE = "boilerplate", _("boilerplate marker")
        STOP_NAME = "stop_name", _("word that is never a name")
        POSITION_HEAD = "position_head", _("word that opens a position")
        CHAIR_VERB = "chair_verb", _("verb whose subject chairs the meeting")
        CHAIR_MARKER = "chair_marker", _("phrase naming the chair after it")
        PARTICIPATION_CUE = "participation_cue", _("phrase naming people present")
        BACKGROUND_MARKER = "background_marker", _("phrase opening another event")
        PURPOSE_MARKER = "purpose_marker", _("phrase after which a place is a topic, not the venue")
        VENUE_MARKER = "venue_marker", _("phrase after which a place is the venue")
        VISIT_CUE = "visit_cue", _("word saying somebody visited a place")
        LIBYA_CUE = "libya_cue", _("sign the story is about Libya")
        FOREIGN_CUE = "foreign_cue", _("sign the story is about another country")
        GIVEN_NAME = "given_name", _("common given name")
        POSITION_PHRASE = "position_phrase", _("position or body phrase with its English form")
        FUTURE_CUE = "future_cue", _("phrase saying the meeting is still to come")

    class Language(models.TextChoices):
        ARABIC = "ar", _("Arabic")
        ENGLISH = "en", _("English")

    kind = models.CharField(max_length=20, choices=Kind.choices, db_index=True)
    language = models.CharField(max_length=2, choices=Language.choices)
    text = models.CharField(max_length=300, help_text=_("As it appears in articles."))
    canonical = models.CharField(max_length=300, blank=True, help_text=_("Canonical English form, where it has one."))
    note = models.CharField(max_length=300, blank=True)
    added_by_curator = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "language", "text"]
        constraints = [models.UniqueConstraint(fields=["kind", "language", "text"], name="term_unique")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.text}" + (f" → {self.canonical}" if self.canonical else "")
