"""`manage.py ingest PATH...`: store articles through the same code path as the Celery tasks."""
from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from ingest import gazetteer
from ingest.pipeline import ingest_article
from ingest.readers import expand_paths, read_file
from ingest.types import ArticleError


class Command(BaseCommand):
    help = "Ingest article files or folders: clean, extract, resolve people, merge meetings, store."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("paths", nargs="+", help="article files (.json, .jsonl, .html, .txt) or folders")

    def handle(self, *args: Any, paths: list[str], **options: Any) -> None:
        known = gazetteer.current()
        stored = skipped = failed = 0
        for path in expand_paths(paths):
            for item in read_file(path):
                if isinstance(item, ArticleError):
                    failed += 1
                    self.stderr.write(f"error: {item}")
                    continue
                try:
                    article, created = ingest_article(item, known)
                except Exception as error:  # one bad article must not stop the batch
                    failed += 1
                    self.stderr.write(f"error: {item.path}: {type(error).__name__}: {error}")
                    continue
                if created:
                    stored += 1
                    self.stdout.write(f"stored {item.path} → article {article.pk} ({article.get_status_display()})")
                else:
                    skipped += 1
                    self.stdout.write(f"unchanged {item.path}: already stored as article {article.pk}")
        self.stdout.write(f"{stored} stored, {skipped} already present, {failed} failed")
        if failed:
            raise CommandError(f"{failed} article(s) failed")
