"""Does the article report a meeting? Seizures, clashes, arrests, statements and decrees are not meetings.

A meeting article says, outside quoted speech, that officials met (a meeting
cue), is not a phone call, and is about Libya: a story about Lebanon's Tripoli
or Kuwait's interior ministry is out of scope however much it looks like ours.
"""

from __future__ import annotations

import re

from ingest.gazetteer import Gazetteer

from .context import Context
from .lexicon import lexicon_for

LEAD_SENTENCES = 3


def reports_meeting(body: str, language: str, gazetteer: Gazetteer, url: str = "") -> bool:
    return meeting_reported(Context(body, language, lexicon_for(gazetteer)), url)


def meeting_reported(context: Context, url: str = "") -> bool:
    first = context.first_meeting_sentence
    if first is None:
        return False
    # A story about a meeting says so in its lead; a meeting first named deep in a feature is background.
    prose = next((i for i, _ in enumerate(context.sentences) if len(context.sentence_text(i).split()) >= 6), 0)
    if first - prose > LEAD_SENTENCES:
        return False
    lead = context.text[: context.sentences[min(len(context.sentences) - 1, 2)][1]]
    phone = context.pattern("not_meeting_cue")
    if phone and phone.search(lead):
        return False
    if announced_only(context, first) or lone_event(context, first):
        return False
    return about_libya(context, url)


# "the border with Libya", «الحدود مع ليبيا»: Libya seen from the other side of a border.
ABROAD_LOOKING_IN = re.compile(
    r"(?:\bwith|\bfrom|\binto|\bto|(?<![\u0621-\u064a])(?:مع|من|و?الي|و?إلى))\s+(?:the\s+)?$"
)

# Events with one official and nobody met: a press conference, an inspection tour of a place.
LONE_EVENT = re.compile(
    r"press conference|news conference|inspection visit|inspection tour"
    r"|مؤتمر(?:ا)? صحفي|المؤتمر الصحفي|زياره تفقديه|جوله تفقديه"
)


def lone_event(context: Context, first: int) -> bool:
    """The lead's meeting word is a press conference or an inspection tour, and nobody else is named there."""
    start, end = context.sentences[first]
    sentence = context.text[start:end]
    event, cue = LONE_EVENT.search(sentence), context.pattern("meeting_cue")
    first_cue = cue.search(sentence) if cue else None
    if not event or (first_cue and first_cue.start() < event.start()):
        return False
    others = [m for m in context.mentions if start <= m.start < end]
    return len(others) <= 1 and not (context.pattern("participation_cue") and context.has("participation_cue", first))


def announced_only(context: Context, first: int) -> bool:
    """«من المقرر أن يعقد», "will meet next week": the story's first meeting is still to come.

    Only a future phrase at or before the first meeting cue of the lead counts; a meeting that took
    place and "will meet again" later is still a meeting.
    """
    future, cue = context.pattern("future_cue"), context.pattern("meeting_cue")
    if not future or not cue:
        return False
    start, end = context.sentences[first]
    sentence = context.text[start:end]
    first_cue = cue.search(sentence)
    announced = future.search(sentence)
    return bool(announced and first_cue and announced.start() <= first_cue.start() + 2)


def about_libya(context: Context, url: str = "") -> bool:
    """False only when another country is named and nothing Libyan is (Tripoli alone is ambiguous).

    "Libyan" does not count where Libya is seen from across a border («الحدود مع ليبيا»).
    """
    text = context.text
    foreign, libyan = context.pattern("foreign_cue"), context.pattern("libya_cue")
    host = url.split("/")[2] if url.count("/") >= 2 else ""
    libyan_outlet = host.endswith(".ly") or "libya" in host
    foreign_signs = bool(foreign and foreign.search(text)) or any(
        country in host
        for country in (
            "kuwait",
            "leb",
            "egypt",
            "iraq",
            "jordan",
            "saudi",
            "emirat",
            "qatar",
            "bahrain",
            "oman",
            "yemen",
            "syria",
            "tunis",
            "alger",
            "morocc",
        )
    )
    if not foreign_signs:
        return True
    if libyan and any(
        not ABROAD_LOOKING_IN.search(text[max(0, m.start() - 12) : m.start()]) for m in libyan.finditer(text)
    ):
        return True
    pattern = context.lexicon.city_pattern
    # A Libyan outlet's Tripoli is Libya's; elsewhere it may be Lebanon's.
    tripoli = set() if libyan_outlet else {"tripoli", "طرابلس"}
    # A Libyan city in the lead, where the meeting is told; one named later may be the far side of a border.
    first = context.first_meeting_sentence
    lead = context.sentence_text(first) if first is not None else text
    for match in pattern.finditer(lead) if pattern else ():
        city = context.lexicon.city_by_name.get(match.group("phrase"))
        if city and city.name_en.lower() not in tripoli and city.name_ar not in tripoli:
            return True
    # A Libyan outlet reporting abroad: out only when the lead itself is about the other country.
    return libyan_outlet and not (foreign and foreign.search(lead))
