"""GIN indexes for the free-text filter (meetings.filters.sources_mentioning), PostgreSQL only: one per
text search configuration, each on the expression the filter searches, over the sources it applies to.
SQLite searches by substring and gets none."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations
from django.db.models import Q

INDEXES = [
    ("article_text_arabic", "arabic", Q(language="ar")),
    ("article_text_english", "english", ~Q(language="ar")),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    Article = apps.get_model("meetings", "Article")
    for name, config, condition in INDEXES:
        index = GinIndex(SearchVector("title", "body", config=config), condition=condition, name=name)
        schema_editor.execute(index.create_sql(Article, schema_editor))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _config, _condition in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0014_region_months"),
    ]

    operations = [migrations.RunPython(create, drop)]
