"""Visible meetings indexed with their source languages (see Meeting.Meta)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0015_article_text_search_indexes"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="meeting",
            name="visible_by_date",
        ),
        migrations.AddIndex(
            model_name="meeting",
            index=models.Index(
                condition=models.Q(("merged_into__isnull", True), models.Q(("status", "rejected"), _negated=True)),
                fields=["date", "city", "id", "source_languages"],
                name="visible_by_date",
            ),
        ),
    ]
