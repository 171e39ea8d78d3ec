"""Arabic normalized for matching; the original text is kept for display and offsets."""
from __future__ import annotations

import re
import unicodedata

DIACRITICS_AND_TATWEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
LETTER_FOLDS = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ی": "ي", "ئ": "ي",
    "ؤ": "و", "ة": "ه", "ک": "ك",
})


def normalize_arabic(text: str) -> str:
    """Diacritics and tatweel dropped, alef/ya/ta-marbuta variants folded; for matching only."""
    text = unicodedata.normalize("NFKC", text)
    return DIACRITICS_AND_TATWEEL.sub("", text).translate(LETTER_FOLDS)


def name_key(name: str) -> str:
    """A spelling-insensitive key of a name within one script."""
    folded = normalize_arabic(name).lower()
    return re.sub(r"[\s\-‐'’`.]+", "", folded)
