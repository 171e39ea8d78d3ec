from django.db import migrations, models
from django.db.models import Exists, F, OuterRef, Value
from django.db.models.functions import Concat, Trim


def fill(apps, schema_editor):
    """The languages of each meeting's sources, as meetings.source_languages computes them (frozen
    here: a migration must not follow later changes of that module)."""
    Meeting = apps.get_model("meetings", "Meeting")
    Article = apps.get_model("meetings", "Article")
    languages = Article.objects.exclude(language="").values_list("language", flat=True).distinct().order_by()
    for language in sorted(set(languages)):
        sourced = Article.objects.filter(meetings=OuterRef("pk"), language=language)
        Meeting.objects.filter(Exists(sourced)).update(
            source_languages=Trim(Concat(F("source_languages"), Value(f" {language}")))
        )


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0010_region_activity_by_region"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="source_languages",
            field=models.CharField(blank=True, default="", editable=False, max_length=20),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
