"""An extracted participant to a Person: the seam where cross-script resolution plugs in."""
from __future__ import annotations

from meetings.models import AddedBy, Person, PersonAlias, Script

from .normalize import name_key
from .types import Participant


def script_of(name: str) -> str:
    return Script.ARABIC if any("\u0600" <= c <= "\u06ff" for c in name) else Script.LATIN


def resolve_participant(participant: Participant) -> tuple[Person, bool]:
    """The Person this mention is, created when unknown; the flag says the link is tentative."""
    key = name_key(participant.name)
    alias = PersonAlias.objects.filter(match_key=key).select_related("person").first()
    if alias:
        person = alias.person
        while person.merged_into_id:
            person = person.merged_into
        return person, False
    arabic = script_of(participant.name) == Script.ARABIC
    person = Person.objects.create(
        name_latin=participant.name_latin if arabic else participant.name,
        name_arabic=participant.name if arabic else "",
    )
    record_alias(person, participant.name)
    if participant.name_latin and participant.name_latin != participant.name:
        record_alias(person, participant.name_latin)
    return person, False


def record_alias(person: Person, name: str, added_by: str = AddedBy.EXTRACTOR) -> None:
    PersonAlias.objects.get_or_create(
        person=person, name=name,
        defaults={"script": script_of(name), "match_key": name_key(name), "added_by": added_by},
    )
