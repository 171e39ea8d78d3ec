"""An index on the outlet in any case, for the outlet filter (see Article.Meta)."""

import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0018_activity_status"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(django.db.models.functions.text.Upper("outlet"), name="article_outlet_any_case"),
        ),
    ]
