"""Does the article report a meeting? Seizures, clashes, arrests, statements and decrees are not meetings.

A meeting article says, outside quoted speech, that officials met (a meeting
cue), is not a phone call, and is about Libya: a story about Lebanon's Tripoli
or Kuwait's interior ministry is out of scope however much it looks like ours.
"""

from __future__ import annotations

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
    if announced_only(context, first):
        return False
    return about_libya(context, url)


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
    """False only when another country is named and nothing Libyan is (Tripoli alone is ambiguous)."""
    text = context.text
    foreign, libyan = context.pattern("foreign_cue"), context.pattern("libya_cue")
    host = url.split("/")[2] if url.count("/") >= 2 else ""
    if host.endswith(".ly") or "libya" in host:
        return True
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
    if libyan and libyan.search(text):
        return True
    pattern = context.lexicon.city_pattern
    tripoli = {"tripoli", "طرابلس"}
    for match in pattern.finditer(text) if pattern else ():
        city = context.lexicon.city_by_name.get(match.group("phrase"))
        if city and city.name_en.lower() not in tripoli and city.name_ar not in tripoli:
            return True
    return False
