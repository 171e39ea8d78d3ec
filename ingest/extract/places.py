"""Venue city and region, and the regions a meeting was about.

The venue is where the meeting was held: a city after "in"/"at"/«في»/«بمقر» in
the meeting's sentences, a dateline («الكفرة 17 أبريل 2024», "Tripoli, 23
April"), or the place visited. A city inside a position («مدير أمن سبها») or
after "to discuss"/«لمناقشة» is what the meeting was about: a focus region,
not the venue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.gazetteer import CityEntry, Gazetteer
from ingest.types import Span

from .context import Context
from .lexicon import lexicon_for
from .text import lookup

PLACE_NOUNS_AR = {
    "مقر",
    "مديريه",
    "امن",
    "ديوان",
    "وزاره",
    "الداخليه",
    "مكتب",
    "مكتبه",
    "قاعه",
    "فندق",
    "مدينه",
    "بلديه",
    "مطار",
    "ميناء",
    "جامعه",
    "نادي",
    "مبني",
    "المديريه",
    "الوزاره",
    "مقره",
    "ديوانه",
    "مركز",
    "معسكر",
    "منفذ",
    "معبر",
    "قصر",
    "المجلس",
    "مجلس",
    "البلدي",
    "البلديه",
    "العاصمه",
    "مدينتي",
}
PLACE_NOUNS_EN = {
    "the",
    "city",
    "of",
    "town",
    "capital",
    "headquarters",
    "office",
    "ministry",
    "ministry's",
    "ministry’s",
    "cabinet",
    "directorate",
    "hall",
    "hotel",
    "port",
    "airport",
    "security",
    "premises",
    "municipality",
    "council",
    "council's",
    "council’s",
    "southeastern",
    "southern",
    "eastern",
    "western",
    "district",
    "libya's",
    "libya’s",
    "province",
    "coastal",
    "central",
    "northern",
}
DATELINE_AFTER = re.compile(r"^\s*(?:[,،\-_–—:]|\(|\d|[\u0660-\u0669])")
LOCAL_PEOPLE = re.compile(
    r"اعيان|مشايخ|مشائخ|حكماء|اهالي|عميد بلديه|عميد البلديه|المجلس البلدي|مجلس بلدي|عمداء|قبائل|"
    r"\belders\b|\bnotables\b|municipal council|\bmayor\b|\btribes?\b|\bdignitaries\b"
)


@dataclass
class Venue:
    city: str | None = None
    region: str | None = None
    evidence: list[Span] = field(default_factory=list)


@dataclass
class CityMention:
    city: CityEntry
    start: int  # folded offsets
    end: int
    role: str  # "venue", "dateline", "visit" or "other"


def find_venue(body: str, language: str, gazetteer: Gazetteer) -> Venue:
    return venue_in(Context(body, language, lexicon_for(gazetteer)))


# The host's own premises: "at the directorate", «بديوان البلدية», «بمقر المديرية», «بمكتبه».
PREMISES = re.compile(
    r"(?<![\u0621-\u064a])(?:بمقر|في مقر|بمكتب|في مكتب|بديوان|في ديوان|بقاعه|في قاعه)|"
    r"\bat (?:his|her|the) (?:office|headquarters|premises|hall)|\bat the (?:directorate|municipality)"
)


def venue_in(context: Context) -> Venue:
    mentions = city_mentions(context)
    for role in ("venue", "dateline", "visit"):
        for mention in mentions:
            if mention.role == role:
                return Venue(
                    mention.city.name_en, mention.city.region, [context.folded.span(mention.start, mention.end)]
                )
    return host_premises(context, mentions)


def host_premises(context: Context, mentions: list[CityMention]) -> Venue:
    """«استقبل عميد بلدية مرزق ... بديوان البلدية»: held at the host's own office, in the host's city.

    Only when the lead names the premises with no city of their own and one city appears in the
    positions of that sentence (the mayor's, the security director's).
    """
    lead = context.first_meeting_sentence
    if lead is None:
        return Venue()
    start, end = context.sentences[lead]
    sentence = context.text[start:end]
    in_positions = [
        mention
        for mention in mentions
        if start <= mention.start < end and inside_position(context, context.text[start : mention.start])
    ]
    if PREMISES.search(sentence) and len({m.city.name_en for m in in_positions}) == 1:
        mention = in_positions[0]
        return Venue(mention.city.name_en, mention.city.region, [context.folded.span(mention.start, mention.end)])
    # "The Mayor of Al-Khums, X, received ...", «استقبل عميد بلدية مرزق ...»: the host's own city.
    hosting = HOST_VERB.search(sentence)
    if hosting:
        verb_at = start + hosting.start()
        for mention in in_positions:
            host_side = (
                0 <= mention.start - verb_at <= 40 if context.language == "ar" else mention.start < verb_at
            )
            if host_side:
                return Venue(
                    mention.city.name_en, mention.city.region, [context.folded.span(mention.start, mention.end)]
                )
    return Venue()


HOST_VERB = re.compile(r"(?<![\u0621-\u064a])(?:استقبل|استقبلت)(?![\u0621-\u064a])|\b(?:received|hosted|welcomed)\b")


def city_mentions(context: Context) -> list[CityMention]:
    cached = context.__dict__.get("_city_mentions")
    if cached is not None:
        return cached
    pattern = context.lexicon.city_pattern
    found: list[CityMention] = []
    if pattern:
        text = context.text
        for match in pattern.finditer(text[: context.meeting_end]):
            city = lookup(context.lexicon.city_by_name, match.group("phrase"))
            if city is None:
                continue
            start, end = match.start("phrase"), match.end("phrase")
            found.append(CityMention(city, start, end, role_of(context, match.start(), start, end)))
    context.__dict__["_city_mentions"] = found
    return found


def role_of(context: Context, match_start: int, start: int, end: int) -> str:
    text = context.text
    if is_dateline(text, match_start, end):
        return "dateline"
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else None]
    if "|" in line or len(line.split()) < 5:
        return "byline"  # "The Address | Benghazi – Libya", a weather widget's "Tripoli"
    sentence = context.sentence_index(start)
    if (
        sentence not in (context.first_meeting_sentence, context.lead_sentence)
        and sentence not in context.meeting_sentences
    ):
        return "other"
    sentence_start = context.sentences[sentence][0]
    before = text[sentence_start:match_start]
    prefix = text[match_start:start]
    if inside_position(context, before):
        return "other"
    if visit_before_purpose(context, before):
        # «أكد الوزير أن الزيارة جاءت للاطلاع على الوضع في طبرق»: the visit was to that place.
        return "visit"
    if after_purpose(context, before):
        return "other"
    if context.language == "ar":
        if prefix.endswith("ب") or venue_marker_ar(before):
            return "venue"
    else:
        first, last = context.folded.span(sentence_start, match_start) if match_start > sentence_start else (0, 0)
        if venue_marker_en(context.body[first:last]) or re.match(
            r"\s*,?\s*(?:hosted|hosts|welcomed)\b", text[end : end + 20]
        ):
            return "venue"
    return "other"


def is_dateline(text: str, match_start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, match_start) + 1
    if text[line_start:match_start].strip(" \t\"'") or match_start > 600:
        return False
    return bool(DATELINE_AFTER.match(text[end : end + 3])) and not re.match(
        r"\s*[-–]\s*(?:libya|ليبيا)\b", text[end : end + 12]
    )


def venue_marker_ar(before: str) -> bool:
    words = before.split()
    # «في X», «بمقر مديرية أمن X», «بمكتبه في مدينة X»: a marker, then at most a few place nouns.
    for back in range(1, 6):
        if back > len(words):
            return False
        word = words[-back]
        if word in {"في", "الي", "إلى"} or (word.startswith("ب") and word[1:] in PLACE_NOUNS_AR):
            return all(w in PLACE_NOUNS_AR for w in words[len(words) - back + 1 :])
        if word not in PLACE_NOUNS_AR:
            return False
    return False


def venue_marker_en(before: str) -> bool:
    words = before.lower().split()
    for back in range(1, 7):
        if back > len(words):
            return False
        word = words[-back]
        if word in {"in", "at"}:
            return all(place_word(w) for w in before.split()[len(words) - back + 1 :])
        if not place_word(before.split()[-back]):
            return False
    return False


def place_word(word: str) -> bool:
    """Words between "in"/"at" and a city: "the ministry's office in", "Libya's southeastern district of al-Jawf/"."""
    bare = word.strip(",")
    return bare.lower() in PLACE_NOUNS_EN or bool(re.match(r"(?:al-|el-)?[A-Z]", bare)) or bare.endswith("/")


def after_purpose(context: Context, before: str) -> bool:
    """A purpose marker in the clause before the city ("to discuss ... in X", «لمناقشة ... في X»)."""
    pattern = context.pattern("purpose_marker")
    if not pattern:
        return False
    matches = list(pattern.finditer(before))
    last = matches[-1] if matches else None
    if last is None:
        return False
    # A later meeting verb or noun starts a new clause in which the place may be the venue again.
    tail = before[last.end() :]
    cues = context.pattern("meeting_cue")
    if PREMISES.search(tail):
        return False  # «... حول الأمن السيبراني ... بمقر نادي الشرطة في طرابلس»: where it was held
    return not (cues and cues.search(tail))


def inside_position(context: Context, before: str) -> bool:
    """«مدير أمن X», «رئيس لجنة المصالحة بمدينة X», "X Security Director": the place belongs to a title."""
    words = before.split()[-4:]
    heads = context.lexicon.words("position_head", context.language)
    if context.language == "ar":
        return any(w in heads or (w[:1] == "و" and w[1:] in heads) for w in words)
    lowered = [w.lower().strip(",") for w in words]
    heads_lower = {h.lower() for h in heads}
    if lowered and lowered[-1] in heads_lower:
        return True  # "the Sabha Security Director": a city before its head
    # "the Mayor of Al-Khums", "Security Director of the Sabha": a head, "of", then the place.
    return len(lowered) >= 2 and lowered[-1] in {"of", "the"} and any(w in heads_lower for w in lowered[-4:-1])


def visit_before_purpose(context: Context, before: str) -> bool:
    """A visit cue in the clause before the place, not itself inside a "to discuss"/«حول» phrase."""
    visit = context.pattern("visit_cue")
    match = visit.search(before) if visit else None
    if not match:
        return False
    purpose = context.pattern("purpose_marker")
    first_purpose = purpose.search(before) if purpose else None
    return first_purpose is None or match.start() < first_purpose.start()


def find_focus_regions(
    body: str, language: str, gazetteer: Gazetteer, venue: Venue
) -> tuple[list[str], dict[str, list[Span]]]:
    return focus_in(Context(body, language, lexicon_for(gazetteer)), venue)


def focus_in(context: Context, venue: Venue) -> tuple[list[str], dict[str, list[Span]]]:
    evidence: dict[str, list[Span]] = {}
    text = context.text[: context.meeting_end]
    pattern = context.lexicon.region_pattern
    if pattern:
        for match in pattern.finditer(text):
            slug = lookup(context.lexicon.region_phrases, match.group("phrase"))
            if slug:
                evidence.setdefault(slug, []).append(context.folded.span(match.start("phrase"), match.end("phrase")))
    for mention in city_mentions(context):
        if mention.role == "other" and not government_not_place(context, mention):
            evidence.setdefault(mention.city.region, []).append(context.folded.span(mention.start, mention.end))
    # Meeting the venue's elders, mayor or council is about the venue's region, when no other is named.
    if venue.region and not evidence and LOCAL_PEOPLE.search(text):
        evidence[venue.region] = list(venue.evidence)
    order = ["east", "west", "south", "central"]
    slugs = sorted(evidence, key=lambda s: order.index(s) if s in order else len(order))
    return slugs, {f"focus:{slug}": spans for slug, spans in evidence.items()}


def government_not_place(context: Context, mention: CityMention) -> bool:
    """ "the Tripoli government", «حكومة طرابلس»: a government, not a place the meeting was about."""
    after = context.text[mention.end : mention.end + 14]
    before = context.text[max(0, mention.start - 8) : mention.start]
    return bool(re.match(r"[\s-]*(?:-based\s+)?government", after)) or "حكومه" in before
