"""A readable Latin form of an Arabic name, for English pages until an article gives the real one.

Common Libyan given names and particles come from a table with their usual English
spellings; other words are romanized letter by letter (short vowels are not written
in Arabic, so these are approximations: "Trablsi", not "Trabelsi"). As soon as an
English article names the person, its spelling replaces ours (ingest/resolve.py).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from .normalize import normalize_arabic

TABLE = Path(__file__).with_name("data") / "latin_names.json"
LETTERS = {
    "ا": "a",
    "ب": "b",
    "ت": "t",
    "ث": "th",
    "ج": "j",
    "ح": "h",
    "خ": "kh",
    "د": "d",
    "ذ": "dh",
    "ر": "r",
    "ز": "z",
    "س": "s",
    "ش": "sh",
    "ص": "s",
    "ض": "d",
    "ط": "t",
    "ظ": "z",
    "ع": "a",
    "غ": "gh",
    "ف": "f",
    "ق": "g",
    "ك": "k",
    "ل": "l",
    "م": "m",
    "ن": "n",
    "ه": "h",
    "و": "ou",
    "ي": "i",
    "ء": "",
    "ة": "a",
}


@cache
def known_words() -> dict[str, str]:
    table = json.loads(TABLE.read_text(encoding="utf-8"))
    return {normalize_arabic(arabic): latin for arabic, latin in table.items()}


def romanize_word(word: str) -> str:
    known = known_words()
    if word in known:
        return known[word]
    if word.startswith("ال") and len(word) > 3:
        rest = romanize_word(word[2:])
        return f"al-{rest}" if rest else "al"
    if word.startswith("عبدال") and len(word) > 5:
        return "Abdul" + romanize_word(word[5:]).lower()
    if word.startswith("ابو") and len(word) > 4:
        return "Abu " + romanize_word(word[3:])
    letters = []
    for i, char in enumerate(word):
        latin = LETTERS.get(char, "")
        if char == "و" and (i == 0 or word[i - 1] == "ا"):
            latin = "w"
        elif char == "ي" and (i == 0 or i + 1 < len(word) and word[i + 1] == "ا"):
            latin = "y"
        elif char == "ا" and i == 0:
            latin = "A"
        letters.append(latin)
    latin = "".join(letters)
    return latin[:1].upper() + latin[1:]


def arabic_to_latin(name: str) -> str:
    """«عصام أبوزريبة» → "Essam Abu Zryba": table words as usually spelt, the rest letter by letter."""
    words = normalize_arabic(name).replace("\u0640", "").split()
    return " ".join(romanize_word(w) for w in words if w)
