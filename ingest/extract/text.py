"""Text helpers shared by the extractors: a folded copy of the body for matching, and sentences.

Extractors match on a folded copy (Arabic diacritics and tatweel removed, letter
variants unified, Latin lower-cased) and report spans in the original body, so
evidence offsets always point at the text a reader sees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

from ingest.types import Span

T = TypeVar("T")

# Removed for matching: Arabic diacritics, tatweel (kashida) and invisible format characters.
DROPPED = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]"
)
LETTER_FOLDS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ة": "ه",
    "ک": "ك",
    "“": '"',
    "”": '"',
    "«": '"',
    "»": '"',
    "‘": "'",
    "’": "'",
    "–": "-",
    "—": "-",
    "ـ": "",
    "\u00a0": " ",
}


@dataclass(frozen=True)
class Folded:
    """The folded text and, for each of its characters, the offset of the original character."""

    text: str
    origin: tuple[int, ...]
    original_length: int

    def span(self, start: int, end: int) -> Span:
        """The original span covering folded characters [start, end)."""
        if start >= len(self.origin):
            return (self.original_length, self.original_length)
        first = self.origin[start]
        last = self.origin[end - 1] + 1 if end > start else first
        return (first, last)


def fold_char(char: str) -> str:
    if DROPPED.match(char):
        return ""
    return LETTER_FOLDS.get(char, char).lower()


_TABLE = str.maketrans({**LETTER_FOLDS, "ـ": None})


def fold(text: str) -> Folded:
    dropped = {m.start() for m in DROPPED.finditer(text)}
    kept = "".join(ch for i, ch in enumerate(text) if i not in dropped) if dropped else text
    folded = kept.translate(_TABLE).lower()
    if len(folded) == len(kept):
        origin = tuple(i for i in range(len(text)) if i not in dropped) if dropped else tuple(range(len(text)))
        return Folded(folded, origin, len(text))
    return _fold_slowly(text)  # a character whose lower case is longer ("İ"): map one by one


def _fold_slowly(text: str) -> Folded:
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        for piece in fold_char(char):
            out.append(piece)
            origin.append(index)
    return Folded("".join(out), tuple(origin), len(text))


@lru_cache(maxsize=4096)
def fold_phrase(phrase: str) -> str:
    """A gazetteer phrase folded the same way as the body."""
    return " ".join(fold(phrase).text.split())


def phrase_pattern(phrases: list[str] | tuple[str, ...], *, arabic_prefixes: bool = False) -> re.Pattern[str] | None:
    """One regex matching any of the phrases as whole words of the folded text.

    With `arabic_prefixes`, a phrase may carry an attached conjunction or preposition
    (و، ب، ل، ف، ك) as Arabic writes them ("وبنغازي", "ببنغازي").
    """
    folded_set = {fold_phrase(p) for p in phrases if p.strip()}
    if arabic_prefixes:
        # «للمنطقة» is ل + «المنطقة» with the alef of the article dropped.
        folded_set |= {"لل" + p[2:] for p in folded_set if p.startswith("ال") and len(p) > 3}
    folded = sorted(folded_set, key=len, reverse=True)
    if not folded:
        return None
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in folded)
    prefix = r"(?:[وفبلك]{1,2}(?=[\u0621-\u064a]))?" if arabic_prefixes else ""
    return re.compile(rf"(?<![\w\u0621-\u064a]){prefix}(?P<phrase>{body})(?![\w\u0621-\u064a])")


SENTENCE_END = re.compile(r"(?<=[.!?؟])\s+|\n+|(?<=[.!?؟])(?=[\"'»”])|(?<=\.)(?=[\u0621-\u064a])")


# "Dr. Ahmaid", "Col. Miloud", «د. محمد»: a full stop that ends an abbreviation, not a sentence.
ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:dr|mr|mrs|ms|gen|col|lt|brig|maj|capt|eng|engr|prof|st|no|sgt|gov|rep|sen|[a-z]|د|م)\.$"
)


def sentences(text: str) -> list[Span]:
    """Sentence spans: split at final punctuation and line breaks (Arabic news often omits full stops)."""
    spans: list[Span] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        if text[match.start() - 1 : match.start()] == "." and ABBREVIATION.search(
            text[max(0, match.start() - 6) : match.start()].lower()
        ):
            continue
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def sentence_of(spans: list[Span], offset: int) -> int:
    """Index of the sentence holding `offset` (the last one starting at or before it)."""
    index = 0
    for number, (start, _end) in enumerate(spans):
        if start <= offset:
            index = number
        else:
            break
    return index


def has_arabic(text: str) -> bool:
    return any("\u0600" <= char <= "\u06ff" for char in text)


def lookup[T](mapping: dict[str, T], matched: str) -> T | None:
    """The entry for a matched phrase, undoing the «لل» contraction of phrase_pattern."""
    key = " ".join(matched.split())
    if key in mapping:
        return mapping[key]
    if key.startswith("لل"):
        return mapping.get("ال" + key[2:])
    return None
