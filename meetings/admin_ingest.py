"""Curators ingest from the admin: paste or upload articles, queue a URL, extract a stored article again.

Pasted text and uploaded files go through the same readers and pipeline as `manage.py ingest`;
a URL is queued for the `ingest_url` task like a feed entry. Every article is reported on its own
(a Django message) and stored in its own transaction, so one bad file never stops the rest and a
failure leaves nothing half-written.
"""

from __future__ import annotations

import json
import logging
import re
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from kombu.exceptions import OperationalError

from ingest import gazetteer, store
from ingest.gazetteer import Gazetteer
from ingest.pipeline import extract_article, ingest_article
from ingest.readers import SUFFIXES, from_mapping, from_plain_text, read_file
from ingest.types import ArticleError, RawArticle

from .models import Article, DeletedRecord

logger = logging.getLogger(__name__)

MARKUP = re.compile(r"<(?:!doctype|html|head|body|article|div|p)\b", re.IGNORECASE)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.Field):
    """The chosen files as they came; each is checked on its own later so that one bad file cannot block the rest."""

    widget = MultipleFileInput

    def to_python(self, data: object) -> list[UploadedFile]:
        if not data:
            return []
        return list(data) if isinstance(data, list | tuple) else [data]  # type: ignore[list-item]


class ArticleInputForm(forms.Form):
    text = forms.CharField(
        label=gettext_lazy("Article text"), required=False, widget=forms.Textarea(attrs={"rows": 14, "dir": "auto"})
    )
    url = forms.URLField(label=gettext_lazy("URL"), required=False, max_length=2000, assume_scheme="https")
    title = forms.CharField(label=gettext_lazy("Title"), required=False, max_length=1000)
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        required=False,
        choices=[("", gettext_lazy("detect")), *settings.LANGUAGES],
    )
    files = MultipleFileField(
        label=gettext_lazy("Or upload files"),
        required=False,
        help_text=gettext_lazy(".txt, .html, .json or .jsonl; several at once"),
        widget=MultipleFileInput(attrs={"accept": ",".join(sorted(SUFFIXES))}),
    )

    def clean(self) -> dict:
        data = super().clean()
        if not (data.get("text") or "").strip() and not data.get("files"):
            raise forms.ValidationError(_("Paste an article's text or choose at least one file."))
        return data


class UrlForm(forms.Form):
    url = forms.URLField(label=gettext_lazy("URL of the article"), max_length=2000, assume_scheme="https")


@dataclass(frozen=True)
class Outcome:
    """What happened to one article, as the curator reads it."""

    level: int
    message: str | SafeString


def change_link(article: Article) -> SafeString:
    url = reverse("admin:meetings_article_change", args=[article.pk])
    text = _("article %(id)d «%(title)s»") % {"id": article.pk, "title": article}
    return format_html('<a href="{}">{}</a>', url, text)


def outcome_of(label: str, article: Article, created: bool) -> Outcome:
    link = change_link(article)
    if not created:
        return Outcome(messages.INFO, format_html(_("{}: already stored as {}."), label, link))
    warnings = "; ".join(article.warnings or [])
    suffix = format_html(" " + _("Warnings: {}."), warnings) if warnings else ""
    if article.status == Article.Status.NOT_MEETING:
        message = format_html(_("{}: stored as {}, but it reports no meeting.{}"), label, link, suffix)
        return Outcome(messages.WARNING, message)
    count = article.meetings.count()
    meetings = ngettext("%(n)d meeting", "%(n)d meetings", count) % {"n": count}
    return Outcome(messages.SUCCESS, format_html(_("{}: stored as {} with {}.{}"), label, link, meetings, suffix))


def error_of(label: str, error: str) -> Outcome:
    return Outcome(messages.ERROR, f"{label}: {error}")


def internal_error(label: str, error: Exception) -> Outcome:
    """A bug, not the input: logged with its traceback, reported like a bad article."""
    logger.exception("%s failed", label)
    return error_of(label, _("internal error: %(kind)s: %(error)s") % {"kind": type(error).__name__, "error": error})


