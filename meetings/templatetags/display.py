"""Names in the reader's language where one is known, the other script's otherwise."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from ingest.extract.text import has_arabic

register = template.Library()


@register.filter
def local(record: Any) -> str:
    """Person, city, region, topic or organization named in the current language."""
    if record is None:
        return ""
    arabic = (get_language() or "en").startswith("ar")
    pairs = (("name_arabic", "name_latin"), ("name_ar", "name_en"))
    for ar_field, en_field in pairs:
        if hasattr(record, ar_field):
            first, second = (ar_field, en_field) if arabic else (en_field, ar_field)
            return getattr(record, first) or getattr(record, second) or str(record)
    return str(record)


@register.simple_tag(takes_context=True)
def with_params(context: Any, **changes: Any) -> str:
    """The current query string with some parameters changed: filters survive paging and links."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + urlencode(sorted(params.lists()), doseq=True) if params else "?"


@register.simple_tag(takes_context=True)
def neutral_path(context: Any) -> str:
    """This page's path without the language prefix, for the language switch to translate.

    set_language runs unprefixed (in the default language), where /ar/... does not resolve;
    the unprefixed path does, and Django then prefixes it for the language chosen.
    """
    request = context["request"]
    return translate_url(request.get_full_path(), settings.LANGUAGE_CODE)


@register.filter
def isolated(text: str) -> str:
    """Left-to-right text (a date, a number range) kept in its order inside Arabic sentences."""
    return f"\u2066{text}\u2069" if text else text


@register.filter
def local_position(participation: Any) -> str:
    """The position in English, or as the Arabic article wrote it on Arabic pages."""
    arabic = (get_language() or "en").startswith("ar")
    written = getattr(participation, "position_as_written", "")
    if arabic and written and has_arabic(written):
        return written
    return participation.position
