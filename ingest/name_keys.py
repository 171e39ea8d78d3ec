"""Cross-script keys for person names: the consonant skeleton both scripts share.

"Essam Abu Zraiba", "Issam Abu-Zareba" and «عصام أبوزريبة» all become
("sm", "bzrb"): articles dropped, Abu/Abd joined to the next word, every
letter mapped to a consonant class (vowels, w, y, ا و ي ع ء dropped; q k g kh gh
ق ك خ غ one class; ...), doubles collapsed, a final h dropped. Such keys find
candidates; `compare` decides how well two names agree, and context and
curators' decisions do the rest (see ingest/resolve.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .normalize import normalize_arabic

ARABIC_CLASSES = {
    "ب": "b",
    "ت": "t",
    "ث": "t",
    "ج": "j",
    "ح": "h",
    "خ": "k",
    "د": "d",
    "ذ": "d",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "S",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "d",
    "غ": "k",
    "ف": "f",
    "ق": "k",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "پ": "b",
    "ڤ": "f",
    "گ": "k",
}
# Two-letter Latin spellings of one Arabic consonant, read before single letters.
LATIN_DIGRAPHS = {
    "kh": "k",
    "gh": "k",
    "sh": "S",
    "ch": "S",
    "th": "t",
    "dh": "d",
    "ph": "f",
    "ou": "",
    "ee": "",
    "oo": "",
}
LATIN_CLASSES = {
    "b": "b",
    "p": "b",
    "t": "t",
    "d": "d",
    "j": "j",
    "h": "h",
    "k": "k",
    "q": "k",
    "g": "k",
    "c": "k",
    "r": "r",
    "z": "z",
    "s": "s",
    "f": "f",
    "v": "f",
    "l": "l",
    "m": "m",
    "n": "n",
    "x": "ks",
}
LATIN_VOWEL_START = re.compile(r"^[aeiou]")
# Joined to the next word: "Abu Zraiba" = «أبوزريبة», "Abdul Hamid" = «عبدالحميد».
JOINING_PARTICLES = {"abu", "abou", "abo", "bu", "bou", "ابو", "بو", "abd", "عبد"}
ABD_WORDS = {"abdul", "abdel", "abdal", "abdol", "abdoul", "abdou"}
ARTICLES = {"al", "el", "ul", "ال"}
ABD_PREFIX = re.compile(r"^(abd)(?:ul|el|al|ol|ou|u)(?=[a-z]{3})")
ARABIC_ABD_PREFIX = re.compile(r"^(عبد)(?:ال)(?=\S{2})")


@dataclass(frozen=True)
class NameKey:
    """A name as consonant-class tokens; `vowel_start` marks tokens that begin with a vowel or ا/ع."""

    tokens: tuple[str, ...]
    vowel_start: tuple[bool, ...]

    @property
    def full(self) -> str:
        return " ".join(self.tokens)

    @property
    def given(self) -> str:
        return self.tokens[0] if self.tokens else ""

    @property
    def family(self) -> str:
        return self.tokens[-1] if self.tokens else ""

    @property
    def block(self) -> str:
        """Given name and the start of the family name: finds a family name misspelt at its end."""
        return f"{self.given}|{self.family[:2]}" if len(self.tokens) > 1 else ""


def words(name: str) -> list[tuple[str, ...]]:
    """Lower-cased words, Arabic normalized, articles split off, Abu/Abd joined to what follows.

    A joined word keeps its parts apart so that no digraph spans them ("Abd|hamid", not "dh").
    """
    text = normalize_arabic(name).lower()
    raw = [w for w in re.split(r"[\s\-‐'’`.,]+", text) if w]
    out: list[str] = []
    for word in raw:
        word = ARABIC_ABD_PREFIX.sub(r"\1 ", word)
        word = ABD_PREFIX.sub(r"\1 ", word)
        for part in word.split():
            if part in ABD_WORDS:
                part = "abd"
            if part in ARTICLES:
                continue
            if part.startswith("ال") and len(part) > 3:
                part = part[2:]
            elif part[:2] in {"al", "el"} and len(part) >= 6 and part[2] not in "aeiou":
                part = part[2:]
            out.append(part)
    joined: list[tuple[str, ...]] = []
    carry: tuple[str, ...] = ()
    for part in out:
        if part in JOINING_PARTICLES and not carry:
            carry = (part,)
            continue
        joined.append((*carry, part))
        carry = ()
    if carry:
        joined.append(carry)
    return joined


def skeleton(parts: tuple[str, ...] | str) -> str:
    """One word as consonant classes, doubles collapsed, a final h dropped."""
    if isinstance(parts, str):
        parts = (parts,)
    collapsed = re.sub(r"(.)\1+", r"\1", "".join(part_classes(p) for p in parts))
    return collapsed[:-1] if len(collapsed) > 1 and collapsed.endswith("h") else collapsed


def part_classes(word: str) -> str:
    classes: list[str] = []
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        if pair in LATIN_DIGRAPHS:
            classes.append(LATIN_DIGRAPHS[pair])
            i += 2
            continue
        char = word[i]
        classes.append(ARABIC_CLASSES.get(char) or LATIN_CLASSES.get(char, ""))
        i += 1
    return "".join(classes)


def starts_with_vowel(parts: tuple[str, ...]) -> bool:
    return bool(LATIN_VOWEL_START.match(parts[0])) or parts[0][:1] in {"ا", "ع"}


@lru_cache(maxsize=100_000)
def cross_script_key(name: str) -> NameKey:
    parts = [w for w in words(name) if skeleton(w)]
    return NameKey(tuple(skeleton(w) for w in parts), tuple(starts_with_vowel(w) for w in parts))


@dataclass(frozen=True)
class NameMatch:
    score: float
    kind: str  # "exact", "partial", "typo", "none"


def compare(a: NameKey, b: NameKey) -> NameMatch:
    """How far two names agree. Different given names never match: Khalifa and Saddam Haftar stay apart."""
    if not a.tokens or not b.tokens or a.given != b.given:
        return NameMatch(0.0, "none")
    # أحمد and حماد share a skeleton; one begins with a vowel, the other does not.
    given_vowels_agree = a.vowel_start[0] == b.vowel_start[0]
    if a.tokens == b.tokens:
        return NameMatch(1.0 if given_vowels_agree else 0.6, "exact")
    shorter, longer = sorted((a.tokens, b.tokens), key=len)
    if len(shorter) >= 2 and is_subsequence(shorter, longer):
        return NameMatch(0.7, "partial")
    if len(a.tokens) == len(b.tokens) and sum(x != y for x, y in zip(a.tokens, b.tokens, strict=True)) == 1:
        x, y = next((x, y) for x, y in zip(a.tokens, b.tokens, strict=True) if x != y)
        if min(len(x), len(y)) >= 3 and edit_distance(x, y) == 1:
            return NameMatch(0.6, "typo")
    return NameMatch(0.0, "none")


def is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(token in it for token in short)


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
