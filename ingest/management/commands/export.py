"""`manage.py export --format json|csv`: people and meetings as the extraction contract describes."""
from __future__ import annotations

import csv
import json
from typing import Any

from django.core.management.base import BaseCommand

from meetings import exports


class Command(BaseCommand):
    help = "Export people and meetings (JSON document, or CSV with one row per meeting and participant)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args: Any, format: str, **options: Any) -> None:
        if format == "json":
            self.stdout.write(json.dumps(exports.export_document(), ensure_ascii=False, indent=1))
            return
        writer = csv.writer(self.stdout)
        writer.writerow(exports.CSV_COLUMNS)
        for row in exports.csv_rows():
            writer.writerow(row)
