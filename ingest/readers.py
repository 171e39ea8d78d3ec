"""Files to RawArticle: .json, .jsonl, .html/.htm, .txt, and folders of them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from .types import ArticleError, RawArticle

SUFFIXES = {".json", ".jsonl", ".html", ".htm", ".txt"}


def expand_paths(paths: list[str]) -> Iterator[Path]:
    """Files in the order given; a folder's article files in name order."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and not p.name.endswith(".gold.json")
            )
        else:
            yield path


def read_file(path: Path) -> Iterator[RawArticle | ArticleError]:
    """One article per file (several for .jsonl); a bad one yields an ArticleError and the rest go on."""
    try:
        size = path.stat().st_size
    except OSError as error:
        yield ArticleError(f"cannot read {path}: {error.strerror or error}")
        return
    if size > settings.INGEST_MAX_BYTES:
        yield ArticleError(f"{path} is {size} bytes, over the {settings.INGEST_MAX_BYTES}-byte limit")
        return
    data = path.read_bytes()
    suffix = path.suffix.lower()
    # Checked for every type: an empty page would otherwise be stored as an article without text.
    if not data.strip():
        yield ArticleError(f"{path}: the file is empty")
        return
    if suffix == ".jsonl":
        try:
            text = decode(data, path)
        except ArticleError as error:
            yield error
            return
        for number, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    yield from_mapping(json.loads(line), f"{path}:{number}")
                except (ValueError, ArticleError) as error:
                    yield ArticleError(f"{path} line {number}: {error}")
        return
    try:
        text = decode(data, path)
        if suffix == ".json":
            yield from_mapping(json.loads(text), str(path))
        elif suffix in {".html", ".htm"}:
            yield RawArticle(path=str(path), html=text, raw=text)
        elif suffix == ".txt":
            yield from_plain_text(text, str(path))
        else:
            raise ArticleError(f"unsupported file type {suffix or '(none)'}")
    except ValueError as error:
        yield ArticleError(f"{path}: {error}")
    except ArticleError as error:
        # decode() names the file itself; from_mapping() and from_plain_text() do not.
        yield error if str(error).startswith(str(path)) else ArticleError(f"{path}: {error}")


def decode(data: bytes, path: Path) -> str:
    if b"\x00" in data[:4096]:
        raise ArticleError(f"{path} looks binary, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ArticleError(f"{path}: unknown text encoding") from None
        return str(best)


def from_mapping(obj: object, path: str) -> RawArticle:
    if not isinstance(obj, dict):
        raise ArticleError("expected a JSON object")
    text, html = obj.get("text") or "", obj.get("html") or ""
    if not isinstance(text, str) or not isinstance(html, str) or not (text.strip() or html.strip()):
        raise ArticleError("an article needs a non-empty 'text' or 'html'")
    published = obj.get("published")
    return RawArticle(
        path=path,
        url=str(obj.get("url") or ""),
        title=str(obj.get("title") or ""),
        published=parse_iso_date(published) if published else None,
        source=str(obj.get("source") or ""),
        language=str(obj.get("language") or ""),
        text=text,
        html=html,
        raw=json.dumps(obj, ensure_ascii=False),
    )


def parse_iso_date(value: object) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise ArticleError(f"'published' must be YYYY-MM-DD, got {value!r}") from None


def from_plain_text(text: str, path: str) -> RawArticle:
    """The first non-empty line is the title when short and without a final full stop."""
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    title = ""
    if first is not None:
        candidate = lines[first].strip()
        if len(candidate) <= 200 and not candidate.endswith((".", "。", "؟", "!")):
            title = candidate
    if not text.strip():
        raise ArticleError("the file is empty")
    return RawArticle(path=path, title=title, text=text, raw=text)
