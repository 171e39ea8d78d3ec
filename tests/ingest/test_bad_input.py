"""Bad input in a batch gives a clear per-article error or warning; the good seed beside it is still stored.

Each case goes through the real `manage.py ingest` command and through the readers and
pipeline directly. The good seed is read from SEEDS_DIR at test time, never copied.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from ingest.pipeline import extract_article
from ingest.readers import read_file
from ingest.types import ArticleError, RawArticle
from meetings.models import Article, Meeting, Participation, Person, PersonAlias
from tests.conftest import seed_path

CONTROLS = "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa"


class Batch:
    """The output of one `manage.py ingest` run."""

    def __init__(self, *paths: Path) -> None:
        out, err = io.StringIO(), io.StringIO()
        try:
            call_command("ingest", *map(str, paths), stdout=out, stderr=err)
            self.failed = False
        except CommandError:
            self.failed = True
        self.stdout, self.stderr = out.getvalue(), err.getvalue()

    def error_for(self, path: Path) -> str:
        lines = [line for line in self.stderr.splitlines() if line.startswith(f"error: {path}")]
        assert len(lines) == 1, self.stderr
        return lines[0]


def good_seed() -> Path:
    return seed_path("000")


def arabic_seed() -> str:
    return seed_path("002").read_text(encoding="utf-8")


def paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def stored(path: Path | str) -> Article:
    return Article.objects.get(source_path=str(path))


def assert_good_seed_stored(batch: Batch) -> None:
    assert f"stored {good_seed()} → article" in batch.stdout, batch.stdout + batch.stderr
    article = stored(good_seed())
    assert article.status == Article.Status.DONE
    assert article.meetings.count() == 1


def assert_nothing_half_written() -> None:
    """Every meeting has a stored source and every participation belongs to a stored article."""
    assert not Meeting.objects.filter(articles__isnull=True).exists()
    assert not Participation.objects.filter(article__isnull=True).exists()
    for participation in Participation.objects.select_related("article", "meeting"):
        assert participation.article.meetings.filter(pk=participation.meeting_id).exists()


def assert_refused(path: Path, batch: Batch, reason: str) -> None:
    assert batch.failed
    assert reason in batch.error_for(path)
    assert not Article.objects.filter(source_path__startswith=str(path)).exists()
    assert_good_seed_stored(batch)
    assert_nothing_half_written()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.json", "empty.jsonl", "blank.txt"])
def test_an_empty_file_is_refused_by_name_and_the_seed_is_still_stored(tmp_path: Path, name: str) -> None:
    empty = tmp_path / name
    empty.write_bytes(b"" if name.startswith("empty") else b" \n\t\n")
    batch = Batch(empty, good_seed())
    assert_refused(empty, batch, f"{empty}: the file is empty")
    assert Article.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["picture.txt", "picture.html", "picture.json", "picture.jsonl"])
def test_png_bytes_are_refused_as_binary_whatever_the_suffix(tmp_path: Path, name: str) -> None:
    # A binary .jsonl used to raise out of read_file and stop the whole batch.
    picture = tmp_path / name
    picture.write_bytes(PNG_BYTES)
    batch = Batch(picture, good_seed())
    assert_refused(picture, batch, "looks binary, not text")
    [error] = read_file(picture)
    assert isinstance(error, ArticleError)


@pytest.mark.django_db
def test_windows_1256_arabic_text_without_declaration_is_decoded_and_extracted(tmp_path: Path) -> None:
    arabic = tmp_path / "tobruk.txt"
    arabic.write_bytes(arabic_seed().encode("windows-1256"))
    [raw] = read_file(arabic)
    assert isinstance(raw, RawArticle) and raw.text == arabic_seed()

    batch = Batch(arabic, good_seed())
    assert not batch.failed, batch.stderr
    assert_good_seed_stored(batch)
    article = stored(arabic)
    assert article.language == "ar" and article.status == Article.Status.DONE
    assert "وزير الداخلية بالحكومة الليبية" in article.body
    [meeting] = article.meetings.all()
    names = set(meeting.participations.values_list("name_as_written", flat=True))
    assert {"عصام أبوزريبة", "ناصر شرح البال", "أسامة الدرسي"} <= names
    assert meeting.city is not None and meeting.city.name_en == "Tobruk"


def arabic_page(charset: str) -> str:
    story = "".join(f"<p>{line}</p>" for line in paragraphs(arabic_seed()))
    return (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>اجتماع أمني في طبرق</title></head><body><article>{story}</article></body></html>"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("declared", "actual"), [("iso-8859-1", "utf-8"), ("windows-1256", "utf-8"), ("utf-8", "windows-1256")]
)
def test_a_wrong_charset_in_the_meta_tag_does_not_garble_the_arabic(tmp_path: Path, declared: str, actual: str) -> None:
    page = tmp_path / "wrong_charset.html"
    page.write_bytes(arabic_page(declared).encode(actual))
    batch = Batch(page, good_seed())
    assert not batch.failed, batch.stderr
    assert_good_seed_stored(batch)
    article = stored(page)
    assert "عصام أبوزريبة" in article.body
    assert not any(sign in article.body for sign in ("Ø", "Ù", "\ufffd"))
    assert article.meetings.count() == 1


@pytest.mark.django_db
def test_a_file_over_the_size_limit_is_refused_naming_its_size_and_the_limit(tmp_path: Path) -> None:
    assert settings.INGEST_MAX_BYTES == 5 * 1024 * 1024
    big = tmp_path / "huge.txt"
    size = settings.INGEST_MAX_BYTES + 1
    big.write_bytes(b"a" * size)
    batch = Batch(big, good_seed())
    assert_refused(big, batch, f"is {size} bytes, over the {settings.INGEST_MAX_BYTES}-byte limit")


@pytest.mark.django_db
def test_malformed_html_with_unclosed_tags_is_still_read(tmp_path: Path) -> None:
    lines = paragraphs(good_seed().read_text(encoding="utf-8"))
    page = tmp_path / "unclosed.html"
    page.write_text("<html><body><div class='story'><p>" + "<p><b>".join(lines) + "<span><i>", encoding="utf-8")
    seed = seed_path("003")
    batch = Batch(page, seed)
    assert not batch.failed, batch.stderr
    assert Article.objects.get(source_path=str(seed)).meetings.count() == 1
    article = stored(page)
    assert "Essam Abu Zraiba held a meeting" in article.body
    [meeting] = article.meetings.all()
    assert "Essam Abu Zraiba" in set(meeting.participations.values_list("name_as_written", flat=True))


@pytest.mark.django_db
def test_script_style_and_iframe_content_stays_out_of_the_stored_body(tmp_path: Path) -> None:
    lines = paragraphs(seed_path("001").read_text(encoding="utf-8"))
    page = tmp_path / "scripted.html"
    page.write_text(
        "<html><head><style>.headline { color: red } /* STYLE-MARKER */</style>"
        "<script>var tracker = 'SCRIPT-MARKER-HEAD';</script></head><body><article>"
        f"<h1>{lines[0]}</h1>"
        + "".join(f"<p>{line}<script>document.write('SCRIPT-MARKER-INLINE')</script></p>" for line in lines[1:])
        + "<iframe src='https://ads.example/x'>IFRAME-MARKER</iframe>"
        "<noscript>NOSCRIPT-MARKER</noscript></article></body></html>",
        encoding="utf-8",
    )
    batch = Batch(page, good_seed())
    assert not batch.failed, batch.stderr
    assert_good_seed_stored(batch)
    article = stored(page)
    assert lines[1][:60] in article.body
    for marker in ("SCRIPT-MARKER", "STYLE-MARKER", "IFRAME-MARKER", "NOSCRIPT-MARKER", "document.write", "color: red"):
        assert marker not in article.body
        assert marker not in json.dumps(article.extraction, ensure_ascii=False)
    assert article.meetings.count() == 1


@pytest.mark.django_db
def test_a_page_of_scripts_only_is_stored_with_a_warning_and_no_meeting(tmp_path: Path) -> None:
    page = tmp_path / "no_story.html"
    page.write_text("<html><head><script>var x = 1;</script></head><body><script>go()</script></body></html>")
    batch = Batch(page, good_seed())
    assert_good_seed_stored(batch)
    article = stored(page)
    assert article.status == Article.Status.NOT_MEETING
    assert article.warnings and not article.meetings.exists()
    assert "go()" not in article.body


def wrapped_in_controls(text: str, names: list[str]) -> str:
    for index, name in enumerate(names):
        first, _, rest = name.partition(" ")
        controls = ["\u200b", "\u200f", "\u202b", "\u2066"]
        wrapped = f"{controls[index % 4]}\u2066{first}\u200b {rest}\u200f\u2069\u202b"
        text = text.replace(name, wrapped)
    return text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("seed", "names", "city"),
    [
        ("000", ["Essam Abu Zraiba"], "Benghazi"),
        ("002", ["عصام أبوزريبة", "ناصر شرح البال", "أسامة الدرسي"], "Tobruk"),
    ],
)
def test_zero_width_and_bidi_controls_around_names_do_not_reach_the_names(
    tmp_path: Path, seed: str, names: list[str], city: str
) -> None:
    text = wrapped_in_controls(seed_path(seed).read_text(encoding="utf-8"), names)
    assert all(control in text for control in "\u200b\u200f\u202b\u2066")
    noisy = tmp_path / "controls.txt"
    noisy.write_text(text, encoding="utf-8")

    [raw] = read_file(noisy)
    extraction = extract_article(raw)
    assert extraction.is_meeting
    assert {p.name for p in extraction.meetings[0].participants} >= set(names)

    good = seed_path("003") if seed == "000" else good_seed()
    batch = Batch(noisy, good)
    assert not batch.failed, batch.stderr
    assert Article.objects.get(source_path=str(good)).meetings.count() == 1
    [meeting] = stored(noisy).meetings.all()
    assert meeting.city is not None and meeting.city.name_en == city
    written = set(meeting.participations.values_list("name_as_written", flat=True))
    assert set(names) <= written
    people = [name for pair in Person.objects.values_list("name_latin", "name_arabic") for name in pair]
    for value in [*written, *people, *PersonAlias.objects.values_list("name", flat=True)]:
        assert not set(value) & set(CONTROLS), repr(value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"text": "unterminated', "Unterminated string"),
        ("{not json", "Expecting property name"),
        ("[1, 2, 3]", "expected a JSON object"),
        ('{"title": "no body"}', "needs a non-empty 'text' or 'html'"),
        ('{"text": "Minister meets", "published": "last week"}', "'published' must be YYYY-MM-DD"),
    ],
)
def test_malformed_json_is_refused_by_name(tmp_path: Path, content: str, reason: str) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text(content, encoding="utf-8")
    batch = Batch(broken, good_seed())
    assert_refused(broken, batch, reason)
    assert batch.error_for(broken).startswith(f"error: {broken}: ")


@pytest.mark.django_db
def test_one_bad_line_in_a_jsonl_file_leaves_the_good_lines_stored(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": seed_path("001").read_text(encoding="utf-8"), "url": "https://example.org/news/1"}),
        '{"text": "cut off',
        json.dumps(
            {"text": seed_path("003").read_text(encoding="utf-8"), "url": "https://example.org/news/3"},
            ensure_ascii=False,
        ),
    ]
    bundle = tmp_path / "bundle.jsonl"
    bundle.write_text("\n".join(lines) + "\n", encoding="utf-8")
    batch = Batch(bundle, good_seed())
    assert batch.failed
    assert "line 2" in batch.error_for(bundle)
    assert_good_seed_stored(batch)
    for number in (1, 3):
        article = Article.objects.get(source_path=f"{bundle}:{number}")
        assert article.meetings.count() == 1
    assert not Article.objects.filter(source_path=f"{bundle}:2").exists()
    assert "3 stored, 0 already present, 1 failed" in batch.stdout
    assert_nothing_half_written()


@pytest.mark.django_db
def test_a_crash_while_storing_leaves_no_article_meeting_or_participation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ingest import store

    def broken_lookup(name: str | None) -> None:
        # Called after the meeting is created and linked: the article is half stored when it raises.
        raise RuntimeError("organization lookup failed")

    monkeypatch.setattr(store, "organization_named", broken_lookup)
    batch = Batch(good_seed())
    assert batch.failed
    assert "RuntimeError: organization lookup failed" in batch.error_for(good_seed())
    assert not Article.objects.exists()
    assert not Meeting.objects.exists()
    assert not Participation.objects.exists()