def ingest_one(label: str, raw: RawArticle, known: Gazetteer) -> Outcome:
    """Store one article in its own transaction; any failure is reported and rolled back."""
    try:
        with transaction.atomic():
            article, created = ingest_article(raw, known)
    except ArticleError as error:
        return error_of(label, str(error))
    except Exception as error:  # one bad article must not stop the batch, as in `manage.py ingest`
        return internal_error(label, error)
    return outcome_of(label, article, created)


def too_big(label: str, size: int) -> Outcome | None:
    limit = settings.INGEST_MAX_BYTES
    if size <= limit:
        return None
    return error_of(label, _("%(size)d bytes, over the %(limit)d-byte limit") % {"size": size, "limit": limit})


def pasted_article(data: dict) -> RawArticle:
    raw = from_plain_text(data["text"], "")
    raw.url, raw.language = data.get("url") or "", data.get("language") or ""
    raw.title = (data.get("title") or "").strip() or raw.title
    return raw


def uploaded_articles(upload: UploadedFile) -> Iterator[tuple[str, RawArticle | ArticleError]]:
    """The articles of one uploaded file, read by the same reader as `manage.py ingest`.

    The reader works on paths, so the upload is written under its own name to a scratch folder;
    paths in messages and in `source_path` are given back the uploaded name.
    """
    name = Path(upload.name or "upload").name
    with tempfile.TemporaryDirectory(prefix="admin-upload-") as folder:
        scratch = Path(folder) / name
        with scratch.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        for item in read_file(scratch):
            if isinstance(item, ArticleError):
                yield name, ArticleError(str(item).replace(str(scratch), name))
            else:
                item.path = item.path.replace(str(scratch), name)
                yield item.path, item


def ingest_input(data: dict) -> list[Outcome]:
    """Outcomes of the pasted text, then of every uploaded file in the order chosen."""
    known = gazetteer.current()
    outcomes: list[Outcome] = []
    text = data.get("text") or ""
    if text.strip():
        label = _("Pasted text")
        refused = too_big(label, len(text.encode("utf-8")))
        outcomes.append(refused or ingest_one(label, pasted_article(data), known))
    for upload in data.get("files") or []:
        name = Path(upload.name or "upload").name
        refused = too_big(name, upload.size or 0)
        if refused:
            outcomes.append(refused)
            continue
        for label, item in uploaded_articles(upload):
            if isinstance(item, ArticleError):
                outcomes.append(Outcome(messages.ERROR, str(item)))  # the reader's message names the file
            else:
                outcomes.append(ingest_one(label, item, known))
    return outcomes


def queue_url(url: str) -> Outcome:
    from ingest.tasks import ingest_url

    try:
        result = ingest_url.delay(url)
    except OperationalError as error:
        return error_of(url, _("could not queue the fetch: %(error)s") % {"error": error})
    article = Article.objects.filter(pk=result.result).first() if result.ready() else None
    if article is None:
        return Outcome(messages.SUCCESS, _("%(url)s: queued for fetching.") % {"url": url})
    # Tasks run in-process (no broker): the result is known at once.
    if article.status == Article.Status.FAILED:
        message = format_html(_("{}: the fetch failed: {} ({})"), url, article.error, change_link(article))
        return Outcome(messages.ERROR, message)
    return outcome_of(url, article, created=True)


def report(request: HttpRequest, outcomes: list[Outcome]) -> None:
    for outcome in outcomes:
        messages.add_message(request, outcome.level, outcome.message)


def ingest_view(model_admin: admin.ModelAdmin, request: HttpRequest) -> HttpResponse:
    """GET shows both forms; POST stores the pasted text and uploaded files, then shows the outcomes."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = ArticleInputForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report(request, ingest_input(form.cleaned_data))
        return HttpResponseRedirect(request.path)
    return render_page(model_admin, request, form, UrlForm())


def ingest_url_view(model_admin: admin.ModelAdmin, request: HttpRequest) -> HttpResponse:
    """POST queues the URL for the `ingest_url` task; a GET shows the ingest page."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = UrlForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report(request, [queue_url(form.cleaned_data["url"])])
        return HttpResponseRedirect(reverse("admin:meetings_article_ingest"))
    return render_page(model_admin, request, ArticleInputForm(), form)


