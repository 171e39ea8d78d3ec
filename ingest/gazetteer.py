"""What the extractors know: cities, regions, topics, terms and curated aliases.

Curators own this data (it lives in the database, editable in the admin); the
extractors get it as one immutable snapshot. The snapshot is rebuilt when the
database says something changed, so a curator's addition is used by the next
extraction, in any process. Without a migrated database (a bare `extract` on a
fresh checkout) it falls back to the JSON files the migrations load from.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

from django.db import DatabaseError


@dataclass(frozen=True)
class CityEntry:
    name_en: str
    name_ar: str
    region: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicEntry:
    slug: str
    signals_en: tuple[str, ...] = ()
    signals_ar: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegionEntry:
    slug: str
    phrases_en: tuple[str, ...] = ()
    phrases_ar: tuple[str, ...] = ()


@dataclass(frozen=True)
class TermEntry:
    kind: str
    language: str
    text: str
    canonical: str = ""


@dataclass(frozen=True)
class AliasEntry:
    name: str
    person_id: int
    name_latin: str
    name_arabic: str


@dataclass(frozen=True)
class Gazetteer:
    cities: tuple[CityEntry, ...] = ()
    regions: tuple[RegionEntry, ...] = ()
    topics: tuple[TopicEntry, ...] = ()
    terms: tuple[TermEntry, ...] = ()
    aliases: tuple[AliasEntry, ...] = ()
    organizations: tuple[dict[str, Any], ...] = ()
    version: tuple[Any, ...] = field(default=(), compare=False)

    def terms_of(self, kind: str, language: str | None = None) -> list[TermEntry]:
        return [t for t in self.terms if t.kind == kind and (language is None or t.language == language)]


def _phrases(value: Any, language: str) -> tuple[str, ...]:
    if isinstance(value, dict):
        return tuple(value.get(language, []))
    return ()


def from_files() -> Gazetteer:
    from ingest.reference_data import read_terms
    from meetings.reference_data import read

    return Gazetteer(
        cities=tuple(
            CityEntry(c["name_en"], c["name_ar"], c["region"], tuple(c.get("variants", []))) for c in read("cities")
        ),
        regions=tuple(
            RegionEntry(r["slug"], _phrases(r.get("phrases"), "en"), _phrases(r.get("phrases"), "ar"))
            for r in read("regions")
        ),
        topics=tuple(
            TopicEntry(t["slug"], tuple(t["signals"].get("en", [])), tuple(t["signals"].get("ar", [])))
            for t in read("topics")
        ),
        terms=tuple(TermEntry(t["kind"], t["language"], t["text"], t.get("canonical", "")) for t in read_terms()),
        organizations=tuple(read("organizations")),
        version=("files",),
    )


def _database_version() -> tuple[Any, ...]:
    """A cheap fingerprint of the curated data: changes whenever a curator adds or edits a row."""
    from django.db.models import Count, Max

    from ingest.models import Term
    from meetings.models import City, PersonAlias, Region, Topic

    version: list[Any] = []
    # Only curators' aliases feed extraction: the extractor's own, added with every article,
    # must not invalidate the snapshot.
    for rows, stamp in (
        (Term.objects.all(), "updated_at"),
        (PersonAlias.objects.filter(added_by="curator"), "created_at"),
    ):
        agg = rows.aggregate(n=Count("id"), last=Max(stamp))
        version += [agg["n"], agg["last"]]
    # Cities, regions and topics have no timestamp: their content is small enough to hash.
    for model in (City, Region, Topic):
        version.append(hash(json.dumps(list(model.objects.order_by("pk").values_list()), default=str)))
    return tuple(version)


def from_database(version: tuple[Any, ...]) -> Gazetteer:
    from ingest.models import Term
    from meetings.models import City, Organization, PersonAlias, Region, Topic

    return Gazetteer(
        cities=tuple(
            CityEntry(c.name_en, c.name_ar, c.region.slug, tuple(c.variants or []))
            for c in City.objects.select_related("region")
        ),
        regions=tuple(
            RegionEntry(r.slug, _phrases(r.phrases, "en"), _phrases(r.phrases, "ar")) for r in Region.objects.all()
        ),
        topics=tuple(
            TopicEntry(t.slug, tuple((t.signals or {}).get("en", [])), tuple((t.signals or {}).get("ar", [])))
            for t in Topic.objects.all()
        ),
        terms=tuple(TermEntry(t.kind, t.language, t.text, t.canonical) for t in Term.objects.all()),
        aliases=tuple(
            AliasEntry(a.name, a.person_id, a.person.name_latin, a.person.name_arabic)
            for a in PersonAlias.objects.filter(added_by="curator").select_related("person")
        ),
        organizations=tuple(Organization.objects.values("name_en", "name_ar", "kind", "variants")),
        version=version,
    )


_lock = threading.Lock()
_cached: Gazetteer | None = None


def current() -> Gazetteer:
    """The snapshot to extract with now: rebuilt when the curated data changed."""
    global _cached
    try:
        version = _database_version()
    except DatabaseError:
        # No tables yet (extract on a fresh checkout): the shipped files.
        if _cached is None or _cached.version != ("files",):
            _cached = from_files()
        return _cached
    with _lock:
        if _cached is None or _cached.version != version:
            _cached = from_database(version)
        return _cached
