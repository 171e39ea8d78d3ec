"""An extracted participant to a Person, across spellings and scripts.

The steps, cheapest first:
1. the spelling is a known alias (same script, spelling-insensitive): that person;
   a curator's alias or merge is therefore final and reused;
2. otherwise candidates come from the cross-script keys (ingest/name_keys.py) through
   indexed columns, never a scan of every person;
3. a candidate whose whole key agrees is the same person; a partial or misspelt name
   is linked only when the context agrees too (position, co-participants), and then
   tentatively, for a curator to confirm;
4. thin evidence without context: a new person, and the pair waits in the
   identity-review queue instead of a guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Q

from meetings.models import AddedBy, IdentityJudgement, Participation, Person, PersonAlias, Script
from meetings.selectors import current_person

from .extract.text import has_arabic
from .name_keys import NameKey, NameMatch, compare, cross_script_key
from .normalize import name_key
from .transliterate import arabic_to_latin
from .types import Participant

CONTEXT_NEEDED = 0.34
MAX_CANDIDATES = 300
MAX_WEIGHED = 5
POSITION_STOPWORDS = {"of", "the", "and", "for", "in", "on", "to", "a", "al", "el", "government", "national"}


@dataclass
class Resolution:
    person: Person
    tentative: bool = False
    reason: str = ""


def script_of(name: str) -> str:
    return Script.ARABIC if has_arabic(name) else Script.LATIN


def display_name(name: str) -> str:
    """The name as written, without tatweel (a typographic stretch) or doubled spaces."""
    return " ".join(name.replace("\u0640", "").split())


def alias_keys(name: str) -> dict[str, str]:
    """The columns a spelling is found by: its script, same-script key and cross-script keys."""
    key = cross_script_key(name)
    return {
        "script": script_of(name),
        "match_key": name_key(name),
        "skeleton": key.full,
        "family_key": key.family,
        "block_key": key.block,
    }


def resolve_participant(participant: Participant, co_participants: Sequence[Person] = ()) -> Resolution:
    """The Person this mention is, created when unknown."""
    name = display_name(participant.name)
    known = known_alias(name)
    if known is not None:
        return Resolution(current_person(known.person), tentative=known.tentative, reason="known spelling")
    key = cross_script_key(name)
    scored = sorted(
        (
            (compare(key, cross_script_key(alias.name)), current_person(alias.person))
            for alias in candidate_aliases(key)
        ),
        key=lambda pair: -pair[0].score,
    )
    best: dict[int, tuple[NameMatch, Person]] = {}
    for match, person in scored:
        if match.score > 0 and person.pk not in best:
            best[person.pk] = (match, person)
    strong = [(m, p) for m, p in best.values() if m.score >= 1.0]
    if len(strong) == 1:
        person = strong[0][1]
        record_alias(person, name)
        fill_names(person, name, participant.name_latin)
        return Resolution(person, reason=f"same name key {key.full!r}")
    # Context costs queries: only the closest few names are weighed.
    closest = sorted(best.values(), key=lambda pair: -pair[0].score)[:MAX_WEIGHED]
    weak = sorted(
        ((context_score(participant, person, co_participants), match, person) for match, person in closest),
        key=lambda triple: (-triple[0], -triple[1].score),
    )
    if weak and weak[0][0] >= CONTEXT_NEEDED:
        context, match, person = weak[0]
        record_alias(person, name, tentative=True)
        return Resolution(person, tentative=True, reason=f"{match.kind} name match, context {context:.2f}")
    person = new_person(name, participant.name_latin)
    for context, match, other in weak[:2]:
        queue_for_review(person, other, match.score, f"{match.kind} name match, context {context:.2f}")
    return Resolution(person, reason="new person")


def known_alias(name: str) -> PersonAlias | None:
    aliases = list(PersonAlias.objects.filter(match_key=name_key(name)).select_related("person")[:5])
    curated = [a for a in aliases if a.added_by == AddedBy.CURATOR]
    return (curated or aliases or [None])[0]


def candidate_aliases(key: NameKey) -> list[PersonAlias]:
    if not key.tokens:
        return []
    condition = Q(skeleton=key.full)
    if len(key.tokens) > 1:
        condition |= Q(family_key=key.family, block_key__startswith=f"{key.given}|") | Q(block_key=key.block)
        # A shorter or longer form of the name that keeps its first two words ("Belqasim Khalifa [Haftar]").
        condition |= Q(skeleton__startswith=f"{key.given} {key.tokens[1][:2]}")
    return list(PersonAlias.objects.filter(condition).select_related("person")[:MAX_CANDIDATES])


def position_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.lower()) if w not in POSITION_STOPWORDS and len(w) > 2}


def context_score(participant: Participant, person: Person, co_participants: Sequence[Person]) -> float:
    """0..1: how much the rest of the report agrees that this mention is `person`."""
    score = 0.0
    mine = position_words(participant.position or "")
    if mine:
        seen = Participation.objects.filter(person=person).exclude(position="").values_list("position", flat=True)[:20]
        for position in seen:
            theirs = position_words(position)
            if theirs:
                score = max(score, len(mine & theirs) / len(mine | theirs))
    if co_participants:
        met = Participation.objects.filter(person__in=co_participants, meeting__participations__person=person).exists()
        if met:
            score = max(score, 0.5) + 0.25
    return min(score, 1.0)


def new_person(name: str, name_latin: str = "") -> Person:
    arabic = script_of(name) == Script.ARABIC
    person = Person.objects.create(
        name_latin=(name_latin or arabic_to_latin(name)) if arabic else name,
        name_arabic=name if arabic else "",
    )
    record_alias(person, name)
    if name_latin and name_latin != name:
        record_alias(person, name_latin)
    return person


def fill_names(person: Person, name: str, name_latin: str = "") -> None:
    """A person first seen in one script gets the other script's name when it turns up."""
    changed = []
    if script_of(name) == Script.ARABIC and not person.name_arabic:
        person.name_arabic, changed = name, ["name_arabic"]
    elif script_of(name) == Script.LATIN and (not person.name_latin or latin_is_ours(person)):
        person.name_latin, changed = name, ["name_latin"]
    if changed:
        person.save(update_fields=[*changed, "updated_at"])


def latin_is_ours(person: Person) -> bool:
    """The Latin name came from our transliteration, not from an article: a reported one is better."""
    return bool(person.name_arabic) and person.name_latin == arabic_to_latin(person.name_arabic)


def record_alias(person: Person, name: str, added_by: str = AddedBy.EXTRACTOR, tentative: bool = False) -> None:
    """One more spelling of the person; a spelling already recorded stays as it was."""
    # One INSERT ... ON CONFLICT DO NOTHING instead of get_or_create's select, savepoint and insert.
    PersonAlias.objects.bulk_create(
        [PersonAlias(person=person, name=name, added_by=added_by, tentative=tentative, **alias_keys(name))],
        ignore_conflicts=True,
    )


def queue_for_review(left: Person, right: Person, score: float, reason: str) -> None:
    """An open identity question, unless a curator has already answered it."""
    low, high = sorted((left, right), key=lambda p: p.pk)
    if low.pk == high.pk:
        return
    IdentityJudgement.objects.get_or_create(
        left=low,
        right=high,
        defaults={"verdict": IdentityJudgement.Verdict.UNSURE, "score": score, "reason": reason},
    )
