"""Participants: name without rank, rank/title, position, organization, chair or participant.

A person named in the meeting's part of the story (the lead, or a sentence that
says a meeting happened or who attended) takes part; one named only in
background, or as the source of instructions, does not. The chair is who
convened, hosted or received: the subject of «اجتمع/التقى/استقبل», "met",
"held", or the person after «برئاسة» / "chaired by".
"""

from __future__ import annotations

import difflib
import re

from ingest.gazetteer import Gazetteer
from ingest.types import Participant

from . import positions
from .context import Context
from .lexicon import lexicon_for
from .mentions import Mention, tokenize
from .text import fold_phrase

# A mention right after these is somebody who sent instructions or was spoken of, not present.
NOT_PRESENT_BEFORE = re.compile(
    r"(?:instructions?|directives?|orders?|behalf|the late|guidance|approval|decision|decree|call)"
    r"\s+(?:of|from|by)\s+(?:the\s+)?[^.;]{0,80}$"
    r"|(?:بتعليمات|بتوجيهات|تعليمات|توجيهات|بتكليف|نيابه عن|بقرار|قرار|الراحل|المرحوم|بامر|بأمر|التزام|دعم)"
    r"\s+[^.؛]{0,60}$"
)


def find_participants(body: str, language: str, gazetteer: Gazetteer) -> list[Participant]:
    context = Context(body, language, lexicon_for(gazetteer))
    return participants_in(context)


def participants_in(context: Context) -> list[Participant]:
    mentions = [m for m in context.mentions if m.start < context.meeting_end]
    present = [m for m in mentions if is_present(context, m)]
    people = deduplicate(present)
    chair = find_chair(context, people)
    return [to_participant(context, group, chair is group) for group in people]


def is_present(context: Context, mention: Mention) -> bool:
    line_start = context.text.rfind("\n", 0, mention.start) + 1
    line_end = context.text.find("\n", mention.end)
    if len(context.text[line_start : line_end if line_end >= 0 else None].split()) < 6:
        return False  # a byline or a caption («فسانيا : عمر بن خيلب», "By Jamal Adel")
    sentence = context.sentence_index(mention.start)
    if sentence != context.lead_sentence and sentence not in context.meeting_sentences:
        return False
    before = context.text[context.sentences[sentence][0] : mention.position_start or mention.start]
    return not NOT_PRESENT_BEFORE.search(before[-120:])


def spelling_key(name: str) -> str:
    """Spelling-light key: folded, particles and hyphens removed."""
    words = fold_phrase(name.replace("-", " ")).split()
    return " ".join(w for w in words if w not in {"al", "el", "ال"})


def same_person(a: Mention, b: Mention) -> bool:
    key_a, key_b = spelling_key(a.name), spelling_key(b.name)
    if key_a.replace(" ", "") == key_b.replace(" ", ""):
        return True
    words_a, words_b = key_a.split(), key_b.split()
    if words_a[0] != words_b[0]:
        return False
    # Same given name and a close family name: "Bushnaf" / "Bushnav", "Al-Trabelsi" / "Trabelsi".
    return difflib.SequenceMatcher(None, " ".join(words_a[1:]), " ".join(words_b[1:])).ratio() >= 0.75


def deduplicate(mentions: list[Mention]) -> list[list[Mention]]:
    groups: list[list[Mention]] = []
    for mention in mentions:
        for group in groups:
            if any(same_person(mention, other) for other in group):
                group.append(mention)
                break
        else:
            groups.append([mention])
    return groups


