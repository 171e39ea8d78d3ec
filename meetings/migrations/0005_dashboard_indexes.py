from django.db import migrations, models

# The timeline lists visible meetings newest first with undated ones last. PostgreSQL can serve
# that order from an index only if the index says DESC NULLS LAST, which SQLite cannot express:
# the index is created on PostgreSQL only (the embedded SQLite default holds little data).
NEWEST_FIRST = (
    "CREATE INDEX IF NOT EXISTS visible_newest_first ON meetings_meeting (date DESC NULLS LAST, id DESC) "
    "WHERE merged_into_id IS NULL AND status <> 'rejected'"
)


def create_newest_first(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(NEWEST_FIRST)


def drop_newest_first(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS visible_newest_first")


class Migration(migrations.Migration):

    dependencies = [
        ("meetings", "0004_person_alias_cross_script_keys"),
    ]

    operations = [
        migrations.RunPython(create_newest_first, drop_newest_first),
        migrations.AddIndex(
            model_name="meeting",
            index=models.Index(
                condition=models.Q(("merged_into__isnull", True), models.Q(("status", "rejected"), _negated=True)),
                fields=["date", "city"], name="visible_by_date",
            ),
        ),
    ]
