"""Person mentions in a body: the name as written, its rank or title, and the position before it.

Arabic news introduces an official as «position [title] name» («وزير الداخلية
اللواء عصام أبوزريبة»); English as "position, title Name". Without a named-entity
model for Arabic here, a mention is found from those anchors: a title, or a
position phrase ending at a comma, a quote or a known given name. Every word
list comes from the gazetteer, which curators extend in the admin.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .context import Context
from .text import fold_phrase

ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")
TOKEN = re.compile(r"[\u0621-\u064a]+|[a-z0-9]+(?:['’][a-z]+)?|[^\s\w]")
NAME_PARTICLES_AR = {"ابو", "بن", "بو", "عبد", "ابن", "بنت", "ال"}
NAME_PARTICLES_EN = {
    "al",
    "el",
    "bin",
    "ben",
    "abu",
    "abou",
    "abd",
    "bu",
    "ibn",
    "de",
    "al-",
    "el-",
    "abdel",
    "abdul",
    "ould",
}
QUOTES = {'"', "'", "`"}


@dataclass
class Token:
    text: str  # folded
    start: int  # folded offsets
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum() or "\u0621" <= self.text[0] <= "\u064a"


@dataclass
class Mention:
    name: str  # as written in the body
    start: int  # folded offsets of the name
    end: int
    title: str | None = None  # as written
    title_canonical: str = ""
    position: str | None = None  # as written
    position_start: int | None = None

    @property
    def tokens(self) -> list[str]:
        return fold_phrase(self.name.replace("-", " ")).split()


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def original(context: Context, start: int, end: int) -> str:
    first, last = context.folded.span(start, end)
    return context.body[first:last]


def find_mentions(context: Context) -> list[Mention]:
    found = ArabicMentions(context).find() if context.language == "ar" else EnglishMentions(context).find()
    return sorted(found + curated_mentions(context, found), key=lambda m: m.start)


def curated_mentions(context: Context, found: list[Mention]) -> list[Mention]:
    """Spellings curators confirmed for a person, wherever they appear without a title or position."""
    pattern = context.lexicon.alias_pattern
    if pattern is None:
        return []
    extra: list[Mention] = []
    for match in pattern.finditer(context.text):
        start, end = match.start("phrase"), match.end("phrase")
        if any(m.start < end and start < m.end for m in found + extra):
            continue
        extra.append(Mention(name=original(context, start, end), start=start, end=end))
    return extra


def strip_prefix(word: str, vocabulary: frozenset[str]) -> str | None:
    """The word, or the word without an attached و/ب/ل, when that is in the vocabulary."""
    if word in vocabulary:
        return word
    for prefix in ("و", "ب", "ل", "وب", "ول", "ف"):
        if word.startswith(prefix) and word[len(prefix) :] in vocabulary:
            return word[len(prefix) :]
    return None


class ArabicMentions:
    """«وزير الداخلية بالحكومة الليبية، لواء عصام أبوزريبة» → name, title, position."""

    MAX_POSITION_TOKENS = 12
    MAX_NAME_TOKENS = 4

    def __init__(self, context: Context) -> None:
        self.context = context
        lexicon = context.lexicon
        self.tokens = tokenize(context.text)
        self.titles = lexicon.words("title", "ar")
        self.heads = lexicon.words("position_head", "ar")
        self.stop = (
            lexicon.words("stop_name", "ar") | lexicon.words("meeting_cue", "ar") | lexicon.words("chair_verb", "ar")
        )
        self.given = lexicon.words("given_name", "ar")
        self.cities = frozenset(name for name in lexicon.city_by_name if ARABIC_WORD.fullmatch(name.replace(" ", "")))
        self.complements = lexicon.words("position_phrase", "ar")
        # Tokens inside a city's name («بني وليد»): never the start of a person's name.
        pattern = lexicon.city_pattern
        starts = [token.start for token in self.tokens]
        self.in_city: set[int] = set()
        for match in pattern.finditer(context.text) if pattern else ():
            first = bisect.bisect_left(starts, match.start("phrase"))
            last = bisect.bisect_left(starts, match.end("phrase"))
            self.in_city.update(range(first, last))

    def find(self) -> list[Mention]:
        mentions: list[Mention] = []
        index = 0
        while index < len(self.tokens):
            if index in self.in_city:
                index += 1
                continue
            mention, next_index = self.mention_at(index)
            if mention:
                mentions.append(mention)
                index = next_index
            else:
                index += 1
        return mentions

    def title_at(self, index: int) -> int:
        """Number of tokens of a title starting at `index` (0 when none)."""
        for size in (2, 1):
            words = self.tokens[index : index + size]
            if len(words) == size and all(t.is_word for t in words):
                phrase = " ".join(t.text for t in words)
                if phrase in self.titles or (size == 1 and phrase.startswith("و") and phrase[1:] in self.titles):
                    return size
        # «د.» and «م.»: a letter and a full stop.
        words = self.tokens[index : index + 2]
        if len(words) == 2 and words[1].text == "." and (words[0].text + ".") in self.titles:
            return 2
        return 0

    def is_head(self, token: Token) -> bool:
        return strip_prefix(token.text, self.heads) is not None

    def mention_at(self, index: int) -> tuple[Mention | None, int]:
        token = self.tokens[index]
        if not token.is_word:
            return None, index + 1
        position_start = None
        cursor = index
        if self.is_head(token):
            position_start = token.start
            cursor = self.skip_position(index + 1)
            # «وزير الداخلية بالحكومة الليبية، لواء عصام»: a comma may stand between position and title.
            after = cursor
            while after < len(self.tokens) and self.tokens[after].text in {",", "،", "-", *QUOTES}:
                after += 1
            if after < len(self.tokens) and self.title_at(after):
                cursor = after
        title_start = cursor
        title_size = self.title_at(cursor) if cursor < len(self.tokens) else 0
        cursor += title_size
        # Punctuation between position, title and name: commas, quotes, a dash.
        separated = False
        while cursor < len(self.tokens) and self.tokens[cursor].text in {",", "،", "-", *QUOTES}:
            separated = True
            cursor += 1
        if position_start is None and not title_size:
            if self.bare_name_start(index):
                # «بحضور كل من محمد ... و...»: a known given name with no title or position before it.
                return self.build(index, self.name_from(index, trusted=False), None, None, 0, index)
            return None, index + 1
        name_tokens = self.name_from(cursor, trusted=bool(title_size) or separated)
        return self.build(index, name_tokens, position_start, title_start, title_size, cursor)

    # Words before a given name that make it an institution's name («جامعة عمر المختار»), not a person.
    INSTITUTIONS = {
        "جامعه",
        "مستشفي",
        "مسجد",
        "شارع",
        "مدرسه",
        "مطار",
        "ميناء",
        "قاعده",
        "معسكر",
        "كتيبه",
        "سريه",
        "مركز",
        "ميدان",
        "طريق",
        "حي",
        "منطقه",
        "فندق",
        "قاعه",
        "مجمع",
        "مؤسسه",
        "موسسه",
        "نادي",
    }
    AMBIGUOUS_GIVEN = {
        "علي",
        "جمعه",
        "فتح",
        "نصر",
        "سعيد",
        "عادل",
        "جمال",
        "كمال",
        "امين",
        "صالح",
        "رمضان",
        "هدي",
        "بدر",
        "سلطان",
        "امنه",
        "سالم",
        "منصور",
        "ناصر",
        "فوزي",
        "نبيل",
        "شكري",
        "رضا",
        "مراد",
        "حامد",
        "مسعود",
        "سامي",
    }

    def bare_name_start(self, index: int) -> bool:
        word = self.tokens[index].text
        if word not in self.given or word in self.AMBIGUOUS_GIVEN:
            return False
        previous = self.tokens[index - 1].text if index else ""
        return previous not in self.INSTITUTIONS and previous[1:] not in self.INSTITUTIONS

    def build(
        self,
        index: int,
        name_tokens: list[Token],
        position_start: int | None,
        title_start: int | None,
        title_size: int,
        cursor: int,
    ) -> tuple[Mention | None, int]:
        if len(name_tokens) < 2:
            return None, index + 1
        title_start = title_start if title_start is not None else cursor
        start, end = name_tokens[0].start, name_tokens[-1].end
        title = title_canonical = None
        if title_size:
            title_tokens = self.tokens[title_start : title_start + title_size]
            title = original(self.context, title_tokens[0].start, title_tokens[-1].end)
            title = title[1:] if title.startswith("و") and fold_phrase(title) not in self.titles else title
            title_canonical = self.context.lexicon.canonical("title", "ar", title)
        position = None
        if position_start is not None:
            position_end = self.tokens[title_start - 1].end if title_start > index else name_tokens[0].start
            position = original(self.context, position_start, position_end).strip(" ،,-\"'“”‘’")
            if position.startswith("و") and fold_phrase(position[1:].split()[0]) in self.heads:
                position = position[1:]
        else:
            position = self.position_after(self.tokens.index(name_tokens[-1]) + 1)
        return (
            Mention(
                name=original(self.context, start, end).strip("\"'“”‘’ "),
                start=start,
                end=end,
                title=title,
                title_canonical=title_canonical or "",
                position=position,
                position_start=position_start,
            ),
            self.tokens.index(name_tokens[-1]) + 1,
        )

    def position_after(self, index: int) -> str | None:
        """«العقيد مصطفى بن علي، مدير أمن طرابلس»: a position after the name and a comma."""
        if index + 1 >= len(self.tokens) or self.tokens[index].text not in {",", "،"}:
            return None
        head = self.tokens[index + 1]
        if not self.is_head(head):
            return None
        end = self.skip_position(index + 2)
        last = self.tokens[min(end, len(self.tokens)) - 1]
        return original(self.context, head.start, last.end).strip(" ،,.-\"'“”‘’") or None

    def skip_position(self, index: int) -> int:
        """Index just past a position phrase's complement («الداخلية بالحكومة الليبية»)."""
        limit = min(len(self.tokens), index + self.MAX_POSITION_TOKENS)
        cursor = index
        while cursor < limit:
            token = self.tokens[cursor]
            if not token.is_word or self.title_at(cursor):
                break
            word = token.text
            if self.is_complement(word):
                cursor += 1
                continue
            break
        return cursor

    def is_complement(self, word: str) -> bool:
        if word in self.given:
            return False
        if word.startswith(("ال", "بال", "لل", "وال", "لشو", "لحكوم", "بحكوم", "لوزار", "بوزار")):
            return True
        if word in {
            "عن",
            "من",
            "غير",
            "امن",
            "جهاز",
            "مكافحه",
            "شوون",
            "اداره",
            "قسم",
            "فرع",
            "مجلس",
            "دوريات",
            "مديريه",
            "مركز",
            "لجنه",
            "وزاره",
            "حكومه",
            "دائره",
            "بلديه",
            "مكتب",
            "هيئه",
            "اركان",
            "قوه",
            "قطاع",
            "غرفه",
            "عمليات",
            "صندوق",
            "منطقه",
            "وكيل",
            "ادارات",
            "مدير",
            "عام",
            "مساعد",
            "نائب",
            "شعبه",
            "وحده",
            "كتيبه",
            "حرس",
            "خفر",
            "جامعه",
            "اعلام",
            "مستشار",
        }:
            return True
        if word in self.cities or word in self.complements:
            return True
        return word.isdigit()

    def name_from(self, index: int, *, trusted: bool) -> list[Token]:
        """The tokens of a name starting at `index`; `trusted` when a title or a comma announced it."""
        if index >= len(self.tokens):
            return []
        first = self.tokens[index]
        if not first.is_word or not ARABIC_WORD.fullmatch(first.text):
            return []
        if self.is_stop(first.text) and not (self.is_given_ali(first) and (trusted or index + 1 < len(self.tokens))):
            return []
        if not trusted and first.text not in self.given and first.text.startswith("ال"):
            return []
        if not trusted and first.text not in self.given:
            # An unknown first word right after a position is more often the position's tail than a name.
            return []
        taken = [first]
        cursor = index + 1
        while (
            cursor < len(self.tokens)
            and len([t for t in taken if t.text not in NAME_PARTICLES_AR]) < self.MAX_NAME_TOKENS
        ):
            token = self.tokens[cursor]
            if not ARABIC_WORD.fullmatch(token.text) or self.title_at(cursor):
                break
            if self.is_stop(token.text) and not self.is_given_ali(token):
                break
            if (
                token.text.startswith("و")
                and token.text not in self.given
                and (len(taken) > 1 or self.joins_next_item(token.text[1:]))
            ):
                break  # «و» joins the next item of a list, not the next part of a name («وهيبة» is a name)
            if token.text.startswith(("بال", "لل", "بم", "لم")) and token.text not in self.given:
                break
            if token.text in self.cities and taken[-1].text not in NAME_PARTICLES_AR:
                break
            if len(taken) >= 2 and VERBAL_NOUN_AR.fullmatch(token.text) and token.text not in self.given:
                break  # «عصام أبوزريبة تطوير الأداء»: the name ends where the verbal noun (the object) begins
            taken.append(token)
            cursor += 1
        while taken and taken[-1].text in NAME_PARTICLES_AR:
            taken.pop()
        return taken

    def joins_next_item(self, rest: str) -> bool:
        """After «و»: a given name, a title, a position or another word that is never a name begins a new item."""
        return len(rest) < 3 or rest in self.given or self.is_stop(rest) or rest.startswith("ال")

    def is_given_ali(self, token: Token) -> bool:
        """«علي» (Ali) folds like «على» (on): the name is the one written with a dotted ya."""
        return token.text == "علي" and original(self.context, token.start, token.end).endswith("ي")

    def is_stop(self, word: str) -> bool:
        return word in self.stop or self.is_head(Token(word, 0, 0)) or word in self.titles


