"""`manage.py extract PATH... [--published YYYY-MM-DD]`: the pipeline without writing, JSON lines out."""
from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ingest import gazetteer
from ingest.pipeline import extract_article
from ingest.readers import expand_paths, parse_iso_date, read_file
from ingest.types import ArticleError


class Command(BaseCommand):
    help = "Extract meetings from article files and print one JSON object per article (nothing is stored)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("paths", nargs="+", help="article files (.json, .jsonl, .html, .txt) or folders")
        parser.add_argument("--published", help="publication date (YYYY-MM-DD) for articles that have none")

    def handle(self, *args: Any, paths: list[str], published: str | None, **options: Any) -> None:
        try:
            default_published = parse_iso_date(published) if published else None
        except ArticleError as error:
            raise CommandError(str(error)) from None
        known = gazetteer.current()
        failed = 0
        for path in expand_paths(paths):
            for item in read_file(path):
                if isinstance(item, ArticleError):
                    failed += 1
                    self.emit({"path": str(path), "error": str(item)})
                    continue
                if item.published is None:
                    item.published = default_published
                try:
                    self.emit(extract_article(item, known).to_contract())
                except Exception as error:  # one bad article must not stop the batch
                    failed += 1
                    self.emit({"path": item.path, "error": f"{type(error).__name__}: {error}"})
        if failed:
            raise CommandError(f"{failed} article(s) failed")

    def emit(self, row: dict[str, Any]) -> None:
        self.stdout.write(json.dumps(row, ensure_ascii=False))
