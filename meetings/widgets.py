"""Form widgets and fields for the filter bar shown on every dashboard page."""

from __future__ import annotations

import django_filters
from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


class PlainSelect(forms.Select):
    """A select drawn in Python. Django's template renderer includes a template per option (about
    0.13 ms each here), and the filter bar draws more than a hundred options on every page."""

    def render(self, name: str, value, attrs: dict | None = None, renderer=None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (
                    "" if option["value"] is None else option["value"],
                    mark_safe(" selected") if option["selected"] else "",
                    option["label"],
                )
                for _group, group_options, _index in widget["optgroups"]
                for option in group_options
            ),
        )
        return format_html('<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options)


class ListedChoices(ModelChoiceIterator):
    """Options read with one plain query. Django reads them through QuerySet.iterator(), which on
    PostgreSQL opens a server-side cursor: three round trips for a dozen rows, 1.5-2 ms a select."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset.all():
            yield self.choice(obj)


class ListedModelChoiceField(forms.ModelChoiceField):
    iterator = ListedChoices


class ModelChoiceFilter(django_filters.ModelChoiceFilter):
    """A model choice filter whose options come from one plain query (see ListedChoices)."""

    field_class = ListedModelChoiceField