# Form II verbal nouns (تفعيل: «تطوير», «تعزيز», «تنفيذ»), which follow a name as the object of its verb.
VERBAL_NOUN_AR = re.compile(r"ت\w\wي\w")


# Lower-case words that belong to a position before its head ("the security director of Zawiya").
POSITION_MODIFIERS_EN = {
    "security",
    "deputy",
    "acting",
    "assistant",
    "interior",
    "defence",
    "defense",
    "military",
    "municipal",
    "border",
    "internal",
    "foreign",
    "general",
    "regional",
    "local",
    "police",
}
PLACE_AFTER_NAME = re.compile(
    r"\s+(?:districts?|neighbou?rhoods?|areas?|streets?|roads?|squares?|camps?|hospitals?|ports?|airports?|"
    r"universit(?:y|ies)|mosques?|stadiums?|bases?|brigades?|battalions?|hotels?|quarters?|municipalit(?:y|ies))\b",
    re.I,
)


class EnglishMentions:
    """ "Minister of Interior, Major General Issam Abu Zareba" → name, title, position."""

    def __init__(self, context: Context) -> None:
        self.context = context
        lexicon = context.lexicon
        self.titles = sorted(lexicon.phrases("title", "en"), key=len, reverse=True)
        # Every word of a title ("Field", "Marshal"), so that a title is never read as part of a name.
        self.title_words = {word.lower().rstrip(".") for title in self.titles for word in title.split()} - {""}
        self.stop = {w.lower() for w in lexicon.phrases("stop_name", "en")} | {
            w.lower() for w in lexicon.phrases("position_head", "en")
        }
        self.cities = {name.lower() for name in lexicon.city_by_name if name.isascii()}
        self.heads = [h for h in lexicon.phrases("position_head", "en")]
        self.given = {w.lower() for w in lexicon.phrases("given_name", "en")}
        self.heads_lower = {h.lower() for h in self.heads}

    NAME_WORD = re.compile(r"(?:[A-Z][a-z'’]+|[A-Z]{2,}(?=\s+[A-Z][a-z]))(?:-[A-Za-z][a-z'’]+)*")
    PARTICLE = re.compile(r"(?:al|el|Al|El|bin|ben|Bin|Ben|abu|Abu|Abou|abd|Abd|ibn|Ibn|de|ould)(?:-|\s+)(?=[A-Z])")

    def find(self) -> list[Mention]:
        body = self.context.body
        mentions: list[Mention] = []
        pattern = re.compile(
            rf"(?:{self.PARTICLE.pattern})?{self.NAME_WORD.pattern}(?:\s+(?:{self.PARTICLE.pattern})?{self.NAME_WORD.pattern})*"
        )
        for match in pattern.finditer(body):
            words, start = self.trim(match.group(), match.start())
            if words is None:
                continue
            name = " ".join(words.split())
            core = [w for w in re.split(r"[\s-]+", name) if w.lower() not in NAME_PARTICLES_EN]
            if len(core) < 2 or len(core) > 5:
                continue
            if name.lower() in self.cities or re.search(r"['’]s$", name):
                continue  # "Ras Ajdir"; "Branch Libya's" (a possessive opens a noun phrase, not a name)
            if PLACE_AFTER_NAME.match(body, start + len(words)):
                continue  # "the Salah al-Din district", "Abu Salim camp"
            folded_start = self.folded_offset(start)
            folded_end = self.folded_offset(start + len(words))
            title, canonical = self.title_before(start)
            position = self.position_before(start, title) or self.position_after(start + len(words))
            # A capitalised run is a person only with a sign of one: a title, a position, or a known given name.
            if not (title or position or core[0].lower() in self.given):
                continue
            mentions.append(
                Mention(
                    name=name,
                    start=folded_start,
                    end=folded_end,
                    title=title,
                    title_canonical=canonical,
                    position=position,
                    position_start=None,
                )
            )
        return mentions

    def trim(self, run: str, start: int) -> tuple[str | None, int]:
        """Drop leading and trailing words that are not names (titles, positions, places, weekdays)."""
        words = [(m.group(), m.start()) for m in re.finditer(r"\S+", run)]
        while words and self.not_a_name(words[0][0]):
            words.pop(0)
        while words and self.not_a_name(words[-1][0]):
            words.pop()
        inside = [i for i, (w, _) in enumerate(words) if w.lower() not in NAME_PARTICLES_EN and self.not_a_name(w)]
        if inside:
            # "Libya's Interior Minister Imad Trabelsi": the name is what follows the last word that is not one.
            words = words[inside[-1] + 1 :]
        if not words:
            return None, start
        first_offset = words[0][1]
        last_word, last_offset = words[-1]
        return run[first_offset : last_offset + len(last_word)], start + first_offset

    def not_a_name(self, word: str) -> bool:
        bare = word.strip(".,’'\"").lower()
        if bare in NAME_PARTICLES_EN:
            return False
        parts = bare.split("-")
        return (
            bare in self.stop
            or any(part in self.stop for part in parts if part not in NAME_PARTICLES_EN)
            or (len(parts) > 1 and parts[0] in self.cities)  # "Tripoli-based"
            or bare in self.cities
            or bare.removesuffix("’s").removesuffix("'s") in self.cities
            or bare in self.title_words
        )

    def folded_offset(self, original_offset: int) -> int:
        """The first folded character at or after an original offset (origin is sorted)."""
        return bisect.bisect_left(self.context.folded.origin, original_offset)

    def title_before(self, start: int) -> tuple[str | None, str]:
        before = self.context.body[max(0, start - 40) : start].rstrip()
        for title in self.titles:
            if re.search(rf"(?:^|[\s,(]){re.escape(title)}$", before):
                return title, self.context.lexicon.canonical("title", "en", title)
        return None, ""

    def position_after(self, end: int) -> str | None:
        """An appositive position after the name ("Osama Hammad, Executive Director of ...")."""
        after = self.context.body[end : end + 140]
        match = re.match(r"\s*,\s*((?:the\s+)?[^,.;()]{3,110})", after)
        if not match:
            return None
        phrase = match.group(1).strip()
        words = phrase.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        if words and any(words[i].lower() in self.heads_lower for i in range(min(3, len(words)))):
            return " ".join(words)
        return None

    def position_before(self, start: int, title: str | None) -> str | None:
        """The position phrase just before the name ("Minister of Interior of the ... government")."""
        before = self.context.body[max(0, start - 160) : start]
        if title:
            before = before.rstrip()[: -len(title)]
        before = before.rstrip(" ,")
        # The phrase starts after the last clause break before the name.
        # Also at a dateline glued to the text ("Tripoli-The Head of ...") and at a list's "and" just
        # before the name ("Prime Minister Osama Hammad and Belqasim Haftar": not Haftar's position).
        clause = re.split(
            r"[.;:!?()\n]|\b(?:and|with|by|met|held|received|hosted|of whom)(?:\s|$)"
            r"|,\s(?=[a-z])|(?<=[a-z])[-–—](?=The\b)",
            before,
        )[-1].strip(" ,\"“”'")
        words = clause.split()
        head_at = next((i for i, w in enumerate(words) if w.strip(",").lower() in self.heads_lower), None)
        if head_at is None or len(clause) > 140:
            return None
        # Keep the adjectives and bodies just before the head ("Libyan Interior Minister", "Deputy Prime Minister").
        start_at = head_at
        while start_at > 0 and (
            (words[start_at - 1][:1].isupper() and words[start_at - 1] not in {"The", "In", "At", "On"})
            or words[start_at - 1].lower() in POSITION_MODIFIERS_EN
        ):
            start_at -= 1
        phrase = " ".join(words[start_at:]).strip(" ,\"“”'")
        phrase = re.sub(r"^(?:Libyan|Libya’s|Libya's)\s+", "", phrase)
        return phrase or None
        return None
