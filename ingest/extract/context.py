"""Which part of an article tells the meeting: its sentences, and where background begins.

News stories lead with the meeting and end with background (an earlier
campaign, last month's statement, a UN mission's concern). People, places and
topics come from the meeting's part only; the background starts at the first
later sentence that opens on another time or a "notably"-style marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ingest.types import Span

from .lexicon import Lexicon
from .text import Folded, fold, sentences

if TYPE_CHECKING:
    from .mentions import Mention

MONTHS_EN = "january|february|march|april|may|june|july|august|september|october|november|december"
MONTHS_AR = (
    "يناير|فبراير|مارس|ابريل|أبريل|مايو|يونيو|يوليو|اغسطس|أغسطس|سبتمبر|اكتوبر|أكتوبر|نوفمبر|ديسمبر|"
    "كانون|شباط|اذار|آذار|نيسان|ايار|أيار|حزيران|تموز|اب|آب|ايلول|أيلول|تشرين"
)
# A sentence opening on another time: "In May, ...", "On 22 April, ...", «وفي مايو الماضي».
OTHER_TIME_OPENING = re.compile(
    rf"^\W*(?:(?:in|on|since|by|during)\s+(?:\d{{1,2}}\s+)?(?:{MONTHS_EN})\b|(?:in|since)\s+(?:19|20)\d\d\b"
    rf"|و?(?:في|خلال|منذ)\s+(?:شهر\s+)?(?:{fold('|'.join(MONTHS_AR.split('|'))).text})\b)"
)
# Speech in quotes is what somebody said, not what happened; short quoted runs are names.
QUOTED = re.compile(r'"[^"\n]*"')


# A line of a list: a dash, a bullet or a number first.
LIST_ITEM = re.compile(r"^\s*(?:[-–—•*▪·]|\d{1,2}[.)-]|[\u0660-\u0669]{1,2}[.)-])\s*")


@dataclass
class Context:
    body: str
    language: str
    lexicon: Lexicon

    @cached_property
    def folded(self) -> Folded:
        return fold(self.body)

    @cached_property
    def text(self) -> str:
        """The folded body with long quotations blanked (same length, so offsets still hold)."""
        # Quotes pair in order, so a name in quotes never pairs with the next name's opening quote.
        return QUOTED.sub(
            lambda m: '"' + " " * (len(m.group()) - 2) + '"' if len(m.group()) > 42 else m.group(), self.folded.text
        )

    @cached_property
    def sentences(self) -> list[Span]:
        return sentences(self.folded.text)

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[start:end]

    def pattern(self, kind: str) -> re.Pattern[str] | None:
        """The gazetteer's phrases of `kind` in this article's language (Arabic with attached prefixes)."""
        return self.lexicon.pattern(kind, self.language, arabic_prefixes=self.language == "ar")

    def has(self, kind: str, index: int) -> bool:
        pattern = self.pattern(kind)
        return bool(pattern and pattern.search(self.sentence_text(index)))

    @cached_property
    def meeting_sentences(self) -> list[int]:
        """Sentences before the background that say a meeting happened or who was at it."""
        found = []
        for index in range(self.background_sentence):
            if any(self.has(kind, index) for kind in ("meeting_cue", "participation_cue", "chair_marker")):
                found.append(index)
            elif found and found[-1] == index - 1 and LIST_ITEM.match(self.sentence_text(index)):
                found.append(index)  # «بحضور كل من:» then one line per person: the list belongs to the meeting
        return found

    @cached_property
    def first_meeting_sentence(self) -> int | None:
        for index, _ in enumerate(self.sentences):
            if self.has("meeting_cue", index) or self.convenes(index):
                return index
        return None

    def convenes(self, index: int) -> bool:
        """A convening verb with an official after it.

        "X received on Tuesday the Ambassador of ...", «بحث رئيس ... مع المبعوثة».
        """
        verbs, heads = self.pattern("chair_verb"), self.pattern("position_head")
        if not verbs or not heads:
            return False
        text = self.sentence_text(index)
        verb = verbs.search(text)
        if not verb:
            return False
        after = text[verb.end() :]
        if self.language == "ar":
            # The subject follows the verb; an official after «مع» or a second official is the other side.
            return bool(re.search(r"(?<!\S)مع(?!\S)", after) and heads.search(after.split("مع", 1)[-1]))
        return bool(heads.search(after))

    @cached_property
    def mentions(self) -> list[Mention]:
        """Every person mention in the body, in order."""
        from .mentions import find_mentions  # mentions reads a Context: imported late to avoid a cycle

        return find_mentions(self)

    @cached_property
    def lead_sentence(self) -> int | None:
        """The first sentence that names an official (a mention anchor: title or position), or None."""
        return self.sentence_index(self.mentions[0].start) if self.mentions else None

    @cached_property
    def background_sentence(self) -> int:
        """Index of the first background sentence (len(sentences) when there is none)."""
        first = self.first_meeting_sentence
        start_from = (first + 1) if first is not None else 1
        for index in range(start_from, len(self.sentences)):
            text = self.sentence_text(index).strip()
            if self.opens_background(text):
                return index
        return len(self.sentences)

    def opens_background(self, sentence: str) -> bool:
        head = sentence[:60]
        pattern = self.lexicon.pattern("background_marker", self.language)
        marker = pattern.match(head.lstrip(" \"'-–(")) if pattern else None
        return bool(marker) or bool(OTHER_TIME_OPENING.match(head))

    @cached_property
    def meeting_end(self) -> int:
        """Folded offset where the background starts."""
        if self.background_sentence >= len(self.sentences):
            return len(self.folded.text)
        return self.sentences[self.background_sentence][0]

    def sentence_index(self, offset: int) -> int:
        for index, (start, end) in enumerate(self.sentences):
            if start <= offset < end:
                return index
        return len(self.sentences) - 1 if offset >= len(self.folded.text) else 0