def find_chair(context: Context, people: list[list[Mention]]) -> list[Mention] | None:
    if not people:
        return None
    marked = chair_by_marker(context, people)
    if marked is not None:
        return marked
    lead = context.lead_sentence
    if lead is None:
        return None
    first = people[0][0]
    if context.sentence_index(first.start) != lead:
        return None
    sentence_start, sentence_end = context.sentences[lead]
    text = context.text
    if context.language == "ar":
        # Verb-subject order: a convening verb, then the subject, with no "with"/"in the presence of" between.
        before = text[sentence_start : first.position_start or first.start]
        verbs, cues = context.pattern("chair_verb"), context.pattern("participation_cue")
        if (
            verbs
            and verbs.search(before)
            and not (cues and cues.search(before))
            and not re.search(r"(?<!\S)مع(?!\S)", before)
        ):
            return None if peers(context, people, lead) else people[0]
        # «أكد الوزير خلال لقائه مع ...»: "his meeting with" after the subject.
        after = text[first.end : sentence_end]
        if re.search(r"(?:خلال|لدى|اثناء|في)\s+(?:لقائه|اجتماعه|استقباله|زيارته)", after) and not (
            cues and cues.search(before)
        ):
            return people[0]
        return None
    # Subject-verb order: the first person, then a convening verb later in the sentence.
    before = text[sentence_start : first.start]
    cues = context.pattern("participation_cue")
    if cues and cues.search(before) or re.search(r"\b(?:with|by|included|including)\b", before):
        return None
    after = text[first.end : sentence_end]
    if PASSIVE_GUEST.search(after[:80]):
        return None  # "Trabelsi was received in Tunis by his counterpart": the guest does not chair
    verbs = context.pattern("chair_verb")
    if verbs and verbs.search(after):
        return None if peers(context, people, lead) else people[0]
    # "Qaim" taking up the meeting in a later sentence ("During a meeting with ..., Qaim underscored").
    surname = spelling_key(first.name).split()[-1]
    for index in context.meeting_sentences:
        if index != lead and re.search(rf"\b{re.escape(surname)}\b", context.sentence_text(index)):
            words = tokenize(context.sentence_text(index))
            if any(w.text == "with" for w in words) and "meeting" in context.sentence_text(index):
                return people[0]
    return None


PEER_POSITION = re.compile(
    r"envoy|ambassador|united nations|\bun\b|unsmil|mission|سفير|المبعوث|مبعوث|الممثل الخاص|البعثه|بعثه|الامم المتحده",
    re.I,
)
PASSIVE_GUEST = re.compile(r"\b(?:was|were|has been|had been)\s+(?:\w+\s+)?(?:received|welcomed|hosted|invited)\b")
COUNTERPART = re.compile(r"\bcounterparts?\b|نظيره|نظيرته|نظرائه", re.I)
HOSTING = re.compile(r"received|hosted|welcomed|at his office|in his office|استقبل|بمكتبه|بمقر الوزاره|ديوان")


def peers(context: Context, people: list[list[Mention]], lead: int) -> bool:
    """A minister and a UN envoy or an ambassador meeting with no host stated: nobody chairs."""
    if HOSTING.search(context.sentence_text(lead)):
        return False
    present = [group[0] for group in people if context.sentence_index(group[0].start) == lead]
    if len(present) > 1 and COUNTERPART.search(context.sentence_text(lead)):
        return True  # "with his Tunisian counterpart", «مع نظيره»: equals, neither hosts
    return len(present) > 1 and any(m.position and PEER_POSITION.search(fold_phrase(m.position)) for m in present)


# «وفداً من ... برئاسة», "a delegation ... headed by": the head of a delegation, not of the meeting.
DELEGATION = re.compile(r"(?<![\w\u0621-\u064a])[وب]?(?:ال)?وفد[اًا]?(?![\u0621-\u064a])|\bdelegations?\b", re.I)


def heads_a_delegation(context: Context, marker_start: int) -> bool:
    sentence_start = context.sentences[context.sentence_index(marker_start)][0]
    before = context.text[max(sentence_start, marker_start - 90) : marker_start]
    return bool(DELEGATION.search(before))


def chair_by_marker(context: Context, people: list[list[Mention]]) -> list[Mention] | None:
    pattern = context.pattern("chair_marker")
    if not pattern:
        return None
    for match in pattern.finditer(context.text[: context.meeting_end]):
        if heads_a_delegation(context, match.start()):
            continue
        following = [
            group for group in people if any(0 <= (m.position_start or m.start) - match.end() <= 140 for m in group)
        ]
        if following:
            return min(following, key=lambda g: min((m.position_start or m.start) for m in g))
    return None


def to_participant(context: Context, group: list[Mention], is_chair: bool) -> Participant:
    first = group[0]
    title = next((m.title for m in group if m.title), None)
    title_canonical = next((m.title_canonical for m in group if m.title), "")
    position_text = next((m.position for m in group if m.position), None)
    position, organization = positions.describe(position_text, context.language, context.lexicon)
    start, end = context.folded.span(first.start, first.end)
    if context.language == "en" and title and title_canonical and title != title_canonical and len(title) <= 4:
        title = title_canonical
    return Participant(
        name=first.name,
        name_latin="",
        title=title,
        position=position,
        organization=organization,
        role="chair" if is_chair else "participant",
        evidence=(start, end),
        position_as_written=" ".join(position_text.split()) if position_text else None,
    )
