"""A position as the article gives it, in English, and the organization it belongs to.

Arabic positions are composed from the gazetteer's position phrases («مدير أمن»
→ "Security Director of", «جهاز الأمن الداخلي» → "Internal Security Agency")
and city names, so «مدير أمن طبرق» reads "Security Director of Tobruk".
"""

from __future__ import annotations

import re

from .lexicon import Lexicon
from .text import fold_phrase

GOVERNMENT_WORDS = ("Government", "government")
ORGANIZATION_WORDS = (
    "Agency",
    "Council",
    "House",
    "Ministry",
    "Fund",
    "Department",
    "Committee",
    "Directorate",
    "Forces",
    "Command",
    "Mission",
    "Intelligence",
    "Security",
    "Prosecution",
    "Guard",
    "Customs",
    "Region",
    "Apparatus",
    "Room",
    "Authority",
    "Brigade",
    "Battalion",
    "Police",
)


def describe(position: str | None, language: str, lexicon: Lexicon) -> tuple[str | None, str | None]:
    if not position:
        return None, None
    english = translate(position, lexicon) if language == "ar" else clean_english(position)
    return english, organization_of(english or "", lexicon)


def clean_english(position: str) -> str:
    return re.sub(r"\s+", " ", position).strip(" ,–-")


def translate(position: str, lexicon: Lexicon) -> str:
    words = fold_phrase(position.replace("،", " ").replace("-", " ")).split()
    pieces: list[tuple[str, str]] = []  # (kind, English)
    covered = 0
    index = 0
    while index < len(words):
        found = longest_phrase(words, index, lexicon)
        if found:
            size, english = found
            kind = "government" if english.startswith(GOVERNMENT_WORDS) or "government" in english else "phrase"
            pieces.append((kind, english))
            covered += size
            index += size
            continue
        word = words[index]
        head = lexicon.canonical("position_head", "ar", word) or lexicon.canonical(
            "position_head", "ar", strip_conjunction(word)
        )
        city = lexicon.city_by_name.get(word) or (lexicon.city_by_name.get(word[1:]) if word[:1] in "بل" else None)
        if head:
            pieces.append(("head", head))
            covered += 1
        elif city:
            pieces.append(("place", city.name_en))
            covered += 1
        elif word in {"عن"}:
            pieces.append(("for", "for"))
            covered += 1
        elif word in {"من", "دائره"}:
            covered += 1
        index += 1
    if not pieces or covered * 2 < len(words):
        return position.strip()
    return join(pieces)


def strip_conjunction(word: str) -> str:
    return word[1:] if word.startswith("و") and len(word) > 3 else word


def longest_phrase(words: list[str], index: int, lexicon: Lexicon) -> tuple[int, str] | None:
    for size in range(min(7, len(words) - index), 0, -1):
        phrase = " ".join(words[index : index + size])
        for candidate in (
            phrase,
            phrase[1:] if phrase[:1] in "بلو" else None,
            "ال" + phrase[2:] if phrase.startswith("لل") else None,
        ):
            if candidate:
                english = lexicon.canonical("position_phrase", "ar", candidate)
                if english:
                    return size, english
    return None


def join(pieces: list[tuple[str, str]]) -> str:
    text = ""
    previous = ""
    for kind, english in pieces:
        if not text:
            text = english
        elif kind == "government":
            text += f" ({english})"
        elif previous == "for" or text.endswith(" of") or kind == "for" or english.startswith(("for ", "in ")):
            text += f" {english}"
        elif english == "acting":
            text = f"Acting {text}"
        elif kind == "place":
            text += f" of {english}" if previous != "place" else f", {english}"
        else:
            article = (
                "the " if any(word in english for word in ORGANIZATION_WORDS) and not english.startswith("the ") else ""
            )
            text += f" of {article}{english}"
        previous = kind
    return text


def organization_of(position: str, lexicon: Lexicon) -> str | None:
    # The body a person serves in, before the government it belongs to.
    if re.search(r"\bMinist(?:er|ry) of (?:the )?Interior\b|\bInterior Minist", position):
        return "Ministry of Interior"
    for organization in lexicon.gazetteer.organizations:
        names = [organization.get("name_en") or "", *organization.get("variants", [])]
        if any(name and name.isascii() and re.search(rf"\b{re.escape(name)}\b", position) for name in names):
            return organization.get("name_en") or None
    if re.search(r"\bInterior\b", position):
        return "Ministry of Interior"
    if re.search(r"\bDefen[cs]e\b", position):
        return "Ministry of Defence"
    return None
