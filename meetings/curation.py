"""Curators' decisions on people and meetings. Each is final: later ingests reuse it.

The admin's actions call these; each runs in one transaction and leaves a tombstone
(DeletedRecord) where a record disappears, so downstream copies can follow.
"""

from __future__ import annotations

from django.db import transaction

from .models import (
    AddedBy,
    Article,
    DeletedRecord,
    IdentityJudgement,
    Meeting,
    Participation,
    Person,
    PersonAlias,
    Position,
)


def judgement(left: Person, right: Person, verdict: str, reason: str) -> IdentityJudgement:
    low, high = sorted((left, right), key=lambda p: p.pk)
    found, _ = IdentityJudgement.objects.update_or_create(
        left=low,
        right=high,
        defaults={"verdict": verdict, "reason": reason, "decided_by_curator": True},
    )
    return found


@transaction.atomic
def merge_people(source: Person, target: Person) -> Person:
    """`source` becomes `target`: its spellings, meetings and positions move over."""
    if source.pk == target.pk:
        return target
    for alias in source.aliases.all():
        if target.aliases.filter(name=alias.name).exists():
            alias.delete()
        else:
            alias.person, alias.added_by, alias.tentative = target, AddedBy.CURATOR, False
            alias.save(update_fields=["person", "added_by", "tentative"])
    for participation in source.participations.all():
        if Participation.objects.filter(meeting=participation.meeting_id, person=target).exists():
            participation.delete()  # both records were in the room: one participation is enough
        else:
            participation.person, participation.tentative = target, False
            participation.save(update_fields=["person", "tentative"])
    Position.objects.filter(person=source).update(person=target)
    if not target.name_latin and source.name_latin:
        target.name_latin = source.name_latin
    if not target.name_arabic and source.name_arabic:
        target.name_arabic = source.name_arabic
    target.save()
    judgement(source, target, IdentityJudgement.Verdict.SAME, "merged by a curator")
    source.merged_into = target
    source.save(update_fields=["merged_into", "updated_at"])
    DeletedRecord.objects.create(model="person", record_id=source.pk, replaced_by=target.pk)
    return target


def mark_not_same(left: Person, right: Person) -> IdentityJudgement:
    return judgement(left, right, IdentityJudgement.Verdict.NOT_SAME, "marked different by a curator")


@transaction.atomic
def confirm_participation(participation: Participation) -> None:
    """A tentative link is right: the spelling becomes a curated alias of the person."""
    participation.tentative = False
    participation.save(update_fields=["tentative"])
    PersonAlias.objects.filter(person=participation.person, name=participation.name_as_written).update(
        tentative=False,
        added_by=AddedBy.CURATOR,
    )


@transaction.atomic
def split_participation(participation: Participation) -> Person:
    """A link is wrong: the mention gets its own person, and the pair is marked not the same."""
    from ingest.resolve import new_person

    old = participation.person
    name = participation.name_as_written or str(old)
    PersonAlias.objects.filter(person=old, name=name).exclude(added_by=AddedBy.CURATOR).delete()
    person = new_person(name)
    PersonAlias.objects.filter(person=person).update(added_by=AddedBy.CURATOR)
    participation.person, participation.tentative = person, False
    participation.save(update_fields=["person", "tentative"])
    mark_not_same(old, person)
    return person


@transaction.atomic
def merge_meetings(source: Meeting, target: Meeting) -> Meeting:
    """Two records of one meeting: sources, participants, topics and regions move to `target`."""
    if source.pk == target.pk:
        return target
    for article in source.articles.all():
        article.meetings.remove(source)
        article.meetings.add(target)
    for participation in source.participations.all():
        if target.participations.filter(person=participation.person_id).exists():
            participation.delete()
        else:
            participation.meeting = target
            participation.save(update_fields=["meeting"])
    target.topics.add(*source.topics.all())
    target.focus_regions.add(*source.focus_regions.all())
    target.merge_log = [
        *(target.merge_log or []),
        *(source.merge_log or []),
        {"meeting": source.pk, "by": "curator", "score": None, "matched": {}},
    ]
    target.save(update_fields=["merge_log", "updated_at"])
    source.merged_into = target
    source.save(update_fields=["merged_into", "updated_at"])
    DeletedRecord.objects.create(model="meeting", record_id=source.pk, replaced_by=target.pk)
    return target


@transaction.atomic
def split_source(meeting: Meeting, article: Article) -> Meeting:
    """A report was merged into the wrong meeting: it gets its own again, from its stored extraction."""
    from ingest.store import facts_from_contract, store_meeting

    if meeting.articles.count() < 2:
        return meeting
    article.meetings.remove(meeting)
    meeting.participations.filter(article=article).delete()
    meeting.merge_log = [entry for entry in (meeting.merge_log or []) if entry.get("article") != article.pk]
    meeting.save(update_fields=["merge_log", "updated_at"])
    facts = facts_from_contract((article.extraction or {}).get("meetings") or [])
    new_meeting = None
    for item in facts:
        new_meeting = store_meeting(article, item, allow_merge=False)
    return new_meeting or meeting
