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