def render_page(
    model_admin: admin.ModelAdmin, request: HttpRequest, input_form: ArticleInputForm, url_form: UrlForm
) -> HttpResponse:
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("Paste or upload articles"),
        "input_form": input_form,
        "url_form": url_form,
        "max_bytes": settings.INGEST_MAX_BYTES,
    }
    return render(request, "admin/ingest/ingest.html", context)


def urls_for(model_admin: admin.ModelAdmin) -> list[URLPattern]:
    def view(function: Callable[[admin.ModelAdmin, HttpRequest], HttpResponse]) -> Callable:
        return model_admin.admin_site.admin_view(lambda request: function(model_admin, request))

    return [
        path("ingest/", view(ingest_view), name="meetings_article_ingest"),
        path("ingest/url/", view(ingest_url_view), name="meetings_article_ingest_url"),
    ]


def stored_input(article: Article) -> RawArticle:
    """The article's raw input back as the reader or fetcher gave it to the pipeline."""
    text = article.raw
    if not text.strip():
        raise ArticleError(_("no stored input to extract from"))
    # A .jsonl article is stored as "file.jsonl:3".
    suffix = Path(re.sub(r":\d+$", "", article.source_path)).suffix.lower()
    if suffix in {".json", ".jsonl"} or (not suffix and text.lstrip().startswith("{") and is_json_object(text)):
        raw = from_mapping(json.loads(text), article.source_path)
    elif suffix in {".html", ".htm"} or (not suffix and MARKUP.search(text[:5000])):
        raw = RawArticle(path=article.source_path, html=text, raw=text)
    elif suffix == ".txt":
        raw = from_plain_text(text, article.source_path)
    elif not article.source_path:
        # Pasted in the admin or a fetched text/plain page: the title was given, not read from the text.
        raw = from_plain_text(text, "")
        raw.title = article.title or raw.title
    else:
        raise ArticleError(_("cannot tell how %(path)s was read") % {"path": article.source_path})
    raw.url = raw.url or article.url
    if article.feed_id and not article.source_path:
        # A feed's page: its language and date came from the feed, which is not asked again.
        raw.language = raw.language or (article.feed.language if article.feed else "")
        raw.title, raw.published = raw.title or article.title, raw.published or article.published
    return raw


def is_json_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False


def article_extract_again(article: Article, known: Gazetteer | None = None) -> tuple[Article, bool]:
    """Run the pipeline again on the stored input and store the result in place of the old one.

    The article's meetings go where it is their only source; otherwise it is detached from them.
    Returns the stored article and whether it is new (False: its text now duplicates another article).
    """
    raw = stored_input(article)
    extraction = extract_article(raw, known)  # no database writes: kept outside the transaction
    with transaction.atomic():
        current = Article.objects.select_for_update().filter(pk=article.pk).first()
        if current is None:
            raise ArticleError(_("the article was deleted meanwhile"))
        curated = [
            m
            for m in current.meetings.all()
            if not m.articles.exclude(pk=current.pk).exists() and (m.status == m.Status.REVIEWED or m.locked_fields)
        ]
        if curated:
            # A curator's review or corrections would go with the meeting: never silently.
            raise ArticleError(_("its meeting was reviewed or corrected by a curator; edit the meeting instead"))
        for meeting in current.meetings.all():
            if meeting.articles.exclude(pk=current.pk).exists():
                meeting.participations.filter(article=current).delete()
                meeting.merge_log = [e for e in (meeting.merge_log or []) if e.get("article") != current.pk]
                meeting.save(update_fields=["merge_log", "updated_at"])
            else:
                DeletedRecord.objects.create(model="meeting", record_id=meeting.pk)
                meeting.delete()
        feed_id, attempts = current.feed_id, current.attempts
        current.delete()
        stored, created = store.store_extraction(raw, extraction)
        if created:
            Article.objects.filter(pk=stored.pk).update(feed_id=feed_id, attempts=attempts)
    return stored, created


def extract_again(articles: list[Article]) -> list[Outcome]:
    known = gazetteer.current()
    outcomes = []
    for article in articles:
        label = str(article)
        try:
            stored, created = article_extract_again(article, known)
        except ArticleError as error:
            outcomes.append(error_of(label, str(error)))
            continue
        except Exception as error:  # reported like any other article's failure; the others go on
            outcomes.append(internal_error(label, error))
            continue
        outcomes.append(outcome_of(label, stored, created))
    return outcomes
