"""Arabic-only people get a readable Latin name for English pages."""

from ingest.transliterate import arabic_to_latin


def test_common_names_take_their_usual_english_spelling():
    assert arabic_to_latin("عصام أبوزريبة") == "Essam Abu Zraiba"
    assert arabic_to_latin("عبدالرحمن الأنصاري") == "Abdulrahman al-Ansari"


def test_unknown_words_are_romanized_letter_by_letter_without_tatweel():
    assert arabic_to_latin("الـصديق بـن سـعود") == "al-Siddiq bin Saud"
    assert arabic_to_latin("محمد الفيتوري") == "Mohammed al-Fitouri"
