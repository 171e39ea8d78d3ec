"""The only writer of ingest results: article, meeting and participations in one transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
from urllib.parse import urlsplit, urlunsplit

from django.db import IntegrityError, transaction

from meetings.models import Article, City, Meeting, Organization, Participation, Region, Topic

from . import merge, resolve
from .types import Extraction, MeetingFacts, Participant, RawArticle


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def canonicalize_url(url: str) -> str | None:
    """Scheme and host lower-cased, fragment and trailing slash dropped; None for no URL."""
    if not url.strip():
        return None
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower() or "http", parts.netloc.lower(), path, parts.query, ""))


def outlet_of(raw: RawArticle) -> str:
    if raw.source:
        return raw.source
    host = urlsplit(raw.url).netloc.lower()
    return host.removeprefix("www.")


def find_duplicate(raw: RawArticle) -> Article | None:
    canonical = canonicalize_url(raw.url)
    if canonical:
        found = Article.objects.filter(canonical_url=canonical).first()
        if found:
            return found
    return None


def store_extraction(raw: RawArticle, extraction: Extraction) -> tuple[Article, bool]:
    """Store once: the same content or canonical URL again returns the stored article unchanged."""
    digest = content_hash(extraction.body or raw.raw or raw.text or raw.html)
    canonical = canonicalize_url(extraction.canonical_url or raw.url)
    existing = Article.objects.filter(content_hash=digest).first() or (
        Article.objects.filter(canonical_url=canonical).first() if canonical else None
    )
    if existing:
        return existing, False
    try:
        with transaction.atomic():
            article = Article.objects.create(
                url=raw.url,
                canonical_url=canonical,
                source_path=raw.path,
                outlet=outlet_of(raw),
                language=extraction.language,
                title=extraction.title[:1000],
                published=extraction.published,
                raw=raw.raw,
                body=extraction.body,
                content_hash=digest,
                status=Article.Status.DONE if extraction.is_meeting else Article.Status.NOT_MEETING,
                warnings=extraction.warnings,
                extraction=extraction.to_contract(),
                evidence={k: v for m in extraction.meetings for k, v in m.evidence.items()},
            )
            for facts in extraction.meetings:
                store_meeting(article, facts)
    except IntegrityError:
        # Another worker stored the same article between our check and our insert.
        existing = Article.objects.filter(content_hash=digest).first()
        if existing is None:
            raise
        return existing, False
    return article, True


def store_meeting(article: Article, facts: MeetingFacts, allow_merge: bool = True) -> Meeting:
    resolutions: list[resolve.Resolution] = []
    for participant in facts.participants:
        confident = [r.person for r in resolutions if not r.tentative]
        resolutions.append(resolve.resolve_participant(participant, confident))
    people = [(r.person, r.tentative) for r in resolutions]
    chair = next((r.person for r, p in zip(resolutions, facts.participants, strict=True) if p.role == "chair"), None)
    decision = merge.find_same_meeting(facts, [person for person, _ in people], chair) if allow_merge else None
    if decision is None:
        meeting = Meeting.objects.create(
            date=date_of(facts),
            date_precision=facts.date_precision,
            city=City.objects.filter(name_en=facts.city).first() if facts.city else None,
        )
        meeting.focus_regions.set(Region.objects.filter(slug__in=facts.focus_regions))
        meeting.topics.set(Topic.objects.filter(slug__in=facts.topics))
    else:
        meeting = decision.meeting
        meeting.merge_log = [
            *(meeting.merge_log or []),
            {
                "article": article.pk,
                "score": decision.score,
                "matched": decision.matched,
                "disagrees": merge.disagreements(facts, meeting),
            },
        ]
        meeting.save(update_fields=["merge_log", "updated_at"])
        merge.fold_in(meeting, facts)
    article.meetings.add(meeting)
    for participant, (person, tentative) in zip(facts.participants, people, strict=True):
        Participation.objects.get_or_create(
            meeting=meeting,
            person=person,
            defaults={
                "role": participant.role,
                "name_as_written": participant.name,
                "title": participant.title or "",
                "position": participant.position or "",
                "position_as_written": (participant.position_as_written or "")[:300],
                "organization": organization_named(participant.organization),
                "article": article,
                "evidence": [list(participant.evidence)],
                "tentative": tentative,
            },
        )
    return meeting


def organization_named(name: str | None) -> Organization | None:
    return Organization.objects.filter(name_en=name).first() if name else None


def date_of(facts: MeetingFacts) -> dt.date | None:
    """The first day of the period the date names."""
    if not facts.date:
        return None
    parts = [int(p) for p in facts.date.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return dt.date(*parts)


def facts_from_contract(meetings: list[dict]) -> list[MeetingFacts]:
    """The meetings of a stored extraction (`Article.extraction`) back as MeetingFacts."""
    found = []
    for item in meetings:
        people = [
            Participant(
                **{
                    **{k: v for k, v in p.items() if k in Participant.__dataclass_fields__},
                    "evidence": tuple(p.get("evidence") or (0, 0)),
                }
            )
            for p in item.get("participants") or []
        ]
        fields = {k: v for k, v in item.items() if k in MeetingFacts.__dataclass_fields__ and k != "participants"}
        found.append(MeetingFacts(**fields, participants=people))
    return found
