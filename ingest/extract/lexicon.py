"""The gazetteer compiled for matching: folded word sets and regexes, built once per snapshot."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from ingest.gazetteer import CityEntry, Gazetteer

from .text import fold_phrase, phrase_pattern


@dataclass
class Lexicon:
    gazetteer: Gazetteer
    _patterns: dict[tuple[str, str, bool], re.Pattern[str] | None] = field(default_factory=dict)
    _signal_patterns: dict[tuple[tuple[str, ...], str], re.Pattern[str] | None] = field(default_factory=dict)

    def phrases(self, kind: str, language: str) -> tuple[str, ...]:
        return tuple(term.text for term in self.gazetteer.terms_of(kind, language))

    def pattern(self, kind: str, language: str, *, arabic_prefixes: bool = False) -> re.Pattern[str] | None:
        key = (kind, language, arabic_prefixes)
        if key not in self._patterns:
            self._patterns[key] = phrase_pattern(self.phrases(kind, language), arabic_prefixes=arabic_prefixes)
        return self._patterns[key]

    def signal_pattern(self, signals: tuple[str, ...], language: str) -> re.Pattern[str] | None:
        """A topic's signal phrases compiled once per snapshot (they live on Topic rows, not Terms)."""
        key = (signals, language)
        if key not in self._signal_patterns:
            self._signal_patterns[key] = phrase_pattern(signals, arabic_prefixes=language == "ar")
        return self._signal_patterns[key]

    def words(self, kind: str, language: str) -> frozenset[str]:
        return self._word_sets[(kind, language)]

    def canonical(self, kind: str, language: str, phrase: str) -> str:
        return self._canonical.get((kind, language, fold_phrase(phrase)), "")

    @cached_property
    def _word_sets(self) -> dict[tuple[str, str], frozenset[str]]:
        sets: dict[tuple[str, str], set[str]] = {}
        for term in self.gazetteer.terms:
            sets.setdefault((term.kind, term.language), set()).add(fold_phrase(term.text))
        return _DefaultEmpty({key: frozenset(value) for key, value in sets.items()})

    @cached_property
    def _canonical(self) -> dict[tuple[str, str, str], str]:
        return {(t.kind, t.language, fold_phrase(t.text)): t.canonical for t in self.gazetteer.terms if t.canonical}

    @cached_property
    def city_by_name(self) -> dict[str, CityEntry]:
        """Every folded spelling of every city (English, Arabic, variants) to its entry."""
        names: dict[str, CityEntry] = {}
        for city in self.gazetteer.cities:
            for name in (city.name_en, city.name_ar, *city.variants):
                if name.strip():
                    names.setdefault(fold_phrase(name), city)
        return names

    @cached_property
    def city_pattern(self) -> re.Pattern[str] | None:
        return phrase_pattern(tuple(self.city_by_name), arabic_prefixes=True)

    @cached_property
    def region_phrases(self) -> dict[str, str]:
        """Folded region phrase ("the eastern region", «المنطقة الشرقية») to region slug."""
        phrases: dict[str, str] = {}
        for region in self.gazetteer.regions:
            for phrase in (*region.phrases_en, *region.phrases_ar):
                phrases[fold_phrase(phrase)] = region.slug
        return phrases

    @cached_property
    def alias_pattern(self) -> re.Pattern[str] | None:
        """Curated spellings of known people (two words or more, so a bare family name never matches)."""
        names = tuple(alias.name for alias in self.gazetteer.aliases if len(alias.name.split()) >= 2)
        return phrase_pattern(names, arabic_prefixes=True)

    @cached_property
    def region_pattern(self) -> re.Pattern[str] | None:
        return phrase_pattern(tuple(self.region_phrases), arabic_prefixes=True)


class _DefaultEmpty(dict):  # type: ignore[type-arg]
    def __missing__(self, key: object) -> frozenset[str]:
        return frozenset()


_cache: dict[int, tuple[Gazetteer, Lexicon]] = {}


def lexicon_for(gazetteer: Gazetteer) -> Lexicon:
    """The compiled lexicon of this gazetteer snapshot (snapshots are immutable, so it is cached)."""
    hit = _cache.get(id(gazetteer))
    if hit is not None and hit[0] is gazetteer:
        return hit[1]
    if len(_cache) > 8:
        _cache.clear()
    lexicon = Lexicon(gazetteer)
    _cache[id(gazetteer)] = (gazetteer, lexicon)
    return lexicon
